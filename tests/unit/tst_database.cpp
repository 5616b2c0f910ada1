#include "db/database.h"
#include "db/migrator.h"
#include "db/sql.h"
#include "db/sqlscript.h"
#include "db/sqltransaction.h"
#include "db/transactionrepository.h"
#include "testdatabase.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTest>
#include <QThread>
#include <QUuid>

using namespace Moniagent;

namespace {

QByteArray fileHash(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

// A connection that bypasses Database, to prepare files the way another program (or an older build) would.
class RawConnection
{
public:
    explicit RawConnection(const QString& path)
        : m_name(QStringLiteral("raw-%1").arg(QRandomGenerator::global()->generate()))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        db.open();
    }
    ~RawConnection()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }
    bool exec(const QString& sql) const
    {
        QSqlQuery query(db());
        return query.exec(sql);
    }

private:
    QString m_name;
};

QStringList schemaObjects(const QSqlDatabase& db)
{
    QStringList objects;
    QSqlQuery query(db);
    query.exec(QStringLiteral("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' "
                              "ORDER BY type, name"));
    while (query.next()) {
        QString sql = query.value(3).toString().simplified();
        objects << query.value(0).toString() + u' ' + query.value(1).toString() + u' ' + sql;
    }
    return objects;
}

} // namespace

class TestDatabase : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void freshSchema();
    void defaultPathIsInAppData();
    void upgradeFromEveryVersion();
    void refusesNewerVersion();
    void refusesDamagedFiles_data();
    void refusesDamagedFiles();
    void emptyFileBecomesDatabase();
    void checkConstraints_data();
    void checkConstraints();
    void uniqueKeys();
    void foreignKeyActions();
    void crossUserReferencesRefused();
    void fullTextIndexStaysInSync();
    void perThreadConnections();
    void nestedTransactions();
    void diskFullChangesNothing();
    void sqlScriptSplit();
    void uuidsAreTimeOrderedVersion7();
};

void TestDatabase::freshSchema()
{
    Test::TestDatabase test;
    QVERIFY(test.isValid());
    Database* db = test.database();
    QCOMPARE(db->schemaVersion(), Migrator::latestVersion());
    QVERIFY(Migrator::latestVersion() >= 2);
    QVERIFY(db->backupPath().isEmpty());

    const QStringList expectedTables = {
        QStringLiteral("roles"),
        QStringLiteral("users"),
        QStringLiteral("categories"),
        QStringLiteral("transactions"),
        QStringLiteral("invoices"),
        QStringLiteral("budgets"),
        QStringLiteral("budget_alerts"),
        QStringLiteral("expense_categorization_rules"),
        QStringLiteral("categorization_feedback"),
        QStringLiteral("ai_interactions"),
        QStringLiteral("chat_sessions"),
        QStringLiteral("chat_messages"),
        QStringLiteral("connected_accounts"),
        QStringLiteral("emails"),
        QStringLiteral("email_extractions"),
        QStringLiteral("jobs"),
        QStringLiteral("llm_transactions"),
        QStringLiteral("transactions_fts"),
    };
    for (const QString& table : expectedTables) {
        auto exists = Sql::scalar(db->connection(), QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = ?"),
                                  {table});
        QVERIFY(exists.ok());
        QVERIFY2(exists->toInt() == 1, qPrintable(table));
    }
    QCOMPARE(Sql::scalar(db->connection(), QStringLiteral("PRAGMA foreign_keys"))->toInt(), 1);
    QCOMPARE(Sql::scalar(db->connection(), QStringLiteral("PRAGMA journal_mode"))->toString(), QStringLiteral("wal"));
    QCOMPARE(Sql::scalar(db->connection(), QStringLiteral("PRAGMA synchronous"))->toInt(), 1); // NORMAL
    QCOMPARE(Sql::scalar(db->connection(), QStringLiteral("PRAGMA application_id"))->toInt(), Database::ApplicationId);
    QCOMPARE(Sql::scalar(db->connection(),
                         QStringLiteral("SELECT group_concat(name, ',') FROM (SELECT name FROM roles "
                                        "ORDER BY name)"))
                 ->toString(),
             QStringLiteral("admin,user"));
    // The ledger's sort orders are backed by indexes.
    for (const char* index : {"transactions_user_date", "transactions_user_amount", "transactions_user_merchant",
                              "transactions_user_category", "transactions_user_source_external"}) {
        auto exists = Sql::scalar(
            db->connection(), QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = ?"),
            {QString::fromLatin1(index)});
        QVERIFY2(exists->toInt() == 1, index);
    }
}

void TestDatabase::defaultPathIsInAppData()
{
    QVERIFY(Database::defaultPath().endsWith(QStringLiteral("/moniagent.sqlite")));
    QVERIFY(!Database::defaultPath().startsWith(QStringLiteral("/moniagent.sqlite")));
}

