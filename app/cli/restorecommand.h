#pragma once

#include "clicommand.h"

#include <QCoreApplication>

namespace Moniagent {

// moniagent restore FILE: a backup made by `export --format json`, into the profile (which must have no
// transactions; a new database gets a default profile first).
class RestoreCommand : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(Moniagent::RestoreCommand)
public:
    QString name() const override { return QStringLiteral("restore"); }
    QString summary() const override;
    void addOptions(QCommandLineParser& parser) const override;
    bool needsExistingProfile() const override { return false; }
    bool acceptsArguments() const override { return true; }
    ExitCode run(CliContext& context) override;
};

} // namespace Moniagent
