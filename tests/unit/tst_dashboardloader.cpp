#include "budget/budgetengine.h"
#include "dashboard/dashboardloader.h"
#include "db/budgetrepository.h"
#include "db/categoryrepository.h"
#include "db/transactionrepository.h"
#include "testdatabase.h"

#include <QTest>

using namespace Moniagent;
using Test::ManualClock;
using Test::TestDatabase;
using namespace Qt::StringLiterals;

// The dashboard's data for one month: the day it counts to, the pace line from the budgets, and that it hands
// on exactly what the queries and the budget engine say.
class TestDashboardLoader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pace_data();
    void pace();
    void allowance();
    void loadsTheMonth();
    void pastMonthCountsWhole();
    void refusesAnInvalidMonth();
};

namespace {

Budget budget(std::optional<qint64> category, qint64 minor, BudgetPeriod period, const QString& currency = u"EUR"_s)
{
    Budget b;
    b.categoryId = category;
    b.limit = Money::fromMinor(minor, currency);
    b.period = period;
    return b;
}

} // namespace

void TestDashboardLoader::pace_data()
{
    QTest::addColumn<QList<Budget>>("budgets");
    QTest::addColumn<QDate>("month");
    QTest::addColumn<int>("source");
    QTest::addColumn<qint64>("monthMinor");
    QTest::addColumn<int>("notCounted");
    QTest::newRow("none") << QList<Budget>() << QDate(2026, 11, 1) << int(BudgetPace::Source::None) << qint64(0) << 0;
    QTest::newRow("overall monthly") << QList<Budget> {budget({}, 100000, BudgetPeriod::Monthly),
                                                       budget(7, 20000, BudgetPeriod::Monthly)}
                                     << QDate(2026, 11, 1) << int(BudgetPace::Source::Overall) << qint64(100000) << 0;
    QTest::newRow("overall weekly, 31 days")
        << QList<Budget> {budget({}, 7000, BudgetPeriod::Weekly)} << QDate(2026, 10, 1)
        << int(BudgetPace::Source::Overall) << qint64(31000) << 0;
    QTest::newRow("overall yearly, February")
        << QList<Budget> {budget({}, 365000, BudgetPeriod::Yearly)} << QDate(2026, 2, 1)
        << int(BudgetPace::Source::Overall) << qint64(28000) << 0;
    QTest::newRow("overall yearly, leap February")
        << QList<Budget> {budget({}, 366000, BudgetPeriod::Yearly)} << QDate(2028, 2, 1)
        << int(BudgetPace::Source::Overall) << qint64(29000) << 0;
    QTest::newRow("category sum") << QList<Budget> {budget(3, 40000, BudgetPeriod::Monthly),
                                                    budget(4, 7000, BudgetPeriod::Weekly),
                                                    budget(5, 1000, BudgetPeriod::Monthly, u"USD"_s)}
                                  << QDate(2026, 9, 1) << int(BudgetPace::Source::CategorySum) << qint64(40000 + 30000)
                                  << 1;
    QTest::newRow("overall in another currency")
        << QList<Budget> {budget({}, 90000, BudgetPeriod::Monthly, u"USD"_s), budget(3, 40000, BudgetPeriod::Monthly)}
        << QDate(2026, 9, 1) << int(BudgetPace::Source::CategorySum) << qint64(40000) << 1;
    QTest::newRow("only other currencies") << QList<Budget> {budget(3, 40000, BudgetPeriod::Monthly, u"GBP"_s)}
                                           << QDate(2026, 9, 1) << int(BudgetPace::Source::None) << qint64(0) << 1;
}

void TestDashboardLoader::pace()
{
    QFETCH(QList<Budget>, budgets);
    QFETCH(QDate, month);
    QFETCH(int, source);
    QFETCH(qint64, monthMinor);
    QFETCH(int, notCounted);
    const BudgetPace pace = DashboardLoader::paceFor(budgets, month, Currency::fromCode(u"EUR"));
    QCOMPARE(int(pace.source), source);
    QCOMPARE(pace.monthMinor, monthMinor);
    QCOMPARE(pace.notCounted.size(), notCounted);
    QCOMPARE(pace.isAvailable(), source != int(BudgetPace::Source::None));
}

