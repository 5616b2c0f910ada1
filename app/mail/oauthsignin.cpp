#include "oauthsignin.h"

#include "maillogging.h"

#include <QHostAddress>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QOAuth2AuthorizationCodeFlow>
#include <QOAuthHttpServerReplyHandler>
#include <QRandomGenerator>

namespace Moniagent {

namespace {

QString randomState()
{
    QByteArray bytes(24, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32*>(bytes.data()), bytes.size() / 4);
    return QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

bool sameEndpoint(const QUrl& a, const QUrl& b)
{
    return a.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::StripTrailingSlash)
        == b.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::StripTrailingSlash);
}

} // namespace

OAuthSignIn::OAuthSignIn(const OAuthConfig& config, QObject* parent)
    : QObject(parent)
    , m_config(config)
    , m_network(new QNetworkAccessManager(this))
{
    qRegisterMetaType<OAuthGrant>();
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this,
            [this] { fail(tr("The sign-in was not finished in time. Start it again when you are ready.")); });
    connect(m_network, &QNetworkAccessManager::finished, this, &OAuthSignIn::onTokenReply);
}

OAuthSignIn::~OAuthSignIn()
{
    stop();
}

QString OAuthSignIn::providerName() const
{
    return m_config.provider == MailProvider::Outlook ? tr("Microsoft") : tr("Google");
}

QUrl OAuthSignIn::redirectUri() const
{
    return m_handler ? QUrl(m_handler->callback()) : QUrl();
}

void OAuthSignIn::start()
{
    if (m_running)
        return;
    if (!m_config.isUsable())
        return fail(tr("Signing in with %1 needs the app's OAuth client id. Enter it under App registration.")
                        .arg(providerName()));
    m_running = true;
    m_flow = new QOAuth2AuthorizationCodeFlow(this);
    m_flow->setNetworkAccessManager(m_network);
    // Port 0: the system picks a free one; the redirect URI carries it (RFC 8252 §7.3).
    m_handler = new QOAuthHttpServerReplyHandler(QHostAddress(QHostAddress::LocalHost), 0, this);
    if (!m_handler->isListening())
        return fail(tr("Moniagent could not listen on this computer for the answer of the sign-in page."));
    m_handler->setCallbackText(
        tr("<!doctype html><html><head><meta charset=\"utf-8\"><title>Moniagent</title></head>"
           "<body style=\"font-family: sans-serif; margin: 4em auto; max-width: 32em; text-align: center\">"
           "<h1>You are signed in</h1><p>Moniagent received the sign-in. You can close this tab and go back to "
           "Moniagent.</p></body></html>"));
    m_flow->setReplyHandler(m_handler);
    m_flow->setAuthorizationUrl(m_config.authorizationUrl);
    m_flow->setAccessTokenUrl(m_config.tokenUrl);
    m_flow->setClientIdentifier(m_config.clientId);
    if (!m_config.clientSecret.isEmpty())
        m_flow->setClientIdentifierSharedKey(m_config.clientSecret);
    m_flow->setScope(m_config.scopes.join(QLatin1Char(' ')));
    m_flow->setState(randomState());
    m_verifier = Pkce::verifier();
    const QByteArray challenge = Pkce::challenge(m_verifier);
    const auto extra = m_config.extraAuthorizationParameters;
    const QByteArray verifier = m_verifier;
    m_flow->setModifyParametersFunction(
        [challenge, verifier, extra](QAbstractOAuth::Stage stage, QMultiMap<QString, QVariant>* parameters) {
            switch (stage) {
            case QAbstractOAuth::Stage::RequestingAuthorization:
                parameters->replace(QStringLiteral("code_challenge"), QString::fromLatin1(challenge));
                parameters->replace(QStringLiteral("code_challenge_method"), QStringLiteral("S256"));
                for (const auto& [name, value] : extra)
                    parameters->replace(name, value);
                break;
            case QAbstractOAuth::Stage::RequestingAccessToken:
                parameters->replace(QStringLiteral("code_verifier"), QString::fromLatin1(verifier));
                break;
            default:
                break;
            }
        });
    connect(m_flow, &QAbstractOAuth::authorizeWithBrowser, this, [this](const QUrl& url) {
        m_authorizationUrl = url;
        Q_EMIT openBrowser(url);
    });
    connect(m_flow, &QAbstractOAuth::granted, this, &OAuthSignIn::onGranted);
    connect(m_flow, &QAbstractOAuth2::error, this,
            [this](const QString& error, const QString& description, const QUrl&) {
                if (error == QLatin1String("access_denied"))
                    return fail(tr("The sign-in was declined in the browser. Nothing was connected."));
                fail(tr("%1 refused the sign-in: %2").arg(providerName(), description.isEmpty() ? error : description));
            });
    connect(m_handler, &QAbstractOAuthReplyHandler::callbackReceived, this, &OAuthSignIn::onCallback);
    m_timer.start(m_timeout);
    qCInfo(lcMail) << "OAuth sign-in started, redirect" << redirectUri().toString();
    m_flow->grant();
}

