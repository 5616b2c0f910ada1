#include "budget/budgetengine.h"
#include "db/budgetrepository.h"
#include "db/transactionrepository.h"
#include "testdatabase.h"
#include "testresult.h"

#include <QTest>

using namespace Moniagent;

// The budget engine: period windows across month ends, leap years, year boundaries and week starts; spent,
// remaining, pace, projection and state; other currencies listed but never added; history and suggestions;
// user scoping.
class TestBudgetEngine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void windows_data();
    void windows();
    void previousAndNext_data();
    void previousAndNext();
    void states_data();
    void states();
    void spentCountsExpensesOfTheCategoryInTheWindow();
    void overallBudgetCountsAllSpending();
    void spentIsCountedUpToTheDate();
    void paceAndProjection();
    void finishedAndFutureWindows();
    void otherCurrenciesAreListedNotCounted();
    void weeklyBudgetFollowsFirstDayOfWeek();
    void evaluateAllUsesTheClock();
    void historyGoesBackWholeWindows();
    void suggestion();
    void otherUsersSpendingIsNotCounted();

private:
    Budget addBudget(const QString& category, qint64 limit, BudgetPeriod period = BudgetPeriod::Monthly,
                     double threshold = 0.8, const QString& currency = QStringLiteral("EUR"));
    void spend(const QString& category, qint64 minor, QDate date, const QString& currency = QStringLiteral("EUR"),
               qint64 user = 0);

    std::unique_ptr<Test::TestDatabase> m_db;
    std::unique_ptr<BudgetRepository> m_budgets;
    std::unique_ptr<TransactionRepository> m_transactions;
    std::unique_ptr<BudgetEngine> m_engine;
    Test::ManualClock m_clock {QDateTime(QDate(2026, 11, 15), QTime(12, 0), Qt::UTC)};
    qint64 m_alice = 0;
    qint64 m_bob = 0;
};

void TestBudgetEngine::init()
{
    m_db = std::make_unique<Test::TestDatabase>();
    QVERIFY(m_db->isValid());
    m_alice = m_db->createUser(QStringLiteral("alice"));
    m_bob = m_db->createUser(QStringLiteral("bob"));
    QVERIFY(m_alice && m_bob);
    m_budgets = std::make_unique<BudgetRepository>(m_db->database());
    m_transactions = std::make_unique<TransactionRepository>(m_db->database());
    m_engine = std::make_unique<BudgetEngine>(m_db->database(), m_budgets.get(), m_clock);
}

void TestBudgetEngine::cleanup()
{
    m_engine.reset();
    m_transactions.reset();
    m_budgets.reset();
    m_db.reset();
}

Budget TestBudgetEngine::addBudget(const QString& category, qint64 limit, BudgetPeriod period, double threshold,
                                   const QString& currency)
{
    Budget b;
    if (!category.isEmpty())
        b.categoryId = m_db->categoryId(m_alice, category);
    b.limit = Money::fromMinor(limit, currency);
    b.period = period;
    b.alertThreshold = threshold;
    auto id = m_budgets->add(m_alice, b);
    if (!id) {
        qWarning() << id.error().toString();
        return {};
    }
    b.id = *id;
    b.userId = m_alice;
    return b;
}

void TestBudgetEngine::spend(const QString& category, qint64 minor, QDate date, const QString& currency, qint64 user)
{
    if (user == 0)
        user = m_alice;
    Transaction t = Test::TestDatabase::expense(minor, QStringLiteral("Shop"), date, currency);
    if (!category.isEmpty())
        t.categoryId = m_db->categoryId(user, category);
    auto id = m_transactions->add(user, t);
    if (!id)
        qWarning() << id.error().toString();
}

