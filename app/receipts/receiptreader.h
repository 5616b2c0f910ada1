#pragma once

#include "core/result.h"
#include "ocr/documentreader.h"
#include "receiptdraft.h"
#include "receiptparser.h"

#include <QCoreApplication>
#include <QJsonObject>

#include <atomic>

namespace Moniagent {

// What reading one receipt file produced.
struct ReceiptReading
{
    OcrDocument document;
    ReceiptDraft draft;
    qint64 milliseconds = 0; // time spent reading and parsing
    int rereads = 0; // regions read a second time because the first pass was unsure
    bool unsure = false; // after the rereads the parser is still unsure of the total or the date region

    // invoices.extracted_data: the OCR words and lines with boxes, the decoded codes, the fields with their
    // confidences and sources, and the engine versions (see extractedDataVersion), so that a later version can
    // parse again without reading the image again.
    QJsonObject extractedData() const;
    static constexpr int ExtractedDataVersion = 1;
    // The document and draft back from extracted_data; nothing when it was not written by this code.
    static std::optional<ReceiptReading> fromExtractedData(const QJsonObject& data);
};

// The receipt pipeline for one thread (DESIGN.md §4): the document reader (loading, clean-up, Tesseract, codes)
// → the receipt parser → a second reading of the regions where the total or date is unsure, kept when the
// parser is more confident with it → exact amounts from a payment QR code. Owns a Tesseract engine: one per
// thread.
class ReceiptReader
{
    Q_DECLARE_TR_FUNCTIONS(ReceiptReader)
public:
    ReceiptReader(OcrOptions ocr, ReceiptParseOptions parse);

    Result<ReceiptReading> read(const QString& path, const std::atomic_bool* cancel = nullptr);

    // This thread's reader for these options (made on first use, remade when the options change): how worker
    // pools keep one Tesseract engine per thread.
    static ReceiptReader& forThisThread(const OcrOptions& ocr, const ReceiptParseOptions& parse);

    // `page` with the numbers of its lines in `region` taken from a numbers-only re-read of that region (words whose
    // middle lies on the line), the lines' words without digits kept: a numbers-only pass reads labels as junk
    // ("TOTAL GST 0.66" as "$ 0.66"), and the label tells what an amount is. Lines without re-read numbers stay.
    static OcrPage withRereadNumbers(const OcrPage& page, const OcrPage& reread, const QRect& region);

    // Fills the draft from a decoded payment code (EPC/SEPA or Swiss QR-bill): amount and currency are exact.
    static void applyPaymentCodes(const OcrDocument& document, ReceiptDraft& draft);

private:
    DocumentReader m_reader;
    ReceiptParser m_parser;
};

} // namespace Moniagent
