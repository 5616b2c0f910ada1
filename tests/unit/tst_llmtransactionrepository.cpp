#include "db/aiinteractionrepository.h"
#include "db/llmtransactionrepository.h"
#include "db/sql.h"
#include "db/userrepository.h"
#include "testdatabase.h"
#include "testresult.h"

#include <QSignalSpy>
#include <QTest>

using namespace Moniagent;

namespace {

// Local noon (as UTC): days are local calendar days, so the hand-computed days hold in any time zone.
QDateTime noon(int month, int day, int second = 0)
{
    return QDateTime(QDate(2026, month, day), QTime(12, 0, second), Qt::LocalTime).toUTC();
}

LlmTransaction usage(const QString& provider, const QString& model, std::optional<qint64> input,
                     std::optional<qint64> output, qint64 costMicros, qint64 latencyMs, QDateTime at,
                     const QString& currency = QStringLiteral("USD"))
{
    LlmTransaction t;
    t.provider = provider;
    t.modelName = model;
    t.inputTokens = input;
    t.outputTokens = output;
    t.estimatedCostMicros = costMicros;
    t.latencyMs = latencyMs;
    t.createdAt = std::move(at);
    t.costCurrency = currency;
    return t;
}

qint64 addJob(Test::TestDatabase& db, qint64 userId)
{
    auto result
        = Sql::exec(db.database()->connection(),
                    QStringLiteral("INSERT INTO jobs (user_id, job_type) VALUES (?, 'EMAIL_EXTRACTION')"), {userId});
    return result ? result->lastInsertId().toLongLong() : 0;
}

} // namespace

// LLM usage rows: round trips, token and cost validation, schema checks, links and their SET NULL actions.
class TestLlmTransactionRepository : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void addListRoundTrip();
    void tokenTotals();
    void validation_data();
    void validation();
    void schemaChecks_data();
    void schemaChecks();
    void links();
    void deletingUserCascades();
};

void TestLlmTransactionRepository::addListRoundTrip()
{
    Test::TestDatabase db;
    const qint64 alice = db.createUser(QStringLiteral("alice"));
    LlmTransactionRepository repo(db.database());
    QSignalSpy changed(&repo, &LlmTransactionRepository::changed);
    LlmTransaction t = usage(QStringLiteral("openai"), QStringLiteral("gpt-4o-mini"), 1000, 200, 390, 812, noon(11, 3));
    t.promptVersion = QStringLiteral("categorize-v3");
    t.promptHash = QStringLiteral("9f86d081");
    t.userId = 4242; // ignored: the user is the argument
    auto id = repo.add(alice, t);
    QVERIFY2(id, Test::errorText(id).constData());
    QCOMPARE(changed.count(), 1);

    auto rows = repo.list(alice, {}, {});
    QVERIFY(rows);
    QCOMPARE(rows->size(), 1);
    const LlmTransaction& stored = rows->first();
    QCOMPARE(stored.id, *id);
    QCOMPARE(stored.userId, std::optional<qint64>(alice));
    QVERIFY(!stored.jobId && !stored.interactionId);
    QCOMPARE(stored.provider, QStringLiteral("openai"));
    QCOMPARE(stored.modelName, QStringLiteral("gpt-4o-mini"));
    QCOMPARE(stored.promptVersion, t.promptVersion);
    QCOMPARE(stored.promptHash, t.promptHash);
    QCOMPARE(stored.inputTokens, std::optional<qint64>(1000));
    QCOMPARE(stored.outputTokens, std::optional<qint64>(200));
    QCOMPARE(stored.totalTokens, std::optional<qint64>(1200));
    QCOMPARE(stored.estimatedCostMicros, 390);
    QCOMPARE(stored.costCurrency, QStringLiteral("USD"));
    QCOMPARE(stored.latencyMs, 812);
    QCOMPARE(stored.createdAt, noon(11, 3));
    // Stored as an exact integer, never a real.
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM llm_transactions WHERE typeof(estimated_cost) = 'integer' "
                                      "AND estimated_cost = 390")),
             1);
    const QLocale english(QLocale::English, QLocale::UnitedStates);
    QCOMPARE(stored.costText(english), QStringLiteral("$0.00039"));
}

