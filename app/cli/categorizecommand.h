#pragma once

#include "clicommand.h"

#include <QCoreApplication>

namespace Moniagent {

// moniagent categorize [--uncategorized|--all] [--dry-run] [--json]
// Runs the categorization pipeline over existing transactions the user has not confirmed and stores the result
// (applied at or above the auto-apply threshold, otherwise left for review with the suggestion).
class CategorizeCommand : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(Moniagent::CategorizeCommand)
public:
    QString name() const override { return QStringLiteral("categorize"); }
    QString summary() const override;
    void addOptions(QCommandLineParser& parser) const override;
    ExitCode run(CliContext& context) override;
};

} // namespace Moniagent