void TestDatabase::upgradeFromEveryVersion()
{
    const int latest = Migrator::latestVersion();
    QStringList freshSchema;
    {
        Test::TestDatabase fresh;
        freshSchema = schemaObjects(fresh.database()->connection());
    }
    for (int from = 0; from < latest; ++from) {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("old.sqlite"));
        {
            auto old = Database::open(path, from);
            QVERIFY2(old.ok(), qPrintable(old.ok() ? QString() : old.error().toString()));
            QCOMPARE((*old)->schemaVersion(), from);
            if (from >= 1) {
                // Data written by the older version, including text the search index must learn about.
                QSqlDatabase c = (*old)->connection();
                QVERIFY(Sql::exec(c,
                                  QStringLiteral("INSERT INTO users (uuid, username, role_id) VALUES "
                                                 "('00000000-0000-0000-0000-000000000001', 'old', 1)"))
                            .ok());
                QVERIFY(Sql::exec(c,
                                  QStringLiteral("INSERT INTO transactions (uuid, user_id, type, amount_minor, "
                                                 "currency, occurred_on, merchant_name) VALUES "
                                                 "('00000000-0000-0000-0000-000000000002', 1, 'expense', 450, 'EUR', "
                                                 "'2020-02-29', 'Café Zürich')"))
                            .ok());
            }
        }
        auto upgraded = Database::open(path);
        QVERIFY2(upgraded.ok(), qPrintable(upgraded.ok() ? QString() : upgraded.error().toString()));
        Database* db = upgraded->get();
        QCOMPARE(db->schemaVersion(), latest);
        QCOMPARE(schemaObjects(db->connection()), freshSchema);
        if (from >= 1) {
            QVERIFY(!db->backupPath().isEmpty());
            QVERIFY(QFile::exists(db->backupPath()));
            RawConnection backup(db->backupPath());
            QCOMPARE(Sql::scalar(backup.db(), QStringLiteral("PRAGMA user_version"))->toInt(), from);
            QCOMPARE(Sql::scalar(backup.db(), QStringLiteral("SELECT count(*) FROM transactions"))->toInt(), 1);
            // The old row survived and is now searchable, accent-insensitively.
            auto found
                = Sql::scalar(db->connection(),
                              QStringLiteral("SELECT count(*) FROM transactions_fts WHERE transactions_fts MATCH "
                                             "'zurich'"));
            QCOMPARE(found->toInt(), 1);
        } else {
            QVERIFY(db->backupPath().isEmpty());
        }
    }
}

void TestDatabase::refusesNewerVersion()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("future.sqlite"));
    {
        auto db = Database::open(path);
        QVERIFY(db.ok());
    }
    {
        RawConnection raw(path);
        QVERIFY(raw.exec(QStringLiteral("PRAGMA user_version = %1").arg(Migrator::latestVersion() + 1)));
        QVERIFY(raw.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
        QVERIFY(raw.exec(QStringLiteral("PRAGMA journal_mode = DELETE")));
    }
    const QByteArray before = fileHash(path);
    const QStringList filesBefore = QDir(dir.path()).entryList(QDir::Files);
    auto refused = Database::open(path);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, Error::Code::NewerVersion);
    QVERIFY(refused.error().message.contains(QStringLiteral("newer version")));
    QCOMPARE(fileHash(path), before);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), filesBefore);
}

void TestDatabase::refusesDamagedFiles_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<int>("code");
    QByteArray random(64 * 1024, '\0');
    for (auto& byte : random)
        byte = char(QRandomGenerator::global()->bounded(256));
    QTest::newRow("random bytes") << random << int(Error::Code::Corrupt);
    QTest::newRow("text file") << QByteArray("date,amount\n2024-01-01,12.50\n") << int(Error::Code::Corrupt);
    QByteArray badBody("SQLite format 3\0", 16);
    badBody.append(QByteArray(8192, 'x'));
    QTest::newRow("header then garbage") << badBody << int(Error::Code::Corrupt);
}

void TestDatabase::refusesDamagedFiles()
{
    QFETCH(QByteArray, content);
    QFETCH(int, code);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("damaged.sqlite"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
    }
    const QByteArray before = fileHash(path);
    auto refused = Database::open(path);
    QVERIFY(!refused.ok());
    QCOMPARE(int(refused.error().code), code);
    QVERIFY(refused.error().message.contains(QStringLiteral("not changed")));
    QCOMPARE(fileHash(path), before);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList {QStringLiteral("damaged.sqlite")});

    // Another application's database is refused the same way.
    const QString foreign = dir.filePath(QStringLiteral("foreign.sqlite"));
    {
        RawConnection raw(foreign);
        QVERIFY(raw.exec(QStringLiteral("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")));
        QVERIFY(raw.exec(QStringLiteral("INSERT INTO notes (body) VALUES ('keep me')")));
    }
    const QByteArray foreignBefore = fileHash(foreign);
    auto refusedForeign = Database::open(foreign);
    QVERIFY(!refusedForeign.ok());
    QCOMPARE(refusedForeign.error().code, Error::Code::Corrupt);
    QVERIFY(refusedForeign.error().message.contains(QStringLiteral("another application")));
    QCOMPARE(fileHash(foreign), foreignBefore);
}

