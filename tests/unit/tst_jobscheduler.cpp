#include "db/jobrepository.h"
#include "jobs/jobrunner.h"
#include "jobs/jobscheduler.h"
#include "jobtesthandler.h"
#include "testdatabase.h"
#include "testresult.h"

#include <QSignalSpy>
#include <QTest>

using namespace Moniagent;

// Periodic (CRON) jobs: a schedule runs at start and every interval by the clock, never adds a job that is still
// pending, can be turned off and on at run time, and reports producer failures.
class TestJobScheduler : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void runsAtStartThenEveryInterval();
    void doesNotDuplicatePendingJobs();
    void intervalChangesAtRunTime();
    void producerFailureIsReported();
    void runNowAndSystemJobs();
    void scheduledJobsRun();

private:
    qint64 count(const QString& where) const;

    std::unique_ptr<Test::TestDatabase> m_db;
    std::unique_ptr<JobRepository> m_jobs;
    std::unique_ptr<Test::ManualClock> m_clock;
    std::unique_ptr<JobRunner> m_runner;
    qint64 m_alice = 0;
    qint64 m_bob = 0;
    const QDateTime m_t0 = QDateTime(QDate(2026, 3, 1), QTime(9, 0), Qt::UTC);
};

void TestJobScheduler::init()
{
    m_db = std::make_unique<Test::TestDatabase>();
    QVERIFY(m_db->isValid());
    m_alice = m_db->createUser(QStringLiteral("alice"));
    m_bob = m_db->createUser(QStringLiteral("bob"));
    m_jobs = std::make_unique<JobRepository>(m_db->database());
    m_clock = std::make_unique<Test::ManualClock>(m_t0);
    m_runner = std::make_unique<JobRunner>(m_db->database(), m_jobs.get(), *m_clock); // not started
}

void TestJobScheduler::cleanup()
{
    m_runner.reset();
    m_jobs.reset();
    m_db.reset();
    m_clock.reset();
}

qint64 TestJobScheduler::count(const QString& where) const
{
    return m_db->scalar(QStringLiteral("SELECT count(*) FROM jobs WHERE ") + where);
}

// Two mail accounts, one per profile.
static JobScheduler::Producer twoAccounts(qint64 alice, qint64 bob, int* calls)
{
    return [alice, bob, calls]() -> Result<QList<ScheduledJob>> {
        ++*calls;
        return QList<ScheduledJob> {
            {alice, QStringLiteral("EMAIL_FETCH"), {{QStringLiteral("accountId"), 1}}},
            {bob, QStringLiteral("EMAIL_FETCH"), {{QStringLiteral("accountId"), 2}}},
        };
    };
}

void TestJobScheduler::runsAtStartThenEveryInterval()
{
    JobScheduler scheduler(m_runner.get(), *m_clock);
    int calls = 0;
    scheduler.addSchedule(QStringLiteral("mail"), 15, twoAccounts(m_alice, m_bob, &calls));
    QCOMPARE(scheduler.schedules(), QStringList {QStringLiteral("mail")});
    QCOMPARE(scheduler.interval(QStringLiteral("mail")), 15);
    QVERIFY(!scheduler.nextRunAt(QStringLiteral("mail")).isValid()); // not started
    QSignalSpy ran(&scheduler, &JobScheduler::scheduleRan);

    scheduler.start();
    QVERIFY(scheduler.isActive());
    QCOMPARE(calls, 0); // at the next turn of the event loop, not inside start()
    QTRY_COMPARE(calls, 1);
    QCOMPARE(ran.count(), 1);
    QCOMPARE(ran.at(0).at(0).toString(), QStringLiteral("mail"));
    QCOMPARE(ran.at(0).at(1).toInt(), 2);
    QCOMPARE(count(QStringLiteral("triggered_by = 'CRON' AND status = 'QUEUED' AND job_type = 'EMAIL_FETCH'")), 2);
    QCOMPARE(m_jobs->list(m_alice)->first().input.value(QStringLiteral("accountId")).toInt(), 1);
    QCOMPARE(m_jobs->list(m_bob)->first().input.value(QStringLiteral("accountId")).toInt(), 2);
    QCOMPARE(scheduler.lastRunAt(QStringLiteral("mail")), m_t0);
    QCOMPARE(scheduler.nextRunAt(QStringLiteral("mail")), m_t0.addSecs(15 * 60));

    // Before the interval has passed nothing runs; then it does.
    m_clock->advanceSecs(14 * 60 + 59);
    QCOMPARE(scheduler.runDue(), 0);
    QCOMPARE(calls, 1);
    m_clock->advanceSecs(1);
    scheduler.runDue();
    QCOMPARE(calls, 2);
    QCOMPARE(scheduler.lastRunAt(QStringLiteral("mail")), m_t0.addSecs(15 * 60));

    scheduler.stop();
    QVERIFY(!scheduler.isActive());
    QVERIFY(!scheduler.nextRunAt(QStringLiteral("mail")).isValid());
}

