#include "emailextractor.h"

#include "mail/amountfinder.h"
#include "mail/emailcues.h"
#include "mail/htmltext.h"
#include "mail/itemfinder.h"
#include "mail/merchantguess.h"
#include "mail/schemaorgreader.h"
#include "receipts/receiptkeywords.h"

#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace Moniagent {

using namespace MailParsing;

namespace {

// The kind the cues point to, or None.
EmailRecordKind decideKind(const KindCues& cues, const std::optional<AmountFinder::Choice>& choice)
{
    const KindCues::Counts& s = cues.subject;
    const KindCues::Counts& b = cues.body;
    if (s.refund > 0)
        return EmailRecordKind::Refund;
    if (s.payout > 0)
        return EmailRecordKind::Payout;
    if (s.debit + s.credit > 0 && s.strongPurchase == 0)
        return EmailRecordKind::BankMovement;
    if (s.strongPurchase > 0)
        return EmailRecordKind::Purchase;
    const bool refundTotal = choice && choice->candidate.refundLabel;
    if (b.refund > 0 && (refundTotal || b.refund > b.strongPurchase))
        return EmailRecordKind::Refund;
    if (b.payout > 0 && b.payout >= b.strongPurchase)
        return EmailRecordKind::Payout;
    if (b.debit + b.credit >= 2 && b.strongPurchase == 0)
        return EmailRecordKind::BankMovement;
    if (s.purchase > 0 || b.purchase > 0)
        return EmailRecordKind::Purchase;
    // No word says what it is, but a labelled total does ("Total CHF 23.40" on a ride receipt).
    if (choice && choice->labelled && (choice->candidate.strength >= 3 || !choice->candidate.currency.isEmpty()))
        return EmailRecordKind::Purchase;
    return EmailRecordKind::None;
}

// Why an email is not a record, or an empty string when the cues do not say it is none.
QString skipReason(const KindCues& cues, bool labelledTotal)
{
    const KindCues::Counts& s = cues.subject;
    const KindCues::Counts& b = cues.body;
    const bool subjectPositive = s.strongPurchase + s.refund + s.payout + s.debit + s.credit > 0;
    const auto reasonFor = [](const KindCues::Counts& c) {
        if (c.reminder > 0 && c.reminder >= c.shipping && c.reminder >= c.marketing && c.reminder >= c.account)
            return EmailExtractor::tr("A reminder of a payment to come, not a payment.");
        if (c.account >= c.shipping && c.account >= c.marketing)
            return EmailExtractor::tr("An account or security notice, not a purchase.");
        if (c.shipping >= c.marketing)
            return EmailExtractor::tr("A shipping or delivery notice, not a purchase.");
        return EmailExtractor::tr("A newsletter or advertisement, not a purchase.");
    };
    if (s.reminder > 0 && s.refund + s.payout == 0)
        return EmailExtractor::tr("A reminder of a payment to come, not a payment.");
    if (s.negative() > 0 && !subjectPositive)
        return reasonFor(s);
    if (!subjectPositive && !labelledTotal && b.negative() >= 2 && b.negative() > b.strongPurchase)
        return reasonFor(b);
    return {};
}

TransactionType typeFor(EmailRecordKind kind, const KindCues& cues)
{
    switch (kind) {
    case EmailRecordKind::Refund:
    case EmailRecordKind::Payout:
        return TransactionType::Income;
    case EmailRecordKind::BankMovement: {
        const int credit = cues.subject.credit * 3 + cues.body.credit;
        const int debit = cues.subject.debit * 3 + cues.body.debit;
        return credit > debit ? TransactionType::Income : TransactionType::Expense;
    }
    case EmailRecordKind::Purchase:
    case EmailRecordKind::None:
        break;
    }
    return TransactionType::Expense;
}

QDate localDate(const QDateTime& dateTime)
{
    return dateTime.isValid() ? dateTime.toLocalTime().date() : QDate();
}

QDate schemaDate(const QString& text)
{
    QDateTime dateTime = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!dateTime.isValid())
        dateTime = QDateTime::fromString(text, Qt::ISODate);
    if (dateTime.isValid())
        return dateTime.timeSpec() == Qt::LocalTime ? dateTime.date() : dateTime.toLocalTime().date();
    return QDate::fromString(text.left(10), Qt::ISODate);
}

