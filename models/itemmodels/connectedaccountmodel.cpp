#include "connectedaccountmodel.h"

#include "core/connectedaccount.h"

#include <QSqlRecord>

namespace Moniagent {

ConnectedAccountModel::ConnectedAccountModel(const QSqlDatabase& db, qint64 userId, QObject* parent)
    : ScopedSqlTableModel(db, QStringLiteral("connected_accounts"), QStringLiteral("user_id = %1").arg(userId), parent)
    , m_userId(userId)
    , m_providerColumn(fieldIndex(QStringLiteral("provider")))
    , m_authMethodColumn(fieldIndex(QStringLiteral("auth_method")))
    , m_securityColumn(fieldIndex(QStringLiteral("server_security")))
    , m_statusColumn(fieldIndex(QStringLiteral("sync_status")))
{
    for (const char* field : {"token_expiry", "revoked_at", "last_sync_at", "created_at", "updated_at"})
        setColumnFormat(QString::fromLatin1(field), Format::Timestamp);
    setColumnFormat(QStringLiteral("is_active"), Format::Boolean);

    setHeader(QStringLiteral("id"), tr("ID"));
    setHeader(QStringLiteral("user_id"), tr("Profile"));
    setHeader(QStringLiteral("provider"), tr("Provider"));
    setHeader(QStringLiteral("email"), tr("Address"));
    setHeader(QStringLiteral("display_name"), tr("Name"));
    setHeader(QStringLiteral("keychain_key"), tr("Keychain entry"));
    setHeader(QStringLiteral("scopes"), tr("Permissions"));
    setHeader(QStringLiteral("token_expiry"), tr("Sign-in expires"));
    setHeader(QStringLiteral("revoked_at"), tr("Access revoked"));
    setHeader(QStringLiteral("is_active"), tr("Active"));
    setHeader(QStringLiteral("auth_method"), tr("Sign-in method"));
    setHeader(QStringLiteral("server_host"), tr("Server"));
    setHeader(QStringLiteral("server_port"), tr("Port"));
    setHeader(QStringLiteral("server_security"), tr("Security"));
    setHeader(QStringLiteral("server_username"), tr("User name"));
    setHeader(QStringLiteral("accepted_certificate_sha256"), tr("Trusted certificate"));
    setHeader(QStringLiteral("history_id"), tr("Gmail history"));
    setHeader(QStringLiteral("delta_link"), tr("Outlook sync link"));
    setHeader(QStringLiteral("uid_validity"), tr("IMAP UIDVALIDITY"));
    setHeader(QStringLiteral("last_uid"), tr("Last IMAP UID"));
    setHeader(QStringLiteral("sync_status"), tr("Status"));
    setHeader(QStringLiteral("last_sync_at"), tr("Last checked"));
    setHeader(QStringLiteral("last_error"), tr("Last error"));
    setHeader(QStringLiteral("created_at"), tr("Added"));
    setHeader(QStringLiteral("updated_at"), tr("Updated"));
    setSort(fieldIndex(QStringLiteral("email")), Qt::AscendingOrder);
}

QVariant ConnectedAccountModel::data(const QModelIndex& index, int role) const
{
    if (role == Qt::DisplayRole && index.isValid()) {
        const QString key = ScopedSqlTableModel::data(index, RawValueRole).toString();
        const int column = index.column();
        if (column == m_providerColumn) {
            if (const auto provider = ConnectedAccountEnums::providerFromKey(key))
                return ConnectedAccountEnums::displayName(*provider);
        } else if (column == m_authMethodColumn) {
            if (const auto method = ConnectedAccountEnums::authMethodFromKey(key))
                return ConnectedAccountEnums::displayName(*method);
        } else if (column == m_securityColumn) {
            if (const auto security = ConnectedAccountEnums::securityFromKey(key))
                return ConnectedAccountEnums::displayName(*security);
        } else if (column == m_statusColumn) {
            if (const auto status = ConnectedAccountEnums::syncStatusFromKey(key))
                return ConnectedAccountEnums::displayName(*status);
        }
    }
    return ScopedSqlTableModel::data(index, role);
}

} // namespace Moniagent
