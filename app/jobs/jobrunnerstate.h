#pragma once

#include "jobhandler.h"
#include "jobretrypolicy.h"
#include "jobrunner.h"

#include <QHash>
#include <QMetaObject>
#include <QMutex>
#include <QSet>
#include <QString>
#include <QWaitCondition>

#include <chrono>
#include <memory>
#include <optional>

namespace Moniagent {

class Clock;
class Database;

// What a JobRunner and its worker threads share while it runs (internal to app/jobs). Shared ownership: a worker
// that did not stop in time keeps it alive after the runner is gone. Everything mutable is guarded by `mutex`.
class JobRunnerState : public std::enable_shared_from_this<JobRunnerState>
{
public:
    JobRunnerState(Database* database, const Clock& clock, QHash<QString, JobHandlerFactory> handlers,
                   JobRetryPolicy policy, std::chrono::milliseconds idlePoll, JobRunner* runner);

    Database* database() const { return m_database; }
    const Clock& clock() const { return m_clock; }
    std::chrono::milliseconds idlePoll() const { return m_idlePoll; }

    // --- Waking and stopping ---
    // A counter that every wake() raises: read it before looking at the queue, wait with it afterwards, and a
    // wake in between is not lost.
    quint64 wakeGeneration() const;
    void wake();
    void requestStop();
    bool isStopping() const;
    // Sleeps until a wake() after `seenGeneration`, a stop or `timeout`.
    void waitForWake(quint64 seenGeneration, std::chrono::milliseconds timeout);

    // --- Configuration ---
    std::optional<JobHandlerFactory> handler(const QString& type) const;
    void setHandler(const QString& type, JobHandlerFactory factory);
    JobRetryPolicy policy() const;
    void setPolicy(const JobRetryPolicy& policy);

    // --- Running jobs ---
    void jobStarted(qint64 jobId);
    void jobEnded(qint64 jobId);
    // Marks a running job as cancelled for its handler; false when no worker runs it.
    bool requestCancel(qint64 jobId);
    bool isCancelRequested(qint64 jobId) const;
    void setProgress(qint64 jobId, const JobProgress& progress);
    std::optional<JobProgress> progress(qint64 jobId) const;
    QList<qint64> runningJobs() const;

    // --- Talking to the runner on its own thread ---
    // Queues `function(runner)` on the runner's thread; dropped once the runner is gone.
    template <typename Function> void post(Function function)
    {
        QMutexLocker locker(&m_mutex);
        if (!m_runner)
            return;
        JobRunner* runner = m_runner;
        QMetaObject::invokeMethod(
            m_runnerObject, [runner, function]() { function(runner); }, Qt::QueuedConnection);
    }
    // Queues the runner's changed() signal, at most one at a time.
    void postChanged();
    // The runner is being destroyed: nothing more is posted to it.
    void detachRunner();

private:
    friend class JobRunner;
    void flushChanged(JobRunner* runner);
    void flushProgress(JobRunner* runner);

    Database* const m_database;
    const Clock& m_clock;
    const std::chrono::milliseconds m_idlePoll;

    mutable QMutex m_mutex;
    QWaitCondition m_wakeup;
    quint64 m_wakeGeneration = 0;
    bool m_stopping = false;
    QHash<QString, JobHandlerFactory> m_handlers;
    JobRetryPolicy m_policy;
    QSet<qint64> m_running;
    QSet<qint64> m_cancelRequested;
    QHash<qint64, JobProgress> m_progress;
    QSet<qint64> m_progressDirty;
    bool m_changedPending = false;
    JobRunner* m_runner = nullptr;
    QObject* m_runnerObject = nullptr;
};

} // namespace Moniagent
