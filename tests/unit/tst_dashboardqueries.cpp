#include "db/dashboardqueries.h"
#include "db/sql.h"
#include "db/transactionrepository.h"
#include "testdatabase.h"

#include <QHash>
#include <QMap>
#include <QRandomGenerator>
#include <QTest>

#include <algorithm>

using namespace Moniagent;
using Test::TestDatabase;

// Every dashboard aggregate against a hand computation over the rows themselves, on a generated ledger of two
// users with several currencies, after edits and deletions (so the monthly summary has been kept up to date by
// its triggers, not only filled once).
class TestDashboardQueries : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void spendingByCategory_data();
    void spendingByCategory();
    void monthlyTrend_data();
    void monthlyTrend();
    void dailySpending_data();
    void dailySpending();
    void topMerchants_data();
    void topMerchants();
    void summary_data();
    void summary();
    void largestExpenses();
    void emptyProfile();
    void fewCategoriesHaveNoRest();

private:
    struct Row
    {
        qint64 id = 0;
        qint64 userId = 0;
        qint64 categoryKey = 0; // 0: uncategorized
        bool expense = true;
        qint64 amount = 0;
        QString currency;
        QDate date;
        QString merchant;
    };
    // The rows of one user in a range and currency (empty currency: any), read back from the ledger.
    QList<Row> rows(qint64 userId, const DateRange& range, const QString& currency = {}) const;
    static void addRanges();

    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<TransactionRepository> m_transactions;
    std::unique_ptr<DashboardQueries> m_queries;
    qint64 m_alice = 0;
    qint64 m_bob = 0;
    QList<Row> m_all;
};

void TestDashboardQueries::initTestCase()
{
    m_db = std::make_unique<TestDatabase>();
    QVERIFY(m_db->isValid());
    m_alice = m_db->createUser(QStringLiteral("alice"), QStringLiteral("EUR"));
    m_bob = m_db->createUser(QStringLiteral("bob"), QStringLiteral("EUR"));
    QVERIFY(m_alice > 0 && m_bob > 0);
    m_transactions = std::make_unique<TransactionRepository>(m_db->database());
    m_queries = std::make_unique<DashboardQueries>(m_db->database());

    const QStringList names {QStringLiteral("Groceries"),       QStringLiteral("Dining & Drinks"),
                             QStringLiteral("Transport & Car"), QStringLiteral("Shopping"),
                             QStringLiteral("Housing"),         QStringLiteral("Health"),
                             QStringLiteral("Travel"),          QStringLiteral("Pets"),
                             QStringLiteral("Salary")};
    const QStringList merchants {QStringLiteral("Fresh Market"),
                                 QStringLiteral("Cafe Luna"),
                                 QStringLiteral("Metro"),
                                 QStringLiteral("Book Nook"),
                                 QStringLiteral("Landlord"),
                                 QStringLiteral("Pharmacy"),
                                 QStringLiteral("Air Lines"),
                                 QStringLiteral("Pet Palace"),
                                 QStringLiteral("Employer"),
                                 QStringLiteral("fresh market"),
                                 QString()};
    QRandomGenerator random(20261122);
    for (qint64 user : {m_alice, m_bob}) {
        QList<qint64> categories;
        for (const QString& name : names)
            categories << m_db->categoryId(user, name);
        QVERIFY(!categories.contains(0));
        QList<Transaction> batch;
        const int count = user == m_alice ? 4000 : 1500;
        for (int i = 0; i < count; ++i) {
            Transaction t;
            const int kind = random.bounded(100);
            t.type = kind < 85 ? TransactionType::Expense : TransactionType::Income;
            const int money = random.bounded(100);
            t.amount = Money::fromMinor(1 + random.bounded(50000),
                                        money < 75       ? QStringLiteral("EUR")
                                            : money < 92 ? QStringLiteral("USD")
                                                         : QStringLiteral("GBP"));
            t.occurredOn = QDate(2025, 1, 1).addDays(random.bounded(730));
            if (random.bounded(100) >= 10)
                t.categoryId = categories.at(random.bounded(int(categories.size())));
            t.merchant = merchants.at(random.bounded(int(merchants.size())));
            if (user == m_bob && random.bounded(4) == 0) {
                // Bob's big store would top Alice's merchants if anything leaked across profiles.
                t.merchant = QStringLiteral("Fresh Market");
                t.amount = Money::fromMinor(900000, QStringLiteral("EUR"));
            }
            batch << t;
        }
        auto added = m_transactions->addMany(user, batch);
        QVERIFY2(added, qPrintable(added ? QString() : added.error().toString()));
    }
    // Edits and deletions: the summary must follow them.
    auto some = m_transactions->list(m_alice, {}, {}, 300, 500);
    QVERIFY(some);
    QList<Transaction> edited;
    for (int i = 0; i < some->size(); ++i) {
        Transaction t = some->at(i);
        if (i % 3 == 0)
            t.occurredOn = t.occurredOn.addDays(17);
        if (i % 3 == 1)
            t.categoryId.reset();
        if (i % 3 == 2)
            t.amount = Money(t.amount.minor() * 2 + 1, t.amount.currency());
        edited << t;
    }
    QVERIFY(m_transactions->updateMany(m_alice, edited));
    auto doomed = m_transactions->list(m_alice, {}, {}, 100, 1200);
    QVERIFY(doomed);
    QList<qint64> ids;
    for (const Transaction& t : *doomed)
        ids << t.id;
    QVERIFY(m_transactions->remove(m_alice, ids));

    auto query = Sql::exec(m_db->database()->connection(),
                           QStringLiteral("SELECT id, user_id, coalesce(category_id, 0), type, amount_minor, currency, "
                                          "occurred_on, merchant_name FROM transactions"));
    QVERIFY(query);
    while (query->next()) {
        m_all << Row {query->value(0).toLongLong(),       query->value(1).toLongLong(),
                      query->value(2).toLongLong(),       query->value(3).toString() == QLatin1String("expense"),
                      query->value(4).toLongLong(),       query->value(5).toString(),
                      Sql::parseIsoDate(query->value(6)), query->value(7).toString()};
    }
    QCOMPARE(m_all.size(), 4000 + 1500 - 100);
}

