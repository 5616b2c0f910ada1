#include "budgetspage.h"

#include "budgetbardelegate.h"
#include "budgeteditdialog.h"
#include "budgetstatusmodel.h"
#include "budgettext.h"
#include "common/messagebox.h"
#include "core/notificationpreferences.h"
#include "session/session.h"
#include "twolinedelegate.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QStackedLayout>
#include <QToolButton>
#include <QTreeView>
#include <QUndoStack>
#include <QVBoxLayout>

namespace Moniagent {

BudgetsPage::BudgetsPage(Session* session, QUndoStack* undoStack, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_undo(undoStack)
    , m_model(new BudgetStatusModel(session, this))
    , m_view(new QTreeView(this))
    , m_windowLabel(new QLabel(this))
    , m_windowHint(new QLabel(this))
    , m_stack(new QStackedLayout)
    , m_empty(nullptr)
{
    setObjectName(QStringLiteral("budgetsPage"));
    m_view->setObjectName(QStringLiteral("budgetsView"));
    m_view->setAccessibleName(tr("Budgets"));
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setItemsExpandable(false);
    m_view->setUniformRowHeights(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setIconSize(QSize(28, 28));
    auto* text = new TwoLineDelegate(m_view);
    text->setIconSize(28);
    m_view->setItemDelegate(text);
    m_view->setItemDelegateForColumn(BudgetStatusModel::ProgressColumn, new BudgetBarDelegate(m_view));
    QHeaderView* header = m_view->header();
    header->setStretchLastSection(false);
    // The text columns fit their contents after every evaluation (resizeColumns()); the bar takes the rest.
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(BudgetStatusModel::ProgressColumn, QHeaderView::Stretch);
    header->setMinimumSectionSize(90);

    m_windowLabel->setObjectName(QStringLiteral("budgetWindowLabel"));
    QFont big = m_windowLabel->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.2);
    m_windowLabel->setFont(big);
    m_windowLabel->setMinimumWidth(
        m_windowLabel->fontMetrics().horizontalAdvance(QStringLiteral("Sep 28 – Oct 4, 2026")));
    m_windowHint->setObjectName(QStringLiteral("budgetWindowHint"));
    QPalette muted = m_windowHint->palette();
    muted.setColor(QPalette::WindowText, muted.color(QPalette::PlaceholderText));
    m_windowHint->setPalette(muted);

    createActions();
    m_empty = createEmptyState();

    const auto button = [this](QAction* action, const QString& name) {
        auto* b = new QToolButton(this);
        b->setDefaultAction(action);
        b->setObjectName(name);
        b->setToolButtonStyle(Qt::ToolButtonTextOnly);
        b->setAccessibleName(action->text().remove(u'&').remove(QStringLiteral("…")));
        return b;
    };
    QToolButton* previous = button(m_previous, QStringLiteral("previousPeriodButton"));
    previous->setArrowType(Qt::LeftArrow);
    previous->setToolButtonStyle(Qt::ToolButtonIconOnly);
    QToolButton* next = button(m_next, QStringLiteral("nextPeriodButton"));
    next->setArrowType(Qt::RightArrow);
    next->setToolButtonStyle(Qt::ToolButtonIconOnly);

    auto* top = new QHBoxLayout;
    top->setSpacing(6);
    top->addWidget(previous);
    top->addWidget(button(m_today, QStringLiteral("todayButton")));
    top->addWidget(next);
    top->addSpacing(8);
    top->addWidget(m_windowLabel);
    top->addWidget(m_windowHint, 1);
    top->addWidget(button(m_new, QStringLiteral("newBudgetButton")));
    top->addWidget(button(m_edit, QStringLiteral("editBudgetButton")));
    top->addWidget(button(m_delete, QStringLiteral("deleteBudgetButton")));
    top->addWidget(button(m_showTransactions, QStringLiteral("showTransactionsButton")));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->setSpacing(8);
    layout->addLayout(top);
    m_stack->addWidget(m_view);
    m_stack->addWidget(m_empty);
    layout->addLayout(m_stack, 1);

    connect(m_model, &BudgetStatusModel::refreshed, this, &BudgetsPage::refreshed);
    connect(m_model, &BudgetStatusModel::referenceDateChanged, this, &BudgetsPage::updateHeader);
    connect(m_model, &BudgetStatusModel::errorOccurred, this, &BudgetsPage::statusMessage);
    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this,
            [this]() { m_selectedBeforeReset = currentBudgetId().value_or(0); });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this]() {
        if (m_selectedBeforeReset != 0 && !m_pendingSelection)
            selectBudget(m_selectedBeforeReset);
    });
    connect(m_view, &QTreeView::doubleClicked, this, &BudgetsPage::editBudget);
    connect(m_view, &QWidget::customContextMenuRequested, this, &BudgetsPage::showContextMenu);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, &BudgetsPage::updateActions);
    updateHeader();
    updateActions();
}

