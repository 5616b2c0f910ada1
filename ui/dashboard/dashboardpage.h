#pragma once

#include "core/result.h"
#include "core/transactionfilter.h"
#include "dashboard/dashboarddata.h"
#include "dashboardcharts.h"

#include <QDate>
#include <QFutureWatcher>
#include <QMap>
#include <QWidget>

class QDateEdit;
class QLabel;
class QPushButton;
class QTimer;
class QToolButton;

namespace Moniagent {

class ChartPanel;
class Session;
class SummaryTiles;

// The dashboard: a month chooser, the month's summary, and five charts (spending by category, budgets against
// their limits, the last 12 months, spending through the month against the budget pace, top merchants) in the
// profile's base currency. Data is loaded on a worker thread and reloaded (debounced) when transactions,
// budgets or categories change; a hidden page reloads when it is shown again. Clicking a slice, bar or line
// asks for the ledger filtered to it (ledgerRequested).
class DashboardPage : public QWidget
{
    Q_OBJECT
public:
    explicit DashboardPage(Session* session, QWidget* parent = nullptr);
    ~DashboardPage() override;

    // The first day of the month shown.
    QDate month() const { return m_month; }
    // The question "Ask about this" puts to the assistant for a chart of the shown month.
    QString questionAbout(DashboardCharts::Kind kind) const;
    ChartPanel* panel(DashboardCharts::Kind kind) const { return m_panels.value(kind); }
    SummaryTiles* summaryTiles() const { return m_tiles; }
    QDateEdit* monthEdit() const { return m_monthEdit; }
    // The data the charts show (empty before the first load).
    const DashboardData& data() const { return m_data; }
    bool isLoading() const;
    // Writes the monthly report of the month shown; returns the number of pages.
    Result<int> saveReport(const QString& path);

public Q_SLOTS:
    void setMonth(QDate month);
    void previousMonth();
    void nextMonth();
    void showThisMonth();
    // Loads the month again now (a load already running is followed by one more).
    void reload();
    // Asks for a file and writes the month's report as PDF.
    void exportReport();

Q_SIGNALS:
    // The ledger filtered to what was clicked (category and dates, a merchant search …).
    void ledgerRequested(const TransactionFilter& filter);
    void statusMessage(const QString& message);
    // "Ask about this" on a chart: a question for the assistant about what the chart shows.
    void askRequested(const QString& question);
    // A load finished and the charts show it.
    void loaded();

protected:
    void showEvent(QShowEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void scheduleReload();
    void loadFinished();
    void rebuildCharts();
    void updateNavigation();
    QDate thisMonth() const;

    Session* m_session;
    QDate m_month;
    DashboardData m_data;
    bool m_hasData = false;
    bool m_pending = false; // another load once the running one is done
    bool m_stale = true; // changed while hidden
    QFutureWatcher<Result<DashboardData>> m_watcher;
    QTimer* m_debounce;
    QToolButton* m_previous;
    QToolButton* m_next;
    QDateEdit* m_monthEdit;
    QPushButton* m_thisMonth;
    QPushButton* m_report;
    QLabel* m_currencyNote;
    SummaryTiles* m_tiles;
    QMap<DashboardCharts::Kind, ChartPanel*> m_panels;
};

} // namespace Moniagent
