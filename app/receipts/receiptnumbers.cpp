#include "receiptnumbers.h"

#include <QRegularExpression>

#include <array>
#include <utility>

namespace Moniagent::ReceiptParsing {

namespace {

constexpr int kMaxDigits = 15;

struct CurrencyMark
{
    const char16_t* text;
    const char16_t* code;
};

// Symbols and codes printed beside amounts, longest first so that "US$" wins over "$".
constexpr std::array kCurrencyMarks {
    CurrencyMark {u"US$", u"USD"}, CurrencyMark {u"HK$", u"HKD"}, CurrencyMark {u"NZ$", u"NZD"},
    CurrencyMark {u"MYR", u"MYR"}, CurrencyMark {u"EUR", u"EUR"}, CurrencyMark {u"USD", u"USD"},
    CurrencyMark {u"GBP", u"GBP"}, CurrencyMark {u"CHF", u"CHF"}, CurrencyMark {u"SGD", u"SGD"},
    CurrencyMark {u"AUD", u"AUD"}, CurrencyMark {u"CAD", u"CAD"}, CurrencyMark {u"NZD", u"NZD"},
    CurrencyMark {u"HKD", u"HKD"}, CurrencyMark {u"JPY", u"JPY"}, CurrencyMark {u"IDR", u"IDR"},
    CurrencyMark {u"THB", u"THB"}, CurrencyMark {u"SFR", u"CHF"}, CurrencyMark {u"FR.", u"CHF"},
    CurrencyMark {u"S$", u"SGD"},  CurrencyMark {u"A$", u"AUD"},  CurrencyMark {u"C$", u"CAD"},
    CurrencyMark {u"RM", u"MYR"},  CurrencyMark {u"€", u"EUR"},   CurrencyMark {u"£", u"GBP"},
    CurrencyMark {u"¥", u"JPY"},   CurrencyMark {u"₹", u"INR"},   CurrencyMark {u"$", u"$"},
};

bool isSeparator(QChar c)
{
    return c == u'.' || c == u',' || c == u'\'' || c == u'’' || c == u' ';
}

struct Interpretation
{
    qint64 mantissa = 0;
    int decimals = 0;
    bool grouped = false;
    bool ambiguous = false;
};

bool validGroups(const QList<QString>& groups)
{
    if (groups.isEmpty() || groups.first().isEmpty() || groups.first().size() > 3)
        return false;
    for (qsizetype i = 1; i < groups.size(); ++i) {
        if (groups.at(i).size() != 3)
            return false;
    }
    return true;
}

// Reads one run of digits and separators ("1.234,56", "12. 50", "1 234,56"); nullopt when it is no single number.
std::optional<Interpretation> interpret(QString run)
{
    // Spaces beside a decimal point are OCR noise: "12 .50", "12. 50".
    static const QRegularExpression spacedPoint(QStringLiteral("\\s*([.,])\\s*"));
    run.replace(spacedPoint, QStringLiteral("\\1"));
    // ".40": a cent amount printed without its leading zero.
    if (run.startsWith(u'.') || run.startsWith(u','))
        run.prepend(u'0');

    QList<QString> parts;
    QList<QChar> separators;
    QString current;
    for (const QChar c : std::as_const(run)) {
        if (c.isDigit()) {
            current += c;
        } else if (isSeparator(c)) {
            parts.append(current);
            separators.append(c == u'’' ? QChar(u'\'') : c);
            current.clear();
        }
    }
    parts.append(current);
    for (const QString& part : std::as_const(parts)) {
        if (part.isEmpty())
            return std::nullopt;
    }

    Interpretation result;
    QString digits;
    if (separators.isEmpty()) {
        digits = parts.first();
    } else {
        const QChar last = separators.last();
        const int fraction = int(parts.last().size());
        const bool decimalSeparator = (last == u'.' || last == u',');
        QList<QChar> before = separators.mid(0, separators.size() - 1);
        if (decimalSeparator && fraction == 3
            && std::all_of(before.cbegin(), before.cend(), [&](QChar c) { return c == last; })) {
            // "1.234.567" groups; a single "9.000" is three decimals or a thousands group.
            if (!validGroups(parts))
                return std::nullopt;
            if (before.isEmpty()) {
                result.decimals = 3;
                result.ambiguous = true;
                digits = parts.join(QString());
            } else {
                result.grouped = true;
                digits = parts.join(QString());
            }
        } else if (decimalSeparator && fraction <= 2) {
            const QList<QString> integerGroups = parts.mid(0, parts.size() - 1);
            if (!before.isEmpty()) {
                const QChar group = before.first();
                if (group == last || !std::all_of(before.cbegin(), before.cend(), [&](QChar c) { return c == group; }))
                    return std::nullopt;
                if (group == u' ' && last != u',')
                    return std::nullopt; // "2 105.66" is a quantity and a price, not 2105.66
                if (!validGroups(integerGroups))
                    return std::nullopt;
                result.grouped = true;
            }
            result.decimals = fraction;
            digits = integerGroups.join(QString()) + parts.last();
        } else if (!decimalSeparator && last == u'\'') {
            if (!validGroups(parts) || !std::all_of(before.cbegin(), before.cend(), [](QChar c) { return c == u'\''; }))
                return std::nullopt;
            result.grouped = true;
            digits = parts.join(QString());
        } else {
            return std::nullopt;
        }
    }
    if (digits.size() > kMaxDigits)
        return std::nullopt;
    result.mantissa = digits.toLongLong();
    return result;
}

// The currency mark that `text` ends with (prefix) or starts with (suffix), as a code; empty when none.
QString markAtEnd(QStringView text, int& markLength)
{
    const QString upper = text.toString().toUpper();
    for (const CurrencyMark& mark : kCurrencyMarks) {
        const QString symbol = QString::fromUtf16(mark.text);
        if (!upper.endsWith(symbol))
            continue;
        const qsizetype before = upper.size() - symbol.size() - 1;
        if (symbol.front().isLetter() && before >= 0 && upper.at(before).isLetter())
            continue; // part of a word
        markLength = int(symbol.size());
        return QString::fromUtf16(mark.code);
    }
    return {};
}

QString markAtStart(QStringView text, int& markLength)
{
    const QString upper = text.toString().toUpper();
    for (const CurrencyMark& mark : kCurrencyMarks) {
        const QString symbol = QString::fromUtf16(mark.text);
        if (!upper.startsWith(symbol))
            continue;
        if (symbol.back().isLetter() && upper.size() > symbol.size() && upper.at(symbol.size()).isLetter())
            continue;
        markLength = int(symbol.size());
        return QString::fromUtf16(mark.code);
    }
    return {};
}

bool isMinus(QChar c)
{
    return c == u'-' || c == u'−' || c == u'–';
}

} // namespace

std::optional<qint64> NumberToken::minor(int minorDigits) const
{
    if (ambiguousGrouping && minorDigits == 0)
        return mantissa;
    if (decimals > minorDigits)
        return std::nullopt;
    qint64 value = mantissa;
    for (int i = decimals; i < minorDigits; ++i)
        value *= 10;
    return value;
}

bool NumberToken::isMoney(int minorDigits) const
{
    if (percent || !prefix.isEmpty() || !suffix.isEmpty())
        return false;
    if (minorDigits == 0)
        return decimals == 0 || ambiguousGrouping;
    return decimals == minorDigits;
}

QString NumberToken::decimalString() const
{
    QString digits = QString::number(mantissa < 0 ? -mantissa : mantissa);
    if (decimals > 0) {
        digits = digits.rightJustified(decimals + 1, u'0');
        digits.insert(digits.size() - decimals, u'.');
    }
    return mantissa < 0 ? QStringLiteral("-") + digits : digits;
}

QString fixOcrDigits(QStringView text)
{
    QString result = text.toString();
    auto digitAt = [&](qsizetype i) {
        return i >= 0 && i < result.size() && result.at(i).isDigit();
    };
    auto pointAt = [&](qsizetype i) {
        return i >= 0 && i < result.size() && (result.at(i) == u'.' || result.at(i) == u',');
    };
    for (qsizetype i = 0; i < result.size(); ++i) {
        if (result.at(i) != u'O' && result.at(i) != u'o')
            continue;
        const bool afterDigit = digitAt(i - 1) || (pointAt(i - 1) && digitAt(i - 2));
        const bool beforeDigit = digitAt(i + 1) || (pointAt(i + 1) && digitAt(i + 2));
        const bool letterBefore = i > 0 && result.at(i - 1).isLetter();
        const bool letterAfter = i + 1 < result.size() && result.at(i + 1).isLetter();
        if ((afterDigit && !letterAfter) || (beforeDigit && !letterBefore))
            result[i] = u'0';
    }
    return result;
}

QList<NumberToken> findNumbers(QStringView input)
{
    static const QRegularExpression runPattern(QStringLiteral(
        "(?:(?<![\\d.,])[.,](?=\\d{2}(?![\\d.,])))?\\d+(?:(?:\\s?[.,]\\s?|['’]|\\s(?=\\d{3}(?!\\d)))\\d+)*"));
    const QString text = fixOcrDigits(input);
    QList<NumberToken> tokens;

    auto addRun = [&](int runStart, const QString& run) {
        const auto value = interpret(run);
        if (!value)
            return false;
        int start = runStart;
        int end = runStart + int(run.size());
        // Dates, times, phone numbers and references: digits joined by / : - # or glued to another number.
        const QChar before = start > 0 ? text.at(start - 1) : QChar();
        const QChar after = end < text.size() ? text.at(end) : QChar();
        const QChar afterNext = end + 1 < text.size() ? text.at(end + 1) : QChar();
        const bool digitBeforeJoint = start > 1 && text.at(start - 2).isDigit();
        if ((before == u'/' || before == u':' || before == u'.' || before == u',' || isMinus(before))
            && digitBeforeJoint)
            return true;
        if ((after == u'/' || after == u':' || isMinus(after) || after == u'.') && afterNext.isDigit())
            return true;

        NumberToken token;
        token.mantissa = value->mantissa;
        token.decimals = value->decimals;
        token.grouped = value->grouped;
        token.ambiguousGrouping = value->ambiguous;

        // What is glued before: a sign, a currency mark, or letters of a code.
        int markLength = 0;
        bool negative = false;
        QStringView left = QStringView(text).left(start);
        auto minusAtEnd = [](QStringView t) {
            return !t.isEmpty() && isMinus(t.back()) && (t.size() == 1 || !t.at(t.size() - 2).isLetterOrNumber());
        };
        if (minusAtEnd(left)) {
            negative = true;
            left.chop(1);
            start = int(left.size());
        }
        QStringView spacedLeft = left.endsWith(u' ') ? left.chopped(1) : left;
        token.currency = markAtEnd(spacedLeft, markLength);
        if (!token.currency.isEmpty()) {
            start = int(spacedLeft.size()) - markLength;
            if (!negative && minusAtEnd(spacedLeft.left(start))) {
                negative = true;
                --start;
            }
        } else if (!negative && before.isLetter()) {
            int p = runStart;
            while (p > 0 && text.at(p - 1).isLetter())
                --p;
            token.prefix = text.mid(p, runStart - p).toUpper();
        }

        // What is glued after: a percent sign, a currency mark, a trailing minus or unit letters.
        QStringView right = QStringView(text).mid(end);
        if (right.startsWith(u'%') || right.startsWith(QStringLiteral(" %"))) {
            token.percent = true;
            end += right.startsWith(u'%') ? 1 : 2;
        } else {
            QStringView spaced = right.startsWith(u' ') ? right.mid(1) : right;
            const QString code = markAtStart(spaced, markLength);
            if (!code.isEmpty() && (token.currency.isEmpty() || token.currency == code)) {
                token.currency = code;
                end += int(right.size() - spaced.size()) + markLength;
                right = QStringView(text).mid(end);
            }
            if (!right.isEmpty() && isMinus(right.front()) && (right.size() == 1 || !right.at(1).isLetterOrNumber())) {
                negative = true;
                ++end;
            } else if (!right.isEmpty() && right.front().isLetter() && code.isEmpty()) {
                int p = 0;
                while (p < right.size() && right.at(p).isLetter())
                    ++p;
                token.suffix = right.left(p).toString().toUpper();
            }
        }
        // Accounting brackets: "(3.00)".
        if (start > 0 && text.at(start - 1) == u'(' && end < text.size() && text.at(end) == u')') {
            negative = true;
            --start;
            ++end;
        }
        if (negative)
            token.mantissa = -token.mantissa;
        token.start = start;
        token.length = end - start;
        tokens.append(token);
        return true;
    };

    auto it = runPattern.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        const QString run = match.captured();
        if (addRun(int(match.capturedStart()), run))
            continue;
        // Not one number: read its space-separated pieces on their own ("2 105.66" is 2 and 105.66).
        qsizetype offset = 0;
        for (const QString& piece : run.split(u' ')) {
            QString trimmed = piece;
            int lead = 0;
            while (!trimmed.isEmpty() && !trimmed.front().isDigit()) {
                trimmed.remove(0, 1);
                ++lead;
            }
            while (!trimmed.isEmpty() && !trimmed.back().isDigit())
                trimmed.chop(1);
            if (!trimmed.isEmpty() && trimmed != run)
                addRun(int(match.capturedStart() + offset + lead), trimmed);
            offset += piece.size() + 1;
        }
    }
    return tokens;
}

std::optional<qint64> parseAmount(QStringView text, int minorDigits)
{
    for (const NumberToken& token : findNumbers(text)) {
        if (token.isMoney(minorDigits))
            return token.minor(minorDigits);
    }
    return std::nullopt;
}

} // namespace Moniagent::ReceiptParsing
