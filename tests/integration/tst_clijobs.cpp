// `moniagent jobs` through the real binary: the profile's jobs as a table and as JSON, the status filter and the
// limit, `jobs retry ID` and `jobs cancel ID`, another profile's jobs out of reach, exit codes.
#include "clirun.h"
#include "db/database.h"
#include "db/jobrepository.h"
#include "db/userrepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Moniagent;
using namespace Qt::Literals::StringLiterals;

class TestCliJobs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void noJobsYet();
    void listsAsTableAndJson();
    void filterAndLimit();
    void retryAndCancel();
    void otherProfilesJobsAreOutOfReach();
    void badInput_data();
    void badInput();

private:
    using Run = Moniagent::Test::CliRun;
    Run run(const QStringList& arguments);
    QJsonArray listJson(const QStringList& extra = {});
    void addJobs();

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<JobRepository> m_jobs;
    qint64 m_sam = 0;
    qint64 m_bob = 0;
    qint64 m_failed = 0;
    qint64 m_done = 0;
    qint64 m_queued = 0;
    qint64 m_bobs = 0;
};

static const QString FetchError = u"The mail server refused the password."_s;

void TestCliJobs::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(u"jobs.sqlite"_s);
    auto database = Database::open(m_path);
    QVERIFY(database);
    m_database = std::move(*database);
    UserRepository users(m_database.get());
    for (const QString& name : {u"sam"_s, u"bob"_s}) {
        UserRepository::NewProfile profile;
        profile.username = name;
        profile.baseCurrency = u"USD"_s;
        profile.locale = u"en_US"_s;
        auto id = users.createProfile(profile);
        QVERIFY(id);
        (name == u"sam"_s ? m_sam : m_bob) = *id;
    }
    m_jobs = std::make_unique<JobRepository>(m_database.get());
}

void TestCliJobs::cleanup()
{
    m_jobs.reset();
    m_database.reset();
    m_dir.reset();
}

void TestCliJobs::addJobs()
{
    const QDateTime t0(QDate(2026, 3, 1), QTime(9, 0), Qt::UTC);
    m_failed = *m_jobs->enqueue(m_sam, JobTypes::EmailFetch, JobTrigger::Cron, {{u"accountId"_s, 4}});
    QCOMPARE((*m_jobs->claimNext(t0))->id, m_failed);
    QVERIFY(*m_jobs->finish(m_failed, false, {{u"message"_s, FetchError}, {u"status"_s, 535}}, t0.addSecs(3)));
    m_done = *m_jobs->enqueue(m_sam, JobTypes::Import, JobTrigger::Manual);
    QCOMPARE((*m_jobs->claimNext(t0))->id, m_done);
    QVERIFY(*m_jobs->finish(m_done, true, {{u"imported"_s, 12}}, t0.addSecs(5)));
    m_queued
        = *m_jobs->enqueue(m_sam, JobTypes::EmailExtraction, JobTrigger::Manual, {{u"emailId"_s, 9}}, t0.addDays(1));
    m_bobs = *m_jobs->enqueue(m_bob, JobTypes::Import, JobTrigger::Manual);
}

TestCliJobs::Run TestCliJobs::run(const QStringList& arguments)
{
    return Moniagent::Test::runMoniagent(QStringLiteral(MONIAGENT_BINARY), m_path, arguments, m_dir->path());
}

QJsonArray TestCliJobs::listJson(const QStringList& extra)
{
    const Run r = run(QStringList {u"jobs"_s, u"--json"_s} + extra);
    if (r.code != 0)
        qWarning() << r.err;
    return QJsonDocument::fromJson(r.out.toUtf8()).array();
}

void TestCliJobs::noJobsYet()
{
    const Run r = run({u"jobs"_s});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.err.contains(u"No jobs yet."_s), qPrintable(r.err));
    QCOMPARE(listJson(), QJsonArray());
}

