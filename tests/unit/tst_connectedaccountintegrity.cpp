#include "db/connectedaccountrepository.h"
#include "db/emailrepository.h"
#include "db/sql.h"
#include "db/transactionrepository.h"
#include "db/userrepository.h"
#include "itemmodels/connectedaccountmodel.h"
#include "testdatabase.h"
#include "testresult.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Moniagent;

namespace {

ConnectedAccount gmail(const QString& email)
{
    ConnectedAccount a;
    a.provider = MailProvider::Gmail;
    a.email = email;
    a.keychainKey = ConnectedAccount::keychainKeyFor(a.provider, email);
    return a;
}

ConnectedAccount imap(const QString& email)
{
    ConnectedAccount a;
    a.provider = MailProvider::Imap;
    a.email = email;
    a.keychainKey = ConnectedAccount::keychainKeyFor(a.provider, email);
    a.authMethod = MailAuthMethod::Password;
    a.server.host = QStringLiteral("imap.example.com");
    a.server.port = 993;
    a.server.security = MailServerSecurity::Tls;
    a.server.username = email;
    return a;
}

// The error text of a failed result, for QVERIFY2 (which evaluates its message even on success).
} // namespace

// Connected mail accounts: UNIQUE(provider, email), schema checks, cascades, user scoping and the item model.
class TestConnectedAccountIntegrity : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void uniqueProviderEmail();
    void schemaChecks_data();
    void schemaChecks();
    void removeCascadesEmails();
    void otherUserCannotTouch();
    void deletingUserCascades();
    void model();
};

void TestConnectedAccountIntegrity::uniqueProviderEmail()
{
    Test::TestDatabase db;
    const qint64 alice = db.createUser(QStringLiteral("alice"));
    const qint64 bob = db.createUser(QStringLiteral("bob"));
    ConnectedAccountRepository repo(db.database());
    QVERIFY(repo.add(alice, gmail(QStringLiteral("shared@gmail.com"))));

    // The same address and provider, in another profile or in a different case, is refused with a message.
    for (qint64 user : {alice, bob}) {
        auto again = repo.add(user, gmail(QStringLiteral("Shared@Gmail.com")));
        QVERIFY(!again);
        QCOMPARE(again.error().code, Error::Code::Conflict);
        QVERIFY2(again.error().message.contains(QStringLiteral("is already connected")),
                 Test::errorText(again).constData());
    }
    // Another provider for the same address is a different account.
    ConnectedAccount other = imap(QStringLiteral("shared@gmail.com"));
    QVERIFY(repo.add(bob, other));
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM connected_accounts")), 2);

    // The schema itself refuses the duplicate.
    auto raw = Sql::exec(db.database()->connection(),
                         QStringLiteral("INSERT INTO connected_accounts (user_id, provider, email, keychain_key) "
                                        "VALUES (?, 'gmail', 'SHARED@gmail.com', 'k')"),
                         {bob});
    QVERIFY(!raw);
    QCOMPARE(raw.error().code, Error::Code::Conflict);
}

void TestConnectedAccountIntegrity::schemaChecks_data()
{
    QTest::addColumn<QString>("column");
    QTest::addColumn<QVariant>("value");
    QTest::newRow("provider") << QStringLiteral("provider") << QVariant(QStringLiteral("yahoo"));
    QTest::newRow("empty email") << QStringLiteral("email") << QVariant(QStringLiteral(""));
    QTest::newRow("empty keychain key") << QStringLiteral("keychain_key") << QVariant(QStringLiteral(""));
    QTest::newRow("scopes not JSON") << QStringLiteral("scopes") << QVariant(QStringLiteral("[mail.read"));
    QTest::newRow("scopes an object") << QStringLiteral("scopes") << QVariant(QStringLiteral("{}"));
    QTest::newRow("is_active") << QStringLiteral("is_active") << QVariant(2);
    QTest::newRow("auth_method") << QStringLiteral("auth_method") << QVariant(QStringLiteral("plain"));
    QTest::newRow("server_port") << QStringLiteral("server_port") << QVariant(65536);
    QTest::newRow("server_security") << QStringLiteral("server_security") << QVariant(QStringLiteral("ssl"));
    QTest::newRow("sync_status") << QStringLiteral("sync_status") << QVariant(QStringLiteral("broken"));
}

