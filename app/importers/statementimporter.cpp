#include "statementimporter.h"

#include "db/categoryrepository.h"
#include "db/database.h"
#include "db/sql.h"
#include "db/sqltransaction.h"
#include "db/statementimportrepository.h"
#include "db/transactionbulkwriter.h"
#include "db/transactionrepository.h"

#include <QCryptographicHash>
#include <QHash>
#include <QJsonDocument>
#include <QUuid>

namespace Moniagent {

namespace {

constexpr int ChunkRows = 4096;
const QString ImportKey = QStringLiteral("import");
const QString StatementKey = QStringLiteral("statement");

// The user's categories by name, for lines that name one ("Groceries", "Food:Groceries").
class CategoryNames
{
public:
    explicit CategoryNames(const QList<Category>& categories)
    {
        for (const Category& category : categories)
            m_byName.insert(category.name.toCaseFolded(), category);
    }
    const Category* find(const QString& name, TransactionType type) const
    {
        if (name.trimmed().isEmpty())
            return nullptr;
        // The whole name, then the most specific part of a hierarchy, then the most general.
        const QStringList parts = name.split(u':', Qt::SkipEmptyParts);
        for (const QString& candidate :
             {name, parts.isEmpty() ? QString() : parts.last(), parts.isEmpty() ? QString() : parts.first()}) {
            const auto it = m_byName.constFind(candidate.trimmed().toCaseFolded());
            if (it != m_byName.cend() && it->appliesTo(type))
                return &*it;
        }
        return nullptr;
    }

private:
    QHash<QString, Category> m_byName;
};

QString lineKey(const StatementLine& line)
{
    return line.date.toString(Qt::ISODate) + u'|' + line.amount.toDecimalString() + u'|' + line.amount.currency().code()
        + u'|' + line.payee + u'|' + line.memo;
}

} // namespace

StatementImporter::StatementImporter(TransactionRepository* transactions, CategoryRepository* categories,
                                     StatementImportRepository* history, qint64 userId)
    : m_transactions(transactions)
    , m_categories(categories)
    , m_history(history)
    , m_userId(userId)
{ }

QString StatementImporter::formatKey(StatementFormat format)
{
    switch (format) {
    case StatementFormat::Csv:
        return QStringLiteral("csv");
    case StatementFormat::Ofx:
        return QStringLiteral("ofx");
    case StatementFormat::Qif:
        return QStringLiteral("qif");
    case StatementFormat::Camt053:
        return QStringLiteral("camt053");
    case StatementFormat::Unknown:
        break;
    }
    return {};
}

QString StatementImporter::computedExternalId(const StatementLine& line, const StatementInfo& info, int occurrence)
{
    const QString key = info.accountId + u'|' + lineKey(line) + u'|' + QString::number(occurrence);
    return QStringLiteral("line:")
        + QString::fromLatin1(QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha256).toHex().left(32));
}

Transaction StatementImporter::toTransaction(const StatementLine& line, const StatementInfo& info, int occurrence)
{
    Transaction t;
    t.source = TransactionSource::Import;
    t.type = line.amount.isNegative() ? TransactionType::Expense : TransactionType::Income;
    t.amount = Money(std::abs(line.amount.minor()), line.amount.currency());
    t.occurredOn = line.date;
    t.merchant = line.payee.simplified();
    t.description = line.memo.simplified();
    if (t.merchant.isEmpty() && t.description.isEmpty())
        t.description = line.checkNumber.isEmpty() ? QString() : tr("Cheque %1").arg(line.checkNumber);
    t.notes = line.notes.trimmed();
    // Bank ids are unique per account only.
    if (!line.externalId.isEmpty())
        t.externalId = info.accountId.isEmpty() ? line.externalId : info.accountId + u'/' + line.externalId;
    else
        t.externalId = computedExternalId(line, info, occurrence);
    if (!line.checkNumber.isEmpty())
        t.sourceMetadata.insert(QStringLiteral("checkNumber"), line.checkNumber);
    if (!line.categoryName.isEmpty())
        t.sourceMetadata.insert(QStringLiteral("fileCategory"), line.categoryName);
    t.sourceMetadata.insert(QStringLiteral("line"), line.record);
    return t;
}

