#include "db/aiinteractionrepository.h"
#include "db/llmtransactionrepository.h"
#include "db/sql.h"
#include "testdatabase.h"
#include "testresult.h"

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

} // namespace

// LLM usage over time: local-day ranges, SQL aggregates against hand-computed numbers, and user scoping.
class TestLlmUsage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rangeBoundsAreLocalDays();
    void usageAggregates();
    void usageByFeature();
    void otherUserCannotSee();
};

void TestLlmUsage::rangeBoundsAreLocalDays()
{
    Test::TestDatabase db;
    const qint64 alice = db.createUser(QStringLiteral("alice"));
    LlmTransactionRepository repo(db.database());
    const QDate day(2026, 11, 3);
    const QDateTime start = day.startOfDay().toUTC();
    const QDateTime end = day.addDays(1).startOfDay().toUTC();
    const QList<std::pair<QString, QDateTime>> rows = {
        {QStringLiteral("before"), start.addMSecs(-1)},
        {QStringLiteral("first"), start},
        {QStringLiteral("last"), end.addMSecs(-1)},
        {QStringLiteral("after"), end},
    };
    for (const auto& [model, at] : rows)
        QVERIFY(repo.add(alice, usage(QStringLiteral("p"), model, 1, 1, 10, 1, at)));

    auto inDay = repo.list(alice, day, day);
    QVERIFY(inDay);
    QCOMPARE(inDay->size(), 2);
    QCOMPARE(inDay->at(0).modelName, QStringLiteral("last"));
    QCOMPARE(inDay->at(1).modelName, QStringLiteral("first"));
    QCOMPARE(repo.list(alice, day, {})->size(), 3); // open end
    QCOMPARE(repo.list(alice, {}, day)->size(), 3); // open start

    // The day a row is grouped under is the same local day the range uses.
    auto byDay = repo.usageByDay(alice, day.addDays(-1), day.addDays(1));
    QVERIFY(byDay);
    QCOMPARE(byDay->size(), 3);
    QCOMPARE(byDay->at(0).day, day.addDays(-1));
    QCOMPARE(byDay->at(1).day, day);
    QCOMPARE(byDay->at(1).calls, 2);
    QCOMPARE(byDay->at(2).day, day.addDays(1));

    auto reversed = repo.list(alice, day, day.addDays(-1));
    QVERIFY(!reversed);
    QCOMPARE(reversed.error().code, Error::Code::InvalidInput);
    QCOMPARE(repo.usageByModel(alice, day, day.addDays(-1)).error().code, Error::Code::InvalidInput);
}

