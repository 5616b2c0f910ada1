#include "csvdateformat.h"

#include <array>

namespace Moniagent {

namespace {

struct MonthName
{
    QStringView name; // lower case, without accents or a trailing dot
    int month;
};

// Full and abbreviated month names in English, French, German, Spanish and Dutch. Shared spellings ("mar",
// "mai", "dec") mean the same month in every language that uses them, so one table serves all.
constexpr std::array MonthNames {
    MonthName {u"jan", 1},        MonthName {u"january", 1},   MonthName {u"janv", 1},
    MonthName {u"janvier", 1},    MonthName {u"januar", 1},    MonthName {u"janner", 1},
    MonthName {u"ene", 1},        MonthName {u"enero", 1},     MonthName {u"januari", 1},
    MonthName {u"feb", 2},        MonthName {u"february", 2},  MonthName {u"fev", 2},
    MonthName {u"fevr", 2},       MonthName {u"fevrier", 2},   MonthName {u"februar", 2},
    MonthName {u"febrero", 2},    MonthName {u"februari", 2},  MonthName {u"mar", 3},
    MonthName {u"march", 3},      MonthName {u"mars", 3},      MonthName {u"marz", 3},
    MonthName {u"mrz", 3},        MonthName {u"marzo", 3},     MonthName {u"maart", 3},
    MonthName {u"mrt", 3},        MonthName {u"apr", 4},       MonthName {u"april", 4},
    MonthName {u"avr", 4},        MonthName {u"avril", 4},     MonthName {u"abr", 4},
    MonthName {u"abril", 4},      MonthName {u"may", 5},       MonthName {u"mai", 5},
    MonthName {u"mayo", 5},       MonthName {u"mei", 5},       MonthName {u"jun", 6},
    MonthName {u"june", 6},       MonthName {u"juin", 6},      MonthName {u"juni", 6},
    MonthName {u"junio", 6},      MonthName {u"jul", 7},       MonthName {u"july", 7},
    MonthName {u"juil", 7},       MonthName {u"juillet", 7},   MonthName {u"juli", 7},
    MonthName {u"julio", 7},      MonthName {u"aug", 8},       MonthName {u"august", 8},
    MonthName {u"aout", 8},       MonthName {u"ago", 8},       MonthName {u"agosto", 8},
    MonthName {u"augustus", 8},   MonthName {u"sep", 9},       MonthName {u"sept", 9},
    MonthName {u"september", 9},  MonthName {u"septembre", 9}, MonthName {u"set", 9},
    MonthName {u"septiembre", 9}, MonthName {u"setiembre", 9}, MonthName {u"oct", 10},
    MonthName {u"october", 10},   MonthName {u"octobre", 10},  MonthName {u"okt", 10},
    MonthName {u"oktober", 10},   MonthName {u"octubre", 10},  MonthName {u"nov", 11},
    MonthName {u"november", 11},  MonthName {u"novembre", 11}, MonthName {u"noviembre", 11},
    MonthName {u"dec", 12},       MonthName {u"december", 12}, MonthName {u"decembre", 12},
    MonthName {u"dez", 12},       MonthName {u"dezember", 12}, MonthName {u"dic", 12},
    MonthName {u"diciembre", 12},
};

bool isDigit(char16_t c)
{
    return c >= u'0' && c <= u'9';
}

bool isSpace(char16_t c)
{
    return c == u' ' || c == u'\t' || c == 0x00A0 || c == 0x202F || c == 0x2009;
}

// Reads exactly `width` digits, or between `min` and `max` when width is 0.
bool readNumber(const char16_t*& p, const char16_t* end, int min, int max, int* value, int* digits = nullptr)
{
    int n = 0;
    int count = 0;
    while (p < end && count < max && isDigit(*p)) {
        n = n * 10 + (*p - u'0');
        ++p;
        ++count;
    }
    if (count < min)
        return false;
    *value = n;
    if (digits)
        *digits = count;
    return true;
}

int monthFromName(QStringView word)
{
    if (word.size() < 3 || word.size() > 12)
        return 0;
    char16_t folded[12];
    qsizetype n = 0;
    for (QChar c : word) {
        QChar lower = c.toLower();
        if (lower.unicode() > 0x7F) {
            // "févr" -> "fevr", "März" -> "marz": the base letter of a precomposed character.
            const QString decomposed = lower.decomposition();
            if (!decomposed.isEmpty())
                lower = decomposed.at(0);
        }
        folded[n++] = lower.unicode();
    }
    const QStringView key(folded, n);
    for (const MonthName& entry : MonthNames) {
        if (entry.name == key)
            return entry.month;
    }
    return 0;
}

// What may follow a date in the same field: a time ("13:12", "10:00:00.000Z", "06:50 PM", "+01:00").
bool isTimeTail(const char16_t* p, const char16_t* end)
{
    bool digit = false;
    for (; p < end; ++p) {
        const char16_t c = *p;
        if (isDigit(c))
            digit = true;
        else if (!(c == u':' || c == u'.' || c == u'+' || c == u'-' || c == u'Z' || c == u'T' || isSpace(c) || c == u'A'
                   || c == u'P' || c == u'M' || c == u'a' || c == u'p' || c == u'm'))
            return false;
    }
    return digit;
}

} // namespace

int CsvDateFormat::expandTwoDigitYear(int yy, int currentYear)
{
    const int year = 2000 + yy;
    return year > currentYear + 10 ? year - 100 : year;
}

std::optional<CsvDateFormat> CsvDateFormat::compile(QStringView format)
{
    CsvDateFormat result;
    result.m_format = format.toString();
    result.m_currentYear = QDate::currentDate().year();
    int dayAt = -1;
    int monthAt = -1;
    bool hasYear = false;
    for (qsizetype i = 0; i < format.size();) {
        const char16_t c = format.at(i).unicode();
        qsizetype run = 1;
        while (i + run < format.size() && format.at(i + run) == format.at(i))
            ++run;
        if (c == u'd') {
            if (run > 2 || dayAt >= 0)
                return std::nullopt;
            dayAt = int(i);
            result.m_tokens.append({Kind::Day});
        } else if (c == u'M') {
            if (run > 4 || monthAt >= 0)
                return std::nullopt;
            monthAt = int(i);
            result.m_tokens.append({run >= 3 ? Kind::MonthName : Kind::Month});
        } else if (c == u'y') {
            if ((run != 2 && run != 4) || hasYear)
                return std::nullopt;
            hasYear = true;
            result.m_tokens.append({run == 4 ? Kind::Year : Kind::ShortYear});
        } else if (c == u' ') {
            result.m_tokens.append({Kind::Space});
        } else if (QChar::isLetter(c)) {
            return std::nullopt; // h, m, s, A …: times are skipped, never parsed
        } else {
            for (qsizetype k = 0; k < run; ++k)
                result.m_tokens.append({Kind::Literal, c});
        }
        i += run;
    }
    if (dayAt < 0 || monthAt < 0 || !hasYear)
        return std::nullopt;
    result.m_dayFirst = dayAt < monthAt;
    // A number next to another number has to have its full width: yyyyMMdd, ddMMyy.
    auto isNumber = [&](qsizetype i) {
        if (i < 0 || i >= result.m_tokens.size())
            return false;
        const Kind kind = result.m_tokens.at(i).kind;
        return kind == Kind::Day || kind == Kind::Month || kind == Kind::Year || kind == Kind::ShortYear;
    };
    for (qsizetype i = 0; i < result.m_tokens.size(); ++i) {
        if (isNumber(i) && (isNumber(i - 1) || isNumber(i + 1)))
            result.m_tokens[i].fixedWidth = true;
    }
    return result;
}

QDate CsvDateFormat::parse(QStringView text, Outcome* outcome) const
{
    const char16_t* p = text.utf16();
    const char16_t* end = p + text.size();
    auto fail = [outcome](Outcome why) {
        if (outcome)
            *outcome = why;
        return QDate();
    };
    while (p < end && isSpace(*p))
        ++p;
    while (end > p && isSpace(end[-1]))
        --end;

    int day = 0;
    int month = 0;
    int year = 0;
    for (qsizetype t = 0; t < m_tokens.size(); ++t) {
        const Token& token = m_tokens.at(t);
        switch (token.kind) {
        case Kind::Day:
        case Kind::Month: {
            int* target = token.kind == Kind::Day ? &day : &month;
            if (!readNumber(p, end, token.fixedWidth ? 2 : 1, 2, target))
                return fail(Outcome::NoMatch);
            break;
        }
        case Kind::Year:
        case Kind::ShortYear: {
            int digits = 0;
            if (!readNumber(p, end, token.fixedWidth ? (token.kind == Kind::Year ? 4 : 2) : 2,
                            token.kind == Kind::ShortYear && token.fixedWidth ? 2 : 4, &year, &digits)
                || digits == 3)
                return fail(Outcome::NoMatch);
            if (digits == 2)
                year = expandTwoDigitYear(year, m_currentYear);
            break;
        }
        case Kind::MonthName: {
            const char16_t* start = p;
            while (p < end && QChar::isLetter(*p))
                ++p;
            month = monthFromName(QStringView(start, p));
            if (month == 0)
                return fail(Outcome::NoMatch);
            const bool dotFollows = t + 1 < m_tokens.size() && m_tokens.at(t + 1).kind == Kind::Literal
                && m_tokens.at(t + 1).literal == u'.';
            if (p < end && *p == u'.' && !dotFollows) // "janv.", "Sept."
                ++p;
            break;
        }
        case Kind::Space:
            if (p == end || !isSpace(*p))
                return fail(Outcome::NoMatch);
            while (p < end && isSpace(*p))
                ++p;
            break;
        case Kind::Literal:
            if (p == end || *p != token.literal)
                return fail(Outcome::NoMatch);
            ++p;
            break;
        }
    }
    if (p < end && !((isSpace(*p) || *p == u'T') && isTimeTail(p, end)))
        return fail(Outcome::NoMatch);
    if (!QDate::isValid(year, month, day))
        return fail(Outcome::NoSuchDate);
    if (outcome)
        *outcome = Outcome::Ok;
    return QDate(year, month, day);
}

} // namespace Moniagent
