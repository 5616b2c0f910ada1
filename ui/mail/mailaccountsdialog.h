#pragma once

#include <QDialog>

class QLabel;
class QPushButton;
class QSpinBox;
class QTreeWidget;

namespace Moniagent {

class ConnectedAccountRepository;
class EmailRepository;
class JobRunner;
class MailAccountConnector;

// Tools › Mail Accounts: the connected mailboxes with their status (connected, syncing, needs sign-in, error),
// last sync and message counts; Add IMAP Account…, Sync Now, Disconnect…, and how often to check for new mail.
class MailAccountsDialog : public QDialog
{
    Q_OBJECT
public:
    MailAccountsDialog(ConnectedAccountRepository* accounts, EmailRepository* emails, MailAccountConnector* connector,
                       JobRunner* runner, qint64 userId, QWidget* parent = nullptr);

    QTreeWidget* list() const { return m_list; }
    QSpinBox* intervalSpin() const { return m_interval; }
    void addImapAccount();
    void syncSelected();
    void disconnectSelected();
    void reload();

Q_SIGNALS:
    // The check interval changed (minutes; 0 = only when asked).
    void intervalChanged(int minutes);

private:
    qint64 selectedAccount() const;
    void updateButtons();

    ConnectedAccountRepository* m_accounts;
    EmailRepository* m_emails;
    MailAccountConnector* m_connector;
    JobRunner* m_runner;
    qint64 m_userId;
    QTreeWidget* m_list;
    QLabel* m_empty;
    QPushButton* m_sync;
    QPushButton* m_disconnect;
    QSpinBox* m_interval;
};

} // namespace Moniagent
