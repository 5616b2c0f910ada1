#include "workerjobcontext.h"

#include "db/jobrepository.h"
#include "jobrunnerstate.h"

namespace Moniagent {

WorkerJobContext::WorkerJobContext(std::shared_ptr<JobRunnerState> state, JobRepository* jobs, Job job)
    : m_state(std::move(state))
    , m_jobs(jobs)
    , m_job(std::move(job))
{ }

Database* WorkerJobContext::database() const
{
    return m_state->database();
}

const Clock& WorkerJobContext::clock() const
{
    return m_state->clock();
}

bool WorkerJobContext::isCancelled() const
{
    if (m_state->isCancelRequested(m_job.id))
        return true;
    QMutexLocker locker(&m_mutex);
    if (m_cancelled)
        return true;
    if (m_lastCheck.isValid() && m_lastCheck.elapsed() < CancelPollMs)
        return false;
    m_lastCheck.start();
    // Cancelled elsewhere (the window's repository, the command line): the row is no longer RUNNING.
    auto row = m_jobs->findForRunner(m_job.id);
    if (row)
        m_cancelled = row->status != JobStatus::Running;
    else
        m_cancelled = row.error().code == Error::Code::NotFound; // the profile and its jobs were deleted
    return m_cancelled;
}

void WorkerJobContext::reportProgress(qint64 done, qint64 total, const QString& message)
{
    m_state->setProgress(m_job.id, {done, total, message});
}

Result<qint64> WorkerJobContext::enqueue(QStringView type, const QJsonObject& input)
{
    auto id = m_jobs->enqueue(m_job.userId, type, m_job.triggeredBy, input);
    if (id)
        m_state->wake(); // another worker may take it at once
    return id;
}

} // namespace Moniagent
