#include "ledgerview.h"

#include "categorydelegate.h"
#include "common/messagebox.h"
#include "datedelegate.h"
#include "itemmodels/transactionmodel.h"

#include <QContextMenuEvent>
#include <QHeaderView>
#include <QKeyEvent>
#include <QMenu>
#include <QScrollBar>

namespace Moniagent {

namespace {
constexpr int MaxDeleteAtOnce = 50000;
}

LedgerView::LedgerView(CategoryRepository* categories, qint64 userId, QWidget* parent)
    : QTableView(parent)
    , m_categories(categories)
    , m_userId(userId)
    , m_categoryDelegate(new CategoryDelegate(categories, userId, this))
{
    setObjectName(QStringLiteral("ledgerView"));
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                    | QAbstractItemView::AnyKeyPressed);
    setSortingEnabled(true);
    setAlternatingRowColors(true);
    setShowGrid(false);
    setWordWrap(false);
    setTabKeyNavigation(true);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    verticalHeader()->setVisible(false);
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 12);
    horizontalHeader()->setHighlightSections(false);
    horizontalHeader()->setSectionsMovable(true);
    horizontalHeader()->setStretchLastSection(false);
    horizontalHeader()->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(horizontalHeader(), &QHeaderView::customContextMenuRequested, this, &LedgerView::showHeaderMenu);
    setItemDelegateForColumn(TransactionModel::DateColumn, new DateDelegate(this));
    setItemDelegateForColumn(TransactionModel::CategoryColumn, m_categoryDelegate);
}

void LedgerView::setLedgerModel(TransactionModel* model)
{
    m_model = model;
    setModel(model);
    auto* header = horizontalHeader();
    header->setSortIndicator(TransactionModel::columnForSortKey(model->sortOrder().key), model->sortOrder().order);
    header->setSectionResizeMode(TransactionModel::MerchantColumn, QHeaderView::Stretch);
    header->resizeSection(TransactionModel::DateColumn,
                          fontMetrics().horizontalAdvance(QStringLiteral("00/00/0000")) + 40);
    header->resizeSection(TransactionModel::CategoryColumn, 200);
    header->resizeSection(TransactionModel::AmountColumn, 130);
    header->resizeSection(TransactionModel::DescriptionColumn, 220);
    header->resizeSection(TransactionModel::NotesColumn, 180);
    header->resizeSection(TransactionModel::SourceColumn, 110);
    setColumnHidden(TransactionModel::DescriptionColumn, true);
    setColumnHidden(TransactionModel::SourceColumn, true);
    connect(model, &TransactionModel::aboutToRefresh, this, &LedgerView::rememberSelection);
    connect(model, &TransactionModel::refreshed, this, &LedgerView::restoreSelection);
    connect(model, &TransactionModel::located, this, [this](qint64 id, int row) {
        if (id != m_pendingReveal)
            return;
        m_pendingReveal = 0;
        if (row < 0) {
            Q_EMIT statusMessage(tr("The new transaction is hidden by the current filter."));
            return;
        }
        const QModelIndex index = m_model->index(row, TransactionModel::MerchantColumn);
        scrollTo(index, QAbstractItemView::PositionAtCenter);
        selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    });
}

QList<int> LedgerView::selectedRows() const
{
    QList<int> rows;
    if (!selectionModel())
        return rows;
    for (const QItemSelectionRange& range : selectionModel()->selection()) {
        for (int row = range.top(); row <= range.bottom(); ++row) {
            if (!rows.contains(row))
                rows << row;
        }
    }
    std::sort(rows.begin(), rows.end());
    return rows;
}

QList<qint64> LedgerView::selectedIds() const
{
    auto ids = m_model->idsForRows(selectedRows());
    return ids ? *ids : QList<qint64>();
}

void LedgerView::reveal(qint64 id)
{
    m_pendingReveal = id;
    m_model->locate(id);
}