void TestConnectedAccountIntegrity::schemaChecks()
{
    QFETCH(QString, column);
    QFETCH(QVariant, value);
    Test::TestDatabase db;
    const qint64 alice = db.createUser(QStringLiteral("alice"));
    const QSqlDatabase connection = db.database()->connection();
    const QString insert = QStringLiteral("INSERT INTO connected_accounts (user_id, provider, email, keychain_key) "
                                          "VALUES (?, 'gmail', 'a@example.com', 'mail:gmail:a@example.com')");
    QVERIFY(Sql::exec(connection, insert, {alice}));
    auto refused = Sql::exec(connection, QStringLiteral("UPDATE connected_accounts SET %1 = ?").arg(column), {value});
    QVERIFY2(!refused, qPrintable(column));
    QCOMPARE(refused.error().code, Error::Code::Conflict);
}

void TestConnectedAccountIntegrity::removeCascadesEmails()
{
    Test::TestDatabase db;
    const qint64 alice = db.createUser(QStringLiteral("alice"));
    ConnectedAccountRepository accounts(db.database());
    EmailRepository emails(db.database());
    TransactionRepository transactions(db.database());
    auto accountId = accounts.add(alice, gmail(QStringLiteral("alice@gmail.com")));
    auto keptId = accounts.add(alice, gmail(QStringLiteral("kept@gmail.com")));
    QVERIFY(accountId && keptId);
    Email email;
    email.accountId = *accountId;
    email.providerMessageId = QStringLiteral("m1");
    auto first = emails.add(alice, email);
    email.providerMessageId = QStringLiteral("m2");
    QVERIFY(first && emails.add(alice, email));
    email.accountId = *keptId;
    QVERIFY(emails.add(alice, email));
    QVERIFY(Sql::exec(db.database()->connection(),
                      QStringLiteral("INSERT INTO email_extractions (email_id, extraction_version, status) "
                                     "VALUES (?, 1, 'SUCCESS')"),
                      {first->id}));
    Transaction t = Test::TestDatabase::expense(1299, QStringLiteral("Shop"), QDate(2026, 11, 1));
    t.emailId = first->id;
    auto transactionId = transactions.add(alice, t);
    QVERIFY(transactionId);

    QVERIFY(accounts.remove(alice, *accountId));
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM emails WHERE connected_account_id = ?"), {*accountId}), 0);
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM emails")), 1);
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM email_extractions")), 0);
    auto kept = transactions.find(alice, *transactionId);
    QVERIFY(kept);
    QVERIFY(!kept->emailId);
    QCOMPARE(accounts.remove(alice, *accountId).error().code, Error::Code::NotFound);
}

void TestConnectedAccountIntegrity::otherUserCannotTouch()
{
    Test::TestDatabase db;
    const qint64 alice = db.createUser(QStringLiteral("alice"));
    const qint64 bob = db.createUser(QStringLiteral("bob"));
    ConnectedAccountRepository repo(db.database());
    auto id = repo.add(alice, imap(QStringLiteral("alice@example.com")));
    QVERIFY(id);
    QVERIFY(repo.add(bob, gmail(QStringLiteral("bob@gmail.com"))));
    const ConnectedAccount before = *repo.find(alice, *id);
    QSignalSpy changed(&repo, &ConnectedAccountRepository::changed);

    QCOMPARE(repo.find(bob, *id).error().code, Error::Code::NotFound);
    QCOMPARE(repo.findByEmail(bob, MailProvider::Imap, QStringLiteral("alice@example.com")).error().code,
             Error::Code::NotFound);
    QCOMPARE(repo.list(bob)->size(), 1);
    QCOMPARE(repo.list(bob)->first().email, QStringLiteral("bob@gmail.com"));

    ConnectedAccount hijack = before;
    hijack.displayName = QStringLiteral("Bob's now");
    QCOMPARE(repo.update(bob, hijack).error().code, Error::Code::NotFound);
    MailSyncState state;
    state.status = MailSyncStatus::Disconnected;
    QCOMPARE(repo.setSyncState(bob, *id, state).error().code, Error::Code::NotFound);
    QCOMPARE(repo.markRevoked(bob, *id, QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC)).error().code,
             Error::Code::NotFound);
    QCOMPARE(repo.markSignedIn(bob, *id, {}).error().code, Error::Code::NotFound);
    QCOMPARE(repo.remove(bob, *id).error().code, Error::Code::NotFound);
    QCOMPARE(changed.count(), 0);

    auto after = repo.find(alice, *id);
    QVERIFY(after);
    QCOMPARE(after->displayName, before.displayName);
    QCOMPARE(after->sync.status, before.sync.status);
    QCOMPARE(after->isActive, true);
    QCOMPARE(after->updatedAt, before.updatedAt);
}

