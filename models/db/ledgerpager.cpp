#include "ledgerpager.h"

#include "sql.h"
#include "transactionrepository.h"

#include <QCoreApplication>

#include <algorithm>

namespace Moniagent {

LedgerPager::LedgerPager(const TransactionRepository* repository, Spec spec)
    : m_repository(repository)
    , m_spec(std::move(spec))
    , m_query(m_spec.userId, m_spec.filter, m_spec.sort)
{
    m_spec.pageSize = std::max(1, m_spec.pageSize);
}

Result<qint64> LedgerPager::count()
{
    if (m_count)
        return *m_count;
    auto counted = m_repository->count(m_spec.userId, m_spec.filter);
    if (!counted)
        return counted.error();
    m_count = *counted;
    return *m_count;
}

Result<QList<Transaction>> LedgerPager::page(int index)
{
    if (index < 0)
        return QList<Transaction>();
    if (m_spec.sort.key == TransactionSortKey::Category)
        return bucketRows(qint64(index) * m_spec.pageSize, m_spec.pageSize);
    return keysetPage(index);
}

Result<void> LedgerPager::choosePlan()
{
    if (m_planChosen)
        return {};
    m_planChosen = true;
    if (TransactionQuery::ftsQuery(m_spec.filter.search).isEmpty())
        return {};
    auto dense = m_repository->searchMatchesAtLeast(m_spec.userId, m_spec.filter.search, DenseSearch);
    if (!dense)
        return dense.error();
    if (*dense)
        m_query = TransactionQuery(m_spec.userId, m_spec.filter, m_spec.sort, TransactionQuery::SearchPlan::FromIndex);
    return {};
}

Result<QList<Transaction>> LedgerPager::keysetPage(int index)
{
    auto planned = choosePlan();
    if (!planned)
        return planned.error();
    const qint64 size = m_spec.pageSize;
    const qint64 start = qint64(index) * size;
    qint64 end = start + size;
    if (m_count) {
        if (start >= *m_count)
            return QList<Transaction>();
        end = std::min(end, *m_count);
    }

    // Choose the cheapest way in: the smallest number of index entries to step over.
    TransactionQuery::PageSpec best;
    best.limit = int(end - start);
    best.offset = start;
    auto lower = m_bounds.lowerBound(index); // first known page >= index
    if (lower != m_bounds.begin()) {
        auto before = std::prev(lower);
        if (before->size == size) { // full pages only: their end is exactly (q + 1) * size
            const qint64 offset = start - qint64(before.key() + 1) * size;
            if (offset < best.offset) {
                best.after = before->last;
                best.offset = offset;
            }
        }
    }
    if (m_count) {
        const qint64 fromEnd = *m_count - end;
        if (fromEnd < best.offset) {
            best = {};
            best.reverse = true;
            best.limit = int(end - start);
            best.offset = fromEnd;
        }
    }
    if (lower != m_bounds.end() && lower.key() > index) {
        const qint64 offset = qint64(lower.key()) * size - end;
        if (offset >= 0 && offset < best.offset) {
            best = {};
            best.reverse = true;
            best.after = lower->first;
            best.limit = int(end - start);
            best.offset = offset;
        }
    }

    auto fetched = m_repository->page(m_query, best);
    if (!fetched)
        return fetched.error();
    QList<Transaction> rows = std::move(*fetched);
    if (best.reverse)
        std::reverse(rows.begin(), rows.end());
    if (!rows.isEmpty())
        m_bounds.insert(index,
                        Bounds {m_query.cursorOf(rows.first()), m_query.cursorOf(rows.last()), int(rows.size())});
    return rows;
}

Result<QList<Transaction>> LedgerPager::rows(qint64 start, qint64 length)
{
    QList<Transaction> result;
    if (length <= 0 || start < 0)
        return result;
    if (m_spec.sort.key == TransactionSortKey::Category)
        return bucketRows(start, length);
    const qint64 size = m_spec.pageSize;
    for (qint64 index = start / size; index * size < start + length; ++index) {
        auto fetched = keysetPage(int(index));
        if (!fetched)
            return fetched.error();
        const qint64 pageStart = index * size;
        for (qint64 i = 0; i < fetched->size(); ++i) {
            const qint64 row = pageStart + i;
            if (row >= start && row < start + length)
                result.append(fetched->at(i));
        }
        if (fetched->size() < size)
            break;
    }
    return result;
}

TransactionFilter LedgerPager::bucketFilter(const std::optional<qint64>& categoryId) const
{
    TransactionFilter filter = m_spec.filter;
    filter.categoryIds.clear();
    filter.uncategorized = !categoryId.has_value();
    if (categoryId)
        filter.categoryIds = {*categoryId};
    return filter;
}

Result<void> LedgerPager::ensureBuckets()
{
    if (m_buckets)
        return {};
    auto counts = m_repository->countByCategory(m_spec.userId, m_spec.filter);
    if (!counts)
        return counts.error();
    QList<std::optional<qint64>> order = m_spec.categoryOrder;
    for (const auto& [category, n] : *counts) {
        Q_UNUSED(n);
        if (!order.contains(category))
            order.append(category);
    }
    if (m_spec.sort.order == Qt::DescendingOrder)
        std::reverse(order.begin(), order.end());
    QList<Bucket> buckets;
    qint64 start = 0;
    for (const auto& category : std::as_const(order)) {
        const auto found = std::find_if(counts->cbegin(), counts->cend(),
                                        [&](const auto& entry) { return entry.first == category; });
        if (found == counts->cend() || found->second == 0)
            continue;
        buckets.append(Bucket {category, start, found->second});
        start += found->second;
    }
    m_buckets = buckets;
    m_count = start;
    return {};
}

Result<QList<Transaction>> LedgerPager::bucketRows(qint64 start, qint64 length)
{
    auto ready = ensureBuckets();
    if (!ready)
        return ready.error();
    QList<Transaction> result;
    qint64 position = start;
    const qint64 end = start + length;
    for (const Bucket& bucket : std::as_const(*m_buckets)) {
        if (position >= end)
            break;
        if (bucket.start + bucket.size <= position)
            continue;
        const qint64 offset = position - bucket.start;
        const qint64 take = std::min(bucket.size - offset, end - position);
        // Inside a category, newest first, served by the (user, category, date) index.
        auto fetched = m_repository->list(m_spec.userId, bucketFilter(bucket.categoryId),
                                          {TransactionSortKey::Date, Qt::DescendingOrder}, int(take), offset);
        if (!fetched)
            return fetched.error();
        result.append(*fetched);
        position += take;
    }
    return result;
}

Result<qint64> LedgerPager::rowOf(qint64 id)
{
    auto transaction = m_repository->find(m_spec.userId, id);
    if (!transaction)
        return transaction.error();
    const auto notShown = Error::notFound(
        QCoreApplication::translate("Moniagent::LedgerPager", "The transaction is hidden by the current filter."));

    if (m_spec.sort.key == TransactionSortKey::Category) {
        auto ready = ensureBuckets();
        if (!ready)
            return ready.error();
        for (const Bucket& bucket : std::as_const(*m_buckets)) {
            if (bucket.categoryId != transaction->categoryId)
                continue;
            const TransactionQuery inBucket(m_spec.userId, bucketFilter(bucket.categoryId),
                                            {TransactionSortKey::Date, Qt::DescendingOrder});
            auto matches = m_repository->countBefore(inBucket, inBucket.cursorOf(*transaction), id);
            if (!matches)
                return matches.error();
            if (!matches->second)
                return notShown;
            return bucket.start + matches->first;
        }
        return notShown;
    }
    auto matches = m_repository->countBefore(m_query, m_query.cursorOf(*transaction), id);
    if (!matches)
        return matches.error();
    if (!matches->second)
        return notShown;
    return matches->first;
}

} // namespace Moniagent
