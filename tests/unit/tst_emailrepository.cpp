#include "db/connectedaccountrepository.h"
#include "db/emailrepository.h"
#include "db/sql.h"
#include "testdatabase.h"
#include "testresult.h"

#include <QSignalSpy>
#include <QTest>

using namespace Moniagent;

namespace {

qint64 addAccount(Test::TestDatabase& db, qint64 userId, const QString& address,
                  MailProvider provider = MailProvider::Gmail)
{
    ConnectedAccount account;
    account.provider = provider;
    account.email = address;
    account.keychainKey = ConnectedAccount::keychainKeyFor(provider, address);
    if (provider == MailProvider::Imap) {
        account.authMethod = MailAuthMethod::Password;
        account.server.host = QStringLiteral("imap.example.com");
    }
    ConnectedAccountRepository accounts(db.database());
    auto id = accounts.add(userId, account);
    return id ? *id : 0;
}

Email message(qint64 accountId, const QString& messageId, QDateTime receivedAt = {})
{
    Email email;
    email.accountId = accountId;
    email.providerMessageId = messageId;
    email.receivedAt = std::move(receivedAt);
    email.subject = QStringLiteral("Your order ") + messageId;
    return email;
}

QDateTime utc(int day, int hour = 12)
{
    return QDateTime(QDate(2026, 11, day), QTime(hour, 0), Qt::UTC);
}

} // namespace

// Emails: round trips, duplicates, validation, listing and extraction status.
class TestEmailRepository : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void addFindRoundTrip();
    void duplicateReturnsExisting();
    void validation_data();
    void validation();
    void listFiltersAndOrder();
    void pendingAndStatus();
    void providerMessageIdsPerAccount();
};

void TestEmailRepository::providerMessageIdsPerAccount()
{
    Test::TestDatabase db;
    const qint64 alice = db.createUser(QStringLiteral("alice"));
    const qint64 bob = db.createUser(QStringLiteral("bob"));
    const qint64 gmail = addAccount(db, alice, QStringLiteral("alice@gmail.com"));
    const qint64 outlook = addAccount(db, alice, QStringLiteral("alice@outlook.com"), MailProvider::Outlook);
    EmailRepository repo(db.database());
    QVERIFY(repo.add(alice, message(gmail, QStringLiteral("g-1"))).ok());
    QVERIFY(repo.add(alice, message(gmail, QStringLiteral("g-2"))).ok());
    QVERIFY(repo.add(alice, message(outlook, QStringLiteral("o-1"))).ok());

    QCOMPARE(repo.providerMessageIds(alice, gmail).value(),
             (QSet<QString> {QStringLiteral("g-1"), QStringLiteral("g-2")}));
    QCOMPARE(repo.providerMessageIds(alice, outlook).value(), QSet<QString> {QStringLiteral("o-1")});
    // Another profile sees nothing of alice's accounts.
    QVERIFY(repo.providerMessageIds(bob, gmail).value().isEmpty());
}

void TestEmailRepository::addFindRoundTrip()
{
    Test::TestDatabase db;
    const qint64 alice = db.createUser(QStringLiteral("alice"));
    const qint64 account = addAccount(db, alice, QStringLiteral("alice@example.com"), MailProvider::Imap);
    QVERIFY(account);
    EmailRepository repo(db.database());
    QSignalSpy changed(&repo, &EmailRepository::changed);

    Email email = message(account, QStringLiteral("3857529045:17"), utc(20, 9));
    email.provider = MailProvider::Gmail; // the account's provider wins
    email.threadId = QStringLiteral("t-1");
    email.sender = QStringLiteral("Shop <orders@shop.example>");
    email.bodyText = QStringLiteral("Total: 12.99 EUR");
    email.bodyHtml = QStringLiteral("<p>Total: <b>12.99</b> EUR</p>");
    email.checksum = QStringLiteral("abc123");
    email.fetchedAt = utc(20, 10);
    auto added = repo.add(alice, email);
    QVERIFY2(added, Test::errorText(added).constData());
    QVERIFY(added->inserted);
    QVERIFY(added->id > 0);
    QCOMPARE(changed.count(), 1);

    auto found = repo.find(alice, added->id);
    QVERIFY(found);
    QCOMPARE(found->userId, alice);
    QCOMPARE(found->accountId, account);
    QCOMPARE(found->provider, MailProvider::Imap);
    QCOMPARE(found->providerMessageId, QStringLiteral("3857529045:17"));
    QCOMPARE(found->threadId, email.threadId);
    QCOMPARE(found->subject, email.subject);
    QCOMPARE(found->sender, email.sender);
    QCOMPARE(found->bodyText, email.bodyText);
    QCOMPARE(found->bodyHtml, email.bodyHtml);
    QCOMPARE(found->receivedAt, email.receivedAt);
    QCOMPARE(found->checksum, email.checksum);
    QCOMPARE(found->fetchedAt, email.fetchedAt);
    QCOMPARE(found->extractionStatus, EmailExtractionStatus::Pending);
    QCOMPARE(found->extractionVersion, 0);

    // Without a fetch time, the database stamps one; without a date, received_at stays NULL.
    auto second = repo.add(alice, message(account, QStringLiteral("3857529045:18")));
    QVERIFY(second);
    auto stored = repo.find(alice, second->id);
    QVERIFY(stored->fetchedAt.isValid());
    QVERIFY(!stored->receivedAt.isValid());
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM emails WHERE id = ? AND received_at IS NULL AND "
                                      "thread_id IS NULL AND checksum IS NULL"),
                       {second->id}),
             1);
}

