#include "db/aiinteractionrepository.h"
#include "db/chatsessionrepository.h"
#include "db/sql.h"
#include "db/userrepository.h"
#include "itemmodels/aiinteractionmodel.h"
#include "testdatabase.h"
#include "testresult.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Moniagent;

namespace {

AiInteraction call(AiInteractionType type, int day, const QString& model = QStringLiteral("llama3.1:8b"))
{
    AiInteraction i;
    i.type = type;
    i.inputData = QStringLiteral("{\"prompt\": \"…\"}");
    i.outputData = QStringLiteral("{\"category\": \"Groceries\"}");
    i.modelUsed = model;
    i.createdAt = QDateTime(QDate(2026, 11, day), QTime(12, 0), Qt::UTC);
    return i;
}

} // namespace

// AI interactions: profile and application-level rows, session links, listing, constraints, cascades,
// user scoping and the item model.
class TestAiInteractionRepository : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void addFindRoundTrip();
    void applicationLevelCalls();
    void sessionLinks();
    void listByTypeAndLimit();
    void validationAndSchemaChecks();
    void otherUserCannotSee();
    void deletingUserCascades();
    void model();
};

void TestAiInteractionRepository::addFindRoundTrip()
{
    Test::TestDatabase db;
    const qint64 alice = db.createUser(QStringLiteral("alice"));
    AiInteractionRepository repo(db.database());
    QSignalSpy changed(&repo, &AiInteractionRepository::changed);
    AiInteraction input = call(AiInteractionType::Categorization, 3);
    input.userId = 4242; // ignored: the user is the argument
    auto id = repo.add(alice, input);
    QVERIFY2(id, Test::errorText(id).constData());
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().first().toLongLong(), alice);

    auto found = repo.find(alice, *id);
    QVERIFY(found);
    QCOMPARE(found->id, *id);
    QCOMPARE(found->userId, std::optional<qint64>(alice));
    QVERIFY(!found->sessionId);
    QCOMPARE(found->type, AiInteractionType::Categorization);
    QCOMPARE(found->inputData, input.inputData);
    QCOMPARE(found->outputData, input.outputData);
    QCOMPARE(found->modelUsed, input.modelUsed);
    QCOMPARE(found->createdAt, input.createdAt);

    // Without a time, the database stamps the current one.
    AiInteraction now = call(AiInteractionType::Advice, 1);
    now.createdAt = {};
    auto nowId = repo.add(alice, now);
    QVERIFY(nowId);
    QVERIFY(repo.find(alice, *nowId)->createdAt > QDateTime(QDate(2020, 1, 1), QTime(0, 0), Qt::UTC));

    for (AiInteractionType type : AiInteractionEnums::allTypes())
        QCOMPARE(AiInteractionEnums::typeFromKey(AiInteractionEnums::key(type)), type);
    QCOMPARE(repo.find(alice, *id + 100).error().code, Error::Code::NotFound);
}

void TestAiInteractionRepository::applicationLevelCalls()
{
    Test::TestDatabase db;
    const qint64 alice = db.createUser(QStringLiteral("alice"));
    AiInteractionRepository repo(db.database());
    QSignalSpy changed(&repo, &AiInteractionRepository::changed);
    auto appId = repo.add(std::nullopt, call(AiInteractionType::Advice, 2));
    QVERIFY2(appId, Test::errorText(appId).constData());
    QCOMPARE(changed.first().first().toLongLong(), 0);
    QCOMPARE(
        db.scalar(QStringLiteral("SELECT count(*) FROM ai_interactions WHERE id = ? AND user_id IS NULL"), {*appId}),
        1);
    // Never visible to a profile, whoever asks and whatever id they know.
    QCOMPARE(repo.find(alice, *appId).error().code, Error::Code::NotFound);
    QCOMPARE(repo.list(alice)->size(), 0);
    QCOMPARE(repo.list(0)->size(), 0);
}