void TestCliJobs::listsAsTableAndJson()
{
    addJobs();
    const QJsonArray jobs = listJson();
    QCOMPARE(jobs.size(), 3); // sam's, newest first
    QCOMPARE(jobs.at(0).toObject().value(u"id").toInteger(), m_queued);
    QCOMPARE(jobs.at(2).toObject().value(u"id").toInteger(), m_failed);
    const QJsonObject failed = jobs.at(2).toObject();
    QCOMPARE(failed.value(u"type").toString(), u"EMAIL_FETCH"_s);
    QCOMPARE(failed.value(u"status").toString(), u"FAILED"_s);
    QCOMPARE(failed.value(u"triggeredBy").toString(), u"CRON"_s);
    QCOMPARE(failed.value(u"error").toString(), FetchError);
    QCOMPARE(failed.value(u"errorPayload").toObject().value(u"status").toInt(), 535);
    QCOMPARE(failed.value(u"input").toObject().value(u"accountId").toInt(), 4);
    QCOMPARE(failed.value(u"startedAt").toString(), u"2026-03-01T09:00:00.000Z"_s);
    QCOMPARE(failed.value(u"finishedAt").toString(), u"2026-03-01T09:00:03.000Z"_s);
    QCOMPARE(failed.value(u"retries").toInt(), 0);
    QVERIFY(failed.value(u"output").isNull());
    const QJsonObject done = jobs.at(1).toObject();
    QCOMPARE(done.value(u"status").toString(), u"SUCCESS"_s);
    QCOMPARE(done.value(u"output").toObject().value(u"imported").toInt(), 12);
    QVERIFY(done.value(u"error").isNull());
    const QJsonObject queued = jobs.at(0).toObject();
    QCOMPARE(queued.value(u"nextRunAt").toString(), u"2026-03-02T09:00:00.000Z"_s);
    QVERIFY(queued.value(u"finishedAt").isNull());

    const Run table = run({u"jobs"_s});
    QCOMPARE(table.code, 0);
    const QStringList lines = table.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 4); // the header and three jobs
    for (const QString& column :
         {u"ID"_s, u"Job"_s, u"Status"_s, u"Trigger"_s, u"Created"_s, u"Finished"_s, u"Retries"_s, u"Error"_s})
        QVERIFY2(lines.at(0).contains(column), qPrintable(lines.at(0)));
    QVERIFY(lines.at(1).trimmed().startsWith(QString::number(m_queued)));
    QVERIFY(lines.at(1).contains(u"Read email"_s));
    QVERIFY(lines.at(1).contains(u"Waiting"_s));
    QVERIFY(lines.at(3).trimmed().startsWith(QString::number(m_failed)));
    QVERIFY(lines.at(3).contains(u"Fetch email"_s));
    QVERIFY(lines.at(3).contains(u"Failed"_s));
    QVERIFY(lines.at(3).contains(u"Scheduled"_s));
    QVERIFY2(lines.at(3).endsWith(FetchError), qPrintable(lines.at(3)));
    QVERIFY(lines.at(2).contains(u"Done"_s));
    QVERIFY(lines.at(2).contains(u"Import statement"_s));
}

void TestCliJobs::filterAndLimit()
{
    addJobs();
    QJsonArray failed = listJson({u"--status"_s, u"failed"_s});
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed.at(0).toObject().value(u"id").toInteger(), m_failed);
    QCOMPARE(listJson({u"--status"_s, u"QUEUED"_s}).size(), 1);
    QCOMPARE(listJson({u"--status"_s, u"running"_s}).size(), 0);
    const QJsonArray newest = listJson({u"--limit"_s, u"2"_s});
    QCOMPARE(newest.size(), 2);
    QCOMPARE(newest.at(0).toObject().value(u"id").toInteger(), m_queued);
    QCOMPARE(listJson({u"--limit"_s, u"0"_s}).size(), 3);
    const Run none = run({u"jobs"_s, u"--status"_s, u"cancelled"_s});
    QCOMPARE(none.code, 0);
    QVERIFY(none.err.contains(u"No jobs with this status."_s));
}