void TestDatabase::emptyFileBecomesDatabase()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("empty.sqlite"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
    }
    auto db = Database::open(path);
    QVERIFY(db.ok());
    QCOMPARE((*db)->schemaVersion(), Migrator::latestVersion());
}

void TestDatabase::checkConstraints_data()
{
    QTest::addColumn<QString>("sql");
    const QString tx
        = QStringLiteral("INSERT INTO transactions (uuid, user_id, type, amount_minor, currency, occurred_on, "
                         "source, source_metadata, category_confidence, categorized_by) VALUES "
                         "('11111111-1111-1111-1111-111111111111', 1, %1, %2, %3, %4, %5, %6, %7, %8)");
    auto row = [&](QString type, QString amount, QString currency, QString date,
                   QString source = QStringLiteral("'manual'"), QString metadata = QStringLiteral("'{}'"),
                   QString confidence = QStringLiteral("NULL"), QString by = QStringLiteral("NULL")) {
        return tx.arg(type, amount, currency, date, source, metadata, confidence, by);
    };
    const QString ok = row(QStringLiteral("'expense'"), QStringLiteral("100"), QStringLiteral("'EUR'"),
                           QStringLiteral("'2024-02-29'"));
    Q_UNUSED(ok);
    QTest::newRow("zero amount") << row(QStringLiteral("'expense'"), QStringLiteral("0"), QStringLiteral("'EUR'"),
                                        QStringLiteral("'2024-01-01'"));
    QTest::newRow("negative amount") << row(QStringLiteral("'expense'"), QStringLiteral("-5"), QStringLiteral("'EUR'"),
                                            QStringLiteral("'2024-01-01'"));
    QTest::newRow("fractional amount") << row(QStringLiteral("'expense'"), QStringLiteral("1.5"),
                                              QStringLiteral("'EUR'"), QStringLiteral("'2024-01-01'"));
    QTest::newRow("lower-case currency") << row(QStringLiteral("'expense'"), QStringLiteral("100"),
                                                QStringLiteral("'eur'"), QStringLiteral("'2024-01-01'"));
    QTest::newRow("unknown type") << row(QStringLiteral("'refund'"), QStringLiteral("100"), QStringLiteral("'EUR'"),
                                         QStringLiteral("'2024-01-01'"));
    QTest::newRow("impossible date") << row(QStringLiteral("'expense'"), QStringLiteral("100"), QStringLiteral("'EUR'"),
                                            QStringLiteral("'2023-02-29'"));
    QTest::newRow("unpadded date") << row(QStringLiteral("'expense'"), QStringLiteral("100"), QStringLiteral("'EUR'"),
                                          QStringLiteral("'2024-2-3'"));
    QTest::newRow("unknown source") << row(QStringLiteral("'expense'"), QStringLiteral("100"), QStringLiteral("'EUR'"),
                                           QStringLiteral("'2024-01-01'"), QStringLiteral("'fax'"));
    QTest::newRow("invalid json") << row(QStringLiteral("'expense'"), QStringLiteral("100"), QStringLiteral("'EUR'"),
                                         QStringLiteral("'2024-01-01'"), QStringLiteral("'manual'"),
                                         QStringLiteral("'{not json'"));
    QTest::newRow("confidence above one") << row(
        QStringLiteral("'expense'"), QStringLiteral("100"), QStringLiteral("'EUR'"), QStringLiteral("'2024-01-01'"),
        QStringLiteral("'manual'"), QStringLiteral("'{}'"), QStringLiteral("1.5"));
    QTest::newRow("unknown categorizer") << row(
        QStringLiteral("'expense'"), QStringLiteral("100"), QStringLiteral("'EUR'"), QStringLiteral("'2024-01-01'"),
        QStringLiteral("'manual'"), QStringLiteral("'{}'"), QStringLiteral("0.5"), QStringLiteral("'magic'"));
    QTest::newRow("category color") << QStringLiteral("INSERT INTO categories (uuid, user_id, name, type, color) "
                                                      "VALUES ('22222222-2222-2222-2222-222222222222', 1, 'X', "
                                                      "'expense', 'red')");
    QTest::newRow("category type") << QStringLiteral("INSERT INTO categories (uuid, user_id, name, type) VALUES "
                                                     "('22222222-2222-2222-2222-222222222222', 1, 'X', 'other')");
    QTest::newRow("system without key") << QStringLiteral(
        "INSERT INTO categories (uuid, user_id, name, type, is_system) VALUES ('22222222-2222-2222-2222-222222222222', "
        "1, "
        "'X', 'expense', 1)");
    QTest::newRow("role name") << QStringLiteral("INSERT INTO roles (name) VALUES ('root')");
    QTest::newRow("budget threshold") << QStringLiteral("INSERT INTO budgets (user_id, limit_minor, currency, period, "
                                                        "alert_threshold) VALUES (1, 100, 'EUR', 'monthly', 1.2)");
    QTest::newRow("budget period") << QStringLiteral(
        "INSERT INTO budgets (user_id, limit_minor, currency, period) VALUES (1, 100, 'EUR', 'daily')");
    QTest::newRow("budget limit") << QStringLiteral(
        "INSERT INTO budgets (user_id, limit_minor, currency, period) VALUES (1, 0, 'EUR', 'monthly')");
    QTest::newRow("job status") << QStringLiteral("INSERT INTO jobs (job_type, status) VALUES ('IMPORT', 'DONE')");
    QTest::newRow("job type") << QStringLiteral("INSERT INTO jobs (job_type) VALUES ('email fetch')");
    QTest::newRow("invoice status") << QStringLiteral(
        "INSERT INTO invoices (uuid, user_id, filename, file_path, sha256, status) VALUES "
        "('33333333-3333-3333-3333-333333333333', 1, 'a.jpg', '/a.jpg', "
        "'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 'done')");
    QTest::newRow("email extraction status")
        << QStringLiteral("INSERT INTO email_extractions (email_id, extraction_version, status) VALUES (1, 1, 'OK')");
    QTest::newRow("chat role") << QStringLiteral(
        "INSERT INTO chat_messages (session_id, role, content) VALUES (1, 'system', 'x')");
    QTest::newRow("account provider") << QStringLiteral(
        "INSERT INTO connected_accounts (user_id, provider, email, keychain_key) VALUES (1, 'yahoo', 'a@b.c', 'k')");
    QTest::newRow("negative tokens") << QStringLiteral(
        "INSERT INTO llm_transactions (provider, model_name, input_tokens) VALUES ('openai', 'gpt', -1)");
    QTest::newRow("user password not argon2id") << QStringLiteral(
        "INSERT INTO users (uuid, username, role_id, password_hash) VALUES ('44444444-4444-4444-4444-444444444444', "
        "'p', 1, 'plaintext')");
}