void TestBudgetEngine::windows_data()
{
    QTest::addColumn<int>("period");
    QTest::addColumn<QDate>("date");
    QTest::addColumn<int>("firstDay");
    QTest::addColumn<QDate>("start");
    QTest::addColumn<QDate>("end");

    const int monthly = int(BudgetPeriod::Monthly);
    const int weekly = int(BudgetPeriod::Weekly);
    const int yearly = int(BudgetPeriod::Yearly);
    QTest::newRow("month middle") << monthly << QDate(2026, 11, 15) << 1 << QDate(2026, 11, 1) << QDate(2026, 11, 30);
    QTest::newRow("month first day") << monthly << QDate(2026, 12, 1) << 1 << QDate(2026, 12, 1) << QDate(2026, 12, 31);
    QTest::newRow("month last day") << monthly << QDate(2026, 4, 30) << 1 << QDate(2026, 4, 1) << QDate(2026, 4, 30);
    QTest::newRow("february leap") << monthly << QDate(2028, 2, 29) << 1 << QDate(2028, 2, 1) << QDate(2028, 2, 29);
    QTest::newRow("february common") << monthly << QDate(2027, 2, 10) << 1 << QDate(2027, 2, 1) << QDate(2027, 2, 28);
    QTest::newRow("february 1900 not leap")
        << monthly << QDate(1900, 2, 28) << 1 << QDate(1900, 2, 1) << QDate(1900, 2, 28);
    QTest::newRow("year") << yearly << QDate(2026, 6, 30) << 1 << QDate(2026, 1, 1) << QDate(2026, 12, 31);
    QTest::newRow("year last day") << yearly << QDate(2026, 12, 31) << 1 << QDate(2026, 1, 1) << QDate(2026, 12, 31);
    // 2026-11-15 is a Sunday.
    QTest::newRow("week monday start, sunday")
        << weekly << QDate(2026, 11, 15) << int(Qt::Monday) << QDate(2026, 11, 9) << QDate(2026, 11, 15);
    QTest::newRow("week sunday start, sunday")
        << weekly << QDate(2026, 11, 15) << int(Qt::Sunday) << QDate(2026, 11, 15) << QDate(2026, 11, 21);
    QTest::newRow("week saturday start") << weekly << QDate(2026, 11, 13) << int(Qt::Saturday) << QDate(2026, 11, 7)
                                         << QDate(2026, 11, 13);
    QTest::newRow("week across year end")
        << weekly << QDate(2027, 1, 1) << int(Qt::Monday) << QDate(2026, 12, 28) << QDate(2027, 1, 3);
    QTest::newRow("week across month end")
        << weekly << QDate(2026, 12, 1) << int(Qt::Sunday) << QDate(2026, 11, 29) << QDate(2026, 12, 5);
    QTest::newRow("week over leap day") << weekly << QDate(2028, 3, 1) << int(Qt::Monday) << QDate(2028, 2, 28)
                                        << QDate(2028, 3, 5);
}

void TestBudgetEngine::windows()
{
    QFETCH(int, period);
    QFETCH(QDate, date);
    QFETCH(int, firstDay);
    QFETCH(QDate, start);
    QFETCH(QDate, end);
    const BudgetWindow window = BudgetWindow::containing(BudgetPeriod(period), date, Qt::DayOfWeek(firstDay));
    QCOMPARE(window.start, start);
    QCOMPARE(window.end, end);
    QVERIFY(window.contains(date));
    QCOMPARE(window.days(), start.daysTo(end) + 1);
    QVERIFY(!BudgetWindow::containing(BudgetPeriod(period), QDate(), Qt::Monday).isValid());
}

