#pragma once

#include <QTableView>

namespace Moniagent {

class CategoryRepository;
class TransactionModel;

// The ledger table: sortable columns, inline editing with date and category editors, multi-select,
// Delete to remove (undoable), a header menu to show or hide columns, and the selection kept across
// refreshes. Rows have one fixed height, so a million rows cost nothing to lay out.
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

public Q_SLOTS:
    void deleteSelected();

Q_SIGNALS:
    void statusMessage(const QString& message);

protected:
    void keyPressEvent(QKeyEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;

private:
    void showHeaderMenu(const QPoint& position);
    void rememberSelection();
    void restoreSelection();

    TransactionModel* m_model = nullptr;
    CategoryRepository* m_categories;
    qint64 m_userId;
    QList<qint64> m_rememberedIds;
    qint64 m_rememberedCurrent = 0;
    int m_rememberedScroll = 0;
    qint64 m_pendingReveal = 0;
};

} // namespace Moniagent
