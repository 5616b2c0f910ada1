#include "db/jobrepository.h"
#include "db/sql.h"
#include "testdatabase.h"
#include "testresult.h"

#include <QSignalSpy>
#include <QTest>

using namespace Moniagent;

// The job queue as a user sees it: enqueue, cancel, retry, user scoping, and the schema's checks.
// The runner's side is in tst_jobqueue.cpp.
class TestJobRepository : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void enqueueRoundTrip();
    void enqueueValidation_data();
    void enqueueValidation();
    void schemaRefusesBadRows_data();
    void schemaRefusesBadRows();
    void cancelRules_data();
    void cancelRules();
    void retry();
    void enqueueUnlessPending();
    void userScoping();
    void deletingUserDeletesJobs();

private:
    JobStatus statusOf(qint64 id) const;

    std::unique_ptr<Test::TestDatabase> m_db;
    std::unique_ptr<JobRepository> m_jobs;
    qint64 m_alice = 0;
    qint64 m_bob = 0;
    const QDateTime m_t0 = QDateTime(QDate(2026, 3, 1), QTime(9, 0), Qt::UTC);
};

void TestJobRepository::init()
{
    m_db = std::make_unique<Test::TestDatabase>();
    QVERIFY(m_db->isValid());
    m_alice = m_db->createUser(QStringLiteral("alice"));
    m_bob = m_db->createUser(QStringLiteral("bob"));
    QVERIFY(m_alice && m_bob);
    m_jobs = std::make_unique<JobRepository>(m_db->database());
}

void TestJobRepository::cleanup()
{
    m_jobs.reset();
    m_db.reset();
}

JobStatus TestJobRepository::statusOf(qint64 id) const
{
    auto job = m_jobs->findForRunner(id);
    return job ? job->status : JobStatus(-1);
}

void TestJobRepository::enqueueRoundTrip()
{
    QSignalSpy changed(m_jobs.get(), &JobRepository::changed);
    const QJsonObject input {{QStringLiteral("accountId"), 7}};
    auto id = m_jobs->enqueue(m_alice, JobTypes::EmailFetch, JobTrigger::Cron, input, m_t0);
    MONIAGENT_VERIFY_OK(id);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toLongLong(), m_alice);

    auto job = m_jobs->find(m_alice, *id);
    QVERIFY(job);
    QCOMPARE(job->id, *id);
    QCOMPARE(job->userId, std::optional<qint64>(m_alice));
    QCOMPARE(job->type, QStringLiteral("EMAIL_FETCH"));
    QCOMPARE(job->status, JobStatus::Queued);
    QCOMPARE(job->triggeredBy, JobTrigger::Cron);
    QCOMPARE(job->input, input);
    QVERIFY(job->output.isEmpty() && job->error.isEmpty());
    QCOMPARE(job->retryCount, 0);
    QCOMPARE(job->nextRunAt, m_t0);
    QVERIFY(!job->startedAt.isValid() && !job->finishedAt.isValid());
    QVERIFY(job->createdAt.isValid());

    // A system job belongs to no user and is invisible to the user methods.
    auto system = m_jobs->enqueue(std::nullopt, QStringLiteral("CLEANUP_CACHE"), JobTrigger::Cron);
    QVERIFY(system);
    QCOMPARE(changed.last().at(0).toLongLong(), qint64(0));
    QCOMPARE(m_jobs->find(m_alice, *system).error().code, Error::Code::NotFound);
    QCOMPARE(m_jobs->list(m_alice)->size(), 1);
    auto runnerView = m_jobs->findForRunner(*system);
    QVERIFY(runnerView);
    QVERIFY(!runnerView->userId.has_value());
    QVERIFY(!runnerView->nextRunAt.isValid());
}

