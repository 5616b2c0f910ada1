#include "db/jobrepository.h"
#include "jobs/jobrunner.h"
#include "jobtesthandler.h"
#include "testdatabase.h"
#include "testresult.h"

#include <QAtomicInt>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <atomic>
#include <stdexcept>

using namespace Moniagent;
using Test::handlerFor;

// The job runner against a real SQLite file: outcomes, backoff (by a manual clock, so nothing waits for real),
// cancel, wake, follow-up jobs, stop, stale jobs at start-up and user scoping.
class TestJobRunner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void successStoresOutput();
    void progressReachesTheWindowThread();
    void transientFailureRetriesWithBackoff();
    void retryAfterIsRespected();
    void retryLimitFails();
    void permanentFailureFailsAtOnce();
    void missingHandlerFails();
    void exceptionsFailTheJobOnly();
    void cancelRunningJob();
    void cancelFromAnotherConnection();
    void lateResultOfCancelledJobIsDropped();
    void wakeRunsNewJobPromptly();
    void handlerEnqueuesFollowUp();
    void usersStayScoped();
    void stopReturnsRunningJobToQueue();
    void startRequeuesStaleJobsOnce();
    void jobPastRetryLimitAfterCrashesIsNotRun();
    void workerPoolRunsJobsSideBySide();
    void retryAndCancelThroughRunner();

private:
    std::unique_ptr<JobRunner> makeRunner();
    JobStatus statusOf(qint64 id) const;
    Job job(qint64 id) const;

    std::unique_ptr<Test::TestDatabase> m_db;
    std::unique_ptr<JobRepository> m_jobs;
    std::unique_ptr<Test::ManualClock> m_clock;
    qint64 m_alice = 0;
    qint64 m_bob = 0;
    const QDateTime m_t0 = QDateTime(QDate(2026, 3, 1), QTime(9, 0), Qt::UTC);
};

void TestJobRunner::init()
{
    m_db = std::make_unique<Test::TestDatabase>();
    QVERIFY(m_db->isValid());
    m_alice = m_db->createUser(QStringLiteral("alice"));
    m_bob = m_db->createUser(QStringLiteral("bob"));
    QVERIFY(m_alice && m_bob);
    m_jobs = std::make_unique<JobRepository>(m_db->database());
    m_clock = std::make_unique<Test::ManualClock>(m_t0);
}

void TestJobRunner::cleanup()
{
    m_jobs.reset();
    m_db.reset();
    m_clock.reset();
}

std::unique_ptr<JobRunner> TestJobRunner::makeRunner()
{
    auto runner = std::make_unique<JobRunner>(m_db->database(), m_jobs.get(), *m_clock);
    runner->setRetryPolicy({30, 3600, 5});
    runner->setIdlePoll(std::chrono::seconds(60)); // nothing below relies on the poll
    return runner;
}

JobStatus TestJobRunner::statusOf(qint64 id) const
{
    auto found = m_jobs->findForRunner(id);
    return found ? found->status : JobStatus(-1);
}

Job TestJobRunner::job(qint64 id) const
{
    auto found = m_jobs->findForRunner(id);
    return found ? *found : Job();
}

void TestJobRunner::successStoresOutput()
{
    auto runner = makeRunner();
    QAtomicInt runs;
    QMutex mutex;
    qint64 seenUser = -1;
    QString seenInput;
    runner->registerHandler(JobTypes::Import, handlerFor([&](JobContext& context) {
                                runs.ref();
                                QMutexLocker locker(&mutex);
                                seenUser = context.userId();
                                seenInput = context.job().input.value(QStringLiteral("file")).toString();
                                return JobOutcome::success({{QStringLiteral("imported"), 42}});
                            }));
    QVERIFY(runner->hasHandler(JobTypes::Import));
    QVERIFY(!runner->hasHandler(JobTypes::EmailFetch));
    QSignalSpy started(runner.get(), &JobRunner::jobStarted);
    QSignalSpy finished(runner.get(), &JobRunner::jobFinished);
    QSignalSpy changed(runner.get(), &JobRunner::changed);
    const qint64 id = *m_jobs->enqueue(m_alice, JobTypes::Import, JobTrigger::Manual,
                                       {{QStringLiteral("file"), QStringLiteral("a.csv")}});
    MONIAGENT_VERIFY_OK(runner->start());
    QVERIFY(runner->isRunning());

    QTRY_COMPARE(statusOf(id), JobStatus::Success);
    const Job done = job(id);
    QCOMPARE(done.output, (QJsonObject {{QStringLiteral("imported"), 42}}));
    QVERIFY(done.error.isEmpty());
    QCOMPARE(done.startedAt, m_t0);
    QCOMPARE(done.finishedAt, m_t0);
    QCOMPARE(done.retryCount, 0);
    QCOMPARE(runs.loadRelaxed(), 1);
    {
        QMutexLocker locker(&mutex);
        QCOMPARE(seenUser, m_alice);
        QCOMPARE(seenInput, QStringLiteral("a.csv"));
    }

    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(started.count(), 1);
    const Job startedJob = started.at(0).at(0).value<Job>();
    QCOMPARE(startedJob.id, id);
    QCOMPARE(startedJob.status, JobStatus::Running);
    const Job finishedJob = finished.at(0).at(0).value<Job>();
    QCOMPARE(finishedJob.id, id);
    QCOMPARE(finishedJob.status, JobStatus::Success);
    QVERIFY(changed.count() >= 1);
    QVERIFY(runner->stop());
    QVERIFY(!runner->isRunning());
}

