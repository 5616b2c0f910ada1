#pragma once

#include "core/money.h"
#include "statementtext.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QLocale>
#include <QString>
#include <QStringList>

#include <utility>

namespace Moniagent {

// QIF dates and amounts are written however the exporting program liked, and the same file is consistent
// with itself. So both are read in two passes: add() every value of the file, decide(), then parse().
//
// Dates: "1/ 2'98" (Quicken: apostrophe before the year, padded fields), "01/02/1998", "1/2/98",
// "1998-01-02", "19980102", "02.01.1998", "2 Jan 1998", "Jan 2, 1998" (English or the locale's month names).
// Two-digit years below 50 are 20xx, the others 19xx. Whether "01/02/1998" is 2 January or 1 February is
// decided per file: a date whose first field exceeds 12 makes the file day-first, one whose second field
// does makes it month-first; without either, slash dates are month-first (the QIF default) and dotted dates
// day-first (nobody writes month.day.year), and warning() says so when some date was ambiguous.
class QifDates
{
    Q_DECLARE_TR_FUNCTIONS(Moniagent::QifDates)

public:
    explicit QifDates(const QLocale& locale);

    void add(const QString& text);
    void decide();
    // The date, or an invalid QDate and `error` set to a clause ("the date “31/02/98” does not exist").
    QDate parse(const QString& text, QString& error) const;
    // Non-empty when the day/month order had to be guessed for some family of dates.
    QStringList warnings() const;

private:
    enum class Family
    {
        Slash, // '/', '-' and the Quicken apostrophe
        Dot,
    };
    struct Parts;
    struct Evidence
    {
        int dayFirst = 0;
        int monthFirst = 0;
        QString ambiguousExample; // the first date both orders can read, when any
        bool decidedDayFirst = false;
        bool guessed = false;
    };
    bool split(const QString& text, Parts& parts) const;
    int monthNumber(const QString& name) const;
    Evidence& evidence(Family family) { return family == Family::Dot ? m_dot : m_slash; }
    const Evidence& evidence(Family family) const { return family == Family::Dot ? m_dot : m_slash; }

    QLocale m_locale;
    QList<std::pair<QString, int>> m_monthNames; // case-folded long and short names, English and the locale's
    Evidence m_slash;
    Evidence m_dot;
};

// Amounts: "-1234.56", "1,234.56", "1.234,56", "1'234.56", "1 234,56". The decimal separator is decided
// per file: the last of two different separators in an amount is the decimal one, a separator used twice is
// grouping, one followed by other than three digits is decimal; a file where every separator is followed
// by exactly three digits (in a currency without three decimals) uses them for grouping.
class QifAmounts
{
    Q_DECLARE_TR_FUNCTIONS(Moniagent::QifAmounts)

public:
    explicit QifAmounts(Currency currency);

    void add(const QString& text);
    void decide();
    // The amount, or `error` set to a clause ("the amount “12,3x” is not a number").
    Money parse(const QString& text, QString& error);

    QChar decimalSeparator() const { return m_decimal; }
    const StatementText::Rounding& rounding() const { return m_rounding; }

private:
    static QString clean(const QString& text);

    Currency m_currency;
    int m_dotVotes = 0;
    int m_commaVotes = 0;
    bool m_dotGroupingOnly = false; // '.' seen only as "x.yyy"
    bool m_commaGroupingOnly = false;
    QChar m_decimal = u'.';
    StatementText::Rounding m_rounding;
};

} // namespace Moniagent