void TestBudgetEngine::previousAndNext_data()
{
    QTest::addColumn<int>("period");
    QTest::addColumn<QDate>("date");
    QTest::addColumn<QDate>("previousStart");
    QTest::addColumn<QDate>("previousEnd");
    QTest::addColumn<QDate>("nextStart");
    QTest::addColumn<QDate>("nextEnd");
    QTest::newRow("march to february of a leap year")
        << int(BudgetPeriod::Monthly) << QDate(2028, 3, 31) << QDate(2028, 2, 1) << QDate(2028, 2, 29)
        << QDate(2028, 4, 1) << QDate(2028, 4, 30);
    QTest::newRow("january to december") << int(BudgetPeriod::Monthly) << QDate(2027, 1, 31) << QDate(2026, 12, 1)
                                         << QDate(2026, 12, 31) << QDate(2027, 2, 1) << QDate(2027, 2, 28);
    QTest::newRow("weeks across the year") << int(BudgetPeriod::Weekly) << QDate(2026, 12, 30) << QDate(2026, 12, 21)
                                           << QDate(2026, 12, 27) << QDate(2027, 1, 4) << QDate(2027, 1, 10);
    QTest::newRow("years") << int(BudgetPeriod::Yearly) << QDate(2028, 2, 29) << QDate(2027, 1, 1)
                           << QDate(2027, 12, 31) << QDate(2029, 1, 1) << QDate(2029, 12, 31);
}

void TestBudgetEngine::previousAndNext()
{
    QFETCH(int, period);
    QFETCH(QDate, date);
    QFETCH(QDate, previousStart);
    QFETCH(QDate, previousEnd);
    QFETCH(QDate, nextStart);
    QFETCH(QDate, nextEnd);
    const auto p = BudgetPeriod(period);
    const BudgetWindow window = BudgetWindow::containing(p, date, Qt::Monday);
    QCOMPARE(BudgetWindow::previous(p, window, Qt::Monday), (BudgetWindow {previousStart, previousEnd}));
    QCOMPARE(BudgetWindow::next(p, window, Qt::Monday), (BudgetWindow {nextStart, nextEnd}));
    QCOMPARE(BudgetWindow::next(p, BudgetWindow::previous(p, window, Qt::Monday), Qt::Monday), window);
}

void TestBudgetEngine::states_data()
{
    QTest::addColumn<qint64>("spent");
    QTest::addColumn<qint64>("limit");
    QTest::addColumn<double>("threshold");
    QTest::addColumn<int>("state");
    QTest::newRow("nothing") << qint64(0) << qint64(1000) << 0.8 << int(BudgetState::Ok);
    QTest::newRow("just below") << qint64(799) << qint64(1000) << 0.8 << int(BudgetState::Ok);
    QTest::newRow("at threshold") << qint64(800) << qint64(1000) << 0.8 << int(BudgetState::Warning);
    QTest::newRow("threshold rounds up") << qint64(800) << qint64(1001) << 0.8 << int(BudgetState::Ok);
    QTest::newRow("threshold rounds up, reached") << qint64(801) << qint64(1001) << 0.8 << int(BudgetState::Warning);
    QTest::newRow("exactly the limit") << qint64(1000) << qint64(1000) << 0.8 << int(BudgetState::Warning);
    QTest::newRow("over") << qint64(1001) << qint64(1000) << 0.8 << int(BudgetState::Exceeded);
    QTest::newRow("threshold zero warns on first cent")
        << qint64(1) << qint64(1000) << 0.0 << int(BudgetState::Warning);
    QTest::newRow("threshold zero, nothing spent") << qint64(0) << qint64(1000) << 0.0 << int(BudgetState::Ok);
    QTest::newRow("threshold one") << qint64(999) << qint64(1000) << 1.0 << int(BudgetState::Ok);
}

void TestBudgetEngine::states()
{
    QFETCH(qint64, spent);
    QFETCH(qint64, limit);
    QFETCH(double, threshold);
    QFETCH(int, state);
    QCOMPARE(int(BudgetStates::stateFor(spent, limit, threshold)), state);
}

