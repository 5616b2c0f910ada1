#pragma once

#include "clicommand.h"
#include "reportcommand.h"

#include <QCoreApplication>
#include <QStringList>

#include <memory>
#include <vector>

namespace Moniagent {

// The headless side of the `moniagent` binary: `moniagent [--db PATH] [--user NAME] <command> [options]`.
class CommandLine
{
    Q_DECLARE_TR_FUNCTIONS(Moniagent::CommandLine)
public:
    CommandLine();
    ~CommandLine();

    // True when the arguments name a command (or ask for --help/--version): then no window opens.
    static bool wantsCommandLine(const QStringList& arguments);
    // True when the command named by the arguments draws and needs a GUI application (CliCommand::needsGui).
    static bool needsGui(const QStringList& arguments);

    // The renderer of `moniagent report`, given by the composition root (the UI layer draws the charts).
    void setReportRenderer(ReportRenderer renderer);

    // arguments[0] is the program. Returns the process exit code.
    int run(const QStringList& arguments, QTextStream& out, QTextStream& err);

private:
    CliCommand* command(const QString& name) const;
    QString overview() const;

    std::vector<std::unique_ptr<CliCommand>> m_commands;
};

} // namespace Moniagent
