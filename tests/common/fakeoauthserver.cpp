#include "fakeoauthserver.h"

#include <QCryptographicHash>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QRandomGenerator>

namespace Moniagent::Test {

namespace {

constexpr auto Base64Url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

QUrlQuery formOf(const QByteArray& body)
{
    // application/x-www-form-urlencoded: '+' is a space.
    QByteArray text = body;
    text.replace('+', ' ');
    return QUrlQuery(QString::fromUtf8(text));
}

QString value(const QUrlQuery& query, const char* name)
{
    return query.queryItemValue(QLatin1String(name), QUrl::FullyDecoded);
}

} // namespace

FakeOAuthServer::FakeOAuthServer(Flavour flavour, QObject* parent)
    : QObject(parent)
    , m_flavour(flavour)
{
    m_server.setMissingHandler([this](const QHttpServerRequest& request, QHttpServerResponder&& responder) {
        const QString path = request.url().path();
        Answer answer;
        if (path == QLatin1String("/authorize") && request.method() == QHttpServerRequest::Method::Get)
            answer = authorize(QUrlQuery(request.url()));
        else if (path == QLatin1String("/token") && request.method() == QHttpServerRequest::Method::Post)
            answer = token(formOf(request.body()));
        else if (path == QLatin1String("/revoke") && request.method() == QHttpServerRequest::Method::Post
                 && m_flavour == Flavour::Google)
            answer = revoke(formOf(request.body()));
        else
            answer = page(404, QStringLiteral("Not found"));
        responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(answer.status));
        responder.writeHeader("Content-Type", answer.contentType);
        responder.writeHeader("Cache-Control", "no-store");
        if (!answer.location.isEmpty())
            responder.writeHeader("Location", answer.location);
        responder.writeHeader("Content-Length", QByteArray::number(answer.body.size()));
        responder.writeBody(answer.body);
    });
    m_port = m_server.listen(QHostAddress::LocalHost, 0);
}

QUrl FakeOAuthServer::url(const QString& path) const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path));
}

QString FakeOAuthServer::mailScope() const
{
    return m_flavour == Flavour::Google ? QStringLiteral("https://www.googleapis.com/auth/gmail.readonly")
                                        : QStringLiteral("https://graph.microsoft.com/Mail.Read");
}

void FakeOAuthServer::failNextTokenRequest(int status, const QJsonObject& body)
{
    m_failNextToken = std::make_pair(status, body);
}

QString FakeOAuthServer::seedRefreshToken()
{
    const QString refresh = random(QStringLiteral("1//seed"));
    m_refreshTokens.insert(refresh, mailScope());
    return refresh;
}

void FakeOAuthServer::revokeAllGrants()
{
    m_refreshTokens.clear();
    m_accessTokens.clear();
}

QString FakeOAuthServer::random(const QString& prefix) const
{
    QByteArray bytes(18, Qt::Uninitialized);
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32*>(bytes.data()), bytes.size() / 4);
    return prefix + QString::fromLatin1(bytes.toBase64(Base64Url));
}

FakeOAuthServer::Answer FakeOAuthServer::error(int status, const QString& code, const QString& description)
{
    Answer answer;
    answer.status = status;
    answer.body = QJsonDocument(
                      QJsonObject {{QStringLiteral("error"), code}, {QStringLiteral("error_description"), description}})
                      .toJson(QJsonDocument::Compact);
    return answer;
}

FakeOAuthServer::Answer FakeOAuthServer::page(int status, const QString& text)
{
    Answer answer;
    answer.status = status;
    answer.contentType = "text/html; charset=utf-8";
    answer.body = QStringLiteral("<html><body><h1>%1</h1></body></html>").arg(text.toHtmlEscaped()).toUtf8();
    return answer;
}

FakeOAuthServer::Answer FakeOAuthServer::authorize(const QUrlQuery& query)
{
    m_authorizations.append(query);
    const QUrl redirect(value(query, "redirect_uri"));
    // Loopback redirects only, over plain http, on any port (RFC 8252 §7.3).
    if (value(query, "client_id") != clientId())
        return page(400, QStringLiteral("Error 401: invalid_client"));
    if (redirect.scheme() != QLatin1String("http") || redirect.host() != QLatin1String("127.0.0.1")
        || redirect.port() <= 0)
        return page(400, QStringLiteral("Error 400: redirect_uri_mismatch"));
    if (value(query, "response_type") != QLatin1String("code"))
        return page(400, QStringLiteral("Error 400: unsupported_response_type"));
    const QString challenge = value(query, "code_challenge");
    if (value(query, "code_challenge_method") != QLatin1String("S256") || challenge.size() < 43)
        return page(400, QStringLiteral("Error 400: invalid_request (code_challenge_method)"));
    const QStringList scopes = value(query, "scope").split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (!scopes.contains(mailScope()))
        return page(400, QStringLiteral("Error 400: invalid_scope"));
    const QString state = value(query, "state");

    QUrlQuery back;
    if (m_consent == Consent::Deny) {
        back.addQueryItem(QStringLiteral("error"), QStringLiteral("access_denied"));
    } else {
        QStringList granted = scopes;
        if (m_consent == Consent::WithoutMail)
            granted.removeAll(mailScope());
        const QString code = m_flavour == Flavour::Google ? random(QStringLiteral("4/0A")) + QStringLiteral("/x")
                                                          : random(QStringLiteral("M.C5_BAY."));
        m_codes.insert(code, {clientId(), redirect.toString(), challenge, granted.join(QLatin1Char(' '))});
        back.addQueryItem(QStringLiteral("code"), code);
        if (m_flavour == Flavour::Google)
            back.addQueryItem(QStringLiteral("scope"), granted.join(QLatin1Char(' ')));
    }
    if (!state.isEmpty())
        back.addQueryItem(QStringLiteral("state"), state);
    QUrl target = redirect;
    target.setQuery(back);
    Answer answer;
    answer.status = 302;
    answer.contentType = "text/html; charset=utf-8";
    answer.location = target.toEncoded();
    return answer;
}

