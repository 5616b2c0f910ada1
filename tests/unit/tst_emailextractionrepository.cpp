#include "db/connectedaccountrepository.h"
#include "db/emailextractionrepository.h"
#include "db/emailrepository.h"
#include "db/sql.h"
#include "itemmodels/emailextractionmodel.h"
#include "testdatabase.h"
#include "testresult.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace Moniagent;

namespace {

// A Gmail account with one email for `userId`; returns the email's id (0 on failure).
qint64 addEmail(Test::TestDatabase& db, qint64 userId, const QString& address, const QString& messageId = {})
{
    ConnectedAccount account;
    account.email = address;
    account.keychainKey = ConnectedAccount::keychainKeyFor(account.provider, address);
    ConnectedAccountRepository accounts(db.database());
    auto accountId = accounts.findByEmail(userId, MailProvider::Gmail, address);
    const qint64 id = accountId ? accountId->id : accounts.add(userId, account).value();
    Email email;
    email.accountId = id;
    email.providerMessageId = messageId.isEmpty() ? address : messageId;
    EmailRepository emails(db.database());
    auto added = emails.add(userId, email);
    return added ? added->id : 0;
}

EmailExtraction extraction(int version, ExtractionOutcome status = ExtractionOutcome::Success)
{
    EmailExtraction x;
    x.extractionVersion = version;
    x.status = status;
    x.extractedJson = QJsonObject {{QStringLiteral("merchant"), QStringLiteral("Shop")},
                                   {QStringLiteral("total_minor"), 1299},
                                   {QStringLiteral("items"), QJsonArray {QStringLiteral("Tea")}}};
    x.modelUsed = QStringLiteral("offline-heuristics");
    x.promptHash = QStringLiteral("p%1").arg(version);
    if (status == ExtractionOutcome::Failed)
        x.error = QStringLiteral("No total found.");
    return x;
}

} // namespace

// Email extractions, scoped through emails.user_id: round trips, latest version, validation, schema
// constraints, user scoping and the item model (cascades from emails: tst_emailintegrity).
class TestEmailExtractionRepository : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void addListRoundTrip();
    void latestIsHighestVersion();
    void validation_data();
    void validation();
    void schemaChecks_data();
    void schemaChecks();
    void otherUserCannotTouch();
    void model();
};

void TestEmailExtractionRepository::addListRoundTrip()
{
    Test::TestDatabase db;
    const qint64 alice = db.createUser(QStringLiteral("alice"));
    const qint64 email = addEmail(db, alice, QStringLiteral("alice@gmail.com"));
    QVERIFY(email);
    EmailExtractionRepository repo(db.database());
    QSignalSpy changed(&repo, &EmailExtractionRepository::changed);

    EmailExtraction first = extraction(1, ExtractionOutcome::Failed);
    first.emailId = 9999; // ignored: the email is the argument
    auto firstId = repo.add(alice, email, first);
    QVERIFY2(firstId, Test::errorText(firstId).constData());
    EmailExtraction second = extraction(2);
    second.modelUsed.clear();
    auto secondId = repo.add(alice, email, second);
    QVERIFY(secondId);
    QCOMPARE(changed.count(), 2);

    auto all = repo.listForEmail(alice, email);
    QVERIFY(all);
    QCOMPARE(all->size(), 2);
    const EmailExtraction& stored = all->at(0);
    QCOMPARE(stored.id, *firstId);
    QCOMPARE(stored.emailId, email);
    QCOMPARE(stored.extractionVersion, 1);
    QCOMPARE(stored.status, ExtractionOutcome::Failed);
    QCOMPARE(stored.extractedJson, first.extractedJson);
    QCOMPARE(stored.modelUsed, QStringLiteral("offline-heuristics"));
    QCOMPARE(stored.promptHash, QStringLiteral("p1"));
    QCOMPARE(stored.error, QStringLiteral("No total found."));
    QVERIFY(stored.createdAt.isValid());
    QCOMPARE(all->at(1).status, ExtractionOutcome::Success);
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM email_extractions WHERE id = ? AND model_used IS NULL AND "
                                      "error IS NULL"),
                       {*secondId}),
             1);

    QCOMPARE(repo.add(alice, email + 100, extraction(1)).error().code, Error::Code::NotFound);
    QCOMPARE(repo.listForEmail(alice, email + 100)->size(), 0);
}