void OAuthSignIn::onCallback(const QVariantMap& data)
{
    // The flow ignores redirects with another state; the first one with ours and a code is the only one taken:
    // nothing listens after it.
    if (!m_flow || data.value(QStringLiteral("state")).toString() != m_flow->state())
        return;
    if (data.value(QStringLiteral("code")).toString().isEmpty() && data.value(QStringLiteral("error")).isNull())
        return;
    // After the handler answered the browser.
    QTimer::singleShot(0, this, [this] {
        if (m_handler)
            m_handler->close();
    });
}

void OAuthSignIn::onTokenReply(QNetworkReply* reply)
{
    if (!m_running || !sameEndpoint(reply->url(), m_config.tokenUrl) || reply->error() == QNetworkReply::NoError)
        return;
    // Qt 6.4 logs a failed token request and goes on waiting; say what the server said instead.
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const OAuthError error = OAuthError::fromJson(QJsonDocument::fromJson(reply->readAll()).object());
    qCWarning(lcMail) << "OAuth token request failed:" << status << error.code;
    if (status == 0)
        return fail(tr("%1 could not be reached to finish the sign-in: %2").arg(providerName(), reply->errorString()));
    fail(tr("%1 refused the sign-in: %2")
             .arg(providerName(),
                  error.description.isEmpty() ? (error.code.isEmpty() ? reply->errorString() : error.code)
                                              : error.description));
}

void OAuthSignIn::onGranted()
{
    if (!m_running)
        return;
    const QVariantMap extra = m_flow->extraTokens();
    QJsonObject response {{QStringLiteral("access_token"), m_flow->token()},
                          {QStringLiteral("refresh_token"), m_flow->refreshToken()},
                          {QStringLiteral("scope"), extra.value(QStringLiteral("scope")).toString()}};
    auto tokens = OAuthTokens::fromTokenResponse(response, QDateTime::currentDateTimeUtc());
    if (!tokens)
        return fail(tokens.error().message);
    if (m_flow->expirationAt().isValid())
        tokens->expiresAt = m_flow->expirationAt().toUTC();
    if (tokens->refreshToken.isEmpty())
        return fail(tr("%1 did not allow Moniagent to stay signed in (no refresh token). Remove Moniagent's access in "
                       "your account settings and sign in again.")
                        .arg(providerName()));
    // Granular consent lets the user untick mail access; without it there is nothing to fetch.
    const QString mailScope = m_config.scopes.isEmpty() ? QString() : m_config.scopes.constLast();
    if (!tokens->scopes.isEmpty() && !mailScope.isEmpty()
        && !std::any_of(tokens->scopes.cbegin(), tokens->scopes.cend(),
                        [&mailScope](const QString& s) { return mailScope.endsWith(s, Qt::CaseInsensitive); }))
        return fail(tr("Moniagent was not allowed to read your mail. Sign in again and allow reading email."));
    const QJsonObject claims = idTokenClaims(extra.value(QStringLiteral("id_token")).toString());
    OAuthGrant grant;
    grant.provider = m_config.provider;
    grant.email = idTokenEmail(claims).trimmed();
    grant.displayName = claims.value(QStringLiteral("name")).toString();
    grant.tokens = *tokens;
    if (grant.email.isEmpty())
        return fail(tr("%1 did not say which address you signed in with.").arg(providerName()));
    stop();
    qCInfo(lcMail) << "OAuth sign-in finished for a" << ConnectedAccountEnums::key(grant.provider) << "account";
    Q_EMIT succeeded(grant);
}

void OAuthSignIn::fail(const QString& message)
{
    stop();
    Q_EMIT failed(message);
}

void OAuthSignIn::cancel()
{
    if (!m_running)
        return;
    stop();
    Q_EMIT cancelled();
}

void OAuthSignIn::stop()
{
    m_running = false;
    m_timer.stop();
    if (m_handler)
        m_handler->close();
    if (m_flow) {
        m_flow->disconnect(this);
        m_flow->deleteLater();
        m_flow = nullptr;
    }
    if (m_handler) {
        m_handler->disconnect(this);
        m_handler->deleteLater();
        m_handler = nullptr;
    }
}

} // namespace Moniagent
