#include "schemaorgreader.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace Moniagent::MailParsing {

namespace {

QString lastSegment(QString text)
{
    while (text.endsWith(u'/'))
        text.chop(1);
    const qsizetype cut = std::max(text.lastIndexOf(u'/'), text.lastIndexOf(u':'));
    return cut >= 0 ? text.mid(cut + 1) : text;
}

QString typeOf(const QJsonObject& object)
{
    const QJsonValue type = object.value(u"@type");
    if (type.isArray())
        return lastSegment(type.toArray().first().toString());
    return lastSegment(type.toString());
}

// A scalar property as text (numbers without floating-point noise), the first of a list, or an object's name.
QString text(const QJsonValue& value)
{
    if (value.isArray())
        return text(value.toArray().first());
    if (value.isDouble())
        return QString::number(value.toDouble(), 'f', 6).remove(QRegularExpression(u"\\.?0+$"_s));
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (const char16_t* key : {u"name", u"value", u"price", u"@value"}) {
            if (object.contains(QStringView(key)))
                return text(object.value(QStringView(key)));
        }
        return {};
    }
    return value.toString().trimmed();
}

QList<QJsonObject> objects(const QJsonValue& value)
{
    QList<QJsonObject> list;
    if (value.isArray()) {
        for (const QJsonValue& v : value.toArray()) {
            if (v.isObject())
                list.append(v.toObject());
        }
    } else if (value.isObject()) {
        list.append(value.toObject());
    }
    return list;
}

// A price: "price"/"priceCurrency" (Offer, PriceSpecification) or "value"/"currency" (MonetaryAmount).
void readPrice(const QJsonValue& value, QString& amount, QString& currency)
{
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (const char16_t* key : {u"price", u"value", u"totalPrice", u"amount"}) {
            if (object.contains(QStringView(key))) {
                amount = text(object.value(QStringView(key)));
                break;
            }
        }
        for (const char16_t* key : {u"priceCurrency", u"currency"}) {
            if (object.contains(QStringView(key))) {
                currency = text(object.value(QStringView(key))).toUpper();
                break;
            }
        }
        return;
    }
    amount = text(value);
}

SchemaOrgRecord::Item readItem(const QJsonObject& object)
{
    SchemaOrgRecord::Item item;
    // Offer: itemOffered + price; OrderItem: orderedItem + orderQuantity.
    const QJsonValue product
        = object.contains(u"itemOffered") ? object.value(u"itemOffered") : object.value(u"orderedItem");
    item.name = product.isUndefined() ? text(object.value(u"name")) : text(product);
    const QJsonValue quantity
        = object.contains(u"orderQuantity") ? object.value(u"orderQuantity") : object.value(u"eligibleQuantity");
    if (!quantity.isUndefined())
        item.quantity = std::max(1, text(quantity).toInt());
    readPrice(object, item.price, item.currency);
    if (item.price.isEmpty() && object.contains(u"priceSpecification"))
        readPrice(object.value(u"priceSpecification"), item.price, item.currency);
    return item;
}

void readOrder(const QJsonObject& object, SchemaOrgRecord& record)
{
    for (const char16_t* key : {u"seller", u"merchant", u"provider", u"broker"}) {
        if (record.merchant.isEmpty() && object.contains(QStringView(key)))
            record.merchant = text(object.value(QStringView(key)));
    }
    for (const char16_t* key : {u"orderNumber", u"confirmationNumber", u"identifier", u"accountId"}) {
        if (record.orderNumber.isEmpty() && object.contains(QStringView(key)))
            record.orderNumber = text(object.value(QStringView(key)));
    }
    for (const char16_t* key : {u"orderDate", u"paymentDate", u"dateCreated", u"billingPeriod", u"paymentDueDate"}) {
        if (record.date.isEmpty() && object.contains(QStringView(key)))
            record.date = text(object.value(QStringView(key)));
    }
    if (record.status.isEmpty())
        record.status = lastSegment(text(object.value(u"orderStatus")));
    // The total: totalPaymentDue (Invoice, Order), totalPrice, price (Gmail's Order), a price specification.
    for (const char16_t* key :
         {u"totalPaymentDue", u"totalPrice", u"price", u"priceSpecification", u"minimumPaymentDue"}) {
        if (record.total.isEmpty() && object.contains(QStringView(key))) {
            QString currency;
            readPrice(object.value(QStringView(key)), record.total, currency);
            if (!currency.isEmpty())
                record.currency = currency;
        }
    }
    if (record.currency.isEmpty())
        record.currency = text(object.value(u"priceCurrency")).toUpper();
    for (const char16_t* key : {u"acceptedOffer", u"orderedItem"}) {
        for (const QJsonObject& offer : objects(object.value(QStringView(key))))
            record.items.append(readItem(offer));
    }
    if (record.currency.isEmpty()) {
        for (const auto& item : std::as_const(record.items)) {
            if (!item.currency.isEmpty()) {
                record.currency = item.currency;
                break;
            }
        }
    }
    // An invoice that references an order takes what the invoice lacks from it.
    for (const QJsonObject& order : objects(object.value(u"referencesOrder")))
        readOrder(order, record);
}

void collect(const QJsonValue& value, QList<SchemaOrgRecord>& records, int depth)
{
    if (depth > 8)
        return;
    if (value.isArray()) {
        for (const QJsonValue& v : value.toArray())
            collect(v, records, depth + 1);
        return;
    }
    if (!value.isObject())
        return;
    const QJsonObject object = value.toObject();
    if (object.contains(u"@graph"))
        collect(object.value(u"@graph"), records, depth + 1);
    const QString type = typeOf(object);
    if (type == u"Order" || type == u"Invoice") {
        SchemaOrgRecord record;
        record.type = type;
        readOrder(object, record);
        records.append(record);
    } else if (type == u"ParcelDelivery") {
        SchemaOrgRecord record;
        record.type = type;
        record.merchant = text(object.value(u"provider"));
        for (const QJsonObject& order : objects(object.value(u"partOfOrder"))) {
            SchemaOrgRecord inner;
            readOrder(order, inner);
            if (!inner.merchant.isEmpty())
                record.merchant = inner.merchant;
            record.orderNumber = inner.orderNumber;
            record.items = inner.items;
        }
        records.append(record);
    }
}

} // namespace

QList<SchemaOrgRecord> SchemaOrgReader::read(const QStringList& jsonLdBlocks, const QJsonArray& microdataItems)
{
    QList<SchemaOrgRecord> records;
    for (const QString& block : jsonLdBlocks) {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(block.trimmed().toUtf8(), &error);
        if (error.error != QJsonParseError::NoError)
            continue;
        collect(document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object()), records, 0);
    }
    collect(microdataItems, records, 0);
    std::stable_partition(records.begin(), records.end(), [](const SchemaOrgRecord& r) { return !r.isDelivery(); });
    return records;
}

} // namespace Moniagent::MailParsing
