#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QMetaType>
#include <QString>

#include <optional>

namespace Moniagent {

// Stored as 'active', 'completed', 'archived'.
enum class ChatSessionStatus
{
    Active,
    Completed,
    Archived
};

// A conversation with the assistant (table `chat_sessions`); its messages go with it.
struct ChatSession
{
    qint64 id = 0;
    QString uuid;
    qint64 userId = 0;
    QString title;
    ChatSessionStatus status = ChatSessionStatus::Active;
    QDateTime createdAt;
    QDateTime updatedAt; // moves with every new message
};

class ChatSessionEnums
{
    Q_DECLARE_TR_FUNCTIONS(ChatSessionEnums)
public:
    static QString key(ChatSessionStatus status);
    static std::optional<ChatSessionStatus> statusFromKey(QStringView key);
    static QString displayName(ChatSessionStatus status);
};

} // namespace Moniagent

Q_DECLARE_METATYPE(Moniagent::ChatSession)
