#include "oauthtokenprovider.h"

#include "core/clock.h"
#include "db/connectedaccountrepository.h"
#include "httpclient.h"
#include "maillogging.h"
#include "oauthtokens.h"

#include <QMutexLocker>
#include <QUrlQuery>

namespace Moniagent {

namespace {

Error retryLater(const QString& message, const QString& detail = {})
{
    return Error {Error::Code::Io, message, detail};
}

} // namespace

OAuthTokenProvider::OAuthTokenProvider(ConnectedAccountRepository* accounts, ReadSecret read, WriteSecret write,
                                       ConfigFor configFor, const Clock& clock)
    : m_accounts(accounts)
    , m_read(std::move(read))
    , m_write(std::move(write))
    , m_configFor(std::move(configFor))
    , m_clock(clock)
{ }

Result<QString> OAuthTokenProvider::accessToken(const ConnectedAccount& account, bool forceRefresh)
{
    const QString provider = ConnectedAccountEnums::displayName(account.provider);
    // The token the caller saw refused; after waiting for another refresh it may already be a new one.
    QMutexLocker lock(&m_mutex);
    auto secret = m_read(account.keychainKey);
    if (!secret)
        return retryLater(secret.error().message, secret.error().detail);
    if (secret->isEmpty())
        return Error::invalidInput(
            tr("The sign-in for %1 is not in the keychain. Open Accounts and sign in again.").arg(account.email));
    auto tokens = OAuthTokens::fromSecret(*secret);
    if (!tokens)
        return tokens.error(); // unreadable: only a new sign-in helps
    const QDateTime now = m_clock.nowUtc();
    if (!forceRefresh && !tokens->needsRefresh(now))
        return tokens->accessToken;

    const OAuthConfig config = m_configFor(account.provider);
    if (!config.isUsable())
        return Error::invalidInput(tr("Moniagent has no OAuth client id for %1. Enter it in Accounts and sign in "
                                      "again.")
                                       .arg(provider));
    QUrlQuery form;
    const auto add = [&form](const QString& name, const QString& value) {
        form.addQueryItem(name, QString::fromLatin1(QUrl::toPercentEncoding(value)));
    };
    add(QStringLiteral("grant_type"), QStringLiteral("refresh_token"));
    add(QStringLiteral("refresh_token"), tokens->refreshToken);
    add(QStringLiteral("client_id"), config.clientId);
    if (!config.clientSecret.isEmpty())
        add(QStringLiteral("client_secret"), config.clientSecret);
    HttpRequest request;
    request.method = "POST";
    request.url = config.tokenUrl;
    request.headers = {{"Content-Type", "application/x-www-form-urlencoded"}, {"Accept", "application/json"}};
    request.body = form.query(QUrl::FullyEncoded).toLatin1();
    request.timeoutMs = refreshTimeoutMs;
    HttpClient client;
    auto response = client.send(request);
    if (!response && client.failure() == HttpClient::Failure::InvalidRequest)
        return Error::invalidInput(tr("The sign-in address of %1 is not usable. Check it in Settings and sign in "
                                      "again.")
                                       .arg(provider),
                                   response.error().toString());
    if (!response)
        return retryLater(tr("%1 could not be reached to renew the sign-in of %2.").arg(provider, account.email),
                          response.error().toString());
    if (!response->isSuccess()) {
        const OAuthError error = OAuthError::fromJson(response->json());
        qCWarning(lcMail) << "Refreshing the token of account" << account.id << "failed:" << response->status
                          << error.code;
        if (error.needsSignIn())
            return Error::invalidInput(
                tr("%1 no longer accepts Moniagent's sign-in for %2 (%3). Open Accounts and "
                   "sign in again.")
                    .arg(provider, account.email, error.description.isEmpty() ? error.code : error.description),
                error.code);
        return retryLater(
            tr("%1 did not renew the sign-in of %2 (HTTP %3).").arg(provider, account.email).arg(response->status),
            error.description);
    }
    auto fresh = OAuthTokens::fromTokenResponse(response->json(), now, tokens->refreshToken);
    if (!fresh)
        return retryLater(fresh.error().message, fresh.error().detail);
    if (fresh->scopes.isEmpty())
        fresh->scopes = tokens->scopes;
    if (auto written = m_write(account.keychainKey, fresh->toSecret()); !written)
        qCWarning(lcMail) << "The renewed token of account" << account.id
                          << "could not be saved:" << written.error().toString();
    if (auto current = m_accounts->find(account.userId, account.id)) {
        current->tokenExpiry = fresh->expiresAt;
        if (auto saved = m_accounts->update(account.userId, *current); !saved)
            qCWarning(lcMail) << "The token expiry of account" << account.id
                              << "was not saved:" << saved.error().toString();
    }
    qCInfo(lcMail) << "Renewed the access token of account" << account.id;
    return fresh->accessToken;
}

} // namespace Moniagent
