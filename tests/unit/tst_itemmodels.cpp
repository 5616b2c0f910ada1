#include "db/budgetalertrepository.h"
#include "db/budgetrepository.h"
#include "db/categorizationfeedbackrepository.h"
#include "db/categorizationrulerepository.h"
#include "db/invoicerepository.h"
#include "db/jobrepository.h"
#include "db/sql.h"
#include "db/transactionrepository.h"
#include "itemmodels/budgetalertmodel.h"
#include "itemmodels/budgetmodel.h"
#include "itemmodels/categorizationfeedbackmodel.h"
#include "itemmodels/categorizationrulemodel.h"
#include "itemmodels/invoicemodel.h"
#include "itemmodels/jobmodel.h"
#include "testdatabase.h"
#include "testresult.h"

#include <QAbstractItemModelTester>
#include <QSqlRecord>
#include <QTest>

using namespace Moniagent;

// The per-table item models of invoices, budgets, budget alerts, rules, feedback and jobs: each shows one
// user's rows only, passes QAbstractItemModelTester, and formats money, dates and enum keys for people
// while RawValueRole keeps the stored value.
class TestItemModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void invoices();
    void budgets();
    void budgetAlerts();
    void rules();
    void feedback();
    void jobs();

private:
    // Checks the scope: the model has `expected` rows, all alice's, and a filter cannot widen it.
    void checkScope(ScopedSqlTableModel& model, int expected);
    static QVariant cell(const ScopedSqlTableModel& model, int row, const QString& field, int role = Qt::DisplayRole);
    static int rowOf(const ScopedSqlTableModel& model, qint64 id);
    // How ScopedSqlTableModel shows a percentage in the test locale.
    QString percent(int value) const { return m_locale.toString(value) + m_locale.percent(); }

    std::unique_ptr<Test::TestDatabase> m_db;
    qint64 m_alice = 0;
    qint64 m_bob = 0;
    const QLocale m_locale = QLocale(QLocale::German, QLocale::Germany);
};

void TestItemModels::init()
{
    m_db = std::make_unique<Test::TestDatabase>();
    QVERIFY(m_db->isValid());
    m_alice = m_db->createUser(QStringLiteral("alice"));
    m_bob = m_db->createUser(QStringLiteral("bob"));
    QVERIFY(m_alice && m_bob);
}

void TestItemModels::cleanup()
{
    m_db.reset();
}

void TestItemModels::checkScope(ScopedSqlTableModel& model, int expected)
{
    QVERIFY(model.select());
    QCOMPARE(model.rowCount(), expected);
    const int column = model.record().indexOf(QStringLiteral("user_id"));
    QVERIFY(column >= 0);
    for (int row = 0; row < model.rowCount(); ++row)
        QCOMPARE(model.data(model.index(row, column), ScopedSqlTableModel::RawValueRole).toLongLong(), m_alice);
    // A filter cannot reach the other user's rows.
    model.setFilter(QStringLiteral("1 = 1 OR user_id = %1").arg(m_bob));
    QVERIFY(model.select());
    QCOMPARE(model.rowCount(), expected);
    model.setFilter(QString());
    QVERIFY(model.select());
}

QVariant TestItemModels::cell(const ScopedSqlTableModel& model, int row, const QString& field, int role)
{
    return model.data(model.index(row, model.record().indexOf(field)), role);
}

int TestItemModels::rowOf(const ScopedSqlTableModel& model, qint64 id)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        if (cell(model, row, QStringLiteral("id"), ScopedSqlTableModel::RawValueRole).toLongLong() == id)
            return row;
    }
    return -1;
}