void TestConnectedAccountIntegrity::deletingUserCascades()
{
    Test::TestDatabase db;
    const qint64 admin = db.createUser(QStringLiteral("admin"));
    const qint64 bob = db.createUser(QStringLiteral("bob"));
    ConnectedAccountRepository accounts(db.database());
    EmailRepository emails(db.database());
    auto kept = accounts.add(admin, gmail(QStringLiteral("admin@gmail.com")));
    auto gone = accounts.add(bob, gmail(QStringLiteral("bob@gmail.com")));
    QVERIFY(kept && gone);
    Email email;
    email.accountId = *gone;
    email.providerMessageId = QStringLiteral("m1");
    QVERIFY(emails.add(bob, email));

    UserRepository users(db.database());
    QVERIFY(users.remove(admin, bob));
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM connected_accounts WHERE user_id = ?"), {bob}), 0);
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM emails")), 0);
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM connected_accounts")), 1);
}

void TestConnectedAccountIntegrity::model()
{
    Test::TestDatabase db;
    const qint64 alice = db.createUser(QStringLiteral("alice"));
    const qint64 bob = db.createUser(QStringLiteral("bob"));
    ConnectedAccountRepository repo(db.database());
    QVERIFY(repo.add(alice, gmail(QStringLiteral("alice@gmail.com"))));
    ConnectedAccount second = imap(QStringLiteral("alice@example.com"));
    second.tokenExpiry = QDateTime(QDate(2026, 12, 24), QTime(18, 30), Qt::UTC);
    QVERIFY(repo.add(alice, second));
    QVERIFY(repo.add(bob, gmail(QStringLiteral("bob@gmail.com"))));

    ConnectedAccountModel model(db.database()->connection(), alice);
    const QLocale english(QLocale::English, QLocale::UnitedStates);
    model.setLocale(english);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.select());
    QCOMPARE(model.userId(), alice);
    QCOMPARE(model.rowCount(), 2);
    const int user = model.fieldIndex(QStringLiteral("user_id"));
    const int email = model.fieldIndex(QStringLiteral("email"));
    const int provider = model.fieldIndex(QStringLiteral("provider"));
    const int status = model.fieldIndex(QStringLiteral("sync_status"));
    const int expiry = model.fieldIndex(QStringLiteral("token_expiry"));
    const int active = model.fieldIndex(QStringLiteral("is_active"));
    for (int row = 0; row < model.rowCount(); ++row)
        QCOMPARE(model.data(model.index(row, user), ScopedSqlTableModel::RawValueRole).toLongLong(), alice);
    // Sorted by address.
    QCOMPARE(model.data(model.index(0, email)).toString(), QStringLiteral("alice@example.com"));
    QCOMPARE(model.data(model.index(0, provider)).toString(), QStringLiteral("IMAP"));
    QCOMPARE(model.data(model.index(0, provider), ScopedSqlTableModel::RawValueRole).toString(),
             QStringLiteral("imap"));
    QCOMPARE(model.data(model.index(1, provider)).toString(), QStringLiteral("Gmail"));
    QCOMPARE(model.data(model.index(0, status)).toString(), QStringLiteral("Connected"));
    QCOMPARE(model.data(model.index(0, active)).toString(), QStringLiteral("Yes"));
    QCOMPARE(model.data(model.index(0, expiry)).toString(),
             english.toString(second.tokenExpiry.toLocalTime(), QLocale::ShortFormat));
    QCOMPARE(model.data(model.index(0, expiry), ScopedSqlTableModel::RawValueRole).toString(),
             QStringLiteral("2026-12-24T18:30:00.000Z"));
    QCOMPARE(model.headerData(email, Qt::Horizontal).toString(), QStringLiteral("Address"));
    QCOMPARE(model.headerData(status, Qt::Horizontal).toString(), QStringLiteral("Status"));

    // A filter cannot widen the scope to bob's account.
    model.setFilter(QStringLiteral("1 = 1 OR user_id = %1").arg(bob));
    QVERIFY(model.select());
    QCOMPARE(model.rowCount(), 2);
}

QTEST_GUILESS_MAIN(TestConnectedAccountIntegrity)
#include "tst_connectedaccountintegrity.moc"