void TestBudgetEngine::spentCountsExpensesOfTheCategoryInTheWindow()
{
    const Budget groceries = addBudget(QStringLiteral("Groceries"), 40000);
    QVERIFY(groceries.id);
    spend(QStringLiteral("Groceries"), 12000, QDate(2026, 11, 1));
    spend(QStringLiteral("Groceries"), 3050, QDate(2026, 11, 15));
    spend(QStringLiteral("Groceries"), 9999, QDate(2026, 10, 31)); // before the window
    spend(QStringLiteral("Transport & Car"), 5000, QDate(2026, 11, 3)); // another category
    Transaction refund = Test::TestDatabase::income(2000, QStringLiteral("Shop"), QDate(2026, 11, 4));
    refund.categoryId = m_db->categoryId(m_alice, QStringLiteral("Groceries"));
    MONIAGENT_VERIFY_OK(m_transactions->add(m_alice, refund)); // income is not spending

    auto status = m_engine->evaluate(m_alice, groceries, QDate(2026, 11, 15));
    MONIAGENT_VERIFY_OK(status);
    QCOMPARE(status->window, (BudgetWindow {QDate(2026, 11, 1), QDate(2026, 11, 30)}));
    QCOMPARE(status->spent, Money::fromMinor(15050, u"EUR"));
    QCOMPARE(status->rowCount, qint64(2));
    QCOMPARE(status->remaining(), Money::fromMinor(24950, u"EUR"));
    QCOMPARE(status->used(), 15050.0 / 40000.0);
    QCOMPARE(status->state, BudgetState::Ok);
    QVERIFY(status->notCounted.isEmpty());

    spend(QStringLiteral("Groceries"), 20000, QDate(2026, 11, 10));
    status = m_engine->evaluate(m_alice, groceries, QDate(2026, 11, 15));
    MONIAGENT_VERIFY_OK(status);
    QCOMPARE(status->state, BudgetState::Warning);
    spend(QStringLiteral("Groceries"), 4951, QDate(2026, 11, 12));
    status = m_engine->evaluate(m_alice, groceries, QDate(2026, 11, 15));
    MONIAGENT_VERIFY_OK(status);
    QCOMPARE(status->spent.minor(), qint64(40001));
    QCOMPARE(status->state, BudgetState::Exceeded);
    QCOMPARE(status->remaining().minor(), qint64(-1));
}

void TestBudgetEngine::overallBudgetCountsAllSpending()
{
    const Budget overall = addBudget(QString(), 100000);
    spend(QStringLiteral("Groceries"), 1000, QDate(2026, 11, 2));
    spend(QStringLiteral("Transport & Car"), 2000, QDate(2026, 11, 3));
    spend(QString(), 300, QDate(2026, 11, 4)); // uncategorized spending counts too
    auto status = m_engine->evaluate(m_alice, overall, QDate(2026, 11, 20));
    MONIAGENT_VERIFY_OK(status);
    QCOMPARE(status->spent.minor(), qint64(3300));
    QCOMPARE(status->rowCount, qint64(3));
}

void TestBudgetEngine::spentIsCountedUpToTheDate()
{
    const Budget groceries = addBudget(QStringLiteral("Groceries"), 40000);
    spend(QStringLiteral("Groceries"), 1000, QDate(2026, 11, 5));
    spend(QStringLiteral("Groceries"), 2000, QDate(2026, 11, 6));
    spend(QStringLiteral("Groceries"), 4000, QDate(2026, 11, 30));
    auto status = m_engine->evaluate(m_alice, groceries, QDate(2026, 11, 5));
    MONIAGENT_VERIFY_OK(status);
    QCOMPARE(status->spent.minor(), qint64(1000));
    status = m_engine->evaluate(m_alice, groceries, QDate(2026, 11, 30));
    MONIAGENT_VERIFY_OK(status);
    QCOMPARE(status->spent.minor(), qint64(7000));
}

