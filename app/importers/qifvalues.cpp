#include "qifvalues.h"

#include <QRegularExpression>

namespace Moniagent {

struct QifDates::Parts
{
    bool exact = false; // year-first or with a month name: year, month and day are known
    int year = 0;
    int first = 0; // numeric dates with the year last: the two fields before it
    int second = 0;
    Family family = Family::Slash;
};

namespace {

// 1–2 digit years: below 50 is 20xx. 3 digits mean nothing; 0 when the text is not a year.
int expandYear(QStringView digits)
{
    const int value = digits.toInt();
    if (digits.size() == 4)
        return value;
    if (digits.size() <= 2)
        return value < 50 ? 2000 + value : 1900 + value;
    return 0;
}

QString folded(QString name)
{
    name = name.trimmed().toCaseFolded();
    while (name.endsWith(u'.'))
        name.chop(1);
    return name;
}

} // namespace

QifDates::QifDates(const QLocale& locale)
    : m_locale(locale)
{
    const QLocale english(QLocale::English, QLocale::UnitedStates);
    for (const QLocale& l : {english, locale}) {
        for (int month = 1; month <= 12; ++month) {
            for (QLocale::FormatType format : {QLocale::LongFormat, QLocale::ShortFormat}) {
                m_monthNames.append({folded(l.monthName(month, format)), month});
                m_monthNames.append({folded(l.standaloneMonthName(month, format)), month});
            }
        }
    }
    m_monthNames.append({QStringLiteral("sept"), 9});
}

int QifDates::monthNumber(const QString& name) const
{
    const QString key = folded(name);
    for (const auto& [candidate, month] : m_monthNames) {
        if (candidate == key)
            return month;
    }
    return 0;
}

bool QifDates::split(const QString& input, Parts& parts) const
{
    const QString text = input.trimmed();
    static const QRegularExpression yearFirst(
        QStringLiteral("^(\\d{4})\\s*[-/.]\\s*(\\d{1,2})\\s*[-/.]\\s*(\\d{1,2})$"));
    static const QRegularExpression compact(QStringLiteral("^(\\d{4})(\\d{2})(\\d{2})$"));
    static const QRegularExpression numeric(
        QStringLiteral("^(\\d{1,2})\\s*([-/.])\\s*(\\d{1,2})\\s*([-/.'])\\s*(\\d{1,4})$"));
    static const QRegularExpression dayName(
        QStringLiteral("^(\\d{1,2})\\.?[\\s\\-/]*(\\p{L}+)\\.?[\\s\\-/,']*(\\d{2}|\\d{4})$"));
    static const QRegularExpression nameDay(
        QStringLiteral("^(\\p{L}+)\\.?[\\s\\-/]*(\\d{1,2})(?:st|nd|rd|th)?[\\s,\\-/']*(\\d{2}|\\d{4})$"));

    QRegularExpressionMatch match = yearFirst.match(text);
    if (!match.hasMatch())
        match = compact.match(text);
    if (match.hasMatch()) {
        parts.exact = true;
        parts.year = match.captured(1).toInt();
        parts.first = match.captured(2).toInt(); // month
        parts.second = match.captured(3).toInt(); // day
        return true;
    }
    match = numeric.match(text);
    if (match.hasMatch()) {
        parts.exact = false;
        parts.first = match.captured(1).toInt();
        parts.second = match.captured(3).toInt();
        parts.year = expandYear(match.capturedView(5));
        parts.family = match.captured(2) == u"." ? Family::Dot : Family::Slash;
        return parts.year != 0;
    }
    for (const QRegularExpression* pattern : {&dayName, &nameDay}) {
        match = pattern->match(text);
        if (!match.hasMatch())
            continue;
        const bool dayFirst = pattern == &dayName;
        const int month = monthNumber(match.captured(dayFirst ? 2 : 1));
        if (month == 0)
            return false;
        parts.exact = true;
        parts.year = expandYear(match.capturedView(3));
        parts.first = month;
        parts.second = match.captured(dayFirst ? 1 : 2).toInt();
        return true;
    }
    return false;
}

void QifDates::add(const QString& text)
{
    Parts parts;
    if (!split(text, parts) || parts.exact)
        return;
    Evidence& e = evidence(parts.family);
    if (parts.first > 12 && parts.second <= 12)
        ++e.dayFirst;
    else if (parts.second > 12 && parts.first <= 12)
        ++e.monthFirst;
    else if (parts.first != parts.second && parts.first >= 1 && parts.second >= 1 && e.ambiguousExample.isEmpty())
        e.ambiguousExample = text.trimmed();
}

void QifDates::decide()
{
    for (Family family : {Family::Slash, Family::Dot}) {
        Evidence& e = evidence(family);
        const bool fallback = family == Family::Dot;
        e.decidedDayFirst = e.dayFirst == e.monthFirst ? fallback : e.dayFirst > e.monthFirst;
        e.guessed = e.dayFirst == 0 && e.monthFirst == 0 && !e.ambiguousExample.isEmpty();
    }
}

QDate QifDates::parse(const QString& text, QString& error) const
{
    Parts parts;
    if (!split(text, parts)) {
        error = tr("the date “%1” is not a date").arg(text.trimmed());
        return {};
    }
    QDate date;
    if (parts.exact) {
        date = QDate(parts.year, parts.first, parts.second);
    } else {
        const bool dayFirst = evidence(parts.family).decidedDayFirst;
        date = QDate(parts.year, dayFirst ? parts.second : parts.first, dayFirst ? parts.first : parts.second);
    }
    if (!date.isValid())
        error = tr("the date “%1” does not exist").arg(text.trimmed());
    return date;
}

QStringList QifDates::warnings() const
{
    QStringList out;
    for (Family family : {Family::Slash, Family::Dot}) {
        const Evidence& e = evidence(family);
        if (!e.guessed)
            continue;
        QString ignored;
        const QString shown = m_locale.toString(parse(e.ambiguousExample, ignored), QLocale::LongFormat);
        out.append(e.decidedDayFirst
                       ? tr("Dates like “%1” could be day/month or month/day and no date in the file settles it; "
                            "they were read day first, as dates written with dots usually are: “%1” is %2.")
                             .arg(e.ambiguousExample, shown)
                       : tr("Dates like “%1” could be month/day or day/month and no date in the file settles it; "
                            "they were read month first, the QIF default: “%1” is %2.")
                             .arg(e.ambiguousExample, shown));
    }
    return out;
}

QifAmounts::QifAmounts(Currency currency)
    : m_currency(std::move(currency))
{ }

QString QifAmounts::clean(const QString& text)
{
    QString out;
    out.reserve(text.size());
    for (QChar c : text) {
        // Spaces (also no-break and thin) and apostrophes only ever group digits.
        if (!c.isSpace() && c != u'\'' && c != QChar(0x2019) && c != QChar(0x202F))
            out.append(c);
    }
    return out;
}

void QifAmounts::add(const QString& text)
{
    const QString s = clean(text);
    const qsizetype dot = s.lastIndexOf(u'.');
    const qsizetype comma = s.lastIndexOf(u',');
    if (dot >= 0 && comma >= 0) {
        ++(dot > comma ? m_dotVotes : m_commaVotes);
        return;
    }
    if (dot < 0 && comma < 0)
        return;
    const QChar separator = dot >= 0 ? u'.' : u',';
    const qsizetype at = dot >= 0 ? dot : comma;
    if (s.count(separator) > 1) {
        ++(separator == u'.' ? m_commaVotes : m_dotVotes); // used for grouping, so the other one is decimal
        return;
    }
    qsizetype digits = 0;
    while (at + 1 + digits < s.size() && s.at(at + 1 + digits).isDigit())
        ++digits;
    if (digits == 3 && m_currency.minorDigits() != 3)
        (separator == u'.' ? m_dotGroupingOnly : m_commaGroupingOnly) = true;
    else
        ++(separator == u'.' ? m_dotVotes : m_commaVotes);
}

void QifAmounts::decide()
{
    if (m_dotVotes != m_commaVotes)
        m_decimal = m_dotVotes > m_commaVotes ? u'.' : u',';
    else if (m_dotVotes == 0 && m_dotGroupingOnly && !m_commaGroupingOnly)
        m_decimal = u','; // "1.234" throughout: the dots group thousands
    else
        m_decimal = u'.';
}

Money QifAmounts::parse(const QString& text, QString& error)
{
    const QChar grouping = m_decimal == u'.' ? u',' : u'.';
    QString s = clean(text);
    // Grouping only between digit groups of three (two for Indian lakhs), the last group three: so that
    // "12,50" in a file that groups with commas is an error, not 1250.
    static const QRegularExpression groups(QStringLiteral("^[+-]?\\d{1,3}(?:G\\d{2,3})*G\\d{3}(?:D\\d*)?$"));
    if (s.contains(grouping)) {
        QString shape = s;
        shape.replace(grouping, u'G').replace(m_decimal, u'D');
        if (!groups.match(shape).hasMatch()) {
            error = tr("the amount “%1” is not a number").arg(text.trimmed());
            return {0, m_currency};
        }
    }
    s.remove(grouping);
    s.replace(m_decimal, u'.');
    static const QRegularExpression pattern(QStringLiteral("^[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)$"));
    if (!pattern.match(s).hasMatch()) {
        error = tr("the amount “%1” is not a number").arg(text.trimmed());
        return {0, m_currency};
    }
    Result<Money> money = StatementText::parseDecimal(s, m_currency, m_rounding);
    if (!money) {
        error = tr("the amount “%1” cannot be used: %2").arg(text.trimmed(), money.error().message);
        return {0, m_currency};
    }
    return *money;
}

} // namespace Moniagent
