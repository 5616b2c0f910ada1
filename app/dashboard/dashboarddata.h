#pragma once

#include "budget/budgetstatus.h"
#include "core/category.h"
#include "core/currency.h"
#include "core/daterange.h"
#include "db/dashboardqueries.h"

#include <QList>
#include <QMetaType>

#include <optional>

namespace Moniagent {

// The budget pace line of a month: how much may be spent by each day if the month's allowance is spent evenly.
struct BudgetPace
{
    enum class Source
    {
        None, // no budget in the currency: no pace line
        Overall, // the budget for all spending
        CategorySum, // the sum of the category budgets
    };
    Source source = Source::None;
    qint64 monthMinor = 0; // the allowance for the whole month, in the dashboard's currency
    int budgetCount = 0; // how many budgets make it up
    QList<Money> notCounted; // limits of budgets in other currencies, left out of the sum

    bool isAvailable() const { return source != Source::None && monthMinor > 0; }
    // The allowance up to the end of `day` (1-based) of a month of `days` days.
    qint64 allowanceBy(int day, int days) const;
};

// Everything the dashboard and the monthly report show for one month, in one currency (the profile's): plain
// values, computed on a worker thread by DashboardLoader.
struct DashboardData
{
    QDate month; // the first day
    QDate asOf; // the day budgets are evaluated on and spending is counted to: today in the current month,
                // the last day for a past month
    Currency currency;
    QList<Category> categories; // the profile's, for names and colours
    PeriodSummary summary; // the month
    PeriodSummary previousSummary; // the month before
    SpendingByCategory byCategory;
    MonthlyTrend trend; // 12 months ending with `month`
    DailySpending daily;
    TopMerchants merchants;
    QList<BudgetStatus> budgets; // every budget, evaluated on asOf
    BudgetPace pace;
    QList<Transaction> largestExpenses; // only when requested

    DateRange monthRange() const;
    // The category with this id, or null (uncategorized, or deleted meanwhile).
    const Category* category(std::optional<qint64> id) const;
    // The day the cumulative spending line ends on (asOf's day, or the month's length for a past month; 0 for
    // a month that has not started).
    int lastCountedDay() const;
};

} // namespace Moniagent

Q_DECLARE_METATYPE(Moniagent::DashboardData)
