#pragma once

#include "core/invoice.h"
#include "core/result.h"

#include <QObject>

#include <optional>

namespace Moniagent {

class Database;

// The receipt and invoice files of one user. Every method takes the id of the user it acts for and never
// reads or changes another user's rows. Keeps no state and uses the calling thread's connection.
class InvoiceRepository : public QObject
{
    Q_OBJECT
public:
    explicit InvoiceRepository(Database* database, QObject* parent = nullptr);

    // Checks an invoice before it is written; the message says what to fix.
    static Result<void> validate(const Invoice& invoice);
    // The part of validate() that update() checks: everything but the stored file.
    static Result<void> validateFields(const Invoice& invoice);

    // Adds a new file. A file with the same SHA-256 as one the user already has is refused (Conflict).
    Result<qint64> add(qint64 userId, Invoice invoice);
    // Writes the fields read from the document (file name, type, store, date, amounts, extracted data) and
    // the status and error. The stored file (path, SHA-256) and the uuid never change.
    Result<void> update(qint64 userId, const Invoice& invoice);
    Result<void> setStatus(qint64 userId, qint64 id, InvoiceStatus status, const QString& error = {});
    // Deletes the invoice. With `keepTransactions` its transactions stay in the ledger, unlinked; without,
    // they are deleted with it, in the same SQLite transaction. Emits changed(); the ledger must refresh
    // too when transactions were deleted.
    Result<void> remove(qint64 userId, qint64 id, bool keepTransactions);

    Result<Invoice> find(qint64 userId, qint64 id) const;
    // The user's invoice for a file digest, or nothing: how the capture pipeline spots a duplicate.
    Result<std::optional<Invoice>> findBySha256(qint64 userId, const QString& sha256) const;
    // Lists leave out the OCR data (large) when asked to.
    enum class Detail
    {
        WithExtractedData,
        WithoutExtractedData,
    };
    // Newest first; only those with `status` when given.
    Result<QList<Invoice>> list(qint64 userId, std::optional<InvoiceStatus> status = std::nullopt,
                                Detail detail = Detail::WithExtractedData) const;

Q_SIGNALS:
    void changed(qint64 userId);

private:
    Database* m_database;
};

} // namespace Moniagent
