#pragma once

#include "core/result.h"
#include "core/transaction.h"

#include <QSqlDatabase>

#include <functional>

namespace Moniagent {

// Writes many ledger rows as fast as SQLite allows, inside the caller's transaction (so the whole batch
// stays all or nothing). Rows go in 64 per statement. The full-text index is filled in one statement at
// the end instead of by the per-row trigger. For a load that is large compared with the ledger (a demo,
// a first import of years of history), the secondary indexes and the per-row same-user check are dropped
// and rebuilt afterwards, which is several times faster than maintaining them row by row; the same-user
// rule is then checked once for the whole batch. Every dropped schema object is recreated from its own
// stored SQL before the transaction commits, so other connections never see the schema without them.
class BulkInsert
{
public:
    using Progress = std::function<bool(qint64 done, qint64 total)>;

    static constexpr int RowsPerStatement = 64;
    // Loads at least this big, and at least half the size of the existing ledger, rebuild the indexes.
    static constexpr qint64 RebuildThreshold = 20000;

    // `rows` are validated by the caller. Returns the id of the first new row.
    static Result<qint64> run(const QSqlDatabase& db, qint64 userId, const QList<Transaction>& rows,
                              const Progress& progress);

    // Whether run() would rebuild the indexes for a batch of `rows` rows (exposed for tests).
    static Result<bool> rebuildsIndexes(const QSqlDatabase& db, qint64 rows);

private:
    static Result<void> checkOwnership(const QSqlDatabase& db, qint64 userId, const QList<Transaction>& rows);
};

} // namespace Moniagent
