#pragma once

#include "core/clock.h"
#include "core/transaction.h"
#include "db/database.h"

#include <QMutex>
#include <QTemporaryDir>

#include <memory>

namespace Moniagent::Test {

// A real SQLite file in a fresh temporary folder, migrated to the latest schema.
class TestDatabase
{
public:
    TestDatabase();

    bool isValid() const { return m_database != nullptr; }
    Database* database() const { return m_database.get(); }
    QString path() const { return m_dir.filePath(QStringLiteral("moniagent.sqlite")); }
    QString dirPath() const { return m_dir.path(); }
    // Closes and reopens the file (simulates a restart).
    bool reopen();

    // Creates a profile with the default categories and returns its id (0 on failure).
    qint64 createUser(const QString& username, const QString& currency = QStringLiteral("EUR"));
    // The id of one of the user's categories by English key or name (0 if missing).
    qint64 categoryId(qint64 userId, const QString& name);
    // The first column of the first row of a query, as a number (-1 when the query fails).
    qint64 scalar(const QString& sql, const QVariantList& params = {}) const;

    // A valid expense, ready to add.
    static Transaction expense(qint64 minor, const QString& merchant, QDate date,
                               const QString& currency = QStringLiteral("EUR"));
    static Transaction income(qint64 minor, const QString& merchant, QDate date,
                              const QString& currency = QStringLiteral("EUR"));

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_database;
};

// A clock the test sets by hand. Thread-safe: a worker thread (the job runner) may read it while the test sets it.
class ManualClock final : public Clock
{
public:
    explicit ManualClock(QDateTime now = QDateTime(QDate(2026, 11, 22), QTime(12, 0), Qt::UTC))
        : m_now(std::move(now))
    { }
    QDateTime nowUtc() const override
    {
        QMutexLocker locker(&m_mutex);
        return m_now;
    }
    QDate today() const override { return nowUtc().date(); }
    void set(QDateTime now)
    {
        QMutexLocker locker(&m_mutex);
        m_now = std::move(now);
    }
    void advanceDays(int days)
    {
        QMutexLocker locker(&m_mutex);
        m_now = m_now.addDays(days);
    }
    void advanceSecs(qint64 seconds)
    {
        QMutexLocker locker(&m_mutex);
        m_now = m_now.addSecs(seconds);
    }

private:
    mutable QMutex m_mutex;
    QDateTime m_now;
};

} // namespace Moniagent::Test