void TestDatabase::checkConstraints()
{
    QFETCH(QString, sql);
    Test::TestDatabase test;
    QVERIFY(test.createUser(QStringLiteral("alice")) == 1);
    QSqlDatabase c = test.database()->connection();
    // Parents for the child rows some constraints are about.
    QVERIFY(Sql::exec(c,
                      QStringLiteral("INSERT INTO connected_accounts (user_id, provider, email, keychain_key) VALUES "
                                     "(1, 'imap', 'a@example.org', 'mail:imap:a@example.org')"))
                .ok());
    QVERIFY(
        Sql::exec(c,
                  QStringLiteral("INSERT INTO emails (user_id, connected_account_id, provider, provider_message_id) "
                                 "VALUES (1, 1, 'imap', 'm1')"))
            .ok());
    QVERIFY(Sql::exec(c,
                      QStringLiteral("INSERT INTO chat_sessions (uuid, user_id) VALUES "
                                     "('55555555-5555-5555-5555-555555555555', 1)"))
                .ok());
    const auto countRows = [&]() {
        qint64 total = 0;
        for (const char* table :
             {"transactions", "categories", "roles", "budgets", "jobs", "invoices", "email_extractions",
              "chat_messages", "connected_accounts", "llm_transactions", "users"})
            total += Sql::scalar(c, QStringLiteral("SELECT count(*) FROM ") + QString::fromLatin1(table))->toLongLong();
        return total;
    };
    const qint64 before = countRows();
    auto result = Sql::exec(c, sql);
    QVERIFY2(!result.ok(), qPrintable(sql));
    QCOMPARE(result.error().code, Error::Code::Conflict);
    QCOMPARE(countRows(), before);
}

