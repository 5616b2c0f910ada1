#pragma once

#include <QByteArray>
#include <QHash>
#include <QHttpServer>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>
#include <QUrl>
#include <QUrlQuery>

namespace Moniagent::Test {

// A local OAuth 2.0 authorization server on 127.0.0.1 (Qt HttpServer) that behaves like Google's
// (https://developers.google.com/identity/protocols/oauth2/native-app) or the Microsoft identity platform's
// (v2.0 authorization code flow) for installed apps:
// - GET /authorize checks client_id, response_type=code, a loopback http redirect_uri, the scope, a state and a
//   PKCE S256 code_challenge; then redirects (302) to the redirect URI with code + state — or error=access_denied
//   when the test made the user decline. Broken requests get a 400 error page, as the real ones show.
// - POST /token (form-encoded): authorization_code (single-use code, same redirect_uri, code_verifier matching the
//   challenge, client id and, for Google, the client secret) and refresh_token grants; errors as RFC 6749 §5.2 JSON
//   ("invalid_grant" …). Access tokens expire after expiresIn seconds; Microsoft rotates refresh tokens.
// - POST /revoke (Google only): revokes a refresh or access token.
// Google's codes contain '/' ("4/0A…") so percent-encoding mistakes show.
class FakeOAuthServer : public QObject
{
    Q_OBJECT
public:
    enum class Flavour
    {
        Google,
        Microsoft
    };
    enum class Consent
    {
        Allow,
        Deny, // the user presses Cancel on the consent page
        WithoutMail // granular consent: the user unticks mail access
    };

    explicit FakeOAuthServer(Flavour flavour, QObject* parent = nullptr);

    QUrl url(const QString& path) const;
    QUrl authorizationUrl() const { return url(QStringLiteral("/authorize")); }
    QUrl tokenUrl() const { return url(QStringLiteral("/token")); }
    QUrl revocationUrl() const { return url(QStringLiteral("/revoke")); }

    static QString clientId() { return QStringLiteral("moniagent-test-client.apps.example"); }
    static QString clientSecret() { return QStringLiteral("GOCSPX-test-only"); }
    QString mailScope() const;

    void setAccount(const QString& email, const QString& name)
    {
        m_email = email;
        m_name = name;
    }
    void setConsent(Consent consent) { m_consent = consent; }
    void setExpiresIn(int seconds) { m_expiresIn = seconds; }
    // The next token request answers with this status and JSON body instead.
    void failNextTokenRequest(int status, const QJsonObject& body);
    // A refresh token for an earlier sign-in (as if the user had signed in before the test), with the mail scope.
    QString seedRefreshToken();
    // Makes every refresh token issued so far invalid (password change, revoked in the account settings).
    void revokeAllGrants();

    bool isAccessTokenValid(const QString& token) const { return m_accessTokens.contains(token); }
    bool isRefreshTokenValid(const QString& token) const { return m_refreshTokens.contains(token); }
    QString lastAccessToken() const { return m_lastAccessToken; }
    QString lastRefreshToken() const { return m_lastRefreshToken; }
    const QList<QUrlQuery>& authorizationRequests() const { return m_authorizations; }
    const QList<QUrlQuery>& tokenRequests() const { return m_tokenRequests; }
    const QList<QUrlQuery>& revocationRequests() const { return m_revocations; }

private:
    struct IssuedCode
    {
        QString clientId;
        QString redirectUri;
        QString challenge;
        QString scope;
    };
    struct Answer
    {
        int status = 200;
        QByteArray contentType = "application/json";
        QByteArray body;
        QByteArray location;
    };

    Answer authorize(const QUrlQuery& query);
    Answer token(const QUrlQuery& form);
    Answer revoke(const QUrlQuery& form);
    Answer issueTokens(const QString& scope, const QString& refreshToken);
    static Answer error(int status, const QString& code, const QString& description);
    static Answer page(int status, const QString& text);
    QString random(const QString& prefix) const;

    Flavour m_flavour;
    QHttpServer m_server;
    quint16 m_port = 0;
    QString m_email = QStringLiteral("sam@example.com");
    QString m_name = QStringLiteral("Sam Example");
    Consent m_consent = Consent::Allow;
    int m_expiresIn = 3599;
    std::optional<std::pair<int, QJsonObject>> m_failNextToken;
    QHash<QString, IssuedCode> m_codes;
    QHash<QString, QString> m_refreshTokens; // token → scope
    QSet<QString> m_accessTokens;
    QString m_lastAccessToken;
    QString m_lastRefreshToken;
    QList<QUrlQuery> m_authorizations;
    QList<QUrlQuery> m_tokenRequests;
    QList<QUrlQuery> m_revocations;
};

} // namespace Moniagent::Test
