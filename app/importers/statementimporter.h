#pragma once

#include "core/statementimport.h"
#include "importstaging.h"
#include "statement.h"
#include "statementmatcher.h"

#include <QCoreApplication>
#include <QString>

#include <functional>
#include <memory>

namespace Moniagent {

class CategoryRepository;
class StatementImportRepository;
class TransactionRepository;

// A statement to import: its name, the checksum of its bytes, its format, and how to read it.
struct ImportSource
{
    QString fileName; // shown and stored; no path
    QString sha256; // hex
    StatementFormat format = StatementFormat::Unknown;
    std::function<Result<StatementInfo>(const StatementReadOptions& options, const StatementSink& sink)> read;
};

// What an import would do, for the user to look at and adjust before anything is written.
struct ImportPreview
{
    QString uuid; // the import's id, written with its rows
    QString fileName;
    QString sha256;
    StatementFormat format = StatementFormat::Unknown;
    StatementInfo info;
    ImportCounts counts;
    QDate from;
    QDate to;
    std::optional<StatementImport> earlierImport; // the same file imported before and not undone
    std::shared_ptr<ImportStaging> staging;
};

struct ImportResult
{
    qint64 importId = 0;
    qint64 added = 0;
    qint64 linked = 0;
};

// Statement import after parsing (DESIGN.md §4, STYLE.md habit 6): read → match → preview → apply in one
// transaction. preview() reads the file once into a staging file, turning each line into the transaction it
// would become (categorized by the file's own category when it names one of the user's categories, else by the
// categorizer) and matching it against the ledger; apply() writes the included new rows and links the included
// probable matches, with the history entry, all or nothing; undo() takes an import back out.
// Runs on any thread (each uses its own connection); preview() and apply() take seconds for big files, so the
// window calls them on a worker thread.
class StatementImporter
{
    Q_DECLARE_TR_FUNCTIONS(Moniagent::StatementImporter)

public:
    // Rows done so far and the total (-1 while unknown); return false to cancel.
    using Progress = std::function<bool(qint64 done, qint64 total)>;

    StatementImporter(TransactionRepository* transactions, CategoryRepository* categories,
                      StatementImportRepository* history, qint64 userId);

    void setMatchOptions(StatementMatcher::Options options) { m_matchOptions = options; }

    Result<ImportPreview> preview(const ImportSource& source, const StatementReadOptions& options,
                                  const Progress& progress = {}) const;
    Result<ImportResult> apply(const ImportPreview& preview, const Progress& progress = {});
    // Applies an undone import's preview again (redo), under the same import id.
    Result<ImportResult> redo(qint64 importId, const ImportPreview& preview, const Progress& progress = {});
    // Deletes the rows an import wrote and unlinks the lines it joined to existing rows; returns the rows
    // deleted. The history keeps the import, marked undone.
    Result<qint64> undo(qint64 importId);

    // The transaction a statement line becomes (before categorization and matching); `occurrence` counts
    // identical lines earlier in the same file so that their computed ids differ.
    static Transaction toTransaction(const StatementLine& line, const StatementInfo& info, int occurrence);
    // A stable id for a line without a bank id: a hash of account, date, amount, texts and occurrence.
    static QString computedExternalId(const StatementLine& line, const StatementInfo& info, int occurrence);
    static QString formatKey(StatementFormat format);

private:
    Result<ImportResult> write(const ImportPreview& preview, const Progress& progress, std::optional<qint64> redoId);

    TransactionRepository* m_transactions;
    CategoryRepository* m_categories;
    StatementImportRepository* m_history;
    qint64 m_userId;
    StatementMatcher::Options m_matchOptions;
};

} // namespace Moniagent