void TestJobRunner::progressReachesTheWindowThread()
{
    auto runner = makeRunner();
    QAtomicInt release;
    runner->registerHandler(JobTypes::EmailFetch, handlerFor([&](JobContext& context) {
                                context.reportProgress(1, 4, QStringLiteral("Fetched 1 of 4 messages"));
                                context.reportProgress(3, 4, QStringLiteral("Fetched 3 of 4 messages"));
                                while (!release.loadRelaxed() && !context.isCancelled())
                                    QThread::msleep(5);
                                return JobOutcome::success();
                            }));
    QSignalSpy progress(runner.get(), &JobRunner::jobProgress);
    const qint64 id = *m_jobs->enqueue(m_alice, JobTypes::EmailFetch, JobTrigger::Cron);
    MONIAGENT_VERIFY_OK(runner->start());

    // The latest report arrives on this thread (reports made between two turns of the event loop coalesce).
    QTRY_VERIFY(!progress.isEmpty() && progress.last().at(1).toLongLong() == 3);
    const QList<QVariant> last = progress.last();
    QCOMPARE(last.at(0).toLongLong(), id);
    QCOMPARE(last.at(2).toLongLong(), qint64(4));
    QCOMPARE(last.at(3).toString(), QStringLiteral("Fetched 3 of 4 messages"));
    QCOMPARE(runner->runningJobs(), QList<qint64> {id});
    QCOMPARE(runner->progress(id)->message, QStringLiteral("Fetched 3 of 4 messages"));

    release.storeRelaxed(1);
    QTRY_COMPARE(statusOf(id), JobStatus::Success);
    QTRY_VERIFY(runner->runningJobs().isEmpty());
    QVERIFY(!runner->progress(id).has_value());
}

void TestJobRunner::transientFailureRetriesWithBackoff()
{
    auto runner = makeRunner();
    QAtomicInt runs;
    runner->registerHandler(JobTypes::EmailFetch, handlerFor([&](JobContext&) {
                                runs.ref();
                                return JobOutcome::transient(QStringLiteral("The server did not answer."), {},
                                                             {{QStringLiteral("status"), 503}});
                            }));
    const qint64 id = *m_jobs->enqueue(m_alice, JobTypes::EmailFetch, JobTrigger::Cron);
    MONIAGENT_VERIFY_OK(runner->start());

    QTRY_COMPARE(job(id).retryCount, 1);
    Job waiting = job(id);
    QCOMPARE(waiting.status, JobStatus::Queued);
    QCOMPARE(waiting.nextRunAt, m_t0.addSecs(30)); // the base delay
    QCOMPARE(waiting.errorMessage(), QStringLiteral("The server did not answer."));
    QCOMPARE(waiting.error.value(QStringLiteral("status")).toInt(), 503);
    QVERIFY(!waiting.startedAt.isValid());

    // Not due before its time, however often the runner looks.
    m_clock->advanceSecs(29);
    runner->wake();
    QTest::qWait(200);
    QCOMPARE(runs.loadRelaxed(), 1);
    QCOMPARE(statusOf(id), JobStatus::Queued);

    m_clock->advanceSecs(1);
    runner->wake();
    QTRY_COMPARE(job(id).retryCount, 2);
    QCOMPARE(runs.loadRelaxed(), 2);
    QCOMPARE(job(id).nextRunAt, m_t0.addSecs(30 + 60)); // doubled

    m_clock->advanceSecs(60);
    runner->wake();
    QTRY_COMPARE(job(id).retryCount, 3);
    QCOMPARE(job(id).nextRunAt, m_t0.addSecs(90 + 120));
}

