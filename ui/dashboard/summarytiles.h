#pragma once

#include "db/dashboardqueries.h"

#include <QCoreApplication>
#include <QDate>
#include <QFrame>
#include <QList>

class QLabel;

namespace Moniagent {

class ChartStyle;

// The month in four numbers (income, expenses, net, transactions), each with its change from the month
// before.
class SummaryTiles : public QWidget
{
    Q_OBJECT
public:
    enum Tile
    {
        Income,
        Expenses,
        Net,
        Count,
        TileCount
    };

    explicit SummaryTiles(QWidget* parent = nullptr);

    void setSummary(const PeriodSummary& month, const PeriodSummary& previous, QDate previousMonth,
                    const ChartStyle& style);
    void clear();
    QLabel* valueLabel(Tile tile) const { return m_values.at(tile); }
    QLabel* changeLabel(Tile tile) const { return m_changes.at(tile); }

    struct Texts
    {
        QString title;
        QString value;
        QString change;
        int direction = 0; // +1 better than before, -1 worse, 0 neither
    };
    // What a tile says; shared with the monthly report.
    static Texts texts(Tile tile, const PeriodSummary& month, const PeriodSummary& previous, QDate previousMonth,
                       const ChartStyle& style);

protected:
    void changeEvent(QEvent* event) override;

private:
    void updateColours();

    QList<QFrame*> m_tiles;
    QList<QLabel*> m_titles;
    QList<QLabel*> m_values;
    QList<QLabel*> m_changes;
};

} // namespace Moniagent
