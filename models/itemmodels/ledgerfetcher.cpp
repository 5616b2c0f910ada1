#include "ledgerfetcher.h"

#include "core/logging.h"
#include "db/transactionrepository.h"

#include <QMutex>
#include <QThread>
#include <QWaitCondition>

#include <functional>
#include <optional>

namespace Moniagent {

// The generation and spec the workers should serve; written by the GUI thread, read by the workers.
struct LedgerFetcher::State
{
    QMutex mutex;
    quint64 generation = 0;
    LedgerPager::Spec spec;
    std::optional<qint64> count; // of the current generation, once known

    void setCount(quint64 g, qint64 n)
    {
        QMutexLocker locker(&mutex);
        if (g == generation)
            count = n;
    }
    std::optional<qint64> knownCount(quint64 g)
    {
        QMutexLocker locker(&mutex);
        return g == generation ? count : std::nullopt;
    }

    std::pair<quint64, LedgerPager::Spec> snapshot()
    {
        QMutexLocker locker(&mutex);
        return {generation, spec};
    }
    bool isCurrent(quint64 g)
    {
        QMutexLocker locker(&mutex);
        return g == generation;
    }
};

// One worker thread running keyed jobs, newest first; a job with the same key replaces the queued one.
class LedgerFetcher::Lane
{
public:
    using Job = std::function<void()>;

    explicit Lane(const QString& name)
    {
        m_thread.reset(QThread::create([this]() { run(); }));
        m_thread->setObjectName(name);
        m_thread->start();
    }
    ~Lane()
    {
        {
            QMutexLocker locker(&m_mutex);
            m_stop = true;
            m_jobs.clear();
        }
        m_wake.wakeAll();
        m_thread->wait();
    }

    void post(const QString& key, Job job)
    {
        {
            QMutexLocker locker(&m_mutex);
            for (qsizetype i = 0; i < m_jobs.size(); ++i) {
                if (m_jobs.at(i).first == key) {
                    m_jobs.removeAt(i);
                    break;
                }
            }
            m_jobs.append({key, std::move(job)});
            // Requests for pages scrolled past long ago are not worth running.
            while (m_jobs.size() > 24)
                m_jobs.removeFirst();
        }
        m_wake.wakeOne();
    }

    void clear()
    {
        QMutexLocker locker(&m_mutex);
        m_jobs.clear();
    }

private:
    void run()
    {
        while (true) {
            Job job;
            {
                QMutexLocker locker(&m_mutex);
                while (!m_stop && m_jobs.isEmpty())
                    m_wake.wait(&m_mutex);
                if (m_stop)
                    return;
                // Counts first (everything else waits for the row count), then the newest request.
                qsizetype pick = m_jobs.size() - 1;
                for (qsizetype i = 0; i < m_jobs.size(); ++i) {
                    if (m_jobs.at(i).first == QLatin1String("count")) {
                        pick = i;
                        break;
                    }
                }
                job = std::move(m_jobs[pick].second);
                m_jobs.removeAt(pick);
            }
            job();
        }
    }

    QMutex m_mutex;
    QWaitCondition m_wake;
    QList<std::pair<QString, Job>> m_jobs;
    bool m_stop = false;
    std::unique_ptr<QThread> m_thread;
};

namespace {
// The rows lane keeps one pager (with its page-boundary cache) per generation.
struct PagerCache
{
    quint64 generation = 0;
    std::unique_ptr<LedgerPager> pager;
};
} // namespace

LedgerFetcher::LedgerFetcher(const TransactionRepository* repository, QObject* parent)
    : QObject(parent)
    , m_state(std::make_shared<State>())
{
    qRegisterMetaType<QList<Moniagent::Transaction>>();
    qRegisterMetaType<Moniagent::LedgerTotals>();
    m_rows = std::make_unique<Lane>(QStringLiteral("ledger rows"));
    m_aggregates = std::make_unique<Lane>(QStringLiteral("ledger totals"));

    // The pager lives in the rows lane's thread and is only touched by its jobs.
    auto cache = std::make_shared<PagerCache>();
    m_pager = [cache, repository, state = m_state](quint64 generation) -> LedgerPager* {
        if (!cache->pager || cache->generation != generation) {
            const auto [current, spec] = state->snapshot();
            if (current != generation)
                return nullptr;
            cache->pager = std::make_unique<LedgerPager>(repository, spec);
            cache->generation = generation;
        }
        if (const auto count = state->knownCount(generation))
            cache->pager->setKnownCount(*count); // counted on the other lane
        return cache->pager.get();
    };
    m_repository = repository;
}

LedgerFetcher::~LedgerFetcher()
{
    // Lanes join their threads before this object (which they emit through) goes away.
    m_rows.reset();
    m_aggregates.reset();
}

void LedgerFetcher::start(quint64 generation, const LedgerPager::Spec& spec)
{
    {
        QMutexLocker locker(&m_state->mutex);
        m_state->generation = generation;
        m_state->spec = spec;
        m_state->count.reset();
    }
    m_rows->clear();
    m_aggregates->clear();
}

void LedgerFetcher::requestCount()
{
    // On the aggregates lane, so the count and the first page are computed at the same time.
    const auto [generation, spec] = m_state->snapshot();
    m_aggregates->post(QStringLiteral("count"), [this, generation, userId = spec.userId, filter = spec.filter]() {
        if (!m_state->isCurrent(generation))
            return;
        auto count = m_repository->count(userId, filter);
        if (!count) {
            Q_EMIT failed(generation, count.error().message);
            return;
        }
        m_state->setCount(generation, *count);
        Q_EMIT countReady(generation, *count);
    });
}

void LedgerFetcher::requestPage(int index)
{
    const quint64 generation = m_state->snapshot().first;
    m_rows->post(QStringLiteral("page %1").arg(index), [this, generation, index]() {
        LedgerPager* pager = m_pager(generation);
        if (!pager)
            return;
        auto rows = pager->page(index);
        if (!rows) {
            qCWarning(lcModels) << "page" << index << "failed:" << rows.error().toString();
            Q_EMIT failed(generation, rows.error().message);
            return;
        }
        Q_EMIT pageReady(generation, index, *rows);
    });
}

void LedgerFetcher::requestLocate(qint64 id)
{
    const quint64 generation = m_state->snapshot().first;
    m_rows->post(QStringLiteral("locate"), [this, generation, id]() {
        LedgerPager* pager = m_pager(generation);
        if (!pager)
            return;
        auto row = pager->rowOf(id);
        Q_EMIT located(generation, id, row ? *row : -1);
    });
}

void LedgerFetcher::requestTotals()
{
    const auto [generation, spec] = m_state->snapshot();
    m_aggregates->post(QStringLiteral("totals"), [this, generation, userId = spec.userId, filter = spec.filter]() {
        if (!m_state->isCurrent(generation))
            return;
        auto totals = m_repository->totals(userId, filter);
        if (!totals) {
            Q_EMIT failed(generation, totals.error().message);
            return;
        }
        Q_EMIT totalsReady(generation, *totals);
    });
}

} // namespace Moniagent
