#include "guitest.h"
#include "itemmodels/joblistmodel.h"
#include "jobs/jobrunner.h"
#include "jobs/jobscheduler.h"
#include "jobs/jobsdialog.h"
#include "jobtesthandler.h"
#include "mainwindow.h"
#include "session/session.h"
#include "testdatabase.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace Moniagent;

// Tools › Jobs driven through its widgets, with the window's real job runner and handlers registered by the test:
// a failing job shows FAILED and its message (table, tooltip, details pane), Retry adds a job that succeeds,
// Cancel stops a running job, the status filter and the keyboard work.
class TestJobsDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void failedJobRetriedFromTheDialog();
    void cancelRunningJobFromTheDialog();
    void filterAndKeyboard();

private:
    JobsDialog* openDialog();
    QString cell(JobsDialog* dialog, qint64 jobId, int column, int role = Qt::DisplayRole) const;
    qint64 enqueue(QStringView type, const QJsonObject& input = {});

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<MainWindow> m_window;
    QAtomicInt m_fetchRuns;
    QAtomicInt m_importSawCancel;
};

static const QString FetchError = QStringLiteral(
    "The mail server refused the password for sam@example.org. Sign in again from Accounts, or check that IMAP "
    "access is turned on for this mailbox.");

void TestJobsDialog::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    auto session = Test::openSamSession(m_dir->filePath(QStringLiteral("moniagent.sqlite")), SystemClock::instance());
    QVERIFY(session);
    m_session = std::move(*session);
    m_window = std::make_unique<MainWindow>(m_session.get());
    m_fetchRuns.storeRelaxed(0);
    m_importSawCancel.storeRelaxed(0);

    // What the lead's code does: register handlers on the window's runner right after building the window.
    JobRunner* runner = m_window->jobs();
    QVERIFY(runner);
    QVERIFY(m_window->jobScheduler());
    runner->registerHandler(
        JobTypes::EmailFetch, Test::handlerFor([this](JobContext& context) {
            context.reportProgress(0, 1, QStringLiteral("Connecting…"));
            if (m_fetchRuns.fetchAndAddRelaxed(1) == 0)
                return JobOutcome::permanent(FetchError, {{QStringLiteral("accountId"), 1}});
            return JobOutcome::success(
                {{QStringLiteral("summary"), QStringLiteral("3 new messages")}, {QStringLiteral("fetched"), 3}});
        }));
    runner->registerHandler(JobTypes::Import, Test::handlerFor([this](JobContext& context) {
                                for (int line = 1; !context.isCancelled(); ++line) {
                                    context.reportProgress(
                                        std::min(line, 99), 100,
                                        QStringLiteral("Reading line %1 of 100").arg(std::min(line, 99)));
                                    QThread::msleep(20);
                                }
                                m_importSawCancel.storeRelaxed(1);
                                return JobOutcome::cancelled();
                            }));
    m_window->resize(1100, 700);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QTRY_VERIFY(runner->isRunning()); // started by the window at the first turn of the event loop
    QVERIFY(m_window->jobScheduler()->isActive());
}

void TestJobsDialog::cleanup()
{
    m_window.reset(); // stops the runner before the database goes
    m_session.reset();
    m_dir.reset();
}

JobsDialog* TestJobsDialog::openDialog()
{
    auto* action = m_window->findChild<QAction*>(QStringLiteral("jobsAction"));
    if (!action)
        return nullptr;
    action->trigger();
    JobsDialog* dialog = m_window->jobsDialog();
    if (dialog) {
        dialog->resize(980, 520);
        (void)QTest::qWaitForWindowExposed(dialog);
    }
    return dialog;
}

QString TestJobsDialog::cell(JobsDialog* dialog, qint64 jobId, int column, int role) const
{
    JobListModel* model = dialog->model();
    const int row = model->rowOf(jobId);
    return row < 0 ? QString() : model->data(model->index(row, column), role).toString();
}

qint64 TestJobsDialog::enqueue(QStringView type, const QJsonObject& input)
{
    auto id = m_window->jobs()->enqueue(m_session->userId(), type, JobTrigger::Manual, input);
    return id ? *id : 0;
}