void BudgetsPage::createActions()
{
    m_new = new QAction(tr("&New Budget…"), this);
    m_new->setObjectName(QStringLiteral("newBudgetAction"));
    m_new->setShortcut(QKeySequence(tr("Ctrl+Shift+B")));
    m_new->setToolTip(tr("Set a spending limit for a category or for all spending (%1)")
                          .arg(m_new->shortcut().toString(QKeySequence::NativeText)));
    connect(m_new, &QAction::triggered, this, &BudgetsPage::newBudget);
    addAction(m_new);

    m_edit = new QAction(tr("&Edit…"), this);
    m_edit->setObjectName(QStringLiteral("editBudgetAction"));
    m_edit->setShortcuts({QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter)});
    m_edit->setShortcutContext(Qt::WidgetShortcut);
    m_edit->setToolTip(tr("Change the limit, period or threshold of the selected budget (Enter)"));
    connect(m_edit, &QAction::triggered, this, &BudgetsPage::editBudget);
    m_view->addAction(m_edit);

    m_delete = new QAction(tr("&Delete"), this);
    m_delete->setObjectName(QStringLiteral("deleteBudgetAction"));
    m_delete->setShortcut(QKeySequence::Delete);
    m_delete->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_delete->setToolTip(
        tr("Delete the selected budget (%1)").arg(m_delete->shortcut().toString(QKeySequence::NativeText)));
    connect(m_delete, &QAction::triggered, this, &BudgetsPage::deleteBudget);
    m_view->addAction(m_delete);

    m_showTransactions = new QAction(tr("Show &Transactions"), this);
    m_showTransactions->setObjectName(QStringLiteral("showBudgetTransactionsAction"));
    m_showTransactions->setShortcut(QKeySequence(tr("Ctrl+L")));
    m_showTransactions->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_showTransactions->setToolTip(tr("Open the ledger with the expenses this budget counts (%1)")
                                       .arg(m_showTransactions->shortcut().toString(QKeySequence::NativeText)));
    connect(m_showTransactions, &QAction::triggered, this, &BudgetsPage::showTransactions);
    addAction(m_showTransactions);

    m_mute = new QAction(tr("&Mute Alerts"), this);
    m_mute->setObjectName(QStringLiteral("muteBudgetAlertsAction"));
    m_mute->setCheckable(true);
    m_mute->setToolTip(tr("No tray notifications for this budget; its alerts are still listed as read"));
    connect(m_mute, &QAction::triggered, this, &BudgetsPage::setAlertsMuted);

    m_previous = new QAction(tr("Pre&vious Period"), this);
    m_previous->setObjectName(QStringLiteral("previousPeriodAction"));
    m_previous->setShortcut(QKeySequence(tr("Alt+Left")));
    m_previous->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_previous->setToolTip(tr("Previous period (%1)").arg(m_previous->shortcut().toString(QKeySequence::NativeText)));
    connect(m_previous, &QAction::triggered, this, &BudgetsPage::previousPeriod);
    addAction(m_previous);

    m_today = new QAction(tr("T&oday"), this);
    m_today->setObjectName(QStringLiteral("todayAction"));
    m_today->setShortcut(QKeySequence(tr("Alt+Home")));
    m_today->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_today->setToolTip(
        tr("Back to the current period (%1)").arg(m_today->shortcut().toString(QKeySequence::NativeText)));
    connect(m_today, &QAction::triggered, this, &BudgetsPage::showToday);
    addAction(m_today);

    m_next = new QAction(tr("Ne&xt Period"), this);
    m_next->setObjectName(QStringLiteral("nextPeriodAction"));
    m_next->setShortcut(QKeySequence(tr("Alt+Right")));
    m_next->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_next->setToolTip(tr("Next period (%1)").arg(m_next->shortcut().toString(QKeySequence::NativeText)));
    connect(m_next, &QAction::triggered, this, &BudgetsPage::nextPeriod);
    addAction(m_next);
}

