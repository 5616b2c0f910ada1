#pragma once

#include "clicommand.h"

#include <QCoreApplication>

namespace Moniagent {

// moniagent jobs [--status S] [--limit N] [--json]: the profile's background jobs, newest first.
// moniagent jobs retry ID: runs a failed or cancelled job again (a new job, triggered by RETRY).
// moniagent jobs cancel ID: cancels a waiting or running job.
// Jobs run while the window is open; these commands only change the queue.
class JobsCommand : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(Moniagent::JobsCommand)
public:
    QString name() const override { return QStringLiteral("jobs"); }
    QString summary() const override;
    void addOptions(QCommandLineParser& parser) const override;
    bool acceptsArguments() const override { return true; }
    ExitCode run(CliContext& context) override;

private:
    ExitCode list(CliContext& context);
    ExitCode retry(CliContext& context, qint64 id);
    ExitCode cancel(CliContext& context, qint64 id);
};

} // namespace Moniagent
