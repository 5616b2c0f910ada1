#pragma once

#include "core/budget.h"
#include "core/budgetalert.h"

#include <QCoreApplication>
#include <QUndoCommand>

#include <functional>
#include <memory>
#include <optional>

namespace Moniagent {

class BudgetAlertRepository;
class BudgetRepository;

// A budget added, changed or deleted, on the undo stack. Created after the change was written (the first redo()
// does nothing). Undoing a deletion adds the budget again under a new id, with its alerts written back: the
// commands about one budget share a handle holding its current id, so older commands still find it. Errors go to
// the callback, since undo commands cannot fail.
class BudgetUndoCommand : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(Moniagent::BudgetUndoCommand)
public:
    using Handle = std::shared_ptr<qint64>; // the budget's id now

    // `before` empty: the budget was added; `after` empty: it was deleted. `name` says what it watches.
    BudgetUndoCommand(BudgetRepository* budgets, qint64 userId, std::optional<Budget> before,
                      std::optional<Budget> after, const QString& name, Handle handle,
                      std::function<void(const QString&)> onError);

    const Handle& handle() const { return m_handle; }
    // For a deletion: the budget's alerts, written back when the deletion is undone (so they are not raised
    // again for the re-added budget).
    void setDeletedAlerts(BudgetAlertRepository* alerts, const QList<BudgetAlert>& deleted);

    void undo() override;
    void redo() override;

private:
    // Writes `to` where `from` is now.
    bool apply(const std::optional<Budget>& from, const std::optional<Budget>& to);

    BudgetRepository* m_budgets;
    qint64 m_userId;
    std::optional<Budget> m_before;
    std::optional<Budget> m_after;
    Handle m_handle;
    std::function<void(const QString&)> m_onError;
    BudgetAlertRepository* m_alerts = nullptr;
    QList<BudgetAlert> m_deletedAlerts;
    bool m_done = true;
};

} // namespace Moniagent
