// Backup::write; the restore is in backuprestore.cpp.
#include "backup.h"

#include "backupformat.h"
#include "db/budgetrepository.h"
#include "db/categorizationrulerepository.h"
#include "db/categoryrepository.h"
#include "db/database.h"
#include "db/sql.h"
#include "db/transactionrepository.h"
#include "exportoutput.h"
#include "ledgerrows.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Moniagent {

namespace {

// A read transaction on this thread's connection, so every section comes from the same state of the file.
class ReadSnapshot
{
public:
    explicit ReadSnapshot(QSqlDatabase db)
        : m_db(std::move(db))
        , m_active(m_db.transaction()) // fails harmlessly when a transaction is already open
    { }
    ~ReadSnapshot()
    {
        if (m_active && !m_db.commit())
            m_db.rollback();
    }
    ReadSnapshot(const ReadSnapshot&) = delete;
    ReadSnapshot& operator=(const ReadSnapshot&) = delete;

private:
    QSqlDatabase m_db;
    bool m_active;
};

QByteArray json(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// A JSON string literal, quotes included.
QByteArray jsonString(const QString& text)
{
    const QByteArray array = QJsonDocument(QJsonArray {text}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

// Writes `"name":[` … `]` with one element per line.
class ArrayWriter
{
public:
    ArrayWriter(ExportOutput& out, const char* name)
        : m_out(out)
    {
        m_out.write(QByteArrayLiteral(",\n\"") + name + QByteArrayLiteral("\":["));
    }
    void add(const QJsonObject& element)
    {
        m_out.write(m_first ? QByteArrayLiteral("\n") : QByteArrayLiteral(",\n"));
        m_out.write(json(element));
        m_first = false;
    }
    void close() { m_out.write(m_first ? QByteArrayLiteral("]") : QByteArrayLiteral("\n]")); }

private:
    ExportOutput& m_out;
    bool m_first = true;
};

Result<QHash<qint64, QString>> writeInvoices(ExportOutput& out, const QSqlDatabase& db, qint64 userId, qint64* count)
{
    // Metadata only, read directly: the repository would also load every document's OCR data.
    auto query = Sql::exec(db,
                           QStringLiteral("SELECT id, uuid, filename, file_path, sha256, mime_type, store_name, date, "
                                          "total_minor, tax_minor, currency, status, error, created_at, updated_at "
                                          "FROM invoices WHERE user_id = ? ORDER BY id"),
                           {userId});
    if (!query)
        return query.error();
    QHash<qint64, QString> uuids;
    ArrayWriter array(out, "invoices");
    while (query->next()) {
        Invoice i;
        i.id = query->value(0).toLongLong();
        i.uuid = query->value(1).toString();
        i.filename = query->value(2).toString();
        i.filePath = query->value(3).toString();
        i.sha256 = query->value(4).toString();
        i.mimeType = query->value(5).toString();
        i.storeName = query->value(6).toString();
        i.date = Sql::parseIsoDate(query->value(7));
        const Currency currency = Currency::fromCode(query->value(10).toString());
        if (!query->value(8).isNull())
            i.total = Money(query->value(8).toLongLong(), currency);
        if (!query->value(9).isNull())
            i.tax = Money(query->value(9).toLongLong(), currency);
        i.status = InvoiceEnums::statusFromKey(query->value(11).toString()).value_or(InvoiceStatus::Pending);
        i.error = query->value(12).toString();
        i.createdAt = Sql::parseIsoTimestamp(query->value(13));
        i.updatedAt = Sql::parseIsoTimestamp(query->value(14));
        uuids.insert(i.id, i.uuid);
        array.add(BackupFormat::invoice(i));
    }
    array.close();
    *count = uuids.size();
    return uuids;
}

} // namespace

Result<BackupCounts> Backup::write(QIODevice& device, const TransactionRepository* transactions, qint64 userId,
                                   const Progress& progress, const QDateTime& exportedAt)
{
    Database* database = transactions->database();
    const QSqlDatabase db = database->connection();
    const ReadSnapshot snapshot(db);

    auto profile = Sql::exec(db, QStringLiteral("SELECT base_currency, locale FROM users WHERE id = ?"), {userId});
    if (!profile)
        return profile.error();
    if (!profile->next())
        return Error::notFound(tr("The profile no longer exists."));
    const QString currency = profile->value(0).toString();
    const QString locale = profile->value(1).toString();

    auto categories = CategoryRepository(database).list(userId);
    if (!categories)
        return categories.error();
    auto budgets = BudgetRepository(database).list(userId);
    if (!budgets)
        return budgets.error();
    auto rules = CategorizationRuleRepository(database).list(userId);
    if (!rules)
        return rules.error();
    LedgerRows rows(transactions, userId);
    auto total = rows.count();
    if (!total)
        return total.error();

    BackupCounts counts;
    ExportOutput out(device);
    const QDateTime time = (exportedAt.isValid() ? exportedAt : QDateTime::currentDateTimeUtc()).toUTC();
    out.write(QByteArrayLiteral("{\"format\":") + jsonString(BackupFormat::name()) + QByteArrayLiteral(",\"version\":")
              + QByteArray::number(BackupFormat::Version) + QByteArrayLiteral(",\"exportedAt\":")
              + jsonString(Sql::isoTimestamp(time)) + QByteArrayLiteral(",\"application\":")
              + jsonString(QStringLiteral("Moniagent ") + QStringLiteral(MONIAGENT_VERSION))
              + QByteArrayLiteral(",\"currency\":") + jsonString(currency) + QByteArrayLiteral(",\"locale\":")
              + jsonString(locale));

    QHash<qint64, QString> categoryUuids;
    {
        ArrayWriter array(out, "categories");
        for (const Category& c : std::as_const(*categories)) {
            categoryUuids.insert(c.id, c.uuid);
            array.add(BackupFormat::category(c));
        }
        array.close();
        counts.categories = categories->size();
    }
    auto invoiceUuids = writeInvoices(out, db, userId, &counts.invoices);
    if (!invoiceUuids)
        return invoiceUuids.error();
    {
        ArrayWriter array(out, "budgets");
        for (const Budget& b : std::as_const(*budgets))
            array.add(BackupFormat::budget(b, b.categoryId ? categoryUuids.value(*b.categoryId) : QString()));
        array.close();
        counts.budgets = budgets->size();
    }
    {
        ArrayWriter array(out, "rules");
        for (const CategorizationRule& r : std::as_const(*rules))
            array.add(BackupFormat::rule(r, categoryUuids.value(r.categoryId)));
        array.close();
        counts.rules = rules->size();
    }
    if (auto flushed = out.flush(); !flushed)
        return flushed.error();

    ArrayWriter array(out, "transactions");
    for (;;) {
        auto page = rows.next();
        if (!page)
            return page.error();
        if (page->isEmpty())
            break;
        for (const Transaction& t : std::as_const(*page)) {
            array.add(BackupFormat::transaction(t, t.categoryId ? categoryUuids.value(*t.categoryId) : QString(),
                                                t.invoiceId ? invoiceUuids->value(*t.invoiceId) : QString()));
        }
        counts.transactions += page->size();
        if (auto flushed = out.flush(); !flushed)
            return flushed.error();
        if (progress && !progress(counts.transactions, *total))
            return ExportOutput::cancelled();
    }
    array.close();
    out.write(QByteArrayLiteral("}\n"));
    if (auto flushed = out.flush(); !flushed)
        return flushed.error();
    return counts;
}

} // namespace Moniagent
