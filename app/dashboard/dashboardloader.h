#pragma once

#include "core/result.h"
#include "dashboarddata.h"

namespace Moniagent {

class BudgetEngine;
class CategoryRepository;
class Database;

// What to load: one profile, one month, one currency.
struct DashboardRequest
{
    qint64 userId = 0;
    QDate month; // any day of the month
    QDate today; // the session clock's date
    Currency currency; // the profile's base currency
    int topCategories = 6; // own series in the 12-month trend
    int topMerchants = 10;
    int largestExpenses = 0; // rows of DashboardData::largestExpenses (the report asks for 10)
};

// Loads DashboardData with SQL aggregates (DashboardQueries) and the budget engine. Thread-safe: meant to run
// on a worker thread, where it uses that thread's connection.
class DashboardLoader
{
public:
    DashboardLoader(Database* database, CategoryRepository* categories, const BudgetEngine* budgets);

    Result<DashboardData> load(const DashboardRequest& request) const;

    // The pace of the month containing `month` for these budgets: the overall budget in `currency` when there is
    // one, else the sum of the category budgets in `currency`; each limit scaled to the month (a weekly limit
    // × days / 7, a yearly one × days / days of the year).
    static BudgetPace paceFor(const QList<Budget>& budgets, QDate month, const Currency& currency);

private:
    Database* m_database;
    CategoryRepository* m_categories;
    const BudgetEngine* m_budgets;
};

} // namespace Moniagent