void TestLlmTransactionRepository::tokenTotals()
{
    Test::TestDatabase db;
    const qint64 alice = db.createUser(QStringLiteral("alice"));
    LlmTransactionRepository repo(db.database());
    LlmTransaction onlyTotal = usage(QStringLiteral("anthropic"), QStringLiteral("claude"), {}, {}, 0, 0, noon(11, 1));
    onlyTotal.totalTokens = 777;
    LlmTransaction matching = usage(QStringLiteral("openai"), QStringLiteral("gpt"), 10, 5, 0, 0, noon(11, 2));
    matching.totalTokens = 15;
    LlmTransaction inputOnly = usage(QStringLiteral("ollama"), QStringLiteral("llama3"), 40, {}, 0, 0, noon(11, 3));
    QVERIFY(repo.add(alice, onlyTotal));
    QVERIFY(repo.add(alice, matching));
    QVERIFY(repo.add(alice, inputOnly));
    auto rows = repo.list(alice, {}, {});
    QVERIFY(rows);
    QCOMPARE(rows->size(), 3);
    // Newest first.
    QCOMPARE(rows->at(0).totalTokens, std::optional<qint64>(40));
    QCOMPARE(rows->at(0).outputTokens, std::optional<qint64>(0));
    QCOMPARE(rows->at(1).totalTokens, std::optional<qint64>(15));
    QCOMPARE(rows->at(2).totalTokens, std::optional<qint64>(777));
    QCOMPARE(rows->at(2).inputTokens, std::optional<qint64>(0));
}

void TestLlmTransactionRepository::validation_data()
{
    QTest::addColumn<LlmTransaction>("value");
    QTest::addColumn<QString>("message");
    const LlmTransaction good = usage(QStringLiteral("openai"), QStringLiteral("gpt"), 10, 5, 100, 20, noon(11, 1));
    LlmTransaction t = good;
    t.provider = QStringLiteral(" ");
    QTest::newRow("no provider") << t << QStringLiteral("Name the model provider");
    t = good;
    t.modelName.clear();
    QTest::newRow("no model") << t << QStringLiteral("Name the model of the call");
    t = good;
    t.inputTokens = -1;
    QTest::newRow("negative input") << t << QStringLiteral("Token counts cannot be negative");
    t = good;
    t.outputTokens = -5;
    QTest::newRow("negative output") << t << QStringLiteral("Token counts cannot be negative");
    t = good;
    t.totalTokens = -15;
    QTest::newRow("negative total") << t << QStringLiteral("Token counts cannot be negative");
    t = good;
    t.totalTokens = 16;
    QTest::newRow("total is not the sum") << t
                                          << QStringLiteral("The total of 16 tokens is not the 10 input tokens "
                                                            "plus the 5 output tokens.");
    t = good;
    t.outputTokens.reset();
    t.totalTokens = 9;
    QTest::newRow("total below input") << t << QStringLiteral("cannot be less than");
    t = good;
    t.estimatedCostMicros = -1;
    QTest::newRow("negative cost") << t << QStringLiteral("The estimated cost cannot be negative.");
    t = good;
    t.costCurrency = QStringLiteral("usd");
    QTest::newRow("lower-case currency") << t << QStringLiteral("is not a currency code");
    t.costCurrency = QStringLiteral("US");
    QTest::newRow("short currency") << t << QStringLiteral("is not a currency code");
    t = good;
    t.latencyMs = -3;
    QTest::newRow("negative latency") << t << QStringLiteral("The latency cannot be negative.");
}

void TestLlmTransactionRepository::validation()
{
    QFETCH(LlmTransaction, value);
    QFETCH(QString, message);
    Test::TestDatabase db;
    const qint64 alice = db.createUser(QStringLiteral("alice"));
    LlmTransactionRepository repo(db.database());
    auto id = repo.add(alice, value);
    QVERIFY(!id);
    QCOMPARE(id.error().code, Error::Code::InvalidInput);
    QVERIFY2(id.error().message.contains(message), Test::errorText(id).constData());
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM llm_transactions")), 0);
}

void TestLlmTransactionRepository::schemaChecks_data()
{
    QTest::addColumn<QString>("column");
    QTest::addColumn<QVariant>("value");
    QTest::newRow("negative input") << QStringLiteral("input_tokens") << QVariant(-1);
    QTest::newRow("negative output") << QStringLiteral("output_tokens") << QVariant(-1);
    QTest::newRow("negative total") << QStringLiteral("total_tokens") << QVariant(-1);
    QTest::newRow("negative cost") << QStringLiteral("estimated_cost") << QVariant(-1);
    QTest::newRow("fractional cost") << QStringLiteral("estimated_cost") << QVariant(0.5);
    QTest::newRow("currency length") << QStringLiteral("cost_currency") << QVariant(QStringLiteral("US"));
    QTest::newRow("empty provider") << QStringLiteral("provider") << QVariant(QStringLiteral(""));
    QTest::newRow("empty model") << QStringLiteral("model_name") << QVariant(QStringLiteral(""));
    QTest::newRow("negative latency") << QStringLiteral("latency_ms") << QVariant(-1);
    QTest::newRow("missing job") << QStringLiteral("job_id") << QVariant(424242);
    QTest::newRow("missing interaction") << QStringLiteral("interaction_id") << QVariant(424242);
}

