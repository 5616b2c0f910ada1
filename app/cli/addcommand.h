#pragma once

#include "clicommand.h"

#include <QCoreApplication>

namespace Moniagent {

// moniagent add --amount A --merchant M [--date D] [--category NAME] [--income] [--currency CUR] [--notes N]
class AddCommand : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(Moniagent::AddCommand)
public:
    QString name() const override { return QStringLiteral("add"); }
    QString summary() const override;
    void addOptions(QCommandLineParser& parser) const override;
    bool needsExistingProfile() const override { return false; }
    ExitCode run(CliContext& context) override;
};

} // namespace Moniagent
