#pragma once

#include "core/result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QIODevice>

#include <functional>

namespace Moniagent {

class TransactionRepository;

// How many records a backup holds, or a restore wrote.
struct BackupCounts
{
    qint64 categories = 0;
    qint64 budgets = 0;
    qint64 rules = 0;
    qint64 invoices = 0;
    qint64 transactions = 0;
    friend bool operator==(const BackupCounts&, const BackupCounts&) = default;
};

// A full backup of one profile as one JSON object, and its restore into an empty profile (any database).
//
// The file: {"format": "moniagent-backup", "version": 1, "exportedAt", "application", "currency", "locale",
// "categories": […], "invoices": […], "budgets": […], "rules": […], "transactions": […]} (see BackupFormat),
// one record per line, written record by record so that a million transactions never sit in memory. Receipts
// are metadata only (file name, stored path, SHA-256, store, date, totals, status), not the files, nor the
// OCR data; emails, feedback, the learned model and the import history are not part of a backup.
//
// Restore needs a seekable device (a file): a first pass checks the whole file (format, version, every record,
// every reference) and a second writes it, all in one SQLite transaction. Nothing is written when anything
// is wrong, the profile already has transactions, or progress cancels. What it does to the profile:
//  - categories, budgets and rules are replaced by the backup's (the profile has no transactions, so nothing
//    refers to them); default categories the backup lacks (one made by an older Moniagent) are kept;
//  - receipts are added, except files the profile already has (same SHA-256), which are kept and linked;
//  - transactions keep their uuids, times and categorizer fields; a uuid already used in this database
//    (a restore into a second profile of the same file) gets a new one;
//  - the profile takes the backup's currency and locale; its learned categorization model is dropped
//    (the categorizer retrains from the restored ledger).
// Afterwards the caller reopens the profile (Session::setUser) so caches and the categorizer reload.
class Backup
{
    Q_DECLARE_TR_FUNCTIONS(Moniagent::Backup)

public:
    // write: transactions written and their total. restore: bytes processed of twice the file size (a checking
    // pass, then the writing pass). Returning false cancels.
    using Progress = std::function<bool(qint64 done, qint64 total)>;

    // Reads in one read transaction (a consistent snapshot) when the calling thread's connection is not
    // already in one; run it on a worker thread for large ledgers. `exportedAt` defaults to now.
    static Result<BackupCounts> write(QIODevice& device, const TransactionRepository* transactions, qint64 userId,
                                      const Progress& progress = {}, const QDateTime& exportedAt = {});
    static Result<BackupCounts> restore(QIODevice& device, TransactionRepository* transactions, qint64 userId,
                                        const Progress& progress = {});
};

} // namespace Moniagent
