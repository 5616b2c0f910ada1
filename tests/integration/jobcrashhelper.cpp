// Helper of tst_jobcrash: opens the database given as the only argument, runs its job queue with an IMPORT handler
// that never ends by itself, prints "running <job id>" once the job runs, and waits to be killed.
#include "core/clock.h"
#include "db/database.h"
#include "db/jobrepository.h"
#include "jobs/jobrunner.h"

#include <QCoreApplication>
#include <QThread>

#include <cstdio>

using namespace Moniagent;

namespace {

class BlockingHandler final : public JobHandler
{
public:
    JobOutcome run(JobContext& context) override
    {
        std::printf("running %lld\n", static_cast<long long>(context.job().id));
        std::fflush(stdout);
        while (!context.isCancelled())
            QThread::msleep(10);
        return JobOutcome::cancelled();
    }
};

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 2) {
        std::fputs("usage: jobcrash_helper DATABASE\n", stderr);
        return 2;
    }
    auto database = Database::open(QString::fromLocal8Bit(argv[1]));
    if (!database) {
        std::fprintf(stderr, "%s\n", qPrintable(database.error().toString()));
        return 1;
    }
    JobRepository jobs(database->get());
    JobRunner runner(database->get(), &jobs, SystemClock::instance());
    runner.registerHandler(JobTypes::Import, []() { return std::make_unique<BlockingHandler>(); });
    auto started = runner.start();
    if (!started) {
        std::fprintf(stderr, "%s\n", qPrintable(started.error().toString()));
        return 1;
    }
    return app.exec();
}
