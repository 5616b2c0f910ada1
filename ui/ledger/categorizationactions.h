#pragma once

#include "core/result.h"
#include "core/transaction.h"

#include <QObject>
#include <QPointer>

class QMenu;
class QModelIndex;
class QWidget;

namespace Moniagent {

class Categorizer;
class CategoryRepository;
class LedgerView;
class TransactionModel;
class TransactionRepository;

// What the ledger can do with categories beyond editing a cell: accept suggestions (one row, the selection, or
// every row the filters show), "Always categorize “<store>” as …" (an exact-match rule, then optionally applied
// to the store's unconfirmed transactions) and "Why this category?". Every change to transactions is one undo
// step through the ledger model; the categorizer hears of confirmations and corrections through the repository.
class CategorizationActions : public QObject
{
    Q_OBJECT
public:
    static constexpr int MaxAcceptAtOnce = 50000;

    CategorizationActions(Categorizer* categorizer, TransactionRepository* transactions, CategoryRepository* categories,
                          LedgerView* view, QObject* parent = nullptr);

    // Confirms the suggestions among these rows (rows without one or already confirmed are skipped; rows not
    // loaded yet are read) in one undo step; returns how many were confirmed.
    Result<int> acceptRows(const QList<int>& rows);
    // Confirms every suggestion in the ledger as filtered now, in one undo step.
    Result<int> acceptAllVisible();
    // Makes or updates the exact-match rule for the transaction's store and offers to apply it.
    Result<void> alwaysCategorize(const Transaction& transaction, qint64 categoryId);
    void explain(const Transaction& transaction);

    // Adds the categorization entries for the clicked row to the ledger's context menu.
    void addContextActions(QMenu* menu, const QModelIndex& index);

Q_SIGNALS:
    void statusMessage(const QString& message);

private:
    Result<int> accept(const QList<Transaction>& transactions);
    // The transactions of these rows, reading the ones not loaded yet.
    Result<QList<Transaction>> transactionsAt(const QList<int>& rows) const;
    QString categoryName(qint64 id) const;
    QWidget* window() const;

    Categorizer* m_categorizer;
    TransactionRepository* m_transactions;
    CategoryRepository* m_categories;
    QPointer<LedgerView> m_view;
    TransactionModel* m_model;
};

} // namespace Moniagent
