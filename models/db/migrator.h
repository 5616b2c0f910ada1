#pragma once

#include "core/result.h"

#include <QCoreApplication>
#include <QList>
#include <QSqlDatabase>

namespace Moniagent {

// Versioned schema migrations: numbered SQL files (resources/sql/NNNN_name.sql, compiled in as :/sql/…),
// each applied in one transaction that also sets PRAGMA user_version.
class Migrator
{
    Q_DECLARE_TR_FUNCTIONS(Moniagent::Migrator)

public:
    struct Migration
    {
        int version = 0;
        QString name;
        QString path;
    };

    static QList<Migration> available();
    static int latestVersion();
    static Result<int> currentVersion(const QSqlDatabase& db);

    // Applies every migration after the current version up to `targetVersion` (-1: the latest).
    // A failing migration is rolled back entirely and the file stays at the last good version.
    static Result<void> migrate(const QSqlDatabase& db, int targetVersion = -1);
};

} // namespace Moniagent
