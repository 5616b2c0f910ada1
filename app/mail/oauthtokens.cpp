#include "oauthtokens.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>

namespace Moniagent {

namespace {
constexpr auto Base64Url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
} // namespace

bool OAuthTokens::needsRefresh(const QDateTime& now, int leewaySeconds) const
{
    return accessToken.isEmpty() || !expiresAt.isValid() || now.secsTo(expiresAt) <= leewaySeconds;
}

int OAuthTokens::platformSecretLimit()
{
#ifdef Q_OS_WIN
    return 2560; // CRED_MAX_CREDENTIAL_BLOB_SIZE
#else
    return 0;
#endif
}

QString OAuthTokens::toSecret(int maxBytes) const
{
    QJsonObject json {{QStringLiteral("refresh_token"), refreshToken}};
    const QByteArray minimal = QJsonDocument(json).toJson(QJsonDocument::Compact);
    json.insert(QStringLiteral("access_token"), accessToken);
    if (expiresAt.isValid())
        json.insert(QStringLiteral("expires_at"), expiresAt.toUTC().toString(Qt::ISODateWithMs));
    json.insert(QStringLiteral("scopes"), QJsonArray::fromStringList(scopes));
    const QByteArray full = QJsonDocument(json).toJson(QJsonDocument::Compact);
    if (maxBytes > 0 && full.size() > maxBytes)
        return QString::fromUtf8(minimal);
    return QString::fromUtf8(full);
}

Result<OAuthTokens> OAuthTokens::fromSecret(const QString& secret)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(secret.toUtf8(), &error);
    const QJsonObject json = document.object();
    OAuthTokens tokens;
    tokens.refreshToken = json.value(QStringLiteral("refresh_token")).toString();
    if (error.error != QJsonParseError::NoError || !document.isObject() || tokens.refreshToken.isEmpty())
        return Error::invalidInput(tr("The saved sign-in of this account is unreadable. Sign in again."),
                                   QStringLiteral("keychain entry is not a token set"));
    tokens.accessToken = json.value(QStringLiteral("access_token")).toString();
    tokens.expiresAt = QDateTime::fromString(json.value(QStringLiteral("expires_at")).toString(), Qt::ISODateWithMs);
    for (const QJsonValue& scope : json.value(QStringLiteral("scopes")).toArray())
        tokens.scopes.append(scope.toString());
    return tokens;
}

Result<OAuthTokens> OAuthTokens::fromTokenResponse(const QJsonObject& json, const QDateTime& now,
                                                   const QString& previousRefreshToken)
{
    OAuthTokens tokens;
    tokens.accessToken = json.value(QStringLiteral("access_token")).toString();
    if (tokens.accessToken.isEmpty())
        return Error::invalidInput(tr("The sign-in server sent no access token."),
                                   QStringLiteral("token response without access_token"));
    const QString type = json.value(QStringLiteral("token_type")).toString();
    if (!type.isEmpty() && type.compare(QLatin1String("bearer"), Qt::CaseInsensitive) != 0)
        return Error::invalidInput(tr("The sign-in server sent a token Moniagent cannot use."),
                                   QStringLiteral("token_type %1").arg(type));
    tokens.refreshToken = json.value(QStringLiteral("refresh_token")).toString(previousRefreshToken);
    if (tokens.refreshToken.isEmpty())
        tokens.refreshToken = previousRefreshToken;
    // expires_in is a number by RFC 6749, a string from some servers.
    const QJsonValue expiresIn = json.value(QStringLiteral("expires_in"));
    const qint64 seconds = expiresIn.isString() ? expiresIn.toString().toLongLong() : expiresIn.toInteger();
    if (seconds > 0)
        tokens.expiresAt = now.toUTC().addSecs(seconds);
    tokens.scopes = json.value(QStringLiteral("scope")).toString().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    return tokens;
}

OAuthError OAuthError::fromJson(const QJsonObject& json)
{
    // RFC 6749: {"error": "invalid_grant", "error_description": "…"}. Google's APIs nest {"error": {…}}.
    const QJsonValue error = json.value(QStringLiteral("error"));
    if (error.isObject()) {
        const QJsonObject nested = error.toObject();
        return {nested.value(QStringLiteral("status")).toString(nested.value(QStringLiteral("code")).toString()),
                nested.value(QStringLiteral("message")).toString()};
    }
    return {error.toString(), json.value(QStringLiteral("error_description")).toString()};
}

bool OAuthError::needsSignIn() const
{
    return code == QLatin1String("invalid_grant") || code == QLatin1String("unauthorized_client")
        || code == QLatin1String("invalid_client") || code == QLatin1String("interaction_required");
}

namespace Pkce {

QByteArray verifier()
{
    QByteArray bytes(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32*>(bytes.data()), bytes.size() / 4);
    return bytes.toBase64(Base64Url);
}

QByteArray challenge(const QByteArray& verifier)
{
    return QCryptographicHash::hash(verifier, QCryptographicHash::Sha256).toBase64(Base64Url);
}

} // namespace Pkce

QJsonObject idTokenClaims(const QString& idToken)
{
    const QList<QStringView> parts = QStringView(idToken).split(QLatin1Char('.'));
    if (parts.size() != 3)
        return {};
    const auto decoded = QByteArray::fromBase64Encoding(parts.at(1).toLatin1(), Base64Url);
    if (!decoded)
        return {};
    return QJsonDocument::fromJson(*decoded).object();
}

QString idTokenEmail(const QJsonObject& claims)
{
    const QString email = claims.value(QStringLiteral("email")).toString();
    if (!email.isEmpty())
        return email;
    const QString username = claims.value(QStringLiteral("preferred_username")).toString();
    return username.contains(QLatin1Char('@')) ? username : QString();
}

} // namespace Moniagent
