// `moniagent mail sync` through the real binary against a real Dovecot and the test keychain.
#include "clirun.h"
#include "core/clock.h"
#include "db/connectedaccountrepository.h"
#include "dovecotserver.h"
#include "mail/imapconnection.h"
#include "secrets/secretstore.h"
#include "session/session.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace Moniagent;

namespace {
const QString Address = QStringLiteral("sam@example.com");
} // namespace

class TestCliMailSync : public QObject
{
    Q_OBJECT

private:
    Test::CliRun run(const QStringList& arguments)
    {
        return Test::runMoniagent(QStringLiteral(MONIAGENT_BINARY), m_db, arguments);
    }

    Test::DovecotServer m_server;
    QTemporaryDir m_dir;
    QString m_db;
    QString m_key;

private Q_SLOTS:
    void initTestCase()
    {
        m_server.addUser(Address, QStringLiteral("cli secret"));
        const QString problem = m_server.start();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        m_server.deliver(Address,
                         "From: \"Corner Books\" <receipts@cornerbooks.example>\r\nTo: sam@example.com\r\n"
                         "Subject: Your receipt from Corner Books\r\nDate: Mon, 2 Nov 2026 10:00:00 +0000\r\n"
                         "Message-ID: <cli1@cornerbooks.example>\r\n\r\nThank you for your purchase.\r\n"
                         "Total: EUR 42.10\r\n");

        // A profile with a connected account whose password is in the keychain, as the window leaves it.
        m_db = m_dir.filePath(QStringLiteral("cli.sqlite"));
        SystemClock clock;
        auto session = Session::open(m_db, clock);
        QVERIFY(session.ok());
        QVERIFY((*session)->createDefaultProfile(QLocale(QLocale::German, QLocale::Germany)).ok());
        ImapEndpoint endpoint;
        endpoint.host = QStringLiteral("localhost");
        endpoint.port = m_server.imapsPort();
        const auto certificate = ImapConnection::inspectCertificate(endpoint);
        QVERIFY(certificate.ok());
        ConnectedAccountRepository accounts((*session)->database());
        ConnectedAccount account;
        account.provider = MailProvider::Imap;
        account.email = Address;
        account.keychainKey = ConnectedAccount::keychainKeyFor(MailProvider::Imap, Address);
        account.authMethod = MailAuthMethod::Password;
        account.server.host = endpoint.host;
        account.server.port = endpoint.port;
        account.server.security = MailServerSecurity::Tls;
        account.server.acceptedCertificateSha256 = certificate->publicKeySha256;
        QVERIFY(accounts.add((*session)->userId(), account).ok());
        m_key = account.keychainKey;
        SecretStore secrets;
        bool written = false;
        secrets.write(m_key, QStringLiteral("cli secret"), this, [&](Result<bool> done) {
            QVERIFY(done.ok());
            QVERIFY2(*done, "the test keychain is not available");
            written = true;
        });
        QTRY_VERIFY(written);
    }

    void cleanupTestCase()
    {
        SecretStore secrets;
        bool removed = false;
        secrets.remove(m_key, this, [&](Result<void>) { removed = true; });
        QTRY_VERIFY(removed);
    }

    void syncFetchesAndReports()
    {
        const Test::CliRun r = run({QStringLiteral("mail"), QStringLiteral("sync"), QStringLiteral("--json")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QJsonObject result = QJsonDocument::fromJson(r.out.toUtf8()).object();
        const QJsonArray accounts = result.value(QStringLiteral("accounts")).toArray();
        QCOMPARE(accounts.size(), 1);
        QCOMPARE(accounts.first()[QStringLiteral("account")].toString(), Address);
        QCOMPARE(accounts.first()[QStringLiteral("status")].toString(), QStringLiteral("SUCCESS"));
        QCOMPARE(accounts.first()[QStringLiteral("new")].toInt(), 1);
        QCOMPARE(result.value(QStringLiteral("toReview")).toInt(), 1);

        const Test::CliRun again = run({QStringLiteral("mail"), QStringLiteral("sync")});
        QCOMPARE(again.code, 0);
        QVERIFY2(again.out.contains(QStringLiteral("sam@example.com: 0 new message(s)")), qPrintable(again.out));
        QVERIFY(again.out.contains(QStringLiteral("1 transaction(s) from email waiting for review.")));
    }

    void unknownAccountIsBadInput()
    {
        const Test::CliRun r = run({QStringLiteral("mail"), QStringLiteral("sync"), QStringLiteral("--account"),
                                    QStringLiteral("nobody@example.com")});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains(QStringLiteral("nobody@example.com")));
    }

    void refusedPasswordFails()
    {
        QTest::qWait(1100); // Dovecot looks at its passwd-file at most once a second
        m_server.addUser(Address, QStringLiteral("changed"));
        const Test::CliRun r = run({QStringLiteral("mail"), QStringLiteral("sync")});
        QVERIFY2(r.code == 1, qPrintable(r.out + r.err));
        QVERIFY2(r.err.contains(QStringLiteral("password")), qPrintable(r.err));
        QVERIFY(!r.err.contains(QStringLiteral("cli secret")));
    }
};

QTEST_GUILESS_MAIN(TestCliMailSync)
#include "tst_climailsync.moc"
