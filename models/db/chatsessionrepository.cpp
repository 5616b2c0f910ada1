#include "chatsessionrepository.h"

#include "database.h"
#include "sql.h"

namespace Moniagent {

namespace {

const QString Columns = QStringLiteral("id, uuid, user_id, title, status, created_at, updated_at");

ChatSession read(const QSqlQuery& q)
{
    ChatSession s;
    s.id = q.value(0).toLongLong();
    s.uuid = q.value(1).toString();
    s.userId = q.value(2).toLongLong();
    s.title = q.value(3).toString();
    s.status = ChatSessionEnums::statusFromKey(q.value(4).toString()).value_or(ChatSessionStatus::Active);
    s.createdAt = Sql::parseIsoTimestamp(q.value(5));
    s.updatedAt = Sql::parseIsoTimestamp(q.value(6));
    return s;
}

Result<void> validateTitle(const QString& title)
{
    if (title.trimmed().size() > ChatSessionRepository::MaxTitleLength) {
        return Error::invalidInput(ChatSessionRepository::tr("The title is too long (at most %1 characters).")
                                       .arg(ChatSessionRepository::MaxTitleLength));
    }
    return {};
}

} // namespace

ChatSessionRepository::ChatSessionRepository(Database* database, QObject* parent)
    : QObject(parent)
    , m_database(database)
{ }

Result<qint64> ChatSessionRepository::create(qint64 userId, const QString& title)
{
    auto valid = validateTitle(title);
    if (!valid)
        return valid.error();
    auto result = Sql::exec(m_database->connection(),
                            QStringLiteral("INSERT INTO chat_sessions (uuid, user_id, title) VALUES (?, ?, ?)"),
                            {Sql::newUuid(), userId, title.trimmed()});
    if (!result)
        return result.error();
    const qint64 id = result->lastInsertId().toLongLong();
    Q_EMIT changed(userId);
    return id;
}

Result<void> ChatSessionRepository::rename(qint64 userId, qint64 id, const QString& title)
{
    if (title.trimmed().isEmpty())
        return Error::invalidInput(tr("Enter a title for the conversation."));
    auto valid = validateTitle(title);
    if (!valid)
        return valid.error();
    return expectOneRow(
        userId,
        QStringLiteral("UPDATE chat_sessions SET title = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', "
                       "'now') WHERE id = ? AND user_id = ?"),
        {title.trimmed(), id, userId});
}

Result<void> ChatSessionRepository::setStatus(qint64 userId, qint64 id, ChatSessionStatus status)
{
    return expectOneRow(
        userId,
        QStringLiteral("UPDATE chat_sessions SET status = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', "
                       "'now') WHERE id = ? AND user_id = ?"),
        {ChatSessionEnums::key(status), id, userId});
}

Result<QList<ChatSession>> ChatSessionRepository::list(qint64 userId, std::optional<ChatSessionStatus> status) const
{
    QString sql = QStringLiteral("SELECT %1 FROM chat_sessions WHERE user_id = ?").arg(Columns);
    QVariantList params {userId};
    if (status) {
        sql += QStringLiteral(" AND status = ?");
        params << ChatSessionEnums::key(*status);
    }
    sql += QStringLiteral(" ORDER BY updated_at DESC, id DESC");
    auto query = Sql::exec(m_database->connection(), sql, params);
    if (!query)
        return query.error();
    QList<ChatSession> sessions;
    while (query->next())
        sessions << read(*query);
    return sessions;
}

Result<ChatSession> ChatSessionRepository::find(qint64 userId, qint64 id) const
{
    auto query = Sql::exec(m_database->connection(),
                           QStringLiteral("SELECT %1 FROM chat_sessions WHERE id = ? AND user_id = ?").arg(Columns),
                           {id, userId});
    if (!query)
        return query.error();
    if (!query->next())
        return Error::notFound(tr("The conversation no longer exists."));
    return read(*query);
}

Result<void> ChatSessionRepository::remove(qint64 userId, qint64 id)
{
    // The foreign keys delete the messages and detach the logged interactions in the same statement.
    return expectOneRow(userId, QStringLiteral("DELETE FROM chat_sessions WHERE id = ? AND user_id = ?"), {id, userId});
}

Result<void> ChatSessionRepository::touch(qint64 userId, qint64 id)
{
    return expectOneRow(userId,
                        QStringLiteral("UPDATE chat_sessions SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') "
                                       "WHERE id = ? AND user_id = ?"),
                        {id, userId});
}

Result<void> ChatSessionRepository::expectOneRow(qint64 userId, const QString& sql, const QVariantList& params)
{
    auto result = Sql::exec(m_database->connection(), sql, params);
    if (!result)
        return result.error();
    if (result->numRowsAffected() == 0)
        return Error::notFound(tr("The conversation no longer exists."));
    Q_EMIT changed(userId);
    return {};
}

} // namespace Moniagent
