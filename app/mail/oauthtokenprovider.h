#pragma once

#include "core/connectedaccount.h"
#include "core/result.h"
#include "oauthconfig.h"

#include <QCoreApplication>
#include <QMutex>

#include <functional>

namespace Moniagent {

class Clock;
class ConnectedAccountRepository;

// Hands the mail jobs a valid access token for a Gmail or Outlook account, on their worker thread: the tokens come
// from the account's keychain entry; when the access token expires within a minute (or the API refused it) the
// refresh token buys a new one at the provider's token endpoint (RFC 6749 §6), and the new tokens go back to the
// keychain and the new expiry to connected_accounts. One refresh at a time per provider instance, and a second
// caller that waited (without forcing) finds the fresh token — Microsoft rotates refresh tokens, so two refreshes at
// once could lose the newer one.
//
// Errors: Code::InvalidInput when only a new sign-in helps (invalid_grant: revoked, expired, password changed; no
// tokens in the keychain); any other code is worth retrying later (network, 5xx, a locked keychain).
class OAuthTokenProvider
{
    Q_DECLARE_TR_FUNCTIONS(Moniagent::OAuthTokenProvider)
public:
    using ReadSecret = std::function<Result<QString>(const QString& key)>;
    using WriteSecret = std::function<Result<bool>(const QString& key, const QString& secret)>;
    using ConfigFor = std::function<OAuthConfig(MailProvider)>;

    OAuthTokenProvider(ConnectedAccountRepository* accounts, ReadSecret read, WriteSecret write, ConfigFor configFor,
                       const Clock& clock);

    Result<QString> accessToken(const ConnectedAccount& account, bool forceRefresh);

    int refreshTimeoutMs = 30'000;

private:
    ConnectedAccountRepository* m_accounts;
    ReadSecret m_read;
    WriteSecret m_write;
    ConfigFor m_configFor;
    const Clock& m_clock;
    QMutex m_mutex;
};

} // namespace Moniagent
