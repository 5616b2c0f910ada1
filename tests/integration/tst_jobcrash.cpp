// A job whose process is killed (SIGKILL) while it runs is not lost: the next runner on the same file puts it back
// in the queue (one retry counted) and runs it to the end.
#include "core/clock.h"
#include "db/jobrepository.h"
#include "jobs/jobrunner.h"
#include "jobtesthandler.h"
#include "testdatabase.h"
#include "testresult.h"

#include <QProcess>
#include <QTest>

using namespace Moniagent;

class TestJobCrash : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void killedJobIsRequeuedAndCompleted();
};

void TestJobCrash::killedJobIsRequeuedAndCompleted()
{
    Test::TestDatabase db;
    QVERIFY(db.isValid());
    const qint64 user = db.createUser(QStringLiteral("sam"));
    QVERIFY(user);
    JobRepository jobs(db.database());
    const QJsonObject input {{QStringLiteral("file"), QStringLiteral("statement.csv")}};
    const qint64 id = *jobs.enqueue(user, JobTypes::Import, JobTrigger::Manual, input);

    QProcess helper;
    helper.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    helper.start(QStringLiteral(JOBCRASH_HELPER), {db.path()});
    QVERIFY2(helper.waitForStarted(10000), qPrintable(helper.errorString()));
    QByteArray output;
    QTRY_VERIFY_WITH_TIMEOUT((output += helper.readAllStandardOutput()).contains("running"), 20000);
    QCOMPARE(output.trimmed(), QByteArray("running ") + QByteArray::number(id));
    QCOMPARE(jobs.findForRunner(id)->status, JobStatus::Running);

    helper.kill(); // SIGKILL: no clean-up of any kind
    QVERIFY(helper.waitForFinished(10000));
    QCOMPARE(helper.exitStatus(), QProcess::CrashExit);
    const Job left = *jobs.findForRunner(id);
    QCOMPARE(left.status, JobStatus::Running); // what a crash leaves behind
    QCOMPARE(left.retryCount, 0);

    // The next start of a runner on the file.
    QVERIFY(db.reopen());
    JobRepository reopened(db.database());
    JobRunner runner(db.database(), &reopened, SystemClock::instance());
    QAtomicInt runs;
    runner.registerHandler(
        JobTypes::Import, Test::handlerFor([&](JobContext& context) {
            runs.ref();
            return JobOutcome::success({{QStringLiteral("file"), context.job().input.value(QStringLiteral("file"))}});
        }));
    auto requeued = runner.start();
    MONIAGENT_VERIFY_OK(requeued);
    QCOMPARE(*requeued, qint64(1));
    QTRY_COMPARE(reopened.findForRunner(id)->status, JobStatus::Success);
    const Job done = *reopened.findForRunner(id);
    QCOMPARE(done.retryCount, 1);
    QCOMPARE(done.output.value(QStringLiteral("file")).toString(), QStringLiteral("statement.csv"));
    QCOMPARE(runs.loadRelaxed(), 1);
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM jobs")), qint64(1)); // the same job, not a copy
    QVERIFY(runner.stop());
}

QTEST_GUILESS_MAIN(TestJobCrash)
#include "tst_jobcrash.moc"