void TestBudgetEngine::paceAndProjection()
{
    const Budget groceries = addBudget(QStringLiteral("Groceries"), 30000);
    spend(QStringLiteral("Groceries"), 10000, QDate(2026, 11, 3));
    // Day 10 of 30: a third of the month has gone; 100.00 in 10 days projects to 300.00.
    auto status = m_engine->evaluate(m_alice, groceries, QDate(2026, 11, 10));
    MONIAGENT_VERIFY_OK(status);
    QCOMPARE(status->elapsedDays(), qint64(10));
    QCOMPARE(status->pace(), 10.0 / 30.0);
    QCOMPARE(status->projected(), Money::fromMinor(30000, u"EUR"));
    QVERIFY(!status->projectedOver());
    spend(QStringLiteral("Groceries"), 1, QDate(2026, 11, 10));
    status = m_engine->evaluate(m_alice, groceries, QDate(2026, 11, 10));
    MONIAGENT_VERIFY_OK(status);
    QCOMPARE(status->projected().minor(), qint64(30003)); // 10001 × 30 / 10
    QVERIFY(status->projectedOver());
    // Projections round to the minor unit: by the 7th only 100.00 was spent, 10000 × 30 / 7 = 42857.14.
    status = m_engine->evaluate(m_alice, groceries, QDate(2026, 11, 7));
    MONIAGENT_VERIFY_OK(status);
    QCOMPARE(status->projected().minor(), qint64(42857));
    // The first day of the window: one day elapsed.
    status = m_engine->evaluate(m_alice, groceries, QDate(2026, 11, 1));
    MONIAGENT_VERIFY_OK(status);
    QCOMPARE(status->pace(), 1.0 / 30.0);
    QCOMPARE(status->projected().minor(), qint64(0));
}

void TestBudgetEngine::finishedAndFutureWindows()
{
    const Budget groceries = addBudget(QStringLiteral("Groceries"), 30000);
    spend(QStringLiteral("Groceries"), 10000, QDate(2026, 10, 3));
    spend(QStringLiteral("Groceries"), 500, QDate(2026, 12, 3));
    const BudgetWindow october {QDate(2026, 10, 1), QDate(2026, 10, 31)};
    auto past = m_engine->evaluateWindow(m_alice, groceries, october, QDate(2026, 11, 15));
    MONIAGENT_VERIFY_OK(past);
    QCOMPARE(past->asOf, QDate(2026, 10, 31));
    QCOMPARE(past->pace(), 1.0);
    QCOMPARE(past->projected(), past->spent);
    QCOMPARE(past->spent.minor(), qint64(10000));
    const BudgetWindow december {QDate(2026, 12, 1), QDate(2026, 12, 31)};
    auto future = m_engine->evaluateWindow(m_alice, groceries, december, QDate(2026, 11, 15));
    MONIAGENT_VERIFY_OK(future);
    QCOMPARE(future->spent.minor(), qint64(0)); // nothing counted before the window starts
    QCOMPARE(future->pace(), 0.0);
    QCOMPARE(future->state, BudgetState::Ok);
}

void TestBudgetEngine::otherCurrenciesAreListedNotCounted()
{
    const Budget groceries = addBudget(QStringLiteral("Groceries"), 30000);
    spend(QStringLiteral("Groceries"), 10000, QDate(2026, 11, 3));
    spend(QStringLiteral("Groceries"), 2500, QDate(2026, 11, 4), QStringLiteral("USD"));
    spend(QStringLiteral("Groceries"), 500, QDate(2026, 11, 5), QStringLiteral("USD"));
    spend(QStringLiteral("Groceries"), 90000, QDate(2026, 11, 6), QStringLiteral("JPY"));
    auto status = m_engine->evaluate(m_alice, groceries, QDate(2026, 11, 15));
    MONIAGENT_VERIFY_OK(status);
    QCOMPARE(status->spent.minor(), qint64(10000));
    QCOMPARE(status->notCounted.size(), 2);
    QCOMPARE(status->notCounted.at(0), Money::fromMinor(90000, u"JPY"));
    QCOMPARE(status->notCounted.at(1), Money::fromMinor(3000, u"USD"));
    // A budget in dollars counts the dollars and lists the euros.
    MONIAGENT_VERIFY_OK(m_budgets->remove(m_alice, groceries.id));
    const Budget dollars
        = addBudget(QStringLiteral("Groceries"), 5000, BudgetPeriod::Monthly, 0.8, QStringLiteral("USD"));
    status = m_engine->evaluate(m_alice, dollars, QDate(2026, 11, 15));
    MONIAGENT_VERIFY_OK(status);
    QCOMPARE(status->spent, Money::fromMinor(3000, u"USD"));
    QCOMPARE(status->notCounted.size(), 2);
    QCOMPARE(status->notCounted.at(0), Money::fromMinor(10000, u"EUR"));
}

