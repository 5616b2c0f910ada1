#pragma once

#include "core/connectedaccount.h"
#include "core/result.h"
#include "imapconnection.h"
#include "oauthsignin.h"

#include <QObject>
#include <QPointer>

#include <functional>

class QNetworkAccessManager;

namespace Moniagent {

class ConnectedAccountRepository;
class SecretStore;

// Connects and disconnects mail accounts for the Accounts dialog and the command line. Connecting an IMAP account
// first signs in once on a worker thread (so a wrong password or an untrusted certificate is said at once and
// nothing is stored), then writes the password to the keychain ("mail:imap:<email>"), then adds the account.
// Connecting Gmail or Outlook runs the OAuth sign-in in the user's browser (OAuthSignIn, configured from Settings),
// then writes the tokens to the keychain ("mail:<provider>:<email>") and adds the account — or, when the address is
// already connected, signs it in again (active, not revoked). Disconnecting revokes the token at the provider when it
// offers that (Google), then deletes the keychain entry and the account with its emails; transactions made from them
// stay.
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

    // Signs in to Gmail or Outlook with `config` (usually OAuthConfig::fromSettings): emits browserRequested() with
    // the page to open, then connected(), failed() or signInCancelled().
    void connectOAuth(qint64 userId, const OAuthConfig& config);
    void cancelSignIn();
    // The sign-in page of the running OAuth sign-in (to open it again); empty when none runs.
    QUrl signInUrl() const;

    // Revokes the account's token at the provider when it can (Google), then removes the account and its keychain
    // entry; `done` runs on this thread at the end. The account is removed also when the revocation fails (the
    // error then says so, with where to remove the access by hand).
    void disconnectAccount(qint64 userId, qint64 accountId, std::function<void(Result<void>)> done = {});

Q_SIGNALS:
    void connected(qint64 accountId, bool secretPersistent);
    void browserRequested(const QUrl& url);
    void signInCancelled();
    // `failure` tells the dialog whether to offer the certificate (Certificate) or the password field
    // (Authentication); `certificate` is filled for Certificate.
    void failed(const QString& message, ImapConnection::Failure failure,
                const ImapConnection::PresentedCertificate& certificate);

private:
    void store(qint64 userId, const ImapAccount& account);
    void storeGrant(qint64 userId, const OAuthGrant& grant);
    void removeAccount(qint64 userId, const ConnectedAccount& account, const QString& revocationProblem,
                       std::function<void(Result<void>)> done);
    void fail(const QString& message, ImapConnection::Failure failure,
              const ImapConnection::PresentedCertificate& certificate = {});

    ConnectedAccountRepository* m_accounts;
    SecretStore* m_secrets;
    QNetworkAccessManager* m_network = nullptr;
    QPointer<OAuthSignIn> m_signIn;
    bool m_busy = false;
};

} // namespace Moniagent

Q_DECLARE_METATYPE(Moniagent::ImapConnection::PresentedCertificate)