void TestJobScheduler::doesNotDuplicatePendingJobs()
{
    JobScheduler scheduler(m_runner.get(), *m_clock);
    int calls = 0;
    scheduler.addSchedule(QStringLiteral("mail"), 10, twoAccounts(m_alice, m_bob, &calls));
    QCOMPARE(scheduler.runDue(), 2);
    QCOMPARE(count(QStringLiteral("1")), 2);

    // Both still waiting (or running): nothing added.
    auto claimed = m_jobs->claimNext(m_t0);
    QVERIFY(claimed && claimed->has_value());
    m_clock->advanceSecs(600);
    QCOMPARE(scheduler.runDue(), 0);
    QCOMPARE(calls, 2);
    QCOMPARE(count(QStringLiteral("1")), 2);

    // One ended: only that one comes back.
    QVERIFY(*m_jobs->finish((*claimed)->id, true, {}, m_t0));
    m_clock->advanceSecs(600);
    QCOMPARE(scheduler.runDue(), 1);
    QCOMPARE(count(QStringLiteral("status = 'QUEUED'")), 2);
    QCOMPARE(count(QStringLiteral("1")), 3);
}

void TestJobScheduler::intervalChangesAtRunTime()
{
    JobScheduler scheduler(m_runner.get(), *m_clock);
    int calls = 0;
    scheduler.addSchedule(QStringLiteral("mail"), 0, twoAccounts(m_alice, m_bob, &calls));
    scheduler.start();
    QTest::qWait(50);
    m_clock->advanceDays(3);
    QCOMPARE(scheduler.runDue(), 0); // off
    QCOMPARE(calls, 0);
    QVERIFY(!scheduler.nextRunAt(QStringLiteral("mail")).isValid());

    // Turned on: due at once (it has not run yet), then every 30 minutes.
    scheduler.setInterval(QStringLiteral("mail"), 30);
    QCOMPARE(scheduler.nextRunAt(QStringLiteral("mail")), m_clock->nowUtc());
    QTRY_COMPARE(calls, 1); // the timer runs it
    const QDateTime first = m_clock->nowUtc();
    QCOMPARE(scheduler.nextRunAt(QStringLiteral("mail")), first.addSecs(30 * 60));

    // Shortened: the new interval counts from the last run.
    scheduler.setInterval(QStringLiteral("mail"), 5);
    QCOMPARE(scheduler.nextRunAt(QStringLiteral("mail")), first.addSecs(5 * 60));
    m_clock->advanceSecs(5 * 60);
    scheduler.runDue();
    QCOMPARE(calls, 2);

    // Off again.
    scheduler.setInterval(QStringLiteral("mail"), 0);
    m_clock->advanceDays(1);
    QCOMPARE(scheduler.runDue(), 0);
    QCOMPARE(calls, 2);
    scheduler.setInterval(QStringLiteral("unknown"), 5); // ignored
    QCOMPARE(scheduler.interval(QStringLiteral("unknown")), 0);
}

