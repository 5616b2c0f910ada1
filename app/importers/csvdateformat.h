#pragma once

#include <QDate>
#include <QList>
#include <QString>

#include <optional>

namespace Moniagent {

// A date format compiled once and applied to millions of values without QDate::fromString's per-call cost.
// Understands the Qt-style subset bank files need: d/dd (day), M/MM (month), MMM/MMMM (month name in English,
// French, German, Spanish or Dutch, abbreviated or full, case-insensitive), yy/yyyy and literal characters.
// It is lenient where banks vary: d and dd both take one or two digits, yyyy also takes a two-digit year, any
// run of spaces matches a space, and a time after the date ("2021-02-03 13:12", "…T10:00:00Z") is ignored.
class CsvDateFormat
{
public:
    enum class Outcome
    {
        Ok,
        NoMatch, // the text does not have the format's shape
        NoSuchDate, // the shape fits but the day does not exist (31/02/2021)
    };

    // nullopt when the format has no day, month or year, or an unknown letter.
    static std::optional<CsvDateFormat> compile(QStringView format);

    const QString& format() const { return m_format; }
    // True when the format puts the day before the month (used to tell dd/MM from MM/dd).
    bool dayFirst() const { return m_dayFirst; }

    QDate parse(QStringView text, Outcome* outcome = nullptr) const;

    // Two-digit years are taken as 20yy unless that is more than ten years ahead of `today`'s year.
    static int expandTwoDigitYear(int yy, int currentYear);

private:
    enum class Kind : quint8
    {
        Day,
        Month,
        MonthName,
        Year, // yyyy: four digits, or two
        ShortYear, // yy: two digits
        Literal,
        Space,
    };
    struct Token
    {
        Kind kind;
        char16_t literal = 0;
        bool fixedWidth = false; // directly followed by another number (yyyyMMdd): exactly 2 or 4 digits
    };

    QString m_format;
    QList<Token> m_tokens;
    bool m_dayFirst = false;
    int m_currentYear = 2000;
};

} // namespace Moniagent