void TestItemModels::invoices()
{
    InvoiceRepository repository(m_db->database());
    Invoice i;
    i.filename = QStringLiteral("rewe.jpg");
    i.filePath = QStringLiteral("/data/a.jpg");
    i.sha256 = QString(64, u'a');
    i.date = QDate(2026, 2, 3);
    i.total = Money::fromMinor(123456, u"EUR");
    i.tax = Money::fromMinor(1971, u"EUR");
    const qint64 eur = *repository.add(m_alice, i);
    i.sha256 = QString(64, u'b');
    i.total = Money::fromMinor(1234, u"JPY");
    i.tax.reset();
    i.date = QDate();
    i.status = InvoiceStatus::Failed;
    const qint64 yen = *repository.add(m_alice, i);
    i.sha256 = QString(64, u'c');
    QVERIFY(repository.add(m_bob, i));

    InvoiceModel model(m_db->database()->connection(), m_alice);
    model.setLocale(m_locale);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    checkScope(model, 2);

    const int r = rowOf(model, eur);
    QCOMPARE(cell(model, r, QStringLiteral("total_minor")).toString(),
             Money::fromMinor(123456, u"EUR").toString(m_locale));
    QCOMPARE(cell(model, r, QStringLiteral("tax_minor")).toString(), Money::fromMinor(1971, u"EUR").toString(m_locale));
    QCOMPARE(cell(model, r, QStringLiteral("total_minor"), ScopedSqlTableModel::RawValueRole).toLongLong(),
             qint64(123456));
    QCOMPARE(cell(model, r, QStringLiteral("date")).toString(),
             m_locale.toString(QDate(2026, 2, 3), QLocale::ShortFormat));
    QCOMPARE(cell(model, r, QStringLiteral("status")).toString(), QStringLiteral("Pending"));
    QCOMPARE(cell(model, r, QStringLiteral("status"), ScopedSqlTableModel::RawValueRole).toString(),
             QStringLiteral("pending"));
    const QDateTime created = repository.find(m_alice, eur)->createdAt;
    QCOMPARE(cell(model, r, QStringLiteral("created_at")).toString(),
             m_locale.toString(created.toLocalTime(), QLocale::ShortFormat));

    const int y = rowOf(model, yen);
    QCOMPARE(cell(model, y, QStringLiteral("total_minor")).toString(),
             Money::fromMinor(1234, u"JPY").toString(m_locale));
    QVERIFY(cell(model, y, QStringLiteral("tax_minor")).isNull());
    QVERIFY(cell(model, y, QStringLiteral("date")).isNull());
    QCOMPARE(cell(model, y, QStringLiteral("status")).toString(), QStringLiteral("Failed"));

    QCOMPARE(model.headerData(model.record().indexOf(QStringLiteral("total_minor")), Qt::Horizontal).toString(),
             QStringLiteral("Total"));
    QCOMPARE(model.headerData(model.record().indexOf(QStringLiteral("store_name")), Qt::Horizontal).toString(),
             QStringLiteral("Store"));
    QCOMPARE(model.columnCount(), 17); // every column stays; views choose
}

void TestItemModels::budgets()
{
    BudgetRepository repository(m_db->database());
    Budget b;
    b.limit = Money::fromMinor(300, u"EUR");
    b.categoryId = m_db->categoryId(m_alice, QStringLiteral("Travel"));
    const qint64 travel = *repository.add(m_alice, b);
    b.categoryId.reset();
    b.limit = Money::fromMinor(250000, u"EUR");
    b.alertThreshold = 0.75;
    const qint64 overall = *repository.add(m_alice, b);
    b.categoryId = m_db->categoryId(m_alice, QStringLiteral("Groceries"));
    b.limit = Money::fromMinor(4500, u"CHF");
    b.period = BudgetPeriod::Weekly;
    const qint64 groceries = *repository.add(m_alice, b);
    b.categoryId = m_db->categoryId(m_bob, QStringLiteral("Groceries"));
    QVERIFY(repository.add(m_bob, b));

    BudgetModel model(m_db->database()->connection(), m_alice);
    model.setLocale(m_locale);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    checkScope(model, 3);
    // The overall budget first, then in category display order (Groceries before Travel).
    QCOMPARE(rowOf(model, overall), 0);
    QCOMPARE(rowOf(model, groceries), 1);
    QCOMPARE(rowOf(model, travel), 2);

    const int o = rowOf(model, overall);
    QCOMPARE(cell(model, o, QStringLiteral("category_id")).toString(), QStringLiteral("All spending"));
    QVERIFY(cell(model, o, QStringLiteral("category_id"), ScopedSqlTableModel::RawValueRole).isNull());
    QCOMPARE(cell(model, o, QStringLiteral("limit_minor")).toString(),
             Money::fromMinor(250000, u"EUR").toString(m_locale));
    QCOMPARE(cell(model, o, QStringLiteral("period")).toString(), QStringLiteral("Monthly"));
    QCOMPARE(cell(model, o, QStringLiteral("alert_threshold")).toString(), percent(75));

    const int g = rowOf(model, groceries);
    QCOMPARE(cell(model, g, QStringLiteral("category_id")).toString(), QStringLiteral("Groceries"));
    QCOMPARE(cell(model, g, QStringLiteral("limit_minor")).toString(),
             Money::fromMinor(4500, u"CHF").toString(m_locale));
    QCOMPARE(cell(model, g, QStringLiteral("period")).toString(), QStringLiteral("Weekly"));
    QCOMPARE(model.headerData(model.record().indexOf(QStringLiteral("limit_minor")), Qt::Horizontal).toString(),
             QStringLiteral("Limit"));
}

