#include "mailintegration.h"

#include "core/job.h"
#include "db/connectedaccountrepository.h"
#include "jobs/jobrunner.h"
#include "jobs/jobscheduler.h"
#include "mail/emailextractionjob.h"
#include "mail/mailaccountconnector.h"
#include "mailaccountsdialog.h"
#include "session/session.h"

#include <QSettings>

namespace Moniagent {

namespace {
const QString ScheduleName = QStringLiteral("mail");
} // namespace

MailIntegration::MailIntegration(Session* session, SecretStore* secrets, JobRunner* runner, JobScheduler* scheduler,
                                 QObject* parent)
    : QObject(parent)
    , m_session(session)
    , m_runner(runner)
    , m_scheduler(scheduler)
    , m_connector(new MailAccountConnector(session->mailAccounts(), secrets, this))
    , m_services(MailServices::forSession(*session, *secrets))
    , m_llm(LlmStageEnvironment::forSession(*session, *secrets))
{
    registerMailJobs(*runner, m_services);
    registerEmailExtractionJobs(*runner, m_services, &m_llm);

    // Every active account of the open profile, every few minutes while the app runs.
    const int minutes = QSettings().value(QStringLiteral("mail/syncIntervalMinutes"), 15).toInt();
    ConnectedAccountRepository* accounts = session->mailAccounts();
    const qint64 userId = session->userId();
    scheduler->addSchedule(ScheduleName, minutes, [accounts, userId]() -> Result<QList<ScheduledJob>> {
        auto list = accounts->list(userId);
        if (!list)
            return list.error();
        QList<ScheduledJob> jobs;
        for (const ConnectedAccount& account : *list) {
            if (account.isActive && !account.isRevoked())
                jobs.append({userId, JobTypes::EmailFetch.toString(), {{QStringLiteral("accountId"), account.id}}});
        }
        return jobs;
    });

    // A fetch that ended because the provider refused the sign-in: say so once per failure.
    connect(runner, &JobRunner::jobFinished, this, [this, accounts, userId](const Job& job) {
        if (job.userId != userId || job.type != JobTypes::EmailFetch || job.status != JobStatus::Failed
            || !job.error.value(QStringLiteral("signIn")).toBool())
            return;
        const auto account = accounts->find(userId, job.input.value(QStringLiteral("accountId")).toInteger());
        if (!account)
            return;
        Q_EMIT attentionNeeded(tr("Sign in to %1 again").arg(account->email),
                               tr("Moniagent can no longer read %1: %2 Open Tools › Mail Accounts and choose Sign In "
                                  "Again.")
                                   .arg(account->email, job.errorMessage()));
    });
}

MailIntegration::~MailIntegration() = default;

MailAccountsDialog* MailIntegration::showAccounts(QWidget* parent)
{
    if (!m_dialog) {
        m_dialog = new MailAccountsDialog(m_session->mailAccounts(), m_session->emails(), m_connector, m_runner,
                                          m_session->userId(), parent);
        m_dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_dialog, &MailAccountsDialog::intervalChanged, this,
                [this](int minutes) { m_scheduler->setInterval(ScheduleName, minutes); });
    }
    m_dialog->show();
    m_dialog->raise();
    m_dialog->activateWindow();
    return m_dialog;
}

} // namespace Moniagent
