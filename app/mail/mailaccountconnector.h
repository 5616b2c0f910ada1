#pragma once

#include "core/connectedaccount.h"
#include "core/result.h"
#include "imapconnection.h"

#include <QObject>
#include <QPointer>

#include <functional>

namespace Moniagent {

class ConnectedAccountRepository;
class SecretStore;

// Connects and disconnects mail accounts for the Accounts dialog and the command line. Connecting an IMAP account
// first signs in once on a worker thread (so a wrong password or an untrusted certificate is said at once and
// nothing is stored), then writes the password to the keychain ("mail:imap:<email>"), then adds the account.
// Disconnecting deletes the keychain entry and the account with its emails; transactions made from them stay.
class MailAccountConnector : public QObject
{
    Q_OBJECT
public:
    MailAccountConnector(ConnectedAccountRepository* accounts, SecretStore* secrets, QObject* parent = nullptr);

    struct ImapAccount
    {
        QString email;
        QString displayName;
        ImapEndpoint endpoint; // host, port, security, user name, password (or token with xoauth2), pinned key
    };
    // Emits connected() or failed(); busy until then.
    void connectImap(qint64 userId, const ImapAccount& account);
    bool isBusy() const { return m_busy; }

    // Removes the account and its keychain entry; `done` runs on this thread once the keychain answered.
    void disconnectAccount(qint64 userId, qint64 accountId, std::function<void(Result<void>)> done = {});

Q_SIGNALS:
    void connected(qint64 accountId, bool secretPersistent);
    // `failure` tells the dialog whether to offer the certificate (Certificate) or the password field
    // (Authentication); `certificate` is filled for Certificate.
    void failed(const QString& message, ImapConnection::Failure failure,
                const ImapConnection::PresentedCertificate& certificate);

private:
    void store(qint64 userId, const ImapAccount& account);
    void fail(const QString& message, ImapConnection::Failure failure,
              const ImapConnection::PresentedCertificate& certificate = {});

    ConnectedAccountRepository* m_accounts;
    SecretStore* m_secrets;
    bool m_busy = false;
};

} // namespace Moniagent

Q_DECLARE_METATYPE(Moniagent::ImapConnection::PresentedCertificate)
