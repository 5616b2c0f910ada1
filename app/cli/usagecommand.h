#pragma once

#include "clicommand.h"

#include <QCoreApplication>

namespace Moniagent {

// moniagent usage [--month YYYY-MM] [--json]: language-model calls, tokens and estimated cost of the profile per
// day and per model, for the current month (or the given one).
class UsageCommand : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(Moniagent::UsageCommand)
public:
    QString name() const override { return QStringLiteral("usage"); }
    QString summary() const override;
    void addOptions(QCommandLineParser& parser) const override;
    ExitCode run(CliContext& context) override;
};

} // namespace Moniagent