void TestDashboardLoader::allowance()
{
    BudgetPace pace;
    pace.source = BudgetPace::Source::Overall;
    pace.monthMinor = 100000;
    QCOMPARE(pace.allowanceBy(30, 30), 100000);
    QCOMPARE(pace.allowanceBy(15, 30), 50000);
    QCOMPARE(pace.allowanceBy(1, 30), 3333);
    QCOMPARE(pace.allowanceBy(0, 30), 0);
    QCOMPARE(pace.allowanceBy(40, 30), 100000);
    pace.monthMinor = 4'000'000'000'000'000; // no overflow on the way
    QCOMPARE(pace.allowanceBy(31, 31), 4'000'000'000'000'000);
}

void TestDashboardLoader::loadsTheMonth()
{
    TestDatabase db;
    const qint64 user = db.createUser(u"sam"_s);
    const qint64 groceries = db.categoryId(user, u"Groceries"_s);
    TransactionRepository transactions(db.database());
    CategoryRepository categories(db.database());
    BudgetRepository budgets(db.database());
    ManualClock clock(QDateTime(QDate(2026, 11, 22), QTime(12, 0), Qt::UTC));
    BudgetEngine engine(db.database(), &budgets, clock);

    Transaction food = TestDatabase::expense(8000, u"Fresh Market"_s, QDate(2026, 11, 3));
    food.categoryId = groceries;
    QVERIFY(transactions.add(user, food));
    QVERIFY(transactions.add(user, TestDatabase::expense(2500, u"Cafe"_s, QDate(2026, 11, 21))));
    QVERIFY(transactions.add(user, TestDatabase::expense(1100, u"Late"_s, QDate(2026, 11, 28)))); // after today
    QVERIFY(transactions.add(user, TestDatabase::expense(900, u"Abroad"_s, QDate(2026, 11, 5), u"USD"_s)));
    QVERIFY(transactions.add(user, TestDatabase::income(300000, u"Employer"_s, QDate(2026, 11, 1))));
    QVERIFY(transactions.add(user, TestDatabase::expense(5000, u"Fresh Market"_s, QDate(2026, 10, 9))));
    QVERIFY(budgets.add(user, budget(groceries, 20000, BudgetPeriod::Monthly)));
    QVERIFY(budgets.add(user, budget({}, 150000, BudgetPeriod::Monthly)));

    DashboardLoader loader(db.database(), &categories, &engine);
    DashboardRequest request;
    request.userId = user;
    request.month = QDate(2026, 11, 14);
    request.today = clock.today();
    request.currency = Currency::fromCode(u"EUR");
    auto data = loader.load(request);
    QVERIFY(data);
    QCOMPARE(data->month, QDate(2026, 11, 1));
    QCOMPARE(data->asOf, QDate(2026, 11, 22));
    QCOMPARE(data->lastCountedDay(), 22);
    QVERIFY(data->category(groceries));
    QCOMPARE(data->category(groceries)->name, u"Groceries"_s);
    // The month counts every row of the month (the 28th too); budgets count up to today.
    QCOMPARE(data->summary.expenseMinor, 8000 + 2500 + 1100);
    QCOMPARE(data->summary.incomeMinor, 300000);
    QCOMPARE(data->summary.count, 4);
    QCOMPARE(data->summary.leftOutExpenses.size(), 1);
    QCOMPARE(data->previousSummary.expenseMinor, 5000);
    QCOMPARE(data->byCategory.totalMinor(), 8000 + 2500 + 1100);
    QCOMPARE(data->trend.months.last(), QDate(2026, 11, 1));
    QCOMPARE(data->trend.expenseMinor.at(10), 5000);
    QCOMPARE(data->daily.perDayMinor.at(20), 2500);
    QCOMPARE(data->merchants.merchants.first().merchant, u"Fresh Market"_s);
    QCOMPARE(data->budgets.size(), 2);
    for (const BudgetStatus& status : data->budgets) {
        auto direct = engine.evaluate(user, status.budget, clock.today());
        QVERIFY(direct);
        QCOMPARE(status.spent, direct->spent);
        QCOMPARE(status.asOf, QDate(2026, 11, 22));
    }
    QCOMPARE(data->pace.source, BudgetPace::Source::Overall);
    QCOMPARE(data->pace.monthMinor, 150000);
    QVERIFY(data->largestExpenses.isEmpty()); // not asked for

    request.largestExpenses = 2;
    data = loader.load(request);
    QVERIFY(data);
    QCOMPARE(data->largestExpenses.size(), 2);
    QCOMPARE(data->largestExpenses.at(0).amount.minor(), 8000);
    QCOMPARE(data->largestExpenses.at(1).amount.minor(), 2500);
}

void TestDashboardLoader::pastMonthCountsWhole()
{
    TestDatabase db;
    const qint64 user = db.createUser(u"sam"_s);
    CategoryRepository categories(db.database());
    BudgetRepository budgets(db.database());
    ManualClock clock;
    BudgetEngine engine(db.database(), &budgets, clock);
    TransactionRepository transactions(db.database());
    QVERIFY(transactions.add(user, TestDatabase::expense(700, u"Kiosk"_s, QDate(2026, 9, 30))));
    QVERIFY(budgets.add(user, budget({}, 1000, BudgetPeriod::Monthly)));
    DashboardLoader loader(db.database(), &categories, &engine);
    DashboardRequest request {user, QDate(2026, 9, 1), clock.today(), Currency::fromCode(u"EUR")};
    auto data = loader.load(request);
    QVERIFY(data);
    QCOMPARE(data->asOf, QDate(2026, 9, 30));
    QCOMPARE(data->lastCountedDay(), 30);
    QCOMPARE(data->budgets.size(), 1);
    QCOMPARE(data->budgets.first().spent.minor(), 700);
    QCOMPARE(data->budgets.first().window.start, QDate(2026, 9, 1));
}

void TestDashboardLoader::refusesAnInvalidMonth()
{
    TestDatabase db;
    CategoryRepository categories(db.database());
    DashboardLoader loader(db.database(), &categories, nullptr);
    DashboardRequest request;
    request.userId = 1;
    request.currency = Currency::fromCode(u"EUR");
    auto data = loader.load(request);
    QVERIFY(!data);
    QCOMPARE(data.error().code, Error::Code::InvalidInput);
}

QTEST_GUILESS_MAIN(TestDashboardLoader)
#include "tst_dashboardloader.moc"
