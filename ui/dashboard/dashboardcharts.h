#pragma once

#include "core/transactionfilter.h"
#include "dashboard/dashboarddata.h"

#include <QCoreApplication>
#include <QString>

#include <functional>

class QChart;

namespace Moniagent {

class ChartStyle;

// What a click on a chart asks for: the ledger filtered to what was clicked.
using LedgerRequest = std::function<void(const TransactionFilter&)>;

// A chart built from DashboardData, for the dashboard page and the monthly report.
struct ChartContent
{
    QChart* chart = nullptr; // the caller owns it
    bool empty = false; // nothing to draw: show emptyText instead
    QString emptyText;
    QString footnote; // what the chart leaves out (other currencies), how the pace line is made …
};

// Builds the five dashboard charts as plain Qt Charts. Clicks on slices, bars and lines call `request` with the
// ledger filter of what was clicked (when given); hovering shows the exact amounts.
class DashboardCharts
{
    Q_DECLARE_TR_FUNCTIONS(Moniagent::DashboardCharts)
public:
    enum class Kind
    {
        Categories, // spending by category (donut)
        Budgets, // budget vs actual (horizontal bars, share of the limit, threshold markers)
        Trend, // 12 months: stacked expenses by top categories, income and net lines
        Daily, // the month's cumulative spending against the budget pace
        Merchants, // top merchants (horizontal bars)
    };
    static QList<Kind> allKinds();
    static QString title(Kind kind);
    // A file name stem for exports ("spending-by-category").
    static QString fileStem(Kind kind);

    static ChartContent build(Kind kind, const DashboardData& data, const ChartStyle& style,
                              const LedgerRequest& request = {});

    // "€120.00 in 4 transactions, £30.00 in 1 transaction"; empty when the list is.
    static QString leftOutText(const QList<CurrencyAmount>& amounts, const QLocale& locale);
    // The name of a category on the charts (uncategorized and deleted ones included).
    static QString categoryName(const DashboardData& data, std::optional<qint64> id);
    // "October 2026"
    static QString monthName(QDate month, const QLocale& locale);

private:
    static ChartContent categories(const DashboardData& data, const ChartStyle& style, const LedgerRequest& request);
    static ChartContent budgets(const DashboardData& data, const ChartStyle& style, const LedgerRequest& request);
    static ChartContent trend(const DashboardData& data, const ChartStyle& style, const LedgerRequest& request);
    static ChartContent daily(const DashboardData& data, const ChartStyle& style, const LedgerRequest& request);
    static ChartContent merchants(const DashboardData& data, const ChartStyle& style, const LedgerRequest& request);
};

} // namespace Moniagent
