#pragma once

#include "core/result.h"
#include "core/transactionfilter.h"
#include "db/transactionquery.h"

#include <QList>

#include <optional>

namespace Moniagent {

class TransactionRepository;

// The rows of a filtered ledger, oldest first (ties by id), one page at a time. Pages are addressed by key,
// so the last page of a million rows costs what the first does and only one page is ever in memory: what
// exports and backups read instead of loading the ledger. Not thread-safe: one reader per thread.
class LedgerRows
{
public:
    static constexpr int DefaultPageSize = 5000;

    LedgerRows(const TransactionRepository* repository, qint64 userId, TransactionFilter filter = {},
               int pageSize = DefaultPageSize);

    qint64 userId() const { return m_userId; }
    const TransactionFilter& filter() const { return m_query.filter(); }

    // How many rows the filter matches.
    Result<qint64> count() const;
    // The next page; empty once every row was read.
    Result<QList<Transaction>> next();
    // Starts again from the oldest row.
    void rewind();

private:
    const TransactionRepository* m_repository;
    qint64 m_userId;
    TransactionQuery m_query;
    int m_pageSize;
    std::optional<TransactionQuery::Cursor> m_after;
    bool m_done = false;
};

} // namespace Moniagent
