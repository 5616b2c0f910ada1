#include "db/jobrepository.h"
#include "db/sql.h"
#include "itemmodels/joblistmodel.h"
#include "testdatabase.h"
#include "testresult.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Moniagent;

// The Jobs view's model: one profile's jobs, translated names, details per status, live progress, the status
// filter, and refreshes that insert and update rows instead of resetting.
class TestJobListModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void showsOneProfilesJobs();
    void detailsPerStatus();
    void refreshKeepsRows();
    void progressOfRunningJobs();
    void statusFilterAndLimit();

private:
    QString cell(const JobListModel& model, qint64 jobId, int column, int role = Qt::DisplayRole) const;

    std::unique_ptr<Test::TestDatabase> m_db;
    std::unique_ptr<JobRepository> m_jobs;
    qint64 m_alice = 0;
    qint64 m_bob = 0;
    const QLocale m_locale = QLocale(QLocale::English, QLocale::UnitedStates);
    const QDateTime m_t0 = QDateTime(QDate(2026, 3, 1), QTime(9, 0), Qt::UTC);
};

void TestJobListModel::init()
{
    m_db = std::make_unique<Test::TestDatabase>();
    QVERIFY(m_db->isValid());
    m_alice = m_db->createUser(QStringLiteral("alice"));
    m_bob = m_db->createUser(QStringLiteral("bob"));
    m_jobs = std::make_unique<JobRepository>(m_db->database());
}

void TestJobListModel::cleanup()
{
    m_jobs.reset();
    m_db.reset();
}

QString TestJobListModel::cell(const JobListModel& model, qint64 jobId, int column, int role) const
{
    const int row = model.rowOf(jobId);
    return row < 0 ? QStringLiteral("<no row>") : model.data(model.index(row, column), role).toString();
}

void TestJobListModel::showsOneProfilesJobs()
{
    const qint64 first = *m_jobs->enqueue(m_alice, JobTypes::EmailFetch, JobTrigger::Cron);
    const qint64 second = *m_jobs->enqueue(m_alice, QStringLiteral("EXPORT_PDF"), JobTrigger::Manual);
    QVERIFY(m_jobs->enqueue(m_bob, JobTypes::Import, JobTrigger::Manual));
    QVERIFY(m_jobs->enqueue(std::nullopt, JobTypes::Import, JobTrigger::Cron));
    QVERIFY(m_jobs->claimNext(m_t0)->has_value()); // alice's fetch: the oldest due job

    JobListModel model(m_jobs.get(), m_alice);
    model.setLocale(m_locale);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.userId(), m_alice);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.columnCount(), int(JobListModel::ColumnCount));
    QCOMPARE(model.data(model.index(0, 0), JobListModel::JobIdRole).toLongLong(), second); // newest first
    QCOMPARE(model.jobAt(1)->id, first);
    QVERIFY(!model.jobAt(2));

    QCOMPARE(cell(model, first, JobListModel::TypeColumn), QStringLiteral("Fetch email"));
    QCOMPARE(cell(model, first, JobListModel::StatusColumn), QStringLiteral("Running"));
    QCOMPARE(cell(model, first, JobListModel::StatusColumn, JobListModel::StatusRole), QStringLiteral("RUNNING"));
    QCOMPARE(cell(model, first, JobListModel::TriggerColumn), QStringLiteral("Scheduled"));
    QCOMPARE(cell(model, first, JobListModel::StartedColumn),
             m_locale.toString(m_t0.toLocalTime(), QLocale::ShortFormat));
    QCOMPARE(model.data(model.index(model.rowOf(first), JobListModel::StartedColumn), JobListModel::RawValueRole)
                 .toDateTime(),
             m_t0);
    QVERIFY(!cell(model, first, JobListModel::CreatedColumn).isEmpty());
    QCOMPARE(cell(model, first, JobListModel::FinishedColumn), QString());
    QCOMPARE(cell(model, first, JobListModel::RetriesColumn), QStringLiteral("0"));
    QCOMPARE(cell(model, second, JobListModel::TypeColumn), QStringLiteral("EXPORT_PDF"));
    QCOMPARE(cell(model, second, JobListModel::StatusColumn), QStringLiteral("Waiting"));
    QCOMPARE(cell(model, second, JobListModel::TriggerColumn), QStringLiteral("Manual"));
    QCOMPARE(model.headerData(JobListModel::TypeColumn, Qt::Horizontal).toString(), QStringLiteral("Job"));
    QCOMPARE(model.headerData(JobListModel::DetailsColumn, Qt::Horizontal).toString(), QStringLiteral("Details"));

    JobListModel bobs(m_jobs.get(), m_bob);
    QCOMPARE(bobs.rowCount(), 1);
}

