#include "budgetengine.h"

#include "core/clock.h"
#include "db/budgetrepository.h"
#include "db/database.h"
#include "db/ledgersummary.h"

#include <algorithm>

namespace Moniagent {

namespace {

constexpr int SuggestionWindows = 3;

TransactionFilter spendingFilter(std::optional<qint64> categoryId, DateRange dates)
{
    TransactionFilter filter;
    filter.dates = dates;
    filter.type = TransactionType::Expense;
    if (categoryId)
        filter.categoryIds = {*categoryId};
    return filter;
}

} // namespace

BudgetEngine::BudgetEngine(Database* database, BudgetRepository* budgets, const Clock& clock,
                           Qt::DayOfWeek firstDayOfWeek)
    : m_database(database)
    , m_budgets(budgets)
    , m_clock(clock)
    , m_firstDayOfWeek(int(firstDayOfWeek))
{ }

Result<BudgetStatus> BudgetEngine::evaluate(qint64 userId, const Budget& budget, QDate date) const
{
    if (!date.isValid())
        date = m_clock.today();
    return evaluateWindow(userId, budget, BudgetWindow::containing(budget.period, date, firstDayOfWeek()), date);
}

Result<BudgetStatus> BudgetEngine::evaluateWindow(qint64 userId, const Budget& budget, const BudgetWindow& window,
                                                  QDate asOf) const
{
    if (!window.isValid())
        return Error::invalidInput(QCoreApplication::translate("Moniagent::BudgetEngine", "The date is not valid."));
    if (!asOf.isValid())
        asOf = m_clock.today();
    BudgetStatus status;
    status.budget = budget;
    status.window = window;
    status.asOf = std::clamp(asOf, window.start.addDays(-1), window.end);
    status.spent = Money(0, budget.limit.currency());
    if (status.asOf >= window.start) {
        auto totals = LedgerSummary::totals(m_database->connection(), userId,
                                            spendingFilter(budget.categoryId, {window.start, status.asOf}));
        if (!totals)
            return totals.error();
        for (const CurrencyTotals& entry : std::as_const(totals->currencies)) {
            if (entry.expenseMinor == 0)
                continue;
            if (entry.currency == budget.limit.currency().code()) {
                status.spent = Money(entry.expenseMinor, budget.limit.currency());
                status.rowCount = entry.count;
            } else {
                status.notCounted << Money::fromMinor(entry.expenseMinor, entry.currency);
            }
        }
    }
    status.state = BudgetStates::stateFor(status.spent.minor(), budget.limit.minor(), budget.alertThreshold);
    return status;
}

Result<QList<BudgetStatus>> BudgetEngine::evaluateAll(qint64 userId, QDate date) const
{
    auto budgets = m_budgets->list(userId);
    if (!budgets)
        return budgets.error();
    QList<BudgetStatus> statuses;
    statuses.reserve(budgets->size());
    for (const Budget& budget : std::as_const(*budgets)) {
        auto status = evaluate(userId, budget, date);
        if (!status)
            return status.error();
        statuses << *status;
    }
    return statuses;
}

Result<QList<BudgetStatus>> BudgetEngine::history(qint64 userId, const Budget& budget, int count, QDate date) const
{
    if (!date.isValid())
        date = m_clock.today();
    QList<BudgetStatus> statuses;
    BudgetWindow window = BudgetWindow::containing(budget.period, date, firstDayOfWeek());
    for (int i = 0; i < count; ++i) {
        window = BudgetWindow::previous(budget.period, window, firstDayOfWeek());
        if (!window.isValid() || window.start.year() < 1900)
            break;
        auto status = evaluateWindow(userId, budget, window, window.end);
        if (!status)
            return status.error();
        statuses << *status;
    }
    return statuses;
}

Result<std::optional<Money>> BudgetEngine::suggestLimit(qint64 userId, std::optional<qint64> categoryId,
                                                        BudgetPeriod period, const Currency& currency, QDate date) const
{
    if (!date.isValid())
        date = m_clock.today();
    const BudgetWindow current = BudgetWindow::containing(period, date, firstDayOfWeek());
    BudgetWindow last = BudgetWindow::previous(period, current, firstDayOfWeek());
    BudgetWindow first = last;
    for (int i = 1; i < SuggestionWindows; ++i)
        first = BudgetWindow::previous(period, first, firstDayOfWeek());
    auto totals
        = LedgerSummary::totals(m_database->connection(), userId, spendingFilter(categoryId, {first.start, last.end}));
    if (!totals)
        return totals.error();
    const CurrencyTotals* spent = totals->find(currency.code());
    if (!spent || spent->expenseMinor <= 0)
        return std::optional<Money>();
    // The average, rounded up to a whole unit of the currency.
    const qint64 unit = currency.minorPerMajor();
    const qint64 average = (spent->expenseMinor + SuggestionWindows - 1) / SuggestionWindows;
    return std::optional<Money>(Money((average + unit - 1) / unit * unit, currency));
}

} // namespace Moniagent
