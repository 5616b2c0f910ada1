#pragma once

#include "core/daterange.h"
#include "core/result.h"
#include "core/transaction.h"

#include <QDate>
#include <QList>
#include <QString>

#include <optional>

namespace Moniagent {

class Database;

// An amount in one currency that a chart in another currency leaves out (no currency conversion yet).
struct CurrencyAmount
{
    QString currency;
    qint64 amountMinor = 0;
    qint64 count = 0; // how many transactions make up the amount
    friend bool operator==(const CurrencyAmount&, const CurrencyAmount&) = default;
};

// Expenses of one category (empty id: uncategorized).
struct CategorySpending
{
    std::optional<qint64> categoryId;
    qint64 amountMinor = 0;
    qint64 count = 0;
    friend bool operator==(const CategorySpending&, const CategorySpending&) = default;
};

struct SpendingByCategory
{
    QString currency;
    QList<CategorySpending> categories; // largest first, then by id (uncategorized last among equals)
    QList<CurrencyAmount> leftOut; // expenses in other currencies, by currency code
    qint64 totalMinor() const;
};

// One series of the trend: a category's expenses per month, or everything outside the top categories.
struct TrendSeries
{
    std::optional<qint64> categoryId; // empty: uncategorized (or the rest, see isRest)
    bool isRest = false; // the sum of all categories not in the top N
    QList<qint64> categoryIds; // for the rest: the categories it sums (0 standing for uncategorized)
    QList<qint64> perMonthMinor; // one value per month of MonthlyTrend::months
    qint64 totalMinor() const;
};

struct MonthlyTrend
{
    QString currency;
    QList<QDate> months; // first day of each month, oldest first
    QList<TrendSeries> expenses; // the top categories (largest total first), then the rest when there is any
    QList<qint64> expenseMinor; // all expenses per month
    QList<qint64> incomeMinor; // per month
    QList<qint64> netMinor; // income - expenses per month
    QList<CurrencyAmount> leftOutExpenses; // over the whole span, other currencies
    QList<CurrencyAmount> leftOutIncome;
    bool isEmpty() const;
};

// Expenses per day of one month.
struct DailySpending
{
    QString currency;
    QDate month; // the first day
    QList<qint64> perDayMinor; // index 0 is the 1st; one entry per day of the month
    QList<CurrencyAmount> leftOut;
    // Running total up to and including each day.
    QList<qint64> cumulativeMinor() const;
    qint64 totalMinor() const;
};

struct MerchantSpending
{
    QString merchant;
    qint64 amountMinor = 0;
    qint64 count = 0;
    friend bool operator==(const MerchantSpending&, const MerchantSpending&) = default;
};

struct TopMerchants
{
    QString currency;
    QList<MerchantSpending> merchants; // largest first, then by name
    QList<CurrencyAmount> leftOut; // expenses in other currencies (all merchants)
};

// Income, expenses and net of a date range in one currency.
struct PeriodSummary
{
    QString currency;
    qint64 incomeMinor = 0;
    qint64 expenseMinor = 0;
    qint64 count = 0; // transactions in `currency`
    QList<CurrencyAmount> leftOutIncome; // in other currencies
    QList<CurrencyAmount> leftOutExpenses;
    qint64 netMinor() const { return incomeMinor - expenseMinor; }
};

// The aggregates the dashboard and the monthly report draw: SQL sums for one user in one currency. Whole
// months come from the monthly summary (transaction_totals); days from the ledger's date index. Stateless and
// thread-safe (each call uses the calling thread's connection).
class DashboardQueries
{
public:
    explicit DashboardQueries(Database* database);

    // Expenses per category within `range` (open ends allowed).
    Result<SpendingByCategory> spendingByCategory(qint64 userId, const DateRange& range, const QString& currency) const;
    // `months` months ending with the month of `lastMonth`: expenses of the `topCategories` largest categories
    // of the span and of the rest, income and net per month.
    Result<MonthlyTrend> monthlyTrend(qint64 userId, QDate lastMonth, const QString& currency, int months = 12,
                                      int topCategories = 6) const;
    // Expenses per day of the month containing `month`.
    Result<DailySpending> dailySpending(qint64 userId, QDate month, const QString& currency) const;
    // The `limit` merchants with the most expenses within `range` (rows without a merchant name are not
    // counted; merchants are told apart by their exact name).
    Result<TopMerchants> topMerchants(qint64 userId, const DateRange& range, const QString& currency,
                                      int limit = 10) const;
    // Income, expenses and count within `range`.
    Result<PeriodSummary> summary(qint64 userId, const DateRange& range, const QString& currency) const;
    // The `limit` largest expenses within `range` (largest first, then the earlier, then by id).
    Result<QList<Transaction>> largestExpenses(qint64 userId, const DateRange& range, const QString& currency,
                                               int limit = 10) const;

private:
    Database* m_database;
};

} // namespace Moniagent
