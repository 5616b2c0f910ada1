#pragma once

#include "core/categorizationsettings.h"
#include "core/result.h"

#include <QCoreApplication>

#include <optional>

namespace Moniagent {

class Database;

// What the categorizer keeps per user besides rules and feedback: its settings and its learned model.
// Every method takes the id of the user it acts for. Thread-safe like the other repositories.
class CategorizationStateRepository
{
    Q_DECLARE_TR_FUNCTIONS(CategorizationStateRepository)
public:
    explicit CategorizationStateRepository(Database* database);

    static Result<void> validate(const CategorizationSettings& settings);

    // The user's settings, or the defaults when they never changed them.
    Result<CategorizationSettings> settings(qint64 userId) const;
    Result<void> saveSettings(qint64 userId, const CategorizationSettings& settings);

    // The stored model, or nothing when none was saved yet.
    Result<std::optional<StoredCategorizationModel>> model(qint64 userId) const;
    Result<void> saveModel(qint64 userId, const StoredCategorizationModel& model);
    Result<void> removeModel(qint64 userId);

private:
    Database* m_database;
};

} // namespace Moniagent
