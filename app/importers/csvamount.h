#pragma once

#include <QChar>
#include <QStringView>

namespace Moniagent {

// Exact amounts from the way banks write them, straight into integer minor units (never a double):
// "1.234,56", "€ 1.234,56", "$-12.00", "(12.00)", "12.00-", "+5", "1 234,56" (space or no-break space
// thousands), "11'373.94", "-12,50 EUR", "12.00 CR" / "12.00 DR".
// Digit groups after a thousands separator must have three digits, so a mapping with the wrong decimal
// separator fails loudly ("12.50" with thousands '.') instead of reading 1250.
class CsvAmount
{
public:
    enum class Outcome
    {
        Ok,
        Empty, // nothing but spaces (and maybe a currency sign)
        NotAnAmount,
        TooManyDecimals, // more fraction digits than the currency has, and not just trailing zeros
        TooLarge,
    };

    struct Format
    {
        QChar decimal = u'.';
        QChar thousands = u','; // null: only spaces and apostrophes group digits
        int minorDigits = 2;
    };

    static Outcome parse(QStringView text, const Format& format, qint64* minor);
};

} // namespace Moniagent
