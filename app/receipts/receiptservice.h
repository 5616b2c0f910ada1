#pragma once

#include "core/invoice.h"
#include "core/result.h"
#include "core/transaction.h"
#include "receiptacceptance.h"
#include "receiptfilestore.h"
#include "receiptreader.h"

#include <QCoreApplication>

namespace Moniagent {

class Database;
class InvoiceRepository;
class TransactionRepository;

// Turns receipt files into invoices and expenses for one database (DESIGN.md §4, receipt capture): keeps the
// original (by SHA-256, once), records what was read, and creates the transactions the user accepted. Every
// method takes the user it acts for. store(), saveReading() and markFailed() may run on worker threads (each
// thread uses its own connection); accept() and remove() belong to the thread that owns the repositories.
class ReceiptService
{
    Q_DECLARE_TR_FUNCTIONS(ReceiptService)
public:
    ReceiptService(Database* database, InvoiceRepository* invoices, TransactionRepository* transactions);

    InvoiceRepository* invoices() const { return m_invoices; }
    const ReceiptFileStore& files() const { return m_files; }

    struct Stored
    {
        Invoice invoice;
        bool alreadyImported = false; // the same file (SHA-256) was imported before: `invoice` is that one
    };
    // Copies the file into the store and adds a pending invoice for it; the same file again gives the existing
    // invoice. An empty or unreadable file is refused before anything is written.
    Result<Stored> store(qint64 userId, const QString& path);

    // Records what was read: the fields on the invoice and everything in extracted_data. The invoice stays
    // pending (waiting for the user's review).
    Result<Invoice> saveReading(qint64 userId, qint64 invoiceId, const ReceiptReading& reading);
    // The file could not be read: the invoice becomes failed with `reason`.
    Result<void> markFailed(qint64 userId, qint64 invoiceId, const QString& reason);

    // What the review starts from for a read invoice (its stored draft; empty fields when it was not read).
    static ReceiptDraft draftOf(const Invoice& invoice);
    // The acceptance a draft gives without review (the command line's import): one expense for the total.
    static std::optional<ReceiptAcceptance> acceptanceFrom(const Invoice& invoice, const ReceiptDraft& draft,
                                                           const Currency& fallback);

    // An expense already in the ledger with the same total on the same day from the same merchant, or nothing:
    // before accepting, the user is asked whether it is the same purchase.
    Result<std::optional<Transaction>> findSimilar(qint64 userId, const ReceiptAcceptance& acceptance) const;

    // Creates the expense(s) for a reviewed receipt in one SQLite transaction (source image or pdf, linked to the
    // invoice, confirmed by the user unless `confirmed` is false) and marks the invoice processed with the
    // accepted fields. Returns the new transaction ids.
    Result<QList<qint64>> accept(qint64 userId, const ReceiptAcceptance& acceptance, bool confirmed = true);

    // Deletes the invoice (its expenses too unless `keepTransactions`) and its stored copy.
    Result<void> remove(qint64 userId, qint64 invoiceId, bool keepTransactions);

private:
    Database* m_database;
    InvoiceRepository* m_invoices;
    TransactionRepository* m_transactions;
    ReceiptFileStore m_files;
};

} // namespace Moniagent
