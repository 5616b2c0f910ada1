#include "receiptdates.h"

#include <QHash>
#include <QRegularExpression>

#include <algorithm>

namespace Moniagent::ReceiptParsing {

namespace {

constexpr int kOldestYears = 30;

// Month names and abbreviations, folded (upper case, no accents), in English, German, French, Spanish, Italian,
// Dutch and Malay.
const QHash<QString, int>& monthNames()
{
    static const QHash<QString, int> names = [] {
        const QList<QPair<int, const char*>> table {
            {1, "JANUARY JAN JANUAR JANNER JANVIER JANV ENERO ENE GENNAIO GEN JANUARI"},
            {2, "FEBRUARY FEB FEBRUAR FEVRIER FEVR FEV FEBRERO FEBBRAIO FEBRUARI"},
            {3, "MARCH MAR MARZ MRZ MARS MARZO MAART MRT MAC"},
            {4, "APRIL APR AVRIL AVR ABRIL ABR APRILE"},
            {5, "MAY MAI MAYO MAGGIO MAG MEI"},
            {6, "JUNE JUN JUNI JUIN JUNIO GIUGNO GIU"},
            {7, "JULY JUL JULI JUILLET JUIL JULIO LUGLIO LUG JULAI"},
            {8, "AUGUST AUG AOUT AGOSTO AGO AUGUSTUS OGOS"},
            {9, "SEPTEMBER SEPT SEP SEPTEMBRE SEPTIEMBRE SETIEMBRE SETTEMBRE SET"},
            {10, "OCTOBER OCT OKTOBER OKT OCTOBRE OCTUBRE OTTOBRE OTT"},
            {11, "NOVEMBER NOV NOVEMBRE NOVIEMBRE"},
            {12, "DECEMBER DEC DEZEMBER DEZ DECEMBRE DICIEMBRE DIC DICEMBRE DISEMBER DIS"},
        };
        QHash<QString, int> result;
        for (const auto& [month, list] : table) {
            for (const QString& name : QString::fromLatin1(list).split(u' '))
                result.insert(name, month);
        }
        return result;
    }();
    return names;
}

QString monthAlternation()
{
    QStringList names = monthNames().keys();
    std::sort(names.begin(), names.end(),
              [](const QString& a, const QString& b) { return a.size() != b.size() ? a.size() > b.size() : a < b; });
    return names.join(u'|');
}

bool plausible(const QDate& date, const QDate& today)
{
    return date.isValid() && (!today.isValid() || (date <= today && date >= today.addYears(-kOldestYears)));
}

int fullYear(const QString& printed, const QDate& today, bool* twoDigits)
{
    QString digits = printed;
    digits.remove(u'\'');
    const int value = digits.toInt();
    *twoDigits = digits.size() <= 2;
    return digits.size() <= 2 ? resolveTwoDigitYear(value, today) : value;
}

void add(QList<DateMatch>& out, DateMatch match, const QDate& today)
{
    if (plausible(match.date, today))
        out.append(match);
}

} // namespace

int resolveTwoDigitYear(int twoDigits, const QDate& today)
{
    const int reference = today.isValid() ? today.year() : QDate::currentDate().year();
    int year = (reference / 100) * 100 + twoDigits;
    if (year > reference)
        year -= 100;
    return year;
}

QList<DateMatch> findDates(const QString& folded, const QDate& today)
{
    QList<DateMatch> result;

    // OCR now and then breaks one glyph of a year ("11/09/2¢17"); the second of a four-digit year 20xx can only be
    // 0. Replaced in place, so that offsets stay those of `folded`.
    static const QRegularExpression brokenCentury(
        QStringLiteral("(?<![\\d.,/-])\\d{1,2}\\s?([./-])\\s?\\d{1,2}\\s?\\1\\s?2([^\\d\\s])\\d{2}(?!\\d)"));
    QString repaired = folded;
    for (auto broken = brokenCentury.globalMatch(folded); broken.hasNext();)
        repaired[broken.next().capturedStart(2)] = u'0';

    static const QRegularExpression numeric(
        QStringLiteral("(?<![\\d.,/-])(\\d{1,4})\\s?([./-])\\s?(\\d{1,2})\\s?\\2\\s?(\\d{4}|\\d{1,2})(?![\\d])"));
    auto it = numeric.globalMatch(repaired);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        DateMatch base;
        base.start = int(m.capturedStart());
        base.length = int(m.capturedLength());
        const QString first = m.captured(1);
        const int second = m.captured(3).toInt();
        if (first.size() == 4) {
            if (m.captured(4).size() != 2 && m.captured(4).size() != 1)
                continue;
            base.yearFirst = true;
            base.date = QDate(first.toInt(), second, m.captured(4).toInt());
            add(result, base, today);
            continue;
        }
        if (first.size() == 3 || m.captured(4).size() == 1)
            continue;
        const int year = fullYear(m.captured(4), today, &base.twoDigitYear);
        const QDate dayFirst(year, second, first.toInt());
        const QDate monthFirst(year, first.toInt(), second);
        const bool bothValid = plausible(dayFirst, today) && plausible(monthFirst, today) && dayFirst != monthFirst;
        DateMatch a = base;
        a.date = dayFirst;
        a.dayFirst = true;
        a.ambiguousOrder = bothValid;
        add(result, a, today);
        if (dayFirst != monthFirst) {
            DateMatch b = base;
            b.date = monthFirst;
            b.dayFirst = false;
            b.ambiguousOrder = bothValid;
            add(result, b, today);
        }
    }

