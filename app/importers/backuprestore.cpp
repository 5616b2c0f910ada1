// Backup::restore: a checking pass over the whole file (backupcontent.cpp), then a writing pass in one SQLite
// transaction.
#include "backup.h"
#include "backupcontent.h"
#include "db/database.h"
#include "db/sql.h"
#include "db/transactionbulkwriter.h"
#include "db/transactionrepository.h"

#include <limits>

namespace Moniagent {

namespace {

constexpr int ChunkSize = 5000;

Result<void> requireEmptyProfile(const QSqlDatabase& db, qint64 userId)
{
    auto count = Sql::scalar(db, QStringLiteral("SELECT count(*) FROM transactions WHERE user_id = ?"), {userId});
    if (!count)
        return count.error();
    if (count->toLongLong() > 0) {
        return Error::invalidInput(Backup::tr("Restore needs an empty profile: this one already has %n transaction(s). "
                                              "Create a new profile and restore the backup into it.",
                                              nullptr,
                                              int(qMin<qint64>(count->toLongLong(), std::numeric_limits<int>::max()))));
    }
    return {};
}

QVariant timeOrNull(const QDateTime& time)
{
    return time.isValid() ? QVariant(Sql::isoTimestamp(time)) : QVariant();
}

const QString Now = QStringLiteral("strftime('%Y-%m-%dT%H:%M:%fZ', 'now')");

// The uuid, or a new one when this database already has a row with it (another profile's).
Result<QString> freeUuid(const QSqlDatabase& db, const QString& table, const QString& uuid)
{
    auto taken = Sql::scalar(db, QStringLiteral("SELECT count(*) FROM %1 WHERE uuid = ?").arg(table), {uuid});
    if (!taken)
        return taken.error();
    return taken->toLongLong() > 0 ? Sql::newUuid() : uuid;
}

// Replaces the profile's categories, budgets and rules by the backup's; returns the new ids by backup uuid.
Result<QHash<QString, qint64>> writeCategories(const QSqlDatabase& db, qint64 userId, const BackupContent& content)
{
    for (const char* table : {"expense_categorization_rules", "budgets"}) {
        auto removed
            = Sql::exec(db, QStringLiteral("DELETE FROM %1 WHERE user_id = ?").arg(QLatin1String(table)), {userId});
        if (!removed)
            return removed.error();
    }
    QSet<QString> keys;
    QSet<QString> names;
    for (const Category& c : content.categories) {
        if (!c.systemKey.isEmpty())
            keys.insert(c.systemKey);
        names.insert(c.name.trimmed().toCaseFolded());
    }
    // Default categories the backup does not know (and whose name it does not use) stay.
    auto existing = Sql::exec(
        db, QStringLiteral("SELECT id, name, system_key, is_system FROM categories WHERE user_id = ?"), {userId});
    if (!existing)
        return existing.error();
    QList<qint64> remove;
    while (existing->next()) {
        const bool keep = existing->value(3).toInt() == 1 && !keys.contains(existing->value(2).toString())
            && !names.contains(existing->value(1).toString().trimmed().toCaseFolded());
        if (!keep)
            remove << existing->value(0).toLongLong();
    }
    existing->finish();
    for (qint64 id : std::as_const(remove)) {
        auto removed
            = Sql::exec(db, QStringLiteral("DELETE FROM categories WHERE id = ? AND user_id = ?"), {id, userId});
        if (!removed)
            return removed.error();
    }
    QHash<QString, qint64> ids;
    for (const Category& c : content.categories) {
        auto uuid = freeUuid(db, QStringLiteral("categories"), c.uuid);
        if (!uuid)
            return uuid.error();
        auto inserted = Sql::exec(
            db,
            QStringLiteral("INSERT INTO categories (uuid, user_id, name, system_key, description, icon, color, type, "
                           "is_system, display_order, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                           "coalesce(?, %1), coalesce(?, %1))")
                .arg(Now),
            {*uuid, userId, c.name.trimmed(), Sql::nullableText(c.systemKey), c.description, c.icon, c.color.toUpper(),
             CategoryEnums::key(c.type), c.isSystem ? 1 : 0, c.displayOrder, timeOrNull(c.createdAt),
             timeOrNull(c.updatedAt)});
        if (!inserted)
            return inserted.error();
        ids.insert(c.uuid, inserted->lastInsertId().toLongLong());
    }
    return ids;
}

Result<QHash<QString, qint64>> writeInvoices(const QSqlDatabase& db, qint64 userId, const BackupContent& content)
{
    QHash<QString, qint64> ids;
    for (const Invoice& i : content.invoices) {
        auto same = Sql::exec(db, QStringLiteral("SELECT id FROM invoices WHERE user_id = ? AND sha256 = ?"),
                              {userId, i.sha256});
        if (!same)
            return same.error();
        if (same->next()) {
            ids.insert(i.uuid, same->value(0).toLongLong());
            continue;
        }
        auto uuid = freeUuid(db, QStringLiteral("invoices"), i.uuid);
        if (!uuid)
            return uuid.error();
        const QVariant currency = i.total ? QVariant(i.total->currency().code())
            : i.tax                       ? QVariant(i.tax->currency().code())
                                          : QVariant();
        auto inserted = Sql::exec(
            db,
            QStringLiteral("INSERT INTO invoices (uuid, user_id, filename, file_path, sha256, mime_type, store_name, "
                           "date, total_minor, tax_minor, currency, status, error, created_at, updated_at) VALUES "
                           "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, coalesce(?, %1), coalesce(?, %1))")
                .arg(Now),
            {*uuid, userId, i.filename.trimmed(), i.filePath, i.sha256, i.mimeType,
             Sql::nullableText(i.storeName.trimmed()), Sql::nullableText(Sql::isoDate(i.date)),
             i.total ? QVariant(i.total->minor()) : QVariant(), i.tax ? QVariant(i.tax->minor()) : QVariant(), currency,
             InvoiceEnums::key(i.status), Sql::nullableText(i.error), timeOrNull(i.createdAt),
             timeOrNull(i.updatedAt)});
        if (!inserted)
            return inserted.error();
        ids.insert(i.uuid, inserted->lastInsertId().toLongLong());
    }
    return ids;
}

Result<void> writeBudgetsAndRules(const QSqlDatabase& db, qint64 userId, const BackupContent& content,
                                  const QHash<QString, qint64>& categories)
{
    for (const auto& [b, categoryUuid] : content.budgets) {
        auto inserted = Sql::exec(
            db,
            QStringLiteral("INSERT INTO budgets (user_id, category_id, limit_minor, currency, period, alert_threshold, "
                           "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, coalesce(?, %1), coalesce(?, %1))")
                .arg(Now),
            {userId, categoryUuid.isEmpty() ? QVariant() : QVariant(categories.value(categoryUuid)), b.limit.minor(),
             b.limit.currency().code(), BudgetEnums::key(b.period), b.alertThreshold, timeOrNull(b.createdAt),
             timeOrNull(b.updatedAt)});
        if (!inserted)
            return inserted.error();
    }
    for (const auto& [r, categoryUuid] : content.rules) {
        auto inserted = Sql::exec(
            db,
            QStringLiteral("INSERT INTO expense_categorization_rules (user_id, category_id, store_name_pattern, "
                           "rule_type, confidence_threshold, priority, is_active, origin, hit_count, created_at, "
                           "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, coalesce(?, %1), coalesce(?, %1))")
                .arg(Now),
            {userId, categories.value(categoryUuid), r.type == RuleType::Regex ? r.pattern : r.pattern.trimmed(),
             CategorizationRuleEnums::key(r.type), r.confidenceThreshold, r.priority, r.isActive ? 1 : 0,
             CategorizationRuleEnums::key(r.origin), r.hitCount, timeOrNull(r.createdAt), timeOrNull(r.updatedAt)});
        if (!inserted)
            return inserted.error();
    }
    return {};
}

Result<void> writeProfile(const QSqlDatabase& db, qint64 userId, const BackupContent& content)
{
    if (!content.currency.isEmpty()) {
        auto updated = Sql::exec(
            db, QStringLiteral("UPDATE users SET base_currency = ?, locale = ?, updated_at = %1 WHERE id = ?").arg(Now),
            {Currency::fromCode(content.currency).code(), content.locale, userId});
        if (!updated)
            return updated.error();
    }
    // The learned model knows the old category ids; without it the categorizer retrains from the ledger.
    auto dropped = Sql::exec(db, QStringLiteral("DELETE FROM categorization_models WHERE user_id = ?"), {userId});
    if (!dropped)
        return dropped.error();
    return {};
}

// Gives new uuids to rows whose uuid this database already has (another profile's rows).
Result<void> freeUuids(const QSqlDatabase& db, QList<Transaction>& rows)
{
    constexpr qsizetype Batch = 500;
    QHash<QString, qsizetype> index;
    for (qsizetype i = 0; i < rows.size(); ++i)
        index.insert(rows.at(i).uuid, i);
    for (qsizetype start = 0; start < rows.size(); start += Batch) {
        QVariantList params;
        for (qsizetype i = start; i < qMin(rows.size(), start + Batch); ++i)
            params << rows.at(i).uuid;
        auto taken = Sql::exec(
            db,
            QStringLiteral("SELECT uuid FROM transactions WHERE uuid IN (%1)").arg(Sql::placeholders(params.size())),
            params);
        if (!taken)
            return taken.error();
        while (taken->next())
            rows[index.value(taken->value(0).toString())].uuid = Sql::newUuid();
    }
    return {};
}

Result<qint64> writeTransactions(QIODevice& device, TransactionBulkWriter& writer, const QSqlDatabase& db,
                                 const QHash<QString, qint64>& categories, const QHash<QString, qint64>& invoices,
                                 const BackupProgress& progress)
{
    JsonObjectReader reader(device);
    if (auto begun = reader.begin(); !begun)
        return begun.error();
    QList<Transaction> chunk;
    chunk.reserve(ChunkSize);
    auto flush = [&]() -> Result<void> {
        if (chunk.isEmpty())
            return {};
        if (auto freed = freeUuids(db, chunk); !freed)
            return freed;
        auto written = writer.write(chunk);
        chunk.clear();
        if (!written)
            return written.error();
        if (!progress.report(2, reader.position()))
            return BackupContentReader::cancelled();
        return {};
    };
    for (;;) {
        auto key = reader.nextKey();
        if (!key)
            return key.error();
        if (!*key)
            break;
        if (**key != QLatin1String("transactions")) {
            if (auto skipped = reader.skipValue(); !skipped)
                return skipped.error();
            continue;
        }
        auto read = BackupContentReader::forEachElement(reader, **key, progress, 2,
                                                        [&](const QJsonValue& v, qint64 n) -> Result<void> {
                                                            auto record = BackupFormat::readTransaction(v, n);
                                                            if (!record)
                                                                return record.error();
                                                            Transaction& t = record->transaction;
                                                            if (!record->categoryUuid.isEmpty())
                                                                t.categoryId = categories.value(record->categoryUuid);
                                                            if (!record->invoiceUuid.isEmpty())
                                                                t.invoiceId = invoices.value(record->invoiceUuid);
                                                            chunk.append(std::move(t));
                                                            return chunk.size() >= ChunkSize ? flush() : Result<void>();
                                                        });
        if (!read)
            return read.error();
    }
    if (auto flushed = flush(); !flushed)
        return flushed.error();
    if (!progress.report(2, reader.position()))
        return BackupContentReader::cancelled();
    return writer.commit();
}

} // namespace

Result<BackupCounts> Backup::restore(QIODevice& device, TransactionRepository* transactions, qint64 userId,
                                     const Progress& progress)
{
    if (device.isSequential() || !device.isReadable())
        return Error::invalidInput(tr("A backup can only be restored from a file."));
    const QSqlDatabase db = transactions->database()->connection();
    if (auto empty = requireEmptyProfile(db, userId); !empty)
        return empty.error();

    const BackupProgress bytes(progress, device.size());
    const qint64 start = device.pos();
    auto content = BackupContentReader::read(device, bytes);
    if (!content)
        return content.error();
    if (auto checked = BackupContentReader::check(*content); !checked)
        return checked.error();
    if (!device.seek(start))
        return Error {Error::Code::Io, tr("The backup file could not be read again."), device.errorString()};

    TransactionBulkWriter writer(transactions, userId, content->transactions);
    writer.setKeepTimestamps(true);
    if (auto started = writer.start(); !started)
        return started.error();
    // Checked again inside the write transaction: rows may have arrived since.
    if (auto empty = requireEmptyProfile(db, userId); !empty)
        return empty.error();
    auto categories = writeCategories(db, userId, *content);
    if (!categories)
        return categories.error();
    auto invoices = writeInvoices(db, userId, *content);
    if (!invoices)
        return invoices.error();
    if (auto written = writeBudgetsAndRules(db, userId, *content, *categories); !written)
        return written.error();
    if (auto written = writeProfile(db, userId, *content); !written)
        return written.error();
    auto added = writeTransactions(device, writer, db, *categories, *invoices, bytes);
    if (!added)
        return added.error();

    BackupCounts counts;
    counts.categories = content->categories.size();
    counts.invoices = content->invoices.size();
    counts.budgets = content->budgets.size();
    counts.rules = content->rules.size();
    counts.transactions = *added;
    return counts;
}

} // namespace Moniagent
