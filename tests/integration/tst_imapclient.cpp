// The IMAP client (app/mail: ImapConnection, ImapMailbox) against a real Dovecot on loopback.
#include "dovecotserver.h"
#include "mail/imapconnection.h"
#include "mail/imapmailbox.h"

#include <QTcpServer>
#include <QtTest>

using namespace Moniagent;

namespace {

const QString User = QStringLiteral("sam@example.com");
const QString Password = QStringLiteral("correct horse");

QByteArray message(int number, const QByteArray& subject = "Your receipt")
{
    return "From: Shop <orders@shop.example>\r\nTo: sam@example.com\r\nSubject: " + subject + ' '
        + QByteArray::number(number) + "\r\nMessage-ID: <m" + QByteArray::number(number)
        + "@shop.example>\r\nDate: Mon, 2 Nov 2026 10:00:00 +0000\r\n\r\nTotal: EUR " + QByteArray::number(number)
        + ".50\r\n";
}

} // namespace

class TestImapClient : public QObject
{
    Q_OBJECT

private:
    ImapEndpoint endpoint(MailServerSecurity security) const
    {
        ImapEndpoint e;
        e.host = QStringLiteral("localhost");
        e.port = security == MailServerSecurity::Tls ? m_server.imapsPort() : m_server.imapPort();
        e.security = security;
        e.username = User;
        e.secret = Password;
        e.caBundle = m_server.caFile();
        e.timeoutMs = 5'000;
        return e;
    }

    Test::DovecotServer m_server;

private Q_SLOTS:
    void initTestCase()
    {
        m_server.addUser(User, Password);
        const QString problem = m_server.start();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void init() { m_server.resetMailbox(User); }

    void uidSetCompressesRuns()
    {
        QCOMPARE(ImapMailbox::uidSet({1, 2, 3, 5, 7, 8}), QByteArray("1:3,5,7:8"));
        QCOMPARE(ImapMailbox::uidSet({42}), QByteArray("42"));
        QCOMPARE(ImapMailbox::quoted(QStringLiteral("a\"b\\c")), QByteArray("\"a\\\"b\\\\c\""));
    }

    void fetchesOverTlsAndStartTls_data()
    {
        QTest::addColumn<int>("security");
        QTest::newRow("imaps") << int(MailServerSecurity::Tls);
        QTest::newRow("starttls") << int(MailServerSecurity::StartTls);
    }
    void fetchesOverTlsAndStartTls()
    {
        QFETCH(int, security);
        for (int i = 1; i <= 3; ++i)
            m_server.deliver(User, message(i));
        ImapConnection connection;
        const auto opened = connection.open(endpoint(MailServerSecurity(security)));
        QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().toString()));
        ImapMailbox mailbox(connection);
        const auto status = mailbox.examine();
        QVERIFY(status.ok());
        QVERIFY(status->uidValidity > 0);
        QCOMPARE(status->exists, 3);
        const auto uids = mailbox.searchUids(std::nullopt, {});
        QVERIFY(uids.ok());
        QCOMPARE(uids->size(), 3);
        QList<ImapMailbox::Message> messages;
        QVERIFY(mailbox.fetch(*uids, [&](ImapMailbox::Message&& m) { messages.append(std::move(m)); }).ok());
        QCOMPARE(messages.size(), 3);
        QCOMPARE(messages.at(1).uid, uids->at(1));
        QVERIFY(messages.at(1).raw.contains("Subject: Your receipt 2\r\n"));
        QVERIFY(messages.at(1).raw.endsWith("Total: EUR 2.50\r\n"));

        // Incremental: only what came after the last UID.
        m_server.deliver(User, message(4));
        ImapConnection again;
        QVERIFY(again.open(endpoint(MailServerSecurity(security))).ok());
        ImapMailbox second(again);
        QVERIFY(second.examine().ok());
        const auto newer = second.searchUids(uids->last(), {});
        QVERIFY(newer.ok());
        QCOMPARE(newer->size(), 1);
        QVERIFY(newer->first() > uids->last());
        // Nothing new: "n:*" still matches the last message, which must not come back.
        const auto none = second.searchUids(newer->first(), {});
        QVERIFY(none.ok());
        QVERIFY(none->isEmpty());

