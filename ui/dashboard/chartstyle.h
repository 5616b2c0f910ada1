#pragma once

#include "core/currency.h"

#include <QColor>
#include <QList>
#include <QLocale>
#include <QPalette>

class QAbstractAxis;
class QChart;
class QCategoryAxis;

namespace Moniagent {

// How the dashboard's charts look: colours from the application palette (light or dark), money in the
// locale's format. One instance is passed to every chart builder.
class ChartStyle
{
public:
    ChartStyle(const QPalette& palette, const QLocale& locale, const Currency& currency);

    const QPalette& palette() const { return m_palette; }
    const QLocale& locale() const { return m_locale; }
    const Currency& currency() const { return m_currency; }
    bool isDark() const;
    // Smaller text for narrow charts (the printed report).
    void setCompact(bool compact) { m_compact = compact; }
    bool isCompact() const { return m_compact; }

    QColor background() const; // the chart's card
    QColor text() const;
    QColor mutedText() const;
    QColor grid() const;
    QColor accent() const; // the one-series colour (cumulative spending, merchants)
    QColor income() const;
    QColor net() const;
    QColor pace() const;
    QColor ok() const;
    QColor warning() const;
    QColor exceeded() const;
    QColor uncategorized() const;
    QColor rest() const;
    // A category's stored colour, adjusted so it stays visible on the background; `fallback` when invalid.
    QColor categoryColor(const QString& stored, int index) const;

    // A chart with this style's theme and background; series added later keep the colours given to them.
    QChart* newChart() const;
    // Title, legend and axes of a chart (call after its series and axes were added).
    void apply(QChart* chart, const QString& title) const;
    void styleAxis(QAbstractAxis* axis) const;

    // "$1,234.56" in the locale.
    QString money(qint64 minor) const;
    // "$1,500" for axis ticks (whole units, no decimals when there are none).
    QString compactMoney(qint64 minor) const;
    // "$7,154": rounded to whole units, for legends (tool tips give the exact amount).
    QString roundedMoney(qint64 minor) const;
    // An axis from `minMinor` to `maxMinor` (0 is always included) with 4–6 ticks labelled as money, in major
    // units. The chart's series use major units as their values.
    QCategoryAxis* moneyAxis(qint64 minMinor, qint64 maxMinor) const;
    // Minor units → the chart's value (major units).
    double value(qint64 minor) const;

private:
    QPalette m_palette;
    QLocale m_locale;
    Currency m_currency;
    bool m_compact = false;
};

} // namespace Moniagent
