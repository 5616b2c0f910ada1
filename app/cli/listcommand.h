#pragma once

#include "clicommand.h"

#include <QCoreApplication>

namespace Moniagent {

// moniagent list [--from D] [--to D] [--category NAME] [--search TEXT] [--type income|expense]
//                [--sort date|amount|merchant] [--ascending] [--limit N] [--json]
class ListCommand : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(Moniagent::ListCommand)
public:
    QString name() const override { return QStringLiteral("list"); }
    QString summary() const override;
    void addOptions(QCommandLineParser& parser) const override;
    ExitCode run(CliContext& context) override;
};

} // namespace Moniagent
