#include "ai/assistanttools.h"
#include "ai/offlineassistant.h"
#include "assistantfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace Moniagent;
using namespace Qt::Literals::StringLiterals;

// The offline assistant answering questions about the fixed ledger (assistantfixture.h, Sunday 22 November 2026):
// the tool it chose, the exact amount in the tool's result, the formatted amount in the sentence and in the table.
class TestOfflineAssistant : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void questions_data();
    void questions();
    void filterBehindTheNumbers();
    void proposals();
    void notUnderstood();
    void asynchronous();
    void cancel();
    void jsonRoundTrip();

private:
    std::unique_ptr<OfflineAssistant> makeAssistant() const
    {
        return std::make_unique<OfflineAssistant>(m_fixture.db->database(), m_fixture.alice, m_fixture.clock,
                                                  m_fixture.locale, Currency::fromCode(u"EUR"), m_fixture.engine.get());
    }
    // The value at `path` ("totals/0", "merchants/1/amount") of a tool result: an amount's minor units or a number.
    static std::optional<qint64> valueAt(const QJsonObject& result, const QString& path);

    Test::AssistantFixture m_fixture;
};

void TestOfflineAssistant::initTestCase()
{
    QVERIFY(m_fixture.build());
}

std::optional<qint64> TestOfflineAssistant::valueAt(const QJsonObject& result, const QString& path)
{
    QJsonValue value = result;
    for (const QString& part : path.split(u'/')) {
        bool isIndex = false;
        const int index = part.toInt(&isIndex);
        if (isIndex) {
            if (!value.isArray() || index >= value.toArray().size())
                return std::nullopt;
            value = value.toArray().at(index);
        } else {
            if (!value.isObject() || !value.toObject().contains(part))
                return std::nullopt;
            value = value.toObject().value(part);
        }
    }
    if (value.isObject())
        value = value.toObject().value(u"minor");
    if (!value.isDouble())
        return std::nullopt;
    return value.toInteger();
}

