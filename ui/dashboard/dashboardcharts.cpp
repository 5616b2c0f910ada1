#include "dashboardcharts.h"

#include "chartstyle.h"
#include "dashboardchartsinternal.h"

#include <QAbstractAxis>
#include <QChart>
#include <QCursor>
#include <QFontMetricsF>
#include <QLegend>
#include <QLegendMarker>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace Moniagent {

namespace ChartsInternal {

void showTip(const QString& text)
{
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(QCursor::pos(), text);
}

QString percent(double share, const QLocale& locale)
{
    const double value = share * 100;
    return locale.toString(value, 'f', value != 0 && std::abs(value) < 1 ? 1 : 0) + locale.percent();
}

QString elided(const QString& text, int length)
{
    return text.size() <= length ? text : text.left(length - 1).trimmed() + QChar(0x2026);
}

TransactionFilter expenses(const DateRange& range)
{
    TransactionFilter filter;
    filter.dates = range;
    filter.type = TransactionType::Expense;
    return filter;
}

void addCategoryKeys(TransactionFilter& filter, const QList<qint64>& keys)
{
    for (qint64 key : keys) {
        if (key == 0)
            filter.uncategorized = true;
        else
            filter.categoryIds << key;
    }
}

DateRange monthOf(QDate month)
{
    return {month, month.addDays(month.daysInMonth() - 1)};
}

void wrapLegendBelow(QChart* chart)
{
    QLegend* legend = chart->legend();
    legend->setAlignment(Qt::AlignTop);
    legend->detachFromChart();
    legend->setBackgroundVisible(false);
    const QMargins base = chart->margins();
    const auto place = [chart, legend, base]() {
        const QRectF bounds = chart->rect();
        const QFontMetricsF metrics(legend->font());
        const double rowHeight = metrics.height() + 12; // a legend entry pads its text
        const double width = bounds.width() - base.left() - base.right();
        // Entries are laid out left to right and start a new row where the next one would not fit.
        int rows = 1;
        double x = 0;
        double widest = 0;
        for (QLegendMarker* marker : legend->markers()) {
            if (!marker->isVisible())
                continue;
            const double entry = metrics.horizontalAdvance(marker->label()) + metrics.height() + 18;
            if (x > 0 && x + entry > width) {
                ++rows;
                x = 0;
            }
            x += entry;
            widest = std::max(widest, x);
        }
        const int space = int(std::ceil(rows * rowHeight)) + 6;
        if (chart->margins().bottom() != base.bottom() + space) {
            QMargins margins = base;
            margins.setBottom(base.bottom() + space);
            chart->setMargins(margins); // lays the chart out again, and calls this again
            return;
        }
        // Centred under the chart (the rows themselves start at the left of the legend).
        const double used = std::min(width, widest + 4);
        legend->setGeometry(QRectF(bounds.left() + base.left() + (width - used) / 2,
                                   bounds.bottom() - base.bottom() - space + 2, used, rows * rowHeight + 4));
        legend->update();
    };
    QObject::connect(chart, &QChart::plotAreaChanged, chart, place);
}

} // namespace ChartsInternal

using namespace ChartsInternal;

QList<DashboardCharts::Kind> DashboardCharts::allKinds()
{
    return {Kind::Categories, Kind::Budgets, Kind::Trend, Kind::Daily, Kind::Merchants};
}

QString DashboardCharts::title(Kind kind)
{
    switch (kind) {
    case Kind::Categories:
        return tr("Spending by category");
    case Kind::Budgets:
        return tr("Budgets: spent of the limit");
    case Kind::Trend:
        return tr("Last 12 months");
    case Kind::Daily:
        return tr("Spending through the month");
    case Kind::Merchants:
        return tr("Top merchants");
    }
    return {};
}

QString DashboardCharts::fileStem(Kind kind)
{
    switch (kind) {
    case Kind::Categories:
        return QStringLiteral("spending-by-category");
    case Kind::Budgets:
        return QStringLiteral("budgets");
    case Kind::Trend:
        return QStringLiteral("twelve-months");
    case Kind::Daily:
        return QStringLiteral("spending-through-the-month");
    case Kind::Merchants:
        return QStringLiteral("top-merchants");
    }
    return QStringLiteral("chart");
}

ChartContent DashboardCharts::build(Kind kind, const DashboardData& data, const ChartStyle& style,
                                    const LedgerRequest& request)
{
    ChartContent content;
    switch (kind) {
    case Kind::Categories:
        content = categories(data, style, request);
        break;
    case Kind::Budgets:
        content = budgets(data, style, request);
        break;
    case Kind::Trend:
        content = trend(data, style, request);
        break;
    case Kind::Daily:
        content = daily(data, style, request);
        break;
    case Kind::Merchants:
        content = merchants(data, style, request);
        break;
    }
    style.apply(content.chart, title(kind));
    if (content.empty) {
        content.chart->legend()->hide();
        for (QAbstractAxis* axis : content.chart->axes())
            axis->hide();
    }
    return content;
}

QString DashboardCharts::leftOutText(const QList<CurrencyAmount>& amounts, const QLocale& locale)
{
    QStringList parts;
    for (const CurrencyAmount& amount : amounts)
        parts << tr("%1 in %n transaction(s)", nullptr, int(amount.count))
                     .arg(Money::fromMinor(amount.amountMinor, amount.currency).toString(locale));
    return parts.join(QStringLiteral("; "));
}

QString DashboardCharts::categoryName(const DashboardData& data, std::optional<qint64> id)
{
    if (!id)
        return tr("Uncategorized");
    const Category* category = data.category(id);
    return category ? category->name : tr("Deleted category");
}

QString DashboardCharts::monthName(QDate month, const QLocale& locale)
{
    return locale.standaloneMonthName(month.month()) + u' ' + QString::number(month.year());
}

} // namespace Moniagent
