#pragma once

#include "clicommand.h"

#include <QCoreApplication>

namespace Moniagent {

// moniagent export --format csv|ofx|qif|json [--from D] [--to D] [--columns a,b,c] [--iso] [--bom] FILE
// CSV, OFX and QIF hold the (date-filtered) ledger; json is a full backup of the profile (see Backup).
// The file is written through a QSaveFile: it appears complete or not at all.
class ExportCommand : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(Moniagent::ExportCommand)
public:
    QString name() const override { return QStringLiteral("export"); }
    QString summary() const override;
    void addOptions(QCommandLineParser& parser) const override;
    bool acceptsArguments() const override { return true; }
    ExitCode run(CliContext& context) override;
};

} // namespace Moniagent