void TestEmailRepository::duplicateReturnsExisting()
{
    Test::TestDatabase db;
    const qint64 alice = db.createUser(QStringLiteral("alice"));
    const qint64 first = addAccount(db, alice, QStringLiteral("alice@gmail.com"));
    const qint64 second = addAccount(db, alice, QStringLiteral("alice@outlook.com"), MailProvider::Outlook);
    EmailRepository repo(db.database());
    auto added = repo.add(alice, message(first, QStringLiteral("msg-1")));
    QVERIFY(added && added->inserted);
    QSignalSpy changed(&repo, &EmailRepository::changed);

    Email again = message(first, QStringLiteral("msg-1"));
    again.subject = QStringLiteral("changed on the server");
    auto duplicate = repo.add(alice, again);
    QVERIFY2(duplicate, Test::errorText(duplicate).constData());
    QVERIFY(!duplicate->inserted);
    QCOMPARE(duplicate->id, added->id);
    QCOMPARE(changed.count(), 0);
    QCOMPARE(repo.find(alice, added->id)->subject, QStringLiteral("Your order msg-1"));
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM emails")), 1);

    // The same message id in another account is another message.
    auto other = repo.add(alice, message(second, QStringLiteral("msg-1")));
    QVERIFY(other && other->inserted);
    QVERIFY(other->id != added->id);

    // The schema refuses a second row for the same account and message id.
    auto raw = Sql::exec(db.database()->connection(),
                         QStringLiteral("INSERT INTO emails (user_id, connected_account_id, provider, "
                                        "provider_message_id) VALUES (?, ?, 'gmail', 'msg-1')"),
                         {alice, first});
    QVERIFY(!raw);
    QCOMPARE(raw.error().code, Error::Code::Conflict);
}

void TestEmailRepository::validation_data()
{
    QTest::addColumn<Email>("email");
    QTest::addColumn<QString>("message");
    Email e = message(1, QStringLiteral("m"));
    e.accountId = 0;
    QTest::newRow("no account") << e << QStringLiteral("Choose the mail account");
    e = message(1, QStringLiteral("  "));
    QTest::newRow("no message id") << e << QStringLiteral("has no message id");
    e = message(1, QString(1025, u'x'));
    QTest::newRow("message id too long") << e << QStringLiteral("too long");
    e = message(1, QStringLiteral("m"));
    e.extractionVersion = -1;
    QTest::newRow("negative version") << e << QStringLiteral("cannot be negative");
}

void TestEmailRepository::validation()
{
    QFETCH(Email, email);
    QFETCH(QString, message);
    Test::TestDatabase db;
    const qint64 alice = db.createUser(QStringLiteral("alice"));
    QCOMPARE(addAccount(db, alice, QStringLiteral("alice@gmail.com")), 1);
    EmailRepository repo(db.database());
    auto added = repo.add(alice, email);
    QVERIFY(!added);
    QCOMPARE(added.error().code, Error::Code::InvalidInput);
    QVERIFY2(added.error().message.contains(message), Test::errorText(added).constData());
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM emails")), 0);
}