void TestAiInteractionRepository::sessionLinks()
{
    Test::TestDatabase db;
    const qint64 alice = db.createUser(QStringLiteral("alice"));
    const qint64 bob = db.createUser(QStringLiteral("bob"));
    ChatSessionRepository sessions(db.database());
    AiInteractionRepository repo(db.database());
    auto session = sessions.create(alice, QStringLiteral("t"));
    QVERIFY(session);

    AiInteraction chat = call(AiInteractionType::Chat, 4);
    chat.sessionId = *session;
    auto id = repo.add(alice, chat);
    QVERIFY2(id, Test::errorText(id).constData());
    QCOMPARE(repo.find(alice, *id)->sessionId, std::optional<qint64>(*session));

    auto foreign = repo.add(bob, chat);
    QVERIFY(!foreign);
    QCOMPARE(foreign.error().code, Error::Code::NotFound);
    auto orphan = repo.add(std::nullopt, chat);
    QVERIFY(!orphan);
    QCOMPARE(orphan.error().code, Error::Code::InvalidInput);
    QVERIFY(orphan.error().message.contains(QStringLiteral("belongs to a profile")));
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM ai_interactions")), 1);

    // Deleting the session keeps the logged call, detached.
    QVERIFY(sessions.remove(alice, *session));
    auto detached = repo.find(alice, *id);
    QVERIFY(detached);
    QVERIFY(!detached->sessionId);
}

void TestAiInteractionRepository::listByTypeAndLimit()
{
    Test::TestDatabase db;
    const qint64 alice = db.createUser(QStringLiteral("alice"));
    AiInteractionRepository repo(db.database());
    QVERIFY(repo.add(alice, call(AiInteractionType::Chat, 1, QStringLiteral("m1"))));
    QVERIFY(repo.add(alice, call(AiInteractionType::Categorization, 3, QStringLiteral("m3"))));
    QVERIFY(repo.add(alice, call(AiInteractionType::Chat, 2, QStringLiteral("m2"))));
    QVERIFY(repo.add(alice, call(AiInteractionType::Chat, 5, QStringLiteral("m5"))));

    auto models = [](const Result<QList<AiInteraction>>& list) {
        QStringList names;
        for (const AiInteraction& i : *list)
            names << i.modelUsed;
        return names.join(u',');
    };
    QCOMPARE(models(repo.list(alice)), QStringLiteral("m5,m3,m2,m1"));
    QCOMPARE(models(repo.list(alice, AiInteractionType::Chat)), QStringLiteral("m5,m2,m1"));
    QCOMPARE(models(repo.list(alice, AiInteractionType::Chat, 2)), QStringLiteral("m5,m2"));
    QCOMPARE(models(repo.list(alice, AiInteractionType::EmailExtraction)), QString());
    QCOMPARE(models(repo.list(alice, std::nullopt, -1)), QStringLiteral("m5,m3,m2,m1"));
}

void TestAiInteractionRepository::validationAndSchemaChecks()
{
    Test::TestDatabase db;
    const qint64 alice = db.createUser(QStringLiteral("alice"));
    AiInteractionRepository repo(db.database());
    auto tooLong = repo.add(alice, call(AiInteractionType::Chat, 1, QString(257, u'm')));
    QVERIFY(!tooLong);
    QCOMPARE(tooLong.error().code, Error::Code::InvalidInput);
    QVERIFY(tooLong.error().message.contains(QStringLiteral("too long")));
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM ai_interactions")), 0);

    QVERIFY(repo.add(alice, call(AiInteractionType::Chat, 1)));
    const QSqlDatabase connection = db.database()->connection();
    for (const QString& sql : {QStringLiteral("UPDATE ai_interactions SET interaction_type = 'summary'"),
                               QStringLiteral("UPDATE ai_interactions SET session_id = 424242"),
                               QStringLiteral("UPDATE ai_interactions SET user_id = 424242")}) {
        auto refused = Sql::exec(connection, sql);
        QVERIFY2(!refused, qPrintable(sql));
        QCOMPARE(refused.error().code, Error::Code::Conflict);
    }
}

