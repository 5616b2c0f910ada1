#include "ai/assistanttools.h"
#include "assistantfixture.h"

#include <QJsonArray>
#include <QTest>

using namespace Moniagent;
using namespace Qt::Literals::StringLiterals;

// Every assistant tool against the fixed ledger (assistantfixture.h), with numbers computed by hand.
class TestAssistantTools : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void definitions();
    void spendingSummary();
    void spendingGrouped();
    void listTransactions();
    void topMerchants();
    void budgetStatus();
    void comparePeriods();
    void incomeVsExpense();
    void recurringPayments();
    void listCategories();
    void userScoping();
    void invalidArguments_data();
    void invalidArguments();

private:
    QJsonObject call(const QString& tool, const QJsonObject& arguments, qint64 user = 0);
    static qint64 minor(const QJsonValue& amount) { return amount.toObject().value(u"minor").toInteger(); }

    Test::AssistantFixture m_fixture;
    std::unique_ptr<AssistantTools> m_tools;
};

void TestAssistantTools::initTestCase()
{
    QVERIFY(m_fixture.build());
    m_tools = std::make_unique<AssistantTools>(m_fixture.db->database(), m_fixture.alice, m_fixture.clock,
                                               m_fixture.locale, Currency::fromCode(u"EUR"), m_fixture.engine.get());
}

QJsonObject TestAssistantTools::call(const QString& tool, const QJsonObject& arguments, qint64 user)
{
    if (user != 0 && user != m_fixture.alice) {
        const AssistantTools other(m_fixture.db->database(), user, m_fixture.clock, m_fixture.locale,
                                   Currency::fromCode(u"EUR"), m_fixture.engine.get());
        auto result = other.call(tool, arguments);
        return result ? *result : QJsonObject {{QStringLiteral("error"), result.error().message}};
    }
    auto result = m_tools->call(tool, arguments);
    if (!result)
        qWarning() << result.error().message;
    return result ? *result : QJsonObject {{QStringLiteral("error"), result.error().message}};
}

void TestAssistantTools::definitions()
{
    const QList<ToolDefinition> tools = m_tools->definitions();
    QStringList names;
    for (const ToolDefinition& tool : tools) {
        names << tool.name;
        QVERIFY(!tool.description.isEmpty());
        QCOMPARE(tool.parameters.value(u"type").toString(), QStringLiteral("object"));
        QVERIFY(tool.parameters.value(u"properties").isObject());
    }
    QCOMPARE(
        names,
        (QStringList {u"spending_summary"_s, u"list_transactions"_s, u"top_merchants"_s, u"budget_status"_s,
                      u"compare_periods"_s, u"income_vs_expense"_s, u"recurring_payments"_s, u"list_categories"_s}));
}

void TestAssistantTools::spendingSummary()
{
    // November so far: 7049 + 3920 + 1299 + 6000 + 12999 + 95000 + 1000 in EUR (9 rows), 35.00 USD apart.
    QJsonObject r
        = call(QStringLiteral("spending_summary"), {{u"from"_s, u"2026-11-01"_s}, {u"to"_s, u"2026-11-22"_s}});
    QJsonArray totals = r.value(u"totals").toArray();
    QCOMPARE(totals.size(), 2);
    QCOMPARE(totals.at(0).toObject().value(u"currency").toString(), QStringLiteral("EUR"));
    QCOMPARE(minor(totals.at(0)), 127267);
    QCOMPARE(totals.at(0).toObject().value(u"count").toInteger(), 9);
    QCOMPARE(totals.at(0).toObject().value(u"text").toString(), QStringLiteral("€1,272.67"));
    QCOMPARE(totals.at(1).toObject().value(u"currency").toString(), QStringLiteral("USD"));
    QCOMPARE(minor(totals.at(1)), 3500);

    // Groceries in October (whole month from the summary table): 4520 + 3080 + 2210.
    r = call(QStringLiteral("spending_summary"),
             {{u"from"_s, u"2026-10-01"_s}, {u"to"_s, u"2026-10-31"_s}, {u"category"_s, u"Groceries"_s}});
    QCOMPARE(minor(r.value(u"totals").toArray().first()), 9810);
    QCOMPARE(r.value(u"count").toInteger(), 3);
    // By id, and across a partial and a whole month: 17 Oct – 30 Nov = 3080 + 2210 + 5150 + 1899.
    const qint64 groceries = m_fixture.db->categoryId(m_fixture.alice, QStringLiteral("Groceries"));
    r = call(QStringLiteral("spending_summary"),
             {{u"from"_s, u"2026-10-17"_s}, {u"to"_s, u"2026-11-30"_s}, {u"category"_s, groceries}});
    QCOMPARE(minor(r.value(u"totals").toArray().first()), 12339);
    // A merchant (full-text search): Tesco this year 4520 + 3080 + 5150, all time + 4000.
    r = call(QStringLiteral("spending_summary"),
             {{u"from"_s, u"2026-01-01"_s}, {u"to"_s, u"2026-11-22"_s}, {u"merchant"_s, u"tesco"_s}});
    QCOMPARE(minor(r.value(u"totals").toArray().first()), 12750);
    r = call(QStringLiteral("spending_summary"), {{u"merchant"_s, u"Tesco"_s}});
    QCOMPARE(minor(r.value(u"totals").toArray().first()), 16750);
    QCOMPARE(r.value(u"count").toInteger(), 4);
    // Nothing spent: an empty list, not a zero in some currency.
    r = call(QStringLiteral("spending_summary"), {{u"from"_s, u"2024-01-01"_s}, {u"to"_s, u"2024-12-31"_s}});
    QVERIFY(r.value(u"totals").toArray().isEmpty());
}

