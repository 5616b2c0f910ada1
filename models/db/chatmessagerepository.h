#pragma once

#include "core/chatmessage.h"
#include "core/result.h"

#include <QObject>

namespace Moniagent {

class Database;

// The messages of a profile's chat sessions. The table has no user_id: every query goes through
// chat_sessions.user_id, so a message is only reachable through a session of the user.
class ChatMessageRepository : public QObject
{
    Q_OBJECT
public:
    static constexpr int MaxContentLength = 200'000;

    explicit ChatMessageRepository(Database* database, QObject* parent = nullptr);

    static Result<void> validate(const QString& content, const QJsonObject& metadata);

    // Appends a message and marks the session as just used, both or neither.
    Result<qint64> add(qint64 userId, qint64 sessionId, ChatRole role, const QString& content,
                       const QJsonObject& metadata = {});
    // In the order they were written.
    Result<QList<ChatMessage>> list(qint64 userId, qint64 sessionId) const;
    Result<qint64> count(qint64 userId, qint64 sessionId) const;

Q_SIGNALS:
    void changed(qint64 userId);

private:
    Database* m_database;
};

} // namespace Moniagent