void TestJobRunner::retryAfterIsRespected()
{
    auto runner = makeRunner();
    runner->setRetryPolicy({30, 300, 5});
    runner->registerHandler(JobTypes::EmailFetch, handlerFor([](JobContext&) {
                                return JobOutcome::transient(QStringLiteral("Too many requests."), 900);
                            }));
    runner->registerHandler(JobTypes::Import, handlerFor([](JobContext&) {
                                return JobOutcome::transient(QStringLiteral("Busy."), 5); // shorter than backoff
                            }));
    const qint64 limited = *m_jobs->enqueue(m_alice, JobTypes::EmailFetch, JobTrigger::Cron);
    const qint64 busy = *m_jobs->enqueue(m_alice, JobTypes::Import, JobTrigger::Manual);
    MONIAGENT_VERIFY_OK(runner->start());
    QTRY_COMPARE(job(limited).retryCount, 1);
    QTRY_COMPARE(job(busy).retryCount, 1);
    QCOMPARE(job(limited).nextRunAt, m_t0.addSecs(900)); // beyond the 300 s cap: the server said so
    QCOMPARE(job(busy).nextRunAt, m_t0.addSecs(30)); // at least the backoff

    JobRetryPolicy policy {30, 3600, 5};
    QCOMPARE(policy.delaySeconds(0), qint64(30));
    QCOMPARE(policy.delaySeconds(1), qint64(60));
    QCOMPARE(policy.delaySeconds(4), qint64(480));
    QCOMPARE(policy.delaySeconds(7), qint64(3600)); // capped
    QCOMPARE(policy.delaySeconds(1000), qint64(3600));
    QCOMPARE(policy.delaySeconds(7, 7200), qint64(7200));
    QCOMPARE(policy.delaySeconds(2, 10), qint64(120));
}

void TestJobRunner::retryLimitFails()
{
    auto runner = makeRunner();
    runner->setRetryPolicy({10, 3600, 2});
    QAtomicInt runs;
    runner->registerHandler(JobTypes::EmailFetch, handlerFor([&](JobContext&) {
                                const int run = runs.fetchAndAddRelaxed(1) + 1;
                                return JobOutcome::transient(QStringLiteral("Connection dropped (run %1).").arg(run));
                            }));
    const qint64 id = *m_jobs->enqueue(m_bob, JobTypes::EmailFetch, JobTrigger::Cron);
    MONIAGENT_VERIFY_OK(runner->start());
    QTRY_COMPARE(job(id).retryCount, 1);
    m_clock->advanceSecs(10);
    runner->wake();
    QTRY_COMPARE(job(id).retryCount, 2);
    QCOMPARE(statusOf(id), JobStatus::Queued);
    m_clock->advanceSecs(20);
    runner->wake();

    QTRY_COMPARE(statusOf(id), JobStatus::Failed);
    const Job failed = job(id);
    QCOMPARE(runs.loadRelaxed(), 3); // the first run and two retries
    QCOMPARE(failed.retryCount, 2);
    QCOMPARE(failed.errorMessage(), QStringLiteral("Connection dropped (run 3)."));
    QCOMPARE(failed.finishedAt, m_t0.addSecs(30));
    m_clock->advanceSecs(3600);
    runner->wake();
    QTest::qWait(100);
    QCOMPARE(runs.loadRelaxed(), 3);
}

void TestJobRunner::permanentFailureFailsAtOnce()
{
    auto runner = makeRunner();
    QAtomicInt runs;
    runner->registerHandler(JobTypes::EmailFetch, handlerFor([&](JobContext&) {
                                runs.ref();
                                return JobOutcome::permanent(QStringLiteral("The password was refused."),
                                                             {{QStringLiteral("accountId"), 3}});
                            }));
    QSignalSpy finished(runner.get(), &JobRunner::jobFinished);
    const qint64 id = *m_jobs->enqueue(m_alice, JobTypes::EmailFetch, JobTrigger::Manual);
    MONIAGENT_VERIFY_OK(runner->start());
    QTRY_COMPARE(statusOf(id), JobStatus::Failed);
    const Job failed = job(id);
    QCOMPARE(failed.retryCount, 0);
    QCOMPARE(failed.errorMessage(), QStringLiteral("The password was refused."));
    QCOMPARE(failed.error.value(QStringLiteral("accountId")).toInt(), 3);
    QVERIFY(failed.output.isEmpty());
    QCOMPARE(runs.loadRelaxed(), 1);
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).at(0).value<Job>().status, JobStatus::Failed);

    // A failure without a message still tells the user something.
    runner->registerHandler(JobTypes::Import, handlerFor([](JobContext&) { return JobOutcome::permanent({}); }));
    const qint64 silent = *m_jobs->enqueue(m_alice, JobTypes::Import, JobTrigger::Manual);
    runner->wake();
    QTRY_COMPARE(statusOf(silent), JobStatus::Failed);
    QVERIFY(!job(silent).errorMessage().isEmpty());
}

