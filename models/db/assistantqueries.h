#pragma once

#include "core/result.h"
#include "core/transaction.h"
#include "core/transactionfilter.h"

#include <QDate>
#include <QList>
#include <QString>

#include <optional>

namespace Moniagent {

class Database;

// How AssistantQueries::totals groups its sums.
enum class AggregateGroup
{
    None,
    Category,
    Merchant,
    Month
};

// One sum of the ledger: a group (a category, a merchant, a month "YYYY-MM" or nothing), a currency and a
// direction.
struct AggregateRow
{
    QString merchant; // AggregateGroup::Merchant
    QString month; // AggregateGroup::Month
    std::optional<qint64> categoryId; // AggregateGroup::Category (empty: uncategorized)
    QString currency;
    TransactionType type = TransactionType::Expense;
    qint64 amountMinor = 0;
    qint64 count = 0;
    friend bool operator==(const AggregateRow&, const AggregateRow&) = default;
};

// The expenses of one merchant in one currency over a window, for finding recurring payments.
struct MerchantCharges
{
    QString merchant;
    QString currency;
    QList<QDate> dates; // oldest first
    QList<qint64> amountsMinor; // in the order of `dates`
};

// The SQL behind the assistant's read-only tools: sums grouped by category, merchant or month and the charges of
// merchants that are paid repeatedly. Every statement is scoped to one user and parameterized. Whole months come
// from the monthly summary (transaction_totals) where the filter allows it, days from the ledger's date index, so
// the cost follows the period asked about, not the size of the ledger. Merchants are not in the summary: their rows
// are read straight from SQLite (RawQuery) and grouped in a hash table, which is several times faster than a GROUP BY
// on the name. Stateless and thread-safe (each call uses the calling thread's connection).
class AssistantQueries
{
public:
    explicit AssistantQueries(Database* database);

    // Sums per group, currency and direction of the rows matching `filter` (dates, categories, type, search).
    // Rows are in no particular order; groups without rows are left out.
    Result<QList<AggregateRow>> totals(qint64 userId, const TransactionFilter& filter, AggregateGroup group) const;
    // Up to `limit` rows matching `filter`: the largest amounts first (then the earlier, then by id), or the newest
    // first.
    Result<QList<Transaction>> transactions(qint64 userId, const TransactionFilter& filter, bool largestFirst,
                                            int limit) const;
    // Merchants with between `minCount` and `maxCount` expenses (per currency) within `range`, with their dates and
    // amounts. Merchants are told apart by their exact name.
    Result<QList<MerchantCharges>> repeatedCharges(qint64 userId, const DateRange& range, int minCount,
                                                   int maxCount) const;

private:
    Database* m_database;
};

} // namespace Moniagent
