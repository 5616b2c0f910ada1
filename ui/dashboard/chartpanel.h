#pragma once

#include "core/result.h"
#include "dashboardcharts.h"

#include <QCoreApplication>
#include <QFrame>

class QAction;
class QChart;
class QChartView;
class QLabel;
class QPainter;
class QToolButton;

namespace Moniagent {

// One chart of the dashboard: the chart view, a message over it while it has nothing to show, a footnote
// (what it leaves out), and saving it as a PNG or SVG picture (a button and the context menu).
class ChartPanel : public QFrame
{
    Q_OBJECT
public:
    explicit ChartPanel(DashboardCharts::Kind kind, QWidget* parent = nullptr);
    ~ChartPanel() override;

    DashboardCharts::Kind kind() const { return m_kind; }
    QChartView* view() const { return m_view; }
    QChart* chart() const;
    QLabel* emptyLabel() const { return m_empty; }
    QLabel* footnoteLabel() const { return m_footnote; }
    QToolButton* exportButton() const { return m_exportButton; }
    bool isEmpty() const { return m_isEmpty; }

    // Shows a newly built chart (taking ownership) in place of the current one.
    void setContent(const ChartContent& content);
    // The file name the save dialog proposes, without extension.
    void setExportName(const QString& stem) { m_exportName = stem; }

    // Draws the chart into `target` (for pictures and reports).
    void render(QPainter* painter, const QRectF& target) const;
    // Writes the chart as PNG (at twice its size on screen) or SVG, chosen by the file's extension; all or
    // nothing.
    Result<void> exportTo(const QString& path) const;

public Q_SLOTS:
    // Ask for a file name, then export.
    void exportPng();
    void exportSvg();

Q_SIGNALS:
    void statusMessage(const QString& message);

protected:
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void exportWithDialog(const QString& extension);
    void placeOverlays();
    void updateColours();

    DashboardCharts::Kind m_kind;
    QChartView* m_view;
    QLabel* m_empty;
    QLabel* m_footnote;
    QToolButton* m_exportButton;
    QAction* m_png;
    QAction* m_svg;
    QString m_exportName;
    bool m_isEmpty = true;
};

} // namespace Moniagent
