#pragma once

#include "clicommand.h"
#include "receipts/receiptreader.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace Moniagent {

// moniagent scan [--json] [--lang eng] [--currency CODE] FILE…
// Reads receipts (images, PDFs) with OCR and prints their fields; needs no database. Files are read in parallel,
// one Tesseract engine per core; the output keeps the order of the arguments.
class ScanCommand : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(Moniagent::ScanCommand)
public:
    QString name() const override { return QStringLiteral("scan"); }
    QString summary() const override;
    void addOptions(QCommandLineParser& parser) const override;
    bool acceptsArguments() const override { return true; }
    bool needsDatabase() const override { return false; }
    ExitCode run(CliContext& context) override;

    // The OCR options the command line gives (--lang), or an error naming the languages that are installed.
    static Result<OcrOptions> ocrOptions(const QCommandLineParser& parser);
    // One file's entry of the JSON output: file, status, error or the fields, per-field confidence, ms.
    static QJsonObject toJson(const QString& file, const Result<ReceiptReading>& reading);
    // One line for people: "file: merchant, date, total (n items, ms)".
    static QString describe(const QString& file, const Result<ReceiptReading>& reading, const QLocale& locale);
};

} // namespace Moniagent
