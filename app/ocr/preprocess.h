#pragma once

#include "documentreader.h"
#include "leptonicaimage.h"

#include <QRect>
#include <QStringList>

namespace Moniagent {

// An image cleaned up for Tesseract, with the way back from its pixels to the page's.
struct PreparedImage
{
    PixPtr pix; // 8-bit grey, or 1-bit when binarized
    double scale = 1; // prepared pixels per input pixel
    double skewRadians = 0; // clockwise turn applied after scaling (deskew), about the centre
    QPoint offset; // where the input lies on the page (a region being re-read)
    QSize inputSize; // the input's size, before scaling
    QStringList steps; // what was applied, by name ("scale", "osd", "deskew", …)

    // A box in `pix` in the coordinates of the page (the input, moved by `offset`).
    QRect toPage(const QRect& box) const;
};

// Leptonica clean-up of one upright page image (DESIGN.md §4): scale to an OCR-friendly text size, background
// normalization, deskew, adaptive binarization and removal of dark borders.
class Preprocessor
{
public:
    struct Options
    {
        CleanupSteps steps;
        int textHeight = 24;
        double extraScale = 1; // on top of the text-size scale (re-reading a region larger)
        double fixedScale = 0; // when > 0, this scale instead of measuring the text
    };
    // `grey` is an 8-bit grey page image.
    static PreparedImage prepare(const QImage& grey, const Options& options);

    // The median height of glyph-sized dark components, in pixels of `grey`; 0 when there are too few to tell.
    static double estimateTextHeight(Pix* grey);
    // The scale that gives text `textHeight` pixels (1 when the text is already close or cannot be measured),
    // limited so that the result stays a sensible size.
    static double scaleFor(Pix* grey, int textHeight);
};

} // namespace Moniagent