void TestJobRepository::enqueueValidation_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<bool>("valid");
    QTest::newRow("known") << QStringLiteral("INVOICE_OCR") << true;
    QTest::newRow("other identifier") << QStringLiteral("EXPORT_CSV") << true;
    QTest::newRow("one letter") << QStringLiteral("X") << true;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("lower case") << QStringLiteral("email_fetch") << false;
    QTest::newRow("dash") << QStringLiteral("EMAIL-FETCH") << false;
    QTest::newRow("digit") << QStringLiteral("IMPORT2") << false;
    QTest::newRow("space") << QStringLiteral("EMAIL FETCH") << false;
    QTest::newRow("leading underscore") << QStringLiteral("_IMPORT") << false;
    QTest::newRow("trailing underscore") << QStringLiteral("IMPORT_") << false;
    QTest::newRow("too long") << QString(65, u'A') << false;
}

void TestJobRepository::enqueueValidation()
{
    QFETCH(QString, type);
    QFETCH(bool, valid);
    auto id = m_jobs->enqueue(m_alice, type, JobTrigger::Manual);
    QCOMPARE(id.ok(), valid);
    if (!valid) {
        QCOMPARE(id.error().code, Error::Code::InvalidInput);
        QVERIFY(id.error().message.contains(QStringLiteral("capital letters")));
        QCOMPARE(m_jobs->list(m_alice)->size(), 0);
    }
    QVERIFY(!m_jobs->enqueue(m_alice, JobTypes::Import, JobTrigger(42)));
    QVERIFY(!m_jobs->enqueue(qint64(999999), JobTypes::Import, JobTrigger::Manual)); // no such user
}

void TestJobRepository::schemaRefusesBadRows_data()
{
    QTest::addColumn<QString>("columns");
    QTest::addColumn<QString>("values");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("control") << QStringLiteral("job_type, status") << QStringLiteral("'IMPORT', 'QUEUED'") << true;
    QTest::newRow("lower-case type") << QStringLiteral("job_type") << QStringLiteral("'import'") << false;
    QTest::newRow("empty type") << QStringLiteral("job_type") << QStringLiteral("''") << false;
    QTest::newRow("bad status") << QStringLiteral("job_type, status") << QStringLiteral("'IMPORT', 'DONE'") << false;
    QTest::newRow("bad trigger") << QStringLiteral("job_type, triggered_by") << QStringLiteral("'IMPORT', 'USER'")
                                 << false;
    QTest::newRow("bad input json") << QStringLiteral("job_type, input_payload") << QStringLiteral("'IMPORT', '{'")
                                    << false;
    QTest::newRow("bad output json") << QStringLiteral("job_type, output_payload") << QStringLiteral("'IMPORT', 'nope'")
                                     << false;
    QTest::newRow("negative retries") << QStringLiteral("job_type, retry_count") << QStringLiteral("'IMPORT', -1")
                                      << false;
}

void TestJobRepository::schemaRefusesBadRows()
{
    QFETCH(QString, columns);
    QFETCH(QString, values);
    QFETCH(bool, accepted);
    auto result
        = Sql::exec(m_db->database()->connection(),
                    QStringLiteral("INSERT INTO jobs (user_id, %1) VALUES (?, %2)").arg(columns, values), {m_alice});
    QCOMPARE(result.ok(), accepted);
    if (!accepted)
        QCOMPARE(result.error().code, Error::Code::Conflict);
}

void TestJobRepository::cancelRules_data()
{
    QTest::addColumn<QString>("status");
    QTest::addColumn<bool>("cancellable");
    QTest::newRow("queued") << QStringLiteral("QUEUED") << true;
    QTest::newRow("running") << QStringLiteral("RUNNING") << true;
    QTest::newRow("success") << QStringLiteral("SUCCESS") << false;
    QTest::newRow("failed") << QStringLiteral("FAILED") << false;
    QTest::newRow("cancelled") << QStringLiteral("CANCELLED") << false;
}

void TestJobRepository::cancelRules()
{
    QFETCH(QString, status);
    QFETCH(bool, cancellable);
    const qint64 id = *m_jobs->enqueue(m_alice, JobTypes::Import, JobTrigger::Manual);
    QVERIFY(Sql::exec(m_db->database()->connection(), QStringLiteral("UPDATE jobs SET status = ? WHERE id = ?"),
                      {status, id}));
    const QDateTime when = m_t0.addSecs(5);
    auto cancelled = m_jobs->cancel(m_alice, id, when);
    QCOMPARE(cancelled.ok(), cancellable);
    auto job = m_jobs->find(m_alice, id);
    if (cancellable) {
        QCOMPARE(job->status, JobStatus::Cancelled);
        QCOMPARE(job->finishedAt, when);
    } else {
        QCOMPARE(cancelled.error().code, Error::Code::InvalidInput);
        QCOMPARE(JobEnums::key(job->status), status);
        QVERIFY(!job->finishedAt.isValid());
    }
}

