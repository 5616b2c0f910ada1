#include "receiptimage.h"

#include <QFont>
#include <QFontMetrics>
#include <QPainter>
#include <QRandomGenerator>
#include <QTransform>

namespace Test {

QImage renderReceipt(const QStringList& lines, const ReceiptImageOptions& options)
{
    QFont font(options.family);
    font.setPixelSize(options.pixelSize);
    font.setStyleStrategy(QFont::PreferAntialias);
    const QFontMetrics metrics(font);
    const int lineHeight = metrics.height() + options.pixelSize / 3;
    const int margin = options.pixelSize * 2;
    QImage image(options.width, margin * 2 + lineHeight * int(lines.size()), QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setFont(font);
    painter.setPen(Qt::black);
    int y = margin + metrics.ascent();
    for (const QString& line : lines) {
        const qsizetype bar = line.indexOf(u'|');
        if (bar < 0) {
            const int x
                = line.startsWith(u' ') ? (options.width - metrics.horizontalAdvance(line.trimmed())) / 2 : margin;
            painter.drawText(x, y, line.trimmed());
        } else {
            painter.drawText(margin, y, line.left(bar));
            const QString right = line.mid(bar + 1);
            painter.drawText(options.width - margin - metrics.horizontalAdvance(right), y, right);
        }
        y += lineHeight;
    }
    if (options.noise > 0) {
        QRandomGenerator random(42);
        const int speckles = image.width() * image.height() * options.noise / 2000;
        for (int i = 0; i < speckles; ++i)
            painter.fillRect(random.bounded(image.width()), random.bounded(image.height()), 2, 2, Qt::gray);
    }
    painter.end();
    if (options.blur) {
        const QSize size = image.size();
        image = image.scaled(size / 2, Qt::IgnoreAspectRatio, Qt::SmoothTransformation)
                    .scaled(size, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    }
    if (options.rotation != 0)
        image = image.transformed(QTransform().rotate(options.rotation));
    return image;
}

bool writeReceipt(const QString& path, const QStringList& lines, const ReceiptImageOptions& options)
{
    return renderReceipt(lines, options).save(path);
}

QStringList groceryReceipt(const QString& merchant, const QString& date)
{
    return {QStringLiteral(" ") + merchant,
            QStringLiteral(" 12 Market Street, Springfield"),
            QStringLiteral(" Tel 555-0100"),
            QStringLiteral("Date: %1|10:32").arg(date),
            QString(),
            QStringLiteral("Milk 1L|1.20"),
            QStringLiteral("Bread|2.50"),
            QStringLiteral("Apples 1kg|3.10"),
            QStringLiteral("SUBTOTAL|6.80"),
            QStringLiteral("VAT 20%|1.36"),
            QStringLiteral("TOTAL|8.16"),
            QStringLiteral("CARD|8.16"),
            QString(),
            QStringLiteral(" Thank you!")};
}

} // namespace Test