void TestDatabase::uniqueKeys()
{
    Test::TestDatabase test;
    const qint64 alice = test.createUser(QStringLiteral("alice"));
    const qint64 bob = test.createUser(QStringLiteral("bob"));
    QSqlDatabase c = test.database()->connection();
    // Usernames and category names are unique without regard to case.
    QVERIFY(!test.createUser(QStringLiteral("ALICE")));
    QVERIFY(!Sql::exec(c,
                       QStringLiteral("INSERT INTO categories (uuid, user_id, name, type) VALUES "
                                      "('66666666-6666-6666-6666-666666666666', ?, 'groceries', 'expense')"),
                       {alice})
                 .ok());
    // … but per user.
    QVERIFY(Sql::exec(c,
                      QStringLiteral("INSERT INTO categories (uuid, user_id, name, type) VALUES "
                                     "('66666666-6666-6666-6666-666666666666', ?, 'Hobby', 'expense')"),
                      {alice})
                .ok());
    QVERIFY(Sql::exec(c,
                      QStringLiteral("INSERT INTO categories (uuid, user_id, name, type) VALUES "
                                     "('77777777-7777-7777-7777-777777777777', ?, 'Hobby', 'expense')"),
                      {bob})
                .ok());
    // External ids are unique per user and source, and only when present.
    const QString insert = QStringLiteral("INSERT INTO transactions (uuid, user_id, type, amount_minor, currency, "
                                          "occurred_on, source, external_id) VALUES (?, ?, 'expense', 100, 'EUR', "
                                          "'2024-01-01', ?, ?)");
    QVERIFY(Sql::exec(c, insert, {Sql::newUuid(), alice, QStringLiteral("import"), QStringLiteral("FIT1")}).ok());
    QVERIFY(!Sql::exec(c, insert, {Sql::newUuid(), alice, QStringLiteral("import"), QStringLiteral("FIT1")}).ok());
    QVERIFY(Sql::exec(c, insert, {Sql::newUuid(), alice, QStringLiteral("gmail"), QStringLiteral("FIT1")}).ok());
    QVERIFY(Sql::exec(c, insert, {Sql::newUuid(), bob, QStringLiteral("import"), QStringLiteral("FIT1")}).ok());
    QVERIFY(Sql::exec(c, insert, {Sql::newUuid(), alice, QStringLiteral("import"), QVariant()}).ok());
    QVERIFY(Sql::exec(c, insert, {Sql::newUuid(), alice, QStringLiteral("import"), QVariant()}).ok());
    // One budget per category, and one overall budget, per user.
    const qint64 groceries = test.categoryId(alice, QStringLiteral("Groceries"));
    const QString budget
        = QStringLiteral("INSERT INTO budgets (user_id, category_id, limit_minor, currency) VALUES (?, ?, "
                         "1000, 'EUR')");
    QVERIFY(Sql::exec(c, budget, {alice, groceries}).ok());
    QVERIFY(!Sql::exec(c, budget, {alice, groceries}).ok());
    QVERIFY(Sql::exec(c, budget, {alice, QVariant()}).ok());
    QVERIFY(!Sql::exec(c, budget, {alice, QVariant()}).ok());
    QVERIFY(Sql::exec(c, budget, {bob, QVariant()}).ok());
    // An alert once per budget, period and level.
    const QString alert = QStringLiteral("INSERT INTO budget_alerts (budget_id, period_start, level) VALUES (1, "
                                         "'2024-01-01', 'warning')");
    QVERIFY(Sql::exec(c, alert).ok());
    QVERIFY(!Sql::exec(c, alert).ok());
}

