#pragma once

#include "budgetstatus.h"
#include "core/result.h"

#include <QList>

#include <atomic>
#include <optional>

namespace Moniagent {

class BudgetRepository;
class Clock;
class Database;

// Evaluates budgets from SQL aggregates: whole months come from the monthly summary (transaction_totals), the
// days at the edges of a window from the ledger's (user, category, date) index, so the cost does not grow with
// the size of the ledger. Stateless apart from its settings; thread-safe (uses the calling thread's connection).
class BudgetEngine
{
public:
    BudgetEngine(Database* database, BudgetRepository* budgets, const Clock& clock,
                 Qt::DayOfWeek firstDayOfWeek = Qt::Monday);

    Qt::DayOfWeek firstDayOfWeek() const { return Qt::DayOfWeek(m_firstDayOfWeek.load()); }
    // Weekly budgets start on this day (the profile's locale); set by the session when the profile changes.
    void setFirstDayOfWeek(Qt::DayOfWeek day) { m_firstDayOfWeek = int(day); }
    const Clock& clock() const { return m_clock; }

    // The budget in the window containing `date` (today when invalid), counted up to and including `date`.
    Result<BudgetStatus> evaluate(qint64 userId, const Budget& budget, QDate date = {}) const;
    // The budget in a given window, as of `asOf` (clamped into the window: a finished window counts whole).
    Result<BudgetStatus> evaluateWindow(qint64 userId, const Budget& budget, const BudgetWindow& window,
                                        QDate asOf = {}) const;
    // Every budget of the user (the repository's order) on `date` (today when invalid).
    Result<QList<BudgetStatus>> evaluateAll(qint64 userId, QDate date = {}) const;
    // The `count` windows before the one containing `date`, newest first, each counted whole.
    Result<QList<BudgetStatus>> history(qint64 userId, const Budget& budget, int count, QDate date = {}) const;
    // A limit for a budget on `categoryId` (empty: all spending): the average spending in `currency` of the last
    // three complete windows, rounded up to a whole unit; nothing when there was no spending in them.
    Result<std::optional<Money>> suggestLimit(qint64 userId, std::optional<qint64> categoryId, BudgetPeriod period,
                                              const Currency& currency, QDate date = {}) const;

private:
    Database* m_database;
    BudgetRepository* m_budgets;
    const Clock& m_clock;
    std::atomic<int> m_firstDayOfWeek; // a Qt::DayOfWeek; set on the GUI thread, read by workers
};

} // namespace Moniagent
