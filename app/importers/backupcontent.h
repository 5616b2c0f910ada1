#pragma once

#include "backup.h"
#include "backupformat.h"
#include "jsonobjectreader.h"

#include <QList>
#include <QSet>

#include <optional>

namespace Moniagent {

// Internal to Backup::restore: the checking pass, and what the writing pass shares with it.

// What the checking pass keeps: everything but the transactions, which are only counted.
struct BackupContent
{
    bool hasFormat = false;
    std::optional<qint64> version;
    QString currency;
    QString locale;
    QList<Category> categories;
    QList<Invoice> invoices;
    QList<BackupFormat::BudgetRecord> budgets;
    QList<BackupFormat::RuleRecord> rules;
    qint64 transactions = 0;
    QSet<QString> categoryReferences; // by the transactions
    QSet<QString> invoiceReferences;
};

// Progress over bytes: the checking pass covers the first half, the writing pass the second.
class BackupProgress
{
public:
    BackupProgress(const Backup::Progress& progress, qint64 size)
        : m_progress(progress)
        , m_size(qMax<qint64>(1, size))
    { }
    bool report(int pass, qint64 position) const
    {
        return !m_progress || m_progress(qMin(position, m_size) + (pass == 2 ? m_size : 0), 2 * m_size);
    }

private:
    const Backup::Progress& m_progress;
    qint64 m_size;
};

class BackupContentReader
{
public:
    static constexpr int ProgressEvery = 1000;

    // Reads and checks every record of the file; the transactions are counted, not kept.
    static Result<BackupContent> read(QIODevice& device, const BackupProgress& progress);
    // The references between the records, and what the database's unique keys would refuse.
    static Result<void> check(const BackupContent& content);

    static Error damaged(const QString& message) { return {Error::Code::Corrupt, message, {}}; }
    static Error cancelled() { return Error::cancelled(Backup::tr("The restore was cancelled; nothing was changed.")); }

    // Calls `read(element, number)` for each element of the array member the reader is at; a member that is
    // not an array is damage. Reports progress every ProgressEvery elements.
    template <typename Read>
    static Result<void> forEachElement(JsonObjectReader& reader, const QString& key, const BackupProgress& progress,
                                       int pass, Read read)
    {
        auto isArray = reader.enterArray();
        if (!isArray)
            return isArray.error();
        if (!*isArray)
            return damaged(Backup::tr("The backup is damaged: “%1” is not a list.").arg(key));
        for (qint64 number = 1;; ++number) {
            auto element = reader.nextElement();
            if (!element)
                return element.error();
            if (!*element)
                return {};
            auto done = read(**element, number);
            if (!done)
                return done;
            if (number % ProgressEvery == 0 && !progress.report(pass, reader.position()))
                return cancelled();
        }
    }
};

} // namespace Moniagent
