#pragma once

#include "core/aiinteraction.h"
#include "core/result.h"

#include <QObject>

#include <optional>

namespace Moniagent {

class Database;

// The log of model calls. A call is logged for a profile or, with no user, for the application itself
// (e.g. testing a provider in the settings); user-facing reads are always scoped to one profile and never
// show application-level rows.
class AiInteractionRepository : public QObject
{
    Q_OBJECT
public:
    static constexpr int MaxModelLength = 256;

    explicit AiInteractionRepository(Database* database, QObject* parent = nullptr);

    static Result<void> validate(const AiInteraction& interaction);

    // `userId` empty: an application-level call, which cannot belong to a chat session. A session must be
    // the user's. interaction.userId is ignored in favour of `userId`.
    Result<qint64> add(std::optional<qint64> userId, const AiInteraction& interaction);
    // Newest first; `limit` < 0 means all.
    Result<QList<AiInteraction>> list(qint64 userId, std::optional<AiInteractionType> type = std::nullopt,
                                      int limit = 100) const;
    Result<AiInteraction> find(qint64 userId, qint64 id) const;

Q_SIGNALS:
    // 0 for an application-level call.
    void changed(qint64 userId);

private:
    Database* m_database;
};

} // namespace Moniagent
