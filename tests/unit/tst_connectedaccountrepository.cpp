#include "db/connectedaccountrepository.h"
#include "db/sql.h"
#include "testdatabase.h"
#include "testresult.h"

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

// Connected mail accounts: records, keychain entry names, validation, updates and sync state.
class TestConnectedAccountRepository : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void addFindRoundTrip();
    void keychainKeyNamesTheEntry();
    void validation_data();
    void validation();
    void noColumnForSecrets();
    void updateKeepsIdentity();
    void findByEmailAndList();
    void syncState();
    void revokeAndSignIn();
};

void TestConnectedAccountRepository::addFindRoundTrip()
{
    Test::TestDatabase db;
    const qint64 alice = db.createUser(QStringLiteral("alice"));
    ConnectedAccountRepository repo(db.database());
    QSignalSpy changed(&repo, &ConnectedAccountRepository::changed);

    ConnectedAccount account = imap(QStringLiteral("alice@example.com"));
    account.displayName = QStringLiteral("Work mail");
    account.scopes = QJsonArray {QStringLiteral("mail.read"), QStringLiteral("offline_access")};
    account.tokenExpiry = QDateTime(QDate(2026, 12, 1), QTime(8, 30, 15, 250), Qt::UTC);
    account.server.acceptedCertificateSha256 = QString(64, u'A');
    auto id = repo.add(alice, account);
    QVERIFY2(id, Test::errorText(id).constData());
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().first().toLongLong(), alice);

    auto found = repo.find(alice, *id);
    QVERIFY(found);
    QCOMPARE(found->id, *id);
    QCOMPARE(found->userId, alice);
    QCOMPARE(found->provider, MailProvider::Imap);
    QCOMPARE(found->email, QStringLiteral("alice@example.com"));
    QCOMPARE(found->displayName, QStringLiteral("Work mail"));
    QCOMPARE(found->keychainKey, QStringLiteral("mail:imap:alice@example.com"));
    QCOMPARE(found->scopes, account.scopes);
    QCOMPARE(found->tokenExpiry, account.tokenExpiry);
    QCOMPARE(found->tokenExpiry.timeSpec(), Qt::UTC);
    QVERIFY(!found->revokedAt.isValid());
    QVERIFY(found->isActive);
    QCOMPARE(found->authMethod, MailAuthMethod::Password);
    QCOMPARE(found->server.host, QStringLiteral("imap.example.com"));
    QCOMPARE(found->server.port, std::optional<int>(993));
    QCOMPARE(found->server.security, std::optional<MailServerSecurity>(MailServerSecurity::Tls));
    QCOMPARE(found->server.username, QStringLiteral("alice@example.com"));
    QCOMPARE(found->server.acceptedCertificateSha256, QString(64, u'a'));
    QCOMPARE(found->sync.status, MailSyncStatus::Connected);
    QVERIFY(!found->sync.uidValidity && !found->sync.lastUid && !found->sync.lastSyncAt.isValid());
    QVERIFY(found->createdAt.isValid() && found->updatedAt.isValid());

    // A Gmail account has no server settings: they stay NULL, not empty text.
    auto gmailId = repo.add(alice, gmail(QStringLiteral("alice@gmail.com")));
    QVERIFY(gmailId);
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM connected_accounts WHERE id = ? AND server_host IS NULL "
                                      "AND server_port IS NULL AND server_security IS NULL AND token_expiry IS NULL"),
                       {*gmailId}),
             1);
    auto second = repo.find(alice, *gmailId);
    QVERIFY(second);
    QVERIFY(!second->server.port && !second->server.security);
    QVERIFY(second->scopes.isEmpty());
}

