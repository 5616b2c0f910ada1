#include "chatsessionmodel.h"

#include "core/chatsession.h"

namespace Moniagent {

ChatSessionModel::ChatSessionModel(const QSqlDatabase& db, qint64 userId, QObject* parent)
    : ScopedSqlTableModel(db, QStringLiteral("chat_sessions"), QStringLiteral("user_id = %1").arg(userId), parent)
    , m_userId(userId)
    , m_statusColumn(fieldIndex(QStringLiteral("status")))
{
    setColumnFormat(QStringLiteral("created_at"), Format::Timestamp);
    setColumnFormat(QStringLiteral("updated_at"), Format::Timestamp);

    setHeader(QStringLiteral("id"), tr("ID"));
    setHeader(QStringLiteral("uuid"), tr("UUID"));
    setHeader(QStringLiteral("user_id"), tr("Profile"));
    setHeader(QStringLiteral("title"), tr("Title"));
    setHeader(QStringLiteral("status"), tr("Status"));
    setHeader(QStringLiteral("created_at"), tr("Started"));
    setHeader(QStringLiteral("updated_at"), tr("Last message"));
    setSort(fieldIndex(QStringLiteral("updated_at")), Qt::DescendingOrder);
}

QVariant ChatSessionModel::data(const QModelIndex& index, int role) const
{
    if (role == Qt::DisplayRole && index.isValid() && index.column() == m_statusColumn) {
        if (const auto status
            = ChatSessionEnums::statusFromKey(ScopedSqlTableModel::data(index, RawValueRole).toString()))
            return ChatSessionEnums::displayName(*status);
    }
    return ScopedSqlTableModel::data(index, role);
}

} // namespace Moniagent
