#include "reportpainter.h"

#include "dashboard/dashboardcharts.h"

#include <QChart>
#include <QCoreApplication>
#include <QFontMetricsF>
#include <QGraphicsScene>
#include <QPainter>

namespace Moniagent {

ReportPainter::ReportPainter(QPainter* painter, const QRectF& page, const QPalette& palette)
    : m_painter(painter)
    , m_page(page)
    , m_palette(palette)
    , m_y(page.top())
{ }

QFont ReportPainter::font(double pointSize, bool bold) const
{
    QFont font = m_painter->font();
    font.setPointSizeF(pointSize);
    font.setBold(bold);
    return font;
}

QColor ReportPainter::text() const
{
    return m_palette.color(QPalette::Text);
}

QColor ReportPainter::muted() const
{
    return m_palette.color(QPalette::PlaceholderText);
}

QColor ReportPainter::line() const
{
    return m_palette.color(QPalette::Mid);
}

double ReportPainter::paragraphHeight(const QString& text, const QFont& font, double width) const
{
    if (text.isEmpty())
        return 0;
    const QFontMetricsF metrics(font, m_painter->device());
    const double w = width > 0 ? width : m_page.width();
    return metrics.boundingRect(QRectF(0, 0, w, 1e6), Qt::TextWordWrap, text).height();
}

void ReportPainter::paragraph(const QString& text, const QFont& font, const QColor& colour, double width)
{
    if (text.isEmpty())
        return;
    const double w = width > 0 ? width : m_page.width();
    const double height = paragraphHeight(text, font, w);
    m_painter->save();
    m_painter->setFont(font);
    m_painter->setPen(colour);
    m_painter->drawText(QRectF(m_page.left(), m_y, w, height), Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, text);
    m_painter->restore();
    m_y += height;
}

int ReportPainter::table(const QList<Column>& columns, const QList<QStringList>& rows, const QFont& font)
{
    double shares = 0;
    for (const Column& c : columns)
        shares += c.share;
    const QFontMetricsF metrics(font, m_painter->device());
    const double rowHeight = metrics.height() * 1.7;
    const double padding = metrics.averageCharWidth();
    QFont header = font;
    header.setBold(true);
    m_painter->save();
    const auto drawRow = [&](const QStringList& cells, const QFont& rowFont, const QColor& colour) {
        double x = m_page.left();
        m_painter->setFont(rowFont);
        m_painter->setPen(colour);
        for (int i = 0; i < columns.size(); ++i) {
            const double w = m_page.width() * columns.at(i).share / shares;
            const QRectF cell(x + padding, m_y, w - 2 * padding, rowHeight);
            const QString text
                = QFontMetricsF(rowFont, m_painter->device()).elidedText(cells.value(i), Qt::ElideRight, cell.width());
            m_painter->drawText(cell, int(columns.at(i).alignment | Qt::AlignVCenter), text);
            x += w;
        }
        m_y += rowHeight;
    };
    QStringList titles;
    for (const Column& c : columns)
        titles << c.title;
    drawRow(titles, header, muted());
    m_painter->setPen(QPen(line(), 1));
    m_painter->drawLine(QPointF(m_page.left(), m_y), QPointF(m_page.right(), m_y));
    int left = 0;
    for (int r = 0; r < rows.size(); ++r) {
        if (m_y + rowHeight > m_page.bottom()) {
            left = int(rows.size()) - r;
            break;
        }
        if (r % 2 == 1)
            m_painter->fillRect(QRectF(m_page.left(), m_y, m_page.width(), rowHeight),
                                m_palette.color(QPalette::AlternateBase));
        drawRow(rows.at(r), font, text());
    }
    m_painter->restore();
    return left;
}

void ReportPainter::chart(const ChartContent& content, double height)
{
    const QRectF box(m_page.left(), m_y, m_page.width(), height);
    {
        // A chart is a graphics item: it is laid out and drawn through a scene, which then deletes it.
        QGraphicsScene scene;
        scene.addItem(content.chart);
        content.chart->setGeometry(QRectF(QPointF(0, 0), box.size()));
        // Laying out can ask for more (a legend that wraps changes the margins, a donut resizes itself after the
        // layout): let it settle.
        for (int i = 0; i < 4; ++i)
            QCoreApplication::sendPostedEvents();
        scene.render(m_painter, box, QRectF(QPointF(0, 0), box.size()), Qt::IgnoreAspectRatio);
    }
    if (content.empty && !content.emptyText.isEmpty()) {
        m_painter->save();
        m_painter->setFont(font(10));
        m_painter->setPen(muted());
        m_painter->drawText(box.adjusted(24, 40, -24, -16), Qt::AlignCenter | Qt::TextWordWrap, content.emptyText);
        m_painter->restore();
    }
    m_y += height;
    if (!content.footnote.isEmpty()) {
        m_y += 3;
        paragraph(content.footnote, font(7.5), muted());
    }
}

} // namespace Moniagent
