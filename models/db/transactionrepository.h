#pragma once

#include "core/result.h"
#include "core/transactionfilter.h"
#include "transactionquery.h"

#include <QObject>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <functional>

namespace Moniagent {

class Database;

// Lets the categorizer, a service above this library, see every transaction that arrives without a category
// chosen by the user, and every category the user confirms, changes or takes back, whichever part of the app
// made the change (ledger edits, quick entry, receipts, imports, undo).
class CategorizationHook
{
public:
    virtual ~CategorizationHook() = default;
    // Before a transaction is inserted whose category nobody chose yet (categorizedBy None, not confirmed): may
    // set category, confidence and categorized_by. Called on the writing thread.
    virtual void categorize(qint64 userId, Transaction& transaction) const = 0;
    // Inside the write transaction, after a row was inserted (`before` null) or updated so that its confirmed
    // category changed: the user confirmed or chose a category, or one they had confirmed was taken back (undo).
    // The hook may write on the same connection; an error undoes the whole change.
    virtual Result<void> categoryConfirmed(qint64 userId, const Transaction* before, const Transaction& after) = 0;
};

// The ledger table. Every method takes the id of the user it acts for and never touches another user's rows.
// Thread-safe: it keeps no state and uses the calling thread's connection. Change signals may therefore be
// emitted from a worker thread; connect with a context object to receive them queued.
class TransactionRepository : public QObject
{
    Q_OBJECT
public:
    // Bulk progress: rows done so far and the total; return false to cancel (the whole batch is undone).
    using Progress = std::function<bool(qint64 done, qint64 total)>;

    explicit TransactionRepository(Database* database, QObject* parent = nullptr);

    Database* database() const { return m_database; }

    // Checks a transaction before it is written; the message says what to fix.
    static Result<void> validate(const Transaction& transaction);

    Result<qint64> add(qint64 userId, Transaction transaction);
    // Adds many rows in one SQLite transaction: all or nothing. Returns the number added. For loads too big
    // to hold in memory, use TransactionBulkWriter, which takes them chunk by chunk.
    Result<qint64> addMany(qint64 userId, const QList<Transaction>& transactions, const Progress& progress = {});
    // Writes rows back with their original ids, uuids and creation times (undo of a removal).
    Result<void> restore(qint64 userId, const QList<Transaction>& transactions);
    Result<void> update(qint64 userId, const Transaction& transaction);
    // Updates many rows in one SQLite transaction: all or nothing (e.g. re-applying rules, accepting a review).
    Result<void> updateMany(qint64 userId, const QList<Transaction>& transactions);
    Result<void> remove(qint64 userId, const QList<qint64>& ids);

    Result<Transaction> find(qint64 userId, qint64 id) const;
    Result<QList<Transaction>> findMany(qint64 userId, const QList<qint64>& ids) const;
    // The transactions made from one of the user's emails, oldest first.
    Result<QList<Transaction>> findForEmail(qint64 userId, qint64 emailId) const;
    Result<qint64> count(qint64 userId, const TransactionFilter& filter) const;
    Result<LedgerTotals> totals(qint64 userId, const TransactionFilter& filter) const;
    // One page in sort order (reversed when spec.reverse). For the Category sort, use pageByCategory.
    Result<QList<Transaction>> page(const TransactionQuery& query, const TransactionQuery::PageSpec& spec) const;
    // Rows [offset, offset + limit) of the ledger in sort order; convenient for the command line and tests.
    Result<QList<Transaction>> list(qint64 userId, const TransactionFilter& filter, const TransactionSort& sort,
                                    int limit, qint64 offset = 0) const;

    // How many rows precede `cursor` under `query`, and whether transaction `id` matches the query at all.
    Result<std::pair<qint64, bool>> countBefore(const TransactionQuery& query, const TransactionQuery::Cursor& cursor,
                                                qint64 id) const;

    // Whether the user has at least `threshold` transactions matching a text search (a bounded probe).
    Result<bool> searchMatchesAtLeast(qint64 userId, const QString& search, int threshold) const;

    // Category sort support: row counts per category (NULL = uncategorized) under a filter.
    Result<QList<std::pair<std::optional<qint64>, qint64>>> countByCategory(qint64 userId,
                                                                            const TransactionFilter& filter) const;

    // The categorizer (not owned; null for none). Set once by the composition root before any write.
    void setCategorizationHook(CategorizationHook* hook) { m_hook = hook; }
    CategorizationHook* categorizationHook() const { return m_hook; }
    // Whether a change from `before` (null: a new row) to `after` is one the hook's categoryConfirmed() hears of.
    static bool changesConfirmedCategory(const Transaction* before, const Transaction& after);

    // Emits inserted(userId, {}) after a TransactionBulkWriter committed.
    void notifyBulkInsert(qint64 userId) { Q_EMIT inserted(userId, {}); }
    // The same after other bulk statements (an import linked or removed many rows).
    void notifyBulkUpdate(qint64 userId) { Q_EMIT updated(userId, {}); }
    void notifyBulkRemove(qint64 userId) { Q_EMIT removed(userId, {}); }

Q_SIGNALS:
    // Empty `ids` after a bulk operation means "many rows".
    void inserted(qint64 userId, const QList<qint64>& ids);
    void updated(qint64 userId, const QList<qint64>& ids);
    void removed(qint64 userId, const QList<qint64>& ids);

private:
    Result<void> insertOne(const QSqlDatabase& db, qint64 userId, const Transaction& transaction, bool keepIdentity,
                           qint64* newId);
    Result<void> updateOne(const QSqlDatabase& db, qint64 userId, const Transaction& transaction);

    Database* m_database;
    CategorizationHook* m_hook = nullptr;
};

// Reads a row selected with TransactionQuery::columns() starting at column `first`.
Transaction readTransaction(const QSqlQuery& query, int first = 0);

// The columns a new row is written with, and how their values are bound (in that order). `now` is the
// UTC ISO-8601 creation time, bound once per statement rather than computed by SQLite for every row.
constexpr int TransactionRowColumnCount = 20;
QString transactionInsertColumns();
void bindTransaction(QSqlQuery& query, qint64 userId, const Transaction& transaction, const QString& now);

} // namespace Moniagent