void TestItemModels::budgetAlerts()
{
    BudgetRepository budgets(m_db->database());
    Budget b;
    b.limit = Money::fromMinor(1000, u"EUR");
    const qint64 overall = *budgets.add(m_alice, b);
    b.categoryId = m_db->categoryId(m_alice, QStringLiteral("Travel"));
    const qint64 travel = *budgets.add(m_alice, b);
    b.categoryId.reset();
    const qint64 bobs = *budgets.add(m_bob, b);
    BudgetAlertRepository alerts(m_db->database());
    QVERIFY(alerts.record(m_alice, overall, QDate(2026, 3, 1), BudgetAlertLevel::Warning));
    QVERIFY(alerts.record(m_alice, travel, QDate(2026, 3, 1), BudgetAlertLevel::Exceeded));
    QVERIFY(alerts.record(m_bob, bobs, QDate(2026, 3, 1), BudgetAlertLevel::Warning));
    QVERIFY(alerts.markAllSeen(m_alice));

    BudgetAlertModel model(m_db->database()->connection(), m_alice);
    model.setLocale(m_locale);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.select());
    QCOMPARE(model.rowCount(), 2);
    // Scoped through the budget: the filter cannot widen it either.
    model.setFilter(QStringLiteral("1 = 1 OR budget_id = %1").arg(bobs));
    QVERIFY(model.select());
    QCOMPARE(model.rowCount(), 2);

    for (int row = 0; row < model.rowCount(); ++row) {
        const qint64 budgetId
            = cell(model, row, QStringLiteral("budget_id"), ScopedSqlTableModel::RawValueRole).toLongLong();
        QVERIFY(budgetId == overall || budgetId == travel);
        const bool isTravel = budgetId == travel;
        QCOMPARE(cell(model, row, QStringLiteral("budget_id")).toString(),
                 isTravel ? QStringLiteral("Travel") : QStringLiteral("All spending"));
        QCOMPARE(cell(model, row, QStringLiteral("level")).toString(),
                 isTravel ? QStringLiteral("Over budget") : QStringLiteral("Nearly spent"));
        QCOMPARE(cell(model, row, QStringLiteral("period_start")).toString(),
                 m_locale.toString(QDate(2026, 3, 1), QLocale::ShortFormat));
        const QDateTime seen
            = Sql::parseIsoTimestamp(cell(model, row, QStringLiteral("seen_at"), ScopedSqlTableModel::RawValueRole));
        QVERIFY(seen.isValid());
        QCOMPARE(cell(model, row, QStringLiteral("seen_at")).toString(),
                 m_locale.toString(seen.toLocalTime(), QLocale::ShortFormat));
    }
}

void TestItemModels::rules()
{
    CategorizationRuleRepository repository(m_db->database());
    CategorizationRule r;
    r.categoryId = m_db->categoryId(m_alice, QStringLiteral("Groceries"));
    r.pattern = QStringLiteral("REWE");
    r.confidenceThreshold = 0.5;
    const qint64 keyword = *repository.add(m_alice, r);
    QVERIFY(repository.incrementHits(m_alice, keyword, 1234));
    r.pattern = QStringLiteral("^ALDI");
    r.type = RuleType::Regex;
    r.origin = RuleOrigin::Learned;
    r.isActive = false;
    const qint64 regex = *repository.add(m_alice, r);
    r.categoryId = m_db->categoryId(m_bob, QStringLiteral("Groceries"));
    QVERIFY(repository.add(m_bob, r));

    CategorizationRuleModel model(m_db->database()->connection(), m_alice);
    model.setLocale(m_locale);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    checkScope(model, 2);
    QCOMPARE(rowOf(model, regex), 0); // matching order: regex before keyword

    QCOMPARE(cell(model, 0, QStringLiteral("rule_type")).toString(), QStringLiteral("Regular expression"));
    QCOMPARE(cell(model, 0, QStringLiteral("origin")).toString(), QStringLiteral("Learned"));
    QCOMPARE(cell(model, 0, QStringLiteral("is_active")).toString(), QStringLiteral("No"));
    QCOMPARE(cell(model, 0, QStringLiteral("category_id")).toString(), QStringLiteral("Groceries"));
    QCOMPARE(cell(model, 1, QStringLiteral("rule_type")).toString(), QStringLiteral("Contains"));
    QCOMPARE(cell(model, 1, QStringLiteral("hit_count")).toString(), m_locale.toString(1234));
    QCOMPARE(cell(model, 1, QStringLiteral("confidence_threshold")).toString(), percent(50));
    QCOMPARE(cell(model, 1, QStringLiteral("rule_type"), ScopedSqlTableModel::RawValueRole).toString(),
             QStringLiteral("keyword"));
    QCOMPARE(model.headerData(model.record().indexOf(QStringLiteral("store_name_pattern")), Qt::Horizontal).toString(),
             QStringLiteral("Store name"));
}

