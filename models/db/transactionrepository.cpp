#include "transactionrepository.h"

#include "core/logging.h"
#include "database.h"
#include "ledgersummary.h"
#include "sql.h"
#include "sqltransaction.h"
#include "transactionbulkwriter.h"

#include <QHash>
#include <QJsonDocument>

namespace Moniagent {

namespace {

constexpr int MaxTextLength = 4096;

QString metadataText(const QJsonObject& metadata)
{
    return QString::fromUtf8(QJsonDocument(metadata).toJson(QJsonDocument::Compact));
}

QString insertSql(bool keepIdentity)
{
    if (keepIdentity) {
        return QStringLiteral("INSERT INTO transactions (id, %1) VALUES (?, %2)")
            .arg(transactionInsertColumns(), Sql::placeholders(TransactionRowColumnCount));
    }
    return QStringLiteral("INSERT INTO transactions (%1) VALUES (%2)")
        .arg(transactionInsertColumns(), Sql::placeholders(TransactionRowColumnCount));
}

} // namespace

QString transactionInsertColumns()
{
    return QStringLiteral(
        "uuid, user_id, category_id, invoice_id, email_id, type, amount_minor, currency, occurred_on, "
        "merchant_name, description, notes, source, source_metadata, external_id, confirmed_by_user, "
        "category_confidence, categorized_by, created_at, updated_at");
}

void bindTransaction(QSqlQuery& query, qint64 userId, const Transaction& t, const QString& now)
{
    Sql::bind(query, t.uuid.isEmpty() ? Sql::newUuid() : t.uuid);
    Sql::bind(query, userId);
    Sql::bind(query, Sql::nullable(t.categoryId));
    Sql::bind(query, Sql::nullable(t.invoiceId));
    Sql::bind(query, Sql::nullable(t.emailId));
    Sql::bind(query, TransactionEnums::key(t.type));
    Sql::bind(query, t.amount.minor());
    Sql::bind(query, t.amount.currency().code());
    Sql::bind(query, Sql::isoDate(t.occurredOn));
    Sql::bind(query, t.merchant.trimmed());
    Sql::bind(query, t.description);
    Sql::bind(query, t.notes);
    Sql::bind(query, TransactionEnums::key(t.source));
    Sql::bind(query, t.sourceMetadata.isEmpty() ? QStringLiteral("{}") : metadataText(t.sourceMetadata));
    Sql::bind(query, Sql::nullableText(t.externalId));
    Sql::bind(query, t.confirmedByUser ? 1 : 0);
    Sql::bind(query, Sql::nullable(t.categoryConfidence));
    Sql::bind(query, Sql::nullableText(TransactionEnums::key(t.categorizedBy)));
    Sql::bind(query, now);
    Sql::bind(query, now);
}

Transaction readTransaction(const QSqlQuery& q, int first)
{
    Transaction t;
    int c = first;
    t.id = q.value(c++).toLongLong();
    t.uuid = q.value(c++).toString();
    t.userId = q.value(c++).toLongLong();
    t.categoryId = Sql::optionalId(q.value(c++));
    t.invoiceId = Sql::optionalId(q.value(c++));
    t.emailId = Sql::optionalId(q.value(c++));
    t.type = TransactionEnums::typeFromKey(q.value(c++).toString()).value_or(TransactionType::Expense);
    const qint64 minor = q.value(c++).toLongLong();
    t.amount = Money(minor, Currency::fromCode(q.value(c++).toString()));
    t.occurredOn = Sql::parseIsoDate(q.value(c++));
    t.merchant = q.value(c++).toString();
    t.description = q.value(c++).toString();
    t.notes = q.value(c++).toString();
    t.source = TransactionEnums::sourceFromKey(q.value(c++).toString()).value_or(TransactionSource::Manual);
    const QString metadata = q.value(c++).toString();
    if (metadata.size() > 2)
        t.sourceMetadata = QJsonDocument::fromJson(metadata.toUtf8()).object();
    t.externalId = q.value(c++).toString();
    t.confirmedByUser = q.value(c++).toInt() != 0;
    t.categoryConfidence = Sql::optionalReal(q.value(c++));
    t.categorizedBy = TransactionEnums::categorizedByFromKey(q.value(c++).toString());
    t.createdAt = Sql::parseIsoTimestamp(q.value(c++));
    t.updatedAt = Sql::parseIsoTimestamp(q.value(c++));
    return t;
}

TransactionRepository::TransactionRepository(Database* database, QObject* parent)
    : QObject(parent)
    , m_database(database)
{ }

Result<void> TransactionRepository::validate(const Transaction& t)
{
    if (!t.amount.isValid())
        return Error::invalidInput(tr("Choose a currency for the amount."));
    if (t.amount.minor() <= 0)
        return Error::invalidInput(
            tr("The amount must be more than zero; use the type to say whether it is income or an expense."));
    if (!t.occurredOn.isValid())
        return Error::invalidInput(tr("Enter a valid date."));
    if (t.occurredOn.year() < 1900 || t.occurredOn.year() > 9999)
        return Error::invalidInput(tr("The date %1 is out of range.").arg(t.occurredOn.toString(Qt::ISODate)));
    if (t.merchant.size() > MaxTextLength || t.description.size() > MaxTextLength || t.notes.size() > MaxTextLength)
        return Error::invalidInput(tr("The text is too long (at most %1 characters per field).").arg(MaxTextLength));
    if (t.categoryConfidence && (*t.categoryConfidence < 0.0 || *t.categoryConfidence > 1.0))
        return Error::invalidInput(tr("The category confidence must be between 0 and 1."));
    return {};
}

Result<void> TransactionRepository::insertOne(const QSqlDatabase& db, qint64 userId, const Transaction& transaction,
                                              bool keepIdentity, qint64* newId)
{
    QSqlQuery query(db);
    if (!query.prepare(insertSql(keepIdentity)))
        return Sql::errorFrom(query.lastError(), tr("save the transaction"));
    if (keepIdentity)
        Sql::bind(query, transaction.id);
    bindTransaction(query, userId, transaction, Sql::isoTimestamp(QDateTime::currentDateTimeUtc()));
    if (keepIdentity) {
        // Put back the original times, replacing the two bound last.
        const int count = TransactionRowColumnCount + 1;
        query.bindValue(count - 2, Sql::isoTimestamp(transaction.createdAt));
        query.bindValue(count - 1, Sql::isoTimestamp(transaction.updatedAt));
    }
    if (!query.exec())
        return Sql::errorFrom(query.lastError(), tr("save the transaction"));
    if (newId)
        *newId = query.lastInsertId().toLongLong();
    return {};
}

bool TransactionRepository::changesConfirmedCategory(const Transaction* before, const Transaction& after)
{
    const bool confirmedAfter = after.confirmedByUser && after.categoryId;
    if (!before)
        return confirmedAfter;
    const bool confirmedBefore = before->confirmedByUser && before->categoryId;
    if (confirmedBefore != confirmedAfter)
        return true;
    return confirmedAfter && before->categoryId != after.categoryId;
}

Result<qint64> TransactionRepository::add(qint64 userId, Transaction transaction)
{
    auto valid = validate(transaction);
    if (!valid)
        return valid.error();
    if (m_hook && !transaction.confirmedByUser && transaction.categorizedBy == CategorizedBy::None
        && !transaction.categoryId)
        m_hook->categorize(userId, transaction);
    QSqlDatabase db = m_database->connection();
    SqlTransaction sqlTransaction(db);
    if (!sqlTransaction.isActive())
        return sqlTransaction.error();
    qint64 id = 0;
    auto inserted = insertOne(db, userId, transaction, false, &id);
    if (!inserted)
        return inserted.error();
    if (m_hook && changesConfirmedCategory(nullptr, transaction)) {
        transaction.id = id;
        transaction.userId = userId;
        auto heard = m_hook->categoryConfirmed(userId, nullptr, transaction);
        if (!heard)
            return heard.error();
    }
    auto committed = sqlTransaction.commit();
    if (!committed)
        return committed.error();
    Q_EMIT this->inserted(userId, {id});
    return id;
}

Result<qint64> TransactionRepository::addMany(qint64 userId, const QList<Transaction>& transactions,
                                              const Progress& progress)
{
    for (const Transaction& t : transactions) {
        auto valid = validate(t);
        if (!valid)
            return valid.error();
    }
    if (transactions.isEmpty())
        return qint64(0);
    QList<Transaction> rows = transactions;
    if (m_hook) {
        for (Transaction& t : rows) {
            if (!t.confirmedByUser && t.categorizedBy == CategorizedBy::None && !t.categoryId)
                m_hook->categorize(userId, t);
        }
    }
    TransactionBulkWriter writer(this, userId, rows.size());
    auto started = writer.start();
    if (!started)
        return started.error();
    auto written = writer.write(rows, progress);
    if (!written)
        return written.error();
    return writer.commit();
}

Result<void> TransactionRepository::restore(qint64 userId, const QList<Transaction>& transactions)
{
    QSqlDatabase db = m_database->connection();
    SqlTransaction transaction(db);
    if (!transaction.isActive())
        return transaction.error();
    QList<qint64> ids;
    for (const Transaction& t : transactions) {
        if (t.userId != userId)
            return Error::invalidInput(tr("A transaction of another profile cannot be restored here."));
        auto valid = validate(t);
        if (!valid)
            return valid.error();
        auto inserted = insertOne(db, userId, t, true, nullptr);
        if (!inserted)
            return inserted.error();
        ids << t.id;
    }
    auto committed = transaction.commit();
    if (!committed)
        return committed.error();
    Q_EMIT inserted(userId, ids);
    return {};
}

Result<void> TransactionRepository::update(qint64 userId, const Transaction& t)
{
    return updateMany(userId, {t});
}

Result<void> TransactionRepository::updateMany(qint64 userId, const QList<Transaction>& transactions)
{
    for (const Transaction& t : transactions) {
        auto valid = validate(t);
        if (!valid)
            return valid.error();
    }
    if (transactions.isEmpty())
        return {};
    QSqlDatabase db = m_database->connection();
    SqlTransaction sqlTransaction(db);
    if (!sqlTransaction.isActive())
        return sqlTransaction.error();
    QList<qint64> ids;
    ids.reserve(transactions.size());
    for (const Transaction& t : transactions)
        ids << t.id;
    // The rows as they were, read in one go for the hook (inside the write, so nothing changes in between).
    QHash<qint64, Transaction> before;
    if (m_hook) {
        auto found = findMany(userId, ids);
        if (!found)
            return found.error();
        for (const Transaction& t : std::as_const(*found))
            before.insert(t.id, t);
    }
    for (const Transaction& t : transactions) {
        auto updated = updateOne(db, userId, t); // NotFound for a row that no longer exists
        if (!updated)
            return updated.error();
        const auto previous = before.constFind(t.id);
        if (m_hook && previous != before.cend() && changesConfirmedCategory(&*previous, t)) {
            Transaction after = t;
            after.userId = userId;
            auto heard = m_hook->categoryConfirmed(userId, &*previous, after);
            if (!heard)
                return heard.error();
        }
    }
    auto committed = sqlTransaction.commit();
    if (!committed)
        return committed.error();
    Q_EMIT updated(userId, ids);
    return {};
}

Result<void> TransactionRepository::updateOne(const QSqlDatabase& db, qint64 userId, const Transaction& t)
{
    auto result = Sql::exec(
        db,
        QStringLiteral(
            "UPDATE transactions SET category_id = ?, invoice_id = ?, email_id = ?, type = ?, amount_minor = ?, "
            "currency = ?, occurred_on = ?, merchant_name = ?, description = ?, notes = ?, source = ?, "
            "source_metadata = ?, external_id = ?, confirmed_by_user = ?, category_confidence = ?, "
            "categorized_by = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') "
            "WHERE id = ? AND user_id = ?"),
        {Sql::nullable(t.categoryId), Sql::nullable(t.invoiceId), Sql::nullable(t.emailId),
         TransactionEnums::key(t.type), t.amount.minor(), t.amount.currency().code(), Sql::isoDate(t.occurredOn),
         t.merchant.trimmed(), t.description, t.notes, TransactionEnums::key(t.source), metadataText(t.sourceMetadata),
         Sql::nullableText(t.externalId), t.confirmedByUser ? 1 : 0, Sql::nullable(t.categoryConfidence),
         Sql::nullableText(TransactionEnums::key(t.categorizedBy)), t.id, userId});
    if (!result)
        return result.error();
    if (result->numRowsAffected() == 0)
        return Error::notFound(tr("The transaction no longer exists."));
    return {};
}

Result<void> TransactionRepository::remove(qint64 userId, const QList<qint64>& ids)
{
    if (ids.isEmpty())
        return {};
    QSqlDatabase db = m_database->connection();
    SqlTransaction transaction(db);
    if (!transaction.isActive())
        return transaction.error();
    // In chunks: SQLite limits the number of bound parameters per statement.
    constexpr qsizetype Chunk = 500;
    for (qsizetype start = 0; start < ids.size(); start += Chunk) {
        const QList<qint64> chunk = ids.mid(start, Chunk);
        QVariantList params {userId};
        for (qint64 id : chunk)
            params << id;
        auto result = Sql::exec(db,
                                QStringLiteral("DELETE FROM transactions WHERE user_id = ? AND id IN (%1)")
                                    .arg(Sql::placeholders(chunk.size())),
                                params);
        if (!result)
            return result.error();
    }
    auto committed = transaction.commit();
    if (!committed)
        return committed.error();
    Q_EMIT removed(userId, ids);
    return {};
}

Result<Transaction> TransactionRepository::find(qint64 userId, qint64 id) const
{
    auto query = Sql::exec(m_database->connection(),
                           QStringLiteral("SELECT %1 FROM transactions t WHERE t.id = ? AND t.user_id = ?")
                               .arg(TransactionQuery::columns()),
                           {id, userId});
    if (!query)
        return query.error();
    if (!query->next())
        return Error::notFound(tr("The transaction no longer exists."));
    return readTransaction(*query);
}

Result<QList<Transaction>> TransactionRepository::findForEmail(qint64 userId, qint64 emailId) const
{
    auto query = Sql::exec(m_database->connection(),
                           QStringLiteral("SELECT %1 FROM transactions t WHERE t.email_id = ? AND t.user_id = ? "
                                          "ORDER BY t.id")
                               .arg(TransactionQuery::columns()),
                           {emailId, userId});
    if (!query)
        return query.error();
    QList<Transaction> rows;
    while (query->next())
        rows.append(readTransaction(*query));
    return rows;
}

Result<QList<Transaction>> TransactionRepository::findMany(qint64 userId, const QList<qint64>& ids) const
{
    QList<Transaction> rows;
    constexpr qsizetype Chunk = 500;
    for (qsizetype start = 0; start < ids.size(); start += Chunk) {
        const QList<qint64> chunk = ids.mid(start, Chunk);
        QVariantList params {userId};
        for (qint64 id : chunk)
            params << id;
        auto query = Sql::exec(
            m_database->connection(),
            QStringLiteral("SELECT %1 FROM transactions t WHERE t.user_id = ? AND t.id IN (%2) ORDER BY t.id")
                .arg(TransactionQuery::columns(), Sql::placeholders(chunk.size())),
            params);
        if (!query)
            return query.error();
        while (query->next())
            rows << readTransaction(*query);
    }
    return rows;
}

Result<qint64> TransactionRepository::count(qint64 userId, const TransactionFilter& filter) const
{
    if (LedgerSummary::covers(filter))
        return LedgerSummary::count(m_database->connection(), userId, filter);
    const auto [sql, params] = TransactionQuery(userId, filter).countSql();
    auto value = Sql::scalar(m_database->connection(), sql, params);
    if (!value)
        return value.error();
    return value->toLongLong();
}

Result<LedgerTotals> TransactionRepository::totals(qint64 userId, const TransactionFilter& filter) const
{
    if (LedgerSummary::covers(filter))
        return LedgerSummary::totals(m_database->connection(), userId, filter);
    const auto [sql, params] = TransactionQuery(userId, filter).totalsSql();
    auto query = Sql::exec(m_database->connection(), sql, params);
    if (!query)
        return query.error();
    LedgerTotals totals;
    while (query->next()) {
        const QString currency = query->value(0).toString();
        if (totals.currencies.isEmpty() || totals.currencies.last().currency != currency)
            totals.currencies.append(CurrencyTotals {currency, 0, 0, 0});
        CurrencyTotals& entry = totals.currencies.last();
        const qint64 sum = query->value(2).toLongLong();
        if (query->value(1).toString() == QLatin1String("income"))
            entry.incomeMinor = sum;
        else
            entry.expenseMinor = sum;
        entry.count += query->value(3).toLongLong();
    }
    return totals;
}

Result<QList<Transaction>> TransactionRepository::page(const TransactionQuery& query,
                                                       const TransactionQuery::PageSpec& spec) const
{
    const auto [sql, params] = query.pageSql(spec);
    auto result = Sql::exec(m_database->connection(), sql, params);
    if (!result)
        return result.error();
    QList<Transaction> rows;
    rows.reserve(spec.limit);
    while (result->next())
        rows << readTransaction(*result);
    return rows;
}

Result<QList<Transaction>> TransactionRepository::list(qint64 userId, const TransactionFilter& filter,
                                                       const TransactionSort& sort, int limit, qint64 offset) const
{
    TransactionSort effective = sort;
    if (effective.key == TransactionSortKey::Category)
        effective.key = TransactionSortKey::Date;
    const TransactionQuery query(userId, filter, effective);
    TransactionQuery::PageSpec spec;
    spec.limit = limit;
    spec.offset = offset;
    return page(query, spec);
}

Result<std::pair<qint64, bool>> TransactionRepository::countBefore(const TransactionQuery& query,
                                                                   const TransactionQuery::Cursor& cursor,
                                                                   qint64 id) const
{
    QVariantList params = query.params();
    params << id;
    auto matches = Sql::scalar(
        m_database->connection(),
        QStringLiteral("SELECT count(*) FROM transactions t WHERE %1 AND t.id = ?").arg(query.where()), params);
    if (!matches)
        return matches.error();
    if (matches->toInt() == 0)
        return std::pair<qint64, bool> {0, false};
    const auto [sql, beforeParams] = query.countBeforeSql(cursor);
    auto before = Sql::scalar(m_database->connection(), sql, beforeParams);
    if (!before)
        return before.error();
    return std::pair<qint64, bool> {before->toLongLong(), true};
}

Result<bool> TransactionRepository::searchMatchesAtLeast(qint64 userId, const QString& search, int threshold) const
{
    TransactionFilter filter;
    filter.search = search;
    const TransactionQuery query(userId, filter);
    QVariantList params = query.params();
    params << threshold;
    auto found = Sql::scalar(
        m_database->connection(),
        QStringLiteral("SELECT count(*) FROM (SELECT t.id FROM transactions t WHERE %1 LIMIT ?)").arg(query.where()),
        params);
    if (!found)
        return found.error();
    return found->toInt() >= threshold;
}

Result<QList<std::pair<std::optional<qint64>, qint64>>>
TransactionRepository::countByCategory(qint64 userId, const TransactionFilter& filter) const
{
    const TransactionQuery query(userId, filter);
    auto result
        = Sql::exec(m_database->connection(),
                    QStringLiteral("SELECT t.category_id, count(*) FROM transactions t WHERE %1 GROUP BY t.category_id")
                        .arg(query.where()),
                    query.params());
    if (!result)
        return result.error();
    QList<std::pair<std::optional<qint64>, qint64>> counts;
    while (result->next())
        counts.append({Sql::optionalId(result->value(0)), result->value(1).toLongLong()});
    return counts;
}

} // namespace Moniagent
