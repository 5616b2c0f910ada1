#include "bulkinsert.h"

#include "sql.h"
#include "transactionrepository.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSet>

namespace Moniagent {

namespace {

Result<void> checkIds(const QSqlDatabase& db, qint64 userId, const QString& table, const QSet<qint64>& ids,
                      const QString& message)
{
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

BulkInsert::BulkInsert(QSqlDatabase db, qint64 userId)
    : m_db(std::move(db))
    , m_userId(userId)
    , m_many(m_db)
    , m_one(m_db)
{ }

BulkInsert::~BulkInsert()
{
    restoreCacheSize();
}

void BulkInsert::restoreCacheSize()
{
    if (m_cacheRaised) {
        (void)Sql::exec(m_db, QStringLiteral("PRAGMA cache_size = -16384"));
        m_cacheRaised = false;
    }
}

Result<bool> BulkInsert::rebuildsIndexes(const QSqlDatabase& db, qint64 rows)
{
    if (rows < RebuildThreshold)
        return false;
    auto existing = Sql::scalar(db, QStringLiteral("SELECT count(*) FROM transactions"));
    if (!existing)
        return existing.error();
    return rows * 2 >= existing->toLongLong();
}

Result<void> BulkInsert::begin(qint64 expectedRows)
{
    auto rebuild = rebuildsIndexes(m_db, expectedRows);
    if (!rebuild)
        return rebuild.error();
    m_rebuild = *rebuild;
    // Unique indexes always stay: they keep refusing duplicates during the load.
    auto objects
        = Sql::exec(m_db,
                    QStringLiteral("SELECT type, name, sql FROM sqlite_master WHERE tbl_name = 'transactions' "
                                   "AND sql IS NOT NULL AND ((type = 'trigger' AND name IN (?, ?, ?)) OR "
                                   "(type = 'index' AND ? AND sql NOT LIKE 'CREATE UNIQUE%')) ORDER BY type, name"),
                    {QStringLiteral("transactions_fts_insert"), QStringLiteral("transaction_totals_insert"),
                     m_rebuild ? QStringLiteral("transactions_same_user_insert") : QString(), m_rebuild ? 1 : 0});
    if (!objects)
        return objects.error();
    while (objects->next())
        m_suspended.append({objects->value(0).toString(), objects->value(1).toString(), objects->value(2).toString()});
    auto maxId = Sql::scalar(m_db, QStringLiteral("SELECT coalesce(max(id), 0) FROM transactions"));
    if (!maxId)
        return maxId.error();
    m_firstNewId = maxId->toLongLong() + 1;
    for (const SchemaObject& object : std::as_const(m_suspended)) {
        auto dropped = Sql::exec(m_db, QStringLiteral("DROP %1 %2").arg(object.type.toUpper(), object.name));
        if (!dropped)
            return dropped.error();
    }
    if (m_rebuild) {
        // The index builds sort in memory.
        m_cacheRaised = Sql::exec(m_db, QStringLiteral("PRAGMA cache_size = -65536")).ok();
    }
    if (!m_many.prepare(insertStatement(RowsPerStatement)) || !m_one.prepare(insertStatement(1)))
        return Sql::errorFrom(m_many.lastError().isValid() ? m_many.lastError() : m_one.lastError());
    return {};
}

Result<void> BulkInsert::checkOwnership(const QList<Transaction>& rows) const
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
    auto checked = checkIds(m_db, m_userId, QStringLiteral("categories"), categories,
                            tr("Some transactions refer to a category this profile does not have."));
    if (checked)
        checked = checkIds(m_db, m_userId, QStringLiteral("invoices"), invoices,
                           tr("Some transactions refer to a receipt this profile does not have."));
    if (checked)
        checked = checkIds(m_db, m_userId, QStringLiteral("emails"), emails,
                           tr("Some transactions refer to an email this profile does not have."));
    return checked;
}

Result<qint64> BulkInsert::write(const QList<Transaction>& rows, const Progress& progress)
{
    auto owned = checkOwnership(rows);
    if (!owned)
        return owned.error();
    const qint64 total = rows.size();
    const QString now = Sql::isoTimestamp(QDateTime::currentDateTimeUtc());
    qint64 done = 0;
    qint64 reported = 0;
    while (done < total) {
        const bool full = total - done >= RowsPerStatement;
        QSqlQuery& query = full ? m_many : m_one;
        const int count = full ? RowsPerStatement : 1;
        for (int i = 0; i < count; ++i) {
            const Transaction& row = rows.at(done + i);
            bindTransaction(query, m_userId, row, now);
            if (m_keepTimestamps && row.createdAt.isValid()) {
                // created_at and updated_at are the last two columns of the row.
                const int last = (i + 1) * TransactionRowColumnCount - 1;
                query.bindValue(last - 1, Sql::isoTimestamp(row.createdAt));
                query.bindValue(last, Sql::isoTimestamp(row.updatedAt.isValid() ? row.updatedAt : row.createdAt));
            }
        }
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
    return total;
}

Result<void> BulkInsert::finish()
{
    m_many.finish();
    m_one.finish();
    auto indexed
        = Sql::exec(m_db,
                    QStringLiteral("INSERT INTO transactions_fts (rowid, merchant_name, description, notes) "
                                   "SELECT id, merchant_name, description, notes FROM transactions WHERE id >= ?"),
                    {m_firstNewId});
    if (!indexed)
        return indexed.error();
    auto summed
        = Sql::exec(m_db,
                    QStringLiteral("INSERT INTO transaction_totals (user_id, month, category_key, currency, type, "
                                   "amount_minor, row_count) SELECT user_id, substr(occurred_on, 1, 7), "
                                   "coalesce(category_id, 0), currency, type, sum(amount_minor), count(*) "
                                   "FROM transactions WHERE id >= ? GROUP BY 1, 2, 3, 4, 5 "
                                   "ON CONFLICT (user_id, month, category_key, currency, type) DO UPDATE SET "
                                   "amount_minor = amount_minor + excluded.amount_minor, "
                                   "row_count = row_count + excluded.row_count"),
                    {m_firstNewId});
    if (!summed)
        return summed.error();
    for (const SchemaObject& object : std::as_const(m_suspended)) {
        auto restored = Sql::exec(m_db, object.sql);
        if (!restored)
            return restored.error();
    }
    m_suspended.clear();
    restoreCacheSize();
    return {};
}

} // namespace Moniagent