void TestConnectedAccountRepository::keychainKeyNamesTheEntry()
{
    QCOMPARE(ConnectedAccount::keychainKeyFor(MailProvider::Gmail, QStringLiteral(" Alice@Example.COM ")),
             QStringLiteral("mail:gmail:alice@example.com"));
    QCOMPARE(ConnectedAccount::keychainKeyFor(MailProvider::Outlook, QStringLiteral("bob@outlook.com")),
             QStringLiteral("mail:outlook:bob@outlook.com"));
    for (MailProvider provider : ConnectedAccountEnums::allProviders()) {
        QCOMPARE(ConnectedAccountEnums::providerFromKey(ConnectedAccountEnums::key(provider)), provider);
        QVERIFY(!ConnectedAccountEnums::displayName(provider).isEmpty());
    }
    QVERIFY(!ConnectedAccountEnums::providerFromKey(u"yahoo"));
    QCOMPARE(ConnectedAccountEnums::syncStatusFromKey(u"needs_sign_in"), MailSyncStatus::NeedsSignIn);
}

void TestConnectedAccountRepository::validation_data()
{
    QTest::addColumn<ConnectedAccount>("account");
    QTest::addColumn<QString>("message");

    ConnectedAccount a = gmail(QStringLiteral("alice@example.com"));
    a.email.clear();
    QTest::newRow("no address") << a << QStringLiteral("Enter the email address");
    a = gmail(QStringLiteral("alice example.com"));
    QTest::newRow("not an address") << a << QStringLiteral("is not an email address");
    a = gmail(QStringLiteral("alice@example.com"));
    a.keychainKey = QStringLiteral("mail:outlook:alice@example.com");
    QTest::newRow("key of another provider") << a << QStringLiteral("must be named “mail:gmail:alice@example.com”");
    a.keychainKey = QStringLiteral("ya29.a0AfH6SMBx-secret-token");
    QTest::newRow("a token instead of a key") << a << QStringLiteral("keychain entry");
    a.keychainKey.clear();
    QTest::newRow("no key") << a << QStringLiteral("keychain entry");
    a = gmail(QStringLiteral("alice@example.com"));
    a.authMethod = MailAuthMethod::Password;
    QTest::newRow("gmail with a password") << a << QStringLiteral("add the account as an IMAP account");
    a = imap(QStringLiteral("alice@example.com"));
    a.server.host.clear();
    QTest::newRow("imap without server") << a << QStringLiteral("Enter the name of the IMAP server");
    a = imap(QStringLiteral("alice@example.com"));
    a.server.port = 70000;
    QTest::newRow("port out of range") << a << QStringLiteral("from 1 to 65535");
    a.server.port = 0;
    QTest::newRow("port zero") << a << QStringLiteral("from 1 to 65535");
    a = imap(QStringLiteral("alice@example.com"));
    a.server.acceptedCertificateSha256 = QStringLiteral("not-a-digest");
    QTest::newRow("bad certificate digest") << a << QStringLiteral("certificate");
    a = gmail(QStringLiteral("alice@example.com"));
    a.scopes = QJsonArray {QStringLiteral("mail.read"), 42};
    QTest::newRow("scope not a string") << a << QStringLiteral("permissions");
    a = gmail(QStringLiteral("alice@example.com"));
    a.displayName = QString(201, u'x');
    QTest::newRow("name too long") << a << QStringLiteral("too long");
}

void TestConnectedAccountRepository::validation()
{
    QFETCH(ConnectedAccount, account);
    QFETCH(QString, message);
    Test::TestDatabase db;
    const qint64 alice = db.createUser(QStringLiteral("alice"));
    ConnectedAccountRepository repo(db.database());
    auto id = repo.add(alice, account);
    QVERIFY(!id);
    QCOMPARE(id.error().code, Error::Code::InvalidInput);
    QVERIFY2(id.error().message.contains(message), Test::errorText(id).constData());
    QVERIFY(id.error().message.endsWith(u'.'));
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM connected_accounts")), 0);
}

void TestConnectedAccountRepository::noColumnForSecrets()
{
    Test::TestDatabase db;
    auto query = Sql::exec(db.database()->connection(), QStringLiteral("PRAGMA table_info(connected_accounts)"));
    QVERIFY(query);
    QStringList columns;
    while (query->next())
        columns << query->value(1).toString();
    QVERIFY(columns.contains(QStringLiteral("keychain_key")));
    for (const QString& column : std::as_const(columns)) {
        QVERIFY2(!column.contains(QLatin1String("password")) && !column.contains(QLatin1String("secret"))
                     && (!column.contains(QLatin1String("token")) || column == QLatin1String("token_expiry")),
                 qPrintable(column));
    }
}

