#include "db/aiinteractionrepository.h"
#include "db/chatmessagerepository.h"
#include "db/chatsessionrepository.h"
#include "db/sql.h"
#include "db/userrepository.h"
#include "itemmodels/chatsessionmodel.h"
#include "testdatabase.h"
#include "testresult.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Moniagent;

namespace {

// Sets updated_at by hand so that ordering tests need no sleeping.
bool setUpdatedAt(Test::TestDatabase& db, qint64 sessionId, const QString& timestamp)
{
    return bool(Sql::exec(db.database()->connection(),
                          QStringLiteral("UPDATE chat_sessions SET updated_at = ? WHERE id = ?"),
                          {timestamp, sessionId}));
}

} // namespace

// Chat sessions: round trips, renaming, status, ordering, touch, constraints, cascades, scoping and the model.
class TestChatSessionRepository : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void createFindRoundTrip();
    void renameAndStatus();
    void listOrderAndFilter();
    void touchMovesUpdatedAt();
    void schemaChecks_data();
    void schemaChecks();
    void removeCascades();
    void otherUserCannotTouch();
    void deletingUserCascades();
    void model();
};

void TestChatSessionRepository::createFindRoundTrip()
{
    Test::TestDatabase db;
    const qint64 alice = db.createUser(QStringLiteral("alice"));
    ChatSessionRepository repo(db.database());
    QSignalSpy changed(&repo, &ChatSessionRepository::changed);
    auto id = repo.create(alice, QStringLiteral("  Groceries in October  "));
    QVERIFY2(id, Test::errorText(id).constData());
    QCOMPARE(changed.count(), 1);
    auto session = repo.find(alice, *id);
    QVERIFY(session);
    QCOMPARE(session->id, *id);
    QCOMPARE(session->userId, alice);
    QCOMPARE(session->uuid.size(), 36);
    QCOMPARE(session->title, QStringLiteral("Groceries in October"));
    QCOMPARE(session->status, ChatSessionStatus::Active);
    QVERIFY(session->createdAt.isValid() && session->updatedAt.isValid());
    QCOMPARE(session->createdAt.timeSpec(), Qt::UTC);

    auto untitled = repo.create(alice);
    QVERIFY(untitled);
    QCOMPARE(repo.find(alice, *untitled)->title, QString());
    QVERIFY(repo.find(alice, *untitled)->uuid != session->uuid);

    auto tooLong = repo.create(alice, QString(ChatSessionRepository::MaxTitleLength + 1, u't'));
    QVERIFY(!tooLong);
    QCOMPARE(tooLong.error().code, Error::Code::InvalidInput);
    QVERIFY(tooLong.error().message.contains(QStringLiteral("too long")));
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM chat_sessions")), 2);
    QCOMPARE(repo.find(alice, *id + 100).error().code, Error::Code::NotFound);
}

void TestChatSessionRepository::renameAndStatus()
{
    Test::TestDatabase db;
    const qint64 alice = db.createUser(QStringLiteral("alice"));
    ChatSessionRepository repo(db.database());
    auto id = repo.create(alice, QStringLiteral("Draft"));
    QVERIFY(id);
    QVERIFY(repo.rename(alice, *id, QStringLiteral("Holiday budget")));
    QCOMPARE(repo.find(alice, *id)->title, QStringLiteral("Holiday budget"));
    auto empty = repo.rename(alice, *id, QStringLiteral("   "));
    QVERIFY(!empty);
    QCOMPARE(empty.error().code, Error::Code::InvalidInput);
    QVERIFY(empty.error().message.contains(QStringLiteral("Enter a title")));
    QCOMPARE(repo.rename(alice, *id, QString(201, u'x')).error().code, Error::Code::InvalidInput);
    QCOMPARE(repo.find(alice, *id)->title, QStringLiteral("Holiday budget"));

    for (ChatSessionStatus status :
         {ChatSessionStatus::Completed, ChatSessionStatus::Archived, ChatSessionStatus::Active}) {
        QVERIFY(repo.setStatus(alice, *id, status));
        QCOMPARE(repo.find(alice, *id)->status, status);
        QCOMPARE(ChatSessionEnums::statusFromKey(ChatSessionEnums::key(status)), status);
    }
    QCOMPARE(repo.rename(alice, *id + 1, QStringLiteral("x")).error().code, Error::Code::NotFound);
    QCOMPARE(repo.setStatus(alice, *id + 1, ChatSessionStatus::Archived).error().code, Error::Code::NotFound);
}

