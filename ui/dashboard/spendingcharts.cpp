// The spending charts of DashboardCharts: by category (donut), through the month, by merchant.

#include "chartstyle.h"
#include "dashboardcharts.h"
#include "dashboardchartsinternal.h"

#include <QAreaSeries>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QGraphicsSimpleTextItem>
#include <QHorizontalBarSeries>
#include <QLegend>
#include <QLineSeries>
#include <QPieSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace Moniagent {

using namespace ChartsInternal;

ChartContent DashboardCharts::categories(const DashboardData& data, const ChartStyle& style,
                                         const LedgerRequest& request)
{
    constexpr int MaxSlices = 9; // more would be slivers nobody can read: the smallest are summed
    ChartContent content;
    content.chart = style.newChart();
    const QLocale& locale = style.locale();
    const qint64 total = data.byCategory.totalMinor();
    content.footnote = data.byCategory.leftOut.isEmpty()
        ? QString()
        : tr("Not included (other currencies): %1.").arg(leftOutText(data.byCategory.leftOut, locale));
    if (total <= 0) {
        content.empty = true;
        content.emptyText = tr("No spending in %1.").arg(monthName(data.month, locale));
        return content;
    }
    auto* series = new QPieSeries;
    constexpr double HoleShare = 0.63; // of the donut's diameter
    series->setPieSize(0.92);
    series->setHoleSize(0.92 * HoleShare);
    const QList<CategorySpending>& all = data.byCategory.categories;
    const int shown = all.size() > MaxSlices ? MaxSlices - 1 : int(all.size());
    struct Slice
    {
        QString name;
        QColor color;
        qint64 amount = 0;
        qint64 count = 0;
        TransactionFilter filter;
    };
    QList<Slice> slices;
    for (int i = 0; i < shown; ++i) {
        const CategorySpending& entry = all.at(i);
        const Category* category = data.category(entry.categoryId);
        Slice slice;
        slice.name = categoryName(data, entry.categoryId);
        slice.color
            = entry.categoryId ? style.categoryColor(category ? category->color : QString(), i) : style.uncategorized();
        slice.amount = entry.amountMinor;
        slice.count = entry.count;
        slice.filter = expenses(data.monthRange());
        addCategoryKeys(slice.filter, {entry.categoryId.value_or(0)});
        slices << slice;
    }
    if (shown < all.size()) {
        Slice rest;
        rest.name = tr("%n other categories", nullptr, int(all.size() - shown));
        rest.color = style.rest();
        rest.filter = expenses(data.monthRange());
        QList<qint64> keys;
        for (qsizetype i = shown; i < all.size(); ++i) {
            rest.amount += all.at(i).amountMinor;
            rest.count += all.at(i).count;
            keys << all.at(i).categoryId.value_or(0);
        }
        addCategoryKeys(rest.filter, keys);
        slices << rest;
    }
    for (const Slice& entry : std::as_const(slices)) {
        const double share = double(entry.amount) / double(total);
        auto* slice = new QPieSlice(
            tr("%1 · %2 · %3").arg(elided(entry.name, 22), style.roundedMoney(entry.amount), percent(share, locale)),
            style.value(entry.amount));
        slice->setColor(entry.color);
        slice->setBorderColor(style.background());
        slice->setBorderWidth(2);
        slice->setExplodeDistanceFactor(0.04);
        series->append(slice);
        const QString tip = tr("%1: %2 in %n expense(s) (%3 of the month's spending)", nullptr, int(entry.count))
                                .arg(entry.name, style.money(entry.amount), percent(share, locale));
        QObject::connect(slice, &QPieSlice::hovered, slice, [slice, tip](bool on) {
            slice->setExploded(on);
            showTip(on ? tip : QString());
        });
        if (request) {
            const TransactionFilter filter = entry.filter;
            QObject::connect(slice, &QPieSlice::clicked, slice, [request, filter]() { request(filter); });
        }
    }
    content.chart->addSeries(series);

    // The month's total in the hole: a caption and the amount, each centred.
    auto* caption = new QGraphicsSimpleTextItem(tr("Spent"), content.chart);
    QFont captionFont = caption->font();
    captionFont.setPointSizeF(9);
    caption->setFont(captionFont);
    caption->setBrush(style.mutedText());
    auto* amount = new QGraphicsSimpleTextItem(style.money(total), content.chart);
    QFont amountFont = amount->font();
    amountFont.setPointSizeF(12);
    amountFont.setBold(true);
    amount->setFont(amountFont);
    amount->setBrush(style.text());
    caption->setZValue(10);
    amount->setZValue(10);

    // The donut on the left, the legend (name, amount, share) beside it in the right half: a legend the chart
    // lays out itself gets at most 40 % of the width and cuts the amounts off.
    QChart* chart = content.chart;
    QLegend* legend = chart->legend();
    legend->setAlignment(Qt::AlignLeft);
    legend->detachFromChart();
    legend->setBackgroundVisible(false);
    legend->setShowToolTips(true);
    constexpr double PieShare = 0.5;
    series->setHorizontalPosition(PieShare / 2);
    const auto place = [chart, caption, amount, series, legend]() {
        const QRectF area = chart->plotArea();
        if (area.isEmpty())
            return;
        const double side = std::min(area.width() * PieShare, area.height());
        // Both sizes are shares of the largest pie the plot area holds: the hole shrinks with the pie, or the
        // ring would vanish.
        const double pieSize = 0.92 * side / std::min(area.width(), area.height());
        const double holeSize = pieSize * HoleShare;
        if (pieSize < series->pieSize()) {
            series->setHoleSize(holeSize);
            series->setPieSize(pieSize);
        } else {
            series->setPieSize(pieSize);
            series->setHoleSize(holeSize);
        }
        // The legend's rows start level with the top of the donut (a detached legend fills from the top).
        const double top = std::max(area.top(), area.center().y() - side * 0.92 / 2);
        legend->setGeometry(
            QRectF(area.left() + area.width() * PieShare, top, area.width() * (1 - PieShare), area.bottom() - top));
        legend->update();
        const QPointF middle(area.left() + area.width() * PieShare / 2, area.center().y());
        const QRectF upper = caption->boundingRect();
        const QRectF bottom = amount->boundingRect();
        const double both = upper.height() + bottom.height();
        caption->setPos(middle.x() - upper.width() / 2, middle.y() - both / 2);
        amount->setPos(middle.x() - bottom.width() / 2, middle.y() - both / 2 + upper.height());
        const bool fits = bottom.width() < side * 0.92 * HoleShare * 0.95;
        caption->setVisible(fits);
        amount->setVisible(fits);
    };
    QObject::connect(chart, &QChart::plotAreaChanged, chart, place); // the item is the chart's child
    return content;
}

