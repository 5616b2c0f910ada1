#include "mailaccountconnector.h"

#include "db/connectedaccountrepository.h"
#include "imapmailbox.h"
#include "maillogging.h"
#include "secrets/secretstore.h"

#include <QFutureWatcher>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUrlQuery>
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

void MailAccountConnector::connectOAuth(qint64 userId, const OAuthConfig& config)
{
    if (m_busy)
        return;
    m_busy = true;
    auto* signIn = new OAuthSignIn(config, this);
    m_signIn = signIn;
    connect(signIn, &OAuthSignIn::openBrowser, this, &MailAccountConnector::browserRequested);
    connect(signIn, &OAuthSignIn::succeeded, this, [this, signIn, userId](const OAuthGrant& grant) {
        signIn->deleteLater();
        storeGrant(userId, grant);
    });
    connect(signIn, &OAuthSignIn::failed, this, [this, signIn](const QString& message) {
        signIn->deleteLater();
        fail(message, ImapConnection::Failure::Authentication);
    });
    connect(signIn, &OAuthSignIn::cancelled, this, [this, signIn] {
        signIn->deleteLater();
        m_busy = false;
        Q_EMIT signInCancelled();
    });
    signIn->start();
}

void MailAccountConnector::cancelSignIn()
{
    if (m_signIn)
        m_signIn->cancel();
}

QUrl MailAccountConnector::signInUrl() const
{
    return m_signIn && m_signIn->isRunning() ? m_signIn->authorizationUrl() : QUrl();
}

void MailAccountConnector::storeGrant(qint64 userId, const OAuthGrant& grant)
{
    const QString key = ConnectedAccount::keychainKeyFor(grant.provider, grant.email);
    m_secrets->write(key, grant.tokens.toSecret(), this, [this, userId, grant, key](Result<bool> written) {
        if (!written)
            return fail(written.error().message, ImapConnection::Failure::None);
        ConnectedAccount row;
        if (auto existing = m_accounts->findByEmail(userId, grant.provider, grant.email))
            row = *existing;
        row.provider = grant.provider;
        row.email = grant.email;
        if (!grant.displayName.isEmpty())
            row.displayName = grant.displayName;
        row.keychainKey = key;
        row.authMethod = MailAuthMethod::OAuth;
        row.scopes = QJsonArray::fromStringList(grant.tokens.scopes);
        row.tokenExpiry = grant.tokens.expiresAt;
        Result<qint64> id = row.id;
        if (row.id) {
            // Signed in again: the same account, active and no longer waiting for a sign-in.
            auto updated = m_accounts->update(userId, row);
            if (updated)
                updated = m_accounts->markSignedIn(userId, row.id, grant.tokens.expiresAt);
            if (!updated)
                id = updated.error();
        } else {
            id = m_accounts->add(userId, row);
            if (!id)
                m_secrets->remove(key, this, [](Result<void>) {});
        }
        if (!id)
            return fail(id.error().message, ImapConnection::Failure::None);
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
    const OAuthConfig config = OAuthConfig::fromSettings(account->provider);
    const bool revocable = account->authMethod == MailAuthMethod::OAuth && !config.revocationUrl.isEmpty()
        && (account->provider == MailProvider::Gmail || account->provider == MailProvider::Outlook);
    if (!revocable)
        return removeAccount(userId, *account, QString(), std::move(done));
    const ConnectedAccount row = *account;
    m_secrets->read(row.keychainKey, this, [this, userId, row, config, done](Result<SecretStore::Secret> secret) {
        const auto tokens = secret && secret->value ? OAuthTokens::fromSecret(*secret->value)
                                                    : Result<OAuthTokens>(Error::notFound(QString()));
        if (!tokens)
            return removeAccount(userId, row, QString(), done);
        // RFC 7009 as Google implements it: revoking the refresh token ends the whole grant.
        if (!m_network)
            m_network = new QNetworkAccessManager(this);
        QNetworkRequest request(config.revocationUrl);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
        request.setTransferTimeout(15'000);
        QUrlQuery form;
        form.addQueryItem(QStringLiteral("token"), QString::fromLatin1(QUrl::toPercentEncoding(tokens->refreshToken)));
        QNetworkReply* reply = m_network->post(request, form.query(QUrl::FullyEncoded).toLatin1());
        connect(reply, &QNetworkReply::finished, this, [this, reply, userId, row, done] {
            reply->deleteLater();
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            // 400 invalid_token: already revoked or expired — nothing left to revoke.
            QString problem;
            if (status != 200 && status != 400) {
                qCWarning(lcMail) << "Revoking the token of account" << row.id << "failed:" << status
                                  << reply->errorString();
                problem = tr("Moniagent could not reach Google to withdraw its access (%1). The account is "
                             "disconnected here; to withdraw the access too, remove Moniagent at "
                             "https://myaccount.google.com/permissions.")
                              .arg(reply->errorString());
            }
            removeAccount(userId, row, problem, done);
        });
    });
}

void MailAccountConnector::removeAccount(qint64 userId, const ConnectedAccount& account,
                                         const QString& revocationProblem, std::function<void(Result<void>)> done)
{
    const qint64 accountId = account.id;
    m_secrets->remove(account.keychainKey, this,
                      [this, userId, accountId, revocationProblem, done](Result<void> removed) {
                          // A keychain that fails to delete must not keep the account connected: the row goes
                          // either way.
                          auto result = m_accounts->remove(userId, accountId);
                          if (!done)
                              return;
                          if (!result)
                              return done(result);
                          if (!removed)
                              return done(removed);
                          if (!revocationProblem.isEmpty())
                              return done(Error {Error::Code::Io, revocationProblem, {}});
                          done({});
                      });
}

} // namespace Moniagent
