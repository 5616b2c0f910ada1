#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

namespace Moniagent {

// Turns what banks, card terminals and receipts print into a stable store name: case folded, accents
// removed, card-terminal and payment-processor noise ("POS PURCHASE", "CARTE X9471 16/12", "SQ *",
// "PAYPAL *", "AMZN Mktp"), store and reference numbers, dates, times and a trailing city or country
// stripped. Pure functions, safe from any thread.
class MerchantNormalizer
{
public:
    // "POS Purchase Engen Mitchell Park  * 07 Oct" -> "engen mitchell park"
    static QString normalize(QStringView raw);
    // Case and accent folding only: "Café Müller" -> "cafe muller". Used for keyword rules and patterns.
    static QString fold(QStringView text);
    // The words of an already normalized text.
    static QStringList words(QStringView normalized);
};

} // namespace Moniagent
