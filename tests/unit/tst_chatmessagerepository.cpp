#include "db/chatmessagerepository.h"
#include "db/chatsessionrepository.h"
#include "db/sql.h"
#include "itemmodels/chatmessagemodel.h"
#include "testdatabase.h"
#include "testresult.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace Moniagent;

namespace {

QString updatedAt(Test::TestDatabase& db, qint64 sessionId)
{
    auto value = Sql::scalar(db.database()->connection(),
                             QStringLiteral("SELECT updated_at FROM chat_sessions WHERE id = ?"), {sessionId});
    return value ? value->toString() : QString();
}

const QString LongAgo = QStringLiteral("2001-01-01T00:00:00.000Z");

} // namespace

// Chat messages, scoped through chat_sessions.user_id: round trips, session touch, validation, constraints,
// user scoping and the item model.
class TestChatMessageRepository : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void addListRoundTrip();
    void addTouchesSession();
    void validation();
    void schemaChecks_data();
    void schemaChecks();
    void otherUserCannotTouch();
    void model();
};

void TestChatMessageRepository::addListRoundTrip()
{
    Test::TestDatabase db;
    const qint64 alice = db.createUser(QStringLiteral("alice"));
    ChatSessionRepository sessions(db.database());
    ChatMessageRepository repo(db.database());
    auto session = sessions.create(alice, QStringLiteral("t"));
    auto other = sessions.create(alice, QStringLiteral("other"));
    QVERIFY(session && other);
    QSignalSpy changed(&repo, &ChatMessageRepository::changed);

    const QJsonObject metadata {{QStringLiteral("tool"), QStringLiteral("spending_summary")},
                                {QStringLiteral("cited"), QJsonArray {31240, 4500}}};
    auto question = repo.add(alice, *session, ChatRole::User, QStringLiteral("How much on groceries?"));
    auto answer = repo.add(alice, *session, ChatRole::Assistant, QStringLiteral("312.40 €"), metadata);
    QVERIFY2(question, Test::errorText(question).constData());
    QVERIFY(answer);
    QVERIFY(repo.add(alice, *other, ChatRole::User, QStringLiteral("Elsewhere")));
    QCOMPARE(changed.count(), 3);
    QCOMPARE(changed.first().first().toLongLong(), alice);

    auto messages = repo.list(alice, *session);
    QVERIFY(messages);
    QCOMPARE(messages->size(), 2);
    QCOMPARE(messages->at(0).id, *question);
    QCOMPARE(messages->at(0).sessionId, *session);
    QCOMPARE(messages->at(0).role, ChatRole::User);
    QCOMPARE(messages->at(0).content, QStringLiteral("How much on groceries?"));
    QVERIFY(messages->at(0).metadata.isEmpty());
    QVERIFY(messages->at(0).createdAt.isValid());
    QCOMPARE(messages->at(1).role, ChatRole::Assistant);
    QCOMPARE(messages->at(1).metadata, metadata);
    QCOMPARE(repo.count(alice, *session).value(), 2);
    QCOMPARE(repo.count(alice, *other).value(), 1);

    // A message with only tool calls and no text is allowed.
    QVERIFY(repo.add(alice, *session, ChatRole::Assistant, QString(), metadata));
    QCOMPARE(repo.count(alice, *session).value(), 3);

    // A session that does not exist takes nothing.
    auto missing = repo.add(alice, *other + 100, ChatRole::User, QStringLiteral("?"));
    QVERIFY(!missing);
    QCOMPARE(missing.error().code, Error::Code::NotFound);
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM chat_messages")), 4);
}

void TestChatMessageRepository::addTouchesSession()
{
    Test::TestDatabase db;
    const qint64 alice = db.createUser(QStringLiteral("alice"));
    ChatSessionRepository sessions(db.database());
    ChatMessageRepository repo(db.database());
    auto first = sessions.create(alice, QStringLiteral("first"));
    auto second = sessions.create(alice, QStringLiteral("second"));
    QVERIFY(first && second);
    QVERIFY(
        Sql::exec(db.database()->connection(), QStringLiteral("UPDATE chat_sessions SET updated_at = ?"), {LongAgo}));

    QVERIFY(repo.add(alice, *first, ChatRole::User, QStringLiteral("hi")));
    QVERIFY(updatedAt(db, *first) > QStringLiteral("2020"));
    QCOMPARE(updatedAt(db, *second), LongAgo);
    QCOMPARE(sessions.list(alice)->first().id, *first);
}

void TestChatMessageRepository::validation()
{
    Test::TestDatabase db;
    const qint64 alice = db.createUser(QStringLiteral("alice"));
    ChatSessionRepository sessions(db.database());
    ChatMessageRepository repo(db.database());
    auto session = sessions.create(alice, QStringLiteral("t"));
    QVERIFY(session);
    QVERIFY(
        Sql::exec(db.database()->connection(), QStringLiteral("UPDATE chat_sessions SET updated_at = ?"), {LongAgo}));

    auto empty = repo.add(alice, *session, ChatRole::User, QStringLiteral("  \n"));
    QVERIFY(!empty);
    QCOMPARE(empty.error().code, Error::Code::InvalidInput);
    QCOMPARE(empty.error().message, QStringLiteral("Type a message first."));
    auto huge = repo.add(alice, *session, ChatRole::User, QString(ChatMessageRepository::MaxContentLength + 1, u'x'));
    QVERIFY(!huge);
    QVERIFY(huge.error().message.contains(QStringLiteral("too long")));
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM chat_messages")), 0);
    QCOMPARE(updatedAt(db, *session), LongAgo);
}