void TestJobRunner::missingHandlerFails()
{
    auto runner = makeRunner();
    const qint64 id = *m_jobs->enqueue(m_alice, QStringLiteral("EXPORT_PDF"), JobTrigger::Manual);
    MONIAGENT_VERIFY_OK(runner->start());
    QTRY_COMPARE(statusOf(id), JobStatus::Failed);
    QVERIFY2(job(id).errorMessage().contains(QStringLiteral("EXPORT_PDF")), qPrintable(job(id).errorMessage()));
    QCOMPARE(job(id).retryCount, 0);

    // A factory that makes nothing fails the job the same way.
    runner->registerHandler(JobTypes::Import, []() { return std::unique_ptr<JobHandler>(); });
    const qint64 empty = *m_jobs->enqueue(m_alice, JobTypes::Import, JobTrigger::Manual);
    runner->wake();
    QTRY_COMPARE(statusOf(empty), JobStatus::Failed);
    QVERIFY(!job(empty).errorMessage().isEmpty());
}

void TestJobRunner::exceptionsFailTheJobOnly()
{
    auto runner = makeRunner();
    runner->registerHandler(JobTypes::Import,
                            handlerFor([](JobContext&) -> JobOutcome { throw std::runtime_error("disk on fire"); }));
    runner->registerHandler(JobTypes::InvoiceOcr, handlerFor([](JobContext&) -> JobOutcome { throw 42; }));
    runner->registerHandler(JobTypes::EmailFetch, []() -> std::unique_ptr<JobHandler> { throw std::bad_alloc(); });
    runner->registerHandler(JobTypes::EmailExtraction, handlerFor([](JobContext&) { return JobOutcome::success(); }));
    const qint64 thrown = *m_jobs->enqueue(m_alice, JobTypes::Import, JobTrigger::Manual);
    const qint64 unknown = *m_jobs->enqueue(m_alice, JobTypes::InvoiceOcr, JobTrigger::Manual);
    const qint64 factory = *m_jobs->enqueue(m_alice, JobTypes::EmailFetch, JobTrigger::Manual);
    const qint64 after = *m_jobs->enqueue(m_alice, JobTypes::EmailExtraction, JobTrigger::Manual);
    MONIAGENT_VERIFY_OK(runner->start());

    QTRY_COMPARE(statusOf(after), JobStatus::Success); // the runner lives on
    QCOMPARE(statusOf(thrown), JobStatus::Failed);
    QVERIFY2(job(thrown).errorMessage().contains(QStringLiteral("disk on fire")),
             qPrintable(job(thrown).errorMessage()));
    QCOMPARE(statusOf(unknown), JobStatus::Failed);
    QVERIFY(!job(unknown).errorMessage().isEmpty());
    QCOMPARE(statusOf(factory), JobStatus::Failed);
    QCOMPARE(job(thrown).retryCount, 0);
}