void TestItemModels::feedback()
{
    TransactionRepository transactions(m_db->database());
    const qint64 alices
        = *transactions.add(m_alice, Test::TestDatabase::expense(500, QStringLiteral("Bakery"), QDate(2026, 1, 2)));
    const qint64 bobs
        = *transactions.add(m_bob, Test::TestDatabase::expense(500, QStringLiteral("Bakery"), QDate(2026, 1, 2)));
    CategorizationFeedbackRepository repository(m_db->database());
    CategorizationFeedback f;
    f.transactionId = alices;
    f.suggestedCategoryId = m_db->categoryId(m_alice, QStringLiteral("Groceries"));
    f.confirmedCategoryId = m_db->categoryId(m_alice, QStringLiteral("Dining & Drinks"));
    f.confidenceScore = 0.25;
    f.type = FeedbackType::Correction;
    f.createdAt = QDateTime(QDate(2026, 1, 3), QTime(10, 15), Qt::UTC);
    QVERIFY(repository.add(m_alice, f));
    CategorizationFeedback b;
    b.transactionId = bobs;
    QVERIFY(repository.add(m_bob, b));

    CategorizationFeedbackModel model(m_db->database()->connection(), m_alice);
    model.setLocale(m_locale);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    checkScope(model, 1);
    QCOMPARE(cell(model, 0, QStringLiteral("suggested_category_id")).toString(), QStringLiteral("Groceries"));
    QCOMPARE(cell(model, 0, QStringLiteral("confirmed_category_id")).toString(), QStringLiteral("Dining & Drinks"));
    QCOMPARE(cell(model, 0, QStringLiteral("feedback_type")).toString(), QStringLiteral("Corrected"));
    QCOMPARE(cell(model, 0, QStringLiteral("confidence_score")).toString(), percent(25));
    QCOMPARE(cell(model, 0, QStringLiteral("created_at")).toString(),
             m_locale.toString(f.createdAt.toLocalTime(), QLocale::ShortFormat));
}

void TestItemModels::jobs()
{
    JobRepository repository(m_db->database());
    const QDateTime t0(QDate(2026, 3, 1), QTime(9, 0), Qt::UTC);
    const qint64 ocr = *repository.enqueue(m_alice, JobTypes::InvoiceOcr, JobTrigger::Manual, {}, t0);
    const qint64 custom
        = *repository.enqueue(m_alice, QStringLiteral("EXPORT_PDF"), JobTrigger::Cron, {}, t0.addDays(1));
    QVERIFY(repository.enqueue(m_bob, JobTypes::Import, JobTrigger::Manual));
    QVERIFY(repository.enqueue(std::nullopt, JobTypes::EmailFetch, JobTrigger::Cron));
    QVERIFY(repository.claimNext(t0)->has_value()); // bob's (no next_run_at) first …
    QVERIFY(repository.claimNext(t0)->has_value()); // … then the system job, then alice's OCR job
    QVERIFY(repository.claimNext(t0)->has_value());
    QVERIFY(*repository.finish(ocr, false, {{QStringLiteral("message"), QStringLiteral("The image is empty.")}},
                               t0.addSecs(3)));

    JobModel model(m_db->database()->connection(), m_alice);
    model.setLocale(m_locale);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    checkScope(model, 2); // system jobs are nobody's

    const int o = rowOf(model, ocr);
    QCOMPARE(cell(model, o, QStringLiteral("job_type")).toString(), QStringLiteral("Read receipt"));
    QCOMPARE(cell(model, o, QStringLiteral("status")).toString(), QStringLiteral("Failed"));
    QCOMPARE(cell(model, o, QStringLiteral("triggered_by")).toString(), QStringLiteral("Manual"));
    QCOMPARE(cell(model, o, QStringLiteral("error_payload")).toString(), QStringLiteral("The image is empty."));
    QCOMPARE(cell(model, o, QStringLiteral("finished_at")).toString(),
             m_locale.toString(t0.addSecs(3).toLocalTime(), QLocale::ShortFormat));
    QCOMPARE(cell(model, o, QStringLiteral("status"), ScopedSqlTableModel::RawValueRole).toString(),
             QStringLiteral("FAILED"));
    const int c = rowOf(model, custom);
    QCOMPARE(cell(model, c, QStringLiteral("job_type")).toString(), QStringLiteral("EXPORT_PDF"));
    QCOMPARE(cell(model, c, QStringLiteral("status")).toString(), QStringLiteral("Waiting"));
    QCOMPARE(cell(model, c, QStringLiteral("triggered_by")).toString(), QStringLiteral("Scheduled"));
    QCOMPARE(cell(model, c, QStringLiteral("next_run_at")).toString(),
             m_locale.toString(t0.addDays(1).toLocalTime(), QLocale::ShortFormat));
    QCOMPARE(model.headerData(model.record().indexOf(QStringLiteral("job_type")), Qt::Horizontal).toString(),
             QStringLiteral("Task"));
}

QTEST_GUILESS_MAIN(TestItemModels)
#include "tst_itemmodels.moc"