QList<TestDashboardQueries::Row> TestDashboardQueries::rows(qint64 userId, const DateRange& range,
                                                            const QString& currency) const
{
    QList<Row> result;
    for (const Row& row : m_all) {
        if (row.userId == userId && range.contains(row.date) && (currency.isEmpty() || row.currency == currency))
            result << row;
    }
    return result;
}

void TestDashboardQueries::addRanges()
{
    QTest::addColumn<QDate>("from");
    QTest::addColumn<QDate>("to");
    QTest::addColumn<QString>("currency");
    QTest::newRow("a whole month") << QDate(2025, 10, 1) << QDate(2025, 10, 31) << "EUR";
    QTest::newRow("a month in dollars") << QDate(2026, 2, 1) << QDate(2026, 2, 28) << "USD";
    QTest::newRow("across months") << QDate(2025, 3, 14) << QDate(2025, 7, 3) << "EUR";
    QTest::newRow("across a year end") << QDate(2025, 12, 20) << QDate(2026, 1, 10) << "GBP";
    QTest::newRow("one day") << QDate(2026, 5, 5) << QDate(2026, 5, 5) << "EUR";
    QTest::newRow("open start") << QDate() << QDate(2025, 6, 15) << "EUR";
    QTest::newRow("open end") << QDate(2026, 6, 15) << QDate() << "EUR";
    QTest::newRow("everything") << QDate() << QDate() << "EUR";
    QTest::newRow("before the ledger") << QDate(2020, 1, 1) << QDate(2020, 12, 31) << "EUR";
    QTest::newRow("a currency nobody uses") << QDate(2025, 1, 1) << QDate(2026, 12, 31) << "CHF";
}

void TestDashboardQueries::spendingByCategory_data()
{
    addRanges();
}

void TestDashboardQueries::spendingByCategory()
{
    QFETCH(QDate, from);
    QFETCH(QDate, to);
    QFETCH(QString, currency);
    auto result = m_queries->spendingByCategory(m_alice, {from, to}, currency);
    QVERIFY(result);
    QMap<qint64, std::pair<qint64, qint64>> expected;
    QMap<QString, std::pair<qint64, qint64>> others;
    for (const Row& row : rows(m_alice, {from, to})) {
        if (!row.expense)
            continue;
        auto& entry = row.currency == currency ? expected[row.categoryKey] : others[row.currency];
        entry.first += row.amount;
        entry.second += 1;
    }
    QCOMPARE(result->currency, currency);
    QCOMPARE(result->categories.size(), expected.size());
    qint64 total = 0;
    for (int i = 0; i < result->categories.size(); ++i) {
        const CategorySpending& c = result->categories.at(i);
        const qint64 key = c.categoryId.value_or(0);
        QVERIFY2(expected.contains(key), qPrintable(QString::number(key)));
        QCOMPARE(c.amountMinor, expected.value(key).first);
        QCOMPARE(c.count, expected.value(key).second);
        if (i > 0)
            QVERIFY(result->categories.at(i - 1).amountMinor >= c.amountMinor);
        total += c.amountMinor;
    }
    QCOMPARE(result->totalMinor(), total);
    QCOMPARE(result->leftOut.size(), others.size());
    for (const CurrencyAmount& amount : result->leftOut) {
        QCOMPARE(amount.amountMinor, others.value(amount.currency).first);
        QCOMPARE(amount.count, others.value(amount.currency).second);
    }
}

