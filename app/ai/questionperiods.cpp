#include "questionperiods.h"

#include <QHash>
#include <QRegularExpression>

#include <algorithm>
#include <functional>

namespace Moniagent {

namespace {

const QHash<QString, int>& months()
{
    static const QHash<QString, int> map {
        {QStringLiteral("january"), 1},   {QStringLiteral("jan"), 1},       {QStringLiteral("januar"), 1},
        {QStringLiteral("jänner"), 1},    {QStringLiteral("february"), 2},  {QStringLiteral("feb"), 2},
        {QStringLiteral("februar"), 2},   {QStringLiteral("march"), 3},     {QStringLiteral("mar"), 3},
        {QStringLiteral("märz"), 3},      {QStringLiteral("maerz"), 3},     {QStringLiteral("marz"), 3},
        {QStringLiteral("mär"), 3},       {QStringLiteral("april"), 4},     {QStringLiteral("apr"), 4},
        {QStringLiteral("may"), 5},       {QStringLiteral("mai"), 5},       {QStringLiteral("june"), 6},
        {QStringLiteral("jun"), 6},       {QStringLiteral("juni"), 6},      {QStringLiteral("july"), 7},
        {QStringLiteral("jul"), 7},       {QStringLiteral("juli"), 7},      {QStringLiteral("august"), 8},
        {QStringLiteral("aug"), 8},       {QStringLiteral("september"), 9}, {QStringLiteral("sep"), 9},
        {QStringLiteral("sept"), 9},      {QStringLiteral("october"), 10},  {QStringLiteral("oct"), 10},
        {QStringLiteral("oktober"), 10},  {QStringLiteral("okt"), 10},      {QStringLiteral("november"), 11},
        {QStringLiteral("nov"), 11},      {QStringLiteral("december"), 12}, {QStringLiteral("dec"), 12},
        {QStringLiteral("dezember"), 12}, {QStringLiteral("dez"), 12},
    };
    return map;
}

const QHash<QString, int>& numberWords()
{
    static const QHash<QString, int> map {
        {QStringLiteral("one"), 1},     {QStringLiteral("a"), 1},      {QStringLiteral("two"), 2},
        {QStringLiteral("three"), 3},   {QStringLiteral("four"), 4},   {QStringLiteral("five"), 5},
        {QStringLiteral("six"), 6},     {QStringLiteral("seven"), 7},  {QStringLiteral("eight"), 8},
        {QStringLiteral("nine"), 9},    {QStringLiteral("ten"), 10},   {QStringLiteral("eleven"), 11},
        {QStringLiteral("twelve"), 12}, {QStringLiteral("ein"), 1},    {QStringLiteral("eins"), 1},
        {QStringLiteral("einem"), 1},   {QStringLiteral("einen"), 1},  {QStringLiteral("zwei"), 2},
        {QStringLiteral("drei"), 3},    {QStringLiteral("vier"), 4},   {QStringLiteral("fünf"), 5},
        {QStringLiteral("sechs"), 6},   {QStringLiteral("sieben"), 7}, {QStringLiteral("acht"), 8},
        {QStringLiteral("neun"), 9},    {QStringLiteral("zehn"), 10},  {QStringLiteral("elf"), 11},
        {QStringLiteral("zwölf"), 12},
    };
    return map;
}

QString alternatives(QStringList words)
{
    // Longest first, so "march" wins over "mar".
    std::sort(words.begin(), words.end(),
              [](const QString& a, const QString& b) { return a.size() != b.size() ? a.size() > b.size() : a < b; });
    return words.join(u'|');
}

QDate monthEnd(QDate date)
{
    return QDate(date.year(), date.month(), date.daysInMonth());
}

DateRange wholeMonth(int year, int month)
{
    const QDate first(year, month, 1);
    return {first, monthEnd(first)};
}

// The latest date with this month and day that is not after today (this year or the one before).
QDate latestDate(int month, int day, QDate today)
{
    QDate date(today.year(), month, day);
    if (!date.isValid() || date > today)
        date = QDate(today.year() - 1, month, day);
    return date;
}

// The latest month not after today's month.
int latestYearOf(int month, QDate today)
{
    return month <= today.month() ? today.year() : today.year() - 1;
}

QDate weekStart(QDate date, Qt::DayOfWeek first)
{
    const int back = (date.dayOfWeek() - int(first) + 7) % 7;
    return date.addDays(-back);
}

int yearOf(const QString& text, int fallback)
{
    bool ok = false;
    int year = text.toInt(&ok);
    if (!ok)
        return fallback;
    if (text.size() == 2)
        year += 2000;
    return year;
}

} // namespace

int QuestionPeriods::monthNumber(const QString& name)
{
    return months().value(name.toLower().remove(u'.'), 0);
}

int QuestionPeriods::number(const QString& word)
{
    bool ok = false;
    const int value = word.toInt(&ok);
    if (ok)
        return value;
    return numberWords().value(word.toLower(), -1);
}

QString QuestionPeriods::numberPattern()
{
    QStringList words = numberWords().keys();
    words.removeAll(QStringLiteral("a"));
    return QStringLiteral("\\d{1,4}|") + alternatives(words);
}

QString QuestionPeriods::monthPattern()
{
    return alternatives(months().keys());
}

QList<QuestionPeriods::Match> QuestionPeriods::find(const QString& text, QDate today, Qt::DayOfWeek firstDayOfWeek)
{
    using Handler = std::function<DateRange(const QRegularExpressionMatch&)>;
    struct Pattern
    {
        QRegularExpression regex;
        Handler handler;
    };
    const QString month = QStringLiteral("(%1)\\.?").arg(monthPattern());
    const QString num = QStringLiteral("(%1|a)").arg(numberPattern());
    // A preposition in front belongs to the phrase, so the rest of the question reads without it.
    const QString pre = QStringLiteral("(?:\\b(?:in|im|during|for|over|within|from|of|am|an|innerhalb)\\s+)?(?:the\\s+|"
                                       "den\\s+|der\\s+|dem\\s+|diesem\\s+)?");
    // Compiled once per thread.
    const auto rx = [&](const QString& pattern) {
        thread_local QHash<QString, QRegularExpression> cache;
        auto it = cache.constFind(pattern);
        if (it == cache.constEnd()) {
            QRegularExpression regex(pre + QStringLiteral("\\b") + pattern + QStringLiteral("(?![\\p{L}\\d])"),
                                     QRegularExpression::CaseInsensitiveOption
                                         | QRegularExpression::UseUnicodePropertiesOption);
            regex.optimize();
            it = cache.insert(pattern, regex);
        }
        return *it;
    };
    const auto sinceDate = [today](QDate date) {
        return DateRange {date, std::max(date, today)};
    };
    const auto lastUnits = [today](int n, const QString& unit) -> DateRange {
        const QString u = unit.toLower();
        if (n <= 0)
            return {};
        if (u.startsWith(u"day") || u.startsWith(u"tag"))
            return {today.addDays(-(n - 1)), today};
        if (u.startsWith(u"week") || u.startsWith(u"woche"))
            return {today.addDays(-(7 * n - 1)), today};
        if (u.startsWith(u"month") || u.startsWith(u"monat"))
            return {today.addMonths(-n).addDays(1), today};
        return {today.addYears(-n).addDays(1), today};
    };
    const QDate monthStart(today.year(), today.month(), 1);
    const QDate yearStart(today.year(), 1, 1);
    const QDate thisWeek = weekStart(today, firstDayOfWeek);

    const QList<Pattern> patterns = {
        // 2025-01-01 to 2025-03-31, vom 1.1.2025 bis 31.3.2025
        {rx(QStringLiteral("(?:between\\s+|zwischen\\s+|vom\\s+|von\\s+)?(\\d{4}-\\d{2}-\\d{2})\\s+(?:to|and|until|"
                           "till|-|bis|und)\\s+(\\d{4}-\\d{2}-\\d{2})")),
         [](const QRegularExpressionMatch& m) -> DateRange {
             const QDate a = QDate::fromString(m.captured(1), Qt::ISODate);
             const QDate b = QDate::fromString(m.captured(2), Qt::ISODate);
             return a.isValid() && b.isValid() && a <= b ? DateRange {a, b} : DateRange {};
         }},
        // since 2025-03-01
        {rx(QStringLiteral("(?:since|seit)\\s+(\\d{4}-\\d{2}-\\d{2})")),
         [&](const QRegularExpressionMatch& m) -> DateRange {
             const QDate a = QDate::fromString(m.captured(1), Qt::ISODate);
             return a.isValid() ? sinceDate(a) : DateRange {};
         }},
        // since 1 March (2025), since the 1st of March, seit 1. März
        {rx(QStringLiteral("(?:since|seit)\\s+(?:the\\s+|dem\\s+)?(\\d{1,2})(?:st|nd|rd|th|\\.)?\\s+(?:of\\s+)?")
            + month + QStringLiteral("(?:,?\\s+(\\d{4}))?")),
         [&](const QRegularExpressionMatch& m) -> DateRange {
             const int mo = monthNumber(m.captured(2));
             const int day = m.captured(1).toInt();
             const QDate date
                 = m.captured(3).isEmpty() ? latestDate(mo, day, today) : QDate(m.captured(3).toInt(), mo, day);
             return date.isValid() ? sinceDate(date) : DateRange {};
         }},
        // since March 1 (2025)
        {rx(QStringLiteral("(?:since|seit)\\s+") + month
            + QStringLiteral("\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?")),
         [&](const QRegularExpressionMatch& m) -> DateRange {
             const int mo = monthNumber(m.captured(1));
             const int day = m.captured(2).toInt();
             const QDate date
                 = m.captured(3).isEmpty() ? latestDate(mo, day, today) : QDate(m.captured(3).toInt(), mo, day);
             return date.isValid() ? sinceDate(date) : DateRange {};
         }},
        // seit 1.3.2025, since 1.3.
        {rx(QStringLiteral("(?:since|seit)\\s+(?:dem\\s+)?(\\d{1,2})\\.(\\d{1,2})\\.(\\d{2,4})?")),
         [&](const QRegularExpressionMatch& m) -> DateRange {
             const int day = m.captured(1).toInt();
             const int mo = m.captured(2).toInt();
             const QDate date = m.captured(3).isEmpty() ? latestDate(mo, day, today)
                                                        : QDate(yearOf(m.captured(3), today.year()), mo, day);
             return date.isValid() ? sinceDate(date) : DateRange {};
         }},
        // since March (2025), seit Januar
        {rx(QStringLiteral("(?:since|seit)\\s+(?:anfang\\s+|beginning\\s+of\\s+|the\\s+start\\s+of\\s+)?") + month
            + QStringLiteral("(?:\\s+(\\d{4}))?")),
         [&](const QRegularExpressionMatch& m) -> DateRange {
             const int mo = monthNumber(m.captured(1));
             const int year = m.captured(2).isEmpty() ? latestYearOf(mo, today) : m.captured(2).toInt();
             return sinceDate(QDate(year, mo, 1));
         }},
        // since 2024
        {rx(QStringLiteral("(?:since|seit)\\s+((?:19|20)\\d{2})")),
         [&](const QRegularExpressionMatch& m) -> DateRange {
             return sinceDate(QDate(m.captured(1).toInt(), 1, 1));
         }},
        // the last 30 days, past 2 weeks, letzten 3 Monate(n), vergangenen 12 Monaten
        {rx(QStringLiteral("(?:last|past|previous|letzten|vergangenen|zurückliegenden)\\s+") + num
            + QStringLiteral("\\s+(days?|weeks?|months?|years?|tagen?|wochen?|monaten?|monate|jahren?|jahre)")),
         [&](const QRegularExpressionMatch& m) -> DateRange {
             const int n = m.captured(1).toLower() == u"a" ? 1 : number(m.captured(1));
             return lastUnits(n, m.captured(2));
         }},
        // the month before last, vorletzten Monat
        {rx(QStringLiteral("(?:month\\s+before\\s+last|vorletzte[nmr]?\\s+monat)")),
         [&](const QRegularExpressionMatch&) -> DateRange {
             const QDate first = monthStart.addMonths(-2);
             return {first, monthEnd(first)};
         }},
        {rx(QStringLiteral("(?:today|heute)")),
         [&](const QRegularExpressionMatch&) -> DateRange {
             return {today, today};
         }},
        {rx(QStringLiteral("(?:yesterday|gestern)")),
         [&](const QRegularExpressionMatch&) -> DateRange {
             return {today.addDays(-1), today.addDays(-1)};
         }},
        {rx(QStringLiteral("(?:this\\s+week|diese[rn]?\\s+woche|current\\s+week)")),
         [&](const QRegularExpressionMatch&) -> DateRange {
             return {thisWeek, today};
         }},
        {rx(QStringLiteral("(?:last\\s+week|previous\\s+week|letzte[nr]?\\s+woche|vergangene[nr]?\\s+woche|"
                           "vorige[nr]?\\s+woche|vorwoche)")),
         [&](const QRegularExpressionMatch&) -> DateRange {
             return {thisWeek.addDays(-7), thisWeek.addDays(-1)};
         }},
        {rx(QStringLiteral("(?:this\\s+month|current\\s+month|diese[nmr]?\\s+monat|laufenden\\s+monat|"
                           "so\\s+far\\s+this\\s+month)")),
         [&](const QRegularExpressionMatch&) -> DateRange {
             return {monthStart, today};
         }},
        {rx(QStringLiteral("(?:last\\s+month|previous\\s+month|letzte[nmr]?\\s+monat|vergangene[nmr]?\\s+monat|"
                           "vorige[nmr]?\\s+monat|vormonat)")),
         [&](const QRegularExpressionMatch&) -> DateRange {
             const QDate first = monthStart.addMonths(-1);
             return {first, monthEnd(first)};
         }},
        {rx(QStringLiteral("(?:this\\s+year|current\\s+year|dieses\\s+jahr|diesem\\s+jahr|laufenden\\s+jahr|heuer|"
                           "year\\s+to\\s+date|ytd)")),
         [&](const QRegularExpressionMatch&) -> DateRange {
             return {yearStart, today};
         }},
        {rx(QStringLiteral("(?:last\\s+year|previous\\s+year|letzte[nsm]?\\s+jahr|vergangene[nsm]?\\s+jahr|"
                           "vorige[nsm]?\\s+jahr|vorjahr)")),
         [&](const QRegularExpressionMatch&) -> DateRange {
             return {QDate(today.year() - 1, 1, 1), QDate(today.year() - 1, 12, 31)};
         }},
        // 3 March 2025, 3. März, March 3rd
        {rx(QStringLiteral("(?:on\\s+)?(\\d{1,2})(?:st|nd|rd|th|\\.)?\\s+(?:of\\s+)?") + month
            + QStringLiteral("(?:,?\\s+(\\d{4}))?")),
         [&](const QRegularExpressionMatch& m) -> DateRange {
             const int mo = monthNumber(m.captured(2));
             const int day = m.captured(1).toInt();
             const QDate date
                 = m.captured(3).isEmpty() ? latestDate(mo, day, today) : QDate(m.captured(3).toInt(), mo, day);
             return date.isValid() ? DateRange {date, date} : DateRange {};
         }},
        // October 2025, Oktober 2025, Oct 2025
        {rx(month + QStringLiteral("\\s+((?:19|20)\\d{2})")),
         [&](const QRegularExpressionMatch& m) -> DateRange {
             return wholeMonth(m.captured(2).toInt(), monthNumber(m.captured(1)));
         }},
        // a single day 2025-03-14
        {rx(QStringLiteral("(?:on\\s+)?(\\d{4}-\\d{2}-\\d{2})")),
         [](const QRegularExpressionMatch& m) -> DateRange {
             const QDate a = QDate::fromString(m.captured(1), Qt::ISODate);
             return a.isValid() ? DateRange {a, a} : DateRange {};
         }},
        // in 2025, im Jahr 2025
        {rx(QStringLiteral("(?:(?:the\\s+)?year\\s+|jahre?s?\\s+)?((?:19|20)\\d{2})")),
         [](const QRegularExpressionMatch& m) -> DateRange {
             const int year = m.captured(1).toInt();
             return {QDate(year, 1, 1), QDate(year, 12, 31)};
         }},
        // in October, im Oktober: the latest October (this one while it lasts)
        {rx(month),
         [&](const QRegularExpressionMatch& m) -> DateRange {
             const int mo = monthNumber(m.captured(1));
             // "may" and "mar" alone are too often something else ("may I …").
             const QString word = m.captured(1).toLower();
             if ((word == u"may" || word == u"mar" || word == u"jun" || word == u"dec")
                 && m.capturedStart(0) == m.capturedStart(1))
                 return {};
             return wholeMonth(latestYearOf(mo, today), mo);
         }},
    };

    QList<Match> matches;
    for (const Pattern& pattern : patterns) {
        auto it = pattern.regex.globalMatch(text);
        while (it.hasNext()) {
            const QRegularExpressionMatch m = it.next();
            const qsizetype start = m.capturedStart(0);
            const qsizetype end = m.capturedEnd(0);
            const bool overlaps = std::any_of(matches.cbegin(), matches.cend(), [&](const Match& other) {
                return start < other.start + other.length && other.start < end;
            });
            if (overlaps)
                continue;
            const DateRange range = pattern.handler(m);
            if (!range.from.isValid() || !range.to.isValid())
                continue;
            matches << Match {range, start, end - start};
        }
    }
    std::sort(matches.begin(), matches.end(), [](const Match& a, const Match& b) { return a.start < b.start; });
    return matches;
}

} // namespace Moniagent