Result<ImportPreview> StatementImporter::preview(const ImportSource& source, const StatementReadOptions& options,
                                                 const Progress& progress) const
{
    if (!source.read)
        return Error::invalidInput(tr("“%1” is not a statement Moniagent can read.").arg(source.fileName));
    ImportPreview preview;
    preview.uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    preview.fileName = source.fileName;
    preview.sha256 = source.sha256;
    preview.format = source.format;
    auto earlier = m_history->findStanding(m_userId, source.sha256);
    if (!earlier)
        return earlier.error();
    preview.earlierImport = *earlier;
    auto categories = m_categories->list(m_userId);
    if (!categories)
        return categories.error();
    const CategoryNames names(*categories);

    // First pass: the date range, so that the matcher reads only the ledger rows that can match. Cheap next
    // to the second pass, and it keeps nothing of the file in memory.
    QDate from;
    QDate to;
    bool cancelled = false;
    qint64 seen = 0;
    auto scanned = source.read(options, [&](StatementLine&& line) {
        if (line.error.isEmpty() && line.date.isValid()) {
            from = !from.isValid() || line.date < from ? line.date : from;
            to = !to.isValid() || line.date > to ? line.date : to;
        }
        if (progress && (++seen % 1024) == 0 && !progress(seen / 2, -1)) {
            cancelled = true;
            return false;
        }
        return true;
    });
    if (cancelled)
        return Error::cancelled();
    if (!scanned)
        return scanned.error();

    StatementMatcher matcher(m_transactions, m_userId, m_matchOptions);
    auto prepared = matcher.prepare(from, to);
    if (!prepared)
        return prepared.error();
    auto staging = ImportStaging::create();
    if (!staging)
        return staging.error();
    preview.staging = *staging;
    auto begun = preview.staging->begin();
    if (!begun)
        return begun.error();

    CategorizationHook* categorizer = m_transactions->categorizationHook();
    QHash<QString, int> occurrences;
    QList<StagedRow> chunk;
    chunk.reserve(ChunkRows);
    qint64 record = 0;
    Error failure;
    bool failed = false;
    const qint64 total = seen;
    const auto stage = [&](StatementLine&& line, const StatementInfo& info) {
        StagedRow row;
        row.record = ++record;
        if (!line.error.isEmpty()) {
            row.status = ImportRowStatus::Error;
            row.included = false;
            row.error = line.error;
            row.transaction.occurredOn = line.date;
            row.transaction.description = line.memo;
            row.transaction.merchant = line.payee;
            row.transaction.sourceMetadata.insert(QStringLiteral("line"), line.record);
        } else if (line.amount.isZero()) {
            row.status = ImportRowStatus::Error;
            row.included = false;
            row.error = tr("Line %1 has no amount; there is nothing to import.").arg(line.record);
            row.transaction = toTransaction(line, info, 0);
        } else {
            const QString key = lineKey(line);
            const int occurrence = occurrences.value(key);
            occurrences.insert(key, occurrence + 1);
            Transaction t = toTransaction(line, info, occurrence);
            if (const Category* category = names.find(line.categoryName, t.type)) {
                // The category the user gave it in the app the file comes from.
                t.categoryId = category->id;
                t.categorizedBy = CategorizedBy::User;
                t.categoryConfidence = 1.0;
                t.confirmedByUser = true;
            } else if (categorizer) {
                categorizer->categorize(m_userId, t);
            }
            const StatementMatcher::Match match = matcher.match(t);
            row.status = match.status;
            row.included = match.status != ImportRowStatus::Duplicate;
            row.matchId = match.id;
            row.matchText = match.text;
            row.transaction = std::move(t);
        }
        chunk.append(std::move(row));
        if (chunk.size() >= ChunkRows) {
            if (auto appended = preview.staging->append(chunk); !appended) {
                failure = appended.error();
                failed = true;
                return false;
            }
            chunk.clear();
            if (progress && !progress(total / 2 + record / 2, total)) {
                cancelled = true;
                return false;
            }
        }
        return true;
    };
    // The reader reports the file's own facts (account, currency) only at the end, so lines are staged with
    // what the first pass learnt.
    StatementInfo info = *scanned;
    auto read = source.read(options, [&](StatementLine&& line) {
        if (line.splits.isEmpty())
            return stage(std::move(line), info);
        // A split line becomes one transaction per part, each with its own category and memo.
        const QList<StatementSplit> splits = line.splits;
        for (qsizetype i = 0; i < splits.size(); ++i) {
            StatementLine part = line;
            part.splits.clear();
            part.amount = splits.at(i).amount;
            part.categoryName = splits.at(i).categoryName;
            if (!splits.at(i).memo.isEmpty())
                part.memo = splits.at(i).memo;
            if (!part.externalId.isEmpty())
                part.externalId += u'#' + QString::number(i + 1);
            if (!stage(std::move(part), info))
                return false;
        }
        return true;
    });
    if (failed)
        return failure;
    if (cancelled)
        return Error::cancelled();
    if (!read)
        return read.error();
    if (!chunk.isEmpty()) {
        auto appended = preview.staging->append(chunk);
        if (!appended)
            return appended.error();
    }
    auto committed = preview.staging->commit();
    if (!committed)
        return committed.error();
    preview.info = *read;
    auto counts = preview.staging->counts();
    if (!counts)
        return counts.error();
    preview.counts = *counts;
    preview.from = from;
    preview.to = to;
    if (progress)
        progress(total, total);
    return preview;
}

