#pragma once

#include "core/connectedaccount.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTreeWidget;

namespace Moniagent {

class ConnectedAccountRepository;
class EmailRepository;
class JobRunner;
class MailAccountConnector;

// Tools › Mail Accounts: the connected mailboxes with their status (connected, syncing, needs sign-in, error),
// last sync and message counts; Add Gmail…, Add Outlook…, Add IMAP Account…, Sync Now, Sign In Again… (for an
// account whose sign-in ended), Disconnect…, and how often to check for new mail.
class MailAccountsDialog : public QDialog
{
    Q_OBJECT
public:
    MailAccountsDialog(ConnectedAccountRepository* accounts, EmailRepository* emails, MailAccountConnector* connector,
                       JobRunner* runner, qint64 userId, QWidget* parent = nullptr);

    QTreeWidget* list() const { return m_list; }
    QSpinBox* intervalSpin() const { return m_interval; }
    QLineEdit* gmailQueryEdit() const { return m_gmailQuery; }
    void addImapAccount();
    // Connect Gmail / Outlook (OAuthSignInDialog); also signs an existing account in again.
    void addOAuthAccount(MailProvider provider);
    void signInAgainSelected();
    void syncSelected();
    void disconnectSelected();
    void reload();

Q_SIGNALS:
    // The check interval changed (minutes; 0 = only when asked).
    void intervalChanged(int minutes);

private:
    qint64 selectedAccount() const;
    void updateButtons();
    void accountAdded(qint64 accountId, bool secretPersistent);

    ConnectedAccountRepository* m_accounts;
    EmailRepository* m_emails;
    MailAccountConnector* m_connector;
    JobRunner* m_runner;
    qint64 m_userId;
    QTreeWidget* m_list;
    QLabel* m_empty;
    QPushButton* m_sync;
    QPushButton* m_disconnect;
    QPushButton* m_signInAgain;
    QSpinBox* m_interval;
    QLineEdit* m_gmailQuery;
};

} // namespace Moniagent
