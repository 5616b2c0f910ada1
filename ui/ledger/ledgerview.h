#pragma once

#include <QTableView>

#include <memory>

class QMenu;

namespace Moniagent {

class CategoryDelegate;
class CategoryRepository;
class TransactionModel;

// The ledger table: sortable columns, inline editing with date and category editors, multi-select,
// Delete to remove (undoable), a header menu to show or hide columns, and the selection kept across
// refreshes. Rows have one fixed height, so a million rows cost nothing to lay out.
//
// In review mode (the review queue is shown) Enter accepts the current row's suggestion and moves on, and
// typing opens the category editor with what was typed, whichever column is current.
class LedgerView : public QTableView
{
    Q_OBJECT
public:
    LedgerView(CategoryRepository* categories, qint64 userId, QWidget* parent = nullptr);

    void setLedgerModel(TransactionModel* model);
    TransactionModel* ledgerModel() const { return m_model; }

    // Ids of the selected rows (fetching rows that were never on screen).
    QList<qint64> selectedIds() const;
    QList<int> selectedRows() const;
    // Scrolls to and selects a transaction once the model knows where it is.
    void reveal(qint64 id);

    QByteArray saveHeaderState() const;
    void restoreHeaderState(const QByteArray& state);

    bool reviewMode() const { return m_reviewMode; }
    void setReviewMode(bool on);
    CategoryDelegate* categoryDelegate() const { return m_categoryDelegate; }

    // The menu shown for a right click on `index` (others add to it through contextMenuAboutToShow).
    std::unique_ptr<QMenu> createContextMenu(const QModelIndex& index);

public Q_SLOTS:
    void deleteSelected();
    // Opens the category editor of the current row.
    void editCategory();

Q_SIGNALS:
    void statusMessage(const QString& message);
    // The user accepted the suggestions of these rows (Enter in review mode).
    void acceptRequested(const QList<int>& rows);
    // Lets the page add its actions for the clicked row to the context menu before it is shown.
    void contextMenuAboutToShow(QMenu* menu, const QModelIndex& index);

protected:
    void keyPressEvent(QKeyEvent* event) override;
    void closeEditor(QWidget* editor, QAbstractItemDelegate::EndEditHint hint) override;
    void contextMenuEvent(QContextMenuEvent* event) override;

private:
    void showHeaderMenu(const QPoint& position);
    void rememberSelection();
    void restoreSelection();
    void acceptCurrentAndAdvance();
    void advanceFrom(const QModelIndex& current);
    bool startsTyping(const QKeyEvent* event) const;

    TransactionModel* m_model = nullptr;
    CategoryRepository* m_categories;
    qint64 m_userId;
    QList<qint64> m_rememberedIds;
    qint64 m_rememberedCurrent = 0;
    int m_rememberedScroll = 0;
    qint64 m_pendingReveal = 0;
    CategoryDelegate* m_categoryDelegate;
    bool m_reviewMode = false;
};

} // namespace Moniagent
