#include "bulkinsert.h"

#include "sql.h"
#include "transactionrepository.h"

#include <QCoreApplication>
#include <QSet>

namespace Moniagent {

namespace {

    QString tr(const char* text)
    {
        return QCoreApplication::translate("Moniagent::BulkInsert", text);
    }

    struct SchemaObject
    {
        QString type;
        QString name;
        QString sql;
    };

    // The schema objects a bulk load removes for its duration; unique indexes always stay, they keep
    // refusing duplicates during the load.
    Result<QList<SchemaObject>> objectsToSuspend(const QSqlDatabase& db, bool rebuild)
    {
        auto query = Sql::exec(db, QStringLiteral("SELECT type, name, sql FROM sqlite_master WHERE tbl_name = 'transactions' "
                                                  "AND sql IS NOT NULL AND ((type = 'trigger' AND name IN (?, ?)) OR "
                                                  "(type = 'index' AND ? AND sql NOT LIKE 'CREATE UNIQUE%')) ORDER BY type, name"),
                               {QStringLiteral("transactions_fts_insert"),
                                rebuild ? QStringLiteral("transactions_same_user_insert") : QString(), rebuild ? 1 : 0});
        if (!query)
            return query.error();
        QList<SchemaObject> objects;
        while (query->next())
            objects.append({query->value(0).toString(), query->value(1).toString(), query->value(2).toString()});
        return objects;
    }

    Result<void> checkIds(const QSqlDatabase& db, qint64 userId, const QString& table, const QSet<qint64>& ids,
                          const QString& message)
    {
        if (ids.isEmpty())
            return {};
        QList<qint64> list(ids.cbegin(), ids.cend());
        constexpr qsizetype Chunk = 500;
        for (qsizetype start = 0; start < list.size(); start += Chunk) {
            const QList<qint64> chunk = list.mid(start, Chunk);
            QVariantList params {userId};
            for (qint64 id : chunk)
                params << id;
            // Rows that exist and belong to the user; anything missing is another user's or not there.
            auto owned = Sql::scalar(db,
                                     QStringLiteral("SELECT count(*) FROM %1 WHERE user_id = ? AND id IN (%2)")
                                         .arg(table, Sql::placeholders(chunk.size())),
                                     params);
            if (!owned)
                return owned.error();
            if (owned->toLongLong() != chunk.size())
                return Error::conflict(message);
        }
        return {};
    }

    QString insertStatement(int rows)
    {
        const QString one = u'(' + Sql::placeholders(TransactionRowColumnCount) + u')';
        QStringList values;
        values.reserve(rows);
        for (int i = 0; i < rows; ++i)
            values << one;
        return QStringLiteral("INSERT INTO transactions (%1) VALUES %2").arg(transactionInsertColumns(), values.join(u','));
    }

} // namespace

Result<bool> BulkInsert::rebuildsIndexes(const QSqlDatabase& db, qint64 rows)
{
    if (rows < RebuildThreshold)
        return false;
    auto existing = Sql::scalar(db, QStringLiteral("SELECT count(*) FROM transactions"));
    if (!existing)
        return existing.error();
    return rows * 2 >= existing->toLongLong();
}

Result<void> BulkInsert::checkOwnership(const QSqlDatabase& db, qint64 userId, const QList<Transaction>& rows)
{
    QSet<qint64> categories;
    QSet<qint64> invoices;
    QSet<qint64> emails;
    for (const Transaction& t : rows) {
        if (t.categoryId)
            categories.insert(*t.categoryId);
        if (t.invoiceId)
            invoices.insert(*t.invoiceId);
        if (t.emailId)
            emails.insert(*t.emailId);
    }
    auto checked = checkIds(db, userId, QStringLiteral("categories"), categories,
                            tr("Some transactions refer to a category this profile does not have."));
    if (checked)
        checked = checkIds(db, userId, QStringLiteral("invoices"), invoices,
                           tr("Some transactions refer to a receipt this profile does not have."));
    if (checked)
        checked = checkIds(db, userId, QStringLiteral("emails"), emails,
                           tr("Some transactions refer to an email this profile does not have."));
    return checked;
}

Result<qint64> BulkInsert::run(const QSqlDatabase& db, qint64 userId, const QList<Transaction>& rows,
                               const Progress& progress)
{
    auto owned = checkOwnership(db, userId, rows);
    if (!owned)
        return owned.error();
    auto rebuild = rebuildsIndexes(db, rows.size());
    if (!rebuild)
        return rebuild.error();
    auto suspended = objectsToSuspend(db, *rebuild);
    if (!suspended)
        return suspended.error();
    auto maxId = Sql::scalar(db, QStringLiteral("SELECT coalesce(max(id), 0) FROM transactions"));
    if (!maxId)
        return maxId.error();
    for (const SchemaObject& object : std::as_const(*suspended)) {
        auto dropped = Sql::exec(db, QStringLiteral("DROP %1 %2").arg(object.type.toUpper(), object.name));
        if (!dropped)
            return dropped.error();
    }
    // The index builds sort in memory; the usual cache size comes back however this ends.
    struct CacheSize
    {
        const QSqlDatabase& db;
        bool raised;
        ~CacheSize()
        {
            if (raised)
                (void)Sql::exec(db, QStringLiteral("PRAGMA cache_size = -16384"));
        }
    } cacheSize {db, *rebuild};
    if (*rebuild)
        (void)Sql::exec(db, QStringLiteral("PRAGMA cache_size = -65536"));

    QSqlQuery many(db);
    QSqlQuery one(db);
    const qint64 total = rows.size();
    if (total >= RowsPerStatement && !many.prepare(insertStatement(RowsPerStatement)))
        return Sql::errorFrom(many.lastError());
    if (!one.prepare(insertStatement(1)))
        return Sql::errorFrom(one.lastError());
    qint64 done = 0;
    qint64 reported = 0;
    while (done < total) {
        const bool full = total - done >= RowsPerStatement;
        QSqlQuery& query = full ? many : one;
        const int count = full ? RowsPerStatement : 1;
        for (int i = 0; i < count; ++i)
            bindTransaction(query, userId, rows.at(done + i));
        if (!query.exec()) {
            Error error = Sql::errorFrom(query.lastError(), tr("save the transactions"));
            error.detail += QStringLiteral(" (rows %1–%2)").arg(done + 1).arg(done + count);
            return error; // the caller's transaction rolls back everything, dropped objects included
        }
        done += count;
        if (progress && (done - reported >= 4096 || done == total)) {
            reported = done;
            if (!progress(done, total))
                return Error::cancelled(tr("The import was cancelled; nothing was added."));
        }
    }

    auto indexed = Sql::exec(db,
                             QStringLiteral("INSERT INTO transactions_fts (rowid, merchant_name, description, notes) "
                                            "SELECT id, merchant_name, description, notes FROM transactions WHERE id > ?"),
                             {maxId->toLongLong()});
    if (!indexed)
        return indexed.error();
    for (const SchemaObject& object : std::as_const(*suspended)) {
        auto restored = Sql::exec(db, object.sql);
        if (!restored)
            return restored.error();
    }
    return maxId->toLongLong() + 1;
}

} // namespace Moniagent
