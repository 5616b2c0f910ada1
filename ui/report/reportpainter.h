#pragma once

#include <QFont>
#include <QList>
#include <QPalette>
#include <QRectF>
#include <QStringList>

class QPainter;

namespace Moniagent {

struct ChartContent;

// Lays out a report page from top to bottom: text blocks, tables and charts, each starting where the last
// one ended. Works on any QPainter (PDF, picture, image).
class ReportPainter
{
public:
    ReportPainter(QPainter* painter, const QRectF& page, const QPalette& palette);

    QPainter* painter() const { return m_painter; }
    const QRectF& page() const { return m_page; }
    const QPalette& palette() const { return m_palette; }
    double y() const { return m_y; }
    double remaining() const { return m_page.bottom() - m_y; }
    void skip(double height) { m_y += height; }
    // Starts at the top again (after QPdfWriter::newPage()).
    void restart() { m_y = m_page.top(); }

    QFont font(double pointSize, bool bold = false) const;
    QColor text() const;
    QColor muted() const;
    QColor line() const;

    // A block of wrapped text across the page (or within `width` from the left when given).
    void paragraph(const QString& text, const QFont& font, const QColor& colour, double width = -1);
    double paragraphHeight(const QString& text, const QFont& font, double width = -1) const;

    struct Column
    {
        QString title;
        double share = 1; // of the page width, relative to the other columns
        Qt::Alignment alignment = Qt::AlignLeft;
    };
    // A table with a header row and zebra stripes; rows that do not fit on the page are left out and their
    // number returned.
    int table(const QList<Column>& columns, const QList<QStringList>& rows, const QFont& font);

    // A chart (the scene takes it and deletes it) in a box `height` high across the page, with its empty text
    // and its footnote below.
    void chart(const ChartContent& content, double height);

private:
    QPainter* m_painter;
    QRectF m_page;
    QPalette m_palette;
    double m_y;
};

} // namespace Moniagent
