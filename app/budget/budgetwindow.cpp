#include "budgetwindow.h"

namespace Moniagent {

BudgetWindow BudgetWindow::containing(BudgetPeriod period, QDate date, Qt::DayOfWeek firstDayOfWeek)
{
    if (!date.isValid())
        return {};
    switch (period) {
    case BudgetPeriod::Weekly: {
        const int back = (date.dayOfWeek() - int(firstDayOfWeek) + 7) % 7;
        const QDate start = date.addDays(-back);
        return {start, start.addDays(6)};
    }
    case BudgetPeriod::Monthly:
        return {QDate(date.year(), date.month(), 1), QDate(date.year(), date.month(), date.daysInMonth())};
    case BudgetPeriod::Yearly:
        return {QDate(date.year(), 1, 1), QDate(date.year(), 12, 31)};
    }
    return {};
}

BudgetWindow BudgetWindow::previous(BudgetPeriod period, const BudgetWindow& window, Qt::DayOfWeek firstDayOfWeek)
{
    return window.isValid() ? containing(period, window.start.addDays(-1), firstDayOfWeek) : BudgetWindow();
}

BudgetWindow BudgetWindow::next(BudgetPeriod period, const BudgetWindow& window, Qt::DayOfWeek firstDayOfWeek)
{
    return window.isValid() ? containing(period, window.end.addDays(1), firstDayOfWeek) : BudgetWindow();
}

} // namespace Moniagent
