#include "chartstyle.h"

#include "core/money.h"

#include <QAbstractAxis>
#include <QCategoryAxis>
#include <QChart>
#include <QGraphicsLayout>
#include <QLegend>

#include <algorithm>
#include <cmath>

namespace Moniagent {

namespace {

QColor mix(const QColor& a, const QColor& b, double t)
{
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t), float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t));
}

// The step between axis ticks: 1, 2 or 5 × 10^n minor units, at least one major unit, so that `span` takes at
// most five steps.
qint64 niceStep(qint64 span, qint64 unit)
{
    const qint64 raw = std::max<qint64>(1, span / 5);
    qint64 magnitude = 1;
    while (magnitude <= raw / 10)
        magnitude *= 10;
    qint64 step = magnitude;
    for (qint64 factor : {1, 2, 5, 10}) {
        step = factor * magnitude;
        if (step >= raw)
            break;
    }
    return std::max(step, unit);
}

qint64 floorTo(qint64 value, qint64 step)
{
    const qint64 q = value / step;
    return (value % step != 0 && value < 0 ? q - 1 : q) * step;
}

qint64 ceilTo(qint64 value, qint64 step)
{
    const qint64 q = value / step;
    return (value % step != 0 && value > 0 ? q + 1 : q) * step;
}

} // namespace

ChartStyle::ChartStyle(const QPalette& palette, const QLocale& locale, const Currency& currency)
    : m_palette(palette)
    , m_locale(locale)
    , m_currency(currency)
{ }

bool ChartStyle::isDark() const
{
    return m_palette.color(QPalette::Window).lightnessF() < 0.5;
}

QColor ChartStyle::background() const
{
    return m_palette.color(QPalette::Base);
}

QColor ChartStyle::text() const
{
    return m_palette.color(QPalette::Text);
}

QColor ChartStyle::mutedText() const
{
    return mix(text(), background(), 0.35);
}

QColor ChartStyle::grid() const
{
    return mix(text(), background(), isDark() ? 0.82 : 0.88);
}

QColor ChartStyle::accent() const
{
    return isDark() ? QColor(0x60, 0xA5, 0xFA) : QColor(0x25, 0x63, 0xEB);
}

QColor ChartStyle::income() const
{
    return isDark() ? QColor(0x4A, 0xDE, 0x80) : QColor(0x15, 0x80, 0x3D);
}

QColor ChartStyle::net() const
{
    return isDark() ? QColor(0xE2, 0xE8, 0xF0) : QColor(0x1E, 0x29, 0x3B);
}

QColor ChartStyle::pace() const
{
    return isDark() ? QColor(0xFB, 0xBF, 0x24) : QColor(0xD9, 0x77, 0x06);
}

QColor ChartStyle::ok() const
{
    return isDark() ? QColor(0x34, 0xD3, 0x99) : QColor(0x05, 0x96, 0x69);
}

QColor ChartStyle::warning() const
{
    return isDark() ? QColor(0xFB, 0xBF, 0x24) : QColor(0xD9, 0x77, 0x06);
}

QColor ChartStyle::exceeded() const
{
    return isDark() ? QColor(0xF8, 0x71, 0x71) : QColor(0xDC, 0x26, 0x26);
}

QColor ChartStyle::uncategorized() const
{
    return mix(text(), background(), 0.55);
}

QColor ChartStyle::rest() const
{
    return mix(text(), background(), 0.7);
}

QColor ChartStyle::categoryColor(const QString& stored, int index) const
{
    static const QList<QColor> fallback {QColor(0x25, 0x63, 0xEB), QColor(0xEA, 0x58, 0x0C), QColor(0x16, 0xA3, 0x4A),
                                         QColor(0xDB, 0x27, 0x77), QColor(0x7C, 0x3A, 0xED), QColor(0x08, 0x91, 0xB2),
                                         QColor(0xCA, 0x8A, 0x04), QColor(0xDC, 0x26, 0x26)};
    QColor color(stored);
    if (!color.isValid())
        color = fallback.at(index % fallback.size());
    // Very dark colours disappear on a dark card, very light ones on a light card.
    const double lightness = color.lightnessF();
    if (isDark() && lightness < 0.45)
        color = mix(color, QColor(Qt::white), 0.45 - lightness + 0.15);
    else if (!isDark() && lightness > 0.8)
        color = mix(color, QColor(Qt::black), lightness - 0.7);
    return color;
}

