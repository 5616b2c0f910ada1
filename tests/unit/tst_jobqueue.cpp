#include "db/jobrepository.h"
#include "db/sql.h"
#include "testdatabase.h"
#include "testresult.h"

#include <QSet>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

using namespace Moniagent;

// The job queue as the runner drives it: claimNext order and atomicity, finish, scheduleRetry and
// requeueStale across users.
class TestJobQueue : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void claimNextOrder();
    void claimNextIsAtomic();
    void finish();
    void scheduleRetry();
    void requeueStale();
    void cancelledWhileRunning();
    void release();
    void nextDue();

private:
    JobStatus statusOf(qint64 id) const;

    std::unique_ptr<Test::TestDatabase> m_db;
    std::unique_ptr<JobRepository> m_jobs;
    qint64 m_alice = 0;
    qint64 m_bob = 0;
    const QDateTime m_t0 = QDateTime(QDate(2026, 3, 1), QTime(9, 0), Qt::UTC);
};

void TestJobQueue::init()
{
    m_db = std::make_unique<Test::TestDatabase>();
    QVERIFY(m_db->isValid());
    m_alice = m_db->createUser(QStringLiteral("alice"));
    m_bob = m_db->createUser(QStringLiteral("bob"));
    QVERIFY(m_alice && m_bob);
    m_jobs = std::make_unique<JobRepository>(m_db->database());
}

void TestJobQueue::cleanup()
{
    m_jobs.reset();
    m_db.reset();
}

JobStatus TestJobQueue::statusOf(qint64 id) const
{
    auto job = m_jobs->findForRunner(id);
    return job ? job->status : JobStatus(-1);
}

void TestJobQueue::claimNextOrder()
{
    QVERIFY(!m_jobs->claimNext(m_t0)->has_value()); // empty queue
    const qint64 laterDue = *m_jobs->enqueue(m_alice, JobTypes::Import, JobTrigger::Manual, {}, m_t0.addSecs(10));
    const qint64 asap = *m_jobs->enqueue(m_bob, JobTypes::Import, JobTrigger::Manual);
    const qint64 earlyDue = *m_jobs->enqueue(m_alice, JobTypes::Import, JobTrigger::Manual, {}, m_t0.addSecs(-5));
    const qint64 earlyDueToo = *m_jobs->enqueue(std::nullopt, JobTypes::Import, JobTrigger::Cron, {}, m_t0.addSecs(-5));
    const qint64 future = *m_jobs->enqueue(m_alice, JobTypes::Import, JobTrigger::Manual, {}, m_t0.addSecs(3600));
    const qint64 finished = *m_jobs->enqueue(m_alice, JobTypes::Import, JobTrigger::Manual);
    QVERIFY(m_jobs->cancel(m_alice, finished, m_t0));

    QSignalSpy changed(m_jobs.get(), &JobRepository::changed);
    const QDateTime now = m_t0.addSecs(20);
    QList<qint64> order;
    for (;;) {
        auto claimed = m_jobs->claimNext(now);
        MONIAGENT_VERIFY_OK(claimed);
        if (!claimed->has_value())
            break;
        const Job& job = **claimed;
        QCOMPARE(job.status, JobStatus::Running);
        QCOMPARE(job.startedAt, now);
        order << job.id;
    }
    QCOMPARE(order, (QList<qint64> {asap, earlyDue, earlyDueToo, laterDue}));
    QCOMPARE(changed.count(), 4);
    QCOMPARE(statusOf(future), JobStatus::Queued);
    QCOMPARE(statusOf(finished), JobStatus::Cancelled);

    auto last = m_jobs->claimNext(m_t0.addSecs(3600)); // due exactly now
    QVERIFY(last && last->has_value());
    QCOMPARE((*last)->id, future);
    QVERIFY(!m_jobs->claimNext(m_t0.addDays(1))->has_value());
    QVERIFY(!m_jobs->claimNext(QDateTime()));
}

void TestJobQueue::claimNextIsAtomic()
{
    constexpr int Jobs = 60;
    QSet<qint64> all;
    for (int i = 0; i < Jobs; ++i)
        all.insert(*m_jobs->enqueue(i % 2 ? m_alice : m_bob, JobTypes::InvoiceOcr, JobTrigger::Manual));

    // Two runners, each on its own thread and connection, race for the same queue.
    Database* database = m_db->database();
    const QDateTime now = m_t0;
    auto runner = [database, now](QList<qint64>* claimed, QString* error) {
        JobRepository jobs(database);
        for (;;) {
            auto next = jobs.claimNext(now);
            if (!next) {
                *error = next.error().toString();
                return;
            }
            if (!next->has_value())
                return;
            claimed->append((*next)->id);
        }
    };
    QList<qint64> first;
    QList<qint64> second;
    QString firstError;
    QString secondError;
    std::unique_ptr<QThread> a(QThread::create(runner, &first, &firstError));
    std::unique_ptr<QThread> b(QThread::create(runner, &second, &secondError));
    a->start();
    b->start();
    QVERIFY(a->wait(60000));
    QVERIFY(b->wait(60000));
    QVERIFY2(firstError.isEmpty(), qPrintable(firstError));
    QVERIFY2(secondError.isEmpty(), qPrintable(secondError));

    QCOMPARE(first.size() + second.size(), Jobs); // every job claimed once …
    const QSet<qint64> union_
        = QSet<qint64>(first.cbegin(), first.cend()) | QSet<qint64>(second.cbegin(), second.cend());
    QCOMPARE(union_, all); // … and none twice
    for (qint64 id : all)
        QCOMPARE(statusOf(id), JobStatus::Running);
}

