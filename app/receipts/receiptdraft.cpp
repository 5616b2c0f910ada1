#include "receiptdraft.h"

#include <QJsonArray>

namespace Moniagent {

namespace {

// JSON numbers are doubles: every qint64 amount a receipt can hold (< 2^53) survives exactly. Larger values are
// written as strings so that nothing is lost either way.
QJsonValue minorToJson(qint64 value)
{
    constexpr qint64 exactLimit = qint64(1) << 53;
    if (value > -exactLimit && value < exactLimit)
        return QJsonValue(double(value));
    return QJsonValue(QString::number(value));
}

std::optional<qint64> minorFromJson(const QJsonValue& value)
{
    if (value.isDouble())
        return qint64(value.toDouble());
    if (value.isString()) {
        bool ok = false;
        const qint64 parsed = value.toString().toLongLong(&ok);
        if (ok)
            return parsed;
    }
    return std::nullopt;
}

QJsonValue boxToJson(const QRect& box)
{
    if (box.isNull())
        return QJsonValue::Null;
    return QJsonArray {box.x(), box.y(), box.width(), box.height()};
}

QRect boxFromJson(const QJsonValue& value)
{
    const QJsonArray array = value.toArray();
    if (array.size() != 4)
        return {};
    return QRect(array.at(0).toInt(), array.at(1).toInt(), array.at(2).toInt(), array.at(3).toInt());
}

QJsonObject sourceToJson(const ReceiptFieldSource& source)
{
    QJsonObject json;
    json[QStringLiteral("confidence")] = double(source.confidence);
    if (!source.box.isNull())
        json[QStringLiteral("box")] = boxToJson(source.box);
    json[QStringLiteral("page")] = source.page;
    json[QStringLiteral("origin")] = source.origin;
    json[QStringLiteral("text")] = source.text;
    return json;
}

ReceiptFieldSource sourceFromJson(const QJsonObject& json)
{
    ReceiptFieldSource source;
    source.confidence = float(json.value(QStringLiteral("confidence")).toDouble());
    source.box = boxFromJson(json.value(QStringLiteral("box")));
    source.page = json.value(QStringLiteral("page")).toInt();
    source.origin = json.value(QStringLiteral("origin")).toString();
    source.text = json.value(QStringLiteral("text")).toString();
    return source;
}

void putMinor(QJsonObject& json, const QString& key, const std::optional<qint64>& value)
{
    if (value)
        json[key] = minorToJson(*value);
}

} // namespace

QJsonObject ReceiptDraft::toJson() const
{
    QJsonObject json;
    if (!merchant.isEmpty())
        json[QStringLiteral("merchant")] = merchant;
    if (date.isValid())
        json[QStringLiteral("date")] = date.toString(Qt::ISODate);
    if (time.isValid())
        json[QStringLiteral("time")] = time.toString(Qt::ISODateWithMs);
    putMinor(json, QStringLiteral("totalMinor"), totalMinor);
    putMinor(json, QStringLiteral("subtotalMinor"), subtotalMinor);
    putMinor(json, QStringLiteral("taxMinor"), taxMinor);
    if (currency.isValid())
        json[QStringLiteral("currency")] = currency.code();
    if (!paymentMethod.isEmpty())
        json[QStringLiteral("paymentMethod")] = paymentMethod;

    QJsonArray itemArray;
    for (const ReceiptItem& item : items) {
        QJsonObject itemJson;
        itemJson[QStringLiteral("description")] = item.description;
        if (!item.quantity.isEmpty())
            itemJson[QStringLiteral("quantity")] = item.quantity;
        putMinor(itemJson, QStringLiteral("unitPriceMinor"), item.unitPriceMinor);
        itemJson[QStringLiteral("amountMinor")] = minorToJson(item.amountMinor);
        itemJson[QStringLiteral("source")] = sourceToJson(item.source);
        itemArray.append(itemJson);
    }
    if (!itemArray.isEmpty())
        json[QStringLiteral("items")] = itemArray;

    QJsonObject sourceJson;
    for (auto it = sources.cbegin(); it != sources.cend(); ++it)
        sourceJson[it.key()] = sourceToJson(it.value());
    json[QStringLiteral("sources")] = sourceJson;
    if (!codes.isEmpty())
        json[QStringLiteral("codes")] = codes;
    if (!warnings.isEmpty())
        json[QStringLiteral("warnings")] = QJsonArray::fromStringList(warnings);
    if (!secondOpinion.isEmpty())
        json[QStringLiteral("secondOpinion")] = secondOpinion;
    return json;
}

ReceiptDraft ReceiptDraft::fromJson(const QJsonObject& json)
{
    ReceiptDraft draft;
    draft.merchant = json.value(QStringLiteral("merchant")).toString();
    draft.date = QDate::fromString(json.value(QStringLiteral("date")).toString(), Qt::ISODate);
    draft.time = QTime::fromString(json.value(QStringLiteral("time")).toString(), Qt::ISODateWithMs);
    draft.totalMinor = minorFromJson(json.value(QStringLiteral("totalMinor")));
    draft.subtotalMinor = minorFromJson(json.value(QStringLiteral("subtotalMinor")));
    draft.taxMinor = minorFromJson(json.value(QStringLiteral("taxMinor")));
    draft.currency = Currency::fromCode(json.value(QStringLiteral("currency")).toString());
    draft.paymentMethod = json.value(QStringLiteral("paymentMethod")).toString();

    const QJsonArray itemArray = json.value(QStringLiteral("items")).toArray();
    for (const QJsonValue& value : itemArray) {
        const QJsonObject itemJson = value.toObject();
        ReceiptItem item;
        item.description = itemJson.value(QStringLiteral("description")).toString();
        item.quantity = itemJson.value(QStringLiteral("quantity")).toString();
        item.unitPriceMinor = minorFromJson(itemJson.value(QStringLiteral("unitPriceMinor")));
        item.amountMinor = minorFromJson(itemJson.value(QStringLiteral("amountMinor"))).value_or(0);
        item.source = sourceFromJson(itemJson.value(QStringLiteral("source")).toObject());
        draft.items.append(item);
    }

    const QJsonObject sourceJson = json.value(QStringLiteral("sources")).toObject();
    for (auto it = sourceJson.constBegin(); it != sourceJson.constEnd(); ++it)
        draft.sources.insert(it.key(), sourceFromJson(it.value().toObject()));
    draft.codes = json.value(QStringLiteral("codes")).toObject();
    draft.secondOpinion = json.value(QStringLiteral("secondOpinion")).toObject();
    for (const QJsonValue& value : json.value(QStringLiteral("warnings")).toArray())
        draft.warnings.append(value.toString());
    return draft;
}

} // namespace Moniagent