QWidget* BudgetsPage::createEmptyState()
{
    auto* empty = new QWidget(this);
    empty->setObjectName(QStringLiteral("emptyBudgets"));
    auto* title = new QLabel(tr("No budgets yet"), empty);
    title->setObjectName(QStringLiteral("emptyBudgetsTitle"));
    QFont big = title->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.3);
    title->setFont(big);
    title->setAlignment(Qt::AlignCenter);
    auto* text = new QLabel(tr("Set a limit for all your spending or for one category, and Moniagent tells you before "
                               "it runs out. Start with New Budget…, or let Suggest look at what you spent in the last "
                               "three months."),
                            empty);
    text->setObjectName(QStringLiteral("emptyBudgetsHint"));
    text->setWordWrap(true);
    text->setAlignment(Qt::AlignCenter);
    text->setFixedWidth(440);
    text->setMinimumHeight(text->heightForWidth(440)); // the wrapped lines, whatever the layout offers
    QPalette muted = text->palette();
    muted.setColor(QPalette::WindowText, muted.color(QPalette::PlaceholderText));
    text->setPalette(muted);
    auto* create = new QPushButton(tr("New Budget…"), empty);
    create->setObjectName(QStringLiteral("emptyNewBudgetButton"));
    create->setDefault(true);
    connect(create, &QPushButton::clicked, this, &BudgetsPage::newBudget);
    auto* suggest = new QPushButton(tr("Suggest…"), empty);
    suggest->setObjectName(QStringLiteral("emptySuggestButton"));
    suggest->setToolTip(tr("A new budget for all spending, with the average of the last three months filled in"));
    connect(suggest, &QPushButton::clicked, this, &BudgetsPage::suggestBudget);

    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(create);
    buttons->addWidget(suggest);
    buttons->addStretch();
    auto* layout = new QVBoxLayout(empty);
    layout->addStretch(1);
    layout->addWidget(title);
    layout->addWidget(text, 0, Qt::AlignHCenter);
    layout->addSpacing(8);
    layout->addLayout(buttons);
    layout->addStretch(2);
    return empty;
}

std::optional<qint64> BudgetsPage::currentBudgetId() const
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid())
        return std::nullopt;
    return current.siblingAtColumn(0).data(BudgetStatusModel::BudgetIdRole).toLongLong();
}

BudgetEditDialog* BudgetsPage::editDialog() const
{
    return m_dialog.data();
}

QString BudgetsPage::windowLabel() const
{
    return m_windowLabel->text();
}

void BudgetsPage::proposeBudget(const Budget& budget)
{
    openDialog(budget, false);
}

void BudgetsPage::newBudget()
{
    openDialog(Budget(), false);
}

void BudgetsPage::suggestBudget()
{
    openDialog(Budget(), true);
}

void BudgetsPage::editBudget()
{
    const std::optional<qint64> id = currentBudgetId();
    if (!id)
        return;
    // The stored budget, not the row's copy: the row may be an evaluation behind a change just made.
    auto budget = m_session->budgets()->find(m_session->userId(), *id);
    if (!budget) {
        Q_EMIT statusMessage(budget.error().message);
        return;
    }
    openDialog(*budget, false);
}

void BudgetsPage::openDialog(const Budget& budget, bool suggest)
{
    if (m_dialog) {
        m_dialog->raise();
        m_dialog->activateWindow();
        return;
    }
    m_dialog = new BudgetEditDialog(m_session, budget, this);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    BudgetEditDialog* dialog = m_dialog;
    connect(dialog, &QDialog::accepted, this, [this, dialog]() { dialogAccepted(dialog); });
    dialog->open();
    if (suggest)
        dialog->suggest();
}

