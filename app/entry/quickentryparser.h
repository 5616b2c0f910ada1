#pragma once

#include "core/currency.h"
#include "quickentry.h"

#include <QCoreApplication>
#include <QDate>
#include <QLocale>
#include <QString>

#include <memory>

namespace Moniagent {

// Turns one line of quick-entry text into a transaction draft, without touching the database:
//   "coffee 4.50 yesterday"        expense 4.50 in the default currency, yesterday, "Coffee"
//   "salary 3200 income 1 nov"     income 3200.00 on 1 November, "Salary"
//   "uber 23,90 €"                 expense 23.90 EUR, today, "Uber"
//   "4.50 #groceries"              no description, the category hint "groceries"
//
// Amount: exactly one number, parsed by Money::parse in the locale, with an optional currency symbol or
// ISO code before or after it (attached or as its own word). A currency other than the default is kept.
// Amounts are positive: a minus sign is refused; "+12" and the income words make it income.
//
// Dates (default: today): today, yesterday, the day before yesterday, "2 days ago", "3 weeks ago",
// weekday names and "last friday" (both mean the most recent such day before today: today itself is
// excluded, so "sunday" typed on a Sunday is a week ago), ISO dates, numeric dates in the locale's order
// ("11/1" in en_US, "1/11" in en_GB, "1.11." in de_DE) with or without a year, day and month name in
// either order ("1 nov", "nov 1st", "1. November", "le 3 mars") with an optional year, and a day of the
// current month ("on the 3rd"). A date without a year that would lie in the future means last year
// (a day of the month: last month); only a date with an explicit year may be in the future.
// Month and weekday names come from the locale and from English, long and short, with or without the
// trailing dot, case and accent insensitive; short names of fewer than three letters ("Mo.") need their dot.
//
// Keywords (today, yesterday, ago, last, the income words, the filler words…) are translatable
// comma-separated lists in the context "Moniagent::QuickEntryParser"; English is always understood as
// well. They are read when the parser is constructed: construct a new parser after changing the language.
//
// Input longer than MaximumLength characters is refused without being looked at.
class QuickEntryParser
{
    Q_DECLARE_TR_FUNCTIONS(Moniagent::QuickEntryParser)

public:
    static constexpr int MaximumLength = 1000;

    // `defaultCurrency` is the profile's base currency; `today` is the user's calendar date (inject it,
    // e.g. from Clock::today()): the parser never reads the clock.
    QuickEntryParser(const QLocale& locale, const Currency& defaultCurrency, QDate today);

    QuickEntry parse(const QString& text) const;

    const QLocale& locale() const { return m_locale; }
    const Currency& defaultCurrency() const { return m_currency; }
    QDate today() const { return m_today; }

private:
    struct Vocabulary;
    class Run;

    QLocale m_locale;
    Currency m_currency;
    QDate m_today;
    std::shared_ptr<const Vocabulary> m_vocabulary;
};

} // namespace Moniagent
