#pragma once

#include "core/job.h"
#include "core/result.h"

#include <QObject>

#include <optional>

namespace Moniagent {

class Database;

// The persisted job queue. Two kinds of methods:
//  - user methods take the id of the user they act for first and only see that user's jobs (system jobs,
//    which belong to no user, are invisible to them);
//  - runner methods (claimNext, finish, scheduleRetry, requeueStale, findForRunner) serve the job runner,
//    which works for every user at once: they act on the whole queue by job id and must not be exposed to
//    a user's actions.
// Times are passed in (from the injected Clock) so the life of a job can be tested without waiting; only
// updated_at is stamped by SQLite. Timestamps are compared as UTC ISO-8601 text.
class JobRepository : public QObject
{
    Q_OBJECT
public:
    explicit JobRepository(Database* database, QObject* parent = nullptr);

    // Adds a QUEUED job for `userId` (or a system job for std::nullopt). `jobType` is an upper-case
    // identifier such as JobTypes::EmailFetch; an invalid `nextRunAt` means as soon as possible.
    Result<qint64> enqueue(std::optional<qint64> userId, QStringView jobType, JobTrigger triggeredBy,
                           const QJsonObject& input = {}, const QDateTime& nextRunAt = {});
    // Like enqueue(), unless a QUEUED or RUNNING job of the same profile (system jobs for std::nullopt), type and
    // input exists already: then nothing is added and the result is empty. One statement, so two callers (a
    // schedule and "Sync now") cannot both add one.
    Result<std::optional<qint64>> enqueueUnlessPending(std::optional<qint64> userId, QStringView jobType,
                                                       JobTrigger triggeredBy, const QJsonObject& input = {});
    Result<Job> find(qint64 userId, qint64 id) const;
    // Newest first; at most `limit` (all when limit <= 0); only those with `status` when given.
    Result<QList<Job>> list(qint64 userId, std::optional<JobStatus> status = std::nullopt, int limit = 100) const;
    // Cancels a QUEUED or RUNNING job (a running job stops when its runner next checks); a finished job
    // cannot be cancelled. `nowUtc` becomes finished_at (SQLite's clock when invalid).
    Result<void> cancel(qint64 userId, qint64 id, const QDateTime& nowUtc = {});
    // Runs a FAILED or CANCELLED job again. The old job stays as it is, for the record; a new QUEUED job with
    // the same type and input and triggered_by RETRY is added, due at `nowUtc` (at once when invalid).
    // Returns the new job's id.
    Result<qint64> retry(qint64 userId, qint64 id, const QDateTime& nowUtc = {});

    // --- Runner methods: act across users (see above). ---

    // Atomically moves the oldest due QUEUED job (earliest next_run_at, jobs without one first, then by id)
    // to RUNNING with started_at = `nowUtc` and returns it; nothing when no job is due. One SQL statement,
    // so two runners never claim the same job.
    Result<std::optional<Job>> claimNext(const QDateTime& nowUtc);
    // Records the end of a RUNNING job: SUCCESS with `payload` as output, or FAILED with `payload` as error.
    // Returns false (and changes nothing) when the job is no longer running, e.g. cancelled meanwhile.
    Result<bool> finish(qint64 id, bool success, const QJsonObject& payload, const QDateTime& nowUtc);
    // Puts a RUNNING job back in the queue after a failure: retry_count + 1, due at `nextRunAt`, `error`
    // kept as the last error. Returns false (and changes nothing) when the job is no longer running.
    Result<bool> scheduleRetry(qint64 id, const QDateTime& nextRunAt, const QJsonObject& error);
    // Puts every RUNNING job back in the queue (retry_count + 1, so a job that crashes the app cannot loop
    // for ever) and returns how many. Call at start-up, before any runner starts: the jobs left RUNNING are
    // those a crash or kill interrupted.
    Result<qint64> requeueStale();
    // Puts a RUNNING job back in the queue as it was, without counting a retry: the runner stopped (the app is
    // quitting) before the job's handler finished. Returns false when the job is no longer running.
    Result<bool> release(qint64 id);
    // When the next QUEUED job is due: the earliest next_run_at, `nowUtc` when a job is due at once, nothing
    // when the queue is empty. The runner sleeps until then.
    Result<std::optional<QDateTime>> nextDue(const QDateTime& nowUtc) const;
    // Any job by id, whoever it belongs to.
    Result<Job> findForRunner(qint64 id) const;

Q_SIGNALS:
    // `userId` is 0 for system jobs.
    void changed(qint64 userId);

private:
    // Runs an UPDATE … WHERE id = ? AND status = 'RUNNING' RETURNING user_id: true and changed() when the job was
    // still running, false when it no longer is, NotFound when it does not exist.
    Result<bool> updateRunning(qint64 id, const QString& sql, const QVariantList& params);

    Database* m_database;
};

} // namespace Moniagent