void TestAssistantTools::spendingGrouped()
{
    QJsonObject r = call(QStringLiteral("spending_summary"),
                         {{u"from"_s, u"2026-10-01"_s}, {u"to"_s, u"2026-10-31"_s}, {u"group_by"_s, u"category"_s}});
    QJsonArray groups = r.value(u"groups").toArray();
    QCOMPARE(groups.size(), 6);
    QCOMPARE(groups.at(0).toObject().value(u"label").toString(), QStringLiteral("Housing"));
    QCOMPARE(minor(groups.at(0).toObject().value(u"amount")), 95000);
    QCOMPARE(groups.at(1).toObject().value(u"label").toString(), QStringLiteral("Groceries"));
    QCOMPARE(minor(groups.at(1).toObject().value(u"amount")), 9810);
    QCOMPARE(groups.at(5).toObject().value(u"label").toString(), QStringLiteral("Subscriptions"));
    QCOMPARE(minor(groups.at(5).toObject().value(u"amount")), 1299);

    r = call(QStringLiteral("spending_summary"),
             {{u"from"_s, u"2026-09-01"_s},
              {u"to"_s, u"2026-11-22"_s},
              {u"category"_s, u"Dining & Drinks"_s},
              {u"group_by"_s, u"month"_s}});
    groups = r.value(u"groups").toArray();
    QCOMPARE(groups.size(), 3);
    QCOMPARE(groups.at(0).toObject().value(u"month").toString(), QStringLiteral("2026-09"));
    QCOMPARE(minor(groups.at(0).toObject().value(u"amount")), 2500);
    QCOMPARE(minor(groups.at(1).toObject().value(u"amount")), 3250);
    QCOMPARE(minor(groups.at(2).toObject().value(u"amount")), 3920);
    QCOMPARE(groups.at(2).toObject().value(u"label").toString(), QStringLiteral("November 2026"));

    r = call(
        QStringLiteral("spending_summary"),
        {{u"from"_s, u"2026-11-01"_s}, {u"to"_s, u"2026-11-22"_s}, {u"group_by"_s, u"merchant"_s}, {u"limit"_s, 2}});
    groups = r.value(u"groups").toArray();
    QCOMPARE(groups.size(), 2);
    QCOMPARE(groups.at(0).toObject().value(u"label").toString(), QStringLiteral("Landlord"));
    QCOMPARE(groups.at(1).toObject().value(u"label").toString(), QStringLiteral("Amazon"));
    QCOMPARE(minor(groups.at(1).toObject().value(u"amount")), 12999);
    QCOMPARE(r.value(u"more_groups").toInt(), 8); // 7 more EUR merchants and Amazon in USD
}

