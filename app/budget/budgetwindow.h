#pragma once

#include "core/budget.h"
#include "core/daterange.h"

#include <QDate>

namespace Moniagent {

// The days one budget period covers, both ends included: a week starting on the locale's first day of the
// week, a calendar month or a calendar year.
struct BudgetWindow
{
    QDate start;
    QDate end;

    bool isValid() const { return start.isValid() && end.isValid() && start <= end; }
    bool contains(QDate date) const { return date >= start && date <= end; }
    qint64 days() const { return isValid() ? start.daysTo(end) + 1 : 0; }
    DateRange range() const { return {start, end}; }

    // The window of `period` that contains `date`. An invalid date gives an invalid window.
    static BudgetWindow containing(BudgetPeriod period, QDate date, Qt::DayOfWeek firstDayOfWeek = Qt::Monday);
    // The window before / after `window` (which must be one `containing` returned for the same period).
    static BudgetWindow previous(BudgetPeriod period, const BudgetWindow& window,
                                 Qt::DayOfWeek firstDayOfWeek = Qt::Monday);
    static BudgetWindow next(BudgetPeriod period, const BudgetWindow& window,
                             Qt::DayOfWeek firstDayOfWeek = Qt::Monday);

    friend bool operator==(const BudgetWindow&, const BudgetWindow&) = default;
};

} // namespace Moniagent