void TestOfflineAssistant::questions_data()
{
    QTest::addColumn<QString>("question");
    QTest::addColumn<QString>("tool");
    QTest::addColumn<QString>("path"); // empty: no amount to check
    QTest::addColumn<qint64>("expected");
    QTest::addColumn<QString>("inText");
    QTest::addColumn<QString>("inTable"); // a cell of the table (empty: not checked)

    const auto row = [](const char* name) -> QTestData& {
        return QTest::newRow(name);
    };
    const QString none;
    const QString sum = u"spending_summary"_s;
    // Amounts by category, merchant and period (English).
    row("groceries last month") << u"How much did I spend on groceries last month?"_s << sum << u"totals/0"_s
                                << qint64(9810) << u"€98.10"_s << u"€98.10"_s;
    row("eating out in October") << u"How much did I spend on eating out in October?"_s << sum << u"totals/0"_s
                                 << qint64(3250) << u"€32.50"_s << none;
    row("this month") << u"How much did I spend this month?"_s << sum << u"totals/0"_s << qint64(127267)
                      << u"€1,272.67"_s << u"USD\u00A035.00"_s;
    row("this year") << u"How much have I spent this year?"_s << sum << u"totals/0"_s << qint64(347321)
                     << u"€3,473.21"_s << none;
    row("last year") << u"total spending last year"_s << sum << u"totals/0"_s << qint64(4000) << u"€40.00"_s << none;
    row("Tesco this year") << u"How much did I spend at Tesco this year?"_s << sum << u"totals/0"_s << qint64(12750)
                           << u"€127.50"_s << none;
    row("Tesco this month") << u"how much did I spend at Tesco"_s << sum << u"totals/0"_s << qint64(5150) << u"€51.50"_s
                            << none;
    row("Netflix since 1 June") << u"How much did I spend on Netflix since 1 June?"_s << sum << u"totals/0"_s
                                << qint64(7794) << u"€77.94"_s << none;
    row("last 30 days") << u"How much did I spend in the last 30 days?"_s << sum << u"totals/0"_s << qint64(131976)
                        << u"€1,319.76"_s << none;
    row("this week") << u"what did I spend this week"_s << sum << u"totals/0"_s << qint64(3419) << u"€34.19"_s << none;
    row("last week") << u"How much did I spend last week?"_s << sum << u"totals/0"_s << qint64(7299) << u"€72.99"_s
                     << none;
    row("yesterday") << u"How much did I spend yesterday?"_s << sum << u"totals/0"_s << qint64(520) << u"€5.20"_s
                     << none;
    row("rent") << u"How much did I spend on rent?"_s << sum << u"totals/0"_s << qint64(95000) << u"€950.00"_s << none;
    row("fuel since 1 October") << u"How much did I spend on fuel since 1 October?"_s << sum << u"totals/0"_s
                                << qint64(11500) << u"€115.00"_s << none;
    row("groceries at Lidl") << u"How much did I spend on groceries at Lidl in October?"_s << sum << u"totals/0"_s
                             << qint64(2210) << u"€22.10"_s << none;
    row("month before last") << u"spending the month before last"_s << sum << u"totals/0"_s << qint64(98799)
                             << u"€987.99"_s << none;
    row("subscriptions this year") << u"How much did I spend on subscriptions this year?"_s << sum << u"totals/0"_s
                                   << qint64(7794) << u"€77.94"_s << none;
    row("nothing in December") << u"How much did I spend in December?"_s << sum << none << qint64(0) << u"nothing"_s
                               << none;
    row("dining per month") << u"How much did I spend on eating out per month since September?"_s << sum
                            << u"groups/1/amount"_s << qint64(3250) << u"€96.70"_s << u"€32.50"_s;
    // German.
    row("de Lebensmittel letzten Monat") << u"Wie viel habe ich letzten Monat für Lebensmittel ausgegeben?"_s << sum
                                         << u"totals/0"_s << qint64(9810) << u"€98.10"_s << none;
    row("de Restaurants im Oktober") << u"Wieviel habe ich im Oktober für Restaurants ausgegeben?"_s << sum
                                     << u"totals/0"_s << qint64(3250) << u"€32.50"_s << none;
    row("de bei Tesco dieses Jahr") << u"Was habe ich dieses Jahr bei Tesco ausgegeben?"_s << sum << u"totals/0"_s
                                    << qint64(12750) << u"€127.50"_s << none;
    row("de Tanken seit 1. November") << u"Wie viel habe ich seit 1. November für Tanken ausgegeben?"_s << sum
                                      << u"totals/0"_s << qint64(6000) << u"€60.00"_s << none;
    row("de letzten 30 Tagen") << u"Ausgaben in den letzten 30 Tagen"_s << sum << u"totals/0"_s << qint64(131976)
                               << u"€1,319.76"_s << none;
    row("de gestern") << u"Wie viel habe ich gestern ausgegeben?"_s << sum << u"totals/0"_s << qint64(520) << u"€5.20"_s
                      << none;
    // Top N and biggest expenses.
    row("by category") << u"Where did my money go last month by category?"_s << sum << u"groups/0/amount"_s
                       << qint64(95000) << u"Housing"_s << u"€98.10"_s;
    row("top categories") << u"What are my top categories this month?"_s << sum << u"groups/1/amount"_s << qint64(12999)
                          << u"€950.00"_s << u"Shopping"_s;
    row("top 3 merchants") << u"What are my top 3 merchants this month?"_s << u"top_merchants"_s
                           << u"merchants/1/amount"_s << qint64(12999) << u"Landlord"_s << u"€129.99"_s;
    row("top three stores") << u"top three stores last month"_s << u"top_merchants"_s << u"merchants/1/amount"_s
                            << qint64(7600) << u"€950.00"_s << u"€76.00"_s;
    row("de Top 5 Händler") << u"Was sind meine Top 5 Händler dieses Jahr?"_s << u"top_merchants"_s
                            << u"merchants/0/amount"_s << qint64(285000) << u"€2,850.00"_s << none;
    row("biggest expenses") << u"What were my biggest expenses in the last 30 days?"_s << u"list_transactions"_s
                            << u"transactions/1/amount"_s << qint64(12999) << u"€950.00"_s << u"€129.99"_s;
    row("3 largest purchases") << u"Show the 3 largest purchases in October"_s << u"list_transactions"_s
                               << u"transactions/2/amount"_s << qint64(4520) << u"Landlord"_s << u"€45.20"_s;
    row("de größte Ausgaben") << u"Was waren meine größten Ausgaben im Oktober?"_s << u"list_transactions"_s
                              << u"transactions/0/amount"_s << qint64(95000) << u"€950.00"_s << none;
    row("Amazon transactions") << u"Show my transactions at Amazon last month"_s << u"list_transactions"_s
                               << u"transactions/0/amount"_s << qint64(2499) << u"Amazon"_s << u"€24.99"_s;
    // Comparisons.
    row("eating out vs October") << u"How much did I spend on eating out this month compared with October?"_s
                                 << u"compare_periods"_s << u"differences/0/difference"_s << qint64(670) << u"20.6"_s
                                 << u"€6.70"_s;
    row("groceries vs last month") << u"groceries this month vs last month"_s << u"compare_periods"_s
                                   << u"differences/0/difference"_s << qint64(-2761) << u"-28.1 %"_s << none;
    row("this year than last") << u"Did I spend more this year than last year?"_s << u"compare_periods"_s
                               << u"differences/0/difference"_s << qint64(343321) << u"€3,433.21"_s << none;
    row("de verglichen") << u"Lebensmittel im Oktober verglichen mit September"_s << u"compare_periods"_s
                         << u"differences/0/difference"_s << qint64(9810)
                         << u"compared with **€0.00** in September 2026"_s << none;
    // Budgets.
    row("budgets") << u"How are my budgets?"_s << u"budget_status"_s << u"exceeded"_s << qint64(1)
                   << u"Shopping (€129.99 of €100.00)"_s << u"€70.49"_s;
    row("over budget") << u"Am I over budget?"_s << u"budget_status"_s << u"warning"_s << qint64(1)
                       << u"Dining & Drinks (€39.20 of €50.00)"_s << none;
    row("groceries budget") << u"How is my groceries budget?"_s << u"budget_status"_s << u"exceeded"_s << qint64(1)
                            << u"within"_s << u"€29.51"_s;
    row("de Budgets") << u"Wie stehen meine Budgets?"_s << u"budget_status"_s << u"exceeded"_s << qint64(1)
                      << u"€129.99"_s << none;
    // Income.
    row("income last month") << u"What was my income last month?"_s << u"income_vs_expense"_s << u"totals/0/income"_s
                             << qint64(320000) << u"€3,200.00"_s << none;
    row("earned this year") << u"How much did I earn this year?"_s << u"income_vs_expense"_s << u"totals/0/income"_s
                            << qint64(690000) << u"€6,900.00"_s << none;
    row("income vs expenses") << u"income vs expenses this year"_s << u"income_vs_expense"_s << u"totals/0/net"_s
                              << qint64(342679) << u"€3,426.79"_s << u"€3,473.21"_s;
    row("saved last month") << u"How much did I save last month?"_s << u"income_vs_expense"_s << u"totals/0/net"_s
                            << qint64(202642) << u"€2,026.42"_s << none;
    row("per month") << u"income and expenses per month since September"_s << u"income_vs_expense"_s
                     << u"months/1/expenses"_s << qint64(117358) << u"€6,900.00"_s << u"€1,173.58"_s;
    row("de Einnahmen") << u"Wie hoch waren meine Einnahmen letzten Monat?"_s << u"income_vs_expense"_s
                        << u"totals/0/income"_s << qint64(320000) << u"€3,200.00"_s << none;
    // Subscriptions and categories.
    row("subscriptions") << u"Which subscriptions do I have?"_s << u"recurring_payments"_s << u"monthly_totals/0"_s
                         << qint64(96299) << u"€962.99"_s << u"Netflix"_s;
    row("de Abos") << u"Welche Abos habe ich?"_s << u"recurring_payments"_s << u"payments/1/amount"_s << qint64(1299)
                   << u"2 recurring payment"_s << u"€12.99"_s;
    row("categories") << u"Which categories do I have?"_s << u"list_categories"_s << none << qint64(0)
                      << u"30 categories"_s << u"Dining & Drinks"_s;
    row("budget proposal context") << u"Set a budget for groceries of 300"_s << sum << u"totals/0"_s << qint64(9810)
                                   << u"€300.00"_s << none;
}

