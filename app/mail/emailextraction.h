#pragma once

#include "core/money.h"
#include "core/transaction.h"

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace Moniagent {

// What an email records, as the extractor understands it.
enum class EmailRecordKind
{
    None, // not a purchase, refund, payout or bank movement (newsletters, shipping notices without amounts…)
    Purchase, // an order, receipt, invoice or subscription charge: an expense
    Refund, // money back from a merchant: income
    Payout, // a payout, transfer received or sale proceeds: income
    BankMovement, // a bank or card alert about a debit or credit (type tells which)
};

struct ExtractedEmailItem
{
    QString name;
    int quantity = 1;
    std::optional<Money> amount; // the line total when the email shows it
};

// The result of reading one email (EmailExtractor): what goes into email_extractions.extracted_json and,
// on success, into an unconfirmed transaction. Amounts are minor units + currency, never floating point.
struct EmailReading
{
    enum class Status
    {
        Success, // a record with at least an amount: a transaction can be made
        Skipped, // not a record (kind None), or nothing to take from it
        Failed, // a record, but the amount could not be found or is contradictory
    };
    Status status = Status::Skipped;
    EmailRecordKind kind = EmailRecordKind::None;
    QString merchant;
    std::optional<Money> amount; // positive; `type` says the direction
    TransactionType type = TransactionType::Expense;
    QDate date; // of the purchase/movement; the email's date when the body has none
    QString orderNumber;
    QList<ExtractedEmailItem> items;
    QString method; // how it was found: "schema.org", "heuristic", "llm"
    QString reason; // for Skipped/Failed: why, for the user (translated)
    double confidence = 0; // 0..1, the extractor's own estimate

    // status ("SUCCESS"…), kind ("purchase"…), merchant, amount, type ("expense"/"income"), date, orderNumber,
    // items, method, confidence, reason; amounts as {"minor": 1234, "currency": "EUR", "text": "12.34"}, null when
    // missing.
    QJsonObject toJson() const;
    static QString statusKey(Status status); // "SUCCESS", "FAILED", "SKIPPED" as in email_extractions.status
    static QString kindKey(EmailRecordKind kind); // "none", "purchase", "refund", "payout", "bank_movement"
};

} // namespace Moniagent