QChart* ChartStyle::newChart() const
{
    auto* chart = new QChart;
    // The theme first: setting it later would repaint every series in the theme's colours.
    chart->setTheme(isDark() ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setBackgroundBrush(background());
    chart->setBackgroundPen(QPen(grid(), 1));
    chart->setBackgroundRoundness(8);
    chart->setPlotAreaBackgroundVisible(false);
    chart->setDropShadowEnabled(false);
    chart->setMargins(QMargins(8, 4, 24, 4));
    chart->layout()->setContentsMargins(1, 1, 1, 1); // the card fills the chart's rectangle, border included
    return chart;
}

void ChartStyle::apply(QChart* chart, const QString& title) const
{
    QFont titleFont = chart->titleFont();
    titleFont.setPointSizeF(11);
    titleFont.setBold(true);
    chart->setTitleFont(titleFont);
    chart->setTitleBrush(text());
    chart->setTitle(title);
    QLegend* legend = chart->legend();
    legend->setLabelColor(text());
    QFont legendFont = legend->font();
    legendFont.setPointSizeF(m_compact ? 8 : 9);
    legend->setFont(legendFont);
    for (QAbstractAxis* axis : chart->axes())
        styleAxis(axis);
}

void ChartStyle::styleAxis(QAbstractAxis* axis) const
{
    axis->setLabelsColor(mutedText());
    QFont font = axis->labelsFont();
    font.setPointSizeF(m_compact ? 8 : 8.5);
    axis->setLabelsFont(font);
    axis->setGridLineColor(grid());
    axis->setLinePenColor(grid());
    axis->setTitleBrush(mutedText());
    axis->setShadesVisible(false);
    axis->setMinorGridLineVisible(false);
}

QString ChartStyle::money(qint64 minor) const
{
    return Money(minor, m_currency).toString(m_locale);
}

QString ChartStyle::compactMoney(qint64 minor) const
{
    const QString text = money(minor);
    const int digits = m_currency.minorDigits();
    if (digits <= 0 || minor % m_currency.minorPerMajor() != 0)
        return text;
    const QString zeros = m_locale.decimalPoint() + m_locale.zeroDigit().repeated(digits);
    QString compact = text;
    const qsizetype at = compact.indexOf(zeros);
    if (at >= 0)
        compact.remove(at, zeros.size());
    return compact;
}

QString ChartStyle::roundedMoney(qint64 minor) const
{
    const qint64 unit = m_currency.minorPerMajor();
    const qint64 half = unit / 2;
    const qint64 rounded = (minor >= 0 ? (minor + half) / unit : (minor - half) / unit) * unit;
    return compactMoney(rounded);
}

double ChartStyle::value(qint64 minor) const
{
    return double(minor) / double(m_currency.minorPerMajor());
}

QCategoryAxis* ChartStyle::moneyAxis(qint64 minMinor, qint64 maxMinor) const
{
    const qint64 unit = m_currency.minorPerMajor();
    // A little room above the highest and below the lowest value, so points and line ends are not cut off.
    minMinor = std::min<qint64>(0, minMinor - std::abs(minMinor) / 20);
    maxMinor = std::max<qint64>(0, maxMinor + std::abs(maxMinor) / 20);
    if (maxMinor == minMinor)
        maxMinor = minMinor + 10 * unit;
    const qint64 step = niceStep(maxMinor - minMinor, unit);
    const qint64 low = floorTo(minMinor, step);
    const qint64 high = ceilTo(maxMinor, step);
    auto* axis = new QCategoryAxis;
    axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    axis->setStartValue(value(low));
    for (qint64 tick = low; tick <= high; tick += step)
        axis->append(compactMoney(tick), value(tick));
    axis->setRange(value(low), value(high));
    return axis;
}

} // namespace Moniagent
