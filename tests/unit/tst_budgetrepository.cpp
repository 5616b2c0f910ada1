#include "db/budgetalertrepository.h"
#include "db/budgetrepository.h"
#include "db/categoryrepository.h"
#include "db/sql.h"
#include "testdatabase.h"
#include "testresult.h"

#include <QSignalSpy>
#include <QTest>

#include <limits>

using namespace Moniagent;

// Budgets: round trips, validation, unique keys with clear messages, order, the schema's checks, foreign
// key actions and user scoping.
class TestBudgetRepository : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void addAndFind();
    void validation_data();
    void validation();
    void categoryMustBeTheUsersExpenseCategory();
    void oneBudgetPerCategory();
    void update();
    void listOrder();
    void schemaRefusesBadRows_data();
    void schemaRefusesBadRows();
    void schemaRefusesDuplicatesAndForeignCategories();
    void deletingCategoryDeletesBudget();
    void deletingUserDeletesBudgets();
    void userScoping();

private:
    Budget budget(const QString& category, qint64 minor = 40000) const;
    static Budget overallBudget();
    qint64 count(const QString& sql, const QVariantList& params = {}) const;

    std::unique_ptr<Test::TestDatabase> m_db;
    std::unique_ptr<BudgetRepository> m_budgets;
    qint64 m_alice = 0;
    qint64 m_bob = 0;
};

void TestBudgetRepository::init()
{
    m_db = std::make_unique<Test::TestDatabase>();
    QVERIFY(m_db->isValid());
    m_alice = m_db->createUser(QStringLiteral("alice"));
    m_bob = m_db->createUser(QStringLiteral("bob"));
    QVERIFY(m_alice && m_bob);
    m_budgets = std::make_unique<BudgetRepository>(m_db->database());
}

void TestBudgetRepository::cleanup()
{
    m_budgets.reset();
    m_db.reset();
}

// A budget of alice's; an empty category name means all spending.
Budget TestBudgetRepository::budget(const QString& category, qint64 minor) const
{
    Budget b;
    if (!category.isEmpty())
        b.categoryId = m_db->categoryId(m_alice, category);
    b.limit = Money::fromMinor(minor, u"EUR");
    return b;
}

Budget TestBudgetRepository::overallBudget()
{
    Budget b;
    b.limit = Money::fromMinor(100, u"EUR");
    return b;
}

qint64 TestBudgetRepository::count(const QString& sql, const QVariantList& params) const
{
    auto value = Sql::scalar(m_db->database()->connection(), sql, params);
    return value ? value->toLongLong() : -1;
}

void TestBudgetRepository::addAndFind()
{
    QSignalSpy changed(m_budgets.get(), &BudgetRepository::changed);
    Budget in = budget(QStringLiteral("Groceries"), 45000);
    in.period = BudgetPeriod::Weekly;
    in.alertThreshold = 0.9;
    auto id = m_budgets->add(m_alice, in);
    MONIAGENT_VERIFY_OK(id);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toLongLong(), m_alice);

    auto out = m_budgets->find(m_alice, *id);
    MONIAGENT_VERIFY_OK(out);
    QCOMPARE(out->userId, m_alice);
    QCOMPARE(out->categoryId, in.categoryId);
    QCOMPARE(out->limit, Money::fromMinor(45000, u"EUR"));
    QCOMPARE(out->period, BudgetPeriod::Weekly);
    QCOMPARE(out->alertThreshold, 0.9);
    QVERIFY(out->createdAt.isValid() && out->updatedAt.isValid());
    QVERIFY(!out->isOverall());

    auto overall = m_budgets->add(m_alice, budget(QString(), 200000));
    MONIAGENT_VERIFY_OK(overall);
    auto forNone = m_budgets->findForCategory(m_alice, std::nullopt);
    MONIAGENT_VERIFY_OK(forNone);
    QVERIFY(forNone->has_value() && (*forNone)->isOverall());
    QCOMPARE((*forNone)->id, *overall);
    auto forGroceries = m_budgets->findForCategory(m_alice, in.categoryId);
    QCOMPARE((*forGroceries)->id, *id);
    auto forDining = m_budgets->findForCategory(m_alice, m_db->categoryId(m_alice, QStringLiteral("Dining & Drinks")));
    MONIAGENT_VERIFY_OK(forDining);
    QVERIFY(!forDining->has_value());

    MONIAGENT_VERIFY_OK(m_budgets->remove(m_alice, *id));
    QCOMPARE(m_budgets->find(m_alice, *id).error().code, Error::Code::NotFound);
    QCOMPARE(m_budgets->remove(m_alice, *id).error().code, Error::Code::NotFound);
}

