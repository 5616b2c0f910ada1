#include "db/budgetalertrepository.h"
#include "db/budgetrepository.h"
#include "db/sql.h"
#include "testdatabase.h"
#include "testresult.h"

#include <QSignalSpy>
#include <QTest>

using namespace Moniagent;

// Budget alerts: at most one per budget, period and level; seen/unseen bookkeeping; the schema's checks;
// cascades; and scoping through the owning budget.
class TestBudgetAlertRepository : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void recordOncePerBudgetPeriodAndLevel();
    void recordValidation();
    void listAndSeen();
    void schemaRefusesBadRows_data();
    void schemaRefusesBadRows();
    void cascades();
    void userScoping();

private:
    qint64 addBudget(qint64 userId, const QString& category);
    qint64 count(const QString& sql, const QVariantList& params = {}) const;

    std::unique_ptr<Test::TestDatabase> m_db;
    std::unique_ptr<BudgetAlertRepository> m_alerts;
    qint64 m_alice = 0;
    qint64 m_bob = 0;
    qint64 m_aliceBudget = 0;
    qint64 m_bobBudget = 0;
    const QDate m_march = QDate(2026, 3, 1);
    const QDate m_april = QDate(2026, 4, 1);
};

void TestBudgetAlertRepository::init()
{
    m_db = std::make_unique<Test::TestDatabase>();
    QVERIFY(m_db->isValid());
    m_alice = m_db->createUser(QStringLiteral("alice"));
    m_bob = m_db->createUser(QStringLiteral("bob"));
    QVERIFY(m_alice && m_bob);
    m_alerts = std::make_unique<BudgetAlertRepository>(m_db->database());
    m_aliceBudget = addBudget(m_alice, QStringLiteral("Groceries"));
    m_bobBudget = addBudget(m_bob, QStringLiteral("Groceries"));
    QVERIFY(m_aliceBudget && m_bobBudget);
}

void TestBudgetAlertRepository::cleanup()
{
    m_alerts.reset();
    m_db.reset();
}

qint64 TestBudgetAlertRepository::addBudget(qint64 userId, const QString& category)
{
    BudgetRepository budgets(m_db->database());
    Budget b;
    if (!category.isEmpty())
        b.categoryId = m_db->categoryId(userId, category);
    b.limit = Money::fromMinor(30000, u"EUR");
    auto id = budgets.add(userId, b);
    return id ? *id : 0;
}

qint64 TestBudgetAlertRepository::count(const QString& sql, const QVariantList& params) const
{
    auto value = Sql::scalar(m_db->database()->connection(), sql, params);
    return value ? value->toLongLong() : -1;
}

void TestBudgetAlertRepository::recordOncePerBudgetPeriodAndLevel()
{
    QSignalSpy changed(m_alerts.get(), &BudgetAlertRepository::changed);
    auto first = m_alerts->record(m_alice, m_aliceBudget, m_march, BudgetAlertLevel::Warning);
    MONIAGENT_VERIFY_OK(first);
    QCOMPARE(*first, true);
    QCOMPARE(changed.count(), 1);

    auto again = m_alerts->record(m_alice, m_aliceBudget, m_march, BudgetAlertLevel::Warning);
    MONIAGENT_VERIFY_OK(again);
    QCOMPARE(*again, false); // already raised: not an error, and no new notification
    QCOMPARE(changed.count(), 1);

    QCOMPARE(*m_alerts->record(m_alice, m_aliceBudget, m_march, BudgetAlertLevel::Exceeded), true);
    QCOMPARE(*m_alerts->record(m_alice, m_aliceBudget, m_april, BudgetAlertLevel::Warning), true);
    const qint64 overall = addBudget(m_alice, QString());
    QCOMPARE(*m_alerts->record(m_alice, overall, m_march, BudgetAlertLevel::Warning), true);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM budget_alerts")), qint64(4));

    auto alerts = m_alerts->list(m_alice);
    MONIAGENT_VERIFY_OK(alerts);
    QCOMPARE(alerts->size(), 4);
    const BudgetAlert& newest = alerts->first();
    QCOMPARE(newest.budgetId, overall);
    QCOMPARE(newest.periodStart, m_march);
    QCOMPARE(newest.level, BudgetAlertLevel::Warning);
    QVERIFY(newest.createdAt.isValid());
    QVERIFY(!newest.isSeen());
}