void LedgerView::deleteSelected()
{
    const QList<int> rows = selectedRows();
    if (rows.isEmpty())
        return;
    if (rows.size() > MaxDeleteAtOnce) {
        MessageBox::information(
            this, tr("Delete transactions"),
            tr("Select at most %1 transactions to delete at once.").arg(locale().toString(MaxDeleteAtOnce)));
        return;
    }
    if (rows.size() > 100) {
        const auto answer = MessageBox::question(
            this, tr("Delete transactions"),
            tr("Delete %1 transactions? You can undo this with Edit › Undo.").arg(locale().toString(rows.size())));
        if (answer != QMessageBox::Yes)
            return;
    }
    auto ids = m_model->idsForRows(rows);
    if (!ids) {
        MessageBox::warning(this, tr("Delete transactions"), ids.error().message, ids.error().detail);
        return;
    }
    auto removed = m_model->removeTransactions(*ids);
    if (removed)
        Q_EMIT statusMessage(tr("Deleted %Ln transaction(s).", nullptr, int(ids->size())));
}

void LedgerView::setReviewMode(bool on)
{
    if (m_reviewMode == on)
        return;
    m_reviewMode = on;
    m_categoryDelegate->setShowConfidenceText(on);
    viewport()->update();
}

void LedgerView::editCategory()
{
    const QModelIndex current = currentIndex();
    if (!current.isValid())
        return;
    const QModelIndex category = current.siblingAtColumn(TransactionModel::CategoryColumn);
    selectionModel()->setCurrentIndex(category, QItemSelectionModel::NoUpdate);
    edit(category);
}

bool LedgerView::startsTyping(const QKeyEvent* event) const
{
    if (event->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier))
        return false;
    const QString text = event->text();
    return !text.isEmpty() && text.at(0).isPrint() && !text.at(0).isSpace();
}

void LedgerView::acceptCurrentAndAdvance()
{
    const QModelIndex current = currentIndex();
    if (!current.isValid())
        return;
    const int row = current.row();
    const auto t = m_model->transactionAt(row);
    if (!t)
        return;
    if (!t->categoryId) {
        editCategory(); // nothing to accept: choose one
        return;
    }
    if (!t->confirmedByUser)
        Q_EMIT acceptRequested({row});
    advanceFrom(current);
}

void LedgerView::advanceFrom(const QModelIndex& current)
{
    // The accepted row leaves the queue at the next refresh; the row after it becomes current now, and the
    // refresh keeps it current by id.
    const int row = current.row();
    const int next = row + 1 < m_model->rowCount() ? row + 1 : row;
    const QModelIndex target = m_model->index(next, current.column());
    selectionModel()->setCurrentIndex(target, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    scrollTo(target);
}

void LedgerView::closeEditor(QWidget* editor, QAbstractItemDelegate::EndEditHint hint)
{
    const QModelIndex edited = currentIndex();
    QTableView::closeEditor(editor, hint);
    // In the review queue a category chosen in the editor settles the row: go on to the next one.
    if (!m_reviewMode || !edited.isValid() || edited.column() != TransactionModel::CategoryColumn)
        return;
    const auto t = m_model->transactionAt(edited.row());
    if (t && t->confirmedByUser && hint != QAbstractItemDelegate::RevertModelCache)
        advanceFrom(edited);
}

void LedgerView::keyPressEvent(QKeyEvent* event)
{
    if (event->matches(QKeySequence::Delete) && state() != QAbstractItemView::EditingState) {
        deleteSelected();
        event->accept();
        return;
    }
    if (m_reviewMode && state() != QAbstractItemView::EditingState) {
        if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter)
            && !(event->modifiers() & ~Qt::KeypadModifier)) {
            acceptCurrentAndAdvance();
            event->accept();
            return;
        }
        if (startsTyping(event) && currentIndex().isValid()) {
            // Type-ahead: the letters go to the category editor's completer, whatever column is current.
            const QModelIndex category = currentIndex().siblingAtColumn(TransactionModel::CategoryColumn);
            selectionModel()->setCurrentIndex(category, QItemSelectionModel::NoUpdate);
            if (edit(category, QAbstractItemView::AnyKeyPressed, event)) {
                event->accept();
                return;
            }
        }
    }
    QTableView::keyPressEvent(event);
}

