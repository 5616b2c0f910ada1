#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QMetaType>
#include <QString>

#include <optional>

namespace Moniagent {

// Who wrote a message; stored as 'user' or 'assistant'.
enum class ChatRole
{
    User,
    Assistant
};

// One message of a chat session (table `chat_messages`); it belongs to the session's user.
struct ChatMessage
{
    qint64 id = 0;
    qint64 sessionId = 0;
    ChatRole role = ChatRole::User;
    QString content;
    QJsonObject metadata; // tool calls, cited numbers, proposed actions
    QDateTime createdAt;
};

class ChatMessageEnums
{
    Q_DECLARE_TR_FUNCTIONS(ChatMessageEnums)
public:
    static QString key(ChatRole role);
    static std::optional<ChatRole> roleFromKey(QStringView key);
    static QString displayName(ChatRole role);
};

} // namespace Moniagent

Q_DECLARE_METATYPE(Moniagent::ChatMessage)