void TestAiInteractionRepository::otherUserCannotSee()
{
    Test::TestDatabase db;
    const qint64 alice = db.createUser(QStringLiteral("alice"));
    const qint64 bob = db.createUser(QStringLiteral("bob"));
    AiInteractionRepository repo(db.database());
    auto aliceCall = repo.add(alice, call(AiInteractionType::Advice, 1, QStringLiteral("alice-model")));
    QVERIFY(aliceCall);
    QVERIFY(repo.add(bob, call(AiInteractionType::Advice, 1, QStringLiteral("bob-model"))));
    QCOMPARE(repo.find(bob, *aliceCall).error().code, Error::Code::NotFound);
    auto bobs = repo.list(bob);
    QCOMPARE(bobs->size(), 1);
    QCOMPARE(bobs->first().modelUsed, QStringLiteral("bob-model"));
    QCOMPARE(repo.list(bob, AiInteractionType::Advice)->size(), 1);
}

void TestAiInteractionRepository::deletingUserCascades()
{
    Test::TestDatabase db;
    const qint64 admin = db.createUser(QStringLiteral("admin"));
    const qint64 bob = db.createUser(QStringLiteral("bob"));
    AiInteractionRepository repo(db.database());
    QVERIFY(repo.add(admin, call(AiInteractionType::Chat, 1)));
    QVERIFY(repo.add(bob, call(AiInteractionType::Chat, 1)));
    QVERIFY(repo.add(std::nullopt, call(AiInteractionType::Chat, 1)));
    UserRepository users(db.database());
    QVERIFY(users.remove(admin, bob));
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM ai_interactions WHERE user_id = ?"), {bob}), 0);
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM ai_interactions")), 2);
}

void TestAiInteractionRepository::model()
{
    Test::TestDatabase db;
    const qint64 alice = db.createUser(QStringLiteral("alice"));
    const qint64 bob = db.createUser(QStringLiteral("bob"));
    AiInteractionRepository repo(db.database());
    QVERIFY(repo.add(alice, call(AiInteractionType::InvoiceProcessing, 1)));
    QVERIFY(repo.add(alice, call(AiInteractionType::EmailExtraction, 7)));
    QVERIFY(repo.add(bob, call(AiInteractionType::Chat, 9)));
    QVERIFY(repo.add(std::nullopt, call(AiInteractionType::Advice, 9)));

    AiInteractionModel model(db.database()->connection(), alice);
    const QLocale english(QLocale::English, QLocale::UnitedStates);
    model.setLocale(english);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.select());
    QCOMPARE(model.userId(), alice);
    QCOMPARE(model.rowCount(), 2);
    const int type = model.fieldIndex(QStringLiteral("interaction_type"));
    const int created = model.fieldIndex(QStringLiteral("created_at"));
    QCOMPARE(model.data(model.index(0, type)).toString(), QStringLiteral("Email reading")); // newest first
    QCOMPARE(model.data(model.index(1, type)).toString(), QStringLiteral("Receipt reading"));
    QCOMPARE(model.data(model.index(1, type), ScopedSqlTableModel::RawValueRole).toString(),
             QStringLiteral("invoice_processing"));
    QCOMPARE(
        model.data(model.index(0, created)).toString(),
        english.toString(QDateTime(QDate(2026, 11, 7), QTime(12, 0), Qt::UTC).toLocalTime(), QLocale::ShortFormat));
    QCOMPARE(model.headerData(type, Qt::Horizontal).toString(), QStringLiteral("Task"));

    model.setFilter(QStringLiteral("1 = 1 OR user_id IS NULL OR user_id = %1").arg(bob));
    QVERIFY(model.select());
    QCOMPARE(model.rowCount(), 2);
}

QTEST_GUILESS_MAIN(TestAiInteractionRepository)
#include "tst_aiinteractionrepository.moc"
