#pragma once

#include "mail/emailextraction.h"

#include <QJsonArray>
#include <QString>
#include <QStringList>

namespace Moniagent::MailParsing {

// What schema.org markup in an email says (Order, Invoice, ParcelDelivery; JSON-LD or microdata).
struct SchemaOrgRecord
{
    QString type; // "Order", "Invoice", "ParcelDelivery"
    QString merchant; // seller / provider / broker name
    QString total; // as written: "12.34", "€12,34"; empty when the markup has none
    QString currency; // ISO code; empty when not stated
    QString orderNumber;
    QString date; // orderDate / paymentDueDate … as written (ISO 8601 usually)
    QString status; // orderStatus ("OrderDelivered", "OrderInTransit" …), last path segment
    struct Item
    {
        QString name;
        int quantity = 1;
        QString price;
        QString currency;
    };
    QList<Item> items;

    bool isDelivery() const { return type == u"ParcelDelivery"; }
};

class SchemaOrgReader
{
public:
    // The records in JSON-LD blocks (objects, arrays and @graph lists) and microdata items; Order and Invoice
    // records first, then deliveries. Unparseable blocks are skipped.
    static QList<SchemaOrgRecord> read(const QStringList& jsonLdBlocks, const QJsonArray& microdataItems);
};

} // namespace Moniagent::MailParsing
