#pragma once

#include "core/result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QStringList>

namespace Moniagent {

// The tokens of one OAuth mail account, as kept in its keychain entry ("mail:<provider>:<email>"). Never logged.
struct OAuthTokens
{
    Q_DECLARE_TR_FUNCTIONS(Moniagent::OAuthTokens)
public:
    QString accessToken;
    QString refreshToken;
    QDateTime expiresAt; // UTC; invalid: unknown (treated as expired)
    QStringList scopes;

    // True when the access token is missing or expires within `leewaySeconds` of `now`.
    bool needsRefresh(const QDateTime& now, int leewaySeconds = 60) const;

    // The keychain entry: compact JSON. When it would not fit in `maxBytes` (UTF-8; 0 = no limit) — the Windows
    // Credential Manager holds at most 2,560 bytes — only the refresh token is kept, and the access token is fetched
    // again on the next sync.
    QString toSecret(int maxBytes = platformSecretLimit()) const;
    static Result<OAuthTokens> fromSecret(const QString& secret);
    // How much one keychain entry holds on this platform (0: no practical limit).
    static int platformSecretLimit();

    // A successful token endpoint answer (RFC 6749 §5.1). expires_in counts from `now`; an answer without a new
    // refresh token keeps `previousRefreshToken` (Google's refresh answers; Microsoft sends a new one).
    static Result<OAuthTokens> fromTokenResponse(const QJsonObject& json, const QDateTime& now,
                                                 const QString& previousRefreshToken = {});
};

// An error answer of an OAuth endpoint (RFC 6749 §5.2, or §4.1.2.1 on the redirect): "invalid_grant",
// "access_denied" …
struct OAuthError
{
    QString code;
    QString description;

    static OAuthError fromJson(const QJsonObject& json);
    // The grant is gone (expired, revoked, password changed): only a new sign-in helps.
    bool needsSignIn() const;
};

// Proof Key for Code Exchange (RFC 7636) with the S256 method.
namespace Pkce {
// 43 characters from the unreserved set, from 32 random bytes.
QByteArray verifier();
// BASE64URL(SHA256(verifier)) without padding.
QByteArray challenge(const QByteArray& verifier);
} // namespace Pkce

// The claims of an OpenID Connect id_token (the JSON of its middle part). The signature is not checked: the token
// comes straight from the token endpoint over TLS, which OpenID Connect Core §3.1.3.7 accepts in its place. Empty
// when the token is malformed.
QJsonObject idTokenClaims(const QString& idToken);
// The address an id_token names: "email", else Microsoft's "preferred_username" when it is an address.
QString idTokenEmail(const QJsonObject& claims);

} // namespace Moniagent