void TestOfflineAssistant::questions()
{
    QFETCH(QString, question);
    QFETCH(QString, tool);
    QFETCH(QString, path);
    QFETCH(qint64, expected);
    QFETCH(QString, inText);
    QFETCH(QString, inTable);
    const auto assistant = makeAssistant();
    const AssistantAnswer answer = assistant->answerNow(question);
    QVERIFY2(answer.understood, qPrintable(answer.text));
    QVERIFY(!answer.toolCalls.isEmpty());
    const QJsonObject call = answer.toolCalls.first().toObject();
    QCOMPARE(call.value(u"tool").toString(), tool);
    if (!path.isEmpty()) {
        const auto value = valueAt(call.value(u"result").toObject(), path);
        QVERIFY2(value.has_value(), qPrintable(path));
        QCOMPARE(*value, expected);
    } else if (tool == u"spending_summary") {
        QVERIFY(call.value(u"result").toObject().value(u"totals").toArray().isEmpty());
    }
    QVERIFY2(answer.text.contains(inText), qPrintable(answer.text));
    if (!inTable.isEmpty()) {
        bool found = false;
        for (const QStringList& tableRow : answer.table.rows)
            found = found || tableRow.contains(inTable);
        QVERIFY2(found, QJsonDocument(answer.toJson()).toJson().constData());
    }
}

