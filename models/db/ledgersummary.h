#pragma once

#include "core/result.h"
#include "core/transactionfilter.h"

#include <QSqlDatabase>

namespace Moniagent {

// Row counts and totals of the ledger from the monthly summary (table transaction_totals, schema version 3)
// instead of the transactions themselves: whole months come from the summary, the partial months at the
// edges of a date range from the ledger's date index. Exact, and independent of the ledger's size.
// Filters on text, source or review state are not in the summary; covers() tells whether it can answer.
class LedgerSummary
{
public:
    static bool covers(const TransactionFilter& filter);

    static Result<qint64> count(const QSqlDatabase& db, qint64 userId, const TransactionFilter& filter);
    static Result<LedgerTotals> totals(const QSqlDatabase& db, qint64 userId, const TransactionFilter& filter);

    // A date range as whole months ("YYYY-MM", inclusive; empty when there are none) and leftover days.
    struct Split
    {
        QString firstMonth;
        QString lastMonth;
        QList<DateRange> partial;
    };
    static Split split(const DateRange& range);
};

} // namespace Moniagent