FakeOAuthServer::Answer FakeOAuthServer::token(const QUrlQuery& form)
{
    m_tokenRequests.append(form);
    if (m_failNextToken) {
        Answer answer;
        answer.status = m_failNextToken->first;
        answer.body = QJsonDocument(m_failNextToken->second).toJson(QJsonDocument::Compact);
        m_failNextToken.reset();
        return answer;
    }
    if (value(form, "client_id") != clientId())
        return error(401, QStringLiteral("invalid_client"), QStringLiteral("The OAuth client was not found."));
    if (m_flavour == Flavour::Google && value(form, "client_secret") != clientSecret())
        return error(401, QStringLiteral("invalid_client"), QStringLiteral("Unauthorized"));
    const QString grantType = value(form, "grant_type");
    if (grantType == QLatin1String("authorization_code")) {
        const QString code = value(form, "code");
        const auto issued = m_codes.find(code);
        if (issued == m_codes.end())
            return error(400, QStringLiteral("invalid_grant"), QStringLiteral("Malformed auth code."));
        const IssuedCode grant = *issued;
        m_codes.erase(issued); // single use, also when the request is wrong
        if (value(form, "redirect_uri") != grant.redirectUri)
            return error(400, QStringLiteral("redirect_uri_mismatch"), QStringLiteral("Bad Request"));
        const QByteArray verifier = value(form, "code_verifier").toLatin1();
        if (verifier.isEmpty()
            || QCryptographicHash::hash(verifier, QCryptographicHash::Sha256).toBase64(Base64Url)
                != grant.challenge.toLatin1())
            return error(400, QStringLiteral("invalid_grant"), QStringLiteral("Invalid code verifier."));
        return issueTokens(grant.scope, QString());
    }
    if (grantType == QLatin1String("refresh_token")) {
        const QString refresh = value(form, "refresh_token");
        const auto known = m_refreshTokens.constFind(refresh);
        if (known == m_refreshTokens.cend())
            return error(400, QStringLiteral("invalid_grant"), QStringLiteral("Token has been expired or revoked."));
        return issueTokens(*known, refresh);
    }
    return error(400, QStringLiteral("unsupported_grant_type"), QStringLiteral("Invalid grant_type: ") + grantType);
}

FakeOAuthServer::Answer FakeOAuthServer::issueTokens(const QString& scope, const QString& refreshToken)
{
    const QString access = random(m_flavour == Flavour::Google ? QStringLiteral("ya29.") : QStringLiteral("EwB"));
    m_accessTokens.insert(access);
    m_lastAccessToken = access;
    QJsonObject json {{QStringLiteral("access_token"), access},
                      {QStringLiteral("expires_in"), m_expiresIn},
                      {QStringLiteral("token_type"), QStringLiteral("Bearer")},
                      {QStringLiteral("scope"), scope}};
    // Google sends a refresh token with the code exchange only; Microsoft sends a new one every time.
    if (refreshToken.isEmpty() || m_flavour == Flavour::Microsoft) {
        const QString refresh = random(QStringLiteral("1//"));
        m_refreshTokens.insert(refresh, scope);
        m_lastRefreshToken = refresh;
        json.insert(QStringLiteral("refresh_token"), refresh);
    }
    if (refreshToken.isEmpty() && scope.split(QLatin1Char(' ')).contains(QLatin1String("openid"))) {
        const QJsonObject header {{QStringLiteral("alg"), QStringLiteral("RS256")},
                                  {QStringLiteral("typ"), QStringLiteral("JWT")}};
        QJsonObject claims {{QStringLiteral("iss"), url(QString()).toString()},
                            {QStringLiteral("aud"), clientId()},
                            {QStringLiteral("name"), m_name}};
        if (m_flavour == Flavour::Google)
            claims.insert(QStringLiteral("email"), m_email);
        else
            claims.insert(QStringLiteral("preferred_username"), m_email);
        const auto part = [](const QJsonObject& object) {
            return QJsonDocument(object).toJson(QJsonDocument::Compact).toBase64(Base64Url);
        };
        json.insert(QStringLiteral("id_token"),
                    QString::fromLatin1(part(header) + '.' + part(claims) + '.' + QByteArray("c2lnbmF0dXJl")));
    }
    Answer answer;
    answer.body = QJsonDocument(json).toJson(QJsonDocument::Compact);
    return answer;
}

FakeOAuthServer::Answer FakeOAuthServer::revoke(const QUrlQuery& form)
{
    m_revocations.append(form);
    const QString token = value(form, "token");
    if (m_refreshTokens.remove(token)) {
        m_accessTokens.clear(); // revoking the grant ends its access tokens too
        return {};
    }
    if (m_accessTokens.remove(token))
        return {};
    return error(400, QStringLiteral("invalid_token"), QStringLiteral("Token expired or revoked"));
}

} // namespace Moniagent::Test
