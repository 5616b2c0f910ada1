#pragma once

#include "core/currency.h"

#include <QDate>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QRect>
#include <QString>
#include <QTime>

#include <optional>

namespace Moniagent {

// Where a field of a receipt was found and how sure the reader is about it.
struct ReceiptFieldSource
{
    float confidence = 0; // 0..1
    QRect box; // in the page's coordinates (OcrPage::size); null when the value has no single place
    int page = 0;
    QString origin; // "ocr", "pdf-text", "qr", "computed" (e.g. a total from subtotal + tax), "user"
    QString text; // the text the value was read from, as printed
};

// One line item of a receipt. Amounts are minor units of ReceiptDraft::currency.
struct ReceiptItem
{
    QString description;
    QString quantity; // decimal as printed, normalized to a dot ("2", "0.450"); empty = not printed
    std::optional<qint64> unitPriceMinor;
    qint64 amountMinor = 0; // the line's amount; negative for a discount line
    ReceiptFieldSource source;
};

// What the receipt parser read from a receipt: every field optional, each with its source. Money amounts are
// integer minor units of `currency`; never floating point.
struct ReceiptDraft
{
    // Field names used as keys of `sources`.
    static constexpr const char* Merchant = "merchant";
    static constexpr const char* Date = "date";
    static constexpr const char* Time = "time";
    static constexpr const char* Total = "total";
    static constexpr const char* Subtotal = "subtotal";
    static constexpr const char* Tax = "tax";
    static constexpr const char* CurrencyField = "currency";
    static constexpr const char* Payment = "payment";

    QString merchant;
    QDate date;
    QTime time;
    std::optional<qint64> totalMinor;
    std::optional<qint64> subtotalMinor;
    std::optional<qint64> taxMinor;
    Currency currency; // invalid = unknown
    // "cash", "card", "credit_card", "debit_card", "contactless", "mobile", "transfer", "voucher", or empty
    QString paymentMethod;
    QList<ReceiptItem> items;
    QHash<QString, ReceiptFieldSource> sources; // per field name above; missing = not found
    // Payloads of QR codes and barcodes that are not payment requests, and the details of a payment request
    // (creditor, IBAN, reference) when one was decoded.
    QJsonObject codes;
    // A language model's second opinion on an unsure receipt (ReceiptSecondOpinion::attach): the fields it reads
    // differently, as suggestions for the review; never applied by itself. Empty when none was asked.
    QJsonObject secondOpinion;
    QStringList warnings; // language-neutral codes, e.g. "items-do-not-add-up"

    float confidence(const QString& field) const { return sources.value(field).confidence; }
    bool has(const QString& field) const { return sources.contains(field); }

    // Lossless JSON for invoices.extracted_data["fields"] and `moniagent scan --json`.
    QJsonObject toJson() const;
    static ReceiptDraft fromJson(const QJsonObject& json);
};

} // namespace Moniagent