void TestLlmTransactionRepository::schemaChecks()
{
    QFETCH(QString, column);
    QFETCH(QVariant, value);
    Test::TestDatabase db;
    const qint64 alice = db.createUser(QStringLiteral("alice"));
    LlmTransactionRepository repo(db.database());
    QVERIFY(repo.add(alice, usage(QStringLiteral("openai"), QStringLiteral("gpt"), 1, 1, 1, 1, noon(11, 1))));
    auto refused = Sql::exec(db.database()->connection(),
                             QStringLiteral("UPDATE llm_transactions SET %1 = ?").arg(column), {value});
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, Error::Code::Conflict);
}

void TestLlmTransactionRepository::links()
{
    Test::TestDatabase db;
    const qint64 alice = db.createUser(QStringLiteral("alice"));
    const qint64 bob = db.createUser(QStringLiteral("bob"));
    LlmTransactionRepository repo(db.database());
    AiInteractionRepository interactions(db.database());
    const qint64 aliceJob = addJob(db, alice);
    const qint64 bobJob = addJob(db, bob);
    AiInteraction call;
    call.type = AiInteractionType::EmailExtraction;
    auto aliceCall = interactions.add(alice, call);
    auto bobCall = interactions.add(bob, call);
    auto appCall = interactions.add(std::nullopt, call);
    QVERIFY(aliceJob && bobJob && aliceCall && bobCall && appCall);

    LlmTransaction linked = usage(QStringLiteral("openai"), QStringLiteral("gpt"), 1, 1, 1, 1, noon(11, 1));
    linked.jobId = aliceJob;
    linked.interactionId = *aliceCall;
    auto id = repo.add(alice, linked);
    QVERIFY2(id, Test::errorText(id).constData());
    QCOMPARE(repo.list(alice, {}, {})->first().jobId, std::optional<qint64>(aliceJob));
    QCOMPARE(repo.list(alice, {}, {})->first().interactionId, std::optional<qint64>(*aliceCall));

    // Links to another profile's (or the application's) rows are refused and write nothing.
    for (const auto& [job, interaction] : QList<std::pair<std::optional<qint64>, std::optional<qint64>>> {
             {bobJob, std::nullopt}, {std::nullopt, *bobCall}, {std::nullopt, *appCall}, {aliceJob, *bobCall}}) {
        LlmTransaction foreign = linked;
        foreign.jobId = job;
        foreign.interactionId = interaction;
        auto refused = repo.add(alice, foreign);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, Error::Code::NotFound);
    }
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM llm_transactions")), 1);

    // Deleting the job or the interaction keeps the usage row, unlinked.
    QVERIFY(Sql::exec(db.database()->connection(), QStringLiteral("DELETE FROM jobs WHERE id = ?"), {aliceJob}));
    QVERIFY(!repo.list(alice, {}, {})->first().jobId);
    QCOMPARE(repo.list(alice, {}, {})->first().interactionId, std::optional<qint64>(*aliceCall));
    QVERIFY(Sql::exec(db.database()->connection(), QStringLiteral("DELETE FROM ai_interactions WHERE id = ?"),
                      {*aliceCall}));
    QVERIFY(!repo.list(alice, {}, {})->first().interactionId);
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM llm_transactions")), 1);
}

void TestLlmTransactionRepository::deletingUserCascades()
{
    Test::TestDatabase db;
    const qint64 admin = db.createUser(QStringLiteral("admin"));
    const qint64 bob = db.createUser(QStringLiteral("bob"));
    LlmTransactionRepository repo(db.database());
    QVERIFY(repo.add(admin, usage(QStringLiteral("p"), QStringLiteral("m"), 1, 1, 1, 1, noon(11, 1))));
    QVERIFY(repo.add(bob, usage(QStringLiteral("p"), QStringLiteral("m"), 1, 1, 1, 1, noon(11, 1))));
    UserRepository users(db.database());
    QVERIFY(users.remove(admin, bob));
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM llm_transactions WHERE user_id = ?"), {bob}), 0);
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM llm_transactions")), 1);
}

QTEST_GUILESS_MAIN(TestLlmTransactionRepository)
#include "tst_llmtransactionrepository.moc"