void TestAssistantTools::listTransactions()
{
    QJsonObject r
        = call(QStringLiteral("list_transactions"),
               {{u"from"_s, u"2026-10-01"_s}, {u"to"_s, u"2026-10-31"_s}, {u"order"_s, u"largest"_s}, {u"limit"_s, 3}});
    QJsonArray rows = r.value(u"transactions").toArray();
    QCOMPARE(rows.size(), 3);
    QCOMPARE(minor(rows.at(0).toObject().value(u"amount")), 95000);
    QCOMPARE(rows.at(1).toObject().value(u"merchant").toString(), QStringLiteral("Shell"));
    QCOMPARE(minor(rows.at(2).toObject().value(u"amount")), 4520);
    QCOMPARE(rows.at(2).toObject().value(u"category").toString(), QStringLiteral("Groceries"));

    r = call(QStringLiteral("list_transactions"), {{u"search"_s, u"amazon"_s}, {u"limit"_s, 10}});
    rows = r.value(u"transactions").toArray();
    QCOMPARE(rows.size(), 3);
    QCOMPARE(rows.at(0).toObject().value(u"date").toString(), QStringLiteral("2026-11-14")); // newest first
    QCOMPARE(rows.at(0).toObject().value(u"amount").toObject().value(u"currency").toString(), QStringLiteral("USD"));
    QCOMPARE(r.value(u"filter").toObject().value(u"search").toString(), QStringLiteral("amazon"));

    r = call(QStringLiteral("list_transactions"), {{u"type"_s, u"income"_s}, {u"order"_s, u"largest"_s}});
    rows = r.value(u"transactions").toArray();
    QCOMPARE(rows.size(), 3);
    QCOMPARE(minor(rows.at(2).toObject().value(u"amount")), 50000);
}

void TestAssistantTools::topMerchants()
{
    const QJsonObject r = call(QStringLiteral("top_merchants"),
                               {{u"from"_s, u"2026-10-01"_s}, {u"to"_s, u"2026-11-22"_s}, {u"limit"_s, 3}});
    const QJsonArray merchants = r.value(u"merchants").toArray();
    // EUR: Landlord 190000, Amazon 15498, Tesco 12750 (Shell 11500 is fourth); then USD: Amazon 3500.
    QCOMPARE(merchants.size(), 4);
    QCOMPARE(merchants.at(0).toObject().value(u"merchant").toString(), QStringLiteral("Landlord"));
    QCOMPARE(minor(merchants.at(0).toObject().value(u"amount")), 190000);
    QCOMPARE(minor(merchants.at(1).toObject().value(u"amount")), 15498);
    QCOMPARE(merchants.at(2).toObject().value(u"merchant").toString(), QStringLiteral("Tesco"));
    QCOMPARE(minor(merchants.at(2).toObject().value(u"amount")), 12750);
    QCOMPARE(merchants.at(2).toObject().value(u"count").toInt(), 3);
    QCOMPARE(merchants.at(3).toObject().value(u"amount").toObject().value(u"currency").toString(),
             QStringLiteral("USD"));
    // Tesco in these months: 4520 + 3080 + 5150 (bob's 99999 and 77777 are not alice's).
    const QJsonObject groceries
        = call(QStringLiteral("top_merchants"),
               {{u"from"_s, u"2026-10-01"_s}, {u"to"_s, u"2026-11-22"_s}, {u"category"_s, u"Groceries"_s}});
    QCOMPARE(minor(groceries.value(u"merchants").toArray().at(0).toObject().value(u"amount")), 12750);
    QCOMPARE(minor(groceries.value(u"merchants").toArray().at(1).toObject().value(u"amount")), 4109);
}

void TestAssistantTools::budgetStatus()
{
    const QJsonObject r = call(QStringLiteral("budget_status"), {});
    QCOMPARE(r.value(u"date").toString(), QStringLiteral("2026-11-22"));
    const QJsonArray budgets = r.value(u"budgets").toArray();
    QCOMPARE(budgets.size(), 3);
    QHash<QString, QJsonObject> byName;
    for (const QJsonValue& b : budgets)
        byName.insert(b.toObject().value(u"category").toString(), b.toObject());
    QCOMPARE(minor(byName.value(QStringLiteral("Groceries")).value(u"spent")), 7049);
    QCOMPARE(byName.value(QStringLiteral("Groceries")).value(u"state").toString(), QStringLiteral("ok"));
    QCOMPARE(byName.value(QStringLiteral("Groceries")).value(u"percent_used").toInt(), 70);
    QCOMPARE(minor(byName.value(QStringLiteral("Dining & Drinks")).value(u"spent")), 3920);
    QCOMPARE(byName.value(QStringLiteral("Dining & Drinks")).value(u"state").toString(), QStringLiteral("warning"));
    QCOMPARE(minor(byName.value(QStringLiteral("Shopping")).value(u"remaining")), -2999);
    QCOMPARE(byName.value(QStringLiteral("Shopping")).value(u"state").toString(), QStringLiteral("exceeded"));
    QCOMPARE(minor(byName.value(QStringLiteral("Shopping")).value(u"not_counted").toArray().first()), 3500);
    QCOMPARE(r.value(u"exceeded").toInt(), 1);
    QCOMPARE(r.value(u"warning").toInt(), 1);
    // On a day in October.
    const QJsonObject october = call(QStringLiteral("budget_status"), {{u"date"_s, u"2026-10-31"_s}});
    for (const QJsonValue& b : october.value(u"budgets").toArray()) {
        if (b.toObject().value(u"category").toString() == u"Groceries")
            QCOMPARE(minor(b.toObject().value(u"spent")), 9810);
    }
}

