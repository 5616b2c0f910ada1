#pragma once

#include "core/job.h"
#include "core/result.h"
#include "jobhandler.h"
#include "jobretrypolicy.h"

#include <QHash>
#include <QObject>

#include <chrono>
#include <memory>
#include <optional>
#include <vector>

class QThread;

namespace Moniagent {

class Clock;
class Database;
class JobRepository;
class JobRunnerState;

// The latest progress a running job reported (JobContext::reportProgress).
struct JobProgress
{
    qint64 done = 0;
    qint64 total = 0;
    QString message;
};

// Runs the persisted jobs (table `jobs`, DESIGN.md §4) of every profile of one database, off the GUI thread.
//
// The runner lives on the GUI thread and owns a few worker threads (one by default), each with its own database
// connection. A worker claims the next due job (JobRepository::claimNext, atomic, so a job never runs twice at
// once), makes a handler with the factory registered for the job's type and runs it with a JobContext, then
// records the outcome: SUCCESS with the output, FAILED with the message, or back in the queue after a transient
// failure with exponential backoff (JobRetryPolicy) until the retry limit. When nothing is due a worker sleeps
// until the next job's next_run_at, a wake() or the idle poll (a minute by default, for jobs other processes
// add); it never polls busily.
//
// Cancel: JobRepository::cancel (from anywhere, even another process) or cancel() marks the job CANCELLED; its
// handler sees JobContext::isCancelled() within a quarter of a second and its late result is dropped. stop()
// cancels running handlers the same way but puts their jobs back in the queue as they were.
//
// Signals are emitted on the runner's (GUI) thread. Handlers run on a worker thread: they must not touch widgets.
class JobRunner : public QObject
{
    Q_OBJECT
public:
    // `repository` is the GUI thread's JobRepository (the session's); the workers make their own.
    JobRunner(Database* database, JobRepository* repository, const Clock& clock, QObject* parent = nullptr);
    // Stops the workers (stop()).
    ~JobRunner() override;

    // The handler for jobs of `type` (e.g. JobTypes::EmailFetch); replaces an earlier one. May be called while
    // running, but register before start() so that queued jobs of the type find their handler: a job whose type
    // has no handler fails.
    void registerHandler(QStringView type, JobHandlerFactory factory);
    bool hasHandler(QStringView type) const;

    JobRetryPolicy retryPolicy() const { return m_policy; }
    void setRetryPolicy(const JobRetryPolicy& policy);
    // Worker threads, each running one job at a time (default 1). Takes effect at the next start().
    void setWorkerCount(int count);
    int workerCount() const { return m_workerCount; }
    // The longest an idle worker sleeps before it looks at the queue again (default 60 s). Takes effect at the
    // next start().
    void setIdlePoll(std::chrono::milliseconds interval);
    // How long stop() waits for the handlers to return (default 5 s).
    void setStopTimeout(std::chrono::milliseconds timeout) { m_stopTimeout = timeout; }

    // Starts the workers. The first start for a database file in this process re-queues the jobs a crash or kill
    // left RUNNING (JobRepository::requeueStale) and returns how many; later starts return 0.
    Result<qint64> start();
    // Cancels the running handlers (their jobs go back in the queue unchanged) and waits for the workers, at most
    // the stop timeout. Returns false when a handler did not return in time: its thread is left to finish on its
    // own and its job, still RUNNING, is re-queued at the next start of the app.
    bool stop();
    bool isRunning() const { return m_state != nullptr; }
    // A job was added (by someone else): look at the queue now instead of at the next poll.
    void wake();

    // --- Convenience for the GUI thread: the repository's user methods, then wake(). ---
    Result<qint64> enqueue(std::optional<qint64> userId, QStringView type, JobTrigger triggeredBy,
                           const QJsonObject& input = {}, const QDateTime& nextRunAt = {});
    // Adds the job unless the same one (profile, type, input) is queued or running; empty result then.
    Result<std::optional<qint64>> enqueueUnlessPending(std::optional<qint64> userId, QStringView type,
                                                       JobTrigger triggeredBy, const QJsonObject& input = {});
    // Cancels a queued or running job of `userId`; a running handler is told at once.
    Result<void> cancel(qint64 userId, qint64 jobId);
    // Adds a new job like a failed or cancelled one (triggered by RETRY) and wakes the runner; its id.
    Result<qint64> retry(qint64 userId, qint64 jobId);

    JobRepository* repository() const { return m_repository; }
    Database* database() const { return m_database; }
    const Clock& clock() const { return m_clock; }
    // The jobs this runner's workers are running now, and the last progress each reported.
    QList<qint64> runningJobs() const;
    std::optional<JobProgress> progress(qint64 jobId) const;

Q_SIGNALS:
    // A worker claimed `job` (now RUNNING) and is about to run its handler.
    void jobStarted(const Moniagent::Job& job);
    // A running handler reported progress (coalesced: the latest report per job each time the event loop turns).
    void jobProgress(qint64 jobId, qint64 done, qint64 total, const QString& message);
    // A run ended; `job` is the row as it is now: SUCCESS, FAILED, CANCELLED, or QUEUED again (a retry is
    // scheduled, or the runner stopped).
    void jobFinished(const Moniagent::Job& job);
    // The workers changed the queue (claimed, finished, retried or added jobs); coalesced.
    void changed();

private:
    Database* m_database;
    JobRepository* m_repository;
    const Clock& m_clock;
    QHash<QString, JobHandlerFactory> m_handlers;
    JobRetryPolicy m_policy;
    int m_workerCount = 1;
    std::chrono::milliseconds m_idlePoll {60000};
    std::chrono::milliseconds m_stopTimeout {5000};
    std::shared_ptr<JobRunnerState> m_state; // while running
    std::vector<QThread*> m_threads;
};

} // namespace Moniagent
