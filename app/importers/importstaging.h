#pragma once

#include "core/result.h"
#include "core/transaction.h"

#include <QCoreApplication>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QTemporaryDir>

#include <functional>
#include <memory>
#include <optional>

namespace Moniagent {

// What the matcher made of one statement line.
enum class ImportRowStatus
{
    New, // not in the ledger: imported unless the user excludes it
    Duplicate, // already in the ledger (same bank id, or the same line imported before): skipped
    ProbableMatch, // looks like a transaction already in the ledger (a receipt, an email): linked, not added
    Error, // could not be read: skipped, with the reason
};

// One line of an import between reading and applying.
struct StagedRow
{
    qint64 record = 0; // 1-based position in the file
    ImportRowStatus status = ImportRowStatus::New;
    bool included = true; // whether applying writes it (new rows) or links it (probable matches)
    Transaction transaction; // as it would be written: direction, amount, date, texts, category, external id
    QString error; // Error rows: the reader's message
    std::optional<qint64> matchId; // Duplicate / ProbableMatch: the ledger row it matches
    QString matchText; // that row, described ("12/03/2025 · Tesco · −12.30 € · receipt")
};

struct ImportCounts
{
    qint64 total = 0;
    qint64 fresh = 0; // ImportRowStatus::New
    qint64 duplicates = 0;
    qint64 probable = 0;
    qint64 errors = 0;
    qint64 included = 0; // rows that applying will write or link
    qint64 includedNew = 0; // of those, the new rows applying will write
};

// The rows of one import while the user looks at them: a private temporary SQLite file, so that the preview of
// a million-row statement pages like the ledger instead of living in memory. Rows are appended once (by the
// reading thread), then read page by page and edited (included, category) from any thread: each thread gets
// its own connection. The file is removed with the object.
class ImportStaging
{
    Q_DECLARE_TR_FUNCTIONS(Moniagent::ImportStaging)

public:
    static Result<std::shared_ptr<ImportStaging>> create();
    ~ImportStaging();
    ImportStaging(const ImportStaging&) = delete;
    ImportStaging& operator=(const ImportStaging&) = delete;

    // Writing: begin(), append() chunks in file order, commit().
    Result<void> begin();
    Result<void> append(const QList<StagedRow>& rows);
    Result<void> commit();

    // Rows in file order; `status` limits them to one kind.
    Result<QList<StagedRow>> page(qint64 offset, int limit, std::optional<ImportRowStatus> status = {}) const;
    Result<qint64> count(std::optional<ImportRowStatus> status = {}) const;
    Result<ImportCounts> counts() const;
    // The earliest and latest date of the readable rows (null dates when there are none).
    Result<std::pair<QDate, QDate>> dateRange() const;
    // Net sum of the included rows per currency, in minor units (money in minus money out).
    Result<QList<std::pair<QString, qint64>>> includedNet() const;

    Result<void> setIncluded(const QList<qint64>& records, bool included);
    // Includes or excludes every choosable row (new rows, probable matches), or those of one status.
    Result<void> setAllIncluded(std::optional<ImportRowStatus> status, bool included);
    Result<void> setCategory(const QList<qint64>& records, std::optional<qint64> categoryId);

    // The included rows of one status, in file order, `chunk` at a time; `visit` returning an error stops.
    Result<void> forEachIncluded(ImportRowStatus status, int chunk,
                                 const std::function<Result<void>(const QList<StagedRow>&)>& visit) const;

private:
    ImportStaging() = default;
    QSqlDatabase connection() const;

    QTemporaryDir m_dir;
    QString m_path;
    QString m_prefix;
    mutable QStringList m_connectionNames;
    std::unique_ptr<class SqlTransaction> m_writing;
};

} // namespace Moniagent
