// The budget and 12-month trend charts of DashboardCharts.

#include "chartstyle.h"
#include "dashboardcharts.h"
#include "dashboardchartsinternal.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QHorizontalStackedBarSeries>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QScatterSeries>
#include <QStackedBarSeries>

#include <algorithm>
#include <cmath>

namespace Moniagent {

using namespace ChartsInternal;

namespace {

// A percentage axis (0 to `maxPercent`) with ticks every 25 or 50 %, labelled in the locale.
QCategoryAxis* percentAxis(int maxPercent, const QLocale& locale)
{
    const int step = maxPercent > 150 ? 50 : 25;
    const int high = (maxPercent + step - 1) / step * step;
    auto* axis = new QCategoryAxis;
    axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    axis->setStartValue(0);
    for (int tick = 0; tick <= high; tick += step)
        axis->append(locale.toString(tick) + locale.percent(), tick);
    axis->setRange(0, high);
    return axis;
}

void hideLegendEntry(QChart* chart, QAbstractSeries* series, QBarSet* set = nullptr)
{
    for (QLegendMarker* marker : chart->legend()->markers(series)) {
        if (!set || marker->label() == set->label())
            marker->setVisible(false);
    }
}

} // namespace

ChartContent DashboardCharts::budgets(const DashboardData& data, const ChartStyle& style, const LedgerRequest& request)
{
    constexpr double CapPercent = 200; // bars stop here; the label tells the real share
    ChartContent content;
    content.chart = style.newChart();
    const QLocale& locale = style.locale();
    const QList<BudgetStatus>& statuses = data.budgets;
    if (statuses.isEmpty()) {
        content.empty = true;
        content.emptyText = tr("No budgets yet. Set a limit for a category on the Budgets page to follow it here.");
        return content;
    }
    QStringList notes;
    // More bars than this leave no room for their names: show the budgets that are furthest along (the one for
    // all spending always), in the Budgets page's order, and say so.
    constexpr qsizetype MaxBudgets = 8;
    QList<BudgetStatus> shownStatuses = statuses;
    if (statuses.size() > MaxBudgets) {
        QList<qsizetype> order;
        for (qsizetype i = 0; i < statuses.size(); ++i)
            order << i;
        std::stable_sort(order.begin(), order.end(), [&statuses](qsizetype a, qsizetype b) {
            if (statuses.at(a).budget.isOverall() != statuses.at(b).budget.isOverall())
                return statuses.at(a).budget.isOverall();
            return statuses.at(a).used() > statuses.at(b).used();
        });
        order.resize(MaxBudgets);
        std::sort(order.begin(), order.end());
        shownStatuses.clear();
        for (qsizetype i : std::as_const(order))
            shownStatuses << statuses.at(i);
        notes << tr("The %1 budgets furthest along of %2; the Budgets page lists them all.")
                     .arg(locale.toString(MaxBudgets), locale.toString(statuses.size()));
    }
    auto* series = new QHorizontalStackedBarSeries;
    auto* ok = new QBarSet(BudgetStates::displayName(BudgetState::Ok));
    auto* warning = new QBarSet(BudgetStates::displayName(BudgetState::Warning));
    auto* exceeded = new QBarSet(BudgetStates::displayName(BudgetState::Exceeded));
    ok->setColor(style.ok());
    warning->setColor(style.warning());
    exceeded->setColor(style.exceeded());
    for (QBarSet* set : {ok, warning, exceeded})
        set->setBorderColor(set->color());
    auto* thresholds = new QScatterSeries;
    thresholds->setName(tr("Alert threshold"));
    thresholds->setMarkerShape(QScatterSeries::MarkerShapeRotatedRectangle);
    thresholds->setMarkerSize(11);
    thresholds->setColor(style.text());
    thresholds->setBorderColor(style.background());
    QStringList labels;
    double largest = 100;
    QList<BudgetStatus> ordered; // bottom to top: the repository's first budget ends up on top
    for (qsizetype i = shownStatuses.size() - 1; i >= 0; --i)
        ordered << shownStatuses.at(i);
    for (int i = 0; i < ordered.size(); ++i) {
        const BudgetStatus& status = ordered.at(i);
        const double used = status.used() * 100;
        const double shown = std::min(used, CapPercent);
        largest = std::max(largest, shown);
        ok->append(status.state == BudgetState::Ok ? shown : 0);
        warning->append(status.state == BudgetState::Warning ? shown : 0);
        exceeded->append(status.state == BudgetState::Exceeded ? shown : 0);
        thresholds->append(status.budget.alertThreshold * 100, i);
        QString name = status.budget.isOverall() ? tr("All spending") : categoryName(data, status.budget.categoryId);
        if (status.budget.period != BudgetPeriod::Monthly)
            name = tr("%1 (%2)").arg(name, BudgetEnums::displayName(status.budget.period));
        labels << tr("%1 · %2").arg(elided(name, 28), percent(status.used(), locale));
        if (!status.notCounted.isEmpty()) {
            QStringList amounts;
            for (const Money& money : status.notCounted)
                amounts << money.toString(locale);
            notes << tr("%1: %2 in other currencies not counted.").arg(name, amounts.join(QStringLiteral(", ")));
        }
    }
    for (QBarSet* set : {ok, warning, exceeded})
        series->append(set);
    series->setBarWidth(0.6);
    content.chart->addSeries(series);
    auto* names = new QBarCategoryAxis;
    names->append(labels);
    content.chart->addAxis(names, Qt::AlignLeft);
    series->attachAxis(names);
    QCategoryAxis* share = percentAxis(int(std::ceil(largest + 5)), locale);
    content.chart->addAxis(share, Qt::AlignBottom);
    series->attachAxis(share);

    auto* limit = new QLineSeries;
    limit->setName(tr("Limit"));
    limit->append(100, -0.5);
    limit->append(100, ordered.size() - 0.5);
    limit->setPen(QPen(style.mutedText(), 1.5, Qt::DashLine));
    content.chart->addSeries(limit);
    limit->attachAxis(share);
    limit->attachAxis(names);
    content.chart->addSeries(thresholds);
    thresholds->attachAxis(share);
    thresholds->attachAxis(names);

    content.chart->legend()->setAlignment(Qt::AlignBottom);
    for (QBarSet* set : {ok, warning, exceeded}) {
        if (set->sum() == 0)
            hideLegendEntry(content.chart, series, set);
    }
    content.footnote = notes.join(u' ');

    const auto tip = [ordered, style, locale, data](int index) {
        const BudgetStatus& s = ordered.at(index);
        const QString name = s.budget.isOverall() ? tr("All spending") : categoryName(data, s.budget.categoryId);
        return tr("%1: %2 of %3 (%4), %5 · %6 – %7")
            .arg(name, s.spent.toString(locale), s.budget.limit.toString(locale), percent(s.used(), locale),
                 BudgetStates::displayName(s.state), locale.toString(s.window.start, QLocale::ShortFormat),
                 locale.toString(s.window.end, QLocale::ShortFormat));
    };
    for (QBarSet* set : {ok, warning, exceeded}) {
        QObject::connect(set, &QBarSet::hovered, set,
                         [tip](bool on, int index) { showTip(on ? tip(index) : QString()); });
        if (request) {
            QObject::connect(set, &QBarSet::clicked, set, [ordered, request](int index) {
                const BudgetStatus& s = ordered.at(index);
                TransactionFilter filter = expenses(s.window.range());
                if (s.budget.categoryId)
                    filter.categoryIds = {*s.budget.categoryId};
                request(filter);
            });
        }
    }
    return content;
}

ChartContent DashboardCharts::trend(const DashboardData& data, const ChartStyle& style, const LedgerRequest& request)
{
    ChartContent content;
    content.chart = style.newChart();
    const QLocale& locale = style.locale();
    const MonthlyTrend& trend = data.trend;
    QStringList notes;
    if (!trend.leftOutExpenses.isEmpty())
        notes << tr("Expenses in other currencies not included: %1.").arg(leftOutText(trend.leftOutExpenses, locale));
    if (!trend.leftOutIncome.isEmpty())
        notes << tr("Income in other currencies not included: %1.").arg(leftOutText(trend.leftOutIncome, locale));
    if (style.isCompact() && !trend.months.isEmpty())
        notes.prepend(
            tr("From %1 to %2.").arg(monthName(trend.months.first(), locale), monthName(trend.months.last(), locale)));
    content.footnote = notes.join(u' ');
    if (trend.isEmpty() || trend.months.isEmpty()) {
        content.empty = true;
        content.emptyText = tr("No income or expenses in the 12 months up to %1.").arg(monthName(data.month, locale));
        return content;
    }
    QStringList months;
    for (int i = 0; i < trend.months.size(); ++i) {
        const QDate month = trend.months.at(i);
        // The year on the first month and on January only ("Nov ’25", "Dec", "Jan ’26" …); a narrow chart has
        // no room for it and says the span below.
        const bool withYear = !style.isCompact() && (i == 0 || month.month() == 1);
        months << locale.toString(month, withYear ? QStringLiteral("MMM ’yy") : QStringLiteral("MMM"));
    }
    auto* bars = new QStackedBarSeries;
    bars->setBarWidth(0.65);
    qint64 top = 0;
    qint64 bottom = 0;
    for (int m = 0; m < trend.months.size(); ++m) {
        top = std::max({top, trend.expenseMinor.at(m), trend.incomeMinor.at(m)});
        bottom = std::min(bottom, trend.netMinor.at(m));
    }
    int colourIndex = 0;
    for (const TrendSeries& entry : trend.expenses) {
        QString name;
        QColor colour;
        if (entry.isRest) {
            name = tr("%n others", nullptr, int(entry.categoryIds.size()));
            colour = style.rest();
        } else {
            name = categoryName(data, entry.categoryId);
            const Category* category = data.category(entry.categoryId);
            colour = entry.categoryId ? style.categoryColor(category ? category->color : QString(), colourIndex)
                                      : style.uncategorized();
        }
        ++colourIndex;
        auto* set = new QBarSet(elided(name, 24));
        set->setColor(colour);
        set->setBorderColor(style.background());
        for (qint64 value : entry.perMonthMinor)
            set->append(style.value(value));
        bars->append(set);
        const QList<QDate> monthList = trend.months;
        const QList<qint64> values = entry.perMonthMinor;
        QObject::connect(set, &QBarSet::hovered, set, [name, monthList, values, style, locale](bool on, int index) {
            showTip(
                on ? tr("%1, %2: %3").arg(name, monthName(monthList.at(index), locale), style.money(values.at(index)))
                   : QString());
        });
        if (request) {
            const QList<qint64> keys = entry.isRest ? entry.categoryIds : QList<qint64> {entry.categoryId.value_or(0)};
            QObject::connect(set, &QBarSet::clicked, set, [request, monthList, keys](int index) {
                TransactionFilter filter = expenses(monthOf(monthList.at(index)));
                addCategoryKeys(filter, keys);
                request(filter);
            });
        }
    }
    content.chart->addSeries(bars);

    const auto addLine = [&](const QString& name, const QList<qint64>& values, const QColor& colour,
                             Qt::PenStyle penStyle, std::optional<TransactionType> type) {
        auto* line = new QLineSeries;
        line->setName(name);
        for (int m = 0; m < values.size(); ++m)
            line->append(m, style.value(values.at(m)));
        line->setPen(QPen(colour, 2.5, penStyle, Qt::RoundCap, Qt::RoundJoin));
        line->setPointsVisible(true);
        line->setMarkerSize(7);
        content.chart->addSeries(line);
        const QList<QDate> monthList = trend.months;
        const auto indexAt = [count = int(values.size())](const QPointF& point) {
            return std::clamp(int(std::lround(point.x())), 0, count - 1);
        };
        QObject::connect(
            line, &QLineSeries::hovered, line,
            [name, monthList, values, style, locale, indexAt](const QPointF& point, bool on) {
                const int index = indexAt(point);
                showTip(on ? tr("%1, %2: %3")
                                 .arg(name, monthName(monthList.at(index), locale), style.money(values.at(index)))
                           : QString());
            });
        if (request) {
            QObject::connect(line, &QLineSeries::clicked, line, [request, monthList, indexAt, type](const QPointF& p) {
                TransactionFilter filter;
                filter.dates = monthOf(monthList.at(indexAt(p)));
                filter.type = type;
                request(filter);
            });
        }
        return line;
    };
    QLineSeries* income
        = addLine(tr("Income"), trend.incomeMinor, style.income(), Qt::SolidLine, TransactionType::Income);
    QLineSeries* net = addLine(tr("Net"), trend.netMinor, style.net(), Qt::DotLine, std::nullopt);

    auto* axisX = new QBarCategoryAxis;
    axisX->append(months);
    content.chart->addAxis(axisX, Qt::AlignBottom);
    QCategoryAxis* axisY = style.moneyAxis(bottom, top);
    content.chart->addAxis(axisY, Qt::AlignLeft);
    for (QAbstractSeries* series : {static_cast<QAbstractSeries*>(bars), static_cast<QAbstractSeries*>(income),
                                    static_cast<QAbstractSeries*>(net)}) {
        series->attachAxis(axisX);
        series->attachAxis(axisY);
    }
    wrapLegendBelow(content.chart);
    return content;
}

} // namespace Moniagent