void TestJobListModel::detailsPerStatus()
{
    const qint64 failed = *m_jobs->enqueue(m_alice, JobTypes::EmailFetch, JobTrigger::Manual);
    QVERIFY(m_jobs->claimNext(m_t0)->has_value());
    const QString longError = QStringLiteral("The server refused the password.\nIt said: AUTHENTICATIONFAILED.");
    QVERIFY(*m_jobs->finish(failed, false, {{QStringLiteral("message"), longError}}, m_t0.addSecs(2)));
    const qint64 retrying = *m_jobs->enqueue(m_alice, JobTypes::EmailFetch, JobTrigger::Cron);
    QVERIFY(m_jobs->claimNext(m_t0)->has_value());
    QVERIFY(*m_jobs->scheduleRetry(retrying, m_t0.addSecs(60),
                                   {{QStringLiteral("message"), QStringLiteral("The server did not answer.")}}));
    const qint64 done = *m_jobs->enqueue(m_alice, JobTypes::Import, JobTrigger::Manual);
    QVERIFY(m_jobs->claimNext(m_t0.addSecs(1))->has_value());
    QVERIFY(*m_jobs->finish(done, true, {{QStringLiteral("summary"), QStringLiteral("12 transactions imported")}},
                            m_t0.addSecs(5)));
    const qint64 cancelled = *m_jobs->enqueue(m_alice, JobTypes::Import, JobTrigger::Manual);
    QVERIFY(m_jobs->cancel(m_alice, cancelled, m_t0));

    JobListModel model(m_jobs.get(), m_alice);
    model.setLocale(m_locale);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    // The table shows the first line, the tooltip all of it.
    QCOMPARE(cell(model, failed, JobListModel::DetailsColumn), QStringLiteral("The server refused the password."));
    QCOMPARE(cell(model, failed, JobListModel::DetailsColumn, Qt::ToolTipRole), longError);
    QCOMPARE(cell(model, failed, JobListModel::StatusColumn, Qt::ToolTipRole), longError);
    QCOMPARE(cell(model, failed, JobListModel::FinishedColumn),
             m_locale.toString(m_t0.addSecs(2).toLocalTime(), QLocale::ShortFormat));
    QCOMPARE(cell(model, retrying, JobListModel::DetailsColumn),
             QStringLiteral("Trying again at %1 after: The server did not answer.")
                 .arg(m_locale.toString(m_t0.addSecs(60).toLocalTime(), QLocale::ShortFormat)));
    QCOMPARE(cell(model, retrying, JobListModel::RetriesColumn), QStringLiteral("1"));
    QCOMPARE(cell(model, done, JobListModel::DetailsColumn), QStringLiteral("12 transactions imported"));
    QCOMPARE(cell(model, cancelled, JobListModel::StatusColumn), QStringLiteral("Cancelled"));
    QCOMPARE(cell(model, cancelled, JobListModel::DetailsColumn), QString());
}

