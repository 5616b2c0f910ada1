#include "money.h"

#include <QCoreApplication>
#include <QHash>
#include <QMutex>
#include <QtNumeric>

#include <limits>

namespace Moniagent {

namespace {

#ifdef __SIZEOF_INT128__
__extension__ typedef __int128 Int128;
#endif

bool isSpace(QChar c)
{
    return c.isSpace() || c == QChar(0x00A0) || c == QChar(0x202F) || c == QChar(0x2009);
}
bool isMinus(QChar c)
{
    return c == u'-' || c == QChar(0x2212) || c == QChar(0x2013);
}

// The symbol the currency uses at home ("$" for USD, "€" for EUR), found through the locales Qt knows.
QStringList homeSymbols(const QString& code)
{
    static QMutex mutex;
    static QHash<QString, QStringList> cache;
    QMutexLocker locker(&mutex);
    auto it = cache.constFind(code);
    if (it != cache.constEnd())
        return *it;
    QStringList symbols;
    const auto all = QLocale::matchingLocales(QLocale::AnyLanguage, QLocale::AnyScript, QLocale::AnyTerritory);
    for (const QLocale& locale : all) {
        if (locale.currencySymbol(QLocale::CurrencyIsoCode) != code)
            continue;
        const QString symbol = locale.currencySymbol(QLocale::CurrencySymbol);
        if (!symbol.isEmpty() && !symbols.contains(symbol))
            symbols.append(symbol);
    }
    cache.insert(code, symbols);
    return symbols;
}

QString normalizedMarker(QString marker)
{
    marker.replace(QChar(0xFFE5), QChar(0x00A5)); // fullwidth yen sign
    return marker;
}

// Whether `marker` (text beside the number) names `currency`.
bool markerMatches(const QString& marker, const Currency& currency, const QLocale& locale)
{
    const QString m = normalizedMarker(marker);
    if (m.compare(currency.code(), Qt::CaseInsensitive) == 0)
        return true;
    if (m == normalizedMarker(currency.symbol(locale)))
        return true;
    const QStringList symbols = homeSymbols(currency.code());
    for (const QString& symbol : symbols) {
        if (m == normalizedMarker(symbol))
            return true;
    }
    return false;
}

// n / d rounded as asked; d > 0. Returns false when rounding is Reject and the division is inexact.
template <typename Int> bool roundedDivide(Int n, Int d, Money::Rounding rounding, Int* out)
{
    Int q = n / d;
    Int r = n % d;
    if (r == 0) {
        *out = q;
        return true;
    }
    const bool negative = n < 0;
    const Int absR = r < 0 ? -r : r;
    switch (rounding) {
    case Money::Rounding::Reject:
        return false;
    case Money::Rounding::TowardZero:
        break;
    case Money::Rounding::HalfAwayFromZero:
        if (2 * absR >= d)
            q += negative ? -1 : 1;
        break;
    case Money::Rounding::HalfEven:
        if (2 * absR > d || (2 * absR == d && (q % 2 != 0)))
            q += negative ? -1 : 1;
        break;
    }
    *out = q;
    return true;
}

QString localizedDigits(const QString& ascii, const QLocale& locale)
{
    const QString zero = locale.zeroDigit();
    if (zero == u"0" || zero.size() != 1)
        return ascii;
    QString out;
    out.reserve(ascii.size());
    for (QChar c : ascii)
        out.append(c.isDigit() ? QChar(zero.at(0).unicode() + (c.unicode() - u'0')) : c);
    return out;
}

struct ParsedNumber
{
    QString integerDigits; // ASCII
    QString fractionDigits; // ASCII
};

// Splits the digit run of a number into integer and fraction digits, deciding which separator is decimal.
std::optional<ParsedNumber> splitNumber(const QString& number, const QLocale& locale, QString* error)
{
    const QString localeDecimal = locale.decimalPoint();
    const QString localeGroup = locale.groupSeparator();
    auto isSeparator = [&](QChar c) {
        return c == u'.' || c == u',' || c == u'\'' || c == QChar(0x2019) || isSpace(c) || localeDecimal == c
            || localeGroup == c;
    };

    // Candidates for the decimal separator: '.', ',' and the locale's decimal point.
    int lastSepPos = -1;
    QChar lastSep;
    QHash<QChar, int> counts;
    for (int i = 0; i < number.size(); ++i) {
        const QChar c = number.at(i);
        if (c.digitValue() >= 0)
            continue;
        if (!isSeparator(c)) {
            *error = Money::tr("“%1” is not a number.").arg(number);
            return std::nullopt;
        }
        if (c == u'.' || c == u',' || localeDecimal == c) {
            lastSepPos = i;
            lastSep = c;
            counts[c]++;
        }
    }

    int decimalPos = -1;
    if (lastSepPos >= 0) {
        const int digitsAfter = int(number.size()) - lastSepPos - 1;
        const bool otherKindPresent = counts.size() > 1;
        if (otherKindPresent) {
            // "1.234,56" or "1,234.56": the last separator is the decimal one and must occur once.
            if (counts.value(lastSep) != 1) {
                *error = Money::tr("“%1” has more than one decimal separator.").arg(number);
                return std::nullopt;
            }
            decimalPos = lastSepPos;
        } else if (counts.value(lastSep) > 1) {
            decimalPos = -1; // "1.234.567": grouping only
        } else if (localeDecimal == lastSep) {
            decimalPos = lastSepPos;
        } else if (digitsAfter != 3) {
            decimalPos = lastSepPos; // "4.50" typed in a comma locale
        }
    }

    ParsedNumber parsed;
    QString groupRun; // digits since the last group separator, to validate grouping
    bool sawGroup = false;
    for (int i = 0; i < number.size(); ++i) {
        const QChar c = number.at(i);
        const int digit = c.digitValue();
        if (i == decimalPos) {
            if (sawGroup && groupRun.size() != 3) {
                *error = Money::tr("“%1” has misplaced digit group separators.").arg(number);
                return std::nullopt;
            }
            continue;
        }
        if (digit >= 0) {
            if (decimalPos >= 0 && i > decimalPos)
                parsed.fractionDigits.append(QChar(u'0' + digit));
            else {
                parsed.integerDigits.append(QChar(u'0' + digit));
                groupRun.append(QChar(u'0' + digit));
            }
            continue;
        }
        // a group separator
        if (decimalPos >= 0 && i > decimalPos) {
            *error = Money::tr("“%1” has a digit group separator after the decimal separator.").arg(number);
            return std::nullopt;
        }
        if (groupRun.isEmpty() || (sawGroup && groupRun.size() < 2)) {
            *error = Money::tr("“%1” has misplaced digit group separators.").arg(number);
            return std::nullopt;
        }
        sawGroup = true;
        groupRun.clear();
    }
    if (sawGroup && decimalPos < 0 && groupRun.size() != 3) {
        *error = Money::tr("“%1” has misplaced digit group separators.").arg(number);
        return std::nullopt;
    }
    if (parsed.integerDigits.isEmpty() && parsed.fractionDigits.isEmpty()) {
        *error = Money::tr("“%1” is not a number.").arg(number);
        return std::nullopt;
    }
    return parsed;
}

Result<Money> buildMoney(const ParsedNumber& number, bool negative, const Currency& currency, Money::Rounding rounding)
{
    const int digits = currency.minorDigits();
    const QString integer = number.integerDigits.isEmpty() ? QStringLiteral("0") : number.integerDigits;
    QString fraction = number.fractionDigits;
    QString extra;
    if (fraction.size() > digits) {
        extra = fraction.mid(digits);
        fraction.truncate(digits);
    }
    while (fraction.size() < digits)
        fraction.append(u'0');

    qint64 magnitude = 0;
    const QString all = integer + fraction;
    for (QChar c : all) {
        if (qMulOverflow(magnitude, qint64(10), &magnitude)
            || qAddOverflow(magnitude, qint64(c.unicode() - u'0'), &magnitude))
            return Error::invalidInput(Money::tr("The amount is too large."));
    }

    bool allExtraZero = true;
    for (QChar c : extra)
        allExtraZero = allExtraZero && c == u'0';
    if (!allExtraZero) {
        if (rounding == Money::Rounding::Reject) {
            return Error::invalidInput(
                Money::tr("%1 amounts have at most %n decimal digit(s).", nullptr, digits).arg(currency.code()));
        }
        // Decide by the first extra digit and whether anything follows it.
        const int first = extra.at(0).unicode() - u'0';
        bool restNonZero = false;
        for (int i = 1; i < extra.size(); ++i)
            restNonZero = restNonZero || extra.at(i) != u'0';
        bool up = false;
        switch (rounding) {
        case Money::Rounding::Reject:
        case Money::Rounding::TowardZero:
            break;
        case Money::Rounding::HalfAwayFromZero:
            up = first >= 5;
            break;
        case Money::Rounding::HalfEven:
            up = first > 5 || (first == 5 && (restNonZero || magnitude % 2 != 0));
            break;
        }
        if (up && qAddOverflow(magnitude, qint64(1), &magnitude))
            return Error::invalidInput(Money::tr("The amount is too large."));
    }
    return Money(negative ? -magnitude : magnitude, currency);
}

QString formatMagnitude(quint64 magnitude, const Currency& currency, const QLocale& locale)
{
    const int digits = currency.minorDigits();
    const quint64 factor = quint64(currency.minorPerMajor());
    const quint64 integer = magnitude / factor;
    QString text = locale.toString(qulonglong(integer));
    if (digits > 0) {
        QString fraction = QString::number(magnitude % factor).rightJustified(digits, u'0');
        text += locale.decimalPoint() + localizedDigits(fraction, locale);
    }
    return text;
}

} // namespace

Result<Money> Money::parse(QStringView text, const Currency& currency, const QLocale& locale, Rounding rounding)
{
    if (!currency.isValid())
        return Error::invalidInput(tr("No valid currency was given."));
    const QString input = text.trimmed().toString();
    if (input.isEmpty())
        return Error::invalidInput(tr("Enter an amount."));

    const QString localeDecimal = locale.decimalPoint();
    // The number is the span from the first digit (or a decimal separator right before one) to the last digit.
    int first = -1;
    int last = -1;
    for (int i = 0; i < input.size(); ++i) {
        if (input.at(i).digitValue() >= 0) {
            if (first < 0)
                first = i;
            last = i;
        }
    }
    if (first < 0)
        return Error::invalidInput(tr("“%1” does not contain a number.").arg(input));
    if (first > 0
        && (input.at(first - 1) == u'.' || input.at(first - 1) == u',' || localeDecimal == input.at(first - 1)))
        --first; // ".50"

    const QString number = input.mid(first, last - first + 1);
    QString outside = input.left(first) + u' ' + input.mid(last + 1);

    bool negative = false;
    bool positive = false;
    int openParens = 0;
    int closeParens = 0;
    QString marker;
    for (QChar c : std::as_const(outside)) {
        if (isSpace(c))
            continue;
        if (isMinus(c))
            negative = true;
        else if (c == u'+')
            positive = true;
        else if (c == u'(')
            ++openParens;
        else if (c == u')')
            ++closeParens;
        else
            marker.append(c);
    }
    if (openParens != closeParens || openParens > 1)
        return Error::invalidInput(tr("“%1” has unbalanced parentheses.").arg(input));
    if (openParens == 1)
        negative = true;
    if (negative && positive)
        return Error::invalidInput(tr("“%1” has both a plus and a minus sign.").arg(input));
    if (!marker.isEmpty() && !markerMatches(marker, currency, locale)) {
        const Currency other = Currency::fromCode(marker);
        if (other.isValid())
            return Error::invalidInput(
                tr("The amount is in %1, but %2 was expected.").arg(other.code(), currency.code()));
        return Error::invalidInput(tr("“%1” is not understood as a %2 amount.").arg(input, currency.code()));
    }

    QString error;
    const auto parsed = splitNumber(number, locale, &error);
    if (!parsed)
        return Error::invalidInput(error);
    return buildMoney(*parsed, negative, currency, rounding);
}

Result<Money> Money::fromDecimalString(QStringView text, const Currency& currency, Rounding rounding)
{
    if (!currency.isValid())
        return Error::invalidInput(tr("No valid currency was given."));
    QStringView s = text.trimmed();
    bool negative = false;
    if (!s.isEmpty() && (s.front() == u'-' || s.front() == u'+')) {
        negative = s.front() == u'-';
        s = s.mid(1);
    }
    ParsedNumber number;
    bool inFraction = false;
    for (QChar c : s) {
        if (c >= u'0' && c <= u'9')
            (inFraction ? number.fractionDigits : number.integerDigits).append(c);
        else if (c == u'.' && !inFraction)
            inFraction = true;
        else
            return Error::invalidInput(tr("“%1” is not a decimal number.").arg(text.toString()));
    }
    if (number.integerDigits.isEmpty() && number.fractionDigits.isEmpty())
        return Error::invalidInput(tr("“%1” is not a decimal number.").arg(text.toString()));
    return buildMoney(number, negative, currency, rounding);
}

QString Money::toNumberString(const QLocale& locale) const
{
    const quint64 magnitude = m_minor < 0 ? quint64(0) - quint64(m_minor) : quint64(m_minor);
    const QString text = formatMagnitude(magnitude, m_currency, locale);
    return m_minor < 0 ? locale.negativeSign() + text : text;
}

QString Money::toString(const QLocale& locale, SymbolStyle style) const
{
    const quint64 magnitude = m_minor < 0 ? quint64(0) - quint64(m_minor) : quint64(m_minor);
    const QString number = formatMagnitude(magnitude, m_currency, locale);
    // Negative amounts use the locale's minus sign before the positive pattern ("-$1.00", "-1,00 €"):
    // the standard CLDR form, not the accounting parentheses some locales default to.
    const qlonglong unit = 1;
    const QString sign = m_minor < 0 ? locale.negativeSign() : QString();
    const QString one = locale.toString(1);
    QString pattern;
    switch (style) {
    case SymbolStyle::None:
        pattern = locale.toString(unit);
        break;
    case SymbolStyle::Code:
    case SymbolStyle::Symbol: {
        const QString symbol = style == SymbolStyle::Code ? m_currency.code() : m_currency.symbol(locale);
        pattern = locale.toCurrencyString(unit, symbol);
        // A letter code glued to the digits ("USD1") reads badly: separate it with a no-break space.
        const bool alphabetic = !symbol.isEmpty() && symbol.at(0).isLetter() && symbol.at(symbol.size() - 1).isLetter();
        if (alphabetic) {
            const int at = int(pattern.indexOf(symbol));
            const int digit = int(pattern.indexOf(one));
            if (at >= 0 && digit >= 0) {
                if (at + symbol.size() == digit)
                    pattern.insert(digit, QChar(0x00A0));
                else if (digit + one.size() == at)
                    pattern.insert(at, QChar(0x00A0));
            }
        }
        break;
    }
    }
    const int digitPos = int(pattern.lastIndexOf(one));
    if (digitPos < 0)
        return toNumberString(locale);
    return sign + pattern.left(digitPos) + number + pattern.mid(digitPos + one.size());
}

QString Money::toDecimalString() const
{
    return toNumberString(QLocale::c()).remove(u',');
}

std::optional<Money> Money::checkedAdd(const Money& other) const
{
    qint64 sum = 0;
    if (m_currency != other.m_currency || qAddOverflow(m_minor, other.m_minor, &sum))
        return std::nullopt;
    return Money(sum, m_currency);
}

std::optional<Money> Money::checkedSubtract(const Money& other) const
{
    qint64 difference = 0;
    if (m_currency != other.m_currency || qSubOverflow(m_minor, other.m_minor, &difference))
        return std::nullopt;
    return Money(difference, m_currency);
}

std::optional<Money> Money::checkedNegate() const
{
    if (m_minor == std::numeric_limits<qint64>::min())
        return std::nullopt;
    return Money(-m_minor, m_currency);
}

std::optional<Money> Money::checkedMultiply(qint64 factor) const
{
    qint64 product = 0;
    if (qMulOverflow(m_minor, factor, &product))
        return std::nullopt;
    return Money(product, m_currency);
}

std::optional<Money> Money::multipliedBy(qint64 numerator, qint64 denominator, Rounding rounding) const
{
    if (denominator == 0)
        return std::nullopt;
    if (denominator < 0) {
        if (numerator == std::numeric_limits<qint64>::min() || denominator == std::numeric_limits<qint64>::min())
            return std::nullopt;
        numerator = -numerator;
        denominator = -denominator;
    }
#ifdef __SIZEOF_INT128__
    const Int128 product = static_cast<Int128>(m_minor) * numerator;
    Int128 quotient = 0;
    if (!roundedDivide<Int128>(product, denominator, rounding, &quotient))
        return std::nullopt;
    if (quotient > std::numeric_limits<qint64>::max() || quotient < std::numeric_limits<qint64>::min())
        return std::nullopt;
    return Money(static_cast<qint64>(quotient), m_currency);
#else
    qint64 product = 0;
    if (qMulOverflow(m_minor, numerator, &product))
        return std::nullopt;
    qint64 quotient = 0;
    if (!roundedDivide<qint64>(product, denominator, rounding, &quotient))
        return std::nullopt;
    return Money(quotient, m_currency);
#endif
}

QList<Money> Money::allocate(int parts) const
{
    QList<Money> result;
    if (parts <= 0)
        return result;
    const qint64 base = m_minor / parts;
    qint64 remainder = m_minor % parts; // same sign as m_minor
    result.reserve(parts);
    for (int i = 0; i < parts; ++i) {
        qint64 share = base;
        if (remainder > 0) {
            ++share;
            --remainder;
        } else if (remainder < 0) {
            --share;
            ++remainder;
        }
        result.append(Money(share, m_currency));
    }
    return result;
}

} // namespace Moniagent
