#include "db/connectedaccountrepository.h"
#include "db/emailrepository.h"
#include "db/sql.h"
#include "db/transactionrepository.h"
#include "db/userrepository.h"
#include "itemmodels/emailmodel.h"
#include "testdatabase.h"
#include "testresult.h"

#include <QAbstractItemModelTester>
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

// Emails: schema checks, cascades, user scoping and the item model.
class TestEmailIntegrity : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void schemaChecks_data();
    void schemaChecks();
    void removeCascades();
    void otherUserCannotTouch();
    void deletingUserCascades();
    void model();
};

void TestEmailIntegrity::schemaChecks_data()
{
    QTest::addColumn<QString>("column");
    QTest::addColumn<QVariant>("value");
    QTest::newRow("provider") << QStringLiteral("provider") << QVariant(QStringLiteral("yahoo"));
    QTest::newRow("empty message id") << QStringLiteral("provider_message_id") << QVariant(QStringLiteral(""));
    QTest::newRow("status") << QStringLiteral("extraction_status") << QVariant(QStringLiteral("pending"));
    QTest::newRow("negative version") << QStringLiteral("extraction_version") << QVariant(-1);
}

void TestEmailIntegrity::schemaChecks()
{
    QFETCH(QString, column);
    QFETCH(QVariant, value);
    Test::TestDatabase db;
    const qint64 alice = db.createUser(QStringLiteral("alice"));
    const qint64 account = addAccount(db, alice, QStringLiteral("alice@gmail.com"));
    EmailRepository repo(db.database());
    QVERIFY(repo.add(alice, message(account, QStringLiteral("m"))));
    auto refused
        = Sql::exec(db.database()->connection(), QStringLiteral("UPDATE emails SET %1 = ?").arg(column), {value});
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, Error::Code::Conflict);
}

void TestEmailIntegrity::removeCascades()
{
    Test::TestDatabase db;
    const qint64 alice = db.createUser(QStringLiteral("alice"));
    const qint64 account = addAccount(db, alice, QStringLiteral("alice@gmail.com"));
    EmailRepository repo(db.database());
    auto email = repo.add(alice, message(account, QStringLiteral("m")));
    QVERIFY(email);
    QVERIFY(Sql::exec(db.database()->connection(),
                      QStringLiteral("INSERT INTO email_extractions (email_id, extraction_version, status) VALUES "
                                     "(?, 1, 'FAILED'), (?, 2, 'SUCCESS')"),
                      {email->id, email->id}));
    TransactionRepository transactions(db.database());
    Transaction t = Test::TestDatabase::expense(1299, QStringLiteral("Shop"), QDate(2026, 11, 1));
    t.emailId = email->id;
    auto transactionId = transactions.add(alice, t);
    QVERIFY(transactionId);

    QVERIFY(repo.remove(alice, email->id));
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM emails")), 0);
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM email_extractions")), 0);
    auto kept = transactions.find(alice, *transactionId);
    QVERIFY(kept);
    QVERIFY(!kept->emailId);
    QCOMPARE(kept->amount.minor(), 1299);
    QCOMPARE(repo.remove(alice, email->id).error().code, Error::Code::NotFound);
}

void TestEmailIntegrity::otherUserCannotTouch()
{
    Test::TestDatabase db;
    const qint64 alice = db.createUser(QStringLiteral("alice"));
    const qint64 bob = db.createUser(QStringLiteral("bob"));
    const qint64 aliceAccount = addAccount(db, alice, QStringLiteral("alice@gmail.com"));
    const qint64 bobAccount = addAccount(db, bob, QStringLiteral("bob@gmail.com"));
    EmailRepository repo(db.database());
    auto aliceEmail = repo.add(alice, message(aliceAccount, QStringLiteral("m"), utc(2)));
    QVERIFY(aliceEmail);
    QVERIFY(repo.add(bob, message(bobAccount, QStringLiteral("b"), utc(2))));
    QSignalSpy changed(&repo, &EmailRepository::changed);

    // Bob cannot add a message to alice's account, not even one alice already has.
    for (const QString& id : {QStringLiteral("new"), QStringLiteral("m")}) {
        auto added = repo.add(bob, message(aliceAccount, id));
        QVERIFY(!added);
        QCOMPARE(added.error().code, Error::Code::NotFound);
    }
    // The schema's trigger refuses it too.
    auto raw = Sql::exec(db.database()->connection(),
                         QStringLiteral("INSERT INTO emails (user_id, connected_account_id, provider, "
                                        "provider_message_id) VALUES (?, ?, 'gmail', 'raw')"),
                         {bob, aliceAccount});
    QVERIFY(!raw);

    QCOMPARE(repo.find(bob, aliceEmail->id).error().code, Error::Code::NotFound);
    QCOMPARE(repo.list(bob)->size(), 1);
    QCOMPARE(repo.list(bob, aliceAccount)->size(), 0);
    QCOMPARE(repo.pending(bob, 10)->size(), 1);
    QCOMPARE(repo.countByStatus(bob)->value(EmailExtractionStatus::Pending), 1);
    QCOMPARE(repo.setExtractionStatus(bob, aliceEmail->id, EmailExtractionStatus::Skipped, 9).error().code,
             Error::Code::NotFound);
    QCOMPARE(repo.remove(bob, aliceEmail->id).error().code, Error::Code::NotFound);
    QCOMPARE(changed.count(), 0);

    auto after = repo.find(alice, aliceEmail->id);
    QVERIFY(after);
    QCOMPARE(after->extractionStatus, EmailExtractionStatus::Pending);
    QCOMPARE(after->extractionVersion, 0);
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM emails WHERE connected_account_id = ?"), {aliceAccount}),
             1);
}

