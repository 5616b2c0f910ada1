#include "receiptimage.h"

#include "receiptimages.h"

namespace Moniagent::Test {

QImage renderReceipt(const QStringList& lines, const ReceiptImageOptions& options)
{
    QFont font(options.family);
    font.setPixelSize(options.pixelSize);
    QImage image = drawReceipt(lines, font, options.width).image;
    if (options.noise > 0)
        image = withNoise(image, options.noise * 20);
    if (options.blur)
        image = blurred(image, 1);
    if (options.rotation != 0)
        image = turned(image, options.rotation);
    return image;
}

bool writeReceipt(const QString& path, const QStringList& lines, const ReceiptImageOptions& options)
{
    return renderReceipt(lines, options).save(path);
}

QStringList groceryReceipt(const QString& merchant, const QString& date)
{
    return {merchant,
            QStringLiteral("12 Market Street, Springfield"),
            QStringLiteral("Tel 555-0100"),
            QStringLiteral("Date: %1|10:32").arg(date),
            QStringLiteral("Milk 1L|1.20"),
            QStringLiteral("Bread|2.50"),
            QStringLiteral("Apples 1kg|3.10"),
            QStringLiteral("SUBTOTAL|6.80"),
            QStringLiteral("VAT 20%|1.36"),
            QStringLiteral("TOTAL|8.16"),
            QStringLiteral("CARD|8.16"),
            QStringLiteral("Thank you!")};
}

} // namespace Moniagent::Test
