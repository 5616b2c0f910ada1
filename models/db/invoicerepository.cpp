#include "invoicerepository.h"

#include "database.h"
#include "sql.h"
#include "sqltransaction.h"

#include <QJsonDocument>

namespace Moniagent {

namespace {

constexpr int MaxTextLength = 4096;

const QString Columns
    = QStringLiteral("id, uuid, user_id, filename, file_path, sha256, mime_type, store_name, date, total_minor, "
                     "tax_minor, currency, extracted_data, status, error, created_at, updated_at");

QString json(const QJsonObject& object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

std::optional<Money> readMoney(const QVariant& minor, const Currency& currency)
{
    if (minor.isNull())
        return std::nullopt;
    return Money(minor.toLongLong(), currency);
}

Invoice read(const QSqlQuery& q)
{
    Invoice i;
    i.id = q.value(0).toLongLong();
    i.uuid = q.value(1).toString();
    i.userId = q.value(2).toLongLong();
    i.filename = q.value(3).toString();
    i.filePath = q.value(4).toString();
    i.sha256 = q.value(5).toString();
    i.mimeType = q.value(6).toString();
    i.storeName = q.value(7).toString();
    i.date = Sql::parseIsoDate(q.value(8));
    const Currency currency = Currency::fromCode(q.value(11).toString());
    i.total = readMoney(q.value(9), currency);
    i.tax = readMoney(q.value(10), currency);
    i.extractedData = QJsonDocument::fromJson(q.value(12).toString().toUtf8()).object();
    i.status = InvoiceEnums::statusFromKey(q.value(13).toString()).value_or(InvoiceStatus::Pending);
    i.error = q.value(14).toString();
    i.createdAt = Sql::parseIsoTimestamp(q.value(15));
    i.updatedAt = Sql::parseIsoTimestamp(q.value(16));
    return i;
}

bool isSha256(const QString& text)
{
    if (text.size() != 64)
        return false;
    for (QChar c : text) {
        if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f')))
            return false;
    }
    return true;
}

// The currency column: the amounts' currency, or NULL when the document showed no amount.
QVariant currencyOf(const Invoice& invoice)
{
    if (invoice.total)
        return invoice.total->currency().code();
    if (invoice.tax)
        return invoice.tax->currency().code();
    return {};
}

QVariant minorOf(const std::optional<Money>& money)
{
    return money ? QVariant(money->minor()) : QVariant();
}

} // namespace

InvoiceRepository::InvoiceRepository(Database* database, QObject* parent)
    : QObject(parent)
    , m_database(database)
{ }

Result<void> InvoiceRepository::validate(const Invoice& invoice)
{
    if (invoice.filePath.isEmpty())
        return Error::invalidInput(tr("The stored copy of the file is missing. Import the file again."));
    if (!isSha256(invoice.sha256.toLower()))
        return Error::invalidInput(tr("The file's checksum is not a SHA-256 digest. Import the file again."),
                                   invoice.sha256);
    return validateFields(invoice);
}

Result<void> InvoiceRepository::validateFields(const Invoice& invoice)
{
    if (invoice.filename.trimmed().isEmpty())
        return Error::invalidInput(tr("The file has no name. Enter a name for the receipt."));
    if (invoice.date.isValid() && (invoice.date.year() < 1900 || invoice.date.year() > 9999))
        return Error::invalidInput(tr("The date %1 is out of range.").arg(invoice.date.toString(Qt::ISODate)));
    for (const auto& amount : {invoice.total, invoice.tax}) {
        if (!amount)
            continue;
        if (!amount->isValid())
            return Error::invalidInput(tr("Choose a currency for the receipt's amounts."));
        if (amount->isNegative())
            return Error::invalidInput(tr("The receipt's total and tax cannot be negative."));
    }
    if (invoice.total && invoice.tax && invoice.total->currency() != invoice.tax->currency())
        return Error::invalidInput(tr("The total and the tax must be in the same currency."));
    if (InvoiceEnums::key(invoice.status).isEmpty())
        return Error::invalidInput(tr("The receipt has an unknown status."));
    if (invoice.filename.size() > MaxTextLength || invoice.storeName.size() > MaxTextLength
        || invoice.error.size() > MaxTextLength)
        return Error::invalidInput(tr("The text is too long (at most %1 characters per field).").arg(MaxTextLength));
    return {};
}

Result<qint64> InvoiceRepository::add(qint64 userId, Invoice invoice)
{
    invoice.sha256 = invoice.sha256.toLower();
    auto valid = validate(invoice);
    if (!valid)
        return valid.error();
    auto result = Sql::exec(
        m_database->connection(),
        QStringLiteral("INSERT INTO invoices (uuid, user_id, filename, file_path, sha256, mime_type, store_name, "
                       "date, total_minor, tax_minor, currency, extracted_data, status, error) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {invoice.uuid.isEmpty() ? Sql::newUuid() : invoice.uuid, userId, invoice.filename.trimmed(), invoice.filePath,
         invoice.sha256, invoice.mimeType, Sql::nullableText(invoice.storeName.trimmed()),
         Sql::nullableText(Sql::isoDate(invoice.date)), minorOf(invoice.total), minorOf(invoice.tax),
         currencyOf(invoice), json(invoice.extractedData), InvoiceEnums::key(invoice.status),
         Sql::nullableText(invoice.error)});
    if (!result) {
        if (result.error().detail.contains(QLatin1String("invoices.sha256"))) {
            auto existing = findBySha256(userId, invoice.sha256);
            const QString name = existing && existing->has_value() ? (*existing)->filename : invoice.filename;
            return Error::conflict(tr("This file was already imported as “%1”.").arg(name), result.error().detail);
        }
        return result.error();
    }
    const qint64 id = result->lastInsertId().toLongLong();
    Q_EMIT changed(userId);
    return id;
}

Result<void> InvoiceRepository::update(qint64 userId, const Invoice& invoice)
{
    auto valid = validateFields(invoice);
    if (!valid)
        return valid.error();
    auto result = Sql::exec(
        m_database->connection(),
        QStringLiteral("UPDATE invoices SET filename = ?, mime_type = ?, store_name = ?, date = ?, total_minor = ?, "
                       "tax_minor = ?, currency = ?, extracted_data = ?, status = ?, error = ?, "
                       "updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ? AND user_id = ?"),
        {invoice.filename.trimmed(), invoice.mimeType, Sql::nullableText(invoice.storeName.trimmed()),
         Sql::nullableText(Sql::isoDate(invoice.date)), minorOf(invoice.total), minorOf(invoice.tax),
         currencyOf(invoice), json(invoice.extractedData), InvoiceEnums::key(invoice.status),
         Sql::nullableText(invoice.error), invoice.id, userId});
    if (!result)
        return result.error();
    if (result->numRowsAffected() == 0)
        return Error::notFound(tr("The receipt no longer exists."));
    Q_EMIT changed(userId);
    return {};
}

Result<void> InvoiceRepository::setStatus(qint64 userId, qint64 id, InvoiceStatus status, const QString& error)
{
    if (InvoiceEnums::key(status).isEmpty())
        return Error::invalidInput(tr("The receipt has an unknown status."));
    auto result = Sql::exec(m_database->connection(),
                            QStringLiteral("UPDATE invoices SET status = ?, error = ?, "
                                           "updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') "
                                           "WHERE id = ? AND user_id = ?"),
                            {InvoiceEnums::key(status), Sql::nullableText(error), id, userId});
    if (!result)
        return result.error();
    if (result->numRowsAffected() == 0)
        return Error::notFound(tr("The receipt no longer exists."));
    Q_EMIT changed(userId);
    return {};
}

Result<void> InvoiceRepository::remove(qint64 userId, qint64 id, bool keepTransactions)
{
    QSqlDatabase db = m_database->connection();
    SqlTransaction transaction(db);
    if (!transaction.isActive())
        return transaction.error();
    auto exists
        = Sql::scalar(db, QStringLiteral("SELECT count(*) FROM invoices WHERE id = ? AND user_id = ?"), {id, userId});
    if (!exists)
        return exists.error();
    if (exists->toLongLong() == 0)
        return Error::notFound(tr("The receipt no longer exists."));
    if (!keepTransactions) {
        // Before the invoice: deleting it first would unlink them (ON DELETE SET NULL).
        auto deleted = Sql::exec(db, QStringLiteral("DELETE FROM transactions WHERE user_id = ? AND invoice_id = ?"),
                                 {userId, id});
        if (!deleted)
            return deleted.error();
    }
    auto removed = Sql::exec(db, QStringLiteral("DELETE FROM invoices WHERE id = ? AND user_id = ?"), {id, userId});
    if (!removed)
        return removed.error();
    auto committed = transaction.commit();
    if (!committed)
        return committed.error();
    Q_EMIT changed(userId);
    return {};
}

Result<Invoice> InvoiceRepository::find(qint64 userId, qint64 id) const
{
    auto query
        = Sql::exec(m_database->connection(),
                    QStringLiteral("SELECT %1 FROM invoices WHERE id = ? AND user_id = ?").arg(Columns), {id, userId});
    if (!query)
        return query.error();
    if (!query->next())
        return Error::notFound(tr("The receipt no longer exists."));
    return read(*query);
}

Result<std::optional<Invoice>> InvoiceRepository::findBySha256(qint64 userId, const QString& sha256) const
{
    auto query = Sql::exec(m_database->connection(),
                           QStringLiteral("SELECT %1 FROM invoices WHERE user_id = ? AND sha256 = ?").arg(Columns),
                           {userId, sha256.toLower()});
    if (!query)
        return query.error();
    if (!query->next())
        return std::optional<Invoice>();
    return std::optional<Invoice>(read(*query));
}

Result<QList<Invoice>> InvoiceRepository::list(qint64 userId, std::optional<InvoiceStatus> status, Detail detail) const
{
    QString columns = Columns;
    if (detail == Detail::WithoutExtractedData)
        columns.replace(QLatin1String("extracted_data"), QLatin1String("NULL"));
    QString sql = QStringLiteral("SELECT %1 FROM invoices WHERE user_id = ?").arg(columns);
    QVariantList params {userId};
    if (status) {
        sql += QStringLiteral(" AND status = ?");
        params << InvoiceEnums::key(*status);
    }
    sql += QStringLiteral(" ORDER BY created_at DESC, id DESC");
    auto query = Sql::exec(m_database->connection(), sql, params);
    if (!query)
        return query.error();
    QList<Invoice> invoices;
    while (query->next())
        invoices << read(*query);
    return invoices;
}

} // namespace Moniagent
