#include "chatmessage.h"

namespace Moniagent {

QString ChatMessageEnums::key(ChatRole role)
{
    return role == ChatRole::Assistant ? QStringLiteral("assistant") : QStringLiteral("user");
}

std::optional<ChatRole> ChatMessageEnums::roleFromKey(QStringView key)
{
    if (key == u"user")
        return ChatRole::User;
    if (key == u"assistant")
        return ChatRole::Assistant;
    return std::nullopt;
}

QString ChatMessageEnums::displayName(ChatRole role)
{
    return role == ChatRole::Assistant ? tr("Assistant") : tr("You");
}

} // namespace Moniagent
