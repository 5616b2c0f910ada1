#pragma once

#include "core/daterange.h"
#include "core/result.h"
#include "core/transaction.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>

#include <functional>

namespace Moniagent {

class Database;

// Realistic demo data: a household's ledger over several years, for "Explore with demo data" and for
// benchmarks (`moniagent demo --transactions 1000000`). A persona earns a monthly salary and pays rent
// or a mortgage, bills and subscriptions on fixed days, shops for groceries at a few favourite stores,
// eats out, travels a few times a year, buys more gifts in December and heats more in winter. Every
// default category gets rows; about 5 % wait in the review queue with a model's suggestion and about
// 1 % are uncategorized. Every row carries source_metadata {"demo": true}.
//
// The output depends only on the options: the same seed gives the same rows (dates, merchants,
// amounts, categories) on every platform. Uuids are random but time-ordered by the row's date (version 7),
// so a big demo appends to the uuid index. The clock is never read: the caller says what "today" is. Larger ledgers
// keep the same mix at higher frequencies, as if a busy small-business owner's accounts were combined, and still span
// the chosen years.
class DemoGenerator
{
    Q_DECLARE_TR_FUNCTIONS(Moniagent::DemoGenerator)
public:
    static constexpr qint64 MaxTransactions = 50'000'000;

    struct Options
    {
        qint64 transactions = 7500; // exactly this many rows
        quint64 seed = 1;
        QDate endDate; // "today": no row is later; required
        int years = 0; // how many years back the ledger reaches; 0: derived from `transactions` (3 to 12)
        QString currency = QStringLiteral("EUR"); // the profile's base currency
        int chunkSize = 20'000; // rows generated and written at a time
    };

    // Rows done so far and the total; return false to cancel (nothing is kept).
    using Progress = std::function<bool(qint64 done, qint64 total)>;
    // Receives the rows chunk by chunk, in date order; an error stops the generation and is returned.
    using Sink = std::function<Result<void>(const QList<Transaction>& chunk)>;

    static Result<void> validate(const Options& options);
    // The number of years the ledger spans: options.years, or 3 for small ledgers up to 12 for huge ones.
    static int effectiveYears(const Options& options);
    // The dates the rows fall in: from the first day of the month `years` back, to the end date.
    static DateRange dateRange(const Options& options);

    // Adds the demo ledger to the user's profile in one SQLite transaction: all or nothing. Categories are
    // matched to the profile's default categories by their system keys. Returns the number of rows added.
    // Uses the calling thread's connection and its own repositories: views of the ledger reload afterwards.
    static Result<qint64> populate(Database* database, qint64 userId, const Options& options,
                                   const Progress& progress = {});

    // Generates the rows without a database. `categoryIds` maps default categories' system keys
    // (English names) to the ids to use; rows of a missing category are left uncategorized.
    static Result<qint64> generate(const Options& options, const QHash<QString, qint64>& categoryIds, const Sink& sink);
};

} // namespace Moniagent