void TestBudgetRepository::validation_data()
{
    QTest::addColumn<qint64>("minor");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<int>("period");
    QTest::addColumn<double>("threshold");
    QTest::addColumn<QString>("message");
    const int monthly = int(BudgetPeriod::Monthly);
    const QString eur = QStringLiteral("EUR");
    QTest::newRow("zero") << qint64(0) << eur << monthly << 0.8
                          << QStringLiteral("Enter a budget limit of more than zero.");
    QTest::newRow("negative") << qint64(-100) << eur << monthly << 0.8
                              << QStringLiteral("Enter a budget limit of more than zero.");
    QTest::newRow("no currency") << qint64(100) << QStringLiteral("EU") << monthly << 0.8
                                 << QStringLiteral("Choose a currency for the budget.");
    QTest::newRow("bad period") << qint64(100) << eur << 7 << 0.8
                                << QStringLiteral("Choose whether the budget is weekly, monthly or yearly.");
    const QString threshold = QStringLiteral("The alert threshold must be between 0 % and 100 % of the limit.");
    QTest::newRow("threshold below") << qint64(100) << eur << monthly << -0.01 << threshold;
    QTest::newRow("threshold above") << qint64(100) << eur << monthly << 1.01 << threshold;
    QTest::newRow("threshold nan") << qint64(100) << eur << monthly << std::numeric_limits<double>::quiet_NaN()
                                   << threshold;
}

void TestBudgetRepository::validation()
{
    QFETCH(qint64, minor);
    QFETCH(QString, currency);
    QFETCH(int, period);
    QFETCH(double, threshold);
    QFETCH(QString, message);
    Budget b = budget(QStringLiteral("Groceries"));
    b.limit = Money::fromMinor(minor, currency);
    b.period = BudgetPeriod(period);
    b.alertThreshold = threshold;
    auto id = m_budgets->add(m_alice, b);
    QVERIFY(!id);
    QCOMPARE(id.error().code, Error::Code::InvalidInput);
    QCOMPARE(id.error().message, message);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM budgets")), qint64(0));

    // The same checks guard update().
    const qint64 existing = *m_budgets->add(m_alice, budget(QStringLiteral("Groceries")));
    b.id = existing;
    QCOMPARE(m_budgets->update(m_alice, b).error().message, message);
    QCOMPARE(m_budgets->find(m_alice, existing)->limit.minor(), qint64(40000));
}

void TestBudgetRepository::categoryMustBeTheUsersExpenseCategory()
{
    Budget b = budget(QString());
    b.categoryId = m_db->categoryId(m_bob, QStringLiteral("Groceries"));
    auto refused = m_budgets->add(m_alice, b);
    QVERIFY(!refused);
    QCOMPARE(refused.error().message,
             QStringLiteral("The budget's category no longer exists. Choose another category."));
    b.categoryId = 987654;
    QCOMPARE(m_budgets->add(m_alice, b).error().code, Error::Code::InvalidInput);
    b.categoryId = m_db->categoryId(m_alice, QStringLiteral("Salary"));
    QCOMPARE(m_budgets->add(m_alice, b).error().message,
             QStringLiteral("“Salary” is an income category. Budgets limit spending: choose an expense category."));
    b.categoryId = m_db->categoryId(m_alice, QStringLiteral("Transfers")); // income and expense: allowed
    QVERIFY(m_budgets->add(m_alice, b));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM budgets")), qint64(1));
}

void TestBudgetRepository::oneBudgetPerCategory()
{
    const qint64 groceries = *m_budgets->add(m_alice, budget(QStringLiteral("Groceries")));
    auto again = m_budgets->add(m_alice, budget(QStringLiteral("Groceries"), 100));
    QVERIFY(!again);
    QCOMPARE(again.error().code, Error::Code::Conflict);
    QCOMPARE(again.error().message, QStringLiteral("There is already a budget for “Groceries”."));

    QVERIFY(m_budgets->add(m_alice, budget(QString())));
    auto secondOverall = m_budgets->add(m_alice, budget(QString(), 5));
    QVERIFY(!secondOverall);
    QCOMPARE(secondOverall.error().code, Error::Code::Conflict);
    QCOMPARE(secondOverall.error().message, QStringLiteral("There is already a budget for all spending."));

    // Moving another budget onto a taken category is refused the same way.
    const qint64 dining = *m_budgets->add(m_alice, budget(QStringLiteral("Dining & Drinks")));
    Budget moved = *m_budgets->find(m_alice, dining);
    moved.categoryId = m_db->categoryId(m_alice, QStringLiteral("Groceries"));
    QCOMPARE(m_budgets->update(m_alice, moved).error().message,
             QStringLiteral("There is already a budget for “Groceries”."));
    moved.categoryId.reset();
    QCOMPARE(m_budgets->update(m_alice, moved).error().message,
             QStringLiteral("There is already a budget for all spending."));
    QCOMPARE(m_budgets->find(m_alice, groceries)->limit.minor(), qint64(40000));

    // Bob has his own keys.
    Budget bobs;
    bobs.limit = Money::fromMinor(100, u"EUR");
    QVERIFY(m_budgets->add(m_bob, bobs));
    bobs.categoryId = m_db->categoryId(m_bob, QStringLiteral("Groceries"));
    QVERIFY(m_budgets->add(m_bob, bobs));
}

