#include "aiinteractionrepository.h"

#include "database.h"
#include "sql.h"

namespace Moniagent {

namespace {

const QString Columns
    = QStringLiteral("id, user_id, session_id, interaction_type, input_data, output_data, model_used, created_at");

AiInteraction read(const QSqlQuery& q)
{
    AiInteraction i;
    i.id = q.value(0).toLongLong();
    i.userId = Sql::optionalId(q.value(1));
    i.sessionId = Sql::optionalId(q.value(2));
    i.type = AiInteractionEnums::typeFromKey(q.value(3).toString()).value_or(AiInteractionType::Chat);
    i.inputData = q.value(4).toString();
    i.outputData = q.value(5).toString();
    i.modelUsed = q.value(6).toString();
    i.createdAt = Sql::parseIsoTimestamp(q.value(7));
    return i;
}

} // namespace

AiInteractionRepository::AiInteractionRepository(Database* database, QObject* parent)
    : QObject(parent)
    , m_database(database)
{ }

Result<void> AiInteractionRepository::validate(const AiInteraction& interaction)
{
    if (interaction.modelUsed.size() > MaxModelLength)
        return Error::invalidInput(tr("The model name is too long (at most %1 characters).").arg(MaxModelLength));
    return {};
}

Result<qint64> AiInteractionRepository::add(std::optional<qint64> userId, const AiInteraction& interaction)
{
    auto valid = validate(interaction);
    if (!valid)
        return valid.error();
    if (interaction.sessionId && !userId)
        return Error::invalidInput(tr("A conversation always belongs to a profile; choose the profile first."));
    QVariantList params {Sql::nullable(userId),
                         Sql::nullable(interaction.sessionId),
                         AiInteractionEnums::key(interaction.type),
                         interaction.inputData,
                         interaction.outputData,
                         interaction.modelUsed};
    QString sql = QStringLiteral("INSERT INTO ai_interactions (user_id, session_id, interaction_type, input_data, "
                                 "output_data, model_used, created_at) SELECT ?, ?, ?, ?, ?, ?, "
                                 "coalesce(?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))");
    params << (interaction.createdAt.isValid() ? QVariant(Sql::isoTimestamp(interaction.createdAt)) : QVariant());
    if (interaction.sessionId) {
        // Only a session of the same user: otherwise nothing is written.
        sql += QStringLiteral(" WHERE EXISTS (SELECT 1 FROM chat_sessions WHERE id = ? AND user_id = ?)");
        params << *interaction.sessionId << *userId;
    }
    auto result = Sql::exec(m_database->connection(), sql, params);
    if (!result)
        return result.error();
    if (result->numRowsAffected() == 0)
        return Error::notFound(tr("The conversation no longer exists."));
    const qint64 id = result->lastInsertId().toLongLong();
    Q_EMIT changed(userId.value_or(0));
    return id;
}

Result<QList<AiInteraction>> AiInteractionRepository::list(qint64 userId, std::optional<AiInteractionType> type,
                                                           int limit) const
{
    QString sql = QStringLiteral("SELECT %1 FROM ai_interactions WHERE user_id = ?").arg(Columns);
    QVariantList params {userId};
    if (type) {
        sql += QStringLiteral(" AND interaction_type = ?");
        params << AiInteractionEnums::key(*type);
    }
    sql += QStringLiteral(" ORDER BY created_at DESC, id DESC LIMIT ?");
    params << limit;
    auto query = Sql::exec(m_database->connection(), sql, params);
    if (!query)
        return query.error();
    QList<AiInteraction> interactions;
    while (query->next())
        interactions << read(*query);
    return interactions;
}

Result<AiInteraction> AiInteractionRepository::find(qint64 userId, qint64 id) const
{
    auto query = Sql::exec(m_database->connection(),
                           QStringLiteral("SELECT %1 FROM ai_interactions WHERE id = ? AND user_id = ?").arg(Columns),
                           {id, userId});
    if (!query)
        return query.error();
    if (!query->next())
        return Error::notFound(tr("The logged model call no longer exists."));
    return read(*query);
}

} // namespace Moniagent