void TestEmailIntegrity::deletingUserCascades()
{
    Test::TestDatabase db;
    const qint64 admin = db.createUser(QStringLiteral("admin"));
    const qint64 bob = db.createUser(QStringLiteral("bob"));
    EmailRepository repo(db.database());
    QVERIFY(repo.add(admin, message(addAccount(db, admin, QStringLiteral("admin@gmail.com")), QStringLiteral("a"))));
    auto bobEmail = repo.add(bob, message(addAccount(db, bob, QStringLiteral("bob@gmail.com")), QStringLiteral("b")));
    QVERIFY(bobEmail);
    QVERIFY(Sql::exec(db.database()->connection(),
                      QStringLiteral("INSERT INTO email_extractions (email_id, extraction_version, status) "
                                     "VALUES (?, 1, 'SUCCESS')"),
                      {bobEmail->id}));
    UserRepository users(db.database());
    QVERIFY(users.remove(admin, bob));
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM emails WHERE user_id = ?"), {bob}), 0);
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM email_extractions")), 0);
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM emails")), 1);
}

void TestEmailIntegrity::model()
{
    Test::TestDatabase db;
    const qint64 alice = db.createUser(QStringLiteral("alice"));
    const qint64 bob = db.createUser(QStringLiteral("bob"));
    const qint64 account = addAccount(db, alice, QStringLiteral("alice@gmail.com"));
    EmailRepository repo(db.database());
    QVERIFY(repo.add(alice, message(account, QStringLiteral("old"), utc(1))));
    auto newest = repo.add(alice, message(account, QStringLiteral("new"), utc(9, 18)));
    QVERIFY(newest);
    QVERIFY(repo.setExtractionStatus(alice, newest->id, EmailExtractionStatus::Skipped, 2));
    QVERIFY(repo.add(bob, message(addAccount(db, bob, QStringLiteral("bob@gmail.com")), QStringLiteral("b"), utc(5))));

    EmailModel model(db.database()->connection(), alice);
    const QLocale english(QLocale::English, QLocale::UnitedStates);
    model.setLocale(english);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.select());
    QCOMPARE(model.rowCount(), 2);
    const int user = model.fieldIndex(QStringLiteral("user_id"));
    const int messageId = model.fieldIndex(QStringLiteral("provider_message_id"));
    const int status = model.fieldIndex(QStringLiteral("extraction_status"));
    const int provider = model.fieldIndex(QStringLiteral("provider"));
    const int received = model.fieldIndex(QStringLiteral("received_at"));
    for (int row = 0; row < model.rowCount(); ++row)
        QCOMPARE(model.data(model.index(row, user), ScopedSqlTableModel::RawValueRole).toLongLong(), alice);
    QCOMPARE(model.data(model.index(0, messageId)).toString(), QStringLiteral("new")); // newest first
    QCOMPARE(model.data(model.index(0, status)).toString(), QStringLiteral("Not a receipt"));
    QCOMPARE(model.data(model.index(0, status), ScopedSqlTableModel::RawValueRole).toString(),
             QStringLiteral("SKIPPED"));
    QCOMPARE(model.data(model.index(1, status)).toString(), QStringLiteral("Waiting"));
    QCOMPARE(model.data(model.index(0, provider)).toString(), QStringLiteral("Gmail"));
    QCOMPARE(model.data(model.index(0, received)).toString(),
             english.toString(utc(9, 18).toLocalTime(), QLocale::ShortFormat));
    QCOMPARE(model.headerData(received, Qt::Horizontal).toString(), QStringLiteral("Received"));
    QCOMPARE(model.headerData(model.fieldIndex(QStringLiteral("subject")), Qt::Horizontal).toString(),
             QStringLiteral("Subject"));

    model.setFilter(QStringLiteral("1 = 1 OR user_id = %1").arg(bob));
    QVERIFY(model.select());
    QCOMPARE(model.rowCount(), 2);
}

QTEST_GUILESS_MAIN(TestEmailIntegrity)
#include "tst_emailintegrity.moc"
