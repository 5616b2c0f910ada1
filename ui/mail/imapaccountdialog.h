#pragma once

#include "mail/mailaccountconnector.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QSpinBox;

namespace Moniagent {

// Accounts › Add IMAP Account: address, server, port, security, user name and password (or an XOAUTH2 token).
// Connect signs in once through the MailAccountConnector before anything is stored; an untrusted certificate is
// shown with its fingerprint and trusted only when the user says so; a refused password is said beside the field.
class ImapAccountDialog : public QDialog
{
    Q_OBJECT
public:
    ImapAccountDialog(MailAccountConnector* connector, qint64 userId, QWidget* parent = nullptr);

    // The account added (valid after the dialog was accepted).
    qint64 accountId() const { return m_accountId; }
    bool secretPersistent() const { return m_persistent; }

    QLineEdit* emailEdit() const { return m_email; }
    QLineEdit* hostEdit() const { return m_host; }
    QSpinBox* portSpin() const { return m_port; }
    QComboBox* securityCombo() const { return m_security; }
    QLineEdit* userEdit() const { return m_user; }
    QLineEdit* passwordEdit() const { return m_password; }
    QLabel* errorLabel() const { return m_error; }
    // Starts connecting (the Connect button).
    void connectAccount();

private:
    void updateState();
    void onFailed(const QString& message, ImapConnection::Failure failure,
                  const ImapConnection::PresentedCertificate& certificate);
    MailAccountConnector::ImapAccount account() const;

    MailAccountConnector* m_connector;
    qint64 m_userId;
    qint64 m_accountId = 0;
    bool m_persistent = true;
    QString m_pinned; // the public key the user trusted in this dialog
    bool m_userEdited = false;
    QLineEdit* m_email;
    QLineEdit* m_name;
    QLineEdit* m_host;
    QSpinBox* m_port;
    QComboBox* m_security;
    QLineEdit* m_user;
    QComboBox* m_auth;
    QLineEdit* m_password;
    QLabel* m_error;
    QProgressBar* m_busy;
    QDialogButtonBox* m_buttons;
};

} // namespace Moniagent
