#pragma once

#include "jobhandler.h"

#include <QElapsedTimer>
#include <QMutex>

#include <memory>

namespace Moniagent {

class JobRepository;
class JobRunnerState;

// The JobContext a JobRunner's worker gives a handler (internal to app/jobs).
class WorkerJobContext final : public JobContext
{
public:
    // How often isCancelled() looks at the job's row, for cancels made by another connection or process.
    static constexpr int CancelPollMs = 200;

    WorkerJobContext(std::shared_ptr<JobRunnerState> state, JobRepository* jobs, Job job);

    const Job& job() const override { return m_job; }
    Database* database() const override;
    const Clock& clock() const override;
    bool isCancelled() const override;
    void reportProgress(qint64 done, qint64 total, const QString& message) override;
    Result<qint64> enqueue(QStringView type, const QJsonObject& input) override;

private:
    std::shared_ptr<JobRunnerState> m_state;
    JobRepository* m_jobs; // the worker's, on the worker's connection
    const Job m_job;
    mutable QMutex m_mutex; // handlers may ask from threads of their own
    mutable QElapsedTimer m_lastCheck;
    mutable bool m_cancelled = false;
};

} // namespace Moniagent
