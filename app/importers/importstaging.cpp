#include "importstaging.h"

#include "db/sql.h"
#include "db/sqltransaction.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QUuid>

namespace Moniagent {

namespace {

const QString Columns = QStringLiteral(
    "record, status, included, type, amount_minor, currency, occurred_on, merchant, description, notes, "
    "category_id, categorized_by, confidence, confirmed, external_id, metadata, error, match_id, match_text");

QVariant optionalId(const std::optional<qint64>& id)
{
    return id ? QVariant(*id) : QVariant(QMetaType(QMetaType::LongLong));
}

StagedRow readRow(const QSqlQuery& q)
{
    StagedRow row;
    row.record = q.value(0).toLongLong();
    row.status = ImportRowStatus(q.value(1).toInt());
    row.included = q.value(2).toBool();
    Transaction& t = row.transaction;
    t.type = q.value(3).toInt() == 1 ? TransactionType::Income : TransactionType::Expense;
    t.amount = Money::fromMinor(q.value(4).toLongLong(), q.value(5).toString());
    t.occurredOn = QDate::fromString(q.value(6).toString(), Qt::ISODate);
    t.merchant = q.value(7).toString();
    t.description = q.value(8).toString();
    t.notes = q.value(9).toString();
    if (!q.value(10).isNull())
        t.categoryId = q.value(10).toLongLong();
    t.categorizedBy = TransactionEnums::categorizedByFromKey(q.value(11).toString());
    if (!q.value(12).isNull())
        t.categoryConfidence = q.value(12).toDouble();
    t.confirmedByUser = q.value(13).toBool();
    t.externalId = q.value(14).toString();
    if (const QString metadata = q.value(15).toString(); !metadata.isEmpty())
        t.sourceMetadata = QJsonDocument::fromJson(metadata.toUtf8()).object();
    t.source = TransactionSource::Import;
    row.error = q.value(16).toString();
    if (!q.value(17).isNull())
        row.matchId = q.value(17).toLongLong();
    row.matchText = q.value(18).toString();
    return row;
}

QString statusClause(std::optional<ImportRowStatus> status)
{
    return status ? QStringLiteral(" WHERE status = %1").arg(int(*status)) : QString();
}

} // namespace

Result<std::shared_ptr<ImportStaging>> ImportStaging::create()
{
    std::shared_ptr<ImportStaging> staging(new ImportStaging);
    if (!staging->m_dir.isValid()) {
        return Error {Error::Code::Io, tr("Could not create a temporary folder for the import preview."),
                      staging->m_dir.errorString()};
    }
    staging->m_path = staging->m_dir.filePath(QStringLiteral("staging.sqlite"));
    staging->m_prefix = QStringLiteral("moniagent-staging-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    QSqlDatabase db = staging->connection();
    if (!db.isOpen())
        return Error {Error::Code::Io, tr("Could not create the import preview."), db.lastError().text()};
    auto created = Sql::exec(
        db,
        QStringLiteral(
            "CREATE TABLE IF NOT EXISTS rows (record INTEGER PRIMARY KEY, status INTEGER NOT NULL, "
            "included INTEGER NOT NULL, type INTEGER, amount_minor INTEGER, currency TEXT, occurred_on TEXT, "
            "merchant TEXT, description TEXT, notes TEXT, category_id INTEGER, categorized_by TEXT, confidence REAL, "
            "confirmed INTEGER, external_id TEXT, metadata TEXT, error TEXT, match_id INTEGER, match_text TEXT)"));
    if (!created)
        return created.error();
    auto indexed = Sql::exec(db, QStringLiteral("CREATE INDEX IF NOT EXISTS rows_status ON rows (status, record)"));
    if (!indexed)
        return indexed.error();
    return staging;
}

ImportStaging::~ImportStaging()
{
    m_writing.reset();
    // Connections of other threads are only removed, never fetched here (a connection belongs to its thread).
    for (const QString& name : std::as_const(m_connectionNames))
        QSqlDatabase::removeDatabase(name);
}

QSqlDatabase ImportStaging::connection() const
{
    const QString name = m_prefix + u'-' + QString::number(quintptr(QThread::currentThreadId()), 16);
    if (QSqlDatabase::contains(name))
        return QSqlDatabase::database(name, false);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(m_path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    m_connectionNames << name;
    if (db.open()) {
        // A scratch file: losing it in a crash loses nothing, so it need not be durable.
        Sql::exec(db, QStringLiteral("PRAGMA journal_mode = WAL")).ok();
        Sql::exec(db, QStringLiteral("PRAGMA synchronous = OFF")).ok();
    }
    return db;
}

Result<void> ImportStaging::begin()
{
    m_writing = std::make_unique<SqlTransaction>(connection());
    if (!m_writing->isActive()) {
        Error error = m_writing->error();
        m_writing.reset();
        return error;
    }
    return {};
}

Result<void> ImportStaging::append(const QList<StagedRow>& rows)
{
    QSqlDatabase db = connection();
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.prepare(QStringLiteral("INSERT INTO rows (%1) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)").arg(Columns)))
        return Error::database(tr("Could not write the import preview."), q.lastError().text());
    for (const StagedRow& row : rows) {
        const Transaction& t = row.transaction;
        q.bindValue(0, row.record);
        q.bindValue(1, int(row.status));
        q.bindValue(2, row.included ? 1 : 0);
        q.bindValue(3, t.type == TransactionType::Income ? 1 : 0);
        q.bindValue(4, t.amount.minor());
        q.bindValue(5, t.amount.currency().code());
        q.bindValue(6, t.occurredOn.isValid() ? t.occurredOn.toString(Qt::ISODate) : QString());
        q.bindValue(7, t.merchant);
        q.bindValue(8, t.description);
        q.bindValue(9, t.notes);
        q.bindValue(10, optionalId(t.categoryId));
        q.bindValue(11, TransactionEnums::key(t.categorizedBy));
        q.bindValue(12,
                    t.categoryConfidence ? QVariant(*t.categoryConfidence) : QVariant(QMetaType(QMetaType::Double)));
        q.bindValue(13, t.confirmedByUser ? 1 : 0);
        q.bindValue(14, t.externalId);
        q.bindValue(15,
                    t.sourceMetadata.isEmpty()
                        ? QString()
                        : QString::fromUtf8(QJsonDocument(t.sourceMetadata).toJson(QJsonDocument::Compact)));
        q.bindValue(16, row.error);
        q.bindValue(17, optionalId(row.matchId));
        q.bindValue(18, row.matchText);
        if (!q.exec()) {
            return Error {Error::Code::Io, tr("Could not write the import preview; check the free disk space."),
                          q.lastError().text()};
        }
    }
    return {};
}

Result<void> ImportStaging::commit()
{
    if (!m_writing)
        return {};
    auto committed = m_writing->commit();
    m_writing.reset();
    return committed;
}

Result<QList<StagedRow>> ImportStaging::page(qint64 offset, int limit, std::optional<ImportRowStatus> status) const
{
    auto q = Sql::exec(
        connection(),
        QStringLiteral("SELECT %1 FROM rows%2 ORDER BY record LIMIT ? OFFSET ?").arg(Columns, statusClause(status)),
        {limit, offset});
    if (!q)
        return q.error();
    QList<StagedRow> rows;
    while (q->next())
        rows << readRow(*q);
    return rows;
}

Result<qint64> ImportStaging::count(std::optional<ImportRowStatus> status) const
{
    auto value = Sql::scalar(connection(), QStringLiteral("SELECT count(*) FROM rows%1").arg(statusClause(status)));
    if (!value)
        return value.error();
    return value->toLongLong();
}

Result<ImportCounts> ImportStaging::counts() const
{
    auto q
        = Sql::exec(connection(), QStringLiteral("SELECT status, count(*), sum(included) FROM rows GROUP BY status"));
    if (!q)
        return q.error();
    ImportCounts counts;
    while (q->next()) {
        const qint64 n = q->value(1).toLongLong();
        counts.total += n;
        switch (ImportRowStatus(q->value(0).toInt())) {
        case ImportRowStatus::New:
            counts.fresh = n;
            counts.includedNew = q->value(2).toLongLong();
            counts.included += counts.includedNew;
            break;
        case ImportRowStatus::Duplicate:
            counts.duplicates = n;
            break;
        case ImportRowStatus::ProbableMatch:
            counts.probable = n;
            counts.included += q->value(2).toLongLong();
            break;
        case ImportRowStatus::Error:
            counts.errors = n;
            break;
        }
    }
    return counts;
}

Result<std::pair<QDate, QDate>> ImportStaging::dateRange() const
{
    auto q = Sql::exec(connection(),
                       QStringLiteral("SELECT min(occurred_on), max(occurred_on) FROM rows "
                                      "WHERE status <> ? AND occurred_on <> ''"),
                       {int(ImportRowStatus::Error)});
    if (!q)
        return q.error();
    if (!q->next())
        return std::pair<QDate, QDate> {};
    return std::pair {QDate::fromString(q->value(0).toString(), Qt::ISODate),
                      QDate::fromString(q->value(1).toString(), Qt::ISODate)};
}

Result<QList<std::pair<QString, qint64>>> ImportStaging::includedNet() const
{
    auto q
        = Sql::exec(connection(),
                    QStringLiteral("SELECT currency, sum(CASE type WHEN 1 THEN amount_minor ELSE -amount_minor END) "
                                   "FROM rows WHERE included = 1 AND status = ? GROUP BY currency ORDER BY currency"),
                    {int(ImportRowStatus::New)});
    if (!q)
        return q.error();
    QList<std::pair<QString, qint64>> sums;
    while (q->next())
        sums.append(std::pair(q->value(0).toString(), q->value(1).toLongLong()));
    return sums;
}

Result<void> ImportStaging::setIncluded(const QList<qint64>& records, bool included)
{
    QSqlDatabase db = connection();
    SqlTransaction transaction(db);
    if (!transaction.isActive())
        return transaction.error();
    for (const qint64 record : records) {
        // Duplicates and unreadable rows are never written; only new rows and probable matches can be chosen.
        auto updated
            = Sql::exec(db, QStringLiteral("UPDATE rows SET included = ? WHERE record = ? AND status IN (?, ?)"),
                        {included ? 1 : 0, record, int(ImportRowStatus::New), int(ImportRowStatus::ProbableMatch)});
        if (!updated)
            return updated.error();
    }
    return transaction.commit();
}

Result<void> ImportStaging::setAllIncluded(std::optional<ImportRowStatus> status, bool included)
{
    auto updated = Sql::exec(connection(),
                             QStringLiteral("UPDATE rows SET included = ? WHERE status IN (?, ?)%1")
                                 .arg(status ? QStringLiteral(" AND status = %1").arg(int(*status)) : QString()),
                             {included ? 1 : 0, int(ImportRowStatus::New), int(ImportRowStatus::ProbableMatch)});
    if (!updated)
        return updated.error();
    return {};
}

Result<void> ImportStaging::setCategory(const QList<qint64>& records, std::optional<qint64> categoryId)
{
    QSqlDatabase db = connection();
    SqlTransaction transaction(db);
    if (!transaction.isActive())
        return transaction.error();
    for (const qint64 record : records) {
        // The user's choice: written as confirmed, like picking a category in the ledger.
        auto updated = Sql::exec(db,
                                 QStringLiteral("UPDATE rows SET category_id = ?, categorized_by = ?, confidence = ?, "
                                                "confirmed = ? WHERE record = ?"),
                                 {optionalId(categoryId), categoryId ? QStringLiteral("user") : QString(),
                                  categoryId ? QVariant(1.0) : QVariant(QMetaType(QMetaType::Double)),
                                  categoryId ? 1 : 0, record});
        if (!updated)
            return updated.error();
    }
    return transaction.commit();
}

Result<void> ImportStaging::forEachIncluded(ImportRowStatus status, int chunk,
                                            const std::function<Result<void>(const QList<StagedRow>&)>& visit) const
{
    qint64 after = 0;
    for (;;) {
        auto q = Sql::exec(connection(),
                           QStringLiteral("SELECT %1 FROM rows WHERE status = ? AND included = 1 AND record > ? "
                                          "ORDER BY record LIMIT ?")
                               .arg(Columns),
                           {int(status), after, chunk});
        if (!q)
            return q.error();
        QList<StagedRow> rows;
        rows.reserve(chunk);
        while (q->next())
            rows << readRow(*q);
        q->finish();
        if (rows.isEmpty())
            return {};
        after = rows.last().record;
        auto visited = visit(rows);
        if (!visited)
            return visited;
    }
}

} // namespace Moniagent