void TestJobRunner::cancelRunningJob()
{
    auto runner = makeRunner();
    QAtomicInt started;
    QAtomicInt sawCancel;
    runner->registerHandler(JobTypes::EmailFetch, handlerFor([&](JobContext& context) {
                                started.storeRelaxed(1);
                                QElapsedTimer timer;
                                timer.start();
                                while (!context.isCancelled()) {
                                    if (timer.elapsed() > 20000)
                                        return JobOutcome::success(); // never cancelled: the test fails below
                                    QThread::msleep(5);
                                }
                                sawCancel.storeRelaxed(1);
                                return JobOutcome::cancelled();
                            }));
    QSignalSpy finished(runner.get(), &JobRunner::jobFinished);
    const qint64 id = *m_jobs->enqueue(m_alice, JobTypes::EmailFetch, JobTrigger::Manual);
    MONIAGENT_VERIFY_OK(runner->start());
    QTRY_VERIFY(started.loadRelaxed());
    QCOMPARE(statusOf(id), JobStatus::Running);

    QElapsedTimer timer;
    timer.start();
    MONIAGENT_VERIFY_OK(runner->cancel(m_alice, id));
    QTRY_VERIFY_WITH_TIMEOUT(sawCancel.loadRelaxed(), 2000);
    QVERIFY2(timer.elapsed() < 1000, QByteArray::number(timer.elapsed()).constData());
    QTRY_COMPARE(finished.count(), 1);
    const Job cancelled = job(id);
    QCOMPARE(cancelled.status, JobStatus::Cancelled);
    QCOMPARE(cancelled.finishedAt, m_t0);
    QVERIFY(cancelled.output.isEmpty());
    QCOMPARE(finished.at(0).at(0).value<Job>().status, JobStatus::Cancelled);
    QTRY_VERIFY(runner->runningJobs().isEmpty());

    // Bob cannot cancel alice's job, and a finished job cannot be cancelled.
    const qint64 other = *m_jobs->enqueue(m_alice, JobTypes::Import, JobTrigger::Manual, {}, m_t0.addDays(1));
    QCOMPARE(runner->cancel(m_bob, other).error().code, Error::Code::NotFound);
    QCOMPARE(statusOf(other), JobStatus::Queued);
    QCOMPARE(runner->cancel(m_alice, id).error().code, Error::Code::InvalidInput);
}

void TestJobRunner::cancelFromAnotherConnection()
{
    auto runner = makeRunner();
    QAtomicInt started;
    runner->registerHandler(JobTypes::EmailFetch, handlerFor([&](JobContext& context) {
                                started.storeRelaxed(1);
                                QElapsedTimer timer;
                                timer.start();
                                while (!context.isCancelled() && timer.elapsed() < 20000)
                                    QThread::msleep(5);
                                return context.isCancelled() ? JobOutcome::cancelled() : JobOutcome::success();
                            }));
    const qint64 id = *m_jobs->enqueue(m_bob, JobTypes::EmailFetch, JobTrigger::Manual);
    MONIAGENT_VERIFY_OK(runner->start());
    QTRY_VERIFY(started.loadRelaxed());

    // Another connection (as the command line would, from another process) cancels; the runner notices by itself.
    QElapsedTimer timer;
    timer.start();
    QString error;
    std::unique_ptr<QThread> other(QThread::create([this, id, &error]() {
        JobRepository jobs(m_db->database());
        auto cancelled = jobs.cancel(m_bob, id, m_t0);
        if (!cancelled)
            error = cancelled.error().toString();
    }));
    other->start();
    QVERIFY(other->wait(10000));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QTRY_VERIFY(runner->runningJobs().isEmpty());
    QVERIFY2(timer.elapsed() < 2000, QByteArray::number(timer.elapsed()).constData());
    QCOMPARE(statusOf(id), JobStatus::Cancelled);
}

void TestJobRunner::lateResultOfCancelledJobIsDropped()
{
    auto runner = makeRunner();
    QAtomicInt started;
    QAtomicInt release;
    runner->registerHandler(JobTypes::Import, handlerFor([&](JobContext&) {
                                started.storeRelaxed(1);
                                while (!release.loadRelaxed())
                                    QThread::msleep(5);
                                return JobOutcome::success({{QStringLiteral("imported"), 3}}); // ignores the cancel
                            }));
    runner->registerHandler(JobTypes::EmailFetch, handlerFor([](JobContext&) { return JobOutcome::success(); }));
    const qint64 id = *m_jobs->enqueue(m_alice, JobTypes::Import, JobTrigger::Manual);
    MONIAGENT_VERIFY_OK(runner->start());
    QTRY_VERIFY(started.loadRelaxed());
    MONIAGENT_VERIFY_OK(m_jobs->cancel(m_alice, id, m_t0));
    release.storeRelaxed(1);
    QTRY_VERIFY(runner->runningJobs().isEmpty());
    QCOMPARE(statusOf(id), JobStatus::Cancelled);
    QVERIFY(job(id).output.isEmpty());
    // … and the runner carries on.
    const qint64 next = *runner->enqueue(m_alice, JobTypes::EmailFetch, JobTrigger::Manual);
    QTRY_COMPARE(statusOf(next), JobStatus::Success);
}

