#include "connectedaccount.h"

namespace Moniagent {

QString ConnectedAccount::keychainKeyFor(MailProvider provider, const QString& email)
{
    return QStringLiteral("mail:%1:%2").arg(ConnectedAccountEnums::key(provider), email.trimmed().toLower());
}

QString ConnectedAccountEnums::key(MailProvider provider)
{
    switch (provider) {
    case MailProvider::Gmail:
        return QStringLiteral("gmail");
    case MailProvider::Outlook:
        return QStringLiteral("outlook");
    case MailProvider::Imap:
        return QStringLiteral("imap");
    case MailProvider::Other:
        return QStringLiteral("other");
    }
    return QStringLiteral("other");
}

std::optional<MailProvider> ConnectedAccountEnums::providerFromKey(QStringView key)
{
    for (MailProvider provider : allProviders()) {
        if (ConnectedAccountEnums::key(provider) == key)
            return provider;
    }
    return std::nullopt;
}

QString ConnectedAccountEnums::displayName(MailProvider provider)
{
    switch (provider) {
    case MailProvider::Gmail:
        return tr("Gmail");
    case MailProvider::Outlook:
        return tr("Outlook");
    case MailProvider::Imap:
        return tr("IMAP");
    case MailProvider::Other:
        return tr("Other");
    }
    return {};
}

QList<MailProvider> ConnectedAccountEnums::allProviders()
{
    return {MailProvider::Gmail, MailProvider::Outlook, MailProvider::Imap, MailProvider::Other};
}

QString ConnectedAccountEnums::key(MailAuthMethod method)
{
    switch (method) {
    case MailAuthMethod::OAuth:
        return QStringLiteral("oauth");
    case MailAuthMethod::Password:
        return QStringLiteral("password");
    case MailAuthMethod::XOAuth2:
        return QStringLiteral("xoauth2");
    }
    return QStringLiteral("oauth");
}

std::optional<MailAuthMethod> ConnectedAccountEnums::authMethodFromKey(QStringView key)
{
    for (MailAuthMethod method : {MailAuthMethod::OAuth, MailAuthMethod::Password, MailAuthMethod::XOAuth2}) {
        if (ConnectedAccountEnums::key(method) == key)
            return method;
    }
    return std::nullopt;
}

QString ConnectedAccountEnums::displayName(MailAuthMethod method)
{
    switch (method) {
    case MailAuthMethod::OAuth:
        return tr("Sign in with the provider");
    case MailAuthMethod::Password:
        return tr("Password");
    case MailAuthMethod::XOAuth2:
        return tr("IMAP with OAuth");
    }
    return {};
}

QString ConnectedAccountEnums::key(MailServerSecurity security)
{
    return security == MailServerSecurity::StartTls ? QStringLiteral("starttls") : QStringLiteral("tls");
}

std::optional<MailServerSecurity> ConnectedAccountEnums::securityFromKey(QStringView key)
{
    if (key == u"tls")
        return MailServerSecurity::Tls;
    if (key == u"starttls")
        return MailServerSecurity::StartTls;
    return std::nullopt;
}

QString ConnectedAccountEnums::displayName(MailServerSecurity security)
{
    return security == MailServerSecurity::StartTls ? tr("STARTTLS") : tr("SSL/TLS");
}

QString ConnectedAccountEnums::key(MailSyncStatus status)
{
    switch (status) {
    case MailSyncStatus::Connected:
        return QStringLiteral("connected");
    case MailSyncStatus::Syncing:
        return QStringLiteral("syncing");
    case MailSyncStatus::NeedsSignIn:
        return QStringLiteral("needs_sign_in");
    case MailSyncStatus::Error:
        return QStringLiteral("error");
    case MailSyncStatus::Disconnected:
        return QStringLiteral("disconnected");
    }
    return QStringLiteral("connected");
}

std::optional<MailSyncStatus> ConnectedAccountEnums::syncStatusFromKey(QStringView key)
{
    for (MailSyncStatus status : {MailSyncStatus::Connected, MailSyncStatus::Syncing, MailSyncStatus::NeedsSignIn,
                                  MailSyncStatus::Error, MailSyncStatus::Disconnected}) {
        if (ConnectedAccountEnums::key(status) == key)
            return status;
    }
    return std::nullopt;
}

QString ConnectedAccountEnums::displayName(MailSyncStatus status)
{
    switch (status) {
    case MailSyncStatus::Connected:
        return tr("Connected");
    case MailSyncStatus::Syncing:
        return tr("Checking for new mail");
    case MailSyncStatus::NeedsSignIn:
        return tr("Sign in again");
    case MailSyncStatus::Error:
        return tr("Error");
    case MailSyncStatus::Disconnected:
        return tr("Disconnected");
    }
    return {};
}

} // namespace Moniagent
