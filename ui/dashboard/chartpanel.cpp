#include "chartpanel.h"

#include <QAction>
#include <QChart>
#include <QChartView>
#include <QFileDialog>
#include <QFileInfo>
#include <QGraphicsScene>
#include <QImage>
#include <QLabel>
#include <QMenu>
#include <QPainter>
#include <QSaveFile>
#include <QSettings>
#include <QStandardPaths>
#include <QSvgGenerator>
#include <QToolButton>
#include <QVBoxLayout>

namespace Moniagent {

ChartPanel::ChartPanel(DashboardCharts::Kind kind, QWidget* parent)
    : QFrame(parent)
    , m_kind(kind)
    , m_view(new QChartView(this))
    , m_empty(new QLabel(m_view))
    , m_footnote(new QLabel(this))
    , m_exportButton(new QToolButton(m_view))
    , m_png(new QAction(tr("Save Chart as PNG…"), this))
    , m_svg(new QAction(tr("Save Chart as SVG…"), this))
    , m_exportName(DashboardCharts::fileStem(kind))
{
    setObjectName(QStringLiteral("chartPanel-") + DashboardCharts::fileStem(kind));
    m_view->setObjectName(QStringLiteral("chartView"));
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->setMinimumHeight(260);
    m_view->setAccessibleName(DashboardCharts::title(kind));
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_view->addAction(m_png);
    m_view->addAction(m_svg);
    m_view->setChart(new QChart);

    m_empty->setObjectName(QStringLiteral("emptyChartHint"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setAttribute(Qt::WA_TransparentForMouseEvents);

    m_footnote->setObjectName(QStringLiteral("chartFootnote"));
    m_footnote->setWordWrap(true);
    m_footnote->setVisible(false);
    QFont small = m_footnote->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    m_footnote->setFont(small);
    updateColours();

    m_png->setObjectName(QStringLiteral("exportPng"));
    m_svg->setObjectName(QStringLiteral("exportSvg"));
    m_exportButton->setObjectName(QStringLiteral("exportChart"));
    m_exportButton->setText(tr("Save…"));
    m_exportButton->setToolTip(tr("Save this chart as a picture"));
    m_exportButton->setAccessibleName(tr("Save %1 as a picture").arg(DashboardCharts::title(kind)));
    m_exportButton->setAutoRaise(true);
    m_exportButton->setPopupMode(QToolButton::InstantPopup);
    auto* menu = new QMenu(m_exportButton);
    menu->addAction(m_png);
    menu->addAction(m_svg);
    m_exportButton->setMenu(menu);
    connect(m_png, &QAction::triggered, this, &ChartPanel::exportPng);
    connect(m_svg, &QAction::triggered, this, &ChartPanel::exportSvg);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_footnote);
    m_footnote->setContentsMargins(10, 0, 10, 0);
    setContent({});
}

ChartPanel::~ChartPanel() = default;

QChart* ChartPanel::chart() const
{
    return m_view->chart();
}

void ChartPanel::setContent(const ChartContent& content)
{
    QChart* old = m_view->chart();
    QChart* chart = content.chart ? content.chart : new QChart;
    m_view->setChart(chart);
    if (old && old != chart)
        delete old;
    m_isEmpty = content.empty || !content.chart;
    m_empty->setText(content.emptyText);
    m_empty->setVisible(m_isEmpty && !content.emptyText.isEmpty());
    m_footnote->setText(content.footnote);
    m_footnote->setVisible(!content.footnote.isEmpty());
    m_png->setEnabled(!m_isEmpty);
    m_svg->setEnabled(!m_isEmpty);
    m_exportButton->setEnabled(!m_isEmpty);
    placeOverlays();
}

void ChartPanel::changeEvent(QEvent* event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        updateColours();
}

void ChartPanel::updateColours()
{
    // Explicit colours do not follow a change of the application palette by themselves: set them again.
    QPalette muted = palette();
    muted.setColor(QPalette::WindowText, muted.color(QPalette::PlaceholderText));
    m_empty->setPalette(muted);
    m_footnote->setPalette(muted);
    m_view->setBackgroundBrush(palette().color(QPalette::Window));
}

void ChartPanel::resizeEvent(QResizeEvent* event)
{
    QFrame::resizeEvent(event);
    placeOverlays();
}

void ChartPanel::placeOverlays()
{
    const QRect area = m_view->rect();
    m_empty->setGeometry(area.adjusted(24, 40, -24, -16));
    const QSize button = m_exportButton->sizeHint();
    m_exportButton->move(area.right() - button.width() - 10, 8);
    m_exportButton->raise();
}

void ChartPanel::render(QPainter* painter, const QRectF& target) const
{
    QChart* chart = m_view->chart();
    const QRectF source = chart->mapRectToScene(chart->boundingRect());
    m_view->scene()->render(painter, target, source, Qt::IgnoreAspectRatio);
}

Result<void> ChartPanel::exportTo(const QString& path) const
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != QLatin1String("png") && suffix != QLatin1String("svg"))
        return Error::invalidInput(tr("Charts are saved as .png or .svg files."));
    if (m_isEmpty)
        return Error::invalidInput(tr("This chart has nothing to show yet."));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error {Error::Code::Io, tr("“%1” cannot be written.").arg(QFileInfo(path).fileName()),
                      file.errorString()};
    const QSizeF size = m_view->chart()->size();
    if (suffix == QLatin1String("png")) {
        constexpr qreal Scale = 2;
        QImage image((size * Scale).toSize(), QImage::Format_ARGB32_Premultiplied);
        image.setDevicePixelRatio(Scale);
        image.fill(Qt::transparent);
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setRenderHint(QPainter::TextAntialiasing);
        render(&painter, QRectF(QPointF(0, 0), size));
        painter.end();
        if (!image.save(&file, "PNG"))
            return Error {Error::Code::Io, tr("“%1” cannot be written.").arg(QFileInfo(path).fileName()),
                          file.errorString()};
    } else {
        QSvgGenerator svg;
        svg.setOutputDevice(&file);
        svg.setSize(size.toSize());
        svg.setViewBox(QRectF(QPointF(0, 0), size));
        svg.setTitle(DashboardCharts::title(m_kind));
        svg.setDescription(tr("A chart from Moniagent"));
        QPainter painter(&svg);
        painter.setRenderHint(QPainter::Antialiasing);
        render(&painter, QRectF(QPointF(0, 0), size));
        painter.end();
    }
    if (!file.commit())
        return Error {Error::Code::Io, tr("“%1” cannot be written.").arg(QFileInfo(path).fileName()),
                      file.errorString()};
    return {};
}

void ChartPanel::exportPng()
{
    exportWithDialog(QStringLiteral("png"));
}

void ChartPanel::exportSvg()
{
    exportWithDialog(QStringLiteral("svg"));
}

void ChartPanel::exportWithDialog(const QString& extension)
{
    QSettings settings;
    const QString folder = settings
                               .value(QStringLiteral("dashboard/exportFolder"),
                                      QStandardPaths::writableLocation(QStandardPaths::PicturesLocation))
                               .toString();
    const QString filter = extension == QLatin1String("png") ? tr("PNG pictures (*.png)") : tr("SVG pictures (*.svg)");
    const QString path
        = QFileDialog::getSaveFileName(this, tr("Save Chart"), folder + u'/' + m_exportName + u'.' + extension, filter);
    if (path.isEmpty())
        return;
    settings.setValue(QStringLiteral("dashboard/exportFolder"), QFileInfo(path).absolutePath());
    auto saved = exportTo(path);
    Q_EMIT statusMessage(saved ? tr("Chart saved to %1.").arg(QFileInfo(path).fileName()) : saved.error().message);
}

} // namespace Moniagent