void TestJobRunner::wakeRunsNewJobPromptly()
{
    auto runner = makeRunner();
    runner->registerHandler(JobTypes::Import, handlerFor([](JobContext&) { return JobOutcome::success(); }));
    MONIAGENT_VERIFY_OK(runner->start());
    QTest::qWait(100); // the worker found nothing and sleeps (the idle poll is a minute)

    // Added behind the runner's back: it stays queued until the runner is woken …
    const qint64 quiet = *m_jobs->enqueue(m_alice, JobTypes::Import, JobTrigger::Manual);
    QTest::qWait(300);
    QCOMPARE(statusOf(quiet), JobStatus::Queued);
    QElapsedTimer timer;
    timer.start();
    runner->wake();
    QTRY_COMPARE(statusOf(quiet), JobStatus::Success);
    QVERIFY2(timer.elapsed() < 2000, QByteArray::number(timer.elapsed()).constData());

    // … and enqueue() wakes it by itself.
    QTest::qWait(100);
    timer.restart();
    auto id = runner->enqueue(m_alice, JobTypes::Import, JobTrigger::Manual);
    MONIAGENT_VERIFY_OK(id);
    QTRY_COMPARE(statusOf(*id), JobStatus::Success);
    QVERIFY2(timer.elapsed() < 2000, QByteArray::number(timer.elapsed()).constData());

    // A job due later is run when its time comes and the runner looks (woken here; in the app, it sleeps until
    // then).
    auto later = runner->enqueue(m_alice, JobTypes::Import, JobTrigger::Manual, {}, m_t0.addSecs(120));
    QTest::qWait(200);
    QCOMPARE(statusOf(*later), JobStatus::Queued);
    m_clock->advanceSecs(120);
    runner->wake();
    QTRY_COMPARE(statusOf(*later), JobStatus::Success);
}

void TestJobRunner::handlerEnqueuesFollowUp()
{
    auto runner = makeRunner();
    std::atomic<qint64> followUp = 0;
    runner->registerHandler(JobTypes::EmailFetch, handlerFor([&](JobContext& context) {
                                auto id = context.enqueue(JobTypes::EmailExtraction, {{QStringLiteral("emailId"), 77}});
                                if (!id)
                                    return JobOutcome::permanent(id.error().message);
                                followUp = *id;
                                return JobOutcome::success({{QStringLiteral("followUp"), *id}});
                            }));
    QAtomicInt extracted;
    runner->registerHandler(JobTypes::EmailExtraction, handlerFor([&](JobContext& context) {
                                extracted.storeRelaxed(context.job().input.value(QStringLiteral("emailId")).toInt());
                                return JobOutcome::success();
                            }));
    const qint64 fetch = *m_jobs->enqueue(m_bob, JobTypes::EmailFetch, JobTrigger::Cron);
    MONIAGENT_VERIFY_OK(runner->start());
    QTRY_COMPARE(statusOf(fetch), JobStatus::Success);
    QVERIFY(followUp > 0);
    QTRY_COMPARE(statusOf(followUp), JobStatus::Success);
    QCOMPARE(extracted.loadRelaxed(), 77);
    const Job child = job(followUp);
    QCOMPARE(child.userId, std::optional<qint64>(m_bob));
    QCOMPARE(child.triggeredBy, JobTrigger::Cron);
    QCOMPARE(child.type, QStringLiteral("EMAIL_EXTRACTION"));
    QCOMPARE(job(fetch).output.value(QStringLiteral("followUp")).toInteger(), followUp.load());
}

