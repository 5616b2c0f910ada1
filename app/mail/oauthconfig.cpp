#include "oauthconfig.h"

#include <QSettings>

#ifndef MONIAGENT_GOOGLE_CLIENT_ID
#define MONIAGENT_GOOGLE_CLIENT_ID ""
#endif
#ifndef MONIAGENT_GOOGLE_CLIENT_SECRET
#define MONIAGENT_GOOGLE_CLIENT_SECRET ""
#endif
#ifndef MONIAGENT_MICROSOFT_CLIENT_ID
#define MONIAGENT_MICROSOFT_CLIENT_ID ""
#endif

namespace Moniagent {

OAuthConfig OAuthConfig::google()
{
    // https://developers.google.com/identity/protocols/oauth2/native-app
    OAuthConfig config;
    config.provider = MailProvider::Gmail;
    config.authorizationUrl = QUrl(QStringLiteral("https://accounts.google.com/o/oauth2/v2/auth"));
    config.tokenUrl = QUrl(QStringLiteral("https://oauth2.googleapis.com/token"));
    config.revocationUrl = QUrl(QStringLiteral("https://oauth2.googleapis.com/revoke"));
    config.clientId = QStringLiteral(MONIAGENT_GOOGLE_CLIENT_ID);
    config.clientSecret = QStringLiteral(MONIAGENT_GOOGLE_CLIENT_SECRET);
    config.scopes = {QStringLiteral("openid"), QStringLiteral("email"),
                     QStringLiteral("https://www.googleapis.com/auth/gmail.readonly")};
    config.extraAuthorizationParameters = {{QStringLiteral("access_type"), QStringLiteral("offline")},
                                           {QStringLiteral("prompt"), QStringLiteral("consent")}};
    return config;
}

OAuthConfig OAuthConfig::microsoft()
{
    // https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow ("common": work, school and
    // personal accounts). Microsoft has no endpoint that revokes a single refresh token.
    OAuthConfig config;
    config.provider = MailProvider::Outlook;
    config.authorizationUrl = QUrl(QStringLiteral("https://login.microsoftonline.com/common/oauth2/v2.0/authorize"));
    config.tokenUrl = QUrl(QStringLiteral("https://login.microsoftonline.com/common/oauth2/v2.0/token"));
    config.clientId = QStringLiteral(MONIAGENT_MICROSOFT_CLIENT_ID);
    config.scopes = {QStringLiteral("openid"), QStringLiteral("email"), QStringLiteral("offline_access"),
                     QStringLiteral("https://graph.microsoft.com/Mail.Read")};
    config.extraAuthorizationParameters = {{QStringLiteral("prompt"), QStringLiteral("select_account")}};
    return config;
}

QString OAuthConfig::settingsGroup(MailProvider provider)
{
    return QStringLiteral("mail/") + ConnectedAccountEnums::key(provider);
}

OAuthConfig OAuthConfig::fromSettings(MailProvider provider)
{
    OAuthConfig config = provider == MailProvider::Outlook ? microsoft() : google();
    QSettings settings;
    settings.beginGroup(settingsGroup(provider));
    const auto text = [&settings](const char* key, const QString& fallback) {
        const QString value = settings.value(QLatin1String(key)).toString().trimmed();
        return value.isEmpty() ? fallback : value;
    };
    const auto url = [&settings](const char* key, const QUrl& fallback) {
        const QUrl value(settings.value(QLatin1String(key)).toString().trimmed());
        return value.isValid() && !value.isEmpty() ? value : fallback;
    };
    config.clientId = text("clientId", config.clientId);
    config.clientSecret = text("clientSecret", config.clientSecret);
    config.authorizationUrl = url("authorizationUrl", config.authorizationUrl);
    config.tokenUrl = url("tokenUrl", config.tokenUrl);
    config.revocationUrl = url("revocationUrl", config.revocationUrl);
    return config;
}

} // namespace Moniagent