void TestOfflineAssistant::filterBehindTheNumbers()
{
    const auto assistant = makeAssistant();
    const AssistantAnswer answer = assistant->answerNow(u"How much did I spend on groceries at Lidl in October?"_s);
    QVERIFY(answer.transactions.has_value());
    QCOMPARE(answer.transactions->dates, (DateRange {QDate(2026, 10, 1), QDate(2026, 10, 31)}));
    QCOMPARE(answer.transactions->categoryIds,
             QList<qint64> {m_fixture.db->categoryId(m_fixture.alice, u"Groceries"_s)});
    QCOMPARE(answer.transactions->search, u"Lidl"_s);
    QCOMPARE(answer.transactions->type, std::optional<TransactionType>(TransactionType::Expense));
}

void TestOfflineAssistant::proposals()
{
    const auto assistant = makeAssistant();
    AssistantAnswer answer = assistant->answerNow(u"Set a budget for groceries of 300"_s);
    QCOMPARE(answer.proposals.size(), 1);
    const ProposedAction budget = answer.proposals.first();
    QCOMPARE(budget.kind, ProposedAction::Kind::CreateBudget);
    QCOMPARE(budget.parameters.value(u"limitMinor").toInteger(), 30000);
    QCOMPARE(budget.parameters.value(u"categoryId").toInteger(),
             m_fixture.db->categoryId(m_fixture.alice, u"Groceries"_s));
    QCOMPARE(budget.parameters.value(u"period").toString(), u"monthly"_s);
    QCOMPARE(budget.parameters.value(u"currency").toString(), u"EUR"_s);
    QVERIFY(budget.label.contains(u"€300.00"_s));

    answer = assistant->answerNow(u"Always categorize Netflix as Subscriptions"_s);
    QCOMPARE(answer.proposals.size(), 2);
    QCOMPARE(answer.proposals.at(0).kind, ProposedAction::Kind::CreateRule);
    QCOMPARE(answer.proposals.at(0).parameters.value(u"pattern").toString(), u"Netflix"_s);
    QCOMPARE(answer.proposals.at(0).parameters.value(u"categoryId").toInteger(),
             m_fixture.db->categoryId(m_fixture.alice, u"Subscriptions"_s));
    QCOMPARE(answer.proposals.at(1).kind, ProposedAction::Kind::RecategorizeMerchant);
    // Nothing was written: no rule exists, the budgets are the fixture's three.
    QCOMPARE(m_fixture.db->scalar(u"SELECT count(*) FROM expense_categorization_rules"_s), 0);
    QCOMPARE(m_fixture.db->scalar(u"SELECT count(*) FROM budgets WHERE user_id = ?"_s, {m_fixture.alice}), 3);
}