void TestDashboardQueries::monthlyTrend_data()
{
    QTest::addColumn<QDate>("lastMonth");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<int>("top");
    QTest::newRow("inside the ledger") << QDate(2026, 3, 17) << "EUR" << 4;
    QTest::newRow("the ledger's end") << QDate(2026, 12, 1) << "EUR" << 6;
    QTest::newRow("half before the ledger") << QDate(2025, 5, 31) << "USD" << 3;
    QTest::newRow("no top categories") << QDate(2026, 1, 1) << "GBP" << 0;
}

void TestDashboardQueries::monthlyTrend()
{
    QFETCH(QDate, lastMonth);
    QFETCH(QString, currency);
    QFETCH(int, top);
    auto trend = m_queries->monthlyTrend(m_alice, lastMonth, currency, 12, top);
    QVERIFY(trend);
    QCOMPARE(trend->months.size(), 12);
    QCOMPARE(trend->months.last(), QDate(lastMonth.year(), lastMonth.month(), 1));
    QCOMPARE(trend->months.first(), trend->months.last().addMonths(-11));
    const DateRange span {trend->months.first(), lastMonth.addDays(lastMonth.daysInMonth() - lastMonth.day())};

    QList<qint64> expense(12, 0);
    QList<qint64> income(12, 0);
    QMap<qint64, QList<qint64>> perCategory;
    QMap<QString, qint64> otherExpenses;
    QMap<QString, qint64> otherIncome;
    for (const Row& row : rows(m_alice, span)) {
        const int m = int((row.date.year() - span.from.year()) * 12 + row.date.month() - span.from.month());
        QVERIFY(m >= 0 && m < 12);
        if (row.currency != currency) {
            (row.expense ? otherExpenses : otherIncome)[row.currency] += row.amount;
            continue;
        }
        if (!row.expense) {
            income[m] += row.amount;
            continue;
        }
        expense[m] += row.amount;
        if (!perCategory.contains(row.categoryKey))
            perCategory.insert(row.categoryKey, QList<qint64>(12, 0));
        perCategory[row.categoryKey][m] += row.amount;
    }
    QCOMPARE(trend->expenseMinor, expense);
    QCOMPARE(trend->incomeMinor, income);
    for (int m = 0; m < 12; ++m)
        QCOMPARE(trend->netMinor.at(m), income.at(m) - expense.at(m));

    // The top series are the largest categories of the span, each exact; the rest sums all the others.
    const auto totalOf = [](const QList<qint64>& values) {
        qint64 total = 0;
        for (qint64 v : values)
            total += v;
        return total;
    };
    QList<qint64> own;
    QList<qint64> rest(12, 0);
    const TrendSeries* restSeries = nullptr;
    for (const TrendSeries& series : trend->expenses) {
        if (series.isRest) {
            restSeries = &series;
            continue;
        }
        const qint64 key = series.categoryId.value_or(0);
        QCOMPARE(series.perMonthMinor, perCategory.value(key));
        own << key;
    }
    QCOMPARE(own.size(), std::min<qsizetype>(top, perCategory.size()));
    QList<qint64> restKeys;
    for (auto it = perCategory.cbegin(); it != perCategory.cend(); ++it) {
        if (own.contains(it.key()))
            continue;
        restKeys << it.key();
        for (qint64 k : own)
            QVERIFY(totalOf(perCategory.value(k)) >= totalOf(it.value()));
        for (int m = 0; m < 12; ++m)
            rest[m] += it.value().at(m);
    }
    if (restKeys.isEmpty()) {
        QVERIFY(!restSeries);
    } else {
        QVERIFY(restSeries);
        QCOMPARE(restSeries->perMonthMinor, rest);
        QCOMPARE(restSeries->categoryIds, restKeys);
    }
    QCOMPARE(trend->leftOutExpenses.size(), otherExpenses.size());
    for (const CurrencyAmount& a : trend->leftOutExpenses)
        QCOMPARE(a.amountMinor, otherExpenses.value(a.currency));
    QCOMPARE(trend->leftOutIncome.size(), otherIncome.size());
    for (const CurrencyAmount& a : trend->leftOutIncome)
        QCOMPARE(a.amountMinor, otherIncome.value(a.currency));
}

