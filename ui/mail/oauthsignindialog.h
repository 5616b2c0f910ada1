#pragma once

#include "core/connectedaccount.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QToolButton;
class QWidget;

namespace Moniagent {

class MailAccountConnector;

// Connect Gmail / Connect Outlook: explains what happens, lets the user enter the app registration (OAuth client id
// and, for Google, the client secret of a desktop client) when none is built in, then signs in through the system
// browser. While the browser is open it shows a busy bar, "Open Browser Again" and Cancel; a refusal, a timeout or a
// closed browser leaves the dialog open with the reason. Accepted once the account is connected.
class OAuthSignInDialog : public QDialog
{
    Q_OBJECT
public:
    OAuthSignInDialog(MailProvider provider, MailAccountConnector* connector, qint64 userId, QWidget* parent = nullptr);

    qint64 accountId() const { return m_accountId; }
    bool secretPersistent() const { return m_persistent; }
    QLineEdit* clientIdEdit() const { return m_clientId; }
    QLineEdit* clientSecretEdit() const { return m_clientSecret; }
    QLabel* statusLabel() const { return m_status; }

    void reject() override;

private:
    void signIn();
    void setRunning(bool running);
    void showRegistration(bool show);

    MailProvider m_provider;
    MailAccountConnector* m_connector;
    qint64 m_userId;
    QToolButton* m_registrationToggle;
    QWidget* m_registration;
    QLineEdit* m_clientId;
    QLineEdit* m_clientSecret = nullptr;
    QLabel* m_status;
    QProgressBar* m_busy;
    QPushButton* m_signIn;
    QPushButton* m_openAgain;
    qint64 m_accountId = 0;
    bool m_persistent = true;
};

} // namespace Moniagent