void TestLlmUsage::usageAggregates()
{
    Test::TestDatabase db;
    const qint64 alice = db.createUser(QStringLiteral("alice"));
    const qint64 bob = db.createUser(QStringLiteral("bob"));
    LlmTransactionRepository repo(db.database());
    const QString openai = QStringLiteral("openai");
    const QString mini = QStringLiteral("gpt-4o-mini");
    const QList<LlmTransaction> rows = {
        usage(openai, mini, 1000, 200, 390, 800, noon(11, 3, 0)),
        usage(openai, mini, 500, 100, 195, 601, noon(11, 3, 1)),
        usage(QStringLiteral("anthropic"), QStringLiteral("claude-haiku"), 2000, {}, 1600, 1200, noon(11, 3, 2)),
        usage(openai, mini, 100, 50, 45, 300, noon(11, 4, 0)),
        usage(QStringLiteral("ollama"), QStringLiteral("llama3"), 3000, 700, 0, 5001, noon(11, 4, 1)),
        usage(QStringLiteral("mistral"), QStringLiteral("small"), 10, 10, 7, 100, noon(11, 5), QStringLiteral("EUR")),
        usage(openai, mini, 9999, 1, 999999, 9, noon(10, 31)), // previous month
        usage(openai, mini, 1, 1, 1, 1, noon(11, 30)),
    };
    for (const LlmTransaction& t : rows)
        QVERIFY(repo.add(alice, t));
    QVERIFY(repo.add(bob, usage(openai, mini, 123456, 1, 777777, 5, noon(11, 3))));

    // By day, November: computed by hand from the rows above.
    auto byDay = repo.usageByDay(alice, QDate(2026, 11, 1), QDate(2026, 11, 30));
    QVERIFY2(byDay, Test::errorText(byDay).constData());
    QCOMPARE(byDay->size(), 4);
    const LlmUsage& d3 = byDay->at(0);
    QCOMPARE(d3.day, QDate(2026, 11, 3));
    QCOMPARE(d3.costCurrency, QStringLiteral("USD"));
    QCOMPARE(d3.calls, 3);
    QCOMPARE(d3.inputTokens, 3500);
    QCOMPARE(d3.outputTokens, 300);
    QCOMPARE(d3.totalTokens, 3800);
    QCOMPARE(d3.estimatedCostMicros, 2185);
    QCOMPARE(d3.averageLatencyMs, 867); // 2601 / 3 = 867.33
    const LlmUsage& d4 = byDay->at(1);
    QCOMPARE(d4.day, QDate(2026, 11, 4));
    QCOMPARE(d4.calls, 2);
    QCOMPARE(d4.inputTokens, 3100);
    QCOMPARE(d4.outputTokens, 750);
    QCOMPARE(d4.totalTokens, 3850);
    QCOMPARE(d4.estimatedCostMicros, 45);
    QCOMPARE(d4.averageLatencyMs, 2651); // 5301 / 2 = 2650.5, rounded half up
    const LlmUsage& d5 = byDay->at(2);
    QCOMPARE(d5.day, QDate(2026, 11, 5));
    QCOMPARE(d5.costCurrency, QStringLiteral("EUR"));
    QCOMPARE(d5.calls, 1);
    QCOMPARE(d5.totalTokens, 20);
    QCOMPARE(d5.estimatedCostMicros, 7);
    QCOMPARE(byDay->at(3).day, QDate(2026, 11, 30));
    QCOMPARE(byDay->at(3).estimatedCostMicros, 1);

    // By model, most expensive first.
    auto byModel = repo.usageByModel(alice, QDate(2026, 11, 1), QDate(2026, 11, 30));
    QVERIFY(byModel);
    QCOMPARE(byModel->size(), 4);
    QCOMPARE(byModel->at(0).provider, QStringLiteral("anthropic"));
    QCOMPARE(byModel->at(0).estimatedCostMicros, 1600);
    QCOMPARE(byModel->at(0).outputTokens, 0);
    QCOMPARE(byModel->at(0).totalTokens, 2000);
    const LlmUsage& gpt = byModel->at(1);
    QCOMPARE(gpt.provider, openai);
    QCOMPARE(gpt.modelName, mini);
    QVERIFY(!gpt.day.isValid());
    QCOMPARE(gpt.calls, 4);
    QCOMPARE(gpt.inputTokens, 1601);
    QCOMPARE(gpt.outputTokens, 351);
    QCOMPARE(gpt.totalTokens, 1952);
    QCOMPARE(gpt.estimatedCostMicros, 631);
    QCOMPARE(gpt.averageLatencyMs, 426); // 1702 / 4 = 425.5, rounded half up
    QCOMPARE(byModel->at(2).provider, QStringLiteral("mistral"));
    QCOMPARE(byModel->at(2).costCurrency, QStringLiteral("EUR"));
    QCOMPARE(byModel->at(3).provider, QStringLiteral("ollama"));
    QCOMPARE(byModel->at(3).estimatedCostMicros, 0);
    QCOMPARE(byModel->at(3).averageLatencyMs, 5001);

    // Month to date, for a spending cap: only this month, only through today.
    auto fourth = repo.monthToDateCost(alice, QDate(2026, 11, 4));
    QVERIFY(fourth);
    QCOMPARE(*fourth, (QMap<QString, qint64> {{QStringLiteral("USD"), 2230}}));
    QCOMPARE(*repo.monthToDateCost(alice, QDate(2026, 11, 30)),
             (QMap<QString, qint64> {{QStringLiteral("USD"), 2231}, {QStringLiteral("EUR"), 7}}));
    QCOMPARE(*repo.monthToDateCost(alice, QDate(2026, 10, 31)),
             (QMap<QString, qint64> {{QStringLiteral("USD"), 999999}}));
    QVERIFY(repo.monthToDateCost(alice, QDate(2026, 9, 30))->isEmpty());
    QCOMPARE(repo.monthToDateCost(alice, QDate()).error().code, Error::Code::InvalidInput);

    // Open ranges take everything.
    auto all = repo.usageByModel(alice, {}, {});
    QVERIFY(all);
    QCOMPARE(all->at(0).provider, openai); // 631 + 999999
    QCOMPARE(all->at(0).estimatedCostMicros, 1000630);
}