void TestJobRepository::retry()
{
    const QJsonObject input {{QStringLiteral("file"), QStringLiteral("/tmp/statement.csv")}};
    const qint64 failed = *m_jobs->enqueue(m_alice, JobTypes::Import, JobTrigger::Manual, input);
    QVERIFY(m_jobs->claimNext(m_t0)->has_value());
    QVERIFY(*m_jobs->finish(failed, false, {{QStringLiteral("message"), QStringLiteral("Locked.")}}, m_t0));

    const QDateTime later = m_t0.addSecs(300);
    auto newId = m_jobs->retry(m_alice, failed, later);
    MONIAGENT_VERIFY_OK(newId);
    QVERIFY(*newId != failed);
    auto copy = m_jobs->find(m_alice, *newId);
    QCOMPARE(copy->status, JobStatus::Queued);
    QCOMPARE(copy->triggeredBy, JobTrigger::Retry);
    QCOMPARE(copy->type, QStringLiteral("IMPORT"));
    QCOMPARE(copy->input, input);
    QCOMPARE(copy->retryCount, 0);
    QCOMPARE(copy->nextRunAt, later);
    QVERIFY(copy->error.isEmpty());
    QCOMPARE(statusOf(failed), JobStatus::Failed); // the record of the failure stays

    const qint64 cancelled = *m_jobs->enqueue(m_alice, JobTypes::Import, JobTrigger::Manual);
    QVERIFY(m_jobs->cancel(m_alice, cancelled, m_t0));
    QVERIFY(m_jobs->retry(m_alice, cancelled));

    // A queued (the retry itself), running or successful job cannot be retried.
    auto refused = m_jobs->retry(m_alice, *newId);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, Error::Code::InvalidInput);
    QCOMPARE(m_jobs->list(m_alice)->size(), 4);
}

void TestJobRepository::enqueueUnlessPending()
{
    const QJsonObject account7 {{QStringLiteral("accountId"), 7}};
    const QJsonObject account8 {{QStringLiteral("accountId"), 8}};
    QSignalSpy changed(m_jobs.get(), &JobRepository::changed);
    auto first = m_jobs->enqueueUnlessPending(m_alice, JobTypes::EmailFetch, JobTrigger::Cron, account7);
    MONIAGENT_VERIFY_OK(first);
    QVERIFY(first->has_value());
    QCOMPARE(changed.count(), 1);
    auto job = m_jobs->find(m_alice, **first);
    QCOMPARE(job->status, JobStatus::Queued);
    QCOMPARE(job->triggeredBy, JobTrigger::Cron);
    QCOMPARE(job->input, account7);

    // The same type and input while it waits: nothing added, no signal.
    auto again = m_jobs->enqueueUnlessPending(m_alice, JobTypes::EmailFetch, JobTrigger::Manual, account7);
    MONIAGENT_VERIFY_OK(again);
    QVERIFY(!again->has_value());
    QCOMPARE(changed.count(), 1);
    // … and while it runs.
    QCOMPARE((*m_jobs->claimNext(m_t0))->id, **first);
    QVERIFY(!m_jobs->enqueueUnlessPending(m_alice, JobTypes::EmailFetch, JobTrigger::Cron, account7)->has_value());

    // Another input, another type, another profile or a system job is not the same job.
    QVERIFY(m_jobs->enqueueUnlessPending(m_alice, JobTypes::EmailFetch, JobTrigger::Cron, account8)->has_value());
    QVERIFY(m_jobs->enqueueUnlessPending(m_alice, JobTypes::EmailReprocess, JobTrigger::Cron, account7)->has_value());
    QVERIFY(m_jobs->enqueueUnlessPending(m_bob, JobTypes::EmailFetch, JobTrigger::Cron, account7)->has_value());
    auto system = m_jobs->enqueueUnlessPending(std::nullopt, JobTypes::EmailFetch, JobTrigger::Cron, account7);
    QVERIFY(system->has_value());
    QVERIFY(!m_jobs->enqueueUnlessPending(std::nullopt, JobTypes::EmailFetch, JobTrigger::Cron, account7)->has_value());
    QVERIFY(!m_jobs->findForRunner(**system)->userId.has_value());

    // Once it has ended, a new one can be added.
    QVERIFY(*m_jobs->finish(**first, true, {}, m_t0));
    auto next = m_jobs->enqueueUnlessPending(m_alice, JobTypes::EmailFetch, JobTrigger::Cron, account7);
    QVERIFY(next->has_value());
    QVERIFY(**next != **first);
    QVERIFY(m_jobs->cancel(m_alice, **next, m_t0));
    QVERIFY(m_jobs->enqueueUnlessPending(m_alice, JobTypes::EmailFetch, JobTrigger::Cron, account7)->has_value());

    QCOMPARE(m_jobs->enqueueUnlessPending(m_alice, u"fetch", JobTrigger::Cron).error().code, Error::Code::InvalidInput);
    QCOMPARE(m_jobs->enqueueUnlessPending(qint64(999999), JobTypes::Import, JobTrigger::Cron).error().code,
             Error::Code::NotFound);
}

