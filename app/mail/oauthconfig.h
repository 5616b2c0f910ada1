#pragma once

#include "core/connectedaccount.h"

#include <QCoreApplication>
#include <QStringList>
#include <QUrl>

namespace Moniagent {

// Where and as whom Moniagent signs in to a mail provider with OAuth 2.0 for installed apps (RFC 8252): the
// authorization and token endpoints, the revocation endpoint when the provider has one, the app's client id (and,
// for Google's "desktop app" clients, the client secret Google hands out with it, which is not a secret in an
// installed app and therefore may live in settings), and the scopes.
//
// Scopes: reading mail (Gmail `gmail.readonly`; Microsoft Graph `Mail.Read` plus `offline_access` for a refresh
// token) and the OpenID Connect `openid email`, so the token response names the signed-in address (id_token)
// without one more API call.
struct OAuthConfig
{
    MailProvider provider = MailProvider::Gmail;
    QUrl authorizationUrl;
    QUrl tokenUrl;
    QUrl revocationUrl; // empty: the provider offers no token revocation (Microsoft)
    QString clientId;
    QString clientSecret;
    QStringList scopes;
    // Extra parameters of the authorization request (Google: access_type=offline and prompt=consent, without
    // which it sends no refresh token).
    QList<std::pair<QString, QString>> extraAuthorizationParameters;

    bool isUsable() const { return authorizationUrl.isValid() && tokenUrl.isValid() && !clientId.isEmpty(); }

    static OAuthConfig google();
    static OAuthConfig microsoft();
    // The built-in endpoints of `provider` (Gmail or Outlook) with what Settings overrides: the client id and
    // secret (mail/<provider>/clientId, clientSecret; the build may bake in defaults with MONIAGENT_GOOGLE_CLIENT_ID
    // and MONIAGENT_MICROSOFT_CLIENT_ID) and, for national clouds or tests, the endpoint URLs
    // (mail/<provider>/authorizationUrl, tokenUrl, revocationUrl).
    static OAuthConfig fromSettings(MailProvider provider);
    // The settings group of a provider: "mail/gmail", "mail/outlook".
    static QString settingsGroup(MailProvider provider);
};

} // namespace Moniagent
