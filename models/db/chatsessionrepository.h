#pragma once

#include "core/chatsession.h"
#include "core/result.h"

#include <QObject>

#include <optional>

namespace Moniagent {

class Database;

// The assistant conversations of a profile. Deleting one deletes its messages; the model calls logged for
// it (ai_interactions) stay, detached.
class ChatSessionRepository : public QObject
{
    Q_OBJECT
public:
    static constexpr int MaxTitleLength = 200;

    explicit ChatSessionRepository(Database* database, QObject* parent = nullptr);

    // An empty title is allowed: the chat dock names a session after its first question.
    Result<qint64> create(qint64 userId, const QString& title = {});
    Result<void> rename(qint64 userId, qint64 id, const QString& title);
    Result<void> setStatus(qint64 userId, qint64 id, ChatSessionStatus status);
    // Most recently used first.
    Result<QList<ChatSession>> list(qint64 userId, std::optional<ChatSessionStatus> status = std::nullopt) const;
    Result<ChatSession> find(qint64 userId, qint64 id) const;
    Result<void> remove(qint64 userId, qint64 id);
    // Marks the session as just used (updated_at = now).
    Result<void> touch(qint64 userId, qint64 id);

Q_SIGNALS:
    void changed(qint64 userId);

private:
    Result<void> expectOneRow(qint64 userId, const QString& sql, const QVariantList& params);

    Database* m_database;
};

} // namespace Moniagent
