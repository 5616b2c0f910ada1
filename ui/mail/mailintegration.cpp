#include "mailintegration.h"

#include "db/connectedaccountrepository.h"
#include "db/emailextractionrepository.h"
#include "db/emailrepository.h"
#include "db/userrepository.h"
#include "jobs/jobrunner.h"
#include "jobs/jobscheduler.h"
#include "mail/mailaccountconnector.h"
#include "mailaccountsdialog.h"
#include "secrets/secretstore.h"
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
    , m_accounts(std::make_unique<ConnectedAccountRepository>(session->database()))
    , m_emails(std::make_unique<EmailRepository>(session->database()))
    , m_extractions(std::make_unique<EmailExtractionRepository>(session->database()))
    , m_connector(new MailAccountConnector(m_accounts.get(), secrets, this))
{
    m_services.database = session->database();
    m_services.accounts = m_accounts.get();
    m_services.emails = m_emails.get();
    m_services.extractions = m_extractions.get();
    m_services.transactions = session->transactions();
    m_services.receipts = session->receipts();
    m_services.readSecret = [secrets](const QString& key) {
        return secrets->readFromWorker(key);
    };
    const Currency base = session->baseCurrency();
    m_services.defaultCurrency = [base](qint64) {
        return base;
    };
    m_services.archive = MailArchive::beside(*session->database());
    registerMailJobs(*runner, m_services);

    // Every active account of the open profile, every few minutes while the app runs.
    const int minutes = QSettings().value(QStringLiteral("mail/syncIntervalMinutes"), 15).toInt();
    ConnectedAccountRepository* accounts = m_accounts.get();
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
}

MailIntegration::~MailIntegration() = default;

MailAccountsDialog* MailIntegration::showAccounts(QWidget* parent)
{
    if (!m_dialog) {
        m_dialog = new MailAccountsDialog(m_accounts.get(), m_emails.get(), m_connector, m_runner, m_session->userId(),
                                          parent);
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