void TestDatabase::foreignKeyActions()
{
    Test::TestDatabase test;
    const qint64 alice = test.createUser(QStringLiteral("alice"));
    const qint64 bob = test.createUser(QStringLiteral("bob"));
    QSqlDatabase c = test.database()->connection();
    const qint64 groceries = test.categoryId(alice, QStringLiteral("Groceries"));
    QVERIFY(Sql::exec(
                c,
                QStringLiteral("INSERT INTO categories (uuid, user_id, name, type) VALUES (?, ?, 'Hobby', 'expense')"),
                {Sql::newUuid(), alice})
                .ok());
    const qint64 hobby = test.categoryId(alice, QStringLiteral("Hobby"));
    QVERIFY(Sql::exec(c,
                      QStringLiteral("INSERT INTO invoices (uuid, user_id, filename, file_path, sha256) VALUES (?, ?, "
                                     "'r.jpg', '/r.jpg', ?)"),
                      {Sql::newUuid(), alice, QString(64, u'a')})
                .ok());
    const qint64 invoice = Sql::scalar(c, QStringLiteral("SELECT max(id) FROM invoices"))->toLongLong();
    QVERIFY(
        Sql::exec(c,
                  QStringLiteral("INSERT INTO connected_accounts (user_id, provider, email, keychain_key) VALUES (?, "
                                 "'imap', 'a@example.org', 'mail:imap:a@example.org')"),
                  {alice})
            .ok());
    QVERIFY(
        Sql::exec(c,
                  QStringLiteral("INSERT INTO emails (user_id, connected_account_id, provider, provider_message_id) "
                                 "VALUES (?, 1, 'imap', 'm1')"),
                  {alice})
            .ok());
    const QString insert
        = QStringLiteral("INSERT INTO transactions (uuid, user_id, category_id, invoice_id, email_id, type, "
                         "amount_minor, currency, occurred_on) VALUES (?, ?, ?, ?, ?, 'expense', 100, "
                         "'EUR', '2024-01-01')");
    QVERIFY(Sql::exec(c, insert, {Sql::newUuid(), alice, hobby, invoice, 1}).ok());
    QVERIFY(Sql::exec(c, insert, {Sql::newUuid(), alice, groceries, QVariant(), QVariant()}).ok());
    QVERIFY(Sql::exec(c,
                      QStringLiteral("INSERT INTO budgets (user_id, category_id, limit_minor, currency) VALUES (?, ?, "
                                     "5000, 'EUR')"),
                      {alice, hobby})
                .ok());
    QVERIFY(
        Sql::exec(c,
                  QStringLiteral("INSERT INTO categorization_feedback (user_id, transaction_id, suggested_category_id, "
                                 "confirmed_category_id, feedback_type) VALUES (?, 1, ?, ?, 'correction')"),
                  {alice, groceries, hobby})
            .ok());

    // Deleting a category: its transactions become uncategorized, its budget goes, feedback keeps the row.
    QVERIFY(Sql::exec(c, QStringLiteral("DELETE FROM categories WHERE id = ?"), {hobby}).ok());
    QVERIFY(Sql::scalar(c, QStringLiteral("SELECT category_id FROM transactions WHERE id = 1"))->isNull());
    QCOMPARE(Sql::scalar(c, QStringLiteral("SELECT count(*) FROM budgets"))->toInt(), 0);
    QVERIFY(Sql::scalar(c, QStringLiteral("SELECT confirmed_category_id FROM categorization_feedback"))->isNull());
    // Deleting the invoice and the email unlinks the transaction.
    QVERIFY(Sql::exec(c, QStringLiteral("DELETE FROM invoices WHERE id = ?"), {invoice}).ok());
    QVERIFY(Sql::scalar(c, QStringLiteral("SELECT invoice_id FROM transactions WHERE id = 1"))->isNull());
    QVERIFY(Sql::exec(c, QStringLiteral("DELETE FROM connected_accounts")).ok());
    QCOMPARE(Sql::scalar(c, QStringLiteral("SELECT count(*) FROM emails"))->toInt(), 0);
    QVERIFY(Sql::scalar(c, QStringLiteral("SELECT email_id FROM transactions WHERE id = 1"))->isNull());
    // Deleting a transaction removes its feedback.
    QVERIFY(Sql::exec(c, QStringLiteral("DELETE FROM transactions WHERE id = 1")).ok());
    QCOMPARE(Sql::scalar(c, QStringLiteral("SELECT count(*) FROM categorization_feedback"))->toInt(), 0);
    // A role in use cannot be deleted.
    QVERIFY(!Sql::exec(c, QStringLiteral("DELETE FROM roles WHERE name = 'admin'")).ok());
    // Deleting a user takes everything of theirs and nothing of anyone else's.
    const int bobCategories
        = Sql::scalar(c, QStringLiteral("SELECT count(*) FROM categories WHERE user_id = ?"), {bob})->toInt();
    QVERIFY(Sql::exec(c, QStringLiteral("DELETE FROM users WHERE id = ?"), {alice}).ok());
    for (const char* table : {"transactions", "categories", "invoices", "budgets", "connected_accounts"}) {
        const auto left = Sql::scalar(
            c, QStringLiteral("SELECT count(*) FROM %1 WHERE user_id = ?").arg(QLatin1String(table)), {alice});
        QVERIFY2(left->toInt() == 0, table);
    }
    QCOMPARE(Sql::scalar(c, QStringLiteral("SELECT count(*) FROM categories WHERE user_id = ?"), {bob})->toInt(),
             bobCategories);
    QCOMPARE(Sql::scalar(c, QStringLiteral("SELECT count(*) FROM transactions_fts"))->toInt(),
             Sql::scalar(c, QStringLiteral("SELECT count(*) FROM transactions"))->toInt());
}