        // Fetching peeks: the messages are still unread on the server.
        const auto flags = again.run("UID FETCH 1:* (FLAGS)");
        QVERIFY(flags.ok());
        QCOMPARE(flags->size(), 4);
        for (const ImapResponseLine& line : *flags)
            QVERIFY2(!line.text.contains("\\Seen"), line.text.constData());
    }

    void searchesSinceADate()
    {
        m_server.deliver(User, message(1));
        ImapConnection connection;
        QVERIFY(connection.open(endpoint(MailServerSecurity::Tls)).ok());
        ImapMailbox mailbox(connection);
        QVERIFY(mailbox.examine().ok());
        // The internal date of a delivered message is the file's time: now.
        QCOMPARE(mailbox.searchUids(std::nullopt, QDate::currentDate().addDays(-1))->size(), 1);
        QCOMPARE(mailbox.searchUids(std::nullopt, QDate::currentDate().addDays(2))->size(), 0);
    }

    void wrongPasswordIsAnAuthenticationFailure()
    {
        ImapEndpoint e = endpoint(MailServerSecurity::Tls);
        e.secret = QStringLiteral("wrong");
        ImapConnection connection;
        const auto opened = connection.open(e);
        QVERIFY(!opened.ok());
        QCOMPARE(connection.failure(), ImapConnection::Failure::Authentication);
        QVERIFY(opened.error().message.contains(QStringLiteral("user name or password")));
        QVERIFY(!opened.error().toString().contains(QStringLiteral("wrong")));
    }

    void xoauth2SignsIn()
    {
        // Dovecot checks the bearer token against the passdb like a password.
        ImapEndpoint e = endpoint(MailServerSecurity::Tls);
        e.xoauth2 = true;
        ImapConnection connection;
        const auto opened = connection.open(e);
        QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().toString()));
        e.secret = QStringLiteral("expired-token");
        ImapConnection refused;
        QVERIFY(!refused.open(e).ok());
        QCOMPARE(refused.failure(), ImapConnection::Failure::Authentication);
    }

    void untrustedCertificateIsRefusedUntilAccepted()
    {
        ImapEndpoint e = endpoint(MailServerSecurity::StartTls);
        e.caBundle.clear(); // the system's CAs do not know the test certificate
        ImapConnection connection;
        QVERIFY(!connection.open(e).ok());
        QCOMPARE(connection.failure(), ImapConnection::Failure::Certificate);

        // The user looks at the certificate and accepts it: its key is pinned.
        const auto presented = ImapConnection::inspectCertificate(e);
        QVERIFY2(presented.ok(), qPrintable(presented.ok() ? QString() : presented.error().toString()));
        QCOMPARE(presented->subject, QStringLiteral("localhost"));
        QCOMPARE(presented->publicKeySha256.size(), 64);
        e.pinnedPublicKeySha256 = presented->publicKeySha256;
        ImapConnection pinned;
        const auto opened = pinned.open(e);
        QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().toString()));

        // Another key is refused before anything is sent.
        e.pinnedPublicKeySha256 = QString(64, u'a');
        ImapConnection other;
        QVERIFY(!other.open(e).ok());
        QCOMPARE(other.failure(), ImapConnection::Failure::Certificate);
    }

    void closedPortIsANetworkFailure()
    {
        ImapEndpoint e = endpoint(MailServerSecurity::Tls);
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost, 0);
        e.port = probe.serverPort();
        probe.close();
        ImapConnection connection;
        QVERIFY(!connection.open(e).ok());
        QCOMPARE(connection.failure(), ImapConnection::Failure::Network);
    }

    void cancelStopsAWait()
    {
        m_server.deliver(User, message(1));
        ImapConnection connection;
        QVERIFY(connection.open(endpoint(MailServerSecurity::Tls)).ok());
        bool cancel = true;
        connection.setCancelCheck([&] { return cancel; });
        const auto result = ImapMailbox(connection).examine();
        QVERIFY(!result.ok());
        QCOMPARE(connection.failure(), ImapConnection::Failure::Cancelled);
        QVERIFY(!connection.isOpen());
    }

    void refusedCommandIsAProtocolFailure()
    {
        ImapConnection connection;
        QVERIFY(connection.open(endpoint(MailServerSecurity::Tls)).ok());
        const auto result = ImapMailbox(connection).examine(QStringLiteral("No Such Folder"));
        QVERIFY(!result.ok());
        QCOMPARE(connection.failure(), ImapConnection::Failure::Protocol);
        QVERIFY(connection.isOpen()); // the session goes on
        QVERIFY(ImapMailbox(connection).examine().ok());
    }

    void uidValidityChangesWhenTheMailboxIsRebuilt()
    {
        m_server.deliver(User, message(1));
        qint64 first = 0;
        {
            ImapConnection connection;
            QVERIFY(connection.open(endpoint(MailServerSecurity::Tls)).ok());
            first = ImapMailbox(connection).examine()->uidValidity;
        }
        QTest::qWait(1100); // Dovecot derives UIDVALIDITY from the clock, in seconds
        m_server.resetMailbox(User);
        m_server.deliver(User, message(2));
        ImapConnection connection;
        QVERIFY(connection.open(endpoint(MailServerSecurity::Tls)).ok());
        QVERIFY(ImapMailbox(connection).examine()->uidValidity != first);
    }
};

QTEST_GUILESS_MAIN(TestImapClient)
#include "tst_imapclient.moc"
