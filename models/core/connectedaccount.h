#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QMetaType>
#include <QString>

#include <optional>

namespace Moniagent {

// The service a mail account lives at; stored as 'gmail', 'outlook', 'imap', 'other'.
enum class MailProvider
{
    Gmail,
    Outlook,
    Imap,
    Other
};

// How Moniagent signs in: OAuth 2.0 (Gmail, Microsoft Graph), an IMAP password, or IMAP with XOAUTH2.
enum class MailAuthMethod
{
    OAuth,
    Password,
    XOAuth2
};

// Transport security of an IMAP server; stored as 'tls' or 'starttls' (NULL when not an IMAP account).
enum class MailServerSecurity
{
    Tls,
    StartTls
};

enum class MailSyncStatus
{
    Connected,
    Syncing,
    NeedsSignIn,
    Error,
    Disconnected
};

// Where an IMAP (or other) server is. Never a password: secrets live only in the OS keychain.
struct MailServerSettings
{
    QString host;
    std::optional<int> port;
    std::optional<MailServerSecurity> security;
    QString username;
    // SHA-256 (64 hex digits) of the public key of a certificate the user chose to trust although it did not
    // verify (pinned before anything is sent); empty when none.
    QString acceptedCertificateSha256;
};

// Where the last incremental fetch stopped, per protocol, and how it went.
struct MailSyncState
{
    QString historyId; // Gmail
    QString deltaLink; // Microsoft Graph
    std::optional<qint64> uidValidity; // IMAP
    std::optional<qint64> lastUid; // IMAP
    QDateTime lastSyncAt; // UTC; invalid = never
    MailSyncStatus status = MailSyncStatus::Connected;
    QString lastError;
};

// A mail account connected to a profile (table `connected_accounts`). The row only names the keychain
// entry that holds its token or password ("mail:<provider>:<email>"); there is no field for the secret.
struct ConnectedAccount
{
    qint64 id = 0;
    qint64 userId = 0;
    MailProvider provider = MailProvider::Gmail;
    QString email;
    QString displayName;
    QString keychainKey;
    QJsonArray scopes; // OAuth scopes granted, as strings
    QDateTime tokenExpiry; // UTC; invalid = unknown
    QDateTime revokedAt; // UTC; invalid = not revoked
    bool isActive = true;
    MailAuthMethod authMethod = MailAuthMethod::OAuth;
    MailServerSettings server;
    MailSyncState sync;
    QDateTime createdAt;
    QDateTime updatedAt;

    // The keychain entry name for an account: "mail:gmail:alice@example.com" (address in lower case).
    static QString keychainKeyFor(MailProvider provider, const QString& email);
    bool isRevoked() const { return revokedAt.isValid(); }
};

class ConnectedAccountEnums
{
    Q_DECLARE_TR_FUNCTIONS(ConnectedAccountEnums)
public:
    static QString key(MailProvider provider);
    static std::optional<MailProvider> providerFromKey(QStringView key);
    static QString displayName(MailProvider provider);
    static QList<MailProvider> allProviders();

    static QString key(MailAuthMethod method);
    static std::optional<MailAuthMethod> authMethodFromKey(QStringView key);
    static QString displayName(MailAuthMethod method);

    static QString key(MailServerSecurity security);
    static std::optional<MailServerSecurity> securityFromKey(QStringView key);
    static QString displayName(MailServerSecurity security);

    static QString key(MailSyncStatus status);
    static std::optional<MailSyncStatus> syncStatusFromKey(QStringView key);
    static QString displayName(MailSyncStatus status);
};

} // namespace Moniagent

Q_DECLARE_METATYPE(Moniagent::ConnectedAccount)