Result<ImportResult> StatementImporter::apply(const ImportPreview& preview, const Progress& progress)
{
    return write(preview, progress, std::nullopt);
}

Result<ImportResult> StatementImporter::redo(qint64 importId, const ImportPreview& preview, const Progress& progress)
{
    auto found = m_history->find(m_userId, importId);
    if (!found)
        return found.error();
    if (found->uuid != preview.uuid)
        return Error::invalidInput(tr("This preview belongs to another import."));
    if (!found->isUndone())
        return Error::conflict(tr("The import of “%1” was not undone.").arg(found->fileName));
    return write(preview, progress, importId);
}

Result<ImportResult> StatementImporter::write(const ImportPreview& preview, const Progress& progress,
                                              std::optional<qint64> redoId)
{
    if (!preview.staging)
        return Error::invalidInput(tr("There is nothing to import."));
    auto counts = preview.staging->counts();
    if (!counts)
        return counts.error();
    const qint64 toAdd = counts->includedNew;
    ImportResult result;
    // One SQLite transaction for the rows, the links and the history entry: a crash or a failure at any point
    // leaves the ledger as it was.
    TransactionBulkWriter writer(m_transactions, m_userId, std::max<qint64>(toAdd, 0));
    auto started = writer.start();
    if (!started)
        return started.error();
    const QJsonObject importTag {{ImportKey, preview.uuid},
                                 {QStringLiteral("file"), preview.fileName},
                                 {QStringLiteral("sha256"), preview.sha256}};
    qint64 done = 0;
    bool cancelled = false;
    auto written = preview.staging->forEachIncluded(
        ImportRowStatus::New, ChunkRows, [&](const QList<StagedRow>& rows) -> Result<void> {
            QList<Transaction> batch;
            batch.reserve(rows.size());
            for (const StagedRow& row : rows) {
                Transaction t = row.transaction;
                for (auto it = importTag.begin(); it != importTag.end(); ++it)
                    t.sourceMetadata.insert(it.key(), it.value());
                batch.append(std::move(t));
            }
            auto added = writer.write(batch);
            if (!added)
                return added.error();
            result.added += *added;
            done += rows.size();
            if (progress && !progress(done, counts->included)) {
                cancelled = true;
                return Error::cancelled();
            }
            return {};
        });
    if (cancelled)
        return Error::cancelled();
    if (!written)
        return written.error();

    // Probable matches: the existing row keeps its data and gains the statement line, so importing the same
    // statement again finds it as a duplicate.
    QSqlDatabase db = m_transactions->database()->connection();
    auto linked = preview.staging->forEachIncluded(
        ImportRowStatus::ProbableMatch, ChunkRows, [&](const QList<StagedRow>& rows) -> Result<void> {
            for (const StagedRow& row : rows) {
                if (!row.matchId)
                    continue;
                QJsonObject statement = importTag;
                statement.insert(QStringLiteral("externalId"), row.transaction.externalId);
                statement.insert(QStringLiteral("description"),
                                 row.transaction.merchant.isEmpty()
                                     ? row.transaction.description
                                     : row.transaction.merchant + u' ' + row.transaction.description);
                auto updated = Sql::exec(
                    db,
                    QStringLiteral("UPDATE transactions SET source_metadata = json_set(source_metadata, "
                                   "'$.statement', json(?)), updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') "
                                   "WHERE id = ? AND user_id = ?"),
                    {QString::fromUtf8(QJsonDocument(statement).toJson(QJsonDocument::Compact)), *row.matchId,
                     m_userId});
                if (!updated)
                    return updated.error();
                result.linked += updated->numRowsAffected();
            }
            done += rows.size();
            if (progress && !progress(done, counts->included)) {
                cancelled = true;
                return Error::cancelled();
            }
            return {};
        });
    if (cancelled)
        return Error::cancelled();
    if (!linked)
        return linked.error();

    StatementImport record;
    record.uuid = preview.uuid;
    record.fileName = preview.fileName;
    record.sha256 = preview.sha256;
    record.format = formatKey(preview.format);
    record.accountId = preview.info.accountId;
    record.rowsTotal = counts->total;
    record.rowsAdded = result.added;
    record.rowsLinked = result.linked;
    record.rowsSkipped = counts->total - result.added - result.linked;
    record.dateFrom = preview.from;
    record.dateTo = preview.to;
    if (redoId) {
        auto redone = m_history->markRedone(m_userId, *redoId);
        if (!redone)
            return redone.error();
        result.importId = *redoId;
    } else {
        auto recorded = m_history->add(m_userId, record);
        if (!recorded)
            return recorded.error();
        result.importId = *recorded;
    }
    auto committed = writer.commit();
    if (!committed)
        return committed.error();
    if (result.linked > 0)
        m_transactions->notifyBulkUpdate(m_userId);
    return result;
}