void TestBudgetAlertRepository::recordValidation()
{
    auto noDate = m_alerts->record(m_alice, m_aliceBudget, QDate(), BudgetAlertLevel::Warning);
    QVERIFY(!noDate);
    QCOMPARE(noDate.error().code, Error::Code::InvalidInput);
    QCOMPARE(noDate.error().message, QStringLiteral("The budget period has no valid start date."));
    auto badLevel = m_alerts->record(m_alice, m_aliceBudget, m_march, BudgetAlertLevel(5));
    QCOMPARE(badLevel.error().message, QStringLiteral("The budget alert has an unknown level."));
    auto noBudget = m_alerts->record(m_alice, 987654, m_march, BudgetAlertLevel::Warning);
    QCOMPARE(noBudget.error().code, Error::Code::NotFound);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM budget_alerts")), qint64(0));
}

void TestBudgetAlertRepository::listAndSeen()
{
    QVERIFY(m_alerts->record(m_alice, m_aliceBudget, m_march, BudgetAlertLevel::Warning));
    QVERIFY(m_alerts->record(m_alice, m_aliceBudget, m_march, BudgetAlertLevel::Exceeded));
    QVERIFY(m_alerts->record(m_alice, m_aliceBudget, m_april, BudgetAlertLevel::Warning));
    QCOMPARE(*m_alerts->unseenCount(m_alice), qint64(3));
    const QList<BudgetAlert> all = *m_alerts->list(m_alice);
    QCOMPARE(all.size(), 3);
    QCOMPARE(all.at(0).periodStart, m_april); // newest first
    QCOMPARE(all.at(2).level, BudgetAlertLevel::Warning);

    QSignalSpy changed(m_alerts.get(), &BudgetAlertRepository::changed);
    auto marked = m_alerts->markSeen(m_alice, {all.at(0).id, all.at(1).id});
    MONIAGENT_VERIFY_OK(marked);
    QCOMPARE(*marked, qint64(2));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(*m_alerts->unseenCount(m_alice), qint64(1));
    const QList<BudgetAlert> unseen = *m_alerts->list(m_alice, true);
    QCOMPARE(unseen.size(), 1);
    QCOMPARE(unseen.first().id, all.at(2).id);
    QVERIFY(m_alerts->list(m_alice)->first().isSeen());

    // Marking again changes nothing and keeps the first time seen.
    const QDateTime seenAt = m_alerts->list(m_alice)->first().seenAt;
    QCOMPARE(*m_alerts->markSeen(m_alice, {all.at(0).id}), qint64(0));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(m_alerts->list(m_alice)->first().seenAt, seenAt);
    QCOMPARE(*m_alerts->markSeen(m_alice, {}), qint64(0));

    // Long id lists are split across statements.
    QList<qint64> many;
    for (qint64 id = 1; id <= 1200; ++id)
        many << id;
    QCOMPARE(*m_alerts->markSeen(m_alice, many), qint64(1));
    QCOMPARE(*m_alerts->unseenCount(m_alice), qint64(0));

    QVERIFY(m_alerts->record(m_alice, m_aliceBudget, QDate(2026, 5, 1), BudgetAlertLevel::Warning));
    QVERIFY(m_alerts->record(m_alice, m_aliceBudget, QDate(2026, 6, 1), BudgetAlertLevel::Warning));
    QCOMPARE(*m_alerts->markAllSeen(m_alice), qint64(2));
    QCOMPARE(*m_alerts->markAllSeen(m_alice), qint64(0));
    QCOMPARE(m_alerts->list(m_alice, true)->size(), 0);
}

void TestBudgetAlertRepository::schemaRefusesBadRows_data()
{
    QTest::addColumn<QString>("periodStart");
    QTest::addColumn<QString>("level");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("control") << QStringLiteral("2026-03-01") << QStringLiteral("warning") << true;
    QTest::newRow("bad level") << QStringLiteral("2026-03-01") << QStringLiteral("critical") << false;
    QTest::newRow("upper-case level") << QStringLiteral("2026-03-01") << QStringLiteral("WARNING") << false;
    QTest::newRow("timestamp") << QStringLiteral("2026-03-01T00:00:00") << QStringLiteral("warning") << false;
    QTest::newRow("garbage date") << QStringLiteral("March") << QStringLiteral("warning") << false;
}

