#pragma once

#include "ai/llmstructuredcall.h"
#include "mail/mailservices.h"

#include <QObject>
#include <QPointer>

class QWidget;

namespace Moniagent {

class JobRunner;
class JobScheduler;
class MailAccountConnector;
class MailAccountsDialog;
class SecretStore;
class Session;

// The window's email ingestion: the mail repositories, the EMAIL_* job handlers on the window's runner, the
// periodic "mail" schedule (Settings: mail/syncIntervalMinutes, default 15) and Tools › Mail Accounts.
class MailIntegration : public QObject
{
    Q_OBJECT
public:
    MailIntegration(Session* session, SecretStore* secrets, JobRunner* runner, JobScheduler* scheduler,
                    QObject* parent = nullptr);
    ~MailIntegration() override;

    MailAccountConnector* connector() const { return m_connector; }
    const MailServices& services() const { return m_services; }
    // Opens (or raises) Tools › Mail Accounts.
    MailAccountsDialog* showAccounts(QWidget* parent);

Q_SIGNALS:
    // Something the user should hear about even with the Accounts window closed (for the tray and status bar):
    // an account whose sign-in ended (revoked, expired or a changed password) and needs the user.
    void attentionNeeded(const QString& title, const QString& message);

private:
    Session* m_session;
    JobRunner* m_runner;
    JobScheduler* m_scheduler;
    MailAccountConnector* m_connector;
    MailServices m_services;
    // The language-model reading of unsure emails, when the profile switched it on (Settings › AI).
    LlmStageEnvironment m_llm;
    QPointer<MailAccountsDialog> m_dialog;
};

} // namespace Moniagent