void TestChatSessionRepository::listOrderAndFilter()
{
    Test::TestDatabase db;
    const qint64 alice = db.createUser(QStringLiteral("alice"));
    ChatSessionRepository repo(db.database());
    auto a = repo.create(alice, QStringLiteral("a"));
    auto b = repo.create(alice, QStringLiteral("b"));
    auto c = repo.create(alice, QStringLiteral("c"));
    QVERIFY(a && b && c);
    QVERIFY(repo.setStatus(alice, *b, ChatSessionStatus::Archived));
    QVERIFY(setUpdatedAt(db, *a, QStringLiteral("2026-11-03T10:00:00.000Z")));
    QVERIFY(setUpdatedAt(db, *b, QStringLiteral("2026-11-01T10:00:00.000Z")));
    QVERIFY(setUpdatedAt(db, *c, QStringLiteral("2026-11-02T10:00:00.000Z")));

    auto titles = [](const Result<QList<ChatSession>>& sessions) {
        QStringList list;
        for (const ChatSession& s : *sessions)
            list << s.title;
        return list.join(u',');
    };
    QCOMPARE(titles(repo.list(alice)), QStringLiteral("a,c,b"));
    QCOMPARE(titles(repo.list(alice, ChatSessionStatus::Active)), QStringLiteral("a,c"));
    QCOMPARE(titles(repo.list(alice, ChatSessionStatus::Archived)), QStringLiteral("b"));
    QCOMPARE(titles(repo.list(alice, ChatSessionStatus::Completed)), QString());
}

void TestChatSessionRepository::touchMovesUpdatedAt()
{
    Test::TestDatabase db;
    const qint64 alice = db.createUser(QStringLiteral("alice"));
    ChatSessionRepository repo(db.database());
    auto older = repo.create(alice, QStringLiteral("older"));
    auto newer = repo.create(alice, QStringLiteral("newer"));
    QVERIFY(older && newer);
    QVERIFY(setUpdatedAt(db, *older, QStringLiteral("2001-01-01T00:00:00.000Z")));
    QVERIFY(setUpdatedAt(db, *newer, QStringLiteral("2002-01-01T00:00:00.000Z")));
    QCOMPARE(repo.list(alice)->first().id, *newer);

    QSignalSpy changed(&repo, &ChatSessionRepository::changed);
    QVERIFY(repo.touch(alice, *older));
    QCOMPARE(changed.count(), 1);
    const QDateTime touched = repo.find(alice, *older)->updatedAt;
    QVERIFY(touched > QDateTime(QDate(2020, 1, 1), QTime(0, 0), Qt::UTC));
    QCOMPARE(repo.list(alice)->first().id, *older);
    QCOMPARE(repo.touch(alice, *newer + 10).error().code, Error::Code::NotFound);
}

void TestChatSessionRepository::schemaChecks_data()
{
    QTest::addColumn<QString>("sql");
    QTest::newRow("status") << QStringLiteral("UPDATE chat_sessions SET status = 'closed'");
    QTest::newRow("uuid length") << QStringLiteral("UPDATE chat_sessions SET uuid = 'short'");
    QTest::newRow("missing user") << QStringLiteral("UPDATE chat_sessions SET user_id = 424242");
    QTest::newRow("duplicate uuid") << QStringLiteral("INSERT INTO chat_sessions (uuid, user_id) "
                                                      "SELECT uuid, user_id FROM chat_sessions");
}

void TestChatSessionRepository::schemaChecks()
{
    QFETCH(QString, sql);
    Test::TestDatabase db;
    const qint64 alice = db.createUser(QStringLiteral("alice"));
    ChatSessionRepository repo(db.database());
    QVERIFY(repo.create(alice, QStringLiteral("t")));
    auto refused = Sql::exec(db.database()->connection(), sql);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, Error::Code::Conflict);
}

void TestChatSessionRepository::removeCascades()
{
    Test::TestDatabase db;
    const qint64 alice = db.createUser(QStringLiteral("alice"));
    ChatSessionRepository sessions(db.database());
    ChatMessageRepository messages(db.database());
    AiInteractionRepository interactions(db.database());
    auto id = sessions.create(alice, QStringLiteral("t"));
    auto kept = sessions.create(alice, QStringLiteral("kept"));
    QVERIFY(id && kept);
    QVERIFY(messages.add(alice, *id, ChatRole::User, QStringLiteral("How much on groceries?")));
    QVERIFY(messages.add(alice, *id, ChatRole::Assistant, QStringLiteral("312.40 € this month.")));
    QVERIFY(messages.add(alice, *kept, ChatRole::User, QStringLiteral("Hello")));
    AiInteraction call;
    call.sessionId = *id;
    call.modelUsed = QStringLiteral("llama3");
    auto callId = interactions.add(alice, call);
    QVERIFY(callId);

    QVERIFY(sessions.remove(alice, *id));
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM chat_messages WHERE session_id = ?"), {*id}), 0);
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM chat_messages")), 1);
    auto detached = interactions.find(alice, *callId);
    QVERIFY(detached);
    QVERIFY(!detached->sessionId);
    QCOMPARE(detached->modelUsed, QStringLiteral("llama3"));
    QCOMPARE(sessions.remove(alice, *id).error().code, Error::Code::NotFound);
}

