#pragma once

// Helpers shared by the chart builders of DashboardCharts (not part of its interface).

#include "core/transactionfilter.h"

#include <QLocale>
#include <QString>

class QChart;

namespace Moniagent::ChartsInternal {

// Shows `text` as a tool tip at the mouse, or hides the tip for an empty text.
void showTip(const QString& text);
// "23%" in the locale (one decimal below 1 %).
QString percent(double share, const QLocale& locale);
// At most `length` characters, with an ellipsis when cut.
QString elided(const QString& text, int length);
// Expenses within `range`.
TransactionFilter expenses(const DateRange& range);
// Adds category keys (0: uncategorized) to a filter.
void addCategoryKeys(TransactionFilter& filter, const QList<qint64>& keys);
// The days of the month starting on `month`.
DateRange monthOf(QDate month);
// Puts the chart's legend below it in as many rows as its entries need (the chart's own legend keeps to one row
// and cuts the names short when they do not fit).
void wrapLegendBelow(QChart* chart);

} // namespace Moniagent::ChartsInternal