void TestBudgetEngine::weeklyBudgetFollowsFirstDayOfWeek()
{
    const Budget weekly = addBudget(QStringLiteral("Groceries"), 10000, BudgetPeriod::Weekly);
    spend(QStringLiteral("Groceries"), 100, QDate(2026, 11, 8)); // Sunday
    spend(QStringLiteral("Groceries"), 200, QDate(2026, 11, 9)); // Monday
    spend(QStringLiteral("Groceries"), 400, QDate(2026, 11, 14)); // Saturday
    spend(QStringLiteral("Groceries"), 800, QDate(2026, 11, 15)); // Sunday
    // Monday start: the week of Saturday 14th is 9th–15th, counted up to the 14th.
    auto status = m_engine->evaluate(m_alice, weekly, QDate(2026, 11, 14));
    MONIAGENT_VERIFY_OK(status);
    QCOMPARE(status->window, (BudgetWindow {QDate(2026, 11, 9), QDate(2026, 11, 15)}));
    QCOMPARE(status->spent.minor(), qint64(600));
    QCOMPARE(status->elapsedDays(), qint64(6));
    // Sunday start (en_US): the week is 8th–14th.
    m_engine->setFirstDayOfWeek(Qt::Sunday);
    status = m_engine->evaluate(m_alice, weekly, QDate(2026, 11, 14));
    MONIAGENT_VERIFY_OK(status);
    QCOMPARE(status->window, (BudgetWindow {QDate(2026, 11, 8), QDate(2026, 11, 14)}));
    QCOMPARE(status->spent.minor(), qint64(700));
    QCOMPARE(status->pace(), 1.0);
}

void TestBudgetEngine::evaluateAllUsesTheClock()
{
    const Budget overall = addBudget(QString(), 100000);
    const Budget groceries = addBudget(QStringLiteral("Groceries"), 40000);
    spend(QStringLiteral("Groceries"), 1000, QDate(2026, 11, 2));
    spend(QStringLiteral("Groceries"), 7000, QDate(2026, 12, 2));
    auto all = m_engine->evaluateAll(m_alice);
    MONIAGENT_VERIFY_OK(all);
    QCOMPARE(all->size(), 2);
    QCOMPARE(all->at(0).budget.id, overall.id);
    QCOMPARE(all->at(1).budget.id, groceries.id);
    QCOMPARE(all->at(1).asOf, QDate(2026, 11, 15));
    QCOMPARE(all->at(1).spent.minor(), qint64(1000));
    m_clock.set(QDateTime(QDate(2026, 12, 31), QTime(23, 0), Qt::UTC));
    all = m_engine->evaluateAll(m_alice);
    MONIAGENT_VERIFY_OK(all);
    QCOMPARE(all->at(1).window.start, QDate(2026, 12, 1));
    QCOMPARE(all->at(1).spent.minor(), qint64(7000));
    QCOMPARE(all->at(0).spent.minor(), qint64(7000));
}

void TestBudgetEngine::historyGoesBackWholeWindows()
{
    const Budget groceries = addBudget(QStringLiteral("Groceries"), 40000);
    spend(QStringLiteral("Groceries"), 100, QDate(2026, 10, 31));
    spend(QStringLiteral("Groceries"), 200, QDate(2026, 9, 1));
    spend(QStringLiteral("Groceries"), 50000, QDate(2026, 8, 15));
    spend(QStringLiteral("Groceries"), 999, QDate(2026, 11, 2)); // the current window is not history
    auto history = m_engine->history(m_alice, groceries, 4, QDate(2026, 11, 15));
    MONIAGENT_VERIFY_OK(history);
    QCOMPARE(history->size(), 4);
    QCOMPARE(history->at(0).window.start, QDate(2026, 10, 1));
    QCOMPARE(history->at(0).spent.minor(), qint64(100));
    QCOMPARE(history->at(1).spent.minor(), qint64(200));
    QCOMPARE(history->at(2).window, (BudgetWindow {QDate(2026, 8, 1), QDate(2026, 8, 31)}));
    QCOMPARE(history->at(2).state, BudgetState::Exceeded);
    QCOMPARE(history->at(3).spent.minor(), qint64(0));
    QCOMPARE(history->at(3).window.start, QDate(2026, 7, 1));
}

