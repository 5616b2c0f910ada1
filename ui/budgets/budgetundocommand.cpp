#include "budgetundocommand.h"

#include "db/budgetalertrepository.h"
#include "db/budgetrepository.h"

namespace Moniagent {

BudgetUndoCommand::BudgetUndoCommand(BudgetRepository* budgets, qint64 userId, std::optional<Budget> before,
                                     std::optional<Budget> after, const QString& name, Handle handle,
                                     std::function<void(const QString&)> onError)
    : m_budgets(budgets)
    , m_userId(userId)
    , m_before(std::move(before))
    , m_after(std::move(after))
    , m_handle(handle ? std::move(handle) : std::make_shared<qint64>(m_after ? m_after->id : m_before->id))
    , m_onError(std::move(onError))
{
    if (!m_before)
        setText(tr("New Budget for %1").arg(name));
    else if (!m_after)
        setText(tr("Delete Budget for %1").arg(name));
    else
        setText(tr("Edit Budget for %1").arg(name));
}

bool BudgetUndoCommand::apply(const std::optional<Budget>& from, const std::optional<Budget>& to)
{
    Result<void> written;
    if (from && to) {
        Budget budget = *to;
        budget.id = *m_handle;
        written = m_budgets->update(m_userId, budget);
    } else if (from) {
        written = m_budgets->remove(m_userId, *m_handle);
    } else if (to) {
        auto id = m_budgets->add(m_userId, *to);
        if (id) {
            *m_handle = *id; // the budget is back under a new id
            if (m_alerts)
                written = m_alerts->restore(m_userId, *id, m_deletedAlerts);
        } else {
            written = id.error();
        }
    }
    if (!written) {
        if (m_onError)
            m_onError(written.error().message);
        return false;
    }
    return true;
}

void BudgetUndoCommand::setDeletedAlerts(BudgetAlertRepository* alerts, const QList<BudgetAlert>& deleted)
{
    m_alerts = alerts;
    m_deletedAlerts = deleted;
}

void BudgetUndoCommand::undo()
{
    if (m_done && apply(m_after, m_before))
        m_done = false;
}

void BudgetUndoCommand::redo()
{
    if (!m_done && apply(m_before, m_after))
        m_done = true;
}

} // namespace Moniagent