void BudgetsPage::dialogAccepted(BudgetEditDialog* dialog)
{
    const Budget saved = dialog->savedBudget();
    const QString name = dialog->budgetName();
    if (m_undo) {
        std::optional<Budget> before;
        if (!dialog->isNew())
            before = dialog->originalBudget();
        m_undo->push(new BudgetUndoCommand(m_session->budgets(), m_session->userId(), before, saved, name,
                                           handleFor(saved.id),
                                           [this](const QString& message) { Q_EMIT statusMessage(message); }));
    }
    Q_EMIT statusMessage(dialog->isNew() ? tr("Budget for %1 created.").arg(name)
                                         : tr("Budget for %1 saved.").arg(name));
    m_pendingSelection = saved.id;
}

void BudgetsPage::deleteBudget()
{
    const std::optional<qint64> id = currentBudgetId();
    const int row = id ? m_model->rowOf(*id) : -1;
    if (row < 0)
        return;
    const QString name = m_model->nameAt(row);
    // The stored budget (what undo brings back), not the row's copy, which may be an evaluation behind.
    auto stored = m_session->budgets()->find(m_session->userId(), *id);
    if (!stored) {
        Q_EMIT statusMessage(stored.error().message);
        return;
    }
    const Budget budget = *stored;
    QString question = tr("Delete the budget for “%1”? Its alerts are deleted with it.").arg(name);
    if (m_undo)
        question += u' ' + tr("You can undo this with Edit › Undo.");
    if (MessageBox::question(this, tr("Delete Budget"), question, QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
        != QMessageBox::Yes)
        return;
    // Its alerts go with it (ON DELETE CASCADE); kept here so that undoing the deletion does not announce them again.
    QList<BudgetAlert> alerts;
    if (auto all = m_session->budgetAlerts()->list(m_session->userId())) {
        for (const BudgetAlert& alert : std::as_const(*all)) {
            if (alert.budgetId == budget.id)
                alerts << alert;
        }
    }
    auto removed = m_session->budgets()->remove(m_session->userId(), budget.id);
    if (!removed) {
        MessageBox::warning(this, tr("Delete Budget"), removed.error().message, removed.error().detail);
        return;
    }
    if (m_undo) {
        auto* command = new BudgetUndoCommand(m_session->budgets(), m_session->userId(), budget, std::nullopt, name,
                                              handleFor(budget.id),
                                              [this](const QString& message) { Q_EMIT statusMessage(message); });
        command->setDeletedAlerts(m_session->budgetAlerts(), alerts);
        m_undo->push(command);
    }
    Q_EMIT statusMessage(tr("Budget for %1 deleted.").arg(name));
}

BudgetUndoCommand::Handle BudgetsPage::handleFor(qint64 budgetId)
{
    m_handles.removeIf([](const std::weak_ptr<qint64>& handle) { return handle.expired(); });
    for (const std::weak_ptr<qint64>& weak : std::as_const(m_handles)) {
        if (BudgetUndoCommand::Handle handle = weak.lock(); handle && *handle == budgetId)
            return handle;
    }
    auto handle = std::make_shared<qint64>(budgetId);
    m_handles << handle;
    return handle;
}

void BudgetsPage::showTransactions()
{
    const std::optional<qint64> id = currentBudgetId();
    const BudgetStatus* status = id ? m_model->statusAt(m_model->rowOf(*id)) : nullptr;
    if (!status)
        return;
    TransactionFilter filter;
    filter.dates = status->window.range();
    filter.type = TransactionType::Expense;
    if (status->budget.categoryId)
        filter.categoryIds = {*status->budget.categoryId};
    Q_EMIT ledgerRequested(filter);
}

void BudgetsPage::previousPeriod()
{
    m_model->step(-1);
}

void BudgetsPage::nextPeriod()
{
    m_model->step(1);
}

void BudgetsPage::showToday()
{
    m_model->setReferenceDate(QDate());
}

void BudgetsPage::showBudget(qint64 budgetId, QDate date)
{
    if (date.isValid())
        m_model->setReferenceDate(date);
    m_pendingSelection = budgetId;
    if (!m_model->isLoading() && m_model->rowOf(budgetId) >= 0) {
        selectBudget(budgetId);
        m_pendingSelection.reset();
    }
    m_view->setFocus(Qt::OtherFocusReason);
}

void BudgetsPage::selectBudget(qint64 budgetId)
{
    const int row = m_model->rowOf(budgetId);
    if (row < 0)
        return;
    const QModelIndex index = m_model->index(row, 0);
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(index);
}

void BudgetsPage::refreshed()
{
    const bool empty = m_model->rowCount() == 0;
    m_stack->setCurrentWidget(empty ? m_empty : static_cast<QWidget*>(m_view));
    if (m_pendingSelection && m_model->rowOf(*m_pendingSelection) >= 0) {
        selectBudget(*m_pendingSelection);
        m_pendingSelection.reset();
    } else if (!empty && !m_view->currentIndex().isValid()) {
        // Keyboard users start on the first row: Enter edits it, Delete deletes it.
        selectBudget(m_model->index(0, 0).data(BudgetStatusModel::BudgetIdRole).toLongLong());
    }
    resizeColumns();
    updateHeader();
    updateActions();
}

void BudgetsPage::resizeColumns()
{
    for (int column = 0; column < BudgetStatusModel::ColumnCount; ++column) {
        if (column != BudgetStatusModel::ProgressColumn)
            m_view->resizeColumnToContents(column);
    }
}

void BudgetsPage::updateHeader()
{
    const bool any = m_model->rowCount() > 0;
    m_windowLabel->setText(any ? m_model->windowLabel() : QString());
    QString hint;
    if (any && m_model->hasMixedPeriods())
        hint = tr("Each budget shows its own week, month or year that includes %1.")
                   .arg(m_session->locale().toString(m_model->referenceDate(),
                                                     tr("MMM d, yyyy", "date format: the reference date of the page")));
    m_windowHint->setText(hint);
    m_previous->setEnabled(any);
    m_next->setEnabled(any);
    m_today->setEnabled(any && !m_model->followsToday());
}

void BudgetsPage::updateActions()
{
    const bool selected = currentBudgetId().has_value();
    m_edit->setEnabled(selected);
    m_delete->setEnabled(selected);
    m_showTransactions->setEnabled(selected);
    m_mute->setEnabled(selected);
    const QSignalBlocker blocker(m_mute);
    m_mute->setChecked(selected
                       && NotificationPreferences::fromJson(m_session->user().notificationPreferences)
                              .mutedBudgets.contains(*currentBudgetId()));
}

void BudgetsPage::setAlertsMuted(bool muted)
{
    const std::optional<qint64> id = currentBudgetId();
    if (!id)
        return;
    User user = m_session->user();
    NotificationPreferences preferences = NotificationPreferences::fromJson(user.notificationPreferences);
    if (muted)
        preferences.mutedBudgets.insert(*id);
    else
        preferences.mutedBudgets.remove(*id);
    user.notificationPreferences = preferences.toJson(user.notificationPreferences);
    auto saved = m_session->users()->updateProfile(m_session->userId(), user);
    if (saved)
        saved = m_session->reloadUser();
    if (!saved) {
        MessageBox::warning(this, tr("Budgets"), saved.error().message, saved.error().detail);
        updateActions();
        return;
    }
    Q_EMIT statusMessage(muted ? tr("Alerts for this budget are muted.") : tr("Alerts for this budget are on again."));
}

void BudgetsPage::showContextMenu(const QPoint& position)
{
    const QModelIndex index = m_view->indexAt(position);
    if (index.isValid())
        selectBudget(index.data(BudgetStatusModel::BudgetIdRole).toLongLong());
    QMenu menu(this);
    if (index.isValid()) {
        menu.addAction(m_edit);
        menu.addAction(m_showTransactions);
        menu.addAction(m_mute);
        menu.addSeparator();
        menu.addAction(m_delete);
        menu.addSeparator();
    }
    menu.addAction(m_new);
    menu.exec(m_view->viewport()->mapToGlobal(position));
}

} // namespace Moniagent