void TestLlmUsage::usageByFeature()
{
    Test::TestDatabase db;
    const qint64 alice = db.createUser(QStringLiteral("alice"));
    const qint64 bob = db.createUser(QStringLiteral("bob"));
    AiInteractionRepository interactions(db.database());
    LlmTransactionRepository repo(db.database());
    auto interaction = [&](qint64 user, AiInteractionType type) {
        AiInteraction i;
        i.type = type;
        i.inputData = QStringLiteral("in");
        i.outputData = QStringLiteral("out");
        i.modelUsed = QStringLiteral("m");
        return interactions.add(user, i).value();
    };
    auto linked = [&](qint64 user, std::optional<qint64> interactionId, qint64 cost, qint64 tokens) {
        LlmTransaction t = usage(QStringLiteral("openai"), QStringLiteral("mini"), tokens, 0, cost, 10, noon(11, 3));
        t.interactionId = interactionId;
        QVERIFY(repo.add(user, t));
    };
    linked(alice, interaction(alice, AiInteractionType::Chat), 300, 100);
    linked(alice, interaction(alice, AiInteractionType::Chat), 200, 50);
    linked(alice, interaction(alice, AiInteractionType::Categorization), 900, 7);
    linked(alice, std::nullopt, 5, 1);
    linked(bob, interaction(bob, AiInteractionType::Chat), 100000, 1);

    auto byFeature = repo.usageByFeature(alice, QDate(2026, 11, 1), QDate(2026, 11, 30));
    QVERIFY2(byFeature, Test::errorText(byFeature).constData());
    QCOMPARE(byFeature->size(), 3);
    QCOMPARE(byFeature->at(0).feature, QStringLiteral("categorization"));
    QCOMPARE(byFeature->at(0).estimatedCostMicros, 900);
    QCOMPARE(byFeature->at(1).feature, QStringLiteral("chat"));
    QCOMPARE(byFeature->at(1).calls, 2);
    QCOMPARE(byFeature->at(1).inputTokens, 150);
    QCOMPARE(byFeature->at(1).estimatedCostMicros, 500);
    QCOMPARE(byFeature->at(2).feature, QString());
    QCOMPARE(byFeature->at(2).estimatedCostMicros, 5);
    QCOMPARE(repo.usageByFeature(bob, {}, {})->size(), 1);
    QCOMPARE(repo.usageByFeature(bob, {}, {})->first().estimatedCostMicros, 100000);
}

void TestLlmUsage::otherUserCannotSee()
{
    Test::TestDatabase db;
    const qint64 alice = db.createUser(QStringLiteral("alice"));
    const qint64 bob = db.createUser(QStringLiteral("bob"));
    LlmTransactionRepository repo(db.database());
    QVERIFY(repo.add(alice, usage(QStringLiteral("openai"), QStringLiteral("a"), 1, 1, 500, 1, noon(11, 3))));
    QVERIFY(repo.add(bob, usage(QStringLiteral("openai"), QStringLiteral("b"), 2, 2, 70, 1, noon(11, 3))));
    auto bobs = repo.list(bob, {}, {});
    QCOMPARE(bobs->size(), 1);
    QCOMPARE(bobs->first().modelName, QStringLiteral("b"));
    QCOMPARE(repo.usageByDay(bob, {}, {})->first().estimatedCostMicros, 70);
    QCOMPARE(repo.usageByModel(bob, {}, {})->size(), 1);
    QCOMPARE(repo.monthToDateCost(bob, QDate(2026, 11, 30))->value(QStringLiteral("USD")), 70);
    QCOMPARE(repo.monthToDateCost(alice, QDate(2026, 11, 30))->value(QStringLiteral("USD")), 500);
}

QTEST_GUILESS_MAIN(TestLlmUsage)
#include "tst_llmusage.moc"