void TestDatabase::crossUserReferencesRefused()
{
    Test::TestDatabase test;
    const qint64 alice = test.createUser(QStringLiteral("alice"));
    const qint64 bob = test.createUser(QStringLiteral("bob"));
    QSqlDatabase c = test.database()->connection();
    const qint64 aliceGroceries = test.categoryId(alice, QStringLiteral("Groceries"));
    const QString insert
        = QStringLiteral("INSERT INTO transactions (uuid, user_id, category_id, type, amount_minor, "
                         "currency, occurred_on) VALUES (?, ?, ?, 'expense', 100, 'EUR', '2024-01-01')");
    auto refused = Sql::exec(c, insert, {Sql::newUuid(), bob, aliceGroceries});
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, Error::Code::Conflict);
    QVERIFY(Sql::exec(c, insert, {Sql::newUuid(), bob, test.categoryId(bob, QStringLiteral("Groceries"))}).ok());
    QVERIFY(!Sql::exec(c, QStringLiteral("UPDATE transactions SET category_id = ? WHERE user_id = ?"),
                       {aliceGroceries, bob})
                 .ok());
    QVERIFY(
        !Sql::exec(c,
                   QStringLiteral("INSERT INTO budgets (user_id, category_id, limit_minor, currency) VALUES (?, ?, 1, "
                                  "'EUR')"),
                   {bob, aliceGroceries})
             .ok());
    QVERIFY(
        !Sql::exec(c,
                   QStringLiteral("INSERT INTO expense_categorization_rules (user_id, category_id, store_name_pattern, "
                                  "rule_type) VALUES (?, ?, 'TESCO', 'keyword')"),
                   {bob, aliceGroceries})
             .ok());
}

void TestDatabase::fullTextIndexStaysInSync()
{
    Test::TestDatabase test;
    const qint64 alice = test.createUser(QStringLiteral("alice"));
    QSqlDatabase c = test.database()->connection();
    auto matches = [&](const QString& query) {
        return Sql::scalar(c, QStringLiteral("SELECT count(*) FROM transactions_fts WHERE transactions_fts MATCH ?"),
                           {query})
            ->toInt();
    };
    QVERIFY(
        Sql::exec(c,
                  QStringLiteral("INSERT INTO transactions (uuid, user_id, type, amount_minor, currency, occurred_on, "
                                 "merchant_name, notes) VALUES (?, ?, 'expense', 450, 'EUR', '2024-01-01', "
                                 "'Bäckerei Müller', 'Croissants')"),
                  {Sql::newUuid(), alice})
            .ok());
    QCOMPARE(matches(QStringLiteral("muller")), 1);
    QCOMPARE(matches(QStringLiteral("croiss*")), 1);
    QVERIFY(Sql::exec(c, QStringLiteral("UPDATE transactions SET merchant_name = 'Konditorei Schmidt'")).ok());
    QCOMPARE(matches(QStringLiteral("muller")), 0);
    QCOMPARE(matches(QStringLiteral("schmidt")), 1);
    // Changing other columns leaves the index alone but consistent.
    QVERIFY(Sql::exec(c, QStringLiteral("UPDATE transactions SET amount_minor = 500")).ok());
    QCOMPARE(matches(QStringLiteral("schmidt")), 1);
    QVERIFY(Sql::exec(c, QStringLiteral("DELETE FROM transactions")).ok());
    QCOMPARE(matches(QStringLiteral("schmidt")), 0);
    QVERIFY(Sql::exec(c, QStringLiteral("INSERT INTO transactions_fts (transactions_fts) VALUES ('integrity-check')"))
                .ok());
}

void TestDatabase::perThreadConnections()
{
    Test::TestDatabase test;
    const qint64 alice = test.createUser(QStringLiteral("alice"));
    Database* db = test.database();
    const QString mainName = db->connection().connectionName();
    QString workerName;
    qint64 seenByWorker = -1;
    bool foreignKeysInWorker = false;
    QThread* thread = QThread::create([&]() {
        QSqlDatabase c = db->connection();
        workerName = c.connectionName();
        seenByWorker = Sql::scalar(c, QStringLiteral("SELECT count(*) FROM categories WHERE user_id = ?"), {alice})
                           ->toLongLong();
        foreignKeysInWorker = Sql::scalar(c, QStringLiteral("PRAGMA foreign_keys"))->toInt() == 1;
    });
    thread->start();
    QVERIFY(thread->wait(10000));
    QVERIFY(!workerName.isEmpty());
    QVERIFY(workerName != mainName);
    QVERIFY(seenByWorker > 20);
    QVERIFY(foreignKeysInWorker);
    // The worker's connection was closed and removed when its thread finished.
    QVERIFY(!QSqlDatabase::contains(workerName));
    delete thread;
    QVERIFY(QSqlDatabase::contains(mainName));
}

