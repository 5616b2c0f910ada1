#pragma once

#include "core/currency.h"
#include "ocr/ocrdocument.h"
#include "receiptdraft.h"

#include <QDate>

namespace Moniagent {

struct ReceiptParseOptions
{
    QDate today; // dates after it are not receipt dates; two-digit years resolve to the century before it
    Currency defaultCurrency; // used when the receipt names none (the profile's currency)
};

// Reads the fields of a receipt from OCR text: merchant, date, time, total, subtotal, tax, currency, payment
// method and line items, each with a confidence and the box it came from. Pure: no I/O, no state between calls,
// safe from any thread. Works on line-level text too (lines without words), as the official SROIE OCR gives it.
//
// Confidence reflects the OCR confidence of the source text and the consistency checks (items sum to the
// subtotal/total, subtotal + tax = total, a plausible date), so that of two readings of the same receipt the
// more consistent one has the higher total and date confidence.
class ReceiptParser
{
public:
    explicit ReceiptParser(ReceiptParseOptions options);

    ReceiptDraft parse(const OcrDocument& document) const;

    // The regions worth reading again because the total or the date is missing or unsure in `draft`: the lines
    // around the total keywords and date-like text. Empty when the draft is confident.
    struct Region
    {
        QString field; // ReceiptDraft::Total or ReceiptDraft::Date
        int page = 0;
        QRect box;
    };
    QList<Region> unsureRegions(const OcrDocument& document, const ReceiptDraft& draft) const;

private:
    ReceiptParseOptions m_options;
};

} // namespace Moniagent
