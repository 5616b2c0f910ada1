#include "ledgerrows.h"

#include "db/transactionrepository.h"

namespace Moniagent {

LedgerRows::LedgerRows(const TransactionRepository* repository, qint64 userId, TransactionFilter filter, int pageSize)
    : m_repository(repository)
    , m_userId(userId)
    , m_query(userId, std::move(filter), TransactionSort {TransactionSortKey::Date, Qt::AscendingOrder})
    , m_pageSize(qMax(1, pageSize))
{ }

Result<qint64> LedgerRows::count() const
{
    return m_repository->count(m_userId, m_query.filter());
}

Result<QList<Transaction>> LedgerRows::next()
{
    if (m_done)
        return QList<Transaction>();
    TransactionQuery::PageSpec spec;
    spec.after = m_after;
    spec.limit = m_pageSize;
    auto page = m_repository->page(m_query, spec);
    if (!page)
        return page.error();
    if (page->size() < m_pageSize)
        m_done = true;
    if (!page->isEmpty())
        m_after = m_query.cursorOf(page->constLast());
    return page;
}

void LedgerRows::rewind()
{
    m_after.reset();
    m_done = false;
}

} // namespace Moniagent