void TestOfflineAssistant::notUnderstood()
{
    const auto assistant = makeAssistant();
    for (const QString& question : {u"What is the weather like?"_s, u"tell me a joke"_s, u"   "_s}) {
        const AssistantAnswer answer = assistant->answerNow(question);
        QVERIFY(!answer.understood);
        QVERIFY(answer.toolCalls.isEmpty());
        QVERIFY(answer.text.contains(u"How much did I spend on groceries last month?"_s));
        QVERIFY(answer.text.contains(u"budgets"_s));
    }
}

void TestOfflineAssistant::asynchronous()
{
    const auto assistant = makeAssistant();
    QSignalSpy finished(assistant.get(), &Assistant::finished);
    QSignalSpy failed(assistant.get(), &Assistant::failed);
    QSignalSpy delta(assistant.get(), &Assistant::textDelta);
    assistant->ask(u"How much did I spend on groceries last month?"_s);
    QVERIFY(assistant->isBusy());
    QVERIFY(finished.wait(5000));
    QVERIFY(!assistant->isBusy());
    QCOMPARE(failed.count(), 0);
    const auto answer = finished.first().first().value<AssistantAnswer>();
    QVERIFY(answer.text.contains(u"€98.10"_s));
    QCOMPARE(delta.count(), 1);
    QCOMPARE(delta.first().first().toString(), answer.text);
}

void TestOfflineAssistant::cancel()
{
    const auto assistant = makeAssistant();
    QSignalSpy finished(assistant.get(), &Assistant::finished);
    QSignalSpy cancelled(assistant.get(), &Assistant::cancelled);
    assistant->ask(u"How much have I spent this year?"_s);
    assistant->cancel();
    QCOMPARE(cancelled.count(), 1);
    QVERIFY(!assistant->isBusy());
    QTest::qWait(300); // the worker finishes; its answer is dropped
    QCOMPARE(finished.count(), 0);
    QCOMPARE(cancelled.count(), 1);
    // A cancel with nothing in flight says nothing; the next question is answered.
    assistant->cancel();
    QCOMPARE(cancelled.count(), 1);
    assistant->ask(u"How much did I spend yesterday?"_s);
    QVERIFY(finished.wait(5000));
    QVERIFY(finished.first().first().value<AssistantAnswer>().text.contains(u"€5.20"_s));
}

void TestOfflineAssistant::jsonRoundTrip()
{
    const auto assistant = makeAssistant();
    const AssistantAnswer answer = assistant->answerNow(u"What are my top 3 merchants this month?"_s);
    const AssistantAnswer back = AssistantAnswer::fromJson(answer.toJson());
    QCOMPARE(back.text, answer.text);
    QCOMPARE(back.table, answer.table);
    QCOMPARE(back.toolCalls, answer.toolCalls);
    QCOMPARE(back.transactions, answer.transactions);
}

QTEST_GUILESS_MAIN(TestOfflineAssistant)
#include "tst_offlineassistant.moc"