void TestConnectedAccountRepository::updateKeepsIdentity()
{
    Test::TestDatabase db;
    const qint64 alice = db.createUser(QStringLiteral("alice"));
    ConnectedAccountRepository repo(db.database());
    auto id = repo.add(alice, imap(QStringLiteral("alice@example.com")));
    QVERIFY(id);
    auto account = repo.find(alice, *id);
    QVERIFY(account);
    ConnectedAccount changed = *account;
    changed.displayName = QStringLiteral("Home");
    changed.authMethod = MailAuthMethod::XOAuth2;
    changed.server.host = QStringLiteral("mail.example.org");
    changed.server.port = 143;
    changed.server.security = MailServerSecurity::StartTls;
    changed.scopes = QJsonArray {QStringLiteral("https://mail.google.com/")};
    changed.tokenExpiry = QDateTime(QDate(2027, 1, 2), QTime(3, 4, 5), Qt::UTC);
    changed.email = QStringLiteral("mallory@example.com"); // identity: ignored
    changed.keychainKey = QStringLiteral("mail:imap:mallory@example.com");
    auto updated = repo.update(alice, changed);
    QVERIFY2(updated, Test::errorText(updated).constData());
    auto stored = repo.find(alice, *id);
    QVERIFY(stored);
    QCOMPARE(stored->displayName, QStringLiteral("Home"));
    QCOMPARE(stored->authMethod, MailAuthMethod::XOAuth2);
    QCOMPARE(stored->server.host, QStringLiteral("mail.example.org"));
    QCOMPARE(stored->server.port, std::optional<int>(143));
    QCOMPARE(stored->server.security, std::optional<MailServerSecurity>(MailServerSecurity::StartTls));
    QCOMPARE(stored->scopes, changed.scopes);
    QCOMPARE(stored->tokenExpiry, changed.tokenExpiry);
    QCOMPARE(stored->email, QStringLiteral("alice@example.com"));
    QCOMPARE(stored->keychainKey, QStringLiteral("mail:imap:alice@example.com"));

    changed.server.port = 99999;
    auto invalid = repo.update(alice, changed);
    QVERIFY(!invalid);
    QCOMPARE(invalid.error().code, Error::Code::InvalidInput);
    QCOMPARE(repo.find(alice, *id)->server.port, std::optional<int>(143));

    changed.id = *id + 100;
    changed.server.port = 993;
    QCOMPARE(repo.update(alice, changed).error().code, Error::Code::NotFound);
}

void TestConnectedAccountRepository::findByEmailAndList()
{
    Test::TestDatabase db;
    const qint64 alice = db.createUser(QStringLiteral("alice"));
    ConnectedAccountRepository repo(db.database());
    QVERIFY(repo.add(alice, imap(QStringLiteral("zed@example.com"))));
    auto gmailId = repo.add(alice, gmail(QStringLiteral("Alice@Gmail.com")));
    QVERIFY(gmailId);
    QVERIFY(repo.add(alice, imap(QStringLiteral("alice@example.com"))));

    auto found = repo.findByEmail(alice, MailProvider::Gmail, QStringLiteral("alice@gmail.COM "));
    QVERIFY(found);
    QCOMPARE(found->id, *gmailId);
    auto wrongProvider = repo.findByEmail(alice, MailProvider::Outlook, QStringLiteral("alice@gmail.com"));
    QVERIFY(!wrongProvider);
    QCOMPARE(wrongProvider.error().code, Error::Code::NotFound);
    QVERIFY(wrongProvider.error().message.contains(QStringLiteral("alice@gmail.com")));

    auto all = repo.list(alice);
    QVERIFY(all);
    QCOMPARE(all->size(), 3);
    QCOMPARE(all->at(0).provider, MailProvider::Gmail);
    QCOMPARE(all->at(1).email, QStringLiteral("alice@example.com"));
    QCOMPARE(all->at(2).email, QStringLiteral("zed@example.com"));
}

