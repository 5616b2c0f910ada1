#include "emailextraction.h"

#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace Moniagent {

namespace {

QJsonValue moneyJson(const std::optional<Money>& money)
{
    if (!money || !money->isValid())
        return QJsonValue();
    return QJsonObject {
        {u"minor"_s, money->minor()}, {u"currency"_s, money->currency().code()}, {u"text"_s, money->toDecimalString()}};
}

} // namespace

QString EmailReading::statusKey(Status status)
{
    switch (status) {
    case Status::Success:
        return u"SUCCESS"_s;
    case Status::Failed:
        return u"FAILED"_s;
    case Status::Skipped:
        break;
    }
    return u"SKIPPED"_s;
}

QString EmailReading::kindKey(EmailRecordKind kind)
{
    switch (kind) {
    case EmailRecordKind::Purchase:
        return u"purchase"_s;
    case EmailRecordKind::Refund:
        return u"refund"_s;
    case EmailRecordKind::Payout:
        return u"payout"_s;
    case EmailRecordKind::BankMovement:
        return u"bank_movement"_s;
    case EmailRecordKind::None:
        break;
    }
    return u"none"_s;
}

QJsonObject EmailReading::toJson() const
{
    QJsonArray itemArray;
    for (const ExtractedEmailItem& item : items) {
        itemArray.append(QJsonObject {
            {u"name"_s, item.name}, {u"quantity"_s, item.quantity}, {u"amount"_s, moneyJson(item.amount)}});
    }
    QJsonObject json {
        {u"status"_s, statusKey(status)},
        {u"kind"_s, kindKey(kind)},
        {u"merchant"_s, merchant.isEmpty() ? QJsonValue() : QJsonValue(merchant)},
        {u"amount"_s, moneyJson(amount)},
        {u"type"_s, type == TransactionType::Income ? u"income"_s : u"expense"_s},
        {u"date"_s, date.isValid() ? QJsonValue(date.toString(Qt::ISODate)) : QJsonValue()},
        {u"orderNumber"_s, orderNumber.isEmpty() ? QJsonValue() : QJsonValue(orderNumber)},
        {u"items"_s, itemArray},
        {u"method"_s, method},
        {u"confidence"_s, qRound(confidence * 100) / 100.0},
    };
    if (!reason.isEmpty())
        json.insert(u"reason"_s, reason);
    return json;
}

} // namespace Moniagent