// The reading a schema.org Order or Invoice gives, when it states a readable total.
std::optional<EmailReading> fromSchemaOrg(const SchemaOrgRecord& record, const ParsedEmail& email, const QString& text,
                                          const KindCues& cues, const Currency& fallback)
{
    const QDate headerDate = localDate(email.date);
    EmailReading reading;
    if (record.isDelivery() || record.total.isEmpty())
        return std::nullopt;
    Currency currency = Currency::fromCode(record.currency);
    if (!currency.isValid()) {
        const QList<AmountCandidate> found = AmountFinder::find(text);
        currency = AmountFinder::resolveCurrency(AmountFinder::dominantCurrency(found), text, fallback);
    }
    const auto minor = AmountFinder::parseAmountText(record.total, currency);
    if (!minor)
        return std::nullopt;
    reading.method = u"schema.org"_s;
    if (record.status == u"OrderCancelled") {
        reading.merchant = record.merchant;
        reading.orderNumber = record.orderNumber;
        reading.reason = EmailExtractor::tr("The order was cancelled: nothing was paid.");
        reading.confidence = 0.9;
        return reading;
    }
    reading.status = EmailReading::Status::Success;
    reading.kind = record.status == u"OrderReturned" ? EmailRecordKind::Refund : decideKind(cues, std::nullopt);
    if (reading.kind == EmailRecordKind::None)
        reading.kind = EmailRecordKind::Purchase;
    reading.type = typeFor(reading.kind, cues);
    reading.amount = Money(*minor, currency);
    reading.merchant = record.merchant.isEmpty() ? MerchantGuess::guess(email, text) : record.merchant;
    reading.orderNumber = record.orderNumber.isEmpty() ? EmailCues::orderNumber(text) : record.orderNumber;
    reading.date = schemaDate(record.date);
    if (!reading.date.isValid())
        reading.date = EmailCues::bodyDate(text, headerDate, !headerDate.isValid());
    if (!reading.date.isValid())
        reading.date = headerDate;
    for (const SchemaOrgRecord::Item& item : record.items) {
        ExtractedEmailItem extracted;
        extracted.name = item.name;
        extracted.quantity = item.quantity;
        const Currency itemCurrency = item.currency.isEmpty() ? currency : Currency::fromCode(item.currency);
        if (itemCurrency.isValid()) {
            if (const auto price = AmountFinder::parseAmountText(item.price, itemCurrency))
                extracted.amount = Money(*price, itemCurrency);
        }
        if (!extracted.name.isEmpty())
            reading.items.append(extracted);
    }
    reading.confidence = 0.95;
    return reading;
}

} // namespace

EmailReading EmailExtractor::extract(const ParsedEmail& email) const
{
    return extract(email, m_fallback);
}