void TestBudgetRepository::update()
{
    const qint64 id = *m_budgets->add(m_alice, budget(QStringLiteral("Groceries")));
    Budget b = *m_budgets->find(m_alice, id);
    b.categoryId = m_db->categoryId(m_alice, QStringLiteral("Travel"));
    b.limit = Money::fromMinor(120000, u"CHF");
    b.period = BudgetPeriod::Yearly;
    b.alertThreshold = 0.0;
    QSignalSpy changed(m_budgets.get(), &BudgetRepository::changed);
    MONIAGENT_VERIFY_OK(m_budgets->update(m_alice, b));
    QCOMPARE(changed.count(), 1);
    Budget stored = *m_budgets->find(m_alice, id);
    QCOMPARE(stored.categoryId, b.categoryId);
    QCOMPARE(stored.limit, b.limit);
    QCOMPARE(stored.period, BudgetPeriod::Yearly);
    QCOMPARE(stored.alertThreshold, 0.0);
    b.categoryId.reset(); // becomes the overall budget
    b.alertThreshold = 1.0;
    MONIAGENT_VERIFY_OK(m_budgets->update(m_alice, b));
    QVERIFY(m_budgets->find(m_alice, id)->isOverall());
    b.id = id + 1000;
    QCOMPARE(m_budgets->update(m_alice, b).error().code, Error::Code::NotFound);
}

void TestBudgetRepository::listOrder()
{
    const QStringList names {QStringLiteral("Travel"), QStringLiteral("Groceries"), QStringLiteral("Health")};
    QHash<QString, qint64> ids;
    for (const QString& name : names)
        ids.insert(name, *m_budgets->add(m_alice, budget(name)));
    const qint64 overall = *m_budgets->add(m_alice, budget(QString()));
    QVERIFY(m_budgets->add(m_bob, overallBudget()));

    auto order = [this] {
        QList<qint64> result;
        for (const Budget& b : *m_budgets->list(m_alice))
            result << b.id;
        return result;
    };
    // Default display order: Groceries before Health before Travel.
    QCOMPARE(order(),
             (QList<qint64> {overall, ids[QStringLiteral("Groceries")], ids[QStringLiteral("Health")],
                             ids[QStringLiteral("Travel")]}));

    // The list follows the categories when the user reorders them.
    CategoryRepository categories(m_db->database());
    QVERIFY(categories.reorder(m_alice,
                               {m_db->categoryId(m_alice, QStringLiteral("Travel")),
                                m_db->categoryId(m_alice, QStringLiteral("Health")),
                                m_db->categoryId(m_alice, QStringLiteral("Groceries"))}));
    QCOMPARE(order(),
             (QList<qint64> {overall, ids[QStringLiteral("Travel")], ids[QStringLiteral("Health")],
                             ids[QStringLiteral("Groceries")]}));
}

void TestBudgetRepository::schemaRefusesBadRows_data()
{
    QTest::addColumn<QString>("column");
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("control") << QStringLiteral("limit_minor") << QVariant(1) << true;
    QTest::newRow("zero limit") << QStringLiteral("limit_minor") << QVariant(0) << false;
    QTest::newRow("negative limit") << QStringLiteral("limit_minor") << QVariant(-500) << false;
    QTest::newRow("fractional limit") << QStringLiteral("limit_minor") << QVariant(10.5) << false;
    QTest::newRow("lower-case currency") << QStringLiteral("currency") << QVariant(QStringLiteral("eur")) << false;
    QTest::newRow("daily") << QStringLiteral("period") << QVariant(QStringLiteral("daily")) << false;
    QTest::newRow("threshold above") << QStringLiteral("alert_threshold") << QVariant(1.5) << false;
    QTest::newRow("threshold below") << QStringLiteral("alert_threshold") << QVariant(-0.1) << false;
}

