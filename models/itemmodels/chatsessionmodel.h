#pragma once

#include "scopedsqltablemodel.h"

namespace Moniagent {

// The assistant conversations of one profile (table `chat_sessions`), most recently used first.
class ChatSessionModel : public ScopedSqlTableModel
{
    Q_OBJECT
public:
    ChatSessionModel(const QSqlDatabase& db, qint64 userId, QObject* parent = nullptr);

    qint64 userId() const { return m_userId; }
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

private:
    qint64 m_userId;
    int m_statusColumn;
};

} // namespace Moniagent