void TestJobScheduler::producerFailureIsReported()
{
    JobScheduler scheduler(m_runner.get(), *m_clock);
    int calls = 0;
    scheduler.addSchedule(QStringLiteral("broken"), 10, [&calls]() -> Result<QList<ScheduledJob>> {
        ++calls;
        return Error::database(QStringLiteral("The accounts could not be read."));
    });
    int badCalls = 0;
    scheduler.addSchedule(QStringLiteral("bad type"), 10, [this, &badCalls]() -> Result<QList<ScheduledJob>> {
        ++badCalls;
        return QList<ScheduledJob> {{m_alice, QStringLiteral("not a type"), {}},
                                    {m_alice, QStringLiteral("IMPORT"), {}}};
    });
    QSignalSpy errors(&scheduler, &JobScheduler::errorOccurred);
    QCOMPARE(scheduler.runDue(), 1); // the good job of the second schedule
    QCOMPARE(errors.count(), 2);
    QCOMPARE(errors.at(0).at(0).toString(), QStringLiteral("The accounts could not be read."));
    QVERIFY(errors.at(1).at(0).toString().contains(QStringLiteral("not a type")));
    QCOMPARE(count(QStringLiteral("1")), 1);
    // Tried again at the next interval, not at once.
    QCOMPARE(scheduler.runDue(), 0);
    QCOMPARE(calls, 1);
    m_clock->advanceSecs(600);
    scheduler.runDue();
    QCOMPARE(calls, 2);
    QCOMPARE(badCalls, 2);
}

void TestJobScheduler::runNowAndSystemJobs()
{
    JobScheduler scheduler(m_runner.get(), *m_clock);
    int calls = 0;
    scheduler.addSchedule(QStringLiteral("cleanup"), 60, [&calls]() -> Result<QList<ScheduledJob>> {
        ++calls;
        return QList<ScheduledJob> {{std::nullopt, QStringLiteral("CLEANUP_CACHE"), {}}};
    });
    auto added = scheduler.runNow(QStringLiteral("cleanup"));
    MONIAGENT_VERIFY_OK(added);
    QCOMPARE(*added, 1);
    QCOMPARE(count(QStringLiteral("user_id IS NULL AND job_type = 'CLEANUP_CACHE'")), 1);
    QCOMPARE(*scheduler.runNow(QStringLiteral("cleanup")), 0); // still pending
    QCOMPARE(calls, 2);
    QCOMPARE(scheduler.runNow(QStringLiteral("nothing")).error().code, Error::Code::NotFound);
    scheduler.removeSchedule(QStringLiteral("cleanup"));
    QVERIFY(scheduler.schedules().isEmpty());
    m_clock->advanceDays(1);
    QCOMPARE(scheduler.runDue(), 0);
    QCOMPARE(calls, 2);
}

void TestJobScheduler::scheduledJobsRun()
{
    QAtomicInt fetched;
    m_runner->registerHandler(JobTypes::EmailFetch, Test::handlerFor([&](JobContext&) {
                                  fetched.ref();
                                  return JobOutcome::success();
                              }));
    MONIAGENT_VERIFY_OK(m_runner->start());
    JobScheduler scheduler(m_runner.get(), *m_clock);
    int calls = 0;
    scheduler.addSchedule(QStringLiteral("mail"), 15, twoAccounts(m_alice, m_bob, &calls));
    scheduler.start();
    // The scheduler wakes the runner: both fetches run straight away.
    QTRY_COMPARE(fetched.loadRelaxed(), 2);
    QTRY_COMPARE(count(QStringLiteral("status = 'SUCCESS' AND triggered_by = 'CRON'")), 2);
    m_clock->advanceSecs(15 * 60);
    scheduler.runDue();
    QTRY_COMPARE(fetched.loadRelaxed(), 4);
}

QTEST_GUILESS_MAIN(TestJobScheduler)
#include "tst_jobscheduler.moc"
