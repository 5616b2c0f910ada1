#include "dashboardloader.h"

#include "budget/budgetengine.h"
#include "db/categoryrepository.h"

#include <algorithm>

namespace Moniagent {

DashboardLoader::DashboardLoader(Database* database, CategoryRepository* categories, const BudgetEngine* budgets)
    : m_database(database)
    , m_categories(categories)
    , m_budgets(budgets)
{ }

BudgetPace DashboardLoader::paceFor(const QList<Budget>& budgets, QDate month, const Currency& currency)
{
    BudgetPace pace;
    if (!month.isValid())
        return pace;
    const int days = month.daysInMonth();
    const auto forMonth = [&](const Budget& budget) -> qint64 {
        switch (budget.period) {
        case BudgetPeriod::Weekly:
            return budget.limit.multipliedBy(days, 7).value_or(budget.limit).minor();
        case BudgetPeriod::Yearly:
            return budget.limit.multipliedBy(days, month.daysInYear()).value_or(budget.limit).minor();
        case BudgetPeriod::Monthly:
            break;
        }
        return budget.limit.minor();
    };
    const auto overall = std::find_if(budgets.cbegin(), budgets.cend(),
                                      [&](const Budget& b) { return b.isOverall() && b.limit.currency() == currency; });
    if (overall != budgets.cend()) {
        pace.source = BudgetPace::Source::Overall;
        pace.monthMinor = forMonth(*overall);
        pace.budgetCount = 1;
        return pace;
    }
    for (const Budget& budget : budgets) {
        if (budget.limit.currency() != currency) {
            pace.notCounted << budget.limit;
            continue;
        }
        pace.monthMinor += forMonth(budget);
        ++pace.budgetCount;
    }
    pace.source = pace.budgetCount > 0 ? BudgetPace::Source::CategorySum : BudgetPace::Source::None;
    return pace;
}

Result<DashboardData> DashboardLoader::load(const DashboardRequest& request) const
{
    if (!request.month.isValid() || !request.currency.isValid())
        return Error::invalidInput(
            QCoreApplication::translate("Moniagent::DashboardLoader", "The month is not valid."));
    DashboardData data;
    data.month = QDate(request.month.year(), request.month.month(), 1);
    data.currency = request.currency;
    const DateRange range = data.monthRange();
    const QDate today = request.today.isValid() ? request.today : range.to;
    data.asOf = std::clamp(today, range.from, range.to);
    const QString code = request.currency.code();
    const DashboardQueries queries(m_database);

    auto categories = m_categories->list(request.userId);
    if (!categories)
        return categories.error();
    data.categories = *categories;

    auto summary = queries.summary(request.userId, range, code);
    if (!summary)
        return summary.error();
    data.summary = *summary;
    const QDate previous = data.month.addMonths(-1);
    auto previousSummary
        = queries.summary(request.userId, {previous, previous.addDays(previous.daysInMonth() - 1)}, code);
    if (!previousSummary)
        return previousSummary.error();
    data.previousSummary = *previousSummary;

    auto byCategory = queries.spendingByCategory(request.userId, range, code);
    if (!byCategory)
        return byCategory.error();
    data.byCategory = *byCategory;

    auto trend = queries.monthlyTrend(request.userId, data.month, code, 12, request.topCategories);
    if (!trend)
        return trend.error();
    data.trend = *trend;

    auto daily = queries.dailySpending(request.userId, data.month, code);
    if (!daily)
        return daily.error();
    data.daily = *daily;

    auto merchants = queries.topMerchants(request.userId, range, code, request.topMerchants);
    if (!merchants)
        return merchants.error();
    data.merchants = *merchants;

    if (m_budgets) {
        auto budgets = m_budgets->evaluateAll(request.userId, data.asOf);
        if (!budgets)
            return budgets.error();
        data.budgets = *budgets;
        QList<Budget> list;
        for (const BudgetStatus& status : std::as_const(data.budgets))
            list << status.budget;
        data.pace = paceFor(list, data.month, request.currency);
    }

    if (request.largestExpenses > 0) {
        auto largest = queries.largestExpenses(request.userId, range, code, request.largestExpenses);
        if (!largest)
            return largest.error();
        data.largestExpenses = *largest;
    }
    return data;
}

} // namespace Moniagent