void TestJobsDialog::failedJobRetriedFromTheDialog()
{
    JobsDialog* dialog = openDialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->model()->rowCount(), 0);
    QVERIFY(!dialog->retryButton()->isEnabled());
    QVERIFY(!dialog->cancelButton()->isEnabled());

    const qint64 failed = enqueue(JobTypes::EmailFetch, {{QStringLiteral("accountId"), 1}});
    QVERIFY(failed);
    // The row appears and turns FAILED by itself, with the message in the table, the tooltip and the details.
    QTRY_COMPARE(cell(dialog, failed, JobListModel::StatusColumn), QStringLiteral("Failed"));
    QCOMPARE(cell(dialog, failed, JobListModel::TypeColumn), QStringLiteral("Fetch email"));
    QCOMPARE(cell(dialog, failed, JobListModel::TriggerColumn), QStringLiteral("Manual"));
    QCOMPARE(cell(dialog, failed, JobListModel::DetailsColumn), FetchError);
    QCOMPARE(cell(dialog, failed, JobListModel::DetailsColumn, Qt::ToolTipRole), FetchError);
    QVERIFY(!cell(dialog, failed, JobListModel::FinishedColumn).isEmpty());
    dialog->selectJob(failed);
    QVERIFY(dialog->detailsPane()->toPlainText().contains(FetchError));
    QVERIFY(dialog->detailsPane()->toPlainText().contains(QStringLiteral("Fetch email — Failed")));
    QVERIFY(dialog->detailsPane()->toPlainText().contains(QStringLiteral("\"accountId\":1")));
    QVERIFY(dialog->retryButton()->isEnabled());
    QVERIFY(!dialog->cancelButton()->isEnabled());
    // The window says so too.
    QTRY_VERIFY(m_window->statusBar()->currentMessage().contains(FetchError));
    Test::screenshot(dialog, QStringLiteral("jobs-failed"));

    // Retry: a new row, triggered by RETRY, that succeeds; the failure stays for the record.
    QTest::mouseClick(dialog->retryButton(), Qt::LeftButton);
    QTRY_COMPARE(dialog->model()->rowCount(), 2);
    const qint64 retried = dialog->model()->jobAt(0)->id;
    QVERIFY(retried != failed);
    QCOMPARE(dialog->currentJob()->id, retried); // the dialog follows the new job
    QCOMPARE(cell(dialog, retried, JobListModel::TriggerColumn), QStringLiteral("Retry"));
    QTRY_COMPARE(cell(dialog, retried, JobListModel::StatusColumn), QStringLiteral("Done"));
    QCOMPARE(cell(dialog, retried, JobListModel::DetailsColumn), QStringLiteral("3 new messages"));
    QCOMPARE(cell(dialog, failed, JobListModel::StatusColumn), QStringLiteral("Failed"));
    QCOMPARE(m_fetchRuns.loadRelaxed(), 2);
    QTRY_VERIFY(dialog->detailsPane()->toPlainText().contains(QStringLiteral("Fetch email — Done")));
    QVERIFY(!dialog->retryButton()->isEnabled());
    QVERIFY(dialog->messageLabel()->text().contains(QStringLiteral("Fetch email")));
    auto stored = m_session->jobs()->find(m_session->userId(), retried);
    QVERIFY(stored);
    QCOMPARE(stored->status, JobStatus::Success);
    QCOMPARE(stored->triggeredBy, JobTrigger::Retry);
    QCOMPARE(stored->output.value(QStringLiteral("fetched")).toInt(), 3);
    Test::screenshot(dialog, QStringLiteral("jobs-retried"));

    // Tools › Jobs again brings the same dialog forward.
    m_window->findChild<QAction*>(QStringLiteral("jobsAction"))->trigger();
    QCOMPARE(m_window->jobsDialog(), dialog);
}

