#pragma once

#include "core/result.h"
#include "csvdialect.h"
#include "csvmapping.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

#include <optional>

namespace Moniagent {

class Database;

// A named CSV mapping: one the user saved, or one shipped with Moniagent (resources/importers/csv-presets.json).
struct CsvPreset
{
    qint64 id = 0; // 0 for a shipped preset
    QString name;
    QString headerSignature; // CsvMapping::headerSignature of the header it is for
    QStringList header; // shipped presets only: the header they are for
    CsvMapping mapping;
    bool builtIn = false;
    // Shipped generic layouts: the delimiter, date format and separators come from the file, only the columns
    // from the preset.
    bool formatsFromFile = false;
};

// The presets a user can pick from, and the automatic choice for a file: the user's own preset for the
// file's header first (most recently saved), then a shipped one. User presets live in `import_presets`.
class CsvPresetStore
{
    Q_DECLARE_TR_FUNCTIONS(Moniagent::CsvPresetStore)

public:
    explicit CsvPresetStore(Database* database);

    // The user's presets by name, then the shipped ones. A saved preset this version cannot read is left out.
    Result<QList<CsvPreset>> list(qint64 userId) const;
    // Saves `mapping` under `name` for files with `header` (replacing a preset of the same name); returns its id.
    Result<qint64> save(qint64 userId, const QString& name, const CsvMapping& mapping, const QStringList& header);
    Result<void> remove(qint64 userId, qint64 id);
    Result<std::optional<CsvPreset>> findBySignature(qint64 userId, const QString& headerSignature) const;

    // The mapping to read a sniffed file with: a user preset as saved; a shipped preset with the encoding and
    // leading lines the file really has (and, for generic ones, its formats).
    static CsvMapping mappingFor(const CsvPreset& preset, const CsvSniff& sniff);

    static const QList<CsvPreset>& builtInPresets();

private:
    Database* m_database;
};

} // namespace Moniagent