void TestJobRunner::usersStayScoped()
{
    auto runner = makeRunner();
    QMutex mutex;
    QHash<qint64, qint64> userOfJob;
    runner->registerHandler(JobTypes::Import, handlerFor([&](JobContext& context) {
                                QMutexLocker locker(&mutex);
                                userOfJob.insert(context.job().id, context.userId());
                                if (!context.job().input.contains(QStringLiteral("child")))
                                    (void)context.enqueue(JobTypes::Import, {{QStringLiteral("child"), true}});
                                return JobOutcome::success();
                            }));
    const qint64 a = *m_jobs->enqueue(m_alice, JobTypes::Import, JobTrigger::Manual);
    const qint64 b = *m_jobs->enqueue(m_bob, JobTypes::Import, JobTrigger::Api);
    const qint64 system = *m_jobs->enqueue(std::nullopt, JobTypes::Import, JobTrigger::Cron);
    MONIAGENT_VERIFY_OK(runner->start());
    QTRY_COMPARE(m_db->scalar(QStringLiteral("SELECT count(*) FROM jobs WHERE status = 'SUCCESS'")), qint64(6));

    QMutexLocker locker(&mutex);
    QCOMPARE(userOfJob.value(a), m_alice);
    QCOMPARE(userOfJob.value(b), m_bob);
    QCOMPARE(userOfJob.value(system), qint64(0));
    // Each profile sees its own job and its follow-up, nothing else; the system job and its child are nobody's.
    const QList<Job> alices = *m_jobs->list(m_alice);
    const QList<Job> bobs = *m_jobs->list(m_bob);
    QCOMPARE(alices.size(), 2);
    QCOMPARE(bobs.size(), 2);
    for (const Job& j : alices) {
        QCOMPARE(j.userId, std::optional<qint64>(m_alice));
        QCOMPARE(userOfJob.value(j.id), m_alice);
        QCOMPARE(j.triggeredBy, JobTrigger::Manual);
    }
    for (const Job& j : bobs) {
        QCOMPARE(userOfJob.value(j.id), m_bob);
        QCOMPARE(j.triggeredBy, JobTrigger::Api);
    }
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT count(*) FROM jobs WHERE user_id IS NULL")), qint64(2));
    QCOMPARE(m_jobs->find(m_bob, a).error().code, Error::Code::NotFound);
}

void TestJobRunner::stopReturnsRunningJobToQueue()
{
    auto runner = makeRunner();
    QAtomicInt started;
    runner->registerHandler(JobTypes::EmailFetch, handlerFor([&](JobContext& context) {
                                started.storeRelaxed(1);
                                while (!context.isCancelled())
                                    QThread::msleep(5);
                                return JobOutcome::cancelled();
                            }));
    const qint64 id = *m_jobs->enqueue(m_alice, JobTypes::EmailFetch, JobTrigger::Cron);
    MONIAGENT_VERIFY_OK(runner->start());
    QTRY_VERIFY(started.loadRelaxed());
    QElapsedTimer timer;
    timer.start();
    QVERIFY(runner->stop());
    QVERIFY(timer.elapsed() < 2000);
    const Job back = job(id);
    QCOMPARE(back.status, JobStatus::Queued); // as it was: no retry counted, no error
    QCOMPARE(back.retryCount, 0);
    QVERIFY(back.error.isEmpty());

    // Started again, it runs the job (no stale jobs: the stop left none).
    runner->registerHandler(JobTypes::EmailFetch, handlerFor([](JobContext&) { return JobOutcome::success(); }));
    auto again = runner->start();
    MONIAGENT_VERIFY_OK(again);
    QCOMPARE(*again, qint64(0));
    QTRY_COMPARE(statusOf(id), JobStatus::Success);
    QCOMPARE(job(id).retryCount, 0);
}

void TestJobRunner::startRequeuesStaleJobsOnce()
{
    // A job left RUNNING by a crash (claimed, never finished) and one queued normally.
    const qint64 stale = *m_jobs->enqueue(m_alice, JobTypes::Import, JobTrigger::Manual);
    QVERIFY(m_jobs->claimNext(m_t0.addSecs(-60))->has_value());
    const qint64 queued = *m_jobs->enqueue(m_alice, JobTypes::Import, JobTrigger::Manual);

    auto runner = makeRunner();
    QAtomicInt runs;
    runner->registerHandler(JobTypes::Import, handlerFor([&](JobContext&) {
                                runs.ref();
                                return JobOutcome::success();
                            }));
    auto requeued = runner->start();
    MONIAGENT_VERIFY_OK(requeued);
    QCOMPARE(*requeued, qint64(1));
    QTRY_COMPARE(statusOf(stale), JobStatus::Success);
    QTRY_COMPARE(statusOf(queued), JobStatus::Success);
    QCOMPARE(job(stale).retryCount, 1);
    QCOMPARE(job(queued).retryCount, 0);
    QCOMPARE(runs.loadRelaxed(), 2);
    runner->stop();

    // Once per process and file: a second runner must not take the jobs another one may still be running.
    const qint64 running = *m_jobs->enqueue(m_alice, JobTypes::Import, JobTrigger::Manual);
    QVERIFY(m_jobs->claimNext(m_t0)->has_value());
    auto second = makeRunner();
    auto none = second->start();
    MONIAGENT_VERIFY_OK(none);
    QCOMPARE(*none, qint64(0));
    QTest::qWait(100);
    QCOMPARE(statusOf(running), JobStatus::Running);
}

