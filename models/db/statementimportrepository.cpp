#include "statementimportrepository.h"

#include "database.h"
#include "sql.h"

#include <QSqlQuery>

namespace Moniagent {

namespace {

const QString Columns = QStringLiteral("id, uuid, user_id, file_name, sha256, format, account_id, rows_total, "
                                       "rows_added, rows_linked, rows_skipped, date_from, date_to, created_at, "
                                       "undone_at");

QVariant dateOrNull(const QDate& date)
{
    return date.isValid() ? QVariant(date.toString(Qt::ISODate)) : QVariant(QMetaType(QMetaType::QString));
}

StatementImport read(const QSqlQuery& q)
{
    StatementImport r;
    r.id = q.value(0).toLongLong();
    r.uuid = q.value(1).toString();
    r.userId = q.value(2).toLongLong();
    r.fileName = q.value(3).toString();
    r.sha256 = q.value(4).toString();
    r.format = q.value(5).toString();
    r.accountId = q.value(6).toString();
    r.rowsTotal = q.value(7).toLongLong();
    r.rowsAdded = q.value(8).toLongLong();
    r.rowsLinked = q.value(9).toLongLong();
    r.rowsSkipped = q.value(10).toLongLong();
    r.dateFrom = QDate::fromString(q.value(11).toString(), Qt::ISODate);
    r.dateTo = QDate::fromString(q.value(12).toString(), Qt::ISODate);
    r.createdAt = QDateTime::fromString(q.value(13).toString(), Qt::ISODateWithMs);
    r.undoneAt = QDateTime::fromString(q.value(14).toString(), Qt::ISODateWithMs);
    return r;
}

} // namespace

StatementImportRepository::StatementImportRepository(Database* database)
    : m_database(database)
{ }

Result<qint64> StatementImportRepository::add(qint64 userId, const StatementImport& r)
{
    if (r.uuid.size() != 36 || r.sha256.size() != 64 || r.fileName.isEmpty())
        return Error::invalidInput(tr("An import needs a file name, its checksum and an id."));
    auto q = Sql::exec(m_database->connection(),
                       QStringLiteral("INSERT INTO statement_imports (uuid, user_id, file_name, sha256, format, "
                                      "account_id, rows_total, rows_added, rows_linked, rows_skipped, date_from, "
                                      "date_to) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)"),
                       {r.uuid, userId, r.fileName, r.sha256, r.format, r.accountId, r.rowsTotal, r.rowsAdded,
                        r.rowsLinked, r.rowsSkipped, dateOrNull(r.dateFrom), dateOrNull(r.dateTo)});
    if (!q)
        return q.error();
    return q->lastInsertId().toLongLong();
}

Result<void> StatementImportRepository::markUndone(qint64 userId, qint64 id, const QDateTime& whenUtc)
{
    auto q = Sql::exec(m_database->connection(),
                       QStringLiteral("UPDATE statement_imports SET undone_at = ? WHERE id = ? AND user_id = ?"),
                       {whenUtc.toUTC().toString(Qt::ISODateWithMs), id, userId});
    if (!q)
        return q.error();
    if (q->numRowsAffected() != 1)
        return Error::notFound(tr("This import is not in the history."));
    return {};
}

Result<void> StatementImportRepository::markRedone(qint64 userId, qint64 id)
{
    auto q = Sql::exec(m_database->connection(),
                       QStringLiteral("UPDATE statement_imports SET undone_at = NULL WHERE id = ? AND user_id = ?"),
                       {id, userId});
    if (!q)
        return q.error();
    if (q->numRowsAffected() != 1)
        return Error::notFound(tr("This import is not in the history."));
    return {};
}

Result<QList<StatementImport>> StatementImportRepository::list(qint64 userId, int limit) const
{
    auto q = Sql::exec(m_database->connection(),
                       QStringLiteral("SELECT %1 FROM statement_imports WHERE user_id = ? "
                                      "ORDER BY created_at DESC, id DESC LIMIT ?")
                           .arg(Columns),
                       {userId, limit});
    if (!q)
        return q.error();
    QList<StatementImport> list;
    while (q->next())
        list << read(*q);
    return list;
}

Result<StatementImport> StatementImportRepository::find(qint64 userId, qint64 id) const
{
    auto q = Sql::exec(m_database->connection(),
                       QStringLiteral("SELECT %1 FROM statement_imports WHERE id = ? AND user_id = ?").arg(Columns),
                       {id, userId});
    if (!q)
        return q.error();
    if (!q->next())
        return Error::notFound(tr("This import is not in the history."));
    return read(*q);
}

Result<std::optional<StatementImport>> StatementImportRepository::findStanding(qint64 userId,
                                                                               const QString& sha256) const
{
    auto q = Sql::exec(m_database->connection(),
                       QStringLiteral("SELECT %1 FROM statement_imports WHERE user_id = ? AND sha256 = ? AND "
                                      "undone_at IS NULL ORDER BY id DESC LIMIT 1")
                           .arg(Columns),
                       {userId, sha256});
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<StatementImport>();
    return std::optional<StatementImport>(read(*q));
}

} // namespace Moniagent
