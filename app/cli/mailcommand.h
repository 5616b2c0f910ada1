#pragma once

#include "clicommand.h"
#include "core/currency.h"
#include "mail/emailextraction.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace Moniagent {

// moniagent mail <subcommand> …
//   mail extract FILE.eml… [--json] [--currency CODE]: reads saved emails (or bare HTML/text bodies) offline and
//   prints what extraction finds; needs no account and no database.
//   mail sync [--account EMAIL]: fetches and reads the new mail of the profile's accounts now.
class MailCommand : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(Moniagent::MailCommand)
public:
    QString name() const override { return QStringLiteral("mail"); }
    QString summary() const override;
    void addOptions(QCommandLineParser& parser) const override;
    bool acceptsArguments() const override { return true; }
    // `mail extract` works on files alone.
    bool needsDatabase() const override { return false; }
    bool needsDatabaseFor(const QStringList& arguments) const override;
    ExitCode run(CliContext& context) override;

    // One file's entry of `mail extract --json`: file, status, merchant, amount (decimal string), currency, date
    // (ISO), type (income/expense), items ([{name, quantity, amount}]); null where nothing was found.
    static QJsonObject extractJson(const QString& file, const EmailReading& reading);
    // One line for people.
    static QString describe(const QString& file, const EmailReading& reading);

private:
    ExitCode runExtract(CliContext& context, const QStringList& files);
    ExitCode runSync(CliContext& context); // mailsync.cpp
};

} // namespace Moniagent
