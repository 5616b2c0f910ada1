#include "reviewcounter.h"

#include "db/transactionrepository.h"

#include <QtConcurrent/QtConcurrentRun>

namespace Moniagent {

ReviewCounter::ReviewCounter(TransactionRepository* transactions, qint64 userId, QObject* parent)
    : QObject(parent)
    , m_transactions(transactions)
    , m_userId(userId)
{
    m_pool.setMaxThreadCount(1);
    // Bursts of changes (an import, "accept all") are counted once.
    m_delay.setSingleShot(true);
    m_delay.setInterval(60);
    connect(&m_delay, &QTimer::timeout, this, &ReviewCounter::start);
    connect(&m_watcher, &QFutureWatcher<qint64>::finished, this, &ReviewCounter::finished);
    const auto changed = [this](qint64 user) {
        if (user == m_userId)
            recount();
    };
    // The repository may report from a worker thread; `this` as context makes these queued.
    connect(m_transactions, &TransactionRepository::inserted, this, changed);
    connect(m_transactions, &TransactionRepository::updated, this, changed);
    connect(m_transactions, &TransactionRepository::removed, this, changed);
    start();
}

ReviewCounter::~ReviewCounter()
{
    m_watcher.disconnect(this);
    m_pool.waitForDone();
}

void ReviewCounter::setThreshold(double threshold)
{
    if (qFuzzyCompare(threshold, m_threshold))
        return;
    m_threshold = threshold;
    recount();
}

void ReviewCounter::recount()
{
    m_delay.start();
}

void ReviewCounter::start()
{
    if (m_watcher.isRunning()) {
        m_again = true;
        return;
    }
    TransactionFilter filter;
    filter.reviewBelow = m_threshold;
    TransactionRepository* transactions = m_transactions;
    const qint64 user = m_userId;
    m_watcher.setFuture(QtConcurrent::run(&m_pool, [transactions, user, filter]() -> qint64 {
        auto count = transactions->count(user, filter);
        return count ? *count : -1;
    }));
}

void ReviewCounter::finished()
{
    const qint64 count = m_watcher.result();
    if (m_again) {
        m_again = false;
        start();
    }
    if (count < 0 || count == m_count)
        return;
    m_count = count;
    Q_EMIT countChanged(count);
}

} // namespace Moniagent
