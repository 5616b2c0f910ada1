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
// parser is more confident with it → the merchant's lines read at three more scales, voted word by word → exact
// amounts from a payment QR code. Owns a Tesseract engine: one per
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

    // Fills the draft from a decoded payment code (EPC/SEPA or Swiss QR-bill): amount and currency are exact.
    static void applyPaymentCodes(const OcrDocument& document, ReceiptDraft& draft);

private:
    // Reads the merchant's lines again at three other scales and lets the readings vote word by word
    // (RereadMerge::voted): the name is printed large and bold, where single letters are often misread.
    void voteOnMerchant(ReceiptReading& reading);

    DocumentReader m_reader;
    ReceiptParser m_parser;
};

} // namespace Moniagent
