#include "restorecommand.h"

#include "categorize/categorizer.h"
#include "importers/backup.h"
#include "session/session.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

namespace Moniagent {

QString RestoreCommand::summary() const
{
    return tr("Restore a backup made with “export --format json” into a profile without transactions.");
}

void RestoreCommand::addOptions(QCommandLineParser& parser) const
{
    parser.addPositionalArgument(QStringLiteral("file"), tr("The backup to restore."));
}

ExitCode RestoreCommand::run(CliContext& context)
{
    Session& session = *context.session;
    if (context.arguments.size() != 1)
        return badInput(context, tr("Name the backup file, e.g. “moniagent restore backup.json”."));
    const QString path = context.arguments.constFirst();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return badInput(context, tr("“%1” cannot be read: %2").arg(path, file.errorString()));

    auto restored = Backup::restore(file, session.transactions(), session.userId(),
                                    percentPrinter(context, 8 * 1024 * 1024)); // bytes: about 20,000 rows
    if (!restored) {
        const Error& error = restored.error();
        // A damaged or newer backup is bad input, like any file the user names.
        if (error.code == Error::Code::Corrupt || error.code == Error::Code::NewerVersion) {
            fail(context, error);
            return ExitCode::BadInput;
        }
        return fail(context, error);
    }
    // The rows were written in bulk, behind the categorizer: let it learn them.
    auto learned = session.categorizer()->rebuildModel();
    if (!learned)
        return fail(context, learned.error());

    const BackupCounts& counts = *restored;
    if (context.json) {
        *context.out << QString::fromUtf8(
            QJsonDocument(QJsonObject {{QStringLiteral("transactions"), counts.transactions},
                                       {QStringLiteral("categories"), counts.categories},
                                       {QStringLiteral("budgets"), counts.budgets},
                                       {QStringLiteral("rules"), counts.rules},
                                       {QStringLiteral("invoices"), counts.invoices}})
                .toJson(QJsonDocument::Compact))
                     << Qt::endl;
    } else {
        const QLocale locale = session.locale();
        *context.out << tr("Restored %n transaction(s), with %1 categories, %2 budgets, %3 rules and %4 receipts.",
                           nullptr, int(qMin<qint64>(counts.transactions, std::numeric_limits<int>::max())))
                            .arg(locale.toString(counts.categories), locale.toString(counts.budgets),
                                 locale.toString(counts.rules), locale.toString(counts.invoices))
                     << Qt::endl;
    }
    return ExitCode::Ok;
}

} // namespace Moniagent
