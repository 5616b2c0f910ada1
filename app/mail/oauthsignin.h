#pragma once

#include "oauthconfig.h"
#include "oauthtokens.h"

#include <QObject>
#include <QTimer>
#include <QUrl>

#include <chrono>

class QNetworkAccessManager;
class QNetworkReply;
class QOAuth2AuthorizationCodeFlow;
class QOAuthHttpServerReplyHandler;

namespace Moniagent {

// What a finished sign-in hands over: the address it signed in as and its tokens (for the keychain only).
struct OAuthGrant
{
    MailProvider provider = MailProvider::Gmail;
    QString email;
    QString displayName;
    OAuthTokens tokens;
};

// One OAuth 2.0 sign-in of an installed app (RFC 8252) through QtNetworkAuth: QOAuth2AuthorizationCodeFlow with a
// QOAuthHttpServerReplyHandler listening on 127.0.0.1 on a random port. Adds what Qt 6.4 lacks: PKCE with S256
// (RFC 7636), the token endpoint's error answers (Qt 6.4 drops them), only the first valid redirect accepted (the
// listener closes once it arrived; redirects with a wrong `state` are ignored by the flow), a timeout for an
// abandoned sign-in, and a friendly page for the browser. Lives on the GUI thread; nothing blocks.
class OAuthSignIn : public QObject
{
    Q_OBJECT
public:
    explicit OAuthSignIn(const OAuthConfig& config, QObject* parent = nullptr);
    ~OAuthSignIn() override;

    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    // Starts listening and emits openBrowser() with the authorization URL. Emits exactly one of succeeded(),
    // failed() or cancelled() later.
    void start();
    void cancel();
    bool isRunning() const { return m_running; }
    // "http://127.0.0.1:<port>/" while running.
    QUrl redirectUri() const;
    QUrl authorizationUrl() const { return m_authorizationUrl; }

Q_SIGNALS:
    void openBrowser(const QUrl& url);
    void succeeded(const Moniagent::OAuthGrant& grant);
    void failed(const QString& message);
    void cancelled();

private:
    void onGranted();
    void onTokenReply(QNetworkReply* reply);
    void onCallback(const QVariantMap& data);
    void fail(const QString& message);
    void stop();
    QString providerName() const;

    OAuthConfig m_config;
    QNetworkAccessManager* m_network;
    QOAuth2AuthorizationCodeFlow* m_flow = nullptr;
    QOAuthHttpServerReplyHandler* m_handler = nullptr;
    QTimer m_timer;
    std::chrono::milliseconds m_timeout {std::chrono::minutes(5)};
    QByteArray m_verifier;
    QUrl m_authorizationUrl;
    bool m_running = false;
};

} // namespace Moniagent

Q_DECLARE_METATYPE(Moniagent::OAuthGrant)