void TestDashboardQueries::dailySpending_data()
{
    QTest::addColumn<QDate>("month");
    QTest::addColumn<QString>("currency");
    QTest::newRow("February of a common year") << QDate(2025, 2, 11) << "EUR";
    QTest::newRow("a 31-day month") << QDate(2026, 7, 1) << "EUR";
    QTest::newRow("in dollars") << QDate(2025, 11, 30) << "USD";
    QTest::newRow("empty") << QDate(2024, 2, 1) << "EUR";
}

void TestDashboardQueries::dailySpending()
{
    QFETCH(QDate, month);
    QFETCH(QString, currency);
    auto daily = m_queries->dailySpending(m_alice, month, currency);
    QVERIFY(daily);
    const QDate first(month.year(), month.month(), 1);
    QCOMPARE(daily->month, first);
    QList<qint64> expected(first.daysInMonth(), 0);
    QMap<QString, qint64> others;
    for (const Row& row : rows(m_alice, {first, first.addDays(first.daysInMonth() - 1)})) {
        if (!row.expense)
            continue;
        if (row.currency == currency)
            expected[row.date.day() - 1] += row.amount;
        else
            others[row.currency] += row.amount;
    }
    QCOMPARE(daily->perDayMinor, expected);
    qint64 running = 0;
    const QList<qint64> cumulative = daily->cumulativeMinor();
    for (int d = 0; d < expected.size(); ++d) {
        running += expected.at(d);
        QCOMPARE(cumulative.at(d), running);
    }
    QCOMPARE(daily->totalMinor(), running);
    QCOMPARE(daily->leftOut.size(), others.size());
    for (const CurrencyAmount& a : daily->leftOut)
        QCOMPARE(a.amountMinor, others.value(a.currency));
}

void TestDashboardQueries::topMerchants_data()
{
    addRanges();
}

void TestDashboardQueries::topMerchants()
{
    QFETCH(QDate, from);
    QFETCH(QDate, to);
    QFETCH(QString, currency);
    auto top = m_queries->topMerchants(m_alice, {from, to}, currency, 5);
    QVERIFY(top);
    QHash<QString, MerchantSpending> byName;
    QMap<QString, qint64> others;
    for (const Row& row : rows(m_alice, {from, to})) {
        if (!row.expense)
            continue;
        if (row.currency != currency) {
            others[row.currency] += row.amount;
            continue;
        }
        if (row.merchant.isEmpty())
            continue;
        MerchantSpending& m = byName[row.merchant];
        m.merchant = row.merchant;
        m.amountMinor += row.amount;
        m.count += 1;
    }
    QList<MerchantSpending> expected = byName.values();
    std::sort(expected.begin(), expected.end(), [](const MerchantSpending& a, const MerchantSpending& b) {
        return a.amountMinor != b.amountMinor ? a.amountMinor > b.amountMinor : a.merchant < b.merchant;
    });
    expected = expected.mid(0, 5);
    QCOMPARE(top->merchants, expected);
    QCOMPARE(top->leftOut.size(), others.size());
    for (const CurrencyAmount& a : top->leftOut)
        QCOMPARE(a.amountMinor, others.value(a.currency));
}

void TestDashboardQueries::summary_data()
{
    addRanges();
}

void TestDashboardQueries::summary()
{
    QFETCH(QDate, from);
    QFETCH(QDate, to);
    QFETCH(QString, currency);
    auto summary = m_queries->summary(m_alice, {from, to}, currency);
    QVERIFY(summary);
    PeriodSummary expected;
    QMap<QString, std::pair<qint64, qint64>> otherIncome;
    QMap<QString, std::pair<qint64, qint64>> otherExpenses;
    for (const Row& row : rows(m_alice, {from, to})) {
        if (row.currency == currency) {
            (row.expense ? expected.expenseMinor : expected.incomeMinor) += row.amount;
            ++expected.count;
            continue;
        }
        auto& entry = (row.expense ? otherExpenses : otherIncome)[row.currency];
        entry.first += row.amount;
        entry.second += 1;
    }
    QCOMPARE(summary->incomeMinor, expected.incomeMinor);
    QCOMPARE(summary->expenseMinor, expected.expenseMinor);
    QCOMPARE(summary->netMinor(), expected.incomeMinor - expected.expenseMinor);
    QCOMPARE(summary->count, expected.count);
    QCOMPARE(summary->leftOutIncome.size(), otherIncome.size());
    for (const CurrencyAmount& a : summary->leftOutIncome) {
        QCOMPARE(a.amountMinor, otherIncome.value(a.currency).first);
        QCOMPARE(a.count, otherIncome.value(a.currency).second);
    }
    QCOMPARE(summary->leftOutExpenses.size(), otherExpenses.size());
    for (const CurrencyAmount& a : summary->leftOutExpenses) {
        QCOMPARE(a.amountMinor, otherExpenses.value(a.currency).first);
        QCOMPARE(a.count, otherExpenses.value(a.currency).second);
    }
}

