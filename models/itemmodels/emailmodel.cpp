#include "emailmodel.h"

#include "core/email.h"

namespace Moniagent {

EmailModel::EmailModel(const QSqlDatabase& db, qint64 userId, QObject* parent)
    : ScopedSqlTableModel(db, QStringLiteral("emails"), QStringLiteral("user_id = %1").arg(userId), parent)
    , m_userId(userId)
    , m_providerColumn(fieldIndex(QStringLiteral("provider")))
    , m_statusColumn(fieldIndex(QStringLiteral("extraction_status")))
{
    for (const char* field : {"received_at", "fetched_at", "created_at", "updated_at"})
        setColumnFormat(QString::fromLatin1(field), Format::Timestamp);
    setColumnFormat(QStringLiteral("extraction_version"), Format::Integer);

    setHeader(QStringLiteral("id"), tr("ID"));
    setHeader(QStringLiteral("user_id"), tr("Profile"));
    setHeader(QStringLiteral("connected_account_id"), tr("Account"));
    setHeader(QStringLiteral("provider"), tr("Provider"));
    setHeader(QStringLiteral("provider_message_id"), tr("Message ID"));
    setHeader(QStringLiteral("thread_id"), tr("Thread"));
    setHeader(QStringLiteral("subject"), tr("Subject"));
    setHeader(QStringLiteral("sender"), tr("From"));
    setHeader(QStringLiteral("body_text"), tr("Text"));
    setHeader(QStringLiteral("body_html"), tr("HTML"));
    setHeader(QStringLiteral("received_at"), tr("Received"));
    setHeader(QStringLiteral("checksum"), tr("Checksum"));
    setHeader(QStringLiteral("fetched_at"), tr("Fetched"));
    setHeader(QStringLiteral("extraction_status"), tr("Status"));
    setHeader(QStringLiteral("extraction_version"), tr("Reader version"));
    setHeader(QStringLiteral("created_at"), tr("Added"));
    setHeader(QStringLiteral("updated_at"), tr("Updated"));
    setSort(fieldIndex(QStringLiteral("received_at")), Qt::DescendingOrder);
}

QVariant EmailModel::data(const QModelIndex& index, int role) const
{
    if (role == Qt::DisplayRole && index.isValid()) {
        const QString key = ScopedSqlTableModel::data(index, RawValueRole).toString();
        if (index.column() == m_providerColumn) {
            if (const auto provider = ConnectedAccountEnums::providerFromKey(key))
                return ConnectedAccountEnums::displayName(*provider);
        } else if (index.column() == m_statusColumn) {
            if (const auto status = EmailEnums::statusFromKey(key))
                return EmailEnums::displayName(*status);
        }
    }
    return ScopedSqlTableModel::data(index, role);
}

} // namespace Moniagent