void TestEmailRepository::listFiltersAndOrder()
{
    Test::TestDatabase db;
    const qint64 alice = db.createUser(QStringLiteral("alice"));
    const qint64 gmail = addAccount(db, alice, QStringLiteral("alice@gmail.com"));
    const qint64 work = addAccount(db, alice, QStringLiteral("alice@work.example"), MailProvider::Imap);
    EmailRepository repo(db.database());
    QVERIFY(repo.add(alice, message(gmail, QStringLiteral("a"), utc(3))));
    QVERIFY(repo.add(alice, message(gmail, QStringLiteral("b"), utc(5))));
    QVERIFY(repo.add(alice, message(work, QStringLiteral("c"), utc(4))));
    QVERIFY(repo.add(alice, message(work, QStringLiteral("d")))); // no date: last
    auto failed = repo.add(alice, message(gmail, QStringLiteral("e"), utc(1)));
    QVERIFY(failed);
    QVERIFY(repo.setExtractionStatus(alice, failed->id, EmailExtractionStatus::Failed, 1));

    auto ids = [](const Result<QList<Email>>& emails) {
        QStringList list;
        for (const Email& e : *emails)
            list << e.providerMessageId;
        return list.join(u',');
    };
    QCOMPARE(ids(repo.list(alice)), QStringLiteral("b,c,a,e,d"));
    QCOMPARE(ids(repo.list(alice, gmail)), QStringLiteral("b,a,e"));
    QCOMPARE(ids(repo.list(alice, work)), QStringLiteral("c,d"));
    QCOMPARE(ids(repo.list(alice, std::nullopt, EmailExtractionStatus::Failed)), QStringLiteral("e"));
    QCOMPARE(ids(repo.list(alice, gmail, EmailExtractionStatus::Pending)), QStringLiteral("b,a"));
    QCOMPARE(ids(repo.list(alice, std::nullopt, std::nullopt, 2)), QStringLiteral("b,c"));
    QCOMPARE(ids(repo.list(alice, std::nullopt, std::nullopt, 2, 2)), QStringLiteral("a,e"));
    QCOMPARE(ids(repo.list(alice, std::nullopt, std::nullopt, -1, 4)), QStringLiteral("d"));
}

void TestEmailRepository::pendingAndStatus()
{
    Test::TestDatabase db;
    const qint64 alice = db.createUser(QStringLiteral("alice"));
    const qint64 account = addAccount(db, alice, QStringLiteral("alice@gmail.com"));
    EmailRepository repo(db.database());
    QList<qint64> ids;
    for (int day : {9, 7, 8}) {
        auto added = repo.add(alice, message(account, QString::number(day), utc(day)));
        QVERIFY(added);
        ids << added->id;
    }
    auto pending = repo.pending(alice, 10);
    QVERIFY(pending);
    QCOMPARE(pending->size(), 3);
    QCOMPARE(pending->at(0).providerMessageId, QStringLiteral("7")); // oldest first
    QCOMPARE(repo.pending(alice, 1)->size(), 1);

    QSignalSpy changed(&repo, &EmailRepository::changed);
    QVERIFY(repo.setExtractionStatus(alice, ids[1], EmailExtractionStatus::Completed, 3));
    QVERIFY(repo.setExtractionStatus(alice, ids[2], EmailExtractionStatus::Skipped, 3));
    QCOMPARE(changed.count(), 2);
    auto stored = repo.find(alice, ids[1]);
    QCOMPARE(stored->extractionStatus, EmailExtractionStatus::Completed);
    QCOMPARE(stored->extractionVersion, 3);
    QCOMPARE(repo.pending(alice, 10)->size(), 1);
    QCOMPARE(repo.setExtractionStatus(alice, ids[0], EmailExtractionStatus::Failed, -1).error().code,
             Error::Code::InvalidInput);
    QCOMPARE(repo.setExtractionStatus(alice, ids[0] + 100, EmailExtractionStatus::Failed, 1).error().code,
             Error::Code::NotFound);

    auto counts = repo.countByStatus(alice);
    QVERIFY(counts);
    QCOMPARE(counts->size(), 4);
    QCOMPARE(counts->value(EmailExtractionStatus::Pending), 1);
    QCOMPARE(counts->value(EmailExtractionStatus::Completed), 1);
    QCOMPARE(counts->value(EmailExtractionStatus::Skipped), 1);
    QCOMPARE(counts->value(EmailExtractionStatus::Failed), 0);
}

QTEST_GUILESS_MAIN(TestEmailRepository)
#include "tst_emailrepository.moc"
