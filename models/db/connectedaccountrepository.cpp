#include "connectedaccountrepository.h"

#include "database.h"
#include "sql.h"

#include <QJsonDocument>
#include <QRegularExpression>

namespace Moniagent {

namespace {

constexpr int MaxEmailLength = 254;
constexpr int MaxNameLength = 200;

const QString Columns = QStringLiteral(
    "id, user_id, provider, email, display_name, keychain_key, scopes, token_expiry, revoked_at, is_active, "
    "auth_method, server_host, server_port, server_security, server_username, accepted_certificate_sha256, "
    "history_id, delta_link, uid_validity, last_uid, sync_status, last_sync_at, last_error, created_at, updated_at");

ConnectedAccount read(const QSqlQuery& q)
{
    ConnectedAccount a;
    int c = 0;
    a.id = q.value(c++).toLongLong();
    a.userId = q.value(c++).toLongLong();
    a.provider = ConnectedAccountEnums::providerFromKey(q.value(c++).toString()).value_or(MailProvider::Other);
    a.email = q.value(c++).toString();
    a.displayName = q.value(c++).toString();
    a.keychainKey = q.value(c++).toString();
    a.scopes = QJsonDocument::fromJson(q.value(c++).toString().toUtf8()).array();
    a.tokenExpiry = Sql::parseIsoTimestamp(q.value(c++));
    a.revokedAt = Sql::parseIsoTimestamp(q.value(c++));
    a.isActive = q.value(c++).toInt() != 0;
    a.authMethod = ConnectedAccountEnums::authMethodFromKey(q.value(c++).toString()).value_or(MailAuthMethod::OAuth);
    a.server.host = q.value(c++).toString();
    const QVariant port = q.value(c++);
    if (!port.isNull())
        a.server.port = port.toInt();
    a.server.security = ConnectedAccountEnums::securityFromKey(q.value(c++).toString());
    a.server.username = q.value(c++).toString();
    a.server.acceptedCertificateSha256 = q.value(c++).toString();
    a.sync.historyId = q.value(c++).toString();
    a.sync.deltaLink = q.value(c++).toString();
    a.sync.uidValidity = Sql::optionalId(q.value(c++));
    a.sync.lastUid = Sql::optionalId(q.value(c++));
    a.sync.status = ConnectedAccountEnums::syncStatusFromKey(q.value(c++).toString()).value_or(MailSyncStatus::Error);
    a.sync.lastSyncAt = Sql::parseIsoTimestamp(q.value(c++));
    a.sync.lastError = q.value(c++).toString();
    a.createdAt = Sql::parseIsoTimestamp(q.value(c++));
    a.updatedAt = Sql::parseIsoTimestamp(q.value(c++));
    return a;
}

QString scopesText(const QJsonArray& scopes)
{
    return QString::fromUtf8(QJsonDocument(scopes).toJson(QJsonDocument::Compact));
}

QVariant nullableTimestamp(const QDateTime& time)
{
    return time.isValid() ? QVariant(Sql::isoTimestamp(time)) : QVariant();
}

QVariant nullablePort(const std::optional<int>& port)
{
    return port ? QVariant(*port) : QVariant();
}

QVariant nullableSecurity(const std::optional<MailServerSecurity>& security)
{
    return security ? QVariant(ConnectedAccountEnums::key(*security)) : QVariant();
}

Error notFound()
{
    return Error::notFound(ConnectedAccountRepository::tr("The mail account is no longer connected."));
}

Error mapWriteError(const Error& error, const ConnectedAccount& account)
{
    if (error.code == Error::Code::Conflict && error.detail.contains(QLatin1String("connected_accounts.email"))) {
        return Error::conflict(ConnectedAccountRepository::tr("%1 is already connected, in this or another profile. "
                                                              "Remove it there before connecting it here.")
                                   .arg(account.email.trimmed()),
                               error.detail);
    }
    return error;
}

} // namespace

ConnectedAccountRepository::ConnectedAccountRepository(Database* database, QObject* parent)
    : QObject(parent)
    , m_database(database)
{ }

Result<void> ConnectedAccountRepository::validate(const ConnectedAccount& account)
{
    static const QRegularExpression address(QStringLiteral("^[^@\\s]+@[^@\\s]+$"));
    static const QRegularExpression sha256(QStringLiteral("^[0-9A-Fa-f]{64}$"));
    const QString email = account.email.trimmed();
    if (email.isEmpty())
        return Error::invalidInput(tr("Enter the email address of the account."));
    if (email.size() > MaxEmailLength || !address.match(email).hasMatch())
        return Error::invalidInput(tr("“%1” is not an email address. Enter it as name@example.com.").arg(email));
    const QString expectedKey = ConnectedAccount::keychainKeyFor(account.provider, email);
    if (account.keychainKey != expectedKey) {
        return Error::invalidInput(
            tr("The keychain entry of the account must be named “%1”. Sign in to the account again.").arg(expectedKey));
    }
    if (account.displayName.size() > MaxNameLength)
        return Error::invalidInput(tr("The account name is too long (at most %1 characters).").arg(MaxNameLength));
    for (const QJsonValue& scope : account.scopes) {
        if (!scope.isString() || scope.toString().trimmed().isEmpty())
            return Error::invalidInput(tr("The permissions granted to the account are not readable. Sign in again."));
    }
    const bool viaProvider = account.provider == MailProvider::Gmail || account.provider == MailProvider::Outlook;
    if (viaProvider && account.authMethod != MailAuthMethod::OAuth) {
        return Error::invalidInput(tr("%1 accounts sign in with %1 itself. To use a password, add the account as "
                                      "an IMAP account.")
                                       .arg(ConnectedAccountEnums::displayName(account.provider)));
    }
    if (account.provider == MailProvider::Imap && account.server.host.trimmed().isEmpty())
        return Error::invalidInput(tr("Enter the name of the IMAP server, for example imap.example.com."));
    if (account.server.host.trimmed().contains(u' '))
        return Error::invalidInput(tr("“%1” is not a server name.").arg(account.server.host.trimmed()));
    if (account.server.port && (*account.server.port < 1 || *account.server.port > 65535))
        return Error::invalidInput(tr("The server port must be a number from 1 to 65535."));
    if (!account.server.acceptedCertificateSha256.isEmpty()
        && !sha256.match(account.server.acceptedCertificateSha256).hasMatch())
        return Error::invalidInput(
            tr("The trusted certificate is not recorded correctly. Connect again to review it."));
    return {};
}

Result<void> ConnectedAccountRepository::validate(const MailSyncState& state)
{
    if (state.uidValidity && (*state.uidValidity <= 0 || *state.uidValidity > 0xFFFFFFFFLL))
        return Error::invalidInput(tr("The mail server sent an invalid UIDVALIDITY; check the account again later."));
    if (state.lastUid && (*state.lastUid < 0 || *state.lastUid > 0xFFFFFFFFLL))
        return Error::invalidInput(tr("The mail server sent an invalid message UID; check the account again later."));
    return {};
}

Result<qint64> ConnectedAccountRepository::add(qint64 userId, const ConnectedAccount& account)
{
    auto valid = validate(account);
    if (!valid)
        return valid.error();
    auto result = Sql::exec(
        m_database->connection(),
        QStringLiteral("INSERT INTO connected_accounts (user_id, provider, email, display_name, keychain_key, scopes, "
                       "token_expiry, auth_method, server_host, server_port, server_security, server_username, "
                       "accepted_certificate_sha256) VALUES (%1)")
            .arg(Sql::placeholders(13)),
        {userId, ConnectedAccountEnums::key(account.provider), account.email.trimmed(), account.displayName.trimmed(),
         account.keychainKey, scopesText(account.scopes), nullableTimestamp(account.tokenExpiry),
         ConnectedAccountEnums::key(account.authMethod), Sql::nullableText(account.server.host.trimmed()),
         nullablePort(account.server.port), nullableSecurity(account.server.security),
         Sql::nullableText(account.server.username),
         Sql::nullableText(account.server.acceptedCertificateSha256.toLower())});
    if (!result)
        return mapWriteError(result.error(), account);
    const qint64 id = result->lastInsertId().toLongLong();
    Q_EMIT changed(userId);
    return id;
}

Result<void> ConnectedAccountRepository::update(qint64 userId, const ConnectedAccount& account)
{
    auto stored = find(userId, account.id);
    if (!stored)
        return stored.error();
    // The provider and address identify the account (and its keychain entry): they are not changed here.
    ConnectedAccount checked = account;
    checked.provider = stored->provider;
    checked.email = stored->email;
    checked.keychainKey = stored->keychainKey;
    auto valid = validate(checked);
    if (!valid)
        return valid.error();
    return expectOneRow(
        userId,
        QStringLiteral("UPDATE connected_accounts SET display_name = ?, auth_method = ?, server_host = ?, "
                       "server_port = ?, server_security = ?, server_username = ?, accepted_certificate_sha256 = ?, "
                       "scopes = ?, token_expiry = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') "
                       "WHERE id = ? AND user_id = ?"),
        {account.displayName.trimmed(), ConnectedAccountEnums::key(account.authMethod),
         Sql::nullableText(account.server.host.trimmed()), nullablePort(account.server.port),
         nullableSecurity(account.server.security), Sql::nullableText(account.server.username),
         Sql::nullableText(account.server.acceptedCertificateSha256.toLower()), scopesText(account.scopes),
         nullableTimestamp(account.tokenExpiry), account.id, userId});
}

Result<ConnectedAccount> ConnectedAccountRepository::find(qint64 userId, qint64 id) const
{
    auto query = Sql::exec(
        m_database->connection(),
        QStringLiteral("SELECT %1 FROM connected_accounts WHERE id = ? AND user_id = ?").arg(Columns), {id, userId});
    if (!query)
        return query.error();
    if (!query->next())
        return notFound();
    return read(*query);
}

Result<ConnectedAccount> ConnectedAccountRepository::findByEmail(qint64 userId, MailProvider provider,
                                                                 const QString& email) const
{
    auto query
        = Sql::exec(m_database->connection(),
                    QStringLiteral("SELECT %1 FROM connected_accounts WHERE user_id = ? AND provider = ? AND email = ?")
                        .arg(Columns),
                    {userId, ConnectedAccountEnums::key(provider), email.trimmed()});
    if (!query)
        return query.error();
    if (!query->next())
        return Error::notFound(tr("%1 is not connected to this profile.").arg(email.trimmed()));
    return read(*query);
}

Result<QList<ConnectedAccount>> ConnectedAccountRepository::list(qint64 userId) const
{
    auto query = Sql::exec(
        m_database->connection(),
        QStringLiteral("SELECT %1 FROM connected_accounts WHERE user_id = ? ORDER BY provider, email, id").arg(Columns),
        {userId});
    if (!query)
        return query.error();
    QList<ConnectedAccount> accounts;
    while (query->next())
        accounts << read(*query);
    return accounts;
}

Result<void> ConnectedAccountRepository::setSyncState(qint64 userId, qint64 id, const MailSyncState& state)
{
    auto valid = validate(state);
    if (!valid)
        return valid.error();
    return expectOneRow(
        userId,
        QStringLiteral("UPDATE connected_accounts SET history_id = ?, delta_link = ?, uid_validity = ?, last_uid = ?, "
                       "last_sync_at = ?, sync_status = ?, last_error = ?, "
                       "updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ? AND user_id = ?"),
        {Sql::nullableText(state.historyId), Sql::nullableText(state.deltaLink), Sql::nullable(state.uidValidity),
         Sql::nullable(state.lastUid), nullableTimestamp(state.lastSyncAt), ConnectedAccountEnums::key(state.status),
         Sql::nullableText(state.lastError), id, userId});
}

Result<void> ConnectedAccountRepository::markRevoked(qint64 userId, qint64 id, const QDateTime& revokedAt)
{
    if (!revokedAt.isValid())
        return Error::invalidInput(tr("The time the access was revoked is missing."));
    return expectOneRow(userId,
                        QStringLiteral("UPDATE connected_accounts SET revoked_at = ?, is_active = 0, "
                                       "sync_status = 'needs_sign_in', updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', "
                                       "'now') WHERE id = ? AND user_id = ?"),
                        {Sql::isoTimestamp(revokedAt), id, userId});
}

Result<void> ConnectedAccountRepository::markSignedIn(qint64 userId, qint64 id, const QDateTime& tokenExpiry)
{
    return expectOneRow(
        userId,
        QStringLiteral("UPDATE connected_accounts SET revoked_at = NULL, is_active = 1, "
                       "sync_status = 'connected', last_error = NULL, token_expiry = ?, "
                       "updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ? AND user_id = ?"),
        {nullableTimestamp(tokenExpiry), id, userId});
}

Result<void> ConnectedAccountRepository::remove(qint64 userId, qint64 id)
{
    // One statement: the foreign keys delete the emails and their extractions and unlink transactions with it.
    return expectOneRow(userId, QStringLiteral("DELETE FROM connected_accounts WHERE id = ? AND user_id = ?"),
                        {id, userId});
}

Result<void> ConnectedAccountRepository::expectOneRow(qint64 userId, const QString& sql, const QVariantList& params)
{
    auto result = Sql::exec(m_database->connection(), sql, params);
    if (!result)
        return result.error();
    if (result->numRowsAffected() == 0)
        return notFound();
    Q_EMIT changed(userId);
    return {};
}

} // namespace Moniagent