void TestJobRepository::userScoping()
{
    const qint64 a = *m_jobs->enqueue(m_alice, JobTypes::Import, JobTrigger::Manual);
    const qint64 failed = *m_jobs->enqueue(m_alice, JobTypes::Import, JobTrigger::Manual);
    const qint64 b = *m_jobs->enqueue(m_bob, JobTypes::Import, JobTrigger::Manual);
    QVERIFY(Sql::exec(m_db->database()->connection(), QStringLiteral("UPDATE jobs SET status = 'FAILED' WHERE id = ?"),
                      {failed}));

    // Bob knows alice's ids but cannot read, cancel or retry her jobs.
    QCOMPARE(m_jobs->find(m_bob, a).error().code, Error::Code::NotFound);
    QCOMPARE(m_jobs->cancel(m_bob, a, m_t0).error().code, Error::Code::NotFound);
    QCOMPARE(m_jobs->retry(m_bob, failed, m_t0).error().code, Error::Code::NotFound);
    QCOMPARE(statusOf(a), JobStatus::Queued);
    QCOMPARE(m_jobs->list(m_alice)->size(), 2);

    auto bobs = m_jobs->list(m_bob);
    QCOMPARE(bobs->size(), 1);
    QCOMPARE(bobs->first().id, b);
    QCOMPARE(m_jobs->list(m_alice, JobStatus::Failed)->size(), 1);
    QCOMPARE(m_jobs->list(m_bob, JobStatus::Failed)->size(), 0);

    // Alice's actions leave bob's job alone.
    QVERIFY(m_jobs->cancel(m_alice, a, m_t0));
    QCOMPARE(statusOf(b), JobStatus::Queued);
}

void TestJobRepository::deletingUserDeletesJobs()
{
    for (int i = 0; i < 3; ++i)
        QVERIFY(m_jobs->enqueue(m_alice, JobTypes::Import, JobTrigger::Manual));
    const qint64 bobs = *m_jobs->enqueue(m_bob, JobTypes::Import, JobTrigger::Manual);
    const qint64 system = *m_jobs->enqueue(std::nullopt, JobTypes::EmailFetch, JobTrigger::Cron);
    QVERIFY(Sql::exec(m_db->database()->connection(), QStringLiteral("DELETE FROM users WHERE id = ?"), {m_alice}));
    auto left = Sql::scalar(m_db->database()->connection(), QStringLiteral("SELECT count(*) FROM jobs"));
    QCOMPARE(left->toLongLong(), qint64(2));
    QCOMPARE(statusOf(bobs), JobStatus::Queued);
    QCOMPARE(statusOf(system), JobStatus::Queued);
}

QTEST_GUILESS_MAIN(TestJobRepository)
#include "tst_jobrepository.moc"