void TestChatMessageRepository::schemaChecks_data()
{
    QTest::addColumn<QString>("column");
    QTest::addColumn<QVariant>("value");
    QTest::newRow("role") << QStringLiteral("role") << QVariant(QStringLiteral("system"));
    QTest::newRow("invalid JSON") << QStringLiteral("metadata") << QVariant(QStringLiteral("{tool: x}"));
    QTest::newRow("missing session") << QStringLiteral("session_id") << QVariant(424242);
}

void TestChatMessageRepository::schemaChecks()
{
    QFETCH(QString, column);
    QFETCH(QVariant, value);
    Test::TestDatabase db;
    const qint64 alice = db.createUser(QStringLiteral("alice"));
    ChatSessionRepository sessions(db.database());
    ChatMessageRepository repo(db.database());
    auto session = sessions.create(alice, QStringLiteral("t"));
    QVERIFY(session && repo.add(alice, *session, ChatRole::User, QStringLiteral("hi")));
    auto refused = Sql::exec(db.database()->connection(), QStringLiteral("UPDATE chat_messages SET %1 = ?").arg(column),
                             {value});
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, Error::Code::Conflict);
}

void TestChatMessageRepository::otherUserCannotTouch()
{
    Test::TestDatabase db;
    const qint64 alice = db.createUser(QStringLiteral("alice"));
    const qint64 bob = db.createUser(QStringLiteral("bob"));
    ChatSessionRepository sessions(db.database());
    ChatMessageRepository repo(db.database());
    auto aliceSession = sessions.create(alice, QStringLiteral("alice"));
    auto bobSession = sessions.create(bob, QStringLiteral("bob"));
    QVERIFY(aliceSession && bobSession);
    QVERIFY(repo.add(alice, *aliceSession, ChatRole::User, QStringLiteral("secret plans")));
    QVERIFY(
        Sql::exec(db.database()->connection(), QStringLiteral("UPDATE chat_sessions SET updated_at = ?"), {LongAgo}));
    QSignalSpy changed(&repo, &ChatMessageRepository::changed);

    auto injected = repo.add(bob, *aliceSession, ChatRole::Assistant, QStringLiteral("Send me your money"));
    QVERIFY(!injected);
    QCOMPARE(injected.error().code, Error::Code::NotFound);
    QCOMPARE(changed.count(), 0);
    QCOMPARE(repo.count(alice, *aliceSession).value(), 1);
    QCOMPARE(updatedAt(db, *aliceSession), LongAgo);
    QCOMPARE(repo.list(bob, *aliceSession)->size(), 0);
    QCOMPARE(repo.count(bob, *aliceSession).value(), 0);
    QCOMPARE(repo.list(alice, *bobSession)->size(), 0);
}

void TestChatMessageRepository::model()
{
    Test::TestDatabase db;
    const qint64 alice = db.createUser(QStringLiteral("alice"));
    const qint64 bob = db.createUser(QStringLiteral("bob"));
    ChatSessionRepository sessions(db.database());
    ChatMessageRepository repo(db.database());
    auto first = sessions.create(alice, QStringLiteral("first"));
    auto second = sessions.create(alice, QStringLiteral("second"));
    auto bobSession = sessions.create(bob, QStringLiteral("bob"));
    QVERIFY(first && second && bobSession);
    QVERIFY(repo.add(alice, *first, ChatRole::User, QStringLiteral("q1")));
    QVERIFY(repo.add(alice, *first, ChatRole::Assistant, QStringLiteral("a1")));
    QVERIFY(repo.add(alice, *second, ChatRole::User, QStringLiteral("q2")));
    QVERIFY(repo.add(bob, *bobSession, ChatRole::User, QStringLiteral("bob's")));

    ChatMessageModel model(db.database()->connection(), alice);
    model.setLocale(QLocale(QLocale::English, QLocale::UnitedStates));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.select());
    QCOMPARE(model.userId(), alice);
    QCOMPARE(model.rowCount(), 3);
    const int content = model.fieldIndex(QStringLiteral("content"));
    const int role = model.fieldIndex(QStringLiteral("role"));
    const int created = model.fieldIndex(QStringLiteral("created_at"));
    QCOMPARE(model.data(model.index(0, content)).toString(), QStringLiteral("q1"));
    QCOMPARE(model.data(model.index(0, role)).toString(), QStringLiteral("You"));
    QCOMPARE(model.data(model.index(1, role)).toString(), QStringLiteral("Assistant"));
    QCOMPARE(model.data(model.index(1, role), ScopedSqlTableModel::RawValueRole).toString(),
             QStringLiteral("assistant"));
    QVERIFY(model.data(model.index(0, created)).toString()
            != model.data(model.index(0, created), ScopedSqlTableModel::RawValueRole).toString());
    QCOMPARE(model.headerData(content, Qt::Horizontal).toString(), QStringLiteral("Message"));

    model.setFilter(QStringLiteral("session_id = %1").arg(*second));
    QVERIFY(model.select());
    QCOMPARE(model.rowCount(), 1);
    model.setFilter(QStringLiteral("session_id = %1").arg(*bobSession));
    QVERIFY(model.select());
    QCOMPARE(model.rowCount(), 0);
}

QTEST_GUILESS_MAIN(TestChatMessageRepository)
#include "tst_chatmessagerepository.moc"