Result<qint64> StatementImporter::undo(qint64 importId)
{
    auto found = m_history->find(m_userId, importId);
    if (!found)
        return found.error();
    if (found->isUndone())
        return Error::conflict(tr("The import of “%1” was already undone.").arg(found->fileName));
    QSqlDatabase db = m_transactions->database()->connection();
    SqlTransaction transaction(db);
    if (!transaction.isActive())
        return transaction.error();
    auto removed = Sql::exec(db,
                             QStringLiteral("DELETE FROM transactions WHERE user_id = ? AND source = 'import' AND "
                                            "json_extract(source_metadata, '$.import') = ?"),
                             {m_userId, found->uuid});
    if (!removed)
        return removed.error();
    const qint64 count = removed->numRowsAffected();
    auto unlinked = Sql::exec(db,
                              QStringLiteral("UPDATE transactions SET source_metadata = json_remove(source_metadata, "
                                             "'$.statement') WHERE user_id = ? AND "
                                             "json_extract(source_metadata, '$.statement.import') = ?"),
                              {m_userId, found->uuid});
    if (!unlinked)
        return unlinked.error();
    auto marked = m_history->markUndone(m_userId, importId, QDateTime::currentDateTimeUtc());
    if (!marked)
        return marked.error();
    auto committed = transaction.commit();
    if (!committed)
        return committed.error();
    m_transactions->notifyBulkRemove(m_userId);
    return count;
}

} // namespace Moniagent
