#pragma once

#include "core/result.h"

#include <QCoreApplication>
#include <QMutex>
#include <QSqlDatabase>
#include <QStringList>

#include <memory>

namespace Moniagent {

// The SQLite store: one file per installation. Opening checks the file without touching it, refuses
// damaged files and files from a newer Moniagent, backs the file up and applies pending migrations.
// Each thread gets its own connection (WAL lets readers run beside the writer); a worker thread's
// connection is closed when the thread finishes. Stop worker threads before destroying the Database.
class Database
{
    Q_DECLARE_TR_FUNCTIONS(Moniagent::Database)

public:
    static constexpr int ApplicationId = 0x4D4F4E49; // 'MONI'

    // `targetVersion` < 0 means the latest schema; tests use other values to build older files.
    static Result<std::unique_ptr<Database>> open(const QString& path, int targetVersion = -1);
    // <AppDataLocation>/moniagent.sqlite
    static QString defaultPath();

    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    const QString& path() const { return m_path; }
    // The copy taken before the last schema upgrade, or empty when none was needed.
    const QString& backupPath() const { return m_backupPath; }
    int schemaVersion() const;

    // This thread's connection, opened on first use with the pragmas of DESIGN.md §3.
    QSqlDatabase connection() const;

    // PRAGMA quick_check: slow on large files, meant for an explicit "check database" action.
    Result<void> checkIntegrity() const;

private:
    explicit Database(QString path);
    Result<void> initialize(int targetVersion);

    QString m_path;
    QString m_prefix;
    QString m_backupPath;
    mutable QMutex m_mutex;
    mutable QStringList m_connectionNames;
};

} // namespace Moniagent