void TestBudgetRepository::schemaRefusesBadRows()
{
    QFETCH(QString, column);
    QFETCH(QVariant, value);
    QFETCH(bool, accepted);
    const qint64 id = *m_budgets->add(m_alice, budget(QStringLiteral("Groceries")));
    auto result = Sql::exec(m_db->database()->connection(),
                            QStringLiteral("UPDATE budgets SET %1 = ? WHERE id = ?").arg(column), {value, id});
    QCOMPARE(result.ok(), accepted);
    if (!accepted)
        QCOMPARE(result.error().code, Error::Code::Conflict);
}

void TestBudgetRepository::schemaRefusesDuplicatesAndForeignCategories()
{
    // Keys and cross-user references, straight through SQL.
    QSqlDatabase db = m_db->database()->connection();
    const QString insert = QStringLiteral("INSERT INTO budgets (user_id, category_id, limit_minor, currency) "
                                          "VALUES (?, ?, 100, 'EUR')");
    const QVariant groceries = m_db->categoryId(m_alice, QStringLiteral("Groceries"));
    QVERIFY(Sql::exec(db, insert, {m_alice, QVariant()}));
    QVERIFY(Sql::exec(db, insert, {m_alice, groceries}));
    QVERIFY(!Sql::exec(db, insert, {m_alice, QVariant()})); // a second overall budget
    QVERIFY(!Sql::exec(db, insert, {m_alice, groceries}));
    QVERIFY(!Sql::exec(db, insert, {m_alice, m_db->categoryId(m_bob, QStringLiteral("Travel"))}));
}

void TestBudgetRepository::deletingCategoryDeletesBudget()
{
    CategoryRepository categories(m_db->database());
    Category pets;
    pets.name = QStringLiteral("Horse");
    const qint64 horse = *categories.add(m_alice, pets);
    Budget b = budget(QString());
    b.categoryId = horse;
    const qint64 id = *m_budgets->add(m_alice, b);
    const qint64 other = *m_budgets->add(m_alice, budget(QStringLiteral("Groceries")));
    BudgetAlertRepository alerts(m_db->database());
    QVERIFY(*alerts.record(m_alice, id, QDate(2026, 3, 1), BudgetAlertLevel::Warning));

    MONIAGENT_VERIFY_OK(categories.remove(m_alice, horse));
    QCOMPARE(m_budgets->find(m_alice, id).error().code, Error::Code::NotFound);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM budget_alerts WHERE budget_id = ?"), {id}), qint64(0));
    QVERIFY(m_budgets->find(m_alice, other));
}

void TestBudgetRepository::deletingUserDeletesBudgets()
{
    QVERIFY(m_budgets->add(m_alice, budget(QStringLiteral("Groceries"))));
    QVERIFY(m_budgets->add(m_alice, budget(QString())));
    QVERIFY(m_budgets->add(m_bob, overallBudget()));
    QVERIFY(Sql::exec(m_db->database()->connection(), QStringLiteral("DELETE FROM users WHERE id = ?"), {m_alice}));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM budgets")), qint64(1));
    QCOMPARE(m_budgets->list(m_bob)->size(), 1);
}

void TestBudgetRepository::userScoping()
{
    const qint64 alices = *m_budgets->add(m_alice, budget(QStringLiteral("Groceries")));
    Budget bobsBudget;
    bobsBudget.categoryId = m_db->categoryId(m_bob, QStringLiteral("Groceries"));
    bobsBudget.limit = Money::fromMinor(999, u"EUR");
    const qint64 bobs = *m_budgets->add(m_bob, bobsBudget);

    QCOMPARE(m_budgets->find(m_bob, alices).error().code, Error::Code::NotFound);
    QVERIFY(!m_budgets->findForCategory(m_bob, m_db->categoryId(m_alice, QStringLiteral("Groceries")))->has_value());
    Budget stolen = *m_budgets->find(m_alice, alices);
    stolen.limit = Money::fromMinor(1, u"EUR");
    stolen.categoryId = m_db->categoryId(m_bob, QStringLiteral("Travel"));
    QCOMPARE(m_budgets->update(m_bob, stolen).error().code, Error::Code::NotFound);
    QCOMPARE(m_budgets->remove(m_bob, alices).error().code, Error::Code::NotFound);
    QCOMPARE(m_budgets->find(m_alice, alices)->limit.minor(), qint64(40000));
    QCOMPARE(m_budgets->list(m_bob)->size(), 1);
    QCOMPARE(m_budgets->list(m_bob)->first().id, bobs);

    QVERIFY(m_budgets->remove(m_alice, alices));
    QCOMPARE(m_budgets->find(m_bob, bobs)->limit.minor(), qint64(999));
}

QTEST_GUILESS_MAIN(TestBudgetRepository)
#include "tst_budgetrepository.moc"
