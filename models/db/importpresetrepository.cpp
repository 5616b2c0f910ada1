#include "importpresetrepository.h"

#include "database.h"
#include "sql.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace Moniagent {

namespace {

const QString Columns = QStringLiteral("id, user_id, name, header_signature, mapping, created_at, updated_at");

ImportPreset read(const QSqlQuery& q)
{
    ImportPreset p;
    p.id = q.value(0).toLongLong();
    p.userId = q.value(1).toLongLong();
    p.name = q.value(2).toString();
    p.headerSignature = q.value(3).toString();
    p.mappingJson = q.value(4).toString();
    p.createdAt = Sql::parseIsoTimestamp(q.value(5));
    p.updatedAt = Sql::parseIsoTimestamp(q.value(6));
    return p;
}

Result<QString> validName(const QString& name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return Error::invalidInput(ImportPresetRepository::tr("Enter a name for the import preset."));
    if (trimmed.size() > ImportPresetRepository::MaxNameLength)
        return Error::invalidInput(ImportPresetRepository::tr("The preset name is too long (at most %1 characters).")
                                       .arg(ImportPresetRepository::MaxNameLength));
    return trimmed;
}

} // namespace

ImportPresetRepository::ImportPresetRepository(Database* database)
    : m_database(database)
{ }

Result<qint64> ImportPresetRepository::save(qint64 userId, const QString& name, const QString& headerSignature,
                                            const QString& mappingJson)
{
    auto trimmed = validName(name);
    if (!trimmed)
        return trimmed.error();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(mappingJson.toUtf8(), &parseError);
    if (!document.isObject())
        return Error::invalidInput(tr("The import preset could not be saved: its mapping is not valid."),
                                   parseError.errorString());
    auto result = Sql::exec(
        m_database->connection(),
        QStringLiteral("INSERT INTO import_presets (user_id, name, header_signature, mapping) VALUES (?, ?, ?, ?) "
                       "ON CONFLICT (user_id, name) DO UPDATE SET header_signature = excluded.header_signature, "
                       "mapping = excluded.mapping, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') "
                       "RETURNING id"),
        {userId, *trimmed, headerSignature, QString::fromUtf8(document.toJson(QJsonDocument::Compact))});
    if (!result)
        return result.error();
    if (!result->next())
        return Error::database(tr("The import preset could not be saved."));
    return result->value(0).toLongLong();
}

Result<void> ImportPresetRepository::rename(qint64 userId, qint64 id, const QString& name)
{
    auto trimmed = validName(name);
    if (!trimmed)
        return trimmed.error();
    auto result = Sql::exec(m_database->connection(),
                            QStringLiteral("UPDATE import_presets SET name = ?, updated_at = "
                                           "strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ? AND user_id = ?"),
                            {*trimmed, id, userId});
    if (!result) {
        Error error = result.error();
        if (error.code == Error::Code::Conflict)
            error.message = tr("There is already an import preset named “%1”.").arg(*trimmed);
        return error;
    }
    if (result->numRowsAffected() == 0)
        return Error::notFound(tr("The import preset no longer exists."));
    return {};
}

Result<void> ImportPresetRepository::remove(qint64 userId, qint64 id)
{
    auto result = Sql::exec(m_database->connection(),
                            QStringLiteral("DELETE FROM import_presets WHERE id = ? AND user_id = ?"), {id, userId});
    if (!result)
        return result.error();
    if (result->numRowsAffected() == 0)
        return Error::notFound(tr("The import preset no longer exists."));
    return {};
}

Result<QList<ImportPreset>> ImportPresetRepository::list(qint64 userId) const
{
    auto query = Sql::exec(
        m_database->connection(),
        QStringLiteral("SELECT %1 FROM import_presets WHERE user_id = ? ORDER BY name, id").arg(Columns), {userId});
    if (!query)
        return query.error();
    QList<ImportPreset> presets;
    while (query->next())
        presets << read(*query);
    return presets;
}

Result<ImportPreset> ImportPresetRepository::find(qint64 userId, qint64 id) const
{
    auto query = Sql::exec(m_database->connection(),
                           QStringLiteral("SELECT %1 FROM import_presets WHERE id = ? AND user_id = ?").arg(Columns),
                           {id, userId});
    if (!query)
        return query.error();
    if (!query->next())
        return Error::notFound(tr("The import preset no longer exists."));
    return read(*query);
}

Result<std::optional<ImportPreset>> ImportPresetRepository::findBySignature(qint64 userId,
                                                                            const QString& headerSignature) const
{
    if (headerSignature.isEmpty())
        return std::optional<ImportPreset>();
    auto query = Sql::exec(m_database->connection(),
                           QStringLiteral("SELECT %1 FROM import_presets WHERE user_id = ? AND header_signature = ? "
                                          "ORDER BY updated_at DESC, id DESC LIMIT 1")
                               .arg(Columns),
                           {userId, headerSignature});
    if (!query)
        return query.error();
    if (!query->next())
        return std::optional<ImportPreset>();
    return std::optional<ImportPreset>(read(*query));
}

} // namespace Moniagent