void TestJobListModel::refreshKeepsRows()
{
    const qint64 first = *m_jobs->enqueue(m_alice, JobTypes::Import, JobTrigger::Manual);
    JobListModel model(m_jobs.get(), m_alice);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    // The repository's signal for this profile refreshes (soon, once).
    const qint64 second = *m_jobs->enqueue(m_alice, JobTypes::Import, JobTrigger::Manual);
    QVERIFY(m_jobs->cancel(m_alice, first, m_t0));
    QTRY_COMPARE(model.rowCount(), 2);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 0); // the new job on top
    QCOMPARE(model.jobAt(0)->id, second);
    QTRY_COMPARE(cell(model, first, JobListModel::StatusColumn), QStringLiteral("Cancelled"));
    QVERIFY(changed.count() >= 1);
    QCOMPARE(reset.count(), 0);

    // Another profile's changes do not concern this model.
    const int changes = changed.count();
    QVERIFY(m_jobs->enqueue(m_bob, JobTypes::Import, JobTrigger::Manual));
    QTest::qWait(100);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(changed.count(), changes);

    // Changes made elsewhere (the runner's connection) come in with refresh().
    QVERIFY(Sql::exec(m_db->database()->connection(), QStringLiteral("DELETE FROM jobs WHERE id = ?"), {first}));
    model.refresh();
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(model.jobAt(0)->id, second);
    QCOMPARE(reset.count(), 0);
}

void TestJobListModel::progressOfRunningJobs()
{
    const qint64 id = *m_jobs->enqueue(m_alice, JobTypes::EmailFetch, JobTrigger::Manual);
    JobListModel model(m_jobs.get(), m_alice);
    model.setLocale(m_locale);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QCOMPARE(cell(model, id, JobListModel::DetailsColumn), QString());
    QVERIFY(m_jobs->claimNext(m_t0)->has_value());
    model.refresh();
    QCOMPARE(cell(model, id, JobListModel::DetailsColumn), QStringLiteral("Working…"));

    model.setProgress(id, 120, 480, QStringLiteral("Fetched 120 of 480 messages"));
    QCOMPARE(cell(model, id, JobListModel::DetailsColumn), QStringLiteral("Fetched 120 of 480 messages"));
    QCOMPARE(changed.last().at(0).toModelIndex().column(), int(JobListModel::DetailsColumn));
    model.setProgress(id, 1500, 4000, QString());
    QCOMPARE(cell(model, id, JobListModel::DetailsColumn), QStringLiteral("1,500 of 4,000"));

    // Once it has ended the progress is forgotten.
    QVERIFY(*m_jobs->finish(id, true, {}, m_t0));
    model.refresh();
    QCOMPARE(cell(model, id, JobListModel::DetailsColumn), QString());
    QVERIFY(Sql::exec(m_db->database()->connection(), QStringLiteral("UPDATE jobs SET status = 'RUNNING' WHERE id = ?"),
                      {id}));
    model.refresh();
    QCOMPARE(cell(model, id, JobListModel::DetailsColumn), QStringLiteral("Working…"));
}

void TestJobListModel::statusFilterAndLimit()
{
    QList<qint64> ids;
    for (int i = 0; i < 5; ++i)
        ids << *m_jobs->enqueue(m_alice, JobTypes::Import, JobTrigger::Manual);
    QVERIFY(m_jobs->cancel(m_alice, ids.at(1), m_t0));
    QVERIFY(m_jobs->cancel(m_alice, ids.at(3), m_t0));
    JobListModel model(m_jobs.get(), m_alice);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 5);
    model.setStatusFilter(JobStatus::Cancelled);
    QCOMPARE(model.statusFilter(), std::optional<JobStatus>(JobStatus::Cancelled));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.jobAt(0)->id, ids.at(3));
    QCOMPARE(model.jobAt(1)->id, ids.at(1));
    model.setStatusFilter(JobStatus::Failed);
    QCOMPARE(model.rowCount(), 0);
    model.setStatusFilter(std::nullopt);
    QCOMPARE(model.rowCount(), 5);
    model.setLimit(3);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.jobAt(0)->id, ids.at(4));
}

QTEST_GUILESS_MAIN(TestJobListModel)
#include "tst_joblistmodel.moc"