ChartContent DashboardCharts::merchants(const DashboardData& data, const ChartStyle& style,
                                        const LedgerRequest& request)
{
    ChartContent content;
    content.chart = style.newChart();
    const QLocale& locale = style.locale();
    content.footnote = data.merchants.leftOut.isEmpty()
        ? QString()
        : tr("Not included (other currencies): %1.").arg(leftOutText(data.merchants.leftOut, locale));
    const QList<MerchantSpending>& list = data.merchants.merchants;
    if (list.isEmpty()) {
        content.empty = true;
        content.emptyText = tr("No expenses at a named merchant in %1.").arg(monthName(data.month, locale));
        return content;
    }
    auto* series = new QHorizontalBarSeries;
    auto* set = new QBarSet(tr("Spent"));
    set->setColor(style.accent());
    set->setBorderColor(style.accent());
    QStringList labels;
    qint64 largest = 0;
    // The largest on top: horizontal bar charts draw the first category at the bottom.
    for (qsizetype i = list.size() - 1; i >= 0; --i) {
        const MerchantSpending& merchant = list.at(i);
        set->append(style.value(merchant.amountMinor));
        labels << tr("%1 · %2").arg(elided(merchant.merchant, 24), style.money(merchant.amountMinor));
        largest = std::max(largest, merchant.amountMinor);
    }
    series->append(set);
    series->setBarWidth(0.7);
    content.chart->addSeries(series);
    auto* names = new QBarCategoryAxis;
    names->append(labels);
    content.chart->addAxis(names, Qt::AlignLeft);
    series->attachAxis(names);
    QCategoryAxis* amounts = style.moneyAxis(0, largest);
    content.chart->addAxis(amounts, Qt::AlignBottom);
    series->attachAxis(amounts);
    content.chart->legend()->hide();
    const auto merchantAt = [list](int index) {
        return list.at(list.size() - 1 - index);
    };
    QObject::connect(set, &QBarSet::hovered, set, [merchantAt, style](bool on, int index) {
        const MerchantSpending m = merchantAt(index);
        showTip(on ? tr("%1: %2 in %n expense(s)", nullptr, int(m.count)).arg(m.merchant, style.money(m.amountMinor))
                   : QString());
    });
    if (request) {
        const DateRange range = data.monthRange();
        QObject::connect(set, &QBarSet::clicked, set, [merchantAt, request, range](int index) {
            TransactionFilter filter = expenses(range);
            filter.search = merchantAt(index).merchant;
            request(filter);
        });
    }
    return content;
}

