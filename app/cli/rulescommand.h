#pragma once

#include "clicommand.h"

#include <QCoreApplication>

namespace Moniagent {

// moniagent rules list [--json]
// moniagent rules add --type keyword|regex|exact --pattern TEXT --category NAME [--priority N] [--confidence PCT]
// moniagent rules remove ID
class RulesCommand : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(Moniagent::RulesCommand)
public:
    QString name() const override { return QStringLiteral("rules"); }
    QString summary() const override;
    void addOptions(QCommandLineParser& parser) const override;
    bool acceptsArguments() const override { return true; }
    ExitCode run(CliContext& context) override;

private:
    ExitCode list(CliContext& context);
    ExitCode add(CliContext& context);
    ExitCode remove(CliContext& context);
};

} // namespace Moniagent
