#include "jobrunner.h"

#include "core/clock.h"
#include "db/database.h"
#include "db/jobrepository.h"
#include "jobrunnerstate.h"
#include "jobslogging.h"
#include "jobworker.h"

#include <QDeadlineTimer>
#include <QFileInfo>
#include <QMutex>
#include <QSet>
#include <QThread>

namespace Moniagent {

namespace {

// The database files whose stale jobs this process re-queued already: only the first runner of a process may,
// since later ones would take the jobs of a runner that is still finishing for running ones.
QMutex staleMutex;
QSet<QString> staleChecked;

QString fileKey(const Database* database)
{
    const QFileInfo info(database->path());
    const QString canonical = info.canonicalFilePath();
    return canonical.isEmpty() ? info.absoluteFilePath() : canonical;
}

} // namespace

JobRunner::JobRunner(Database* database, JobRepository* repository, const Clock& clock, QObject* parent)
    : QObject(parent)
    , m_database(database)
    , m_repository(repository)
    , m_clock(clock)
{
    qRegisterMetaType<Moniagent::Job>();
}

JobRunner::~JobRunner()
{
    stop();
}

void JobRunner::registerHandler(QStringView type, JobHandlerFactory factory)
{
    m_handlers.insert(type.toString(), factory);
    if (m_state)
        m_state->setHandler(type.toString(), std::move(factory));
}

bool JobRunner::hasHandler(QStringView type) const
{
    const auto it = m_handlers.constFind(type.toString());
    return it != m_handlers.cend() && *it;
}

void JobRunner::setRetryPolicy(const JobRetryPolicy& policy)
{
    m_policy = policy;
    if (m_state)
        m_state->setPolicy(policy);
}

void JobRunner::setWorkerCount(int count)
{
    m_workerCount = std::max(1, count);
}

void JobRunner::setIdlePoll(std::chrono::milliseconds interval)
{
    m_idlePoll = std::max(interval, std::chrono::milliseconds(10));
}

Result<qint64> JobRunner::start()
{
    if (m_state)
        return qint64(0);
    qint64 requeued = 0;
    const QString key = fileKey(m_database);
    bool firstStart = false;
    {
        QMutexLocker locker(&staleMutex);
        firstStart = !staleChecked.contains(key);
        if (firstStart)
            staleChecked.insert(key);
    }
    if (firstStart) {
        auto stale = m_repository->requeueStale();
        if (!stale) {
            QMutexLocker locker(&staleMutex);
            staleChecked.remove(key);
            return stale.error();
        }
        requeued = *stale;
        if (requeued > 0)
            qCInfo(lcJobs) << "re-queued" << requeued << "job(s) left running by the last run";
    }

    m_state = std::make_shared<JobRunnerState>(m_database, m_clock, m_handlers, m_policy, m_idlePoll, this);
    for (int i = 0; i < m_workerCount; ++i) {
        QThread* thread = QThread::create([state = m_state]() { JobWorker(state).run(); });
        thread->setObjectName(QStringLiteral("moniagent-jobs-%1").arg(i + 1));
        m_threads.push_back(thread);
        thread->start();
    }
    return requeued;
}

bool JobRunner::stop()
{
    if (!m_state)
        return true;
    m_state->requestStop();
    const QDeadlineTimer deadline(m_stopTimeout);
    bool all = true;
    for (QThread* thread : m_threads) {
        if (thread->wait(deadline)) {
            delete thread;
            continue;
        }
        // A handler that does not look at isCancelled(): leave its thread to finish on its own. Its job stays
        // RUNNING and is re-queued at the next start of the app.
        all = false;
        qCWarning(lcJobs) << "a job handler did not stop within" << m_stopTimeout.count() << "ms";
        connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    }
    m_threads.clear();
    m_state->detachRunner();
    m_state.reset();
    return all;
}

void JobRunner::wake()
{
    if (m_state)
        m_state->wake();
}

Result<qint64> JobRunner::enqueue(std::optional<qint64> userId, QStringView type, JobTrigger triggeredBy,
                                  const QJsonObject& input, const QDateTime& nextRunAt)
{
    auto id = m_repository->enqueue(userId, type, triggeredBy, input, nextRunAt);
    if (id)
        wake();
    return id;
}

Result<std::optional<qint64>> JobRunner::enqueueUnlessPending(std::optional<qint64> userId, QStringView type,
                                                              JobTrigger triggeredBy, const QJsonObject& input)
{
    auto id = m_repository->enqueueUnlessPending(userId, type, triggeredBy, input);
    if (id && id->has_value())
        wake();
    return id;
}

Result<void> JobRunner::cancel(qint64 userId, qint64 jobId)
{
    auto cancelled = m_repository->cancel(userId, jobId, m_clock.nowUtc());
    if (cancelled && m_state)
        m_state->requestCancel(jobId);
    return cancelled;
}

Result<qint64> JobRunner::retry(qint64 userId, qint64 jobId)
{
    auto id = m_repository->retry(userId, jobId, m_clock.nowUtc());
    if (id)
        wake();
    return id;
}

QList<qint64> JobRunner::runningJobs() const
{
    return m_state ? m_state->runningJobs() : QList<qint64>();
}

std::optional<JobProgress> JobRunner::progress(qint64 jobId) const
{
    return m_state ? m_state->progress(jobId) : std::nullopt;
}

} // namespace Moniagent
