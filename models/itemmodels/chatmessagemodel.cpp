#include "chatmessagemodel.h"

#include "core/chatmessage.h"

namespace Moniagent {

ChatMessageModel::ChatMessageModel(const QSqlDatabase& db, qint64 userId, QObject* parent)
    : ScopedSqlTableModel(db, QStringLiteral("chat_messages"),
                          QStringLiteral("session_id IN (SELECT id FROM chat_sessions WHERE user_id = %1)").arg(userId),
                          parent)
    , m_userId(userId)
    , m_roleColumn(fieldIndex(QStringLiteral("role")))
{
    setColumnFormat(QStringLiteral("created_at"), Format::Timestamp);

    setHeader(QStringLiteral("id"), tr("ID"));
    setHeader(QStringLiteral("session_id"), tr("Conversation"));
    setHeader(QStringLiteral("role"), tr("From"));
    setHeader(QStringLiteral("content"), tr("Message"));
    setHeader(QStringLiteral("metadata"), tr("Details"));
    setHeader(QStringLiteral("created_at"), tr("Sent"));
    setSort(fieldIndex(QStringLiteral("id")), Qt::AscendingOrder);
}

QVariant ChatMessageModel::data(const QModelIndex& index, int role) const
{
    if (role == Qt::DisplayRole && index.isValid() && index.column() == m_roleColumn) {
        if (const auto chatRole
            = ChatMessageEnums::roleFromKey(ScopedSqlTableModel::data(index, RawValueRole).toString()))
            return ChatMessageEnums::displayName(*chatRole);
    }
    return ScopedSqlTableModel::data(index, role);
}

} // namespace Moniagent