void TestJobsDialog::cancelRunningJobFromTheDialog()
{
    JobsDialog* dialog = openDialog();
    QVERIFY(dialog);
    const qint64 running = enqueue(JobTypes::Import, {{QStringLiteral("file"), QStringLiteral("statement.csv")}});
    QVERIFY(running);
    QTRY_COMPARE(cell(dialog, running, JobListModel::StatusColumn), QStringLiteral("Running"));
    // Live progress from the handler.
    QTRY_VERIFY(cell(dialog, running, JobListModel::DetailsColumn).startsWith(QStringLiteral("Reading line")));
    dialog->selectJob(running);
    QVERIFY(dialog->cancelButton()->isEnabled());
    QVERIFY(!dialog->retryButton()->isEnabled());
    QTRY_VERIFY(dialog->detailsPane()->toPlainText().contains(QStringLiteral("Reading line")));
    Test::screenshot(dialog, QStringLiteral("jobs-running"));

    QTest::mouseClick(dialog->cancelButton(), Qt::LeftButton);
    QTRY_COMPARE(cell(dialog, running, JobListModel::StatusColumn), QStringLiteral("Cancelled"));
    QTRY_VERIFY(m_importSawCancel.loadRelaxed()); // the handler was told and stopped
    QTRY_VERIFY(m_window->jobs()->runningJobs().isEmpty());
    QCOMPARE(m_session->jobs()->find(m_session->userId(), running)->status, JobStatus::Cancelled);
    QVERIFY(!dialog->cancelButton()->isEnabled());
    QVERIFY(dialog->retryButton()->isEnabled()); // a cancelled job can run again
    QVERIFY(dialog->detailsPane()->toPlainText().contains(QStringLiteral("Import statement — Cancelled")));
    Test::screenshot(dialog, QStringLiteral("jobs-cancelled"));

    // A waiting job can be cancelled too (one due tomorrow).
    auto later = m_window->jobs()->enqueue(m_session->userId(), JobTypes::EmailFetch, JobTrigger::Manual, {},
                                           QDateTime::currentDateTimeUtc().addDays(1));
    QVERIFY(later);
    QTRY_VERIFY(dialog->model()->rowOf(*later) >= 0);
    dialog->selectJob(*later);
    QCOMPARE(cell(dialog, *later, JobListModel::StatusColumn), QStringLiteral("Waiting"));
    QVERIFY(cell(dialog, *later, JobListModel::DetailsColumn).startsWith(QStringLiteral("Starts at")));
    QVERIFY(dialog->cancelButton()->isEnabled());
    QTest::mouseClick(dialog->cancelButton(), Qt::LeftButton);
    QTRY_COMPARE(cell(dialog, *later, JobListModel::StatusColumn), QStringLiteral("Cancelled"));
    QCOMPARE(m_fetchRuns.loadRelaxed(), 0);
}

void TestJobsDialog::filterAndKeyboard()
{
    const qint64 failed = enqueue(JobTypes::EmailFetch);
    QTRY_COMPARE(m_session->jobs()->find(m_session->userId(), failed)->status, JobStatus::Failed);
    const qint64 done = enqueue(JobTypes::EmailFetch);
    QTRY_COMPARE(m_session->jobs()->find(m_session->userId(), done)->status, JobStatus::Success);
    JobsDialog* dialog = openDialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->model()->rowCount(), 2);

    // Show: Failed.
    QComboBox* filter = dialog->statusFilter();
    filter->setCurrentIndex(filter->findData(QStringLiteral("FAILED")));
    QCOMPARE(dialog->model()->rowCount(), 1);
    QCOMPARE(dialog->model()->jobAt(0)->id, failed);
    filter->setCurrentIndex(filter->findData(QStringLiteral("SUCCESS")));
    QCOMPARE(dialog->model()->rowCount(), 1);
    QCOMPARE(dialog->model()->jobAt(0)->id, done);
    filter->setCurrentIndex(0);
    QCOMPARE(dialog->model()->rowCount(), 2);

    // Keyboard only: the table has the focus, arrows move, Alt+R retries the failed job.
    dialog->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(dialog));
    dialog->view()->setFocus();
    QTest::keyClick(dialog->view(), Qt::Key_Home);
    QCOMPARE(dialog->currentJob()->id, done);
    QVERIFY(!dialog->retryButton()->isEnabled());
    QTest::keyClick(dialog->view(), Qt::Key_Down);
    QCOMPARE(dialog->currentJob()->id, failed);
    QVERIFY(dialog->retryButton()->isEnabled());
    QTest::keyClick(dialog, Qt::Key_R, Qt::AltModifier);
    QTRY_COMPARE(dialog->model()->rowCount(), 3);
    QTRY_COMPARE(dialog->currentJob()->status, JobStatus::Success);
    QCOMPARE(dialog->currentJob()->triggeredBy, JobTrigger::Retry);
    QCOMPARE(dialog->view()->accessibleName(), QStringLiteral("Jobs"));
    QCOMPARE(filter->accessibleName(), QStringLiteral("Show jobs"));
    // Escape closes it.
    QTest::keyClick(dialog, Qt::Key_Escape);
    QTRY_VERIFY(!m_window->jobsDialog());
}

QTEST_MAIN(TestJobsDialog)
#include "tst_jobsdialog.moc"
