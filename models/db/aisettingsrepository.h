#pragma once

#include "core/aisettings.h"
#include "core/result.h"

#include <QCoreApplication>

namespace Moniagent {

class Database;

// The language-model settings of each profile (table `ai_settings`). Every method takes the id of the user it
// acts for. Thread-safe like the other repositories (each thread uses its own connection).
class AiSettingsRepository
{
    Q_DECLARE_TR_FUNCTIONS(AiSettingsRepository)
public:
    explicit AiSettingsRepository(Database* database);

    // A configured provider needs an http(s) base URL and a model; the cap is not negative; the cap currency
    // is a three-letter code.
    static Result<void> validate(const AiSettings& settings);

    // The user's settings, or the defaults (no provider, every feature off, no cap) when never saved.
    Result<AiSettings> settings(qint64 userId) const;
    Result<void> save(qint64 userId, const AiSettings& settings);

private:
    Database* m_database;
};

} // namespace Moniagent
