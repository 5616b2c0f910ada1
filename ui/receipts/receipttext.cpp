#include "receipttext.h"

#include "receipts/receiptdraft.h"

namespace Moniagent {

QStringList ReceiptText::paymentMethods()
{
    return {QString(),
            QStringLiteral("cash"),
            QStringLiteral("card"),
            QStringLiteral("credit_card"),
            QStringLiteral("debit_card"),
            QStringLiteral("contactless"),
            QStringLiteral("mobile"),
            QStringLiteral("transfer"),
            QStringLiteral("voucher")};
}

QString ReceiptText::paymentMethodName(const QString& key)
{
    if (key.isEmpty())
        return tr("Unknown", "payment method");
    if (key == u"cash")
        return tr("Cash");
    if (key == u"card")
        return tr("Card");
    if (key == u"credit_card")
        return tr("Credit card");
    if (key == u"debit_card")
        return tr("Debit card");
    if (key == u"contactless")
        return tr("Contactless");
    if (key == u"mobile")
        return tr("Mobile payment");
    if (key == u"transfer")
        return tr("Bank transfer");
    if (key == u"voucher")
        return tr("Voucher");
    return key;
}

QString ReceiptText::fieldName(const QString& field)
{
    if (field == QLatin1String(ReceiptDraft::Merchant))
        return tr("Merchant");
    if (field == QLatin1String(ReceiptDraft::Date))
        return tr("Date");
    if (field == QLatin1String(ReceiptDraft::Time))
        return tr("Time");
    if (field == QLatin1String(ReceiptDraft::Total))
        return tr("Total");
    if (field == QLatin1String(ReceiptDraft::Subtotal))
        return tr("Subtotal");
    if (field == QLatin1String(ReceiptDraft::Tax))
        return tr("Tax");
    if (field == QLatin1String(ReceiptDraft::CurrencyField))
        return tr("Currency");
    if (field == QLatin1String(ReceiptDraft::Payment))
        return tr("Payment");
    if (field.startsWith(u"item:")) {
        bool ok = false;
        const int row = field.mid(5).toInt(&ok);
        if (ok)
            return tr("Item %1").arg(row + 1);
    }
    return field;
}

} // namespace Moniagent
