#include "dashboardqueries.h"

#include "database.h"
#include "ledgersummary.h"
#include "sql.h"
#include "transactionquery.h"
#include "transactionrepository.h"

#include <QHash>
#include <QMap>

#include <algorithm>
#include <limits>

namespace Moniagent {

namespace {

const QString Expense = QStringLiteral("expense");

QString monthKey(QDate date)
{
    return date.toString(QStringLiteral("yyyy-MM"));
}

QDate firstOfMonth(QDate date)
{
    return QDate(date.year(), date.month(), 1);
}

// "user_id = ? AND occurred_on >= ? AND occurred_on <= ?" for a range with optional ends; `alias` prefixes
// the columns ("t." or empty).
QString rangeWhere(qint64 userId, const DateRange& range, QVariantList& params, QStringView alias = {})
{
    QString where = alias + QStringLiteral("user_id = ?");
    params << userId;
    if (range.from.isValid()) {
        where += QStringLiteral(" AND ") + alias + QStringLiteral("occurred_on >= ?");
        params << Sql::isoDate(range.from);
    }
    if (range.to.isValid()) {
        where += QStringLiteral(" AND ") + alias + QStringLiteral("occurred_on <= ?");
        params << Sql::isoDate(range.to);
    }
    return where;
}

// Sums per (category key, currency) of the expenses in `range`: whole months from the summary, the days at
// the edges from the ledger.
using CategoryKey = std::pair<qint64, QString>;
Result<QMap<CategoryKey, std::pair<qint64, qint64>>> expensesByCategory(const QSqlDatabase& db, qint64 userId,
                                                                        const DateRange& range)
{
    QMap<CategoryKey, std::pair<qint64, qint64>> sums;
    const auto add = [&](QSqlQuery& query) {
        while (query.next()) {
            auto& entry = sums[{query.value(0).toLongLong(), query.value(1).toString()}];
            entry.first += query.value(2).toLongLong();
            entry.second += query.value(3).toLongLong();
        }
    };
    const LedgerSummary::Split split = LedgerSummary::split(range);
    if (!split.firstMonth.isEmpty()) {
        auto query = Sql::exec(db,
                               QStringLiteral("SELECT category_key, currency, sum(amount_minor), sum(row_count) "
                                              "FROM transaction_totals WHERE user_id = ? AND month BETWEEN ? AND ? "
                                              "AND type = 'expense' GROUP BY category_key, currency"),
                               {userId, split.firstMonth, split.lastMonth});
        if (!query)
            return query.error();
        add(*query);
    }
    for (const DateRange& part : split.partial) {
        QVariantList params;
        const QString where = rangeWhere(userId, part, params);
        auto query = Sql::exec(db,
                               QStringLiteral("SELECT coalesce(category_id, 0), currency, sum(amount_minor), count(*) "
                                              "FROM transactions WHERE %1 AND type = 'expense' "
                                              "GROUP BY 1, 2")
                                   .arg(where),
                               params);
        if (!query)
            return query.error();
        add(*query);
    }
    return sums;
}

QList<CurrencyAmount> toList(const QMap<QString, CurrencyAmount>& byCurrency)
{
    QList<CurrencyAmount> list;
    for (const CurrencyAmount& entry : byCurrency) {
        if (entry.count != 0 || entry.amountMinor != 0)
            list << entry;
    }
    return list;
}

void addTo(QMap<QString, CurrencyAmount>& map, const QString& currency, qint64 amount, qint64 count)
{
    CurrencyAmount& entry = map[currency];
    entry.currency = currency;
    entry.amountMinor += amount;
    entry.count += count;
}

} // namespace

qint64 SpendingByCategory::totalMinor() const
{
    qint64 total = 0;
    for (const CategorySpending& c : categories)
        total += c.amountMinor;
    return total;
}

qint64 TrendSeries::totalMinor() const
{
    qint64 total = 0;
    for (qint64 v : perMonthMinor)
        total += v;
    return total;
}

bool MonthlyTrend::isEmpty() const
{
    return std::all_of(expenseMinor.cbegin(), expenseMinor.cend(), [](qint64 v) { return v == 0; })
        && std::all_of(incomeMinor.cbegin(), incomeMinor.cend(), [](qint64 v) { return v == 0; });
}

QList<qint64> DailySpending::cumulativeMinor() const
{
    QList<qint64> running;
    running.reserve(perDayMinor.size());
    qint64 total = 0;
    for (qint64 v : perDayMinor) {
        total += v;
        running << total;
    }
    return running;
}

qint64 DailySpending::totalMinor() const
{
    qint64 total = 0;
    for (qint64 v : perDayMinor)
        total += v;
    return total;
}

DashboardQueries::DashboardQueries(Database* database)
    : m_database(database)
{ }

Result<SpendingByCategory> DashboardQueries::spendingByCategory(qint64 userId, const DateRange& range,
                                                                const QString& currency) const
{
    auto sums = expensesByCategory(m_database->connection(), userId, range);
    if (!sums)
        return sums.error();
    SpendingByCategory result;
    result.currency = currency;
    QMap<QString, CurrencyAmount> leftOut;
    for (auto it = sums->cbegin(); it != sums->cend(); ++it) {
        const auto [amount, count] = it.value();
        if (count == 0)
            continue;
        if (it.key().second != currency) {
            addTo(leftOut, it.key().second, amount, count);
            continue;
        }
        CategorySpending entry;
        if (it.key().first != 0)
            entry.categoryId = it.key().first;
        entry.amountMinor = amount;
        entry.count = count;
        result.categories << entry;
    }
    std::sort(result.categories.begin(), result.categories.end(),
              [](const CategorySpending& a, const CategorySpending& b) {
                  if (a.amountMinor != b.amountMinor)
                      return a.amountMinor > b.amountMinor;
                  return a.categoryId.value_or(std::numeric_limits<qint64>::max())
                      < b.categoryId.value_or(std::numeric_limits<qint64>::max());
              });
    result.leftOut = toList(leftOut);
    return result;
}

Result<MonthlyTrend> DashboardQueries::monthlyTrend(qint64 userId, QDate lastMonth, const QString& currency, int months,
                                                    int topCategories) const
{
    if (!lastMonth.isValid() || months < 1)
        return Error::invalidInput(
            QCoreApplication::translate("Moniagent::DashboardQueries", "The month is not valid."));
    MonthlyTrend trend;
    trend.currency = currency;
    const QDate last = firstOfMonth(lastMonth);
    const QDate first = last.addMonths(-(months - 1));
    QHash<QString, int> monthIndex;
    for (int i = 0; i < months; ++i) {
        trend.months << first.addMonths(i);
        monthIndex.insert(monthKey(trend.months.last()), i);
    }
    trend.expenseMinor = QList<qint64>(months, 0);
    trend.incomeMinor = QList<qint64>(months, 0);

    auto query = Sql::exec(m_database->connection(),
                           QStringLiteral("SELECT month, category_key, currency, type, amount_minor, row_count "
                                          "FROM transaction_totals WHERE user_id = ? AND month BETWEEN ? AND ? "
                                          "AND row_count > 0"),
                           {userId, monthKey(first), monthKey(last)});
    if (!query)
        return query.error();
    QMap<qint64, QList<qint64>> perCategory; // category key -> per month
    QMap<QString, CurrencyAmount> leftOutExpenses;
    QMap<QString, CurrencyAmount> leftOutIncome;
    while (query->next()) {
        const int index = monthIndex.value(query->value(0).toString(), -1);
        if (index < 0)
            continue;
        const qint64 key = query->value(1).toLongLong();
        const QString rowCurrency = query->value(2).toString();
        const bool isExpense = query->value(3).toString() == Expense;
        const qint64 amount = query->value(4).toLongLong();
        const qint64 count = query->value(5).toLongLong();
        if (rowCurrency != currency) {
            addTo(isExpense ? leftOutExpenses : leftOutIncome, rowCurrency, amount, count);
            continue;
        }
        if (!isExpense) {
            trend.incomeMinor[index] += amount;
            continue;
        }
        trend.expenseMinor[index] += amount;
        auto it = perCategory.find(key);
        if (it == perCategory.end())
            it = perCategory.insert(key, QList<qint64>(months, 0));
        (*it)[index] += amount;
    }
    for (int i = 0; i < months; ++i)
        trend.netMinor << trend.incomeMinor.at(i) - trend.expenseMinor.at(i);
    trend.leftOutExpenses = toList(leftOutExpenses);
    trend.leftOutIncome = toList(leftOutIncome);

    // The largest categories of the whole span get their own series; the rest are summed.
    QList<TrendSeries> all;
    for (auto it = perCategory.cbegin(); it != perCategory.cend(); ++it) {
        TrendSeries series;
        if (it.key() != 0)
            series.categoryId = it.key();
        series.categoryIds = {it.key()};
        series.perMonthMinor = it.value();
        if (series.totalMinor() != 0)
            all << series;
    }
    std::stable_sort(all.begin(), all.end(),
                     [](const TrendSeries& a, const TrendSeries& b) { return a.totalMinor() > b.totalMinor(); });
    TrendSeries rest;
    rest.isRest = true;
    rest.perMonthMinor = QList<qint64>(months, 0);
    for (int i = 0; i < all.size(); ++i) {
        if (i < std::max(0, topCategories)) {
            all[i].categoryIds.clear();
            trend.expenses << all.at(i);
            continue;
        }
        rest.categoryIds << all.at(i).categoryIds;
        for (int m = 0; m < months; ++m)
            rest.perMonthMinor[m] += all.at(i).perMonthMinor.at(m);
    }
    if (!rest.categoryIds.isEmpty()) {
        std::sort(rest.categoryIds.begin(), rest.categoryIds.end());
        trend.expenses << rest;
    }
    return trend;
}

Result<DailySpending> DashboardQueries::dailySpending(qint64 userId, QDate month, const QString& currency) const
{
    if (!month.isValid())
        return Error::invalidInput(
            QCoreApplication::translate("Moniagent::DashboardQueries", "The month is not valid."));
    DailySpending daily;
    daily.currency = currency;
    daily.month = firstOfMonth(month);
    daily.perDayMinor = QList<qint64>(daily.month.daysInMonth(), 0);
    auto query = Sql::exec(
        m_database->connection(),
        QStringLiteral("SELECT occurred_on, currency, sum(amount_minor), count(*) FROM transactions "
                       "WHERE user_id = ? AND occurred_on BETWEEN ? AND ? AND type = 'expense' "
                       "GROUP BY occurred_on, currency"),
        {userId, Sql::isoDate(daily.month), Sql::isoDate(daily.month.addDays(daily.month.daysInMonth() - 1))});
    if (!query)
        return query.error();
    QMap<QString, CurrencyAmount> leftOut;
    while (query->next()) {
        const QDate day = Sql::parseIsoDate(query->value(0));
        const QString rowCurrency = query->value(1).toString();
        if (rowCurrency != currency) {
            addTo(leftOut, rowCurrency, query->value(2).toLongLong(), query->value(3).toLongLong());
            continue;
        }
        if (day.isValid())
            daily.perDayMinor[day.day() - 1] += query->value(2).toLongLong();
    }
    daily.leftOut = toList(leftOut);
    return daily;
}

Result<TopMerchants> DashboardQueries::topMerchants(qint64 userId, const DateRange& range, const QString& currency,
                                                    int limit) const
{
    const QSqlDatabase db = m_database->connection();
    TopMerchants top;
    top.currency = currency;
    QVariantList params;
    const QString where = rangeWhere(userId, range, params);
    params << currency << std::max(0, limit);
    // The date index finds the range's rows; the merchant name is read from each of them.
    auto query
        = Sql::exec(db,
                    QStringLiteral("SELECT merchant_name, sum(amount_minor) AS spent, count(*) FROM transactions "
                                   "WHERE %1 AND type = 'expense' AND currency = ? AND merchant_name <> '' "
                                   "GROUP BY merchant_name ORDER BY spent DESC, merchant_name LIMIT ?")
                        .arg(where),
                    params);
    if (!query)
        return query.error();
    while (query->next())
        top.merchants << MerchantSpending {query->value(0).toString(), query->value(1).toLongLong(),
                                           query->value(2).toLongLong()};
    TransactionFilter expenses;
    expenses.dates = range;
    expenses.type = TransactionType::Expense;
    auto totals = LedgerSummary::totals(db, userId, expenses);
    if (!totals)
        return totals.error();
    for (const CurrencyTotals& entry : std::as_const(totals->currencies)) {
        if (entry.currency != currency && entry.count > 0)
            top.leftOut << CurrencyAmount {entry.currency, entry.expenseMinor, entry.count};
    }
    return top;
}

Result<PeriodSummary> DashboardQueries::summary(qint64 userId, const DateRange& range, const QString& currency) const
{
    const QSqlDatabase db = m_database->connection();
    PeriodSummary summary;
    summary.currency = currency;
    // Per currency and direction, so the counts of income and expenses in other currencies stay apart.
    for (TransactionType type : {TransactionType::Income, TransactionType::Expense}) {
        TransactionFilter filter;
        filter.dates = range;
        filter.type = type;
        auto totals = LedgerSummary::totals(db, userId, filter);
        if (!totals)
            return totals.error();
        for (const CurrencyTotals& entry : std::as_const(totals->currencies)) {
            const qint64 amount = type == TransactionType::Income ? entry.incomeMinor : entry.expenseMinor;
            if (entry.currency == currency) {
                (type == TransactionType::Income ? summary.incomeMinor : summary.expenseMinor) = amount;
                summary.count += entry.count;
            } else if (entry.count > 0) {
                (type == TransactionType::Income ? summary.leftOutIncome : summary.leftOutExpenses)
                    << CurrencyAmount {entry.currency, amount, entry.count};
            }
        }
    }
    return summary;
}

Result<QList<Transaction>> DashboardQueries::largestExpenses(qint64 userId, const DateRange& range,
                                                             const QString& currency, int limit) const
{
    QVariantList params;
    const QString where = rangeWhere(userId, range, params, u"t.");
    params << currency << std::max(0, limit);
    auto query = Sql::exec(m_database->connection(),
                           QStringLiteral("SELECT %1 FROM transactions t WHERE %2 AND t.type = 'expense' AND "
                                          "t.currency = ? ORDER BY t.amount_minor DESC, t.occurred_on, t.id LIMIT ?")
                               .arg(TransactionQuery::columns(), where),
                           params);
    if (!query)
        return query.error();
    QList<Transaction> rows;
    while (query->next())
        rows << readTransaction(*query);
    return rows;
}

} // namespace Moniagent