void TestCliJobs::retryAndCancel()
{
    addJobs();
    Run r = run({u"jobs"_s, u"retry"_s, QString::number(m_failed), u"--json"_s});
    QCOMPARE(r.code, 0);
    const qint64 newId = QJsonDocument::fromJson(r.out.toUtf8()).object().value(u"id").toInteger();
    QVERIFY(newId > m_failed);
    auto retried = m_jobs->find(m_sam, newId);
    QVERIFY(retried);
    QCOMPARE(retried->status, JobStatus::Queued);
    QCOMPARE(retried->triggeredBy, JobTrigger::Retry);
    QCOMPARE(retried->type, u"EMAIL_FETCH"_s);
    QCOMPARE(retried->input.value(u"accountId"_s).toInt(), 4);
    QCOMPARE(m_jobs->find(m_sam, m_failed)->status, JobStatus::Failed);

    // A job that succeeded cannot be retried: bad input, nothing added.
    r = run({u"jobs"_s, u"retry"_s, QString::number(m_done)});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(u"Only failed or cancelled jobs"_s), qPrintable(r.err));
    QCOMPARE(m_jobs->list(m_sam)->size(), 4);

    r = run({u"jobs"_s, u"cancel"_s, QString::number(m_queued)});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.contains(u"cancelled"_s));
    QCOMPARE(m_jobs->find(m_sam, m_queued)->status, JobStatus::Cancelled);
    r = run({u"jobs"_s, u"cancel"_s, QString::number(m_queued)});
    QCOMPARE(r.code, 2); // already ended
    QVERIFY(r.err.contains(u"cannot be cancelled"_s));

    // The cancelled job can be retried in turn; the text form says what happened.
    r = run({u"jobs"_s, u"retry"_s, QString::number(m_queued)});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains(u"will run again as job"_s), qPrintable(r.out));
}

void TestCliJobs::otherProfilesJobsAreOutOfReach()
{
    addJobs();
    Run r = run({u"jobs"_s, u"cancel"_s, QString::number(m_bobs)});
    QCOMPARE(r.code, 2);
    QVERIFY(r.err.contains(u"There is no job"_s));
    QCOMPARE(m_jobs->find(m_bob, m_bobs)->status, JobStatus::Queued);
    for (const QJsonValue& job : listJson())
        QVERIFY(job.toObject().value(u"id").toInteger() != m_bobs);

    const QJsonArray bobs = listJson({u"--user"_s, u"bob"_s});
    QCOMPARE(bobs.size(), 1);
    QCOMPARE(bobs.at(0).toObject().value(u"id").toInteger(), m_bobs);
    r = run({u"--user"_s, u"bob"_s, u"jobs"_s, u"cancel"_s, QString::number(m_bobs)});
    QCOMPARE(r.code, 0);
    QCOMPARE(m_jobs->find(m_bob, m_bobs)->status, JobStatus::Cancelled);
    QCOMPARE(run({u"--user"_s, u"bob"_s, u"jobs"_s, u"retry"_s, QString::number(m_failed)}).code, 2);
}

void TestCliJobs::badInput_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("unknown status") << QStringList {u"jobs"_s, u"--status"_s, u"done"_s};
    QTest::newRow("negative limit") << QStringList {u"jobs"_s, u"--limit=-3"_s};
    QTest::newRow("not a number") << QStringList {u"jobs"_s, u"retry"_s, u"abc"_s};
    QTest::newRow("no id") << QStringList {u"jobs"_s, u"cancel"_s};
    QTest::newRow("unknown action") << QStringList {u"jobs"_s, u"run"_s, u"3"_s};
    QTest::newRow("no such job") << QStringList {u"jobs"_s, u"retry"_s, u"999"_s};
}

void TestCliJobs::badInput()
{
    QFETCH(QStringList, arguments);
    addJobs();
    const Run r = run(arguments);
    QCOMPARE(r.code, 2);
    QVERIFY(!r.err.isEmpty());
    QCOMPARE(m_jobs->list(m_sam)->size(), 3); // nothing changed
    QCOMPARE(m_jobs->list(m_sam, JobStatus::Cancelled)->size(), 0);
}

QTEST_GUILESS_MAIN(TestCliJobs)
#include "tst_clijobs.moc"
