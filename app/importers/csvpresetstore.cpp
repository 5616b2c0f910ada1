#include "csvpresetstore.h"

#include "csvlogging.h"
#include "db/importpresetrepository.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace Moniagent {

namespace {

std::optional<CsvPreset> fromStored(const ImportPreset& stored)
{
    const QJsonDocument document = QJsonDocument::fromJson(stored.mappingJson.toUtf8());
    auto mapping = CsvMapping::fromJson(document.object());
    if (!mapping) {
        qCWarning(lcImportCsv) << "import preset" << stored.id << "cannot be read:" << mapping.error().toString();
        return std::nullopt;
    }
    CsvPreset preset;
    preset.id = stored.id;
    preset.name = stored.name;
    preset.headerSignature = stored.headerSignature;
    preset.mapping = *mapping;
    return preset;
}

QList<CsvPreset> loadBuiltIn()
{
    QList<CsvPreset> presets;
    QFile file(QStringLiteral(":/importers/csv-presets.json"));
    if (!file.open(QIODevice::ReadOnly)) {
        qCWarning(lcImportCsv) << "shipped CSV presets are missing from this build";
        return presets;
    }
    const QJsonArray array
        = QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("presets")).toArray();
    for (const QJsonValue& value : array) {
        const QJsonObject object = value.toObject();
        CsvPreset preset;
        preset.name = object.value(QStringLiteral("name")).toString();
        for (const QJsonValue& name : object.value(QStringLiteral("header")).toArray())
            preset.header << name.toString();
        preset.headerSignature = CsvMapping::headerSignature(preset.header);
        preset.builtIn = true;
        preset.formatsFromFile = object.value(QStringLiteral("formatsFromFile")).toBool(false);
        auto mapping = CsvMapping::fromJson(object.value(QStringLiteral("mapping")).toObject());
        if (!mapping || preset.name.isEmpty() || preset.header.isEmpty()
            || mapping->requiredFieldCount() > preset.header.size()) {
            qCWarning(lcImportCsv) << "shipped CSV preset" << preset.name << "is invalid"
                                   << (mapping ? QString() : mapping.error().toString());
            continue;
        }
        preset.mapping = *mapping;
        presets << preset;
    }
    return presets;
}

} // namespace

CsvPresetStore::CsvPresetStore(Database* database)
    : m_database(database)
{ }

const QList<CsvPreset>& CsvPresetStore::builtInPresets()
{
    static const QList<CsvPreset> presets = loadBuiltIn();
    return presets;
}

Result<QList<CsvPreset>> CsvPresetStore::list(qint64 userId) const
{
    auto stored = ImportPresetRepository(m_database).list(userId);
    if (!stored)
        return stored.error();
    QList<CsvPreset> presets;
    for (const ImportPreset& p : *stored) {
        if (auto preset = fromStored(p))
            presets << *preset;
    }
    return presets + builtInPresets();
}

Result<qint64> CsvPresetStore::save(qint64 userId, const QString& name, const CsvMapping& mapping,
                                    const QStringList& header)
{
    auto valid = mapping.validate();
    if (!valid)
        return valid.error();
    const QString json = QString::fromUtf8(QJsonDocument(mapping.toJson()).toJson(QJsonDocument::Compact));
    return ImportPresetRepository(m_database).save(userId, name, CsvMapping::headerSignature(header), json);
}

Result<void> CsvPresetStore::remove(qint64 userId, qint64 id)
{
    return ImportPresetRepository(m_database).remove(userId, id);
}

Result<std::optional<CsvPreset>> CsvPresetStore::findBySignature(qint64 userId, const QString& headerSignature) const
{
    if (headerSignature.isEmpty())
        return std::optional<CsvPreset>();
    auto stored = ImportPresetRepository(m_database).findBySignature(userId, headerSignature);
    if (!stored)
        return stored.error();
    if (stored->has_value()) {
        if (auto preset = fromStored(**stored))
            return preset;
    }
    for (const CsvPreset& preset : builtInPresets()) {
        if (preset.headerSignature == headerSignature)
            return std::optional<CsvPreset>(preset);
    }
    return std::optional<CsvPreset>();
}

CsvMapping CsvPresetStore::mappingFor(const CsvPreset& preset, const CsvSniff& sniff)
{
    CsvMapping mapping = preset.mapping;
    if (!preset.builtIn)
        return mapping;
    mapping.encoding = sniff.mapping.encoding;
    mapping.skipLines = sniff.mapping.skipLines;
    mapping.hasHeader = true;
    if (preset.formatsFromFile) {
        mapping.delimiter = sniff.mapping.delimiter;
        mapping.dateFormat = sniff.mapping.dateFormat;
        mapping.decimalSeparator = sniff.mapping.decimalSeparator;
        mapping.thousandsSeparator = sniff.mapping.thousandsSeparator;
    }
    return mapping;
}

} // namespace Moniagent
