// Receipt accuracy benchmark (DESIGN.md §8): reads the labelled SROIE receipts of ../shared/data/receipts-dev and
// prints per-field accuracy (total equal after normalizing to two decimals, date the same calendar day, merchant
// equal after upper-casing and removing punctuation and spaces) and the time per receipt.
//
//   receipt_accuracy [--data DIR] [--parser-only] [--misses]
//
// Without options it runs the whole pipeline (DocumentReader: loading, clean-up, Tesseract; parser; re-reads) on the
// images, one receipt at a time on one core (median and p95 time per receipt), then all receipts again on every core
// (throughput), and the parser alone on the official OCR lines. --parser-only runs only the latter, which separates
// parsing errors from reading errors. Today is 2026-11-22 and the default currency MYR, as for a Malaysian profile.
#include "benchsupport.h"
#include "receiptbench.h"
#include "receipts/receiptlayout.h"
#include "receipts/receiptparser.h"
#include "receipts/receiptreader.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QThread>
#include <QtConcurrent/QtConcurrentMap>

using namespace Moniagent;

namespace {

const QDate kToday(2026, 11, 22);

// The parser alone on the official OCR lines.
Bench::ReceiptReader parserOnOcrLines()
{
    ReceiptParseOptions options;
    options.today = kToday;
    options.defaultCurrency = Currency::fromCode(u"MYR");
    return [parser = ReceiptParser(options)](const Bench::LabelledReceipt& receipt) {
        return parser.parse(Bench::documentFromOcrLines(receipt.ocrLinesPath));
    };
}

ReceiptParseOptions parseOptions()
{
    ReceiptParseOptions options;
    options.today = kToday;
    options.defaultCurrency = Currency::fromCode(u"MYR");
    return options;
}

// The whole pipeline on the receipt's image, on the calling thread.
ReceiptDraft readImage(const Bench::LabelledReceipt& receipt)
{
    auto reading = Moniagent::ReceiptReader::forThisThread({}, parseOptions()).read(receipt.imagePath);
    return reading ? reading->draft : ReceiptDraft();
}

} // namespace

int main(int argc, char* argv[])
{
    DocumentReader::configureProcess();
    QCoreApplication app(argc, argv);
    QCommandLineParser cli;
    cli.setApplicationDescription(QStringLiteral("Receipt field accuracy on labelled receipts"));
    cli.addHelpOption();
    const QString defaultData = QDir::cleanPath(QStringLiteral(MONIAGENT_SOURCE_DIR "/../shared/data/receipts-dev"));
    const QCommandLineOption dataOption(QStringLiteral("data"), QStringLiteral("Folder with labels.jsonl."),
                                        QStringLiteral("DIR"), defaultData);
    const QCommandLineOption parserOnly(QStringLiteral("parser-only"),
                                        QStringLiteral("Parse the official OCR lines only (no image reading)."));
    const QCommandLineOption missesOption(QStringLiteral("misses"), QStringLiteral("List every miss."));
    const QCommandLineOption showOption(QStringLiteral("show"),
                                        QStringLiteral("Print what the parser reads from one receipt (its id)."),
                                        QStringLiteral("ID"));
    cli.addOptions({dataOption, parserOnly, missesOption, showOption});
    cli.process(app);

    const QString data = cli.value(dataOption);
    if (!QFile::exists(QDir(data).filePath(QStringLiteral("labels.jsonl")))) {
        Bench::out() << "No labelled receipts in " << data << " (labels.jsonl missing): nothing to measure."
                     << Qt::endl;
        return 0;
    }
    QString error;
    const QList<Bench::LabelledReceipt> receipts = Bench::loadLabelledReceipts(data, &error);
    if (receipts.isEmpty()) {
        Bench::out() << "cannot read the labels: " << error << Qt::endl;
        return 1;
    }
    if (cli.isSet(showOption)) {
        for (const Bench::LabelledReceipt& receipt : receipts) {
            if (receipt.id != cli.value(showOption))
                continue;
            const OcrDocument document = Bench::documentFromOcrLines(receipt.ocrLinesPath);
            for (const ReceiptParsing::ReceiptRow& row : ReceiptParsing::buildRows(document))
                Bench::out() << row.box.top() << '-' << row.box.bottom() << "  " << row.text << Qt::endl;
            const ReceiptDraft draft = parserOnOcrLines()(receipt);
            Bench::out() << QJsonDocument(draft.toJson()).toJson(QJsonDocument::Indented) << Qt::endl;
            return 0;
        }
        Bench::out() << "no receipt " << cli.value(showOption) << Qt::endl;
        return 1;
    }
    Bench::printMachine(QStringLiteral("receipt accuracy"));
    Bench::out() << receipts.size() << " labelled receipts from " << data << Qt::endl;

    if (!cli.isSet(parserOnly)) {
        const Bench::AccuracyResult images = Bench::scoreReceipts(receipts, readImage, kToday);
        Bench::reportAccuracy(QStringLiteral("images, one core"), images, {95, 95, 85}, cli.isSet(missesOption));
        // Every core at once, one reader (Tesseract engine) per worker thread.
        QElapsedTimer timer;
        timer.start();
        const QList<ReceiptDraft> drafts = QtConcurrent::blockingMapped<QList<ReceiptDraft>>(receipts, readImage);
        const double seconds = double(timer.nsecsElapsed()) / 1e9;
        Bench::report(QStringLiteral("receipts/s, %1 threads").arg(QThread::idealThreadCount()),
                      QString::number(double(drafts.size()) / seconds, 'f', 2), QStringLiteral("uses every core"));
    }
    const Bench::AccuracyResult result = Bench::scoreReceipts(receipts, parserOnOcrLines(), kToday);
    Bench::reportAccuracy(QStringLiteral("parser on official OCR lines"), result, {97, 97, 90},
                          cli.isSet(missesOption));
    Bench::printTable();
    return 0;
}
