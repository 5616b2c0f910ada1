#pragma once

#include "scopedsqltablemodel.h"

namespace Moniagent {

// The chat messages of one profile (table `chat_messages`, scoped through chat_sessions), in the order
// they were written. setFilter(QStringLiteral("session_id = 7")) narrows it to one conversation.
class ChatMessageModel : public ScopedSqlTableModel
{
    Q_OBJECT
public:
    ChatMessageModel(const QSqlDatabase& db, qint64 userId, QObject* parent = nullptr);

    qint64 userId() const { return m_userId; }
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

private:
    qint64 m_userId;
    int m_roleColumn;
};

} // namespace Moniagent
