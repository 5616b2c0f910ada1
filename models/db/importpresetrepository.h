#pragma once

#include "core/importpreset.h"
#include "core/result.h"

#include <QCoreApplication>
#include <QList>

#include <optional>

namespace Moniagent {

class Database;

// A user's saved import mappings. Every method takes the id of the user it acts for; names are unique per
// user (case-insensitively), and saving under an existing name replaces that preset.
class ImportPresetRepository
{
    Q_DECLARE_TR_FUNCTIONS(Moniagent::ImportPresetRepository)

public:
    static constexpr int MaxNameLength = 100;

    explicit ImportPresetRepository(Database* database);

    // Inserts, or replaces the preset of the same name; returns its id.
    Result<qint64> save(qint64 userId, const QString& name, const QString& headerSignature, const QString& mappingJson);
    Result<void> rename(qint64 userId, qint64 id, const QString& name);
    Result<void> remove(qint64 userId, qint64 id);
    // By name.
    Result<QList<ImportPreset>> list(qint64 userId) const;
    Result<ImportPreset> find(qint64 userId, qint64 id) const;
    // The most recently saved preset made for this header, if any.
    Result<std::optional<ImportPreset>> findBySignature(qint64 userId, const QString& headerSignature) const;

private:
    Database* m_database;
};

} // namespace Moniagent