void TestChatSessionRepository::otherUserCannotTouch()
{
    Test::TestDatabase db;
    const qint64 alice = db.createUser(QStringLiteral("alice"));
    const qint64 bob = db.createUser(QStringLiteral("bob"));
    ChatSessionRepository repo(db.database());
    auto id = repo.create(alice, QStringLiteral("Alice's"));
    QVERIFY(id);
    QVERIFY(repo.create(bob, QStringLiteral("Bob's")));
    QVERIFY(setUpdatedAt(db, *id, QStringLiteral("2026-01-01T00:00:00.000Z")));
    QSignalSpy changed(&repo, &ChatSessionRepository::changed);

    QCOMPARE(repo.find(bob, *id).error().code, Error::Code::NotFound);
    QCOMPARE(repo.list(bob)->size(), 1);
    QCOMPARE(repo.list(bob)->first().title, QStringLiteral("Bob's"));
    QCOMPARE(repo.rename(bob, *id, QStringLiteral("Mine now")).error().code, Error::Code::NotFound);
    QCOMPARE(repo.setStatus(bob, *id, ChatSessionStatus::Archived).error().code, Error::Code::NotFound);
    QCOMPARE(repo.touch(bob, *id).error().code, Error::Code::NotFound);
    QCOMPARE(repo.remove(bob, *id).error().code, Error::Code::NotFound);
    QCOMPARE(changed.count(), 0);

    auto after = repo.find(alice, *id);
    QVERIFY(after);
    QCOMPARE(after->title, QStringLiteral("Alice's"));
    QCOMPARE(after->status, ChatSessionStatus::Active);
    QCOMPARE(after->updatedAt, QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC));
}

void TestChatSessionRepository::deletingUserCascades()
{
    Test::TestDatabase db;
    const qint64 admin = db.createUser(QStringLiteral("admin"));
    const qint64 bob = db.createUser(QStringLiteral("bob"));
    ChatSessionRepository sessions(db.database());
    ChatMessageRepository messages(db.database());
    auto mine = sessions.create(admin, QStringLiteral("admin"));
    auto his = sessions.create(bob, QStringLiteral("bob"));
    QVERIFY(mine && his);
    QVERIFY(messages.add(admin, *mine, ChatRole::User, QStringLiteral("a")));
    QVERIFY(messages.add(bob, *his, ChatRole::User, QStringLiteral("b")));
    UserRepository users(db.database());
    QVERIFY(users.remove(admin, bob));
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM chat_sessions")), 1);
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM chat_messages")), 1);
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM chat_messages WHERE session_id = ?"), {*mine}), 1);
}

void TestChatSessionRepository::model()
{
    Test::TestDatabase db;
    const qint64 alice = db.createUser(QStringLiteral("alice"));
    const qint64 bob = db.createUser(QStringLiteral("bob"));
    ChatSessionRepository repo(db.database());
    auto first = repo.create(alice, QStringLiteral("first"));
    auto second = repo.create(alice, QStringLiteral("second"));
    QVERIFY(first && second && repo.create(bob, QStringLiteral("bob")));
    QVERIFY(repo.setStatus(alice, *second, ChatSessionStatus::Archived));
    QVERIFY(setUpdatedAt(db, *first, QStringLiteral("2026-11-05T08:00:00.000Z")));
    QVERIFY(setUpdatedAt(db, *second, QStringLiteral("2026-11-04T08:00:00.000Z")));

    ChatSessionModel model(db.database()->connection(), alice);
    const QLocale english(QLocale::English, QLocale::UnitedStates);
    model.setLocale(english);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.select());
    QCOMPARE(model.rowCount(), 2);
    const int title = model.fieldIndex(QStringLiteral("title"));
    const int status = model.fieldIndex(QStringLiteral("status"));
    const int updated = model.fieldIndex(QStringLiteral("updated_at"));
    const int user = model.fieldIndex(QStringLiteral("user_id"));
    QCOMPARE(model.data(model.index(0, title)).toString(), QStringLiteral("first"));
    QCOMPARE(model.data(model.index(1, status)).toString(), QStringLiteral("Archived"));
    QCOMPARE(model.data(model.index(1, status), ScopedSqlTableModel::RawValueRole).toString(),
             QStringLiteral("archived"));
    QCOMPARE(model.data(model.index(0, updated)).toString(),
             english.toString(QDateTime(QDate(2026, 11, 5), QTime(8, 0), Qt::UTC).toLocalTime(), QLocale::ShortFormat));
    QCOMPARE(model.headerData(updated, Qt::Horizontal).toString(), QStringLiteral("Last message"));
    for (int row = 0; row < model.rowCount(); ++row)
        QCOMPARE(model.data(model.index(row, user)).toLongLong(), alice);

    model.setFilter(QStringLiteral("1 = 1 OR user_id = %1").arg(bob));
    QVERIFY(model.select());
    QCOMPARE(model.rowCount(), 2);
}

QTEST_GUILESS_MAIN(TestChatSessionRepository)
#include "tst_chatsessionrepository.moc"
