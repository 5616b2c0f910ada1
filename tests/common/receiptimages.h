#pragma once

// Receipts the OCR tests draw themselves: text lines rendered with QPainter in a known font, with the box of
// every word, plus the distortions a phone or scanner adds (rotation, noise, blur).

#include <QFont>
#include <QImage>
#include <QList>
#include <QRect>
#include <QString>
#include <QStringList>

namespace Moniagent::Test {

struct DrawnWord
{
    QString text;
    QRect box; // tight around the ink
};

struct DrawnReceipt
{
    QImage image; // Format_RGB32, black text on white
    QList<DrawnWord> words;

    // The first drawn word equal to `text`.
    QRect boxOf(const QString& text) const;
};

// A typical shop receipt (merchant, address, date, items, total 9.84, payment); used by most tests.
QStringList sampleReceiptLines();
// Draws `lines` (words separated by single spaces; "|" right-aligns the rest of the line) in `font`.
DrawnReceipt drawReceipt(const QStringList& lines, const QFont& font, int width = 0, int margin = 40);

// `image` turned clockwise by `degrees` (a multiple of 90).
QImage turned(const QImage& image, int degrees);
// Gaussian-ish grey noise of `strength` (0..255) and a box blur of `radius` pixels.
QImage withNoise(const QImage& image, int strength, quint32 seed = 1);
QImage blurred(const QImage& image, int radius);

// Whether `found` lies where `expected` is, within `tolerance` pixels on every edge.
bool near(const QRect& found, const QRect& expected, int tolerance);

} // namespace Moniagent::Test