void TestJobQueue::finish()
{
    const qint64 good = *m_jobs->enqueue(m_alice, JobTypes::Import, JobTrigger::Manual);
    const qint64 bad = *m_jobs->enqueue(m_alice, JobTypes::Import, JobTrigger::Manual);
    const qint64 waiting = *m_jobs->enqueue(m_alice, JobTypes::Import, JobTrigger::Manual, {}, m_t0.addDays(1));
    QVERIFY(m_jobs->claimNext(m_t0)->has_value());
    QVERIFY(m_jobs->claimNext(m_t0)->has_value());

    const QDateTime end = m_t0.addSecs(30);
    const QJsonObject output {{QStringLiteral("imported"), 12}};
    auto done = m_jobs->finish(good, true, output, end);
    QVERIFY(done && *done);
    auto job = m_jobs->find(m_alice, good);
    QCOMPARE(job->status, JobStatus::Success);
    QCOMPARE(job->output, output);
    QCOMPARE(job->finishedAt, end);
    QCOMPARE(job->startedAt, m_t0);

    const QJsonObject error {{QStringLiteral("message"), QStringLiteral("The file is empty.")}};
    QVERIFY(*m_jobs->finish(bad, false, error, end));
    job = m_jobs->find(m_alice, bad);
    QCOMPARE(job->status, JobStatus::Failed);
    QCOMPARE(job->errorMessage(), QStringLiteral("The file is empty."));
    QVERIFY(job->output.isEmpty());

    // Only a running job can finish; a second finish changes nothing.
    QCOMPARE(*m_jobs->finish(good, false, error, end.addSecs(1)), false);
    QCOMPARE(m_jobs->find(m_alice, good)->status, JobStatus::Success);
    QCOMPARE(*m_jobs->finish(waiting, true, output, end), false);
    QCOMPARE(statusOf(waiting), JobStatus::Queued);
    QCOMPARE(m_jobs->finish(987654, true, output, end).error().code, Error::Code::NotFound);
}

void TestJobQueue::scheduleRetry()
{
    const qint64 id = *m_jobs->enqueue(m_alice, JobTypes::EmailFetch, JobTrigger::Cron);
    QVERIFY(m_jobs->claimNext(m_t0)->has_value());
    const QJsonObject error {{QStringLiteral("message"), QStringLiteral("The server did not answer.")}};
    const QDateTime backoff = m_t0.addSecs(60);
    QVERIFY(*m_jobs->scheduleRetry(id, backoff, error));

    auto job = m_jobs->find(m_alice, id);
    QCOMPARE(job->status, JobStatus::Queued);
    QCOMPARE(job->retryCount, 1);
    QCOMPARE(job->nextRunAt, backoff);
    QCOMPARE(job->error, error);
    QVERIFY(!job->startedAt.isValid());

    QVERIFY(!m_jobs->claimNext(backoff.addMSecs(-1))->has_value()); // not due yet
    auto again = m_jobs->claimNext(backoff);
    QVERIFY(again->has_value());
    QCOMPARE((*again)->retryCount, 1);
    QVERIFY(*m_jobs->scheduleRetry(id, backoff.addSecs(120), error));
    QCOMPARE(m_jobs->find(m_alice, id)->retryCount, 2);

    // Only from RUNNING.
    QCOMPARE(*m_jobs->scheduleRetry(id, backoff, error), false);
    QCOMPARE(m_jobs->find(m_alice, id)->retryCount, 2);
    QVERIFY(!m_jobs->scheduleRetry(id, QDateTime(), error));
    QCOMPARE(m_jobs->scheduleRetry(987654, backoff, error).error().code, Error::Code::NotFound);
}