void TestBudgetAlertRepository::schemaRefusesBadRows()
{
    QFETCH(QString, periodStart);
    QFETCH(QString, level);
    QFETCH(bool, accepted);
    auto result
        = Sql::exec(m_db->database()->connection(),
                    QStringLiteral("INSERT INTO budget_alerts (budget_id, period_start, level) VALUES (?, ?, ?)"),
                    {m_aliceBudget, periodStart, level});
    QCOMPARE(result.ok(), accepted);
    if (accepted) {
        // The unique key: the same alert twice is refused by the schema itself.
        auto duplicate
            = Sql::exec(m_db->database()->connection(),
                        QStringLiteral("INSERT INTO budget_alerts (budget_id, period_start, level) VALUES (?, ?, ?)"),
                        {m_aliceBudget, periodStart, level});
        QVERIFY(!duplicate);
        QCOMPARE(duplicate.error().code, Error::Code::Conflict);
    }
}

void TestBudgetAlertRepository::cascades()
{
    BudgetRepository budgets(m_db->database());
    const qint64 overall = addBudget(m_alice, QString());
    QVERIFY(m_alerts->record(m_alice, m_aliceBudget, m_march, BudgetAlertLevel::Warning));
    QVERIFY(m_alerts->record(m_alice, overall, m_march, BudgetAlertLevel::Warning));
    QVERIFY(m_alerts->record(m_bob, m_bobBudget, m_march, BudgetAlertLevel::Warning));

    QVERIFY(budgets.remove(m_alice, m_aliceBudget));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM budget_alerts WHERE budget_id = ?"), {m_aliceBudget}),
             qint64(0));
    QCOMPARE(m_alerts->list(m_alice)->size(), 1);

    QVERIFY(Sql::exec(m_db->database()->connection(), QStringLiteral("DELETE FROM users WHERE id = ?"), {m_alice}));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM budget_alerts")), qint64(1));
    QCOMPARE(m_alerts->list(m_bob)->size(), 1);
}

void TestBudgetAlertRepository::userScoping()
{
    QVERIFY(m_alerts->record(m_alice, m_aliceBudget, m_march, BudgetAlertLevel::Warning));
    QVERIFY(m_alerts->record(m_bob, m_bobBudget, m_march, BudgetAlertLevel::Warning));
    const qint64 alicesAlert = m_alerts->list(m_alice)->first().id;

    // Bob cannot raise alerts on alice's budget, see hers, or mark them seen, even by id.
    auto foreign = m_alerts->record(m_bob, m_aliceBudget, m_april, BudgetAlertLevel::Exceeded);
    QCOMPARE(foreign.error().code, Error::Code::NotFound);
    QCOMPARE(m_alerts->list(m_alice)->size(), 1);
    QCOMPARE(m_alerts->list(m_bob)->size(), 1);
    QVERIFY(m_alerts->list(m_bob)->first().id != alicesAlert);
    QCOMPARE(*m_alerts->markSeen(m_bob, {alicesAlert}), qint64(0));
    QCOMPARE(*m_alerts->unseenCount(m_alice), qint64(1));
    QCOMPARE(*m_alerts->markAllSeen(m_bob), qint64(1));
    QCOMPARE(*m_alerts->unseenCount(m_alice), qint64(1));
    QCOMPARE(*m_alerts->unseenCount(m_bob), qint64(0));

    // And alice's actions leave bob's alerts alone.
    QVERIFY(m_alerts->record(m_bob, m_bobBudget, m_april, BudgetAlertLevel::Warning));
    QCOMPARE(*m_alerts->markAllSeen(m_alice), qint64(1));
    QCOMPARE(*m_alerts->unseenCount(m_bob), qint64(1));
}

QTEST_GUILESS_MAIN(TestBudgetAlertRepository)
#include "tst_budgetalertrepository.moc"