std::unique_ptr<QMenu> LedgerView::createContextMenu(const QModelIndex& index)
{
    auto menu = std::make_unique<QMenu>(this);
    menu->setObjectName(QStringLiteral("ledgerContextMenu"));
    QAction* edit = menu->addAction(tr("Edit"));
    edit->setEnabled(m_model->flags(index) & Qt::ItemIsEditable);
    connect(edit, &QAction::triggered, this, [this, index]() { this->edit(index); });
    Q_EMIT contextMenuAboutToShow(menu.get(), index);
    menu->addSeparator();
    const int count = int(selectedRows().size());
    QAction* remove = menu->addAction(tr("Delete %Ln transaction(s)", nullptr, std::max(count, 1)));
    remove->setShortcut(QKeySequence::Delete);
    connect(remove, &QAction::triggered, this, &LedgerView::deleteSelected);
    return menu;
}

void LedgerView::contextMenuEvent(QContextMenuEvent* event)
{
    const QModelIndex index = indexAt(event->pos());
    if (!index.isValid())
        return;
    // A right click outside the selection selects the clicked row, as file managers do.
    if (!selectionModel()->isRowSelected(index.row(), {}))
        selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    std::unique_ptr<QMenu> menu = createContextMenu(index);
    menu->exec(event->globalPos());
}

void LedgerView::showHeaderMenu(const QPoint& position)
{
    QMenu menu(this);
    for (int column = 0; column < m_model->columnCount(); ++column) {
        if (column == TransactionModel::MerchantColumn || column == TransactionModel::AmountColumn)
            continue; // always shown
        QAction* action = menu.addAction(m_model->headerData(column, Qt::Horizontal).toString());
        action->setCheckable(true);
        action->setChecked(!isColumnHidden(column));
        connect(action, &QAction::toggled, this, [this, column](bool shown) { setColumnHidden(column, !shown); });
    }
    menu.exec(horizontalHeader()->mapToGlobal(position));
}

void LedgerView::rememberSelection()
{
    m_rememberedIds.clear();
    for (int row : selectedRows()) {
        if (auto t = m_model->transactionAt(row))
            m_rememberedIds << t->id;
    }
    const auto current = m_model->transactionAt(currentIndex().row());
    m_rememberedCurrent = current ? current->id : 0;
    m_rememberedScroll = verticalScrollBar()->value();
}

void LedgerView::restoreSelection()
{
    if (m_rememberedIds.isEmpty() && m_rememberedCurrent == 0)
        return;
    verticalScrollBar()->setValue(m_rememberedScroll);
    QItemSelection selection;
    QModelIndex current;
    // The rows around the old scroll position are loaded; find the remembered ones among them.
    const int first = std::max(0, rowAt(0) - 64);
    const int last = std::min(m_model->rowCount() - 1, first + 256);
    for (int row = first; row <= last; ++row) {
        const auto t = m_model->transactionAt(row);
        if (!t)
            continue;
        if (m_rememberedIds.contains(t->id))
            selection.select(m_model->index(row, 0), m_model->index(row, m_model->columnCount() - 1));
        if (t->id == m_rememberedCurrent)
            current = m_model->index(row, std::max(0, currentIndex().column()));
    }
    if (!selection.isEmpty())
        selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    if (current.isValid())
        selectionModel()->setCurrentIndex(current, QItemSelectionModel::NoUpdate);
    m_rememberedIds.clear();
    m_rememberedCurrent = 0;
}

QByteArray LedgerView::saveHeaderState() const
{
    return horizontalHeader()->saveState();
}

void LedgerView::restoreHeaderState(const QByteArray& state)
{
    if (state.isEmpty())
        return;
    // Also restores the sort indicator, and with it the remembered sort order of the model.
    horizontalHeader()->restoreState(state);
}

} // namespace Moniagent