EmailReading EmailExtractor::extract(const ParsedEmail& email, const Currency& fallback) const
{
    EmailReading reading;
    // The text part, unless it is a stub of the HTML ("View this email in your browser").
    const QString plain = email.textBody.trimmed();
    const QString text
        = !plain.isEmpty() && plain.size() * 3 < email.htmlText.size() ? email.htmlText : email.readableText();
    const QDate headerDate = localDate(email.date);
    const KindCues cues = EmailCues::kindCues(email.subject, text);

    // 1. schema.org markup.
    const QList<SchemaOrgRecord> records
        = SchemaOrgReader::read(HtmlText::jsonLdBlocks(email.htmlBody), HtmlText::microdata(email.htmlBody));
    for (const SchemaOrgRecord& record : records) {
        if (auto schemaReading = fromSchemaOrg(record, email, text, cues, fallback))
            return *schemaReading;
    }

    // 2. Generic cues.
    reading.method = u"heuristic"_s;
    // Amounts in a subject count when the subject says what they are ("Your receipt for $12.00", not "Now $19.99").
    QList<AmountCandidate> candidates;
    if (cues.subject.positive() > 0)
        candidates = AmountFinder::findInSubject(email.subject);
    const QList<AmountCandidate> bodyAmounts = AmountFinder::find(text);
    candidates += bodyAmounts;
    const std::optional<AmountFinder::Choice> choice = AmountFinder::chooseTotal(candidates);
    const bool onlyDeliveries = !records.isEmpty()
        && std::all_of(records.cbegin(), records.cend(), [](const SchemaOrgRecord& r) { return r.isDelivery(); });
    const QString skip = onlyDeliveries ? tr("A shipping or delivery notice, not a purchase.")
                                        : skipReason(cues, choice && choice->labelled);
    reading.merchant = MerchantGuess::guess(email, text);
    reading.orderNumber = EmailCues::orderNumber(text);
    if (!skip.isEmpty()) {
        reading.reason = skip;
        reading.confidence = 0.8;
        return reading;
    }
    reading.kind = decideKind(cues, choice);
    if (reading.kind == EmailRecordKind::None) {
        reading.reason = tr("No purchase, refund, payout or bank movement found in this email.");
        reading.confidence = choice ? 0.5 : 0.7;
        return reading;
    }
    reading.type = typeFor(reading.kind, cues);
    // Bank alerts and payouts give the movement's date in a sentence ("debited … on 14.03.2024").
    const bool movement = reading.kind == EmailRecordKind::BankMovement || reading.kind == EmailRecordKind::Payout;
    reading.date = EmailCues::bodyDate(text, headerDate, !headerDate.isValid() || movement);
    if (!reading.date.isValid())
        reading.date = headerDate;
    static const QRegularExpression reply(uR"(^\s*(?i:re|aw|sv|vs|antw|r)\s*:)"_s);
    if (!choice && reply.match(email.subject).hasMatch()) {
        // A conversation about an order or invoice, not the record itself.
        reading.kind = EmailRecordKind::None;
        reading.reason = tr("A reply in a conversation, without an amount.");
        reading.confidence = 0.6;
        return reading;
    }
    if (!choice) {
        reading.status = EmailReading::Status::Failed;
        reading.reason = tr("This looks like a purchase, refund or payment, but no amount was found.");
        reading.confidence = 0.3;
        return reading;
    }
    const AmountCandidate& total = choice->candidate;
    QString mark = total.currency;
    if (mark.isEmpty())
        mark = AmountFinder::dominantCurrency(candidates);
    const Currency currency = AmountFinder::resolveCurrency(mark, email.subject + u'\n' + text, fallback);
    const auto minor = total.minor(currency.minorDigits());
    if (!currency.isValid() || !minor || *minor == 0) {
        reading.status = EmailReading::Status::Failed;
        reading.reason
            = tr("The amount “%1” could not be read in %2.")
                  .arg(total.number.decimalString(), currency.isValid() ? currency.code() : tr("any currency"));
        reading.confidence = 0.3;
        return reading;
    }
    reading.status = EmailReading::Status::Success;
    reading.amount = Money(*minor, currency);
    if (reading.kind == EmailRecordKind::Purchase || reading.kind == EmailRecordKind::Refund)
        reading.items = ItemFinder::find(text, bodyAmounts, currency);
    if (reading.kind == EmailRecordKind::BankMovement || reading.kind == EmailRecordKind::Payout) {
        const QString counterparty = MerchantGuess::counterparty(text);
        if (!counterparty.isEmpty())
            reading.merchant = counterparty;
    }
    double confidence = 0.35;
    if (choice->labelled)
        confidence += total.strength >= 3 ? 0.3 : 0.2;
    if (cues.subject.positive() > 0)
        confidence += 0.15;
    if (!total.currency.isEmpty())
        confidence += 0.1;
    reading.confidence = std::min(confidence, 0.9);
    return reading;
}

} // namespace Moniagent
