#include "jobworker.h"

#include "core/clock.h"
#include "db/jobrepository.h"
#include "jobrunnerstate.h"
#include "jobslogging.h"
#include "workerjobcontext.h"

#include <exception>

namespace Moniagent {

namespace {

// After a database error, the worker tries again after this long (or when woken).
constexpr std::chrono::milliseconds ErrorPause {5000};
// A job that was due but claimed by another worker meanwhile: look again shortly, never busily.
constexpr std::chrono::milliseconds ShortestWait {25};

QJsonObject errorPayload(const JobOutcome& outcome, const QString& fallback)
{
    QJsonObject error = outcome.payload;
    error.insert(QStringLiteral("message"), outcome.message.trimmed().isEmpty() ? fallback : outcome.message);
    return error;
}

} // namespace

JobWorker::JobWorker(std::shared_ptr<JobRunnerState> state)
    : m_state(std::move(state))
{ }

void JobWorker::run()
{
    JobRepository jobs(m_state->database());
    // Whatever the worker or a handler changes in the queue, the window hears about (coalesced, queued).
    QObject::connect(
        &jobs, &JobRepository::changed, &jobs, [state = m_state]() { state->postChanged(); }, Qt::DirectConnection);
    while (!m_state->isStopping()) {
        const quint64 generation = m_state->wakeGeneration();
        auto claimed = jobs.claimNext(m_state->clock().nowUtc());
        if (!claimed) {
            qCWarning(lcJobs) << "cannot claim a job:" << claimed.error().toString();
            m_state->waitForWake(generation, ErrorPause);
            continue;
        }
        if (!claimed->has_value()) {
            m_state->waitForWake(generation, idleWait(jobs));
            continue;
        }
        runJob(jobs, **claimed);
    }
}

std::chrono::milliseconds JobWorker::idleWait(JobRepository& jobs) const
{
    const QDateTime now = m_state->clock().nowUtc();
    auto due = jobs.nextDue(now);
    if (!due) {
        qCWarning(lcJobs) << "cannot read the queue:" << due.error().toString();
        return ErrorPause;
    }
    if (!due->has_value())
        return m_state->idlePoll();
    const std::chrono::milliseconds until(now.msecsTo(**due));
    return std::clamp(until, ShortestWait, m_state->idlePoll());
}

void JobWorker::runJob(JobRepository& jobs, const Job& job)
{
    m_state->jobStarted(job.id);
    qCDebug(lcJobs) << "running job" << job.id << job.type << "for user" << job.userId.value_or(0);
    m_state->post([job](JobRunner* runner) { Q_EMIT runner->jobStarted(job); });

    const JobRetryPolicy policy = m_state->policy();
    JobOutcome outcome;
    if (job.retryCount > policy.maxRetries) {
        // Only re-queueing after crashes takes a job past the limit: do not let it take the app down again.
        outcome = JobOutcome::permanent(
            tr("The job was interrupted too often (Moniagent closed while it ran), so it was not started again."));
    } else {
        outcome = runHandler(jobs, job);
    }
    record(jobs, job, outcome);

    m_state->jobEnded(job.id);
    auto now = jobs.findForRunner(job.id);
    if (now) {
        const Job ended = *now;
        m_state->post([ended](JobRunner* runner) { Q_EMIT runner->jobFinished(ended); });
    }
}

JobOutcome JobWorker::runHandler(JobRepository& jobs, const Job& job)
{
    const auto factory = m_state->handler(job.type);
    if (!factory) {
        return JobOutcome::permanent(
            tr("Moniagent cannot run jobs of the type “%1”: no part of the app handles them.").arg(job.type));
    }
    WorkerJobContext context(m_state, &jobs, job);
    try {
        std::unique_ptr<JobHandler> handler = (*factory)();
        if (!handler)
            return JobOutcome::permanent(tr("The job of the type “%1” could not be prepared.").arg(job.type));
        return handler->run(context);
    } catch (const std::exception& e) {
        qCWarning(lcJobs) << "job" << job.id << job.type << "threw:" << e.what();
        return JobOutcome::permanent(tr("The job failed unexpectedly: %1").arg(QString::fromLocal8Bit(e.what())));
    } catch (...) {
        qCWarning(lcJobs) << "job" << job.id << job.type << "threw an unknown exception";
        return JobOutcome::permanent(tr("The job failed unexpectedly."));
    }
}

void JobWorker::record(JobRepository& jobs, const Job& job, const JobOutcome& outcome)
{
    const QDateTime now = m_state->clock().nowUtc();
    const QString failed = tr("The job failed.");
    Result<bool> written = false;
    switch (outcome.kind) {
    case JobOutcome::Kind::Success:
        written = jobs.finish(job.id, true, outcome.payload, now);
        break;
    case JobOutcome::Kind::PermanentFailure:
        written = jobs.finish(job.id, false, errorPayload(outcome, failed), now);
        break;
    case JobOutcome::Kind::TransientFailure: {
        const JobRetryPolicy policy = m_state->policy();
        if (!policy.mayRetry(job.retryCount)) {
            written = jobs.finish(job.id, false, errorPayload(outcome, failed), now);
            break;
        }
        const qint64 delay = policy.delaySeconds(job.retryCount, outcome.retryAfterSeconds);
        written = jobs.scheduleRetry(job.id, now.addSecs(delay), errorPayload(outcome, failed));
        qCDebug(lcJobs) << "job" << job.id << "retries in" << delay << "s:" << outcome.message;
        break;
    }
    case JobOutcome::Kind::Cancelled:
        // The runner is stopping: the job goes back in the queue as it was. Otherwise the user cancelled it (the
        // row is CANCELLED already and nothing is written), or the handler gave up on its own.
        if (m_state->isStopping())
            written = jobs.release(job.id);
        else
            written = jobs.finish(
                job.id, false, errorPayload(JobOutcome::permanent(tr("The job stopped before it finished.")), {}), now);
        break;
    }
    if (!written)
        qCWarning(lcJobs) << "cannot record the end of job" << job.id << ":" << written.error().toString();
    else if (!*written)
        qCDebug(lcJobs) << "job" << job.id << "was cancelled while it ran; its result is dropped";
}

} // namespace Moniagent
