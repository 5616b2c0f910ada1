#pragma once

#include "budgetundocommand.h"
#include "core/transactionfilter.h"

#include <QDate>
#include <QPointer>
#include <QWidget>

#include <optional>

class QAction;
class QLabel;
class QStackedLayout;
class QToolButton;
class QTreeView;
class QUndoStack;

namespace Moniagent {

class BudgetEditDialog;
class BudgetStatusModel;
class Session;

// The Budgets page: a row per budget (all spending first, then the categories in display order) with a progress
// bar of spent against the limit, the threshold and pace marks, what is left (or how far over), the projection to
// the end of the period and other-currency spending that is not counted. Previous / Today / Next move the
// reference date: by one period when every budget has the same period, otherwise by a month (each budget then
// shows its own week, month or year containing the reference date). New, edit, delete (undoable when an undo stack
// is given) and "Show Transactions", which asks the window to open the ledger filtered to a budget's spending.
class BudgetsPage : public QWidget
{
    Q_OBJECT
public:
    explicit BudgetsPage(Session* session, QUndoStack* undoStack = nullptr, QWidget* parent = nullptr);

    BudgetStatusModel* model() const { return m_model; }
    QTreeView* view() const { return m_view; }
    // The page's actions, for the window's menus (their shortcuts work while the page is shown).
    QAction* newBudgetAction() const { return m_new; }
    QAction* editBudgetAction() const { return m_edit; }
    QAction* deleteBudgetAction() const { return m_delete; }
    QAction* showTransactionsAction() const { return m_showTransactions; }
    // Checked while the current budget's alerts are muted (notification preferences of the profile).
    QAction* muteAlertsAction() const { return m_mute; }
    QAction* previousPeriodAction() const { return m_previous; }
    QAction* todayAction() const { return m_today; }
    QAction* nextPeriodAction() const { return m_next; }

    // The budget of the current row, if any.
    std::optional<qint64> currentBudgetId() const;
    QString windowLabel() const;
    // The edit dialog while one is open (null otherwise).
    BudgetEditDialog* editDialog() const;

public Q_SLOTS:
    // Opens the dialog for a new budget (non-modal to the rest of the application; returns at once).
    void newBudget();
    // Opens the budget dialog filled in with `budget` (a change the assistant proposed); nothing is saved unless
    // the user saves it.
    void proposeBudget(const Moniagent::Budget& budget);
    // Opens the new-budget dialog and asks it for a suggestion right away.
    void suggestBudget();
    void editBudget();
    // Asks for confirmation, then deletes the current budget.
    void deleteBudget();
    // Emits ledgerRequested() for the current budget's spending in its shown window.
    void showTransactions();
    // Mutes or unmutes the current budget's alerts (they are still recorded, as seen).
    void setAlertsMuted(bool muted);
    void previousPeriod();
    void nextPeriod();
    void showToday();
    // Selects the budget's row (e.g. from a notification); with a date, first moves to the period containing it.
    void showBudget(qint64 budgetId, QDate date = QDate());

Q_SIGNALS:
    // Open the ledger with this filter: the budget's category (none for all spending), its window, expenses only.
    void ledgerRequested(const TransactionFilter& filter);
    void statusMessage(const QString& message);

private:
    void createActions();
    QWidget* createEmptyState();
    void openDialog(const Budget& budget, bool suggest);
    void dialogAccepted(BudgetEditDialog* dialog);
    void refreshed();
    void updateActions();
    void updateHeader();
    void resizeColumns();
    void selectBudget(qint64 budgetId);
    BudgetUndoCommand::Handle handleFor(qint64 budgetId);
    void showContextMenu(const QPoint& position);

    Session* m_session;
    QUndoStack* m_undo;
    BudgetStatusModel* m_model;
    QTreeView* m_view;
    QLabel* m_windowLabel;
    QLabel* m_windowHint;
    QStackedLayout* m_stack;
    QWidget* m_empty;
    QAction* m_new = nullptr;
    QAction* m_edit = nullptr;
    QAction* m_delete = nullptr;
    QAction* m_mute = nullptr;
    QAction* m_showTransactions = nullptr;
    QAction* m_previous = nullptr;
    QAction* m_today = nullptr;
    QAction* m_next = nullptr;
    QPointer<BudgetEditDialog> m_dialog;
    std::optional<qint64> m_pendingSelection;
    qint64 m_selectedBeforeReset = 0;
    QList<std::weak_ptr<qint64>> m_handles;
};

} // namespace Moniagent