void TestBudgetEngine::suggestion()
{
    const qint64 groceries = m_db->categoryId(m_alice, QStringLiteral("Groceries"));
    auto none = m_engine->suggestLimit(m_alice, groceries, BudgetPeriod::Monthly, Currency::fromCode(u"EUR"),
                                       QDate(2026, 11, 15));
    MONIAGENT_VERIFY_OK(none);
    QVERIFY(!none->has_value());
    spend(QStringLiteral("Groceries"), 30000, QDate(2026, 8, 10));
    spend(QStringLiteral("Groceries"), 10000, QDate(2026, 9, 10));
    spend(QStringLiteral("Groceries"), 20001, QDate(2026, 10, 10));
    spend(QStringLiteral("Groceries"), 20001, QDate(2026, 10, 10), QStringLiteral("USD")); // other currency
    spend(QStringLiteral("Groceries"), 99999, QDate(2026, 7, 31)); // before the three months
    spend(QStringLiteral("Groceries"), 99999, QDate(2026, 11, 1)); // the current month
    auto suggested = m_engine->suggestLimit(m_alice, groceries, BudgetPeriod::Monthly, Currency::fromCode(u"EUR"),
                                            QDate(2026, 11, 15));
    MONIAGENT_VERIFY_OK(suggested);
    QVERIFY(suggested->has_value());
    // (300.00 + 100.00 + 200.01) / 3 = 200.0033…, rounded up to a whole euro.
    QCOMPARE(**suggested, Money::fromMinor(20100, u"EUR"));
    // Yen have no minor unit: rounding up to a whole yen.
    spend(QStringLiteral("Groceries"), 1000, QDate(2026, 10, 10), QStringLiteral("JPY"));
    auto yen = m_engine->suggestLimit(m_alice, groceries, BudgetPeriod::Monthly, Currency::fromCode(u"JPY"),
                                      QDate(2026, 11, 15));
    MONIAGENT_VERIFY_OK(yen);
    QCOMPARE(**yen, Money::fromMinor(334, u"JPY"));
    // All spending over three weeks.
    auto weekly = m_engine->suggestLimit(m_alice, std::nullopt, BudgetPeriod::Weekly, Currency::fromCode(u"EUR"),
                                         QDate(2026, 10, 20));
    MONIAGENT_VERIFY_OK(weekly);
    // Sep 28 – Oct 18 hold only the 200.01 of Oct 10: 66.67 a week, rounded up to 67.00.
    QCOMPARE(**weekly, Money::fromMinor(6700, u"EUR"));
}

void TestBudgetEngine::otherUsersSpendingIsNotCounted()
{
    const Budget overall = addBudget(QString(), 100000);
    spend(QStringLiteral("Groceries"), 1000, QDate(2026, 11, 2));
    spend(QStringLiteral("Groceries"), 50000, QDate(2026, 11, 2), QStringLiteral("EUR"), m_bob);
    auto status = m_engine->evaluate(m_alice, overall, QDate(2026, 11, 15));
    MONIAGENT_VERIFY_OK(status);
    QCOMPARE(status->spent.minor(), qint64(1000));
    // Bob evaluating alice's budget sees none of alice's spending and none of his own is mixed in either.
    auto all = m_engine->evaluateAll(m_bob, QDate(2026, 11, 15));
    MONIAGENT_VERIFY_OK(all);
    QVERIFY(all->isEmpty());
}

QTEST_GUILESS_MAIN(TestBudgetEngine)
#include "tst_budgetengine.moc"