void TestJobRunner::jobPastRetryLimitAfterCrashesIsNotRun()
{
    auto runner = makeRunner();
    runner->setRetryPolicy({30, 3600, 2});
    QAtomicInt runs;
    runner->registerHandler(JobTypes::InvoiceOcr, handlerFor([&](JobContext&) {
                                runs.ref();
                                return JobOutcome::success();
                            }));
    const qint64 id = *m_jobs->enqueue(m_alice, JobTypes::InvoiceOcr, JobTrigger::Manual);
    // Three crashes while it ran: claimed and re-queued three times.
    for (int i = 0; i < 3; ++i) {
        QVERIFY(m_jobs->claimNext(m_t0)->has_value());
        QCOMPARE(*m_jobs->requeueStale(), qint64(1));
    }
    QCOMPARE(job(id).retryCount, 3);
    MONIAGENT_VERIFY_OK(runner->start());
    QTRY_COMPARE(statusOf(id), JobStatus::Failed);
    QCOMPARE(runs.loadRelaxed(), 0);
    QVERIFY(!job(id).errorMessage().isEmpty());
}

void TestJobRunner::workerPoolRunsJobsSideBySide()
{
    auto runner = makeRunner();
    runner->setWorkerCount(2);
    QCOMPARE(runner->workerCount(), 2);
    QAtomicInt running;
    QAtomicInt peak;
    QAtomicInt release;
    runner->registerHandler(JobTypes::Import, handlerFor([&](JobContext&) {
                                const int now = running.fetchAndAddRelaxed(1) + 1;
                                int seen = peak.loadRelaxed();
                                while (now > seen && !peak.testAndSetRelaxed(seen, now))
                                    seen = peak.loadRelaxed();
                                while (!release.loadRelaxed())
                                    QThread::msleep(5);
                                running.deref();
                                return JobOutcome::success();
                            }));
    QList<qint64> ids;
    for (int i = 0; i < 4; ++i)
        ids << *m_jobs->enqueue(i % 2 ? m_alice : m_bob, JobTypes::Import, JobTrigger::Manual);
    MONIAGENT_VERIFY_OK(runner->start());
    QTRY_COMPARE(peak.loadRelaxed(), 2);
    QCOMPARE(runner->runningJobs().size(), 2);
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT count(*) FROM jobs WHERE status = 'RUNNING'")), qint64(2));
    release.storeRelaxed(1);
    for (qint64 id : std::as_const(ids))
        QTRY_COMPARE(statusOf(id), JobStatus::Success);
    QCOMPARE(peak.loadRelaxed(), 2); // never more than the workers
}

void TestJobRunner::retryAndCancelThroughRunner()
{
    auto runner = makeRunner();
    QAtomicInt fail = 1;
    runner->registerHandler(JobTypes::Import, handlerFor([&](JobContext&) {
                                return fail.loadRelaxed() ? JobOutcome::permanent(QStringLiteral("Locked."))
                                                          : JobOutcome::success();
                            }));
    const qint64 id = *m_jobs->enqueue(m_alice, JobTypes::Import, JobTrigger::Manual);
    MONIAGENT_VERIFY_OK(runner->start());
    QTRY_COMPARE(statusOf(id), JobStatus::Failed);
    fail.storeRelaxed(0);
    auto again = runner->retry(m_alice, id);
    MONIAGENT_VERIFY_OK(again);
    QTRY_COMPARE(statusOf(*again), JobStatus::Success);
    QCOMPARE(job(*again).triggeredBy, JobTrigger::Retry);
    QCOMPARE(statusOf(id), JobStatus::Failed);
    QCOMPARE(runner->retry(m_bob, id).error().code, Error::Code::NotFound);

    // Cancelling a queued job: it never runs.
    const qint64 later = *runner->enqueue(m_alice, JobTypes::Import, JobTrigger::Manual, {}, m_t0.addSecs(60));
    MONIAGENT_VERIFY_OK(runner->cancel(m_alice, later));
    m_clock->advanceSecs(60);
    runner->wake();
    QTest::qWait(100);
    QCOMPARE(statusOf(later), JobStatus::Cancelled);
    QVERIFY(!job(later).startedAt.isValid());
}

QTEST_GUILESS_MAIN(TestJobRunner)
#include "tst_jobrunner.moc"
