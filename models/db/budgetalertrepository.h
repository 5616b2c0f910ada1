#pragma once

#include "core/budgetalert.h"
#include "core/result.h"

#include <QObject>

namespace Moniagent {

class Database;

// The alerts raised for one user's budgets. Alerts belong to a user through their budget: every query goes
// through `budgets.user_id`, so a user never sees or marks another user's alerts, even by id.
class BudgetAlertRepository : public QObject
{
    Q_OBJECT
public:
    explicit BudgetAlertRepository(Database* database, QObject* parent = nullptr);

    // Records that `budgetId` reached `level` in the window starting `periodStart`. Returns true when the
    // alert is new (notify the user) and false when it was already recorded (stay quiet).
    Result<bool> record(qint64 userId, qint64 budgetId, QDate periodStart, BudgetAlertLevel level);

    // Writes a deleted budget's alerts back for `budgetId` (undoing the deletion re-adds the budget under a new
    // id), keeping period, level, creation and seen times, so its crossings are not announced again.
    Result<void> restore(qint64 userId, qint64 budgetId, const QList<BudgetAlert>& alerts);

    // Newest first.
    Result<QList<BudgetAlert>> list(qint64 userId, bool unseenOnly = false) const;
    Result<qint64> unseenCount(qint64 userId) const;
    // Marks the given alerts seen (ids of other users and alerts seen before are ignored) and returns how
    // many were newly marked.
    Result<qint64> markSeen(qint64 userId, const QList<qint64>& ids);
    Result<qint64> markAllSeen(qint64 userId);

Q_SIGNALS:
    void changed(qint64 userId);

private:
    Database* m_database;
};

} // namespace Moniagent
