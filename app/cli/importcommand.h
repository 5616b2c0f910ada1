#pragma once

#include "clicommand.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace Moniagent {

// moniagent import FILE… [--preset NAME] [--dry-run] [--json]
// Reads each statement (CSV, OFX/QFX, QIF, CAMT.053), matches it against the ledger and, unless --dry-run,
// imports its new lines in one transaction per file. Prints per file what would be or was imported.
class ImportCommand : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(Moniagent::ImportCommand)
public:
    QString name() const override { return QStringLiteral("import"); }
    QString summary() const override;
    void addOptions(QCommandLineParser& parser) const override;
    bool acceptsArguments() const override { return true; }
    // A new user's first step may be bringing their history: a fresh database gets the default profile.
    bool needsExistingProfile() const override { return false; }
    ExitCode run(CliContext& context) override;

private:
    static bool isReceipt(const QString& path);
    // Stores and reads one receipt and adds its expense unconfirmed (the user confirms it in the review queue);
    // with `dryRun` only reads it. The entry has "error" (and "badInput") when it failed.
    QJsonObject importReceipt(CliContext& context, const QString& path, bool dryRun);
};

} // namespace Moniagent
