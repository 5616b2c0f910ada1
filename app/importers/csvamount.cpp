#include "csvamount.h"

#include <limits>

namespace Moniagent {

namespace {

bool isSpace(char16_t c)
{
    return c == u' ' || c == u'\t' || c == 0x00A0 || c == 0x202F || c == 0x2009 || c == 0x2007;
}

bool isAsciiLetter(char16_t c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
}

bool isMinus(char16_t c)
{
    return c == u'-' || c == 0x2212 || c == 0x2013; // hyphen-minus, minus sign, en dash
}

bool isApostrophe(char16_t c)
{
    return c == u'\'' || c == 0x2019;
}

constexpr qint64 MaxDigitsValue = 100'000'000'000'000'000; // 10^17: 18 digits at most before scaling

} // namespace

CsvAmount::Outcome CsvAmount::parse(QStringView text, const Format& format, qint64* minor)
{
    enum class Phase
    {
        Before,
        Integer,
        Fraction,
        After,
    };
    const char16_t decimal = format.decimal.unicode();
    const char16_t thousands = format.thousands.unicode();
    const char16_t* p = text.utf16();
    const char16_t* const end = p + text.size();

    Phase phase = Phase::Before;
    qint64 value = 0;
    int fractionDigits = 0;
    int groupDigits = 0;
    bool grouped = false;
    bool digits = false;
    bool minus = false;
    bool plus = false;
    bool openParen = false;
    bool closeParen = false;
    bool debitMark = false;
    bool creditMark = false;
    int letterRuns = 0;

    // A group separator ends a group: the first has 1–3 digits, every later one exactly 3.
    auto groupOk = [&] {
        return grouped ? groupDigits == 3 : (groupDigits >= 1 && groupDigits <= 3);
    };

    while (p < end) {
        const char16_t c = *p;
        if (c >= u'0' && c <= u'9') {
            if (phase == Phase::After)
                return Outcome::NotAnAmount;
            if (phase == Phase::Before)
                phase = Phase::Integer;
            digits = true;
            if (phase == Phase::Fraction) {
                ++fractionDigits;
                if (fractionDigits > format.minorDigits) {
                    if (c != u'0')
                        return Outcome::TooManyDecimals;
                    ++p;
                    continue;
                }
            } else {
                ++groupDigits;
            }
            if (value >= MaxDigitsValue)
                return Outcome::TooLarge;
            value = value * 10 + (c - u'0');
            ++p;
            continue;
        }
        if (c == decimal) {
            if (phase == Phase::Fraction || phase == Phase::After)
                return Outcome::NotAnAmount;
            if (phase == Phase::Integer && grouped && groupDigits != 3)
                return Outcome::NotAnAmount;
            phase = Phase::Fraction;
            ++p;
            continue;
        }
        const bool space = isSpace(c);
        if (phase == Phase::Integer && (space || c == thousands || isApostrophe(c))) {
            if (space) {
                // "1 234,56" groups digits; "12 EUR" ends the number.
                const char16_t* q = p;
                while (q < end && isSpace(*q))
                    ++q;
                if (q == end || !(*q >= u'0' && *q <= u'9')) {
                    phase = Phase::After;
                    p = q;
                    continue;
                }
            }
            if (!groupOk())
                return Outcome::NotAnAmount;
            grouped = true;
            groupDigits = 0;
            ++p;
            if (p == end || !(*p >= u'0' && *p <= u'9'))
                return Outcome::NotAnAmount;
            continue;
        }
        if (space) {
            if (phase == Phase::Fraction)
                phase = Phase::After;
            ++p;
            continue;
        }
        if (isMinus(c) || c == u'+') {
            if (phase == Phase::Integer || phase == Phase::Fraction)
                phase = Phase::After; // "12.00-"
            if (minus || plus)
                return Outcome::NotAnAmount;
            (isMinus(c) ? minus : plus) = true;
            ++p;
            continue;
        }
        if (c == u'(') {
            if (phase != Phase::Before || openParen)
                return Outcome::NotAnAmount;
            openParen = true;
            ++p;
            continue;
        }
        if (c == u')') {
            if (!openParen || closeParen || !digits)
                return Outcome::NotAnAmount;
            closeParen = true;
            phase = Phase::After;
            ++p;
            continue;
        }
        if (QChar::category(c) == QChar::Symbol_Currency) {
            if (phase == Phase::Integer || phase == Phase::Fraction)
                phase = Phase::After;
            ++p;
            continue;
        }
        if (isAsciiLetter(c)) {
            // A currency code ("EUR 12", "12 CHF") or a credit/debit mark ("12.00 CR").
            const char16_t* start = p;
            while (p < end && isAsciiLetter(*p))
                ++p;
            const QStringView word(start, p);
            if (++letterRuns > 2)
                return Outcome::NotAnAmount;
            if (word.size() == 2 && word.compare(u"CR", Qt::CaseInsensitive) == 0)
                creditMark = true;
            else if (word.size() == 2 && word.compare(u"DR", Qt::CaseInsensitive) == 0)
                debitMark = true;
            else if (word.size() != 3)
                return Outcome::NotAnAmount;
            if (phase == Phase::Integer || phase == Phase::Fraction)
                phase = Phase::After;
            continue;
        }
        return Outcome::NotAnAmount;
    }

    if (!digits)
        return (openParen || closeParen || letterRuns > 1) ? Outcome::NotAnAmount : Outcome::Empty;
    if (phase == Phase::Integer && grouped && groupDigits != 3)
        return Outcome::NotAnAmount;
    if (openParen != closeParen)
        return Outcome::NotAnAmount;
    if ((creditMark && (debitMark || minus || openParen)) || (debitMark && plus))
        return Outcome::NotAnAmount;

    for (int kept = qMin(fractionDigits, format.minorDigits); kept < format.minorDigits; ++kept) {
        if (value > std::numeric_limits<qint64>::max() / 10)
            return Outcome::TooLarge;
        value *= 10;
    }
    *minor = (minus || openParen || debitMark) ? -value : value;
    return Outcome::Ok;
}

} // namespace Moniagent
