#include "receiptservice.h"

#include "categorize/merchantnormalizer.h"
#include "db/database.h"
#include "db/invoicerepository.h"
#include "db/sqltransaction.h"
#include "db/transactionrepository.h"
#include "receiptsplit.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QMimeDatabase>

namespace Moniagent {

ReceiptService::ReceiptService(Database* database, InvoiceRepository* invoices, TransactionRepository* transactions)
    : m_database(database)
    , m_invoices(invoices)
    , m_transactions(transactions)
    , m_files(ReceiptFileStore::beside(*database))
{ }

Result<ReceiptService::Stored> ReceiptService::store(qint64 userId, const QString& path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return Error::notFound(tr("“%1” does not exist.").arg(info.fileName()), path);
    if (!info.isFile())
        return Error::invalidInput(tr("“%1” is not a file.").arg(info.fileName()), path);
    if (info.size() == 0)
        return Error::invalidInput(tr("“%1” is empty.").arg(info.fileName()), path);
    auto digest = ReceiptFileStore::sha256(path);
    if (!digest)
        return digest.error();
    auto existing = m_invoices->findBySha256(userId, *digest);
    if (!existing)
        return existing.error();
    if (existing->has_value())
        return Stored {**existing, true};
    auto storedPath = m_files.store(userId, path, *digest);
    if (!storedPath)
        return storedPath.error();
    Invoice invoice;
    invoice.userId = userId;
    invoice.filename = info.fileName();
    invoice.filePath = *storedPath;
    invoice.sha256 = *digest;
    invoice.mimeType = QMimeDatabase().mimeTypeForFile(path, QMimeDatabase::MatchContent).name();
    invoice.status = InvoiceStatus::Pending;
    auto id = m_invoices->add(userId, invoice);
    if (!id) {
        // Another worker stored the same file a moment ago.
        if (id.error().code == Error::Code::Conflict) {
            auto again = m_invoices->findBySha256(userId, *digest);
            if (again && again->has_value())
                return Stored {**again, true};
        }
        return id.error();
    }
    auto added = m_invoices->find(userId, *id);
    if (!added)
        return added.error();
    return Stored {*added, false};
}

Result<Invoice> ReceiptService::saveReading(qint64 userId, qint64 invoiceId, const ReceiptReading& reading)
{
    auto found = m_invoices->find(userId, invoiceId);
    if (!found)
        return found.error();
    Invoice invoice = *found;
    const ReceiptDraft& draft = reading.draft;
    invoice.storeName = draft.merchant.left(200);
    invoice.date = draft.date;
    const Currency currency = draft.currency;
    invoice.total = draft.totalMinor && currency.isValid() && *draft.totalMinor >= 0
        ? std::optional<Money>(Money(*draft.totalMinor, currency))
        : std::nullopt;
    invoice.tax = draft.taxMinor && currency.isValid() && *draft.taxMinor >= 0
        ? std::optional<Money>(Money(*draft.taxMinor, currency))
        : std::nullopt;
    invoice.extractedData = reading.extractedData();
    // Reading a processed receipt again refreshes what was read; its expenses stay as accepted.
    if (invoice.status != InvoiceStatus::Processed)
        invoice.status = InvoiceStatus::Pending;
    invoice.error.clear();
    auto updated = m_invoices->update(userId, invoice);
    if (!updated)
        return updated.error();
    return invoice;
}

Result<void> ReceiptService::markFailed(qint64 userId, qint64 invoiceId, const QString& reason)
{
    return m_invoices->setStatus(userId, invoiceId, InvoiceStatus::Failed, reason.left(1000));
}

ReceiptDraft ReceiptService::draftOf(const Invoice& invoice)
{
    if (auto reading = ReceiptReading::fromExtractedData(invoice.extractedData))
        return reading->draft;
    ReceiptDraft draft;
    draft.merchant = invoice.storeName;
    draft.date = invoice.date;
    if (invoice.total) {
        draft.totalMinor = invoice.total->minor();
        draft.currency = invoice.total->currency();
    }
    if (invoice.tax)
        draft.taxMinor = invoice.tax->minor();
    return draft;
}

std::optional<ReceiptAcceptance> ReceiptService::acceptanceFrom(const Invoice& invoice, const ReceiptDraft& draft,
                                                                const Currency& fallback)
{
    if (!draft.totalMinor || *draft.totalMinor <= 0 || !draft.date.isValid())
        return std::nullopt;
    const Currency currency = draft.currency.isValid() ? draft.currency : fallback;
    ReceiptAcceptance acceptance;
    acceptance.invoiceId = invoice.id;
    acceptance.merchant = draft.merchant.isEmpty() ? QFileInfo(invoice.filename).completeBaseName() : draft.merchant;
    acceptance.date = draft.date;
    acceptance.total = Money(*draft.totalMinor, currency);
    if (draft.taxMinor && *draft.taxMinor >= 0)
        acceptance.tax = Money(*draft.taxMinor, currency);
    acceptance.paymentMethod = draft.paymentMethod;
    for (const ReceiptItem& item : draft.items)
        acceptance.items.append({item.description, item.amountMinor, std::nullopt});
    return acceptance;
}

Result<std::optional<Transaction>> ReceiptService::findSimilar(qint64 userId, const ReceiptAcceptance& acceptance) const
{
    TransactionFilter filter;
    filter.dates = {acceptance.date, acceptance.date};
    filter.type = TransactionType::Expense;
    auto sameDay = m_transactions->list(userId, filter, {}, 500);
    if (!sameDay)
        return sameDay.error();
    const QString merchant = MerchantNormalizer::normalize(acceptance.merchant);
    for (const Transaction& t : std::as_const(*sameDay)) {
        if (t.amount != acceptance.total || (acceptance.invoiceId != 0 && t.invoiceId == acceptance.invoiceId))
            continue;
        const QString other = MerchantNormalizer::normalize(t.merchant);
        if (merchant.isEmpty() || other.isEmpty() || merchant == other || merchant.contains(other)
            || other.contains(merchant))
            return std::optional<Transaction>(t);
    }
    return std::optional<Transaction>();
}

Result<QList<qint64>> ReceiptService::accept(qint64 userId, const ReceiptAcceptance& acceptance, bool confirmed)
{
    auto found = m_invoices->find(userId, acceptance.invoiceId);
    if (!found)
        return found.error();
    Invoice invoice = *found;
    if (invoice.status == InvoiceStatus::Processed)
        return Error::conflict(tr("“%1” was already accepted; its expenses are in the ledger.").arg(invoice.filename));
    if (acceptance.merchant.trimmed().isEmpty())
        return Error::invalidInput(tr("Enter the merchant of the receipt."));
    if (!acceptance.date.isValid())
        return Error::invalidInput(tr("Enter the date of the receipt."));
    if (!acceptance.total.isValid() || acceptance.total.minor() <= 0)
        return Error::invalidInput(tr("Enter the total of the receipt; it must be more than zero."));
    if (acceptance.tax && acceptance.tax->currency() != acceptance.total.currency())
        return Error::invalidInput(tr("The total and the tax must be in the same currency."));

    const TransactionSource source
        = invoice.mimeType == QLatin1String("application/pdf") ? TransactionSource::Pdf : TransactionSource::Image;
    QJsonObject metadata {{QStringLiteral("file"), invoice.filename}, {QStringLiteral("sha256"), invoice.sha256}};
    if (!acceptance.paymentMethod.isEmpty())
        metadata.insert(QStringLiteral("payment"), acceptance.paymentMethod);
    if (acceptance.tax)
        metadata.insert(QStringLiteral("taxMinor"), acceptance.tax->minor());

    const QList<ReceiptExpense> parts = ReceiptSplit::expenses(acceptance);
    QList<Transaction> rows;
    for (const ReceiptExpense& part : parts) {
        Transaction t;
        t.userId = userId;
        t.type = TransactionType::Expense;
        t.amount = part.amount;
        t.occurredOn = acceptance.date;
        t.merchant = acceptance.merchant.trimmed();
        t.description = part.descriptions.join(QStringLiteral(", ")).left(500);
        t.notes = acceptance.notes;
        t.categoryId = part.categoryId;
        t.invoiceId = invoice.id;
        t.source = source;
        t.sourceMetadata = metadata;
        if (parts.size() > 1)
            t.sourceMetadata.insert(QStringLiteral("split"),
                                    QStringLiteral("%1/%2").arg(rows.size() + 1).arg(parts.size()));
        t.confirmedByUser = confirmed && part.categoryId.has_value();
        if (confirmed && part.categoryId)
            t.categorizedBy = CategorizedBy::User;
        rows.append(t);
    }

    SqlTransaction sqlTransaction(m_database->connection());
    if (!sqlTransaction.isActive())
        return sqlTransaction.error();
    invoice.storeName = acceptance.merchant.trimmed().left(200);
    invoice.date = acceptance.date;
    invoice.total = acceptance.total;
    invoice.tax = acceptance.tax;
    invoice.status = InvoiceStatus::Processed;
    invoice.error.clear();
    auto updated = m_invoices->update(userId, invoice);
    if (!updated)
        return updated.error();
    QList<qint64> ids;
    for (const Transaction& row : std::as_const(rows)) {
        auto id = m_transactions->add(userId, row);
        if (!id)
            return id.error();
        ids.append(*id);
    }
    auto committed = sqlTransaction.commit();
    if (!committed)
        return committed.error();
    return ids;
}

Result<void> ReceiptService::remove(qint64 userId, qint64 invoiceId, bool keepTransactions)
{
    auto found = m_invoices->find(userId, invoiceId);
    if (!found)
        return found.error();
    auto removed = m_invoices->remove(userId, invoiceId, keepTransactions);
    if (!removed)
        return removed.error();
    if (!keepTransactions)
        m_transactions->notifyBulkRemove(userId);
    else
        m_transactions->notifyBulkUpdate(userId);
    // Another profile may hold the same file under its own folder; this profile's copy is its own.
    m_files.remove(found->filePath);
    return {};
}

} // namespace Moniagent