ChartContent DashboardCharts::daily(const DashboardData& data, const ChartStyle& style, const LedgerRequest& request)
{
    ChartContent content;
    content.chart = style.newChart();
    const QLocale& locale = style.locale();
    const int days = data.month.daysInMonth();
    const int last = data.lastCountedDay();
    const QList<qint64> running = data.daily.cumulativeMinor();
    const qint64 spent = last > 0 ? running.at(last - 1) : 0;
    const BudgetPace& pace = data.pace;

    QStringList notes;
    switch (pace.source) {
    case BudgetPace::Source::Overall:
        notes
            << tr("The pace line spends the overall budget (%1 this month) evenly.").arg(style.money(pace.monthMinor));
        break;
    case BudgetPace::Source::CategorySum:
        notes << tr("The pace line spends the %n category budget(s) (%1 this month) evenly.", nullptr, pace.budgetCount)
                     .arg(style.money(pace.monthMinor));
        break;
    case BudgetPace::Source::None:
        notes << tr("No budget in %1 yet: with one, a pace line shows how spending should go.")
                     .arg(style.currency().code());
        break;
    }
    if (!pace.notCounted.isEmpty()) {
        QStringList limits;
        for (const Money& limit : pace.notCounted)
            limits << limit.toString(locale);
        notes << tr("Budgets in other currencies are not in the pace: %1.").arg(limits.join(QStringLiteral(", ")));
    }
    if (!data.daily.leftOut.isEmpty())
        notes << tr("Not included (other currencies): %1.").arg(leftOutText(data.daily.leftOut, locale));
    content.footnote = notes.join(u' ');

    if (spent <= 0 && !pace.isAvailable()) {
        content.empty = true;
        content.emptyText = last == 0 ? tr("%1 has not started yet.").arg(monthName(data.month, locale))
                                      : tr("No spending in %1 yet.").arg(monthName(data.month, locale));
        return content;
    }
    auto* valueAxis = new QValueAxis;
    valueAxis->setRange(1, days);
    valueAxis->setTickType(QValueAxis::TicksDynamic);
    valueAxis->setTickAnchor(1);
    valueAxis->setTickInterval(7);
    valueAxis->setLabelFormat(QStringLiteral("%d"));
    valueAxis->setTitleText(tr("Day of %1").arg(locale.standaloneMonthName(data.month.month())));
    QCategoryAxis* money = style.moneyAxis(0, std::max(spent, pace.isAvailable() ? pace.monthMinor : 0));
    content.chart->addAxis(valueAxis, Qt::AlignBottom);
    content.chart->addAxis(money, Qt::AlignLeft);

    if (last > 0) {
        auto* line = new QLineSeries;
        for (int day = 1; day <= last; ++day)
            line->append(day, style.value(running.at(day - 1)));
        auto* area = new QAreaSeries(line);
        line->setParent(area);
        area->setName(tr("Spent: %1").arg(style.money(spent)));
        QColor fill = style.accent();
        fill.setAlphaF(0.22f);
        area->setBrush(fill);
        area->setPen(QPen(style.accent(), 2.5));
        content.chart->addSeries(area);
        area->attachAxis(valueAxis);
        area->attachAxis(money);
        const DailySpending daily = data.daily;
        const auto dayAt = [last](const QPointF& point) {
            return std::clamp(int(std::lround(point.x())), 1, last);
        };
        QObject::connect(
            area, &QAreaSeries::hovered, area, [daily, running, style, locale, dayAt](const QPointF& point, bool on) {
                const int day = dayAt(point);
                showTip(on ? tr("%1: %2 that day, %3 so far")
                                 .arg(locale.toString(daily.month.addDays(day - 1), QLocale::ShortFormat),
                                      style.money(daily.perDayMinor.at(day - 1)), style.money(running.at(day - 1)))
                           : QString());
            });
        if (request) {
            const QDate first = data.month;
            QObject::connect(area, &QAreaSeries::clicked, area, [request, first, dayAt](const QPointF& point) {
                request(expenses({first, first.addDays(dayAt(point) - 1)}));
            });
        }
    }
    if (pace.isAvailable()) {
        auto* line = new QLineSeries;
        line->setName(tr("Budget pace: %1 by the end").arg(style.money(pace.monthMinor)));
        line->append(1, style.value(pace.allowanceBy(1, days)));
        line->append(days, style.value(pace.allowanceBy(days, days)));
        QPen pen(style.pace(), 2, Qt::DashLine);
        line->setPen(pen);
        content.chart->addSeries(line);
        line->attachAxis(valueAxis);
        line->attachAxis(money);
    }
    content.chart->legend()->setAlignment(Qt::AlignBottom);
    return content;
}

} // namespace Moniagent
