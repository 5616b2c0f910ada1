#pragma once

#include <QImage>
#include <QString>
#include <QStringList>

namespace Moniagent::Test {

// A receipt the tests make themselves: lines of text, where "left|right" puts `right` flush right (amounts),
// rendered black on white like a scan at about 200 dpi. Needs a QGuiApplication (fonts).
struct ReceiptImageOptions
{
    QString family = QStringLiteral("DejaVu Sans Mono");
    int pixelSize = 26; // text height in pixels
    int width = 640;
    int rotation = 0; // clockwise degrees (0, 90, 180, 270) applied after drawing
    int noise = 0; // 0..100: share of speckles
    bool blur = false;
};

QImage renderReceipt(const QStringList& lines, const ReceiptImageOptions& options = {});
// Renders and saves; the format follows the suffix (png, jpg, tif, bmp, webp). False when it could not be written.
bool writeReceipt(const QString& path, const QStringList& lines, const ReceiptImageOptions& options = {});

// A plain receipt with merchant, date, three items, VAT and total (8.16), in English.
QStringList groceryReceipt(const QString& merchant = QStringLiteral("GREEN LEAF GROCER"),
                           const QString& date = QStringLiteral("14/11/2026"));

} // namespace Moniagent::Test
