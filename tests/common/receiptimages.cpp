#include "receiptimages.h"

#include <QFontMetrics>
#include <QPainter>
#include <QRandomGenerator>
#include <QTransform>

#include <algorithm>

namespace Moniagent::Test {

QRect DrawnReceipt::boxOf(const QString& text) const
{
    for (const DrawnWord& word : words) {
        if (word.text == text)
            return word.box;
    }
    return {};
}

QStringList sampleReceiptLines()
{
    return {
        QStringLiteral("CORNER GROCERY"),
        QStringLiteral("12 Harbour Street, Dublin"),
        QStringLiteral("Date 14/03/2024 Time 10:42"),
        QStringLiteral("Receipt 000417"),
        QStringLiteral("Milk 1L|2.49"),
        QStringLiteral("Bread wholemeal|3.10"),
        QStringLiteral("Apples 1kg|4.25"),
        QStringLiteral("Subtotal|9.84"),
        QStringLiteral("TOTAL|9.84"),
        QStringLiteral("VISA card|9.84"),
        QStringLiteral("Thank you for shopping"),
    };
}

DrawnReceipt drawReceipt(const QStringList& lines, const QFont& font, int width, int margin)
{
    const QFontMetrics metrics(font);
    const int lineHeight = metrics.height() * 3 / 2;
    if (width <= 0)
        width = metrics.horizontalAdvance(QStringLiteral("M")) * 30 + 2 * margin;
    const int height = lineHeight * int(lines.size()) + 2 * margin;
    DrawnReceipt receipt;
    receipt.image = QImage(width, height, QImage::Format_RGB32);
    receipt.image.fill(Qt::white);
    QPainter painter(&receipt.image);
    painter.setFont(font);
    painter.setPen(Qt::black);
    painter.setRenderHint(QPainter::TextAntialiasing);
    int baseline = margin + metrics.ascent();
    for (const QString& line : lines) {
        const QString left = line.section(u'|', 0, 0);
        const QString right = line.contains(u'|') ? line.section(u'|', 1) : QString();
        const auto drawWords = [&](const QString& text, int x) {
            const QStringList words = text.split(u' ', Qt::SkipEmptyParts);
            const int space = metrics.horizontalAdvance(u' ');
            for (const QString& word : words) {
                painter.drawText(QPoint(x, baseline), word);
                receipt.words.append({word, metrics.tightBoundingRect(word).translated(x, baseline)});
                x += metrics.horizontalAdvance(word) + space;
            }
        };
        drawWords(left, margin);
        if (!right.isEmpty())
            drawWords(right, width - margin - metrics.horizontalAdvance(right));
        baseline += lineHeight;
    }
    return receipt;
}

QImage turned(const QImage& image, int degrees)
{
    return image.transformed(QTransform().rotate(degrees));
}

QImage withNoise(const QImage& image, int strength, quint32 seed)
{
    QImage noisy = image.convertToFormat(QImage::Format_RGB32);
    QRandomGenerator random(seed);
    for (int y = 0; y < noisy.height(); ++y) {
        auto* line = reinterpret_cast<QRgb*>(noisy.scanLine(y));
        for (int x = 0; x < noisy.width(); ++x) {
            // The sum of three uniforms: roughly bell-shaped.
            const int delta = (random.bounded(2 * strength + 1) + random.bounded(2 * strength + 1)
                               + random.bounded(2 * strength + 1) - 3 * strength)
                / 3;
            const int value = std::clamp(qGray(line[x]) + delta, 0, 255);
            line[x] = qRgb(value, value, value);
        }
    }
    return noisy;
}

QImage blurred(const QImage& image, int radius)
{
    const QImage source = image.convertToFormat(QImage::Format_Grayscale8);
    QImage horizontal(source.size(), QImage::Format_Grayscale8);
    QImage result(source.size(), QImage::Format_Grayscale8);
    const int w = source.width();
    const int h = source.height();
    for (int y = 0; y < h; ++y) {
        const uchar* in = source.constScanLine(y);
        uchar* out = horizontal.scanLine(y);
        for (int x = 0; x < w; ++x) {
            int sum = 0, count = 0;
            for (int k = std::max(0, x - radius); k <= std::min(w - 1, x + radius); ++k, ++count)
                sum += in[k];
            out[x] = uchar(sum / count);
        }
    }
    for (int y = 0; y < h; ++y) {
        uchar* out = result.scanLine(y);
        for (int x = 0; x < w; ++x) {
            int sum = 0, count = 0;
            for (int k = std::max(0, y - radius); k <= std::min(h - 1, y + radius); ++k, ++count)
                sum += horizontal.constScanLine(k)[x];
            out[x] = uchar(sum / count);
        }
    }
    return result.convertToFormat(QImage::Format_RGB32);
}

bool near(const QRect& found, const QRect& expected, int tolerance)
{
    return std::abs(found.left() - expected.left()) <= tolerance && std::abs(found.top() - expected.top()) <= tolerance
        && std::abs(found.right() - expected.right()) <= tolerance
        && std::abs(found.bottom() - expected.bottom()) <= tolerance;
}

} // namespace Moniagent::Test
