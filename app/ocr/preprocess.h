#pragma once

#include "documentreader.h"
#include "leptonicaimage.h"

#include <QRect>
#include <QStringList>

#include <functional>

namespace Moniagent {

// An image cleaned up for Tesseract, with the way back from its pixels to the page's.
struct PreparedImage
{
    PixPtr pix; // 8-bit grey, or 1-bit when binarized
    int rotation = 0; // clockwise quarter turn applied to the input (orientation detection)
    double scale = 1; // prepared pixels per input pixel
    double skewRadians = 0; // clockwise turn applied after scaling (deskew), about the centre
    QPoint offset; // where the input lies on the page (a region being re-read)
    QSize rotatedSize; // the input's size after `rotation`, before scaling
    QStringList steps; // what was applied, by name ("scale", "osd", "deskew", …)

    // A box in `pix` in the coordinates of the upright page (the input turned by `rotation`, plus `offset`).
    QRect toPage(const QRect& box) const;
};

// Leptonica clean-up of one page image (DESIGN.md §4): scale to an OCR-friendly text size, orientation
// detection through a callback (Tesseract OSD), background normalization, deskew, adaptive binarization and
// removal of dark borders.
class Preprocessor
{
public:
    struct Options
    {
        CleanupSteps steps;
        int textHeight = 28;
        double extraScale = 1; // on top of the text-size scale (re-reading a region larger)
        double fixedScale = 0; // when > 0, this scale instead of measuring the text
    };
    // Returns the clockwise quarter turn (0, 90, 180, 270) that makes the text in `pix` upright.
    using OrientationDetector = std::function<int(Pix* pix)>;

    // `grey` is an 8-bit grey page image. `detectOrientation` may be empty.
    static PreparedImage prepare(const QImage& grey, const Options& options,
                                 const OrientationDetector& detectOrientation = {});

    // The median height of glyph-sized dark components, in pixels of `grey`; 0 when there are too few to tell.
    static double estimateTextHeight(Pix* grey);
    // The scale that gives text `textHeight` pixels (1 when the text is already close or cannot be measured),
    // limited so that the result stays a sensible size.
    static double scaleFor(Pix* grey, int textHeight);
};

} // namespace Moniagent
