#pragma once

#include "clicommand.h"

#include <QCoreApplication>

namespace Moniagent {

// moniagent demo [--transactions N] [--seed S] [--years Y]: fills the profile with realistic made-up data.
class DemoCommand : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(Moniagent::DemoCommand)
public:
    QString name() const override { return QStringLiteral("demo"); }
    QString summary() const override;
    void addOptions(QCommandLineParser& parser) const override;
    bool needsExistingProfile() const override { return false; }
    ExitCode run(CliContext& context) override;
};

} // namespace Moniagent