void TestDashboardQueries::largestExpenses()
{
    const DateRange range {QDate(2025, 9, 1), QDate(2025, 9, 30)};
    auto largest = m_queries->largestExpenses(m_alice, range, QStringLiteral("EUR"), 10);
    QVERIFY(largest);
    QList<Row> expected;
    for (const Row& row : rows(m_alice, range, QStringLiteral("EUR"))) {
        if (row.expense)
            expected << row;
    }
    std::sort(expected.begin(), expected.end(), [](const Row& a, const Row& b) {
        if (a.amount != b.amount)
            return a.amount > b.amount;
        return a.date != b.date ? a.date < b.date : a.id < b.id;
    });
    QVERIFY(expected.size() > 10);
    QCOMPARE(largest->size(), 10);
    for (int i = 0; i < 10; ++i) {
        QCOMPARE(largest->at(i).id, expected.at(i).id);
        QCOMPARE(largest->at(i).amount.minor(), expected.at(i).amount);
        QCOMPARE(largest->at(i).userId, m_alice);
    }
}

void TestDashboardQueries::emptyProfile()
{
    const qint64 carol = m_db->createUser(QStringLiteral("carol"));
    QVERIFY(carol > 0);
    const DateRange year {QDate(2025, 1, 1), QDate(2025, 12, 31)};
    auto categories = m_queries->spendingByCategory(carol, year, QStringLiteral("EUR"));
    QVERIFY(categories && categories->categories.isEmpty() && categories->leftOut.isEmpty());
    auto trend = m_queries->monthlyTrend(carol, QDate(2025, 12, 1), QStringLiteral("EUR"));
    QVERIFY(trend && trend->isEmpty() && trend->expenses.isEmpty());
    QCOMPARE(trend->netMinor, QList<qint64>(12, 0));
    auto daily = m_queries->dailySpending(carol, QDate(2025, 6, 1), QStringLiteral("EUR"));
    QVERIFY(daily && daily->totalMinor() == 0 && daily->perDayMinor.size() == 30);
    auto merchants = m_queries->topMerchants(carol, year, QStringLiteral("EUR"));
    QVERIFY(merchants && merchants->merchants.isEmpty());
    auto largest = m_queries->largestExpenses(carol, year, QStringLiteral("EUR"));
    QVERIFY(largest && largest->isEmpty());
    QVERIFY(!m_queries->monthlyTrend(carol, QDate(), QStringLiteral("EUR")));
}

void TestDashboardQueries::fewCategoriesHaveNoRest()
{
    const qint64 dave = m_db->createUser(QStringLiteral("dave"));
    const qint64 groceries = m_db->categoryId(dave, QStringLiteral("Groceries"));
    Transaction food = TestDatabase::expense(1250, QStringLiteral("Fresh Market"), QDate(2026, 3, 3));
    food.categoryId = groceries;
    QVERIFY(m_transactions->add(dave, food));
    QVERIFY(m_transactions->add(dave, TestDatabase::expense(400, QStringLiteral("Kiosk"), QDate(2026, 2, 27))));
    auto trend = m_queries->monthlyTrend(dave, QDate(2026, 3, 1), QStringLiteral("EUR"), 12, 6);
    QVERIFY(trend);
    QCOMPARE(trend->expenses.size(), 2);
    QCOMPARE(trend->expenses.at(0).categoryId, std::optional<qint64>(groceries));
    QCOMPARE(trend->expenses.at(0).perMonthMinor.last(), 1250);
    QVERIFY(!trend->expenses.at(1).categoryId.has_value()); // uncategorized is a series of its own
    QVERIFY(!trend->expenses.at(1).isRest);
    QCOMPARE(trend->expenses.at(1).perMonthMinor.at(10), 400);
    auto slices = m_queries->spendingByCategory(dave, {QDate(2026, 2, 1), QDate(2026, 3, 31)}, QStringLiteral("EUR"));
    QVERIFY(slices);
    QCOMPARE(slices->categories.size(), 2);
    QCOMPARE(slices->categories.at(1).categoryId, std::optional<qint64>());
    QCOMPARE(slices->categories.at(1).amountMinor, 400);
}

QTEST_GUILESS_MAIN(TestDashboardQueries)
#include "tst_dashboardqueries.moc"