void TestConnectedAccountRepository::syncState()
{
    Test::TestDatabase db;
    const qint64 alice = db.createUser(QStringLiteral("alice"));
    ConnectedAccountRepository repo(db.database());
    auto id = repo.add(alice, imap(QStringLiteral("alice@example.com")));
    QVERIFY(id);

    MailSyncState state;
    state.historyId = QStringLiteral("h-991");
    state.deltaLink = QStringLiteral("https://graph.example/delta?token=abc");
    state.uidValidity = 3857529045LL;
    state.lastUid = 4242;
    state.lastSyncAt = QDateTime(QDate(2026, 11, 22), QTime(12, 0, 1, 5), Qt::UTC);
    state.status = MailSyncStatus::Error;
    state.lastError = QStringLiteral("The server closed the connection.");
    QVERIFY(repo.setSyncState(alice, *id, state));
    auto stored = repo.find(alice, *id);
    QVERIFY(stored);
    QCOMPARE(stored->sync.historyId, state.historyId);
    QCOMPARE(stored->sync.deltaLink, state.deltaLink);
    QCOMPARE(stored->sync.uidValidity, state.uidValidity);
    QCOMPARE(stored->sync.lastUid, state.lastUid);
    QCOMPARE(stored->sync.lastSyncAt, state.lastSyncAt);
    QCOMPARE(stored->sync.status, MailSyncStatus::Error);
    QCOMPARE(stored->sync.lastError, state.lastError);

    // All fields as given: clearing the error clears the column.
    state.status = MailSyncStatus::Connected;
    state.lastError.clear();
    state.lastUid = 4300;
    QVERIFY(repo.setSyncState(alice, *id, state));
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM connected_accounts WHERE id = ? AND last_error IS NULL "
                                      "AND last_uid = 4300 AND sync_status = 'connected'"),
                       {*id}),
             1);

    MailSyncState bad = state;
    bad.lastUid = -1;
    auto refused = repo.setSyncState(alice, *id, bad);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, Error::Code::InvalidInput);
    bad = state;
    bad.uidValidity = 0;
    QCOMPARE(repo.setSyncState(alice, *id, bad).error().code, Error::Code::InvalidInput);
    QCOMPARE(repo.find(alice, *id)->sync.lastUid, std::optional<qint64>(4300));
}

void TestConnectedAccountRepository::revokeAndSignIn()
{
    Test::TestDatabase db;
    const qint64 alice = db.createUser(QStringLiteral("alice"));
    ConnectedAccountRepository repo(db.database());
    auto id = repo.add(alice, gmail(QStringLiteral("alice@gmail.com")));
    QVERIFY(id);
    const QDateTime revoked(QDate(2026, 11, 20), QTime(9, 0), Qt::UTC);
    QVERIFY(repo.markRevoked(alice, *id, revoked));
    auto stored = repo.find(alice, *id);
    QVERIFY(stored);
    QCOMPARE(stored->revokedAt, revoked);
    QVERIFY(stored->isRevoked());
    QVERIFY(!stored->isActive);
    QCOMPARE(stored->sync.status, MailSyncStatus::NeedsSignIn);
    QCOMPARE(repo.markRevoked(alice, *id, QDateTime()).error().code, Error::Code::InvalidInput);

    const QDateTime expiry(QDate(2026, 11, 22), QTime(13, 0), Qt::UTC);
    QVERIFY(repo.markSignedIn(alice, *id, expiry));
    stored = repo.find(alice, *id);
    QVERIFY(!stored->isRevoked());
    QVERIFY(stored->isActive);
    QCOMPARE(stored->sync.status, MailSyncStatus::Connected);
    QCOMPARE(stored->tokenExpiry, expiry);
}

QTEST_GUILESS_MAIN(TestConnectedAccountRepository)
#include "tst_connectedaccountrepository.moc"
