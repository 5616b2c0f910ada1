#pragma once

#include "core/result.h"
#include "core/transaction.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <functional>

namespace Moniagent {

// Writes many ledger rows as fast as SQLite allows, inside the caller's transaction (so the whole load
// stays all or nothing): begin(), write() as often as needed, finish(). Rows go in 64 per statement. The
// full-text index and the monthly totals are filled in one statement each at the end instead of by the
// per-row triggers. For a load that
// is large compared with the ledger (a demo, a first import of years of history), the secondary indexes
// and the per-row same-user check are dropped and rebuilt in finish(), several times faster than keeping
// them up to date row by row; the same-user rule is then checked once per write(). Every dropped schema
// object is recreated from its own stored SQL before the transaction commits; if anything fails, the
// caller's rollback brings them back, so no connection ever sees the schema without them.
//
// Run it in the outermost transaction: inside a savepoint SQLite keeps an in-memory statement journal whose
// truncation after each statement walks everything journaled since the savepoint began.
class BulkInsert
{
    Q_DECLARE_TR_FUNCTIONS(Moniagent::BulkInsert)

public:
    using Progress = std::function<bool(qint64 done, qint64 total)>;

    static constexpr int RowsPerStatement = 64;
    // Loads at least this big, and at least half the size of the existing ledger, rebuild the indexes.
    static constexpr qint64 RebuildThreshold = 20000;

    BulkInsert(QSqlDatabase db, qint64 userId);
    ~BulkInsert();
    BulkInsert(const BulkInsert&) = delete;
    BulkInsert& operator=(const BulkInsert&) = delete;

    // `expectedRows` decides whether the indexes are rebuilt.
    Result<void> begin(qint64 expectedRows);
    // Rows validated by the caller; `progress` sees rows written by this call.
    Result<qint64> write(const QList<Transaction>& rows, const Progress& progress = {});
    Result<void> finish();

    bool rebuildsIndexes() const { return m_rebuild; }
    // Rows with a valid createdAt keep their creation and update times (a restore) instead of now.
    void setKeepTimestamps(bool keep) { m_keepTimestamps = keep; }
    // Whether a load of `rows` rows would rebuild the indexes.
    static Result<bool> rebuildsIndexes(const QSqlDatabase& db, qint64 rows);

private:
    struct SchemaObject
    {
        QString type;
        QString name;
        QString sql;
    };

    Result<void> checkOwnership(const QList<Transaction>& rows) const;
    void restoreCacheSize();

    QSqlDatabase m_db;
    qint64 m_userId;
    bool m_rebuild = false;
    bool m_cacheRaised = false;
    bool m_keepTimestamps = false;
    qint64 m_firstNewId = 0;
    QList<SchemaObject> m_suspended;
    QSqlQuery m_many;
    QSqlQuery m_one;
};

} // namespace Moniagent
