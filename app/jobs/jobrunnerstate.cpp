#include "jobrunnerstate.h"

#include "jobrunner.h"

#include <QDeadlineTimer>

namespace Moniagent {

JobRunnerState::JobRunnerState(Database* database, const Clock& clock, QHash<QString, JobHandlerFactory> handlers,
                               JobRetryPolicy policy, std::chrono::milliseconds idlePoll, JobRunner* runner)
    : m_database(database)
    , m_clock(clock)
    , m_idlePoll(idlePoll)
    , m_handlers(std::move(handlers))
    , m_policy(policy)
    , m_runner(runner)
    , m_runnerObject(runner)
{ }

quint64 JobRunnerState::wakeGeneration() const
{
    QMutexLocker locker(&m_mutex);
    return m_wakeGeneration;
}

void JobRunnerState::wake()
{
    QMutexLocker locker(&m_mutex);
    ++m_wakeGeneration;
    m_wakeup.wakeAll();
}

void JobRunnerState::requestStop()
{
    QMutexLocker locker(&m_mutex);
    m_stopping = true;
    ++m_wakeGeneration;
    m_wakeup.wakeAll();
}

bool JobRunnerState::isStopping() const
{
    QMutexLocker locker(&m_mutex);
    return m_stopping;
}

void JobRunnerState::waitForWake(quint64 seenGeneration, std::chrono::milliseconds timeout)
{
    QDeadlineTimer deadline(timeout);
    QMutexLocker locker(&m_mutex);
    while (!m_stopping && m_wakeGeneration == seenGeneration) {
        if (!m_wakeup.wait(&m_mutex, deadline))
            break;
    }
}

std::optional<JobHandlerFactory> JobRunnerState::handler(const QString& type) const
{
    QMutexLocker locker(&m_mutex);
    const auto it = m_handlers.constFind(type);
    if (it == m_handlers.cend() || !*it)
        return std::nullopt;
    return *it;
}

void JobRunnerState::setHandler(const QString& type, JobHandlerFactory factory)
{
    QMutexLocker locker(&m_mutex);
    m_handlers.insert(type, std::move(factory));
}

JobRetryPolicy JobRunnerState::policy() const
{
    QMutexLocker locker(&m_mutex);
    return m_policy;
}

void JobRunnerState::setPolicy(const JobRetryPolicy& policy)
{
    QMutexLocker locker(&m_mutex);
    m_policy = policy;
}

void JobRunnerState::jobStarted(qint64 jobId)
{
    QMutexLocker locker(&m_mutex);
    m_running.insert(jobId);
}

void JobRunnerState::jobEnded(qint64 jobId)
{
    QMutexLocker locker(&m_mutex);
    m_running.remove(jobId);
    m_cancelRequested.remove(jobId);
    m_progress.remove(jobId);
    m_progressDirty.remove(jobId);
}

bool JobRunnerState::requestCancel(qint64 jobId)
{
    QMutexLocker locker(&m_mutex);
    if (!m_running.contains(jobId))
        return false;
    m_cancelRequested.insert(jobId);
    return true;
}

bool JobRunnerState::isCancelRequested(qint64 jobId) const
{
    QMutexLocker locker(&m_mutex);
    return m_stopping || m_cancelRequested.contains(jobId);
}

void JobRunnerState::setProgress(qint64 jobId, const JobProgress& progress)
{
    bool post = false;
    {
        QMutexLocker locker(&m_mutex);
        if (!m_running.contains(jobId))
            return;
        m_progress.insert(jobId, progress);
        post = m_progressDirty.isEmpty();
        m_progressDirty.insert(jobId);
    }
    // One queued flush carries every report made until it runs, so a handler reporting thousands of times a
    // second costs the window one update per turn of its event loop.
    if (post)
        this->post([self = shared_from_this()](JobRunner* runner) { self->flushProgress(runner); });
}

std::optional<JobProgress> JobRunnerState::progress(qint64 jobId) const
{
    QMutexLocker locker(&m_mutex);
    const auto it = m_progress.constFind(jobId);
    if (it == m_progress.cend())
        return std::nullopt;
    return *it;
}

QList<qint64> JobRunnerState::runningJobs() const
{
    QMutexLocker locker(&m_mutex);
    return m_running.values();
}

void JobRunnerState::postChanged()
{
    {
        QMutexLocker locker(&m_mutex);
        if (m_changedPending)
            return;
        m_changedPending = true;
    }
    post([self = shared_from_this()](JobRunner* runner) { self->flushChanged(runner); });
}

void JobRunnerState::detachRunner()
{
    QMutexLocker locker(&m_mutex);
    m_runner = nullptr;
    m_runnerObject = nullptr;
}

void JobRunnerState::flushChanged(JobRunner* runner)
{
    {
        QMutexLocker locker(&m_mutex);
        m_changedPending = false;
    }
    Q_EMIT runner->changed();
}

void JobRunnerState::flushProgress(JobRunner* runner)
{
    QList<QPair<qint64, JobProgress>> reports;
    {
        QMutexLocker locker(&m_mutex);
        for (qint64 id : std::as_const(m_progressDirty)) {
            const auto it = m_progress.constFind(id);
            if (it != m_progress.cend())
                reports.append({id, *it});
        }
        m_progressDirty.clear();
    }
    for (const auto& [id, progress] : std::as_const(reports))
        Q_EMIT runner->jobProgress(id, progress.done, progress.total, progress.message);
}

} // namespace Moniagent