void TestEmailExtractionRepository::latestIsHighestVersion()
{
    Test::TestDatabase db;
    const qint64 alice = db.createUser(QStringLiteral("alice"));
    const qint64 email = addEmail(db, alice, QStringLiteral("alice@gmail.com"));
    const qint64 other = addEmail(db, alice, QStringLiteral("alice@gmail.com"), QStringLiteral("other"));
    EmailExtractionRepository repo(db.database());
    auto none = repo.latestForEmail(alice, email);
    QVERIFY(!none);
    QCOMPARE(none.error().code, Error::Code::NotFound);

    QVERIFY(repo.add(alice, email, extraction(3)));
    QVERIFY(repo.add(alice, email, extraction(5, ExtractionOutcome::Skipped)));
    QVERIFY(repo.add(alice, email, extraction(4)));
    QVERIFY(repo.add(alice, other, extraction(9)));
    auto again = repo.add(alice, email, extraction(5, ExtractionOutcome::Failed)); // a retry of version 5
    QVERIFY(again);
    auto latest = repo.latestForEmail(alice, email);
    QVERIFY(latest);
    QCOMPARE(latest->id, *again);
    QCOMPARE(latest->extractionVersion, 5);
    QCOMPARE(latest->status, ExtractionOutcome::Failed);
    QCOMPARE(repo.latestForEmail(alice, other)->extractionVersion, 9);
}

void TestEmailExtractionRepository::validation_data()
{
    QTest::addColumn<EmailExtraction>("value");
    QTest::addColumn<QString>("message");
    EmailExtraction x = extraction(-1);
    QTest::newRow("negative version") << x << QStringLiteral("cannot be negative");
    x = extraction(1, ExtractionOutcome::Failed);
    x.error = QStringLiteral("  ");
    QTest::newRow("failure without reason") << x << QStringLiteral("Say why");
    x = extraction(1);
    x.modelUsed = QString(257, u'm');
    QTest::newRow("model name too long") << x << QStringLiteral("too long");
}

void TestEmailExtractionRepository::validation()
{
    QFETCH(EmailExtraction, value);
    QFETCH(QString, message);
    Test::TestDatabase db;
    const qint64 alice = db.createUser(QStringLiteral("alice"));
    const qint64 email = addEmail(db, alice, QStringLiteral("alice@gmail.com"));
    EmailExtractionRepository repo(db.database());
    auto added = repo.add(alice, email, value);
    QVERIFY(!added);
    QCOMPARE(added.error().code, Error::Code::InvalidInput);
    QVERIFY2(added.error().message.contains(message), Test::errorText(added).constData());
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM email_extractions")), 0);
}

void TestEmailExtractionRepository::schemaChecks_data()
{
    QTest::addColumn<QString>("column");
    QTest::addColumn<QVariant>("value");
    QTest::newRow("status") << QStringLiteral("status") << QVariant(QStringLiteral("COMPLETED"));
    QTest::newRow("invalid JSON") << QStringLiteral("extracted_json") << QVariant(QStringLiteral("{\"total\": "));
    QTest::newRow("negative version") << QStringLiteral("extraction_version") << QVariant(-2);
    QTest::newRow("missing email") << QStringLiteral("email_id") << QVariant(424242);
}

void TestEmailExtractionRepository::schemaChecks()
{
    QFETCH(QString, column);
    QFETCH(QVariant, value);
    Test::TestDatabase db;
    const qint64 alice = db.createUser(QStringLiteral("alice"));
    const qint64 email = addEmail(db, alice, QStringLiteral("alice@gmail.com"));
    EmailExtractionRepository repo(db.database());
    QVERIFY(repo.add(alice, email, extraction(1)));
    auto refused = Sql::exec(db.database()->connection(),
                             QStringLiteral("UPDATE email_extractions SET %1 = ?").arg(column), {value});
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, Error::Code::Conflict);
}

