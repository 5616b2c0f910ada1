#include "database.h"

#include "core/logging.h"
#include "migrator.h"
#include "sql.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QThread>

namespace Moniagent {

namespace {

struct FileFacts
{
    int userVersion = 0;
    int applicationId = 0;
    int objectCount = 0;
};

// Reads what we need to know about an existing file through a read-only connection: nothing is written,
// not even a journal-mode change, so a file we refuse is left exactly as it was.
Result<FileFacts> inspect(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Error {Error::Code::Io,
                      Database::tr("Cannot read “%1”: %2").arg(QDir::toNativeSeparators(path), file.errorString()),
                      {}};
    }
    const QByteArray header = file.read(16);
    file.close();
    if (header != QByteArrayView("SQLite format 3\0", 16)) {
        return Error {Error::Code::Corrupt,
                      Database::tr("“%1” is not a Moniagent database, or it is damaged. The file was not changed.")
                          .arg(QDir::toNativeSeparators(path)),
                      QStringLiteral("bad SQLite header")};
    }

    static QAtomicInteger<int> counter;
    const QString name = QStringLiteral("moniagent-inspect-%1").arg(counter.fetchAndAddRelaxed(1));
    Result<FileFacts> result = FileFacts {};
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        const auto corrupt = [&](const QString& detail) {
            return Error {Error::Code::Corrupt,
                          Database::tr("“%1” is not a Moniagent database, or it is damaged. The file was not changed.")
                              .arg(QDir::toNativeSeparators(path)),
                          detail};
        };
        if (!db.open()) {
            result = corrupt(db.lastError().text());
        } else {
            FileFacts facts;
            auto version = Sql::scalar(db, QStringLiteral("PRAGMA user_version"));
            auto appId = Sql::scalar(db, QStringLiteral("PRAGMA application_id"));
            auto objects = Sql::scalar(db, QStringLiteral("SELECT count(*) FROM sqlite_master"));
            if (!version || !appId || !objects) {
                result = corrupt(!version ? version.error().detail
                                          : (!appId ? appId.error().detail : objects.error().detail));
            } else {
                facts.userVersion = version->toInt();
                facts.applicationId = appId->toInt();
                facts.objectCount = objects->toInt();
                result = facts;
            }
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

void applyPragmas(QSqlDatabase& db)
{
    const QStringList pragmas = {
        QStringLiteral("PRAGMA foreign_keys = ON"), QStringLiteral("PRAGMA journal_mode = WAL"),
        QStringLiteral("PRAGMA synchronous = NORMAL"),
        // After a large import the write-ahead log would otherwise keep its size on disk while the app runs.
        QStringLiteral("PRAGMA journal_size_limit = 67108864"), QStringLiteral("PRAGMA temp_store = MEMORY"),
        QStringLiteral("PRAGMA cache_size = -16384"), // 16 MiB per connection
    };
    for (const QString& pragma : pragmas) {
        auto result = Sql::exec(db, pragma);
        if (!result)
            qCWarning(lcDb) << pragma << "failed:" << result.error().toString();
    }
}

} // namespace

Database::Database(QString path)
    : m_path(std::move(path))
{
    static QAtomicInteger<int> counter;
    m_prefix = QStringLiteral("moniagent-%1-").arg(counter.fetchAndAddRelaxed(1));
}

Database::~Database()
{
    QMutexLocker locker(&m_mutex);
    const QString mine = m_prefix + QString::number(quintptr(QThread::currentThreadId()), 16);
    for (const QString& name : std::as_const(m_connectionNames)) {
        if (!QSqlDatabase::contains(name))
            continue;
        if (name == mine) {
            QSqlDatabase db = QSqlDatabase::database(name, false);
            if (db.isOpen()) {
                (void)Sql::exec(db, QStringLiteral("PRAGMA optimize"));
                db.close();
            }
        }
        QSqlDatabase::removeDatabase(name);
    }
}

QString Database::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/moniagent.sqlite");
}

Result<std::unique_ptr<Database>> Database::open(const QString& path, int targetVersion)
{
    if (path.isEmpty())
        return Error::invalidInput(tr("No database file was given."));
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath())) {
        return Error {Error::Code::Io,
                      tr("Cannot create the folder “%1”.").arg(QDir::toNativeSeparators(info.absolutePath())),
                      {}};
    }
    std::unique_ptr<Database> database(new Database(info.absoluteFilePath()));
    auto initialized = database->initialize(targetVersion);
    if (!initialized)
        return initialized.error();
    return database;
}

