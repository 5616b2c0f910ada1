#pragma once

#include "core/result.h"
#include "core/transactionfilter.h"
#include "transactionquery.h"

#include <QMap>

#include <optional>

namespace Moniagent {

class TransactionRepository;

// Random access to the rows of a filtered, sorted ledger without loading it. Row ranges are served by
// key from the nearest known page boundary (or either end), so scrolling, jumping to the end and
// jumping back cost a short index walk, not a scan. The Category sort walks one category at a time in
// the given order using the (user, category, date) index. Not thread-safe: one pager per thread.
class LedgerPager
{
public:
    struct Spec
    {
        qint64 userId = 0;
        TransactionFilter filter;
        TransactionSort sort;
        // For TransactionSortKey::Category: the categories in ascending display order (nullopt = uncategorized).
        QList<std::optional<qint64>> categoryOrder;
        int pageSize = 128;
    };

    // A text search with at least this many matches is paged by walking the sort index.
    static constexpr int DenseSearch = 5000;

    LedgerPager(const TransactionRepository* repository, Spec spec);

    const Spec& spec() const { return m_spec; }

    Result<qint64> count();
    // A count obtained elsewhere for the same spec (it lets the pager come from the end of the ledger).
    void setKnownCount(qint64 count)
    {
        if (!m_count)
            m_count = count;
    }
    // Rows [index * pageSize, …): a full page except possibly the last.
    Result<QList<Transaction>> page(int index);
    // Any row range, page by page.
    Result<QList<Transaction>> rows(qint64 start, qint64 length);
    // The row at which a transaction shows under this filter and order; NotFound if it does not match.
    Result<qint64> rowOf(qint64 id);

private:
    struct Bounds
    {
        TransactionQuery::Cursor first;
        TransactionQuery::Cursor last;
        int size = 0;
    };
    struct Bucket
    {
        std::optional<qint64> categoryId;
        qint64 start = 0;
        qint64 size = 0;
    };

    Result<QList<Transaction>> keysetPage(int index);
    Result<void> choosePlan();
    Result<QList<Transaction>> bucketRows(qint64 start, qint64 length);
    Result<void> ensureBuckets();
    TransactionFilter bucketFilter(const std::optional<qint64>& categoryId) const;

    const TransactionRepository* m_repository;
    Spec m_spec;
    TransactionQuery m_query;
    bool m_planChosen = false;
    std::optional<qint64> m_count;
    QMap<int, Bounds> m_bounds;
    std::optional<QList<Bucket>> m_buckets;
};

} // namespace Moniagent
