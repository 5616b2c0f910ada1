#include "migrator.h"

#include "core/logging.h"
#include "sql.h"
#include "sqlscript.h"
#include "sqltransaction.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QRegularExpression>

#include <algorithm>

namespace Moniagent {

QList<Migrator::Migration> Migrator::available()
{
    static const QList<Migration> migrations = [] {
        QList<Migration> list;
        static const QRegularExpression pattern(QStringLiteral(R"(^(\d{4})_([a-z0-9_]+)\.sql$)"));
        const QStringList files = QDir(QStringLiteral(":/sql")).entryList({QStringLiteral("*.sql")}, QDir::Files);
        for (const QString& file : files) {
            const auto match = pattern.match(file);
            if (!match.hasMatch()) {
                qCWarning(lcDb) << "ignoring misnamed migration" << file;
                continue;
            }
            list.append({match.captured(1).toInt(), match.captured(2), QStringLiteral(":/sql/") + file});
        }
        std::sort(list.begin(), list.end(),
                  [](const Migration& a, const Migration& b) { return a.version < b.version; });
        for (int i = 0; i < list.size(); ++i)
            Q_ASSERT_X(list.at(i).version == i + 1, "Migrator", "migrations must be numbered 1, 2, 3 … without gaps");
        return list;
    }();
    return migrations;
}

int Migrator::latestVersion()
{
    const auto migrations = available();
    return migrations.isEmpty() ? 0 : migrations.last().version;
}

Result<int> Migrator::currentVersion(const QSqlDatabase& db)
{
    auto version = Sql::scalar(db, QStringLiteral("PRAGMA user_version"));
    if (!version)
        return version.error();
    return version->toInt();
}

Result<void> Migrator::migrate(const QSqlDatabase& db, int targetVersion)
{
    if (targetVersion < 0)
        targetVersion = latestVersion();
    auto current = currentVersion(db);
    if (!current)
        return current.error();

    for (const Migration& migration : available()) {
        if (migration.version <= *current || migration.version > targetVersion)
            continue;
        QFile file(migration.path);
        if (!file.open(QIODevice::ReadOnly))
            return Error::database(tr("A schema update is missing from this build."), migration.path);
        const QStringList statements = SqlScript::split(QString::fromUtf8(file.readAll()));

        qCInfo(lcDb) << "applying migration" << migration.version << migration.name;
        SqlTransaction transaction(db);
        if (!transaction.isActive())
            return transaction.error();
        for (const QString& statement : statements) {
            auto result = Sql::exec(db, statement);
            if (!result) {
                Error error = result.error();
                error.message = tr("Updating the database to version %1 failed; it was left unchanged at version %2.")
                                    .arg(migration.version)
                                    .arg(*current);
                error.detail += QStringLiteral(" [") + migration.name + QStringLiteral("] ") + statement.left(200);
                return error;
            }
        }
        auto setVersion = Sql::exec(db, QStringLiteral("PRAGMA user_version = %1").arg(migration.version));
        if (!setVersion)
            return setVersion.error();
        auto committed = transaction.commit();
        if (!committed)
            return committed.error();
        *current = migration.version;
    }
    return {};
}

} // namespace Moniagent