Result<void> Database::initialize(int targetVersion)
{
    const int latest = Migrator::latestVersion();
    if (targetVersion < 0 || targetVersion > latest)
        targetVersion = latest;

    int existingVersion = 0;
    const QFileInfo info(m_path);
    if (info.exists() && info.size() > 0) {
        auto facts = inspect(m_path);
        if (!facts)
            return facts.error();
        if (facts->userVersion > latest) {
            return Error {
                Error::Code::NewerVersion,
                tr("“%1” was saved by a newer version of Moniagent (data version %2; this version reads up to "
                   "%3). Install the newer Moniagent to open it. The file was not changed.")
                    .arg(QDir::toNativeSeparators(m_path))
                    .arg(facts->userVersion)
                    .arg(latest),
                {}};
        }
        const bool ours = facts->applicationId == ApplicationId;
        const bool empty = facts->applicationId == 0 && facts->objectCount == 0 && facts->userVersion == 0;
        if (!ours && !empty) {
            return Error {Error::Code::Corrupt,
                          tr("“%1” belongs to another application, not Moniagent. The file was not changed.")
                              .arg(QDir::toNativeSeparators(m_path)),
                          QStringLiteral("application_id %1").arg(facts->applicationId)};
        }
        existingVersion = facts->userVersion;
    }

    QSqlDatabase db = connection();
    if (!db.isOpen()) {
        return Error::database(tr("Cannot open “%1”.").arg(QDir::toNativeSeparators(m_path)), db.lastError().text());
    }

    if (existingVersion > 0 && existingVersion < targetVersion) {
        // Keep the file as it was before the upgrade; VACUUM INTO writes a consistent copy even in WAL mode.
        const QString backup = m_path
            + QStringLiteral(".v%1-%2.bak")
                  .arg(existingVersion)
                  .arg(QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMddHHmmss")));
        QString quoted = backup;
        quoted.replace(u'\'', QStringLiteral("''"));
        auto copied = Sql::exec(db, QStringLiteral("VACUUM INTO '%1'").arg(quoted));
        if (!copied) {
            return Error {Error::Code::Io,
                          tr("Could not back up the database before updating it, so it was not updated. Check that "
                             "there is free disk space next to “%1”.")
                              .arg(QDir::toNativeSeparators(m_path)),
                          copied.error().detail};
        }
        m_backupPath = backup;
        qCInfo(lcDb) << "backed up" << m_path << "to" << backup;
    }

    return Migrator::migrate(db, targetVersion);
}

int Database::schemaVersion() const
{
    auto version = Migrator::currentVersion(connection());
    return version ? *version : -1;
}

QSqlDatabase Database::connection() const
{
    QThread* thread = QThread::currentThread();
    const QString name = m_prefix + QString::number(quintptr(QThread::currentThreadId()), 16);
    if (QSqlDatabase::contains(name))
        return QSqlDatabase::database(name, false);

    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(m_path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    if (!db.open()) {
        qCWarning(lcDb) << "cannot open" << m_path << db.lastError().text();
        return db;
    }
    applyPragmas(db);
    {
        QMutexLocker locker(&m_mutex);
        m_connectionNames.append(name);
    }
    const QCoreApplication* app = QCoreApplication::instance();
    if (app && thread != app->thread()) {
        // Close this thread's connection in the thread itself when it finishes.
        QObject::connect(
            thread, &QThread::finished, thread,
            [name]() {
                {
                    QSqlDatabase finished = QSqlDatabase::database(name, false);
                    finished.close();
                }
                QSqlDatabase::removeDatabase(name);
            },
            Qt::DirectConnection);
    }
    return db;
}

Result<void> Database::checkIntegrity() const
{
    auto result = Sql::scalar(connection(), QStringLiteral("PRAGMA quick_check"));
    if (!result)
        return result.error();
    if (result->toString() != QLatin1String("ok")) {
        return Error {Error::Code::Corrupt, tr("The database is damaged. Restore a backup or export what can be read."),
                      result->toString()};
    }
    return {};
}

} // namespace Moniagent
