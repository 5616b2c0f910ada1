#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace Moniagent {

// The words the receipt screens show for the keys of ReceiptDraft: field names and payment methods.
class ReceiptText
{
    Q_DECLARE_TR_FUNCTIONS(ReceiptText)
public:
    // The payment method keys of ReceiptDraft::paymentMethod, in the order a picker offers them ("" first).
    static QStringList paymentMethods();
    // "Credit card" for "credit_card"; "Unknown" for ""; the key itself for a key it does not know.
    static QString paymentMethodName(const QString& key);
    // "Merchant" for ReceiptDraft::Merchant, "Item 3" for ReceiptImageView::itemKey(2).
    static QString fieldName(const QString& field);
    // Confidence below this is shown as unsure.
    static constexpr float LowConfidence = 0.6f;
};

} // namespace Moniagent