void TestJobQueue::requeueStale()
{
    const qint64 stale1 = *m_jobs->enqueue(m_alice, JobTypes::InvoiceOcr, JobTrigger::Manual);
    const qint64 stale2 = *m_jobs->enqueue(std::nullopt, JobTypes::InvoiceOcr, JobTrigger::Manual);
    const qint64 queued = *m_jobs->enqueue(m_bob, JobTypes::InvoiceOcr, JobTrigger::Manual, {}, m_t0.addDays(1));
    const qint64 done = *m_jobs->enqueue(m_bob, JobTypes::InvoiceOcr, JobTrigger::Manual);
    QVERIFY(m_jobs->claimNext(m_t0)->has_value());
    QVERIFY(m_jobs->claimNext(m_t0)->has_value());
    QVERIFY(m_jobs->claimNext(m_t0)->has_value());
    QVERIFY(*m_jobs->finish(done, true, {}, m_t0));

    auto requeued = m_jobs->requeueStale();
    QVERIFY(requeued);
    QCOMPARE(*requeued, qint64(2));
    for (qint64 id : {stale1, stale2}) {
        auto job = m_jobs->findForRunner(id);
        QCOMPARE(job->status, JobStatus::Queued);
        QCOMPARE(job->retryCount, 1);
        QVERIFY(!job->startedAt.isValid());
    }
    QCOMPARE(statusOf(queued), JobStatus::Queued);
    QCOMPARE(m_jobs->findForRunner(queued)->retryCount, 0);
    QCOMPARE(statusOf(done), JobStatus::Success);
    QCOMPARE(*m_jobs->requeueStale(), qint64(0));
}

void TestJobQueue::cancelledWhileRunning()
{
    const qint64 id = *m_jobs->enqueue(m_alice, JobTypes::EmailExtraction, JobTrigger::Manual);
    QVERIFY(m_jobs->claimNext(m_t0)->has_value());
    QVERIFY(m_jobs->cancel(m_alice, id, m_t0.addSecs(1)));
    // The runner's late result is dropped: the user's cancel wins.
    QCOMPARE(*m_jobs->finish(id, true, {{QStringLiteral("x"), 1}}, m_t0.addSecs(2)), false);
    QCOMPARE(*m_jobs->scheduleRetry(id, m_t0.addSecs(60), {}), false);
    auto job = m_jobs->find(m_alice, id);
    QCOMPARE(job->status, JobStatus::Cancelled);
    QVERIFY(job->output.isEmpty());
    QCOMPARE(job->finishedAt, m_t0.addSecs(1));
}

void TestJobQueue::release()
{
    const qint64 id = *m_jobs->enqueue(m_bob, JobTypes::EmailFetch, JobTrigger::Cron, {}, m_t0.addSecs(-10));
    QVERIFY(m_jobs->claimNext(m_t0)->has_value());
    QSignalSpy changed(m_jobs.get(), &JobRepository::changed);
    auto released = m_jobs->release(id);
    MONIAGENT_VERIFY_OK(released);
    QVERIFY(*released);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toLongLong(), m_bob);
    auto job = m_jobs->findForRunner(id);
    QCOMPARE(job->status, JobStatus::Queued);
    QCOMPARE(job->retryCount, 0); // not a failure: no retry counted
    QCOMPARE(job->nextRunAt, m_t0.addSecs(-10));
    QVERIFY(!job->startedAt.isValid());
    QCOMPARE((*m_jobs->claimNext(m_t0))->id, id); // and it runs again

    // Only a running job: a queued or finished one stays as it is.
    QVERIFY(*m_jobs->finish(id, true, {}, m_t0));
    QCOMPARE(*m_jobs->release(id), false);
    QCOMPARE(statusOf(id), JobStatus::Success);
    const qint64 queued = *m_jobs->enqueue(m_bob, JobTypes::EmailFetch, JobTrigger::Cron);
    QCOMPARE(*m_jobs->release(queued), false);
    QCOMPARE(m_jobs->release(987654).error().code, Error::Code::NotFound);
}

void TestJobQueue::nextDue()
{
    auto none = m_jobs->nextDue(m_t0);
    MONIAGENT_VERIFY_OK(none);
    QVERIFY(!none->has_value()); // empty queue

    const qint64 later = *m_jobs->enqueue(m_alice, JobTypes::Import, JobTrigger::Manual, {}, m_t0.addSecs(90));
    QVERIFY(*m_jobs->enqueue(m_bob, JobTypes::Import, JobTrigger::Manual, {}, m_t0.addSecs(300)));
    QCOMPARE(**m_jobs->nextDue(m_t0), m_t0.addSecs(90)); // the earliest, whoever it belongs to
    QVERIFY(!m_jobs->nextDue(QDateTime()));

    // A job due at once is due now; running and finished jobs do not count.
    const qint64 asap = *m_jobs->enqueue(std::nullopt, JobTypes::Import, JobTrigger::Cron);
    QCOMPARE(**m_jobs->nextDue(m_t0), m_t0);
    QCOMPARE((*m_jobs->claimNext(m_t0))->id, asap);
    QCOMPARE(**m_jobs->nextDue(m_t0), m_t0.addSecs(90));
    QVERIFY(m_jobs->cancel(m_alice, later, m_t0));
    QCOMPARE(**m_jobs->nextDue(m_t0), m_t0.addSecs(300));
}

QTEST_GUILESS_MAIN(TestJobQueue)
#include "tst_jobqueue.moc"
