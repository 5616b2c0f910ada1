#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

namespace Moniagent {

// Turns what banks, card terminals and receipts print into a stable store name: case folded, accents
// removed, card-terminal and payment-processor noise ("POS PURCHASE", "CARTE X9471 16/12", "SQ *",
// "PAYPAL *", "AMZN Mktp"), legal suffixes (LTD, GMBH, SARL…), store and reference numbers, dates, times and
// a trailing city or country stripped. Two lines from the same store give the same key:
//   "POS PURCHASE TESCO STORES 3297 LONDON GB 12/03" and "TESCO STORES 4410" -> "tesco stores".
// Pure functions on static tables, safe from any thread; a 60-character line takes about two microseconds.
class MerchantNormalizer
{
public:
    // "POS Purchase Engen Mitchell Park  * 07 Oct" -> "engen mitchell park". Empty when nothing but noise
    // (or nothing at all) is left. Words are separated by one space and hold only letters and digits.
    static QString normalize(QStringView raw);
    // Case and accent folding only: "Café Müller" -> "cafe muller", "Straße" -> "strasse", "Œuvre" -> "oeuvre".
    // Used for keyword rules and patterns. Punctuation and spacing are kept as they are.
    static QString fold(QStringView text);
    // The words of an already normalized text.
    static QStringList words(QStringView normalized);
};

} // namespace Moniagent