    static const QString months = monthAlternation();
    static const QRegularExpression dayMonthYear(
        QStringLiteral("(?<![A-Z\\d])(\\d{1,2})(?:ST|ND|RD|TH|ER|E|O)?\\.?[\\s\\-/.,]*(?:DE\\s+)?(") + months
        + QStringLiteral(")(?![A-Z])\\.?[\\s\\-/.,]*(?:DE\\s+)?('?\\d{4}|'?\\d{2})(?!\\d)"));
    static const QRegularExpression monthDayYear(
        QStringLiteral("(?<![A-Z\\d])(") + months
        + QStringLiteral(
            ")(?![A-Z])\\.?[\\s\\-/.]*(\\d{1,2})(?:ST|ND|RD|TH)?(?!\\d)[\\s,./-]+('?\\d{4}|'?\\d{2})(?!\\d)"));
    for (const QRegularExpression* pattern : {&dayMonthYear, &monthDayYear}) {
        auto named = pattern->globalMatch(folded);
        const bool dayFirst = pattern == &dayMonthYear;
        while (named.hasNext()) {
            const QRegularExpressionMatch m = named.next();
            DateMatch match;
            match.start = int(m.capturedStart());
            match.length = int(m.capturedLength());
            match.monthName = true;
            match.dayFirst = dayFirst;
            const int month = monthNames().value(m.captured(dayFirst ? 2 : 1));
            const int day = m.captured(dayFirst ? 1 : 2).toInt();
            const int year = fullYear(m.captured(3), today, &match.twoDigitYear);
            match.date = QDate(year, month, day);
            add(result, match, today);
        }
    }

    static const QRegularExpression compact(
        QStringLiteral("(?<![\\d.,])((?:19|20)\\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\\d|3[01])(?![\\d.,])"));
    auto compactIt = compact.globalMatch(folded);
    while (compactIt.hasNext()) {
        const QRegularExpressionMatch m = compactIt.next();
        DateMatch match;
        match.start = int(m.capturedStart());
        match.length = int(m.capturedLength());
        match.compact = true;
        match.yearFirst = true;
        match.date = QDate(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
        add(result, match, today);
    }
    return result;
}

QList<TimeMatch> findTimes(const QString& folded)
{
    static const QRegularExpression pattern(
        QStringLiteral("(?<![\\d:.])([01]?\\d|2[0-3])\\s?[:H]\\s?([0-5]\\d)(?:\\s?:\\s?([0-5]\\d))?(?![\\d])"
                       "(?:\\s?([AP])\\.?\\s?M(?![A-Z])\\.?)?"));
    QList<TimeMatch> result;
    auto it = pattern.globalMatch(folded);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        int hour = m.captured(1).toInt();
        const QString half = m.captured(4);
        if (!half.isEmpty()) {
            if (hour < 1 || hour > 12)
                continue;
            if (half == u"P" && hour != 12)
                hour += 12;
            else if (half == u"A" && hour == 12)
                hour = 0;
        }
        const QTime time(hour, m.captured(2).toInt(), m.captured(3).isEmpty() ? 0 : m.captured(3).toInt());
        if (time.isValid())
            result.append({time, int(m.capturedStart()), int(m.capturedLength())});
    }
    return result;
}

} // namespace Moniagent::ReceiptParsing
