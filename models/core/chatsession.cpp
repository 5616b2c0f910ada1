#include "chatsession.h"

namespace Moniagent {

QString ChatSessionEnums::key(ChatSessionStatus status)
{
    switch (status) {
    case ChatSessionStatus::Active:
        return QStringLiteral("active");
    case ChatSessionStatus::Completed:
        return QStringLiteral("completed");
    case ChatSessionStatus::Archived:
        return QStringLiteral("archived");
    }
    return QStringLiteral("active");
}

std::optional<ChatSessionStatus> ChatSessionEnums::statusFromKey(QStringView key)
{
    for (ChatSessionStatus status :
         {ChatSessionStatus::Active, ChatSessionStatus::Completed, ChatSessionStatus::Archived}) {
        if (ChatSessionEnums::key(status) == key)
            return status;
    }
    return std::nullopt;
}

QString ChatSessionEnums::displayName(ChatSessionStatus status)
{
    switch (status) {
    case ChatSessionStatus::Active:
        return tr("Active");
    case ChatSessionStatus::Completed:
        return tr("Completed");
    case ChatSessionStatus::Archived:
        return tr("Archived");
    }
    return {};
}

} // namespace Moniagent