void TestEmailExtractionRepository::otherUserCannotTouch()
{
    Test::TestDatabase db;
    const qint64 alice = db.createUser(QStringLiteral("alice"));
    const qint64 bob = db.createUser(QStringLiteral("bob"));
    const qint64 aliceEmail = addEmail(db, alice, QStringLiteral("alice@gmail.com"));
    const qint64 bobEmail = addEmail(db, bob, QStringLiteral("bob@gmail.com"));
    EmailExtractionRepository repo(db.database());
    QVERIFY(repo.add(alice, aliceEmail, extraction(1)));
    QVERIFY(repo.add(bob, bobEmail, extraction(7)));
    QSignalSpy changed(&repo, &EmailExtractionRepository::changed);

    auto added = repo.add(bob, aliceEmail, extraction(2));
    QVERIFY(!added);
    QCOMPARE(added.error().code, Error::Code::NotFound);
    QCOMPARE(changed.count(), 0);
    QCOMPARE(repo.listForEmail(bob, aliceEmail)->size(), 0);
    QCOMPARE(repo.latestForEmail(bob, aliceEmail).error().code, Error::Code::NotFound);
    QCOMPARE(repo.latestForEmail(bob, bobEmail)->extractionVersion, 7);
    QCOMPARE(repo.listForEmail(alice, aliceEmail)->size(), 1);
    QCOMPARE(repo.latestForEmail(alice, aliceEmail)->extractionVersion, 1);
}

void TestEmailExtractionRepository::model()
{
    Test::TestDatabase db;
    const qint64 alice = db.createUser(QStringLiteral("alice"));
    const qint64 bob = db.createUser(QStringLiteral("bob"));
    const qint64 first = addEmail(db, alice, QStringLiteral("alice@gmail.com"));
    const qint64 second = addEmail(db, alice, QStringLiteral("alice@gmail.com"), QStringLiteral("second"));
    const qint64 bobEmail = addEmail(db, bob, QStringLiteral("bob@gmail.com"));
    EmailExtractionRepository repo(db.database());
    QVERIFY(repo.add(alice, first, extraction(1, ExtractionOutcome::Failed)));
    QVERIFY(repo.add(alice, second, extraction(2)));
    QVERIFY(repo.add(bob, bobEmail, extraction(3)));

    EmailExtractionModel model(db.database()->connection(), alice);
    model.setLocale(QLocale(QLocale::English, QLocale::UnitedStates));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.select());
    QCOMPARE(model.userId(), alice);
    QCOMPARE(model.rowCount(), 2);
    const int emailColumn = model.fieldIndex(QStringLiteral("email_id"));
    const int status = model.fieldIndex(QStringLiteral("status"));
    const int created = model.fieldIndex(QStringLiteral("created_at"));
    QCOMPARE(model.data(model.index(0, emailColumn)).toLongLong(), second); // newest first
    QCOMPARE(model.data(model.index(0, status)).toString(), QStringLiteral("Success"));
    QCOMPARE(model.data(model.index(1, status)).toString(), QStringLiteral("Failed"));
    QCOMPARE(model.data(model.index(1, status), ScopedSqlTableModel::RawValueRole).toString(),
             QStringLiteral("FAILED"));
    const QString raw = model.data(model.index(0, created), ScopedSqlTableModel::RawValueRole).toString();
    QVERIFY(raw.endsWith(u'Z'));
    QVERIFY(model.data(model.index(0, created)).toString() != raw);
    QCOMPARE(model.headerData(status, Qt::Horizontal).toString(), QStringLiteral("Result"));

    model.setFilter(QStringLiteral("email_id = %1").arg(first));
    QVERIFY(model.select());
    QCOMPARE(model.rowCount(), 1);
    model.setFilter(QStringLiteral("email_id = %1 OR 1 = 1").arg(bobEmail));
    QVERIFY(model.select());
    QCOMPARE(model.rowCount(), 2);
}

QTEST_GUILESS_MAIN(TestEmailExtractionRepository)
#include "tst_emailextractionrepository.moc"
