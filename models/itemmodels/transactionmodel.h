#pragma once

#include "core/category.h"
#include "core/result.h"
#include "core/transactionfilter.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QLocale>
#include <QPointer>
#include <QSet>
#include <QTimer>
#include <QUndoStack>

#include <optional>

namespace Moniagent {

class CategoryRepository;
class LedgerFetcher;
class TransactionRepository;

// The ledger as a table model that stays instant with millions of rows. It never loads the ledger: the
// row count comes from SQL, rows arrive page by page (by key) from worker threads, sorting and filtering
// are SQL, and text search is FTS5. Rows not yet loaded read as empty (LoadedRole false) and fill in with
// dataChanged a few milliseconds later. A query change or an outside change is applied in one step once
// its count and visible pages are in, so views neither flicker nor show half-updated data.
//
// DisplayRole is formatted for the model's locale; the custom roles return raw values. Edits go through
// the repository as undoable commands when an undo stack is set.
class TransactionModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        DateColumn,
        MerchantColumn,
        DescriptionColumn,
        CategoryColumn,
        AmountColumn,
        NotesColumn,
        SourceColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role
    {
        IdRole = Qt::UserRole + 1,
        RawValueRole, // sort value of the column: QDate, signed minor units, text, category name
        AmountMinorRole, // signed minor units (expenses negative)
        CurrencyRole,
        TypeRole, // int(TransactionType)
        CategoryIdRole, // qint64, or invalid when uncategorized
        CategoryColorRole, // QColor
        CategoryIconRole, // icon key, e.g. "cart"
        SourceRole, // int(TransactionSource)
        ConfirmedRole,
        ConfidenceRole, // double 0..1, or invalid
        CategorizedByRole, // int(CategorizedBy)
        LoadedRole, // false while the row's page is being fetched
        TransactionRole, // QVariant<Transaction>
    };
    Q_ENUM(Role)

    static constexpr int PageSize = 128;

    TransactionModel(TransactionRepository* transactions, CategoryRepository* categories, qint64 userId,
                     QObject* parent = nullptr);
    ~TransactionModel() override;

    qint64 userId() const { return m_userId; }
    void setUndoStack(QUndoStack* stack) { m_undoStack = stack; }
    QUndoStack* undoStack() const { return m_undoStack; }
    void setLocale(const QLocale& locale);
    const QLocale& locale() const { return m_locale; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    QHash<int, QByteArray> roleNames() const override;

    const TransactionFilter& filter() const { return m_filter; }
    void setFilter(const TransactionFilter& filter);
    const TransactionSort& sortOrder() const { return m_sort; }
    static int columnForSortKey(TransactionSortKey key);

    // True until the first count has arrived, and while a query change or refresh is in flight.
    bool isLoading() const { return m_pending.has_value() || !m_countKnown; }
    const LedgerTotals& totals() const { return m_totals; }
    bool totalsKnown() const { return m_totalsKnown; }

    // The row's transaction if its page is loaded.
    std::optional<Transaction> transactionAt(int row) const;
    // Ids of the given rows, fetching rows that are not loaded (for acting on a selection).
    Result<QList<qint64>> idsForRows(const QList<int>& rows) const;
    // Asks where a transaction is under the current filter and order; answers with located().
    void locate(qint64 id);

    // Undoable edits (applied directly when no undo stack is set).
    Result<qint64> addTransaction(const Transaction& transaction);
    Result<void> updateTransaction(const Transaction& before, const Transaction& after, const QString& description);
    // Many rows changed in one step (one SQLite transaction, one undo step).
    Result<void> updateTransactions(const QList<Transaction>& before, const QList<Transaction>& after,
                                    const QString& description);
    Result<void> removeTransactions(const QList<qint64>& ids);

    // Re-reads count, visible rows and totals, keeping the rows in place when their number is unchanged.
    void refresh();

Q_SIGNALS:
    void loadingChanged(bool loading);
    void countChanged(qint64 count);
    void totalsChanged();
    void located(qint64 id, int row); // row -1: not shown under the current filter
    void errorOccurred(const QString& message);
    // Around a refresh that changes the number of rows (a model reset): views save and restore selection.
    void aboutToRefresh();
    void refreshed();

private:
    struct Pending
    {
        quint64 generation = 0;
        std::optional<qint64> count;
        QSet<int> waiting;
        QHash<int, QList<Transaction>> pages;
        bool queryChanged = false;
        std::optional<std::pair<qint64, qint64>> located;
    };

    void reloadCategories();
    void startGeneration(QSet<int> pages, bool queryChanged);
    void tryApply();
    void requestPage(int index) const;
    const Transaction* row(int row) const;
    void touch(int page) const;
    void evictPages();
    void scheduleRefresh(qint64 userId);
    void patchCachedRow(const Transaction& transaction);
    QVariant display(const Transaction& t, int column) const;
    QVariant edit(const Transaction& t, int column) const;
    QVariant rawValue(const Transaction& t, int column) const;
    QString toolTip(const Transaction& t, int column) const;
    Error reportError(const Error& error);

    void onCountReady(quint64 generation, qint64 count);
    void onPageReady(quint64 generation, int index, const QList<Transaction>& rows);
    void onTotalsReady(quint64 generation, const LedgerTotals& totals);
    void onLocated(quint64 generation, qint64 id, qint64 row);
    void onFailed(quint64 generation, const QString& message);

    TransactionRepository* m_transactions;
    CategoryRepository* m_categories;
    qint64 m_userId;
    QPointer<QUndoStack> m_undoStack;
    QLocale m_locale;
    LedgerFetcher* m_fetcher;
    QTimer m_refreshTimer;

    TransactionFilter m_filter;
    TransactionSort m_sort;
    QHash<qint64, Category> m_categoryInfo;
    QList<std::optional<qint64>> m_categoryOrder;

    quint64 m_lastGeneration = 0; // newest started
    quint64 m_generation = 0; // currently shown
    qint64 m_count = 0;
    bool m_countKnown = false;
    std::optional<Pending> m_pending;
    mutable QHash<int, QList<Transaction>> m_pages;
    mutable QHash<int, quint64> m_pageStamps;
    mutable quint64 m_stamp = 0;
    mutable QSet<int> m_requested;
    LedgerTotals m_totals;
    bool m_totalsKnown = false;
};

} // namespace Moniagent
