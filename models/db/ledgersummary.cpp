#include "ledgersummary.h"

#include "sql.h"
#include "transactionquery.h"

#include <QMap>

#include <algorithm>

namespace Moniagent {

namespace {

QString monthOf(QDate date)
{
    return date.toString(QStringLiteral("yyyy-MM"));
}

QDate monthEnd(QDate date)
{
    return QDate(date.year(), date.month(), date.daysInMonth());
}

// Sums per (currency, type) from the summary for the whole months, plus the ledger for the partial ones.
Result<QMap<std::pair<QString, QString>, std::pair<qint64, qint64>>> collect(const QSqlDatabase& db, qint64 userId,
                                                                             const TransactionFilter& filter)
{
    QMap<std::pair<QString, QString>, std::pair<qint64, qint64>> sums;
    const LedgerSummary::Split split = LedgerSummary::split(filter.dates);
    if (!split.firstMonth.isEmpty()) {
        QString sql = QStringLiteral("SELECT currency, type, sum(amount_minor), sum(row_count) FROM transaction_totals "
                                     "WHERE user_id = ? AND month BETWEEN ? AND ?");
        QVariantList params {userId, split.firstMonth, split.lastMonth};
        if (filter.hasCategoryFilter()) {
            QList<qint64> keys; // 0 means "uncategorized" in the summary, so only real ids go in
            for (qint64 id : filter.categoryIds) {
                if (id > 0)
                    keys << id;
            }
            if (filter.uncategorized)
                keys << 0;
            if (keys.isEmpty())
                keys << -1; // a filter naming no real category matches nothing
            sql += QStringLiteral(" AND category_key IN (%1)").arg(Sql::placeholders(keys.size()));
            for (qint64 key : std::as_const(keys))
                params << key;
        }
        if (filter.type) {
            sql += QStringLiteral(" AND type = ?");
            params << TransactionEnums::key(*filter.type);
        }
        sql += QStringLiteral(" GROUP BY currency, type");
        auto query = Sql::exec(db, sql, params);
        if (!query)
            return query.error();
        while (query->next()) {
            auto& entry = sums[{query->value(0).toString(), query->value(1).toString()}];
            entry.first += query->value(2).toLongLong();
            entry.second += query->value(3).toLongLong();
        }
    }
    for (const DateRange& range : split.partial) {
        TransactionFilter part = filter;
        part.dates = range;
        const auto [sql, params] = TransactionQuery(userId, part).totalsSql();
        auto query = Sql::exec(db, sql, params);
        if (!query)
            return query.error();
        while (query->next()) {
            auto& entry = sums[{query->value(0).toString(), query->value(1).toString()}];
            entry.first += query->value(2).toLongLong();
            entry.second += query->value(3).toLongLong();
        }
    }
    return sums;
}

} // namespace

bool LedgerSummary::covers(const TransactionFilter& filter)
{
    return filter.search.trimmed().isEmpty() && filter.sources.isEmpty() && !filter.confirmed && !filter.reviewBelow;
}

LedgerSummary::Split LedgerSummary::split(const DateRange& range)
{
    Split split;
    const QDate from = range.from;
    const QDate to = range.to;
    if (from.isValid() && to.isValid() && from > to)
        return split; // an empty range
    // The leading partial month.
    QDate cursor = from; // the first day not yet covered; invalid while the range is open at the start
    if (from.isValid() && from.day() != 1) {
        const QDate end = to.isValid() ? std::min(monthEnd(from), to) : monthEnd(from);
        split.partial.append({from, end});
        cursor = end.addDays(1);
        if (to.isValid() && cursor > to)
            return split;
    }
    // The trailing partial month; `cursor` is now a first of the month (or open), before `to`'s month.
    QDate last = to; // the last day of the whole months; invalid while open at the end
    if (to.isValid() && to != monthEnd(to)) {
        const QDate start(to.year(), to.month(), 1);
        split.partial.append({start, to});
        last = start.addDays(-1);
    }
    if (!cursor.isValid() || !last.isValid() || cursor <= last) {
        split.firstMonth = cursor.isValid() ? monthOf(cursor) : QStringLiteral("0000-00");
        split.lastMonth = last.isValid() ? monthOf(last) : QStringLiteral("9999-99");
    }
    return split;
}

Result<qint64> LedgerSummary::count(const QSqlDatabase& db, qint64 userId, const TransactionFilter& filter)
{
    auto sums = collect(db, userId, filter);
    if (!sums)
        return sums.error();
    qint64 n = 0;
    for (const auto& entry : std::as_const(*sums))
        n += entry.second;
    return n;
}

Result<LedgerTotals> LedgerSummary::totals(const QSqlDatabase& db, qint64 userId, const TransactionFilter& filter)
{
    auto sums = collect(db, userId, filter);
    if (!sums)
        return sums.error();
    LedgerTotals totals;
    for (auto it = sums->cbegin(); it != sums->cend(); ++it) {
        if (it->second == 0)
            continue;
        const QString& currency = it.key().first;
        if (totals.currencies.isEmpty() || totals.currencies.last().currency != currency)
            totals.currencies.append(CurrencyTotals {currency, 0, 0, 0});
        CurrencyTotals& entry = totals.currencies.last();
        if (it.key().second == QLatin1String("income"))
            entry.incomeMinor = it->first;
        else
            entry.expenseMinor = it->first;
        entry.count += it->second;
    }
    return totals;
}

} // namespace Moniagent
