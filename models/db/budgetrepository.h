#pragma once

#include "core/budget.h"
#include "core/result.h"

#include <QObject>

#include <optional>

namespace Moniagent {

class Database;

// The budgets of one user: at most one per expense category and one for all spending. Every method takes
// the id of the user it acts for and never reads or changes another user's rows. Deleting a category deletes
// its budget (ON DELETE CASCADE).
class BudgetRepository : public QObject
{
    Q_OBJECT
public:
    explicit BudgetRepository(Database* database, QObject* parent = nullptr);

    // Checks the values of a budget (limit, currency, period, threshold); add() and update() also check
    // that the category is one of the user's expense categories.
    static Result<void> validate(const Budget& budget);

    Result<qint64> add(qint64 userId, const Budget& budget);
    // Writes category, limit, period and threshold.
    Result<void> update(qint64 userId, const Budget& budget);
    // Deleting a budget deletes its alerts.
    Result<void> remove(qint64 userId, qint64 id);

    Result<Budget> find(qint64 userId, qint64 id) const;
    // The overall budget first, then in the categories' display order.
    Result<QList<Budget>> list(qint64 userId) const;
    // The budget of a category (or the overall one for an empty id), or nothing.
    Result<std::optional<Budget>> findForCategory(qint64 userId, std::optional<qint64> categoryId) const;

Q_SIGNALS:
    void changed(qint64 userId);

private:
    Result<void> checkCategory(qint64 userId, const Budget& budget) const;
    Error conflictFor(qint64 userId, const Budget& budget, const Error& error) const;

    Database* m_database;
};

} // namespace Moniagent
