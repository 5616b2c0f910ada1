#pragma once

#include "core/job.h"
#include "jobhandler.h"

#include <QCoreApplication>

#include <chrono>
#include <memory>

namespace Moniagent {

class JobRepository;
class JobRunnerState;

// One worker thread's loop of a JobRunner (internal to app/jobs): claim the next due job, run its handler,
// record the outcome, sleep until the next job is due or the runner wakes it. Runs on its own thread, with that
// thread's database connection.
class JobWorker
{
    Q_DECLARE_TR_FUNCTIONS(Moniagent::JobWorker)
public:
    explicit JobWorker(std::shared_ptr<JobRunnerState> state);

    // Returns when the runner stops.
    void run();

private:
    // How long to sleep when nothing is due.
    std::chrono::milliseconds idleWait(JobRepository& jobs) const;
    void runJob(JobRepository& jobs, const Job& job);
    JobOutcome runHandler(JobRepository& jobs, const Job& job);
    void record(JobRepository& jobs, const Job& job, const JobOutcome& outcome);

    std::shared_ptr<JobRunnerState> m_state;
};

} // namespace Moniagent
