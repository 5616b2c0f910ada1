#include "mailaccountconnector.h"

#include "db/connectedaccountrepository.h"
#include "imapmailbox.h"
#include "secrets/secretstore.h"

#include <QFutureWatcher>
#include <QtConcurrent>

namespace Moniagent {

namespace {

struct Probe
{
    bool ok = false;
    QString message;
    ImapConnection::Failure failure = ImapConnection::Failure::None;
    ImapConnection::PresentedCertificate certificate;
};

// Signs in and opens the inbox once, on a worker thread.
Probe probe(const ImapEndpoint& endpoint)
{
    Probe result;
    ImapConnection connection;
    auto opened = connection.open(endpoint);
    if (opened) {
        auto status = ImapMailbox(connection).examine();
        if (status) {
            result.ok = true;
            return result;
        }
        result.message = status.error().message;
    } else {
        result.message = opened.error().message;
    }
    result.failure = connection.failure();
    if (result.failure == ImapConnection::Failure::Certificate) {
        if (auto presented = ImapConnection::inspectCertificate(endpoint))
            result.certificate = *presented;
    }
    return result;
}

} // namespace

MailAccountConnector::MailAccountConnector(ConnectedAccountRepository* accounts, SecretStore* secrets, QObject* parent)
    : QObject(parent)
    , m_accounts(accounts)
    , m_secrets(secrets)
{
    qRegisterMetaType<ImapConnection::PresentedCertificate>();
}

void MailAccountConnector::fail(const QString& message, ImapConnection::Failure failure,
                                const ImapConnection::PresentedCertificate& certificate)
{
    m_busy = false;
    Q_EMIT failed(message, failure, certificate);
}

void MailAccountConnector::connectImap(qint64 userId, const ImapAccount& account)
{
    if (m_busy)
        return;
    ConnectedAccount row;
    row.provider = MailProvider::Imap;
    row.email = account.email.trimmed();
    row.keychainKey = ConnectedAccount::keychainKeyFor(MailProvider::Imap, row.email);
    row.server.host = account.endpoint.host.trimmed();
    if (auto valid = ConnectedAccountRepository::validate(row); !valid)
        return fail(valid.error().message, ImapConnection::Failure::Protocol);
    if (auto existing = m_accounts->findByEmail(userId, MailProvider::Imap, row.email))
        return fail(tr("%1 is already connected.").arg(row.email), ImapConnection::Failure::Protocol);
    m_busy = true;
    auto* watcher = new QFutureWatcher<Probe>(this);
    connect(watcher, &QFutureWatcher<Probe>::finished, this, [this, watcher, userId, account] {
        watcher->deleteLater();
        const Probe result = watcher->result();
        if (!result.ok)
            return fail(result.message, result.failure, result.certificate);
        store(userId, account);
    });
    watcher->setFuture(QtConcurrent::run(probe, account.endpoint));
}

void MailAccountConnector::store(qint64 userId, const ImapAccount& account)
{
    const QString key = ConnectedAccount::keychainKeyFor(MailProvider::Imap, account.email.trimmed());
    m_secrets->write(key, account.endpoint.secret, this, [this, userId, account, key](Result<bool> written) {
        if (!written)
            return fail(written.error().message, ImapConnection::Failure::None);
        ConnectedAccount row;
        row.provider = MailProvider::Imap;
        row.email = account.email.trimmed();
        row.displayName = account.displayName.trimmed();
        row.keychainKey = key;
        row.authMethod = account.endpoint.xoauth2 ? MailAuthMethod::XOAuth2 : MailAuthMethod::Password;
        row.server.host = account.endpoint.host.trimmed();
        row.server.port = account.endpoint.port;
        row.server.security = account.endpoint.security;
        row.server.username = account.endpoint.username.trimmed();
        row.server.acceptedCertificateSha256 = account.endpoint.pinnedPublicKeySha256;
        auto id = m_accounts->add(userId, row);
        if (!id) {
            m_secrets->remove(key, this, [](Result<void>) {});
            return fail(id.error().message, ImapConnection::Failure::None);
        }
        m_busy = false;
        Q_EMIT connected(*id, *written);
    });
}

void MailAccountConnector::disconnectAccount(qint64 userId, qint64 accountId, std::function<void(Result<void>)> done)
{
    auto account = m_accounts->find(userId, accountId);
    if (!account) {
        if (done)
            done(account.error());
        return;
    }
    const QString key = account->keychainKey;
    m_secrets->remove(key, this, [this, userId, accountId, done](Result<void> removed) {
        // A keychain that fails to delete must not keep the account connected: the row goes either way.
        auto result = m_accounts->remove(userId, accountId);
        if (done)
            done(!result ? result : removed);
    });
}

} // namespace Moniagent