void TestAssistantTools::comparePeriods()
{
    // Dining this month against October: 3920 vs 3250, +670, +20.6 %.
    QJsonObject r = call(QStringLiteral("compare_periods"),
                         {{u"from"_s, u"2026-11-01"_s},
                          {u"to"_s, u"2026-11-22"_s},
                          {u"compare_from"_s, u"2026-10-01"_s},
                          {u"compare_to"_s, u"2026-10-31"_s},
                          {u"category"_s, u"Dining & Drinks"_s}});
    QCOMPARE(minor(r.value(u"period").toObject().value(u"totals").toArray().first()), 3920);
    QCOMPARE(minor(r.value(u"baseline").toObject().value(u"totals").toArray().first()), 3250);
    QJsonObject difference = r.value(u"differences").toArray().first().toObject();
    QCOMPARE(minor(difference.value(u"difference")), 670);
    QCOMPARE(difference.value(u"percent").toDouble(), 20.6);
    // Groceries: 7049 vs 9810 → -2761, -28.1 %.
    r = call(QStringLiteral("compare_periods"),
             {{u"from"_s, u"2026-11-01"_s},
              {u"to"_s, u"2026-11-22"_s},
              {u"compare_from"_s, u"2026-10-01"_s},
              {u"compare_to"_s, u"2026-10-31"_s},
              {u"category"_s, u"Groceries"_s}});
    difference = r.value(u"differences").toArray().first().toObject();
    QCOMPARE(minor(difference.value(u"difference")), -2761);
    QCOMPARE(difference.value(u"percent").toDouble(), -28.1);
    // A merchant against an empty baseline: no percentage.
    r = call(QStringLiteral("compare_periods"),
             {{u"from"_s, u"2026-10-01"_s},
              {u"to"_s, u"2026-10-31"_s},
              {u"compare_from"_s, u"2026-08-01"_s},
              {u"compare_to"_s, u"2026-08-31"_s},
              {u"merchant"_s, u"Tesco"_s}});
    difference = r.value(u"differences").toArray().first().toObject();
    QCOMPARE(minor(difference.value(u"difference")), 7600);
    QVERIFY(difference.value(u"percent").isNull());
}

void TestAssistantTools::incomeVsExpense()
{
    // This year: income 690000, expenses 127267 + 117358 + 98799 + 3 × 1299 = 347321 (EUR).
    QJsonObject r
        = call(QStringLiteral("income_vs_expense"), {{u"from"_s, u"2026-01-01"_s}, {u"to"_s, u"2026-11-22"_s}});
    const QJsonObject eur = r.value(u"totals").toArray().first().toObject();
    QCOMPARE(eur.value(u"currency").toString(), QStringLiteral("EUR"));
    QCOMPARE(minor(eur.value(u"income")), 690000);
    QCOMPARE(minor(eur.value(u"expenses")), 347321);
    QCOMPARE(minor(eur.value(u"net")), 342679);
    r = call(QStringLiteral("income_vs_expense"),
             {{u"from"_s, u"2026-09-01"_s}, {u"to"_s, u"2026-11-22"_s}, {u"by_month"_s, true}});
    const QJsonArray months = r.value(u"months").toArray();
    QCOMPARE(months.size(), 4); // Sep, Oct, Nov in EUR, Nov in USD
    QCOMPARE(months.at(1).toObject().value(u"month").toString(), QStringLiteral("2026-10"));
    QCOMPARE(minor(months.at(1).toObject().value(u"income")), 320000);
    QCOMPARE(minor(months.at(1).toObject().value(u"expenses")), 117358);
    QCOMPARE(minor(months.at(2).toObject().value(u"net")), 50000 - 127267);
    QCOMPARE(months.at(3).toObject().value(u"currency").toString(), QStringLiteral("USD"));
}

