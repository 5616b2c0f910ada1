#include "chatmessagerepository.h"

#include "database.h"
#include "sql.h"
#include "sqltransaction.h"

#include <QJsonDocument>

namespace Moniagent {

ChatMessageRepository::ChatMessageRepository(Database* database, QObject* parent)
    : QObject(parent)
    , m_database(database)
{ }

Result<void> ChatMessageRepository::validate(const QString& content, const QJsonObject& metadata)
{
    if (content.trimmed().isEmpty() && metadata.isEmpty())
        return Error::invalidInput(tr("Type a message first."));
    if (content.size() > MaxContentLength)
        return Error::invalidInput(tr("The message is too long (at most %1 characters).").arg(MaxContentLength));
    return {};
}

Result<qint64> ChatMessageRepository::add(qint64 userId, qint64 sessionId, ChatRole role, const QString& content,
                                          const QJsonObject& metadata)
{
    auto valid = validate(content, metadata);
    if (!valid)
        return valid.error();
    QSqlDatabase db = m_database->connection();
    SqlTransaction transaction(db);
    if (!transaction.isActive())
        return transaction.error();
    // INSERT … SELECT from the user's session: nothing is written unless the session is theirs.
    auto inserted
        = Sql::exec(db,
                    QStringLiteral("INSERT INTO chat_messages (session_id, role, content, metadata) "
                                   "SELECT id, ?, ?, ? FROM chat_sessions WHERE id = ? AND user_id = ?"),
                    {ChatMessageEnums::key(role), content,
                     QString::fromUtf8(QJsonDocument(metadata).toJson(QJsonDocument::Compact)), sessionId, userId});
    if (!inserted)
        return inserted.error();
    if (inserted->numRowsAffected() == 0)
        return Error::notFound(tr("The conversation no longer exists."));
    const qint64 id = inserted->lastInsertId().toLongLong();
    auto touched = Sql::exec(db,
                             QStringLiteral("UPDATE chat_sessions SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', "
                                            "'now') WHERE id = ? AND user_id = ?"),
                             {sessionId, userId});
    if (!touched)
        return touched.error();
    auto committed = transaction.commit();
    if (!committed)
        return committed.error();
    Q_EMIT changed(userId);
    return id;
}

Result<QList<ChatMessage>> ChatMessageRepository::list(qint64 userId, qint64 sessionId) const
{
    auto query = Sql::exec(m_database->connection(),
                           QStringLiteral("SELECT m.id, m.session_id, m.role, m.content, m.metadata, m.created_at "
                                          "FROM chat_messages m JOIN chat_sessions s ON s.id = m.session_id "
                                          "WHERE m.session_id = ? AND s.user_id = ? ORDER BY m.id"),
                           {sessionId, userId});
    if (!query)
        return query.error();
    QList<ChatMessage> messages;
    while (query->next()) {
        ChatMessage m;
        m.id = query->value(0).toLongLong();
        m.sessionId = query->value(1).toLongLong();
        m.role = ChatMessageEnums::roleFromKey(query->value(2).toString()).value_or(ChatRole::User);
        m.content = query->value(3).toString();
        m.metadata = QJsonDocument::fromJson(query->value(4).toString().toUtf8()).object();
        m.createdAt = Sql::parseIsoTimestamp(query->value(5));
        messages << m;
    }
    return messages;
}

Result<qint64> ChatMessageRepository::count(qint64 userId, qint64 sessionId) const
{
    auto value = Sql::scalar(m_database->connection(),
                             QStringLiteral("SELECT count(*) FROM chat_messages WHERE session_id = ? AND session_id IN "
                                            "(SELECT id FROM chat_sessions WHERE user_id = ?)"),
                             {sessionId, userId});
    if (!value)
        return value.error();
    return value->toLongLong();
}

} // namespace Moniagent
