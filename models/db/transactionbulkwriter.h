#pragma once

#include "bulkinsert.h"
#include "sqltransaction.h"

#include <memory>

namespace Moniagent {

class TransactionRepository;

// A large load of new transactions for one user, written chunk by chunk in one SQLite transaction:
// nothing is visible until commit(), and destroying the writer without committing undoes everything.
// Use it as the outermost transaction (see BulkInsert). Only one chunk needs to be in memory at a time.
//
//   TransactionBulkWriter writer(&repository, userId, expectedRows);
//   if (auto started = writer.start(); !started) …
//   for (each chunk) if (auto written = writer.write(chunk); !written) …
//   auto added = writer.commit();
class TransactionBulkWriter
{
public:
    TransactionBulkWriter(TransactionRepository* repository, qint64 userId, qint64 expectedRows);
    ~TransactionBulkWriter();

    // Keep the rows' own creation and update times (a restore); call before start().
    void setKeepTimestamps(bool keep) { m_keepTimestamps = keep; }

    Result<void> start();
    // Validates and writes a chunk; `progress` sees the rows of this chunk.
    Result<qint64> write(const QList<Transaction>& rows, const BulkInsert::Progress& progress = {});
    // Finishes the indexes, commits, and tells the repository's listeners. Returns the rows added.
    Result<qint64> commit();

private:
    TransactionRepository* m_repository;
    qint64 m_userId;
    qint64 m_expectedRows;
    qint64 m_written = 0;
    bool m_keepTimestamps = false;
    std::unique_ptr<SqlTransaction> m_transaction;
    std::unique_ptr<BulkInsert> m_insert;
};

} // namespace Moniagent