void TestDatabase::nestedTransactions()
{
    Test::TestDatabase test;
    const qint64 alice = test.createUser(QStringLiteral("alice"));
    QSqlDatabase c = test.database()->connection();
    auto count = [&]() {
        return Sql::scalar(c, QStringLiteral("SELECT count(*) FROM transactions"))->toInt();
    };
    const QString insert = QStringLiteral("INSERT INTO transactions (uuid, user_id, type, amount_minor, currency, "
                                          "occurred_on) VALUES (?, ?, 'expense', 100, 'EUR', '2024-01-01')");
    {
        SqlTransaction outer(c);
        QVERIFY(outer.isActive());
        QVERIFY(Sql::exec(c, insert, {Sql::newUuid(), alice}).ok());
        {
            SqlTransaction inner(c);
            QVERIFY(inner.isActive());
            QVERIFY(Sql::exec(c, insert, {Sql::newUuid(), alice}).ok());
            // not committed: rolls back to the savepoint only
        }
        QCOMPARE(count(), 1);
        {
            SqlTransaction inner(c);
            QVERIFY(Sql::exec(c, insert, {Sql::newUuid(), alice}).ok());
            QVERIFY(inner.commit().ok());
        }
        QCOMPARE(count(), 2);
        // outer not committed: everything goes
    }
    QCOMPARE(count(), 0);
    {
        SqlTransaction outer(c);
        QVERIFY(Sql::exec(c, insert, {Sql::newUuid(), alice}).ok());
        QVERIFY(outer.commit().ok());
    }
    QCOMPARE(count(), 1);
}

void TestDatabase::diskFullChangesNothing()
{
    Test::TestDatabase test;
    const qint64 alice = test.createUser(QStringLiteral("alice"));
    QSqlDatabase c = test.database()->connection();
    const int before = Sql::scalar(c, QStringLiteral("SELECT count(*) FROM transactions"))->toInt();
    // Cap the file at its current size: SQLite then reports SQLITE_FULL exactly as on a full disk.
    const int pages = Sql::scalar(c, QStringLiteral("PRAGMA page_count"))->toInt();
    QVERIFY(Sql::exec(c, QStringLiteral("PRAGMA max_page_count = %1").arg(pages)).ok());
    QList<Transaction> many;
    for (int i = 0; i < 5000; ++i)
        many << Test::TestDatabase::expense(100 + i, QStringLiteral("Shop number %1 with a long name").arg(i),
                                            QDate(2024, 1, 1));
    TransactionRepository repository(test.database());
    auto result = repository.addMany(alice, many);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, Error::Code::Io);
    QVERIFY(result.error().message.contains(QStringLiteral("disk is full")));
    QCOMPARE(Sql::scalar(c, QStringLiteral("SELECT count(*) FROM transactions"))->toInt(), before);
    // The full-text trigger dropped during bulk insert is back.
    QCOMPARE(Sql::scalar(c, QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'transactions_fts_insert'"))
                 ->toInt(),
             1);
}

void TestDatabase::sqlScriptSplit()
{
    const QString script = QStringLiteral("-- a comment; with a semicolon\n"
                                          "CREATE TABLE a (x TEXT DEFAULT ';');\n"
                                          "/* block; comment */ INSERT INTO a VALUES ('it''s; fine');\n"
                                          "CREATE TRIGGER t AFTER INSERT ON a BEGIN\n"
                                          "  INSERT INTO a VALUES ('x');\n"
                                          "  UPDATE a SET x = \"y;z\";\n"
                                          "END;\n"
                                          "  ;  \n"
                                          "CREATE INDEX i ON a (x)");
    const QStringList statements = SqlScript::split(script);
    QCOMPARE(statements.size(), 4);
    QVERIFY(statements.at(0).endsWith(QStringLiteral("CREATE TABLE a (x TEXT DEFAULT ';')")));
    QVERIFY(statements.at(1).contains(QStringLiteral("'it''s; fine'")));
    QVERIFY(statements.at(2).startsWith(QStringLiteral("CREATE TRIGGER")));
    QVERIFY(statements.at(2).endsWith(QStringLiteral("END")));
    QCOMPARE(statements.at(3), QStringLiteral("CREATE INDEX i ON a (x)"));
}

void TestDatabase::uuidsAreTimeOrderedVersion7()
{
    QString previous;
    for (int i = 0; i < 2000; ++i) {
        const QString uuid = Sql::newUuid();
        QCOMPARE(uuid.size(), 36);
        QVERIFY(!QUuid(uuid).isNull());
        QCOMPARE(uuid.at(14), QChar(u'7')); // version (Qt 6.4's QUuid::version() predates version 7)
        QVERIFY(QStringLiteral("89ab").contains(uuid.at(19))); // RFC variant
        QVERIFY2(uuid > previous || uuid.left(13) != previous.left(13), qPrintable(uuid + u' ' + previous));
        previous = uuid;
    }
    // The time is in the first 48 bits, so text order is time order.
    QVERIFY(Sql::uuidV7(1'700'000'000'000) < Sql::uuidV7(1'700'000'000'001));
    QCOMPARE(Sql::uuidV7(0x0123456789ABLL).left(13), QStringLiteral("01234567-89ab"));
}

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