void TestAssistantTools::recurringPayments()
{
    const QJsonObject r = call(QStringLiteral("recurring_payments"), {});
    const QJsonArray payments = r.value(u"payments").toArray();
    QCOMPARE(payments.size(), 2);
    QCOMPARE(payments.at(0).toObject().value(u"merchant").toString(), QStringLiteral("Landlord"));
    QCOMPARE(payments.at(0).toObject().value(u"interval").toString(), QStringLiteral("monthly"));
    QCOMPARE(payments.at(1).toObject().value(u"merchant").toString(), QStringLiteral("Netflix"));
    QCOMPARE(minor(payments.at(1).toObject().value(u"amount")), 1299);
    QCOMPARE(payments.at(1).toObject().value(u"count").toInt(), 6);
    QCOMPARE(payments.at(1).toObject().value(u"next_date").toString(), QStringLiteral("2026-12-15"));
    QCOMPARE(minor(r.value(u"monthly_totals").toArray().first()), 96299);
    // Three months back only the last Netflix charges and rents are seen: still monthly.
    const QJsonObject shortWindow = call(QStringLiteral("recurring_payments"), {{u"months"_s, 2}});
    QCOMPARE(shortWindow.value(u"payments").toArray().size(), 0); // two charges are not enough for monthly
}

void TestAssistantTools::listCategories()
{
    const QJsonArray all = call(QStringLiteral("list_categories"), {}).value(u"categories").toArray();
    QCOMPARE(all.size(), 30);
    const QJsonArray income
        = call(QStringLiteral("list_categories"), {{u"type"_s, u"income"_s}}).value(u"categories").toArray();
    QCOMPARE(income.size(), 7); // five income categories and two for both directions
}

void TestAssistantTools::userScoping()
{
    // Bob sees only his rows: Tesco 99999 + 77777, income 100000.
    QJsonObject r = call(QStringLiteral("spending_summary"), {{u"merchant"_s, u"Tesco"_s}}, m_fixture.bob);
    QCOMPARE(minor(r.value(u"totals").toArray().first()), 177776);
    r = call(QStringLiteral("income_vs_expense"), {}, m_fixture.bob);
    QCOMPARE(minor(r.value(u"totals").toArray().first().toObject().value(u"income")), 100000);
    r = call(QStringLiteral("budget_status"), {}, m_fixture.bob);
    QCOMPARE(r.value(u"budgets").toArray().size(), 1);
    // Alice cannot name bob's category by id.
    const qint64 bobsGroceries = m_fixture.db->categoryId(m_fixture.bob, QStringLiteral("Groceries"));
    QVERIFY(!m_tools->call(QStringLiteral("spending_summary"), {{u"category"_s, bobsGroceries}}));
}

void TestAssistantTools::invalidArguments_data()
{
    QTest::addColumn<QString>("tool");
    QTest::addColumn<QJsonObject>("arguments");
    QTest::newRow("unknown tool") << u"delete_everything"_s << QJsonObject {};
    QTest::newRow("unknown argument") << u"spending_summary"_s << QJsonObject {{u"amount"_s, 3}};
    QTest::newRow("bad date") << u"spending_summary"_s << QJsonObject {{u"from"_s, u"last month"_s}};
    QTest::newRow("reversed range") << u"spending_summary"_s
                                    << QJsonObject {{u"from"_s, u"2026-11-01"_s}, {u"to"_s, u"2026-10-01"_s}};
    QTest::newRow("unknown category") << u"spending_summary"_s << QJsonObject {{u"category"_s, u"Unicorns"_s}};
    QTest::newRow("bad group") << u"spending_summary"_s << QJsonObject {{u"group_by"_s, u"weekday"_s}};
    QTest::newRow("limit too big") << u"top_merchants"_s << QJsonObject {{u"limit"_s, 1000}};
    QTest::newRow("limit fraction") << u"list_transactions"_s << QJsonObject {{u"limit"_s, 2.5}};
    QTest::newRow("bad order") << u"list_transactions"_s << QJsonObject {{u"order"_s, u"random"_s}};
    QTest::newRow("compare without baseline")
        << u"compare_periods"_s << QJsonObject {{u"from"_s, u"2026-11-01"_s}, {u"to"_s, u"2026-11-22"_s}};
    QTest::newRow("by_month text") << u"income_vs_expense"_s << QJsonObject {{u"by_month"_s, u"yes"_s}};
    QTest::newRow("months out of range") << u"recurring_payments"_s << QJsonObject {{u"months"_s, 100}};
    QTest::newRow("bad type") << u"list_categories"_s << QJsonObject {{u"type"_s, u"animals"_s}};
}

void TestAssistantTools::invalidArguments()
{
    QFETCH(QString, tool);
    QFETCH(QJsonObject, arguments);
    auto result = m_tools->call(tool, arguments);
    QVERIFY(!result);
    QCOMPARE(result.error().code, Error::Code::InvalidInput);
    QVERIFY(!result.error().message.isEmpty());
}

QTEST_GUILESS_MAIN(TestAssistantTools)
#include "tst_assistanttools.moc"
