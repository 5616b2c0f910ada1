#include "preprocess.h"

#include "ocrlogging.h"

#include <QElapsedTimer>

#include <algorithm>
#include <allheaders.h>
#include <cmath>
#include <numbers>
#include <vector>

namespace Moniagent {

namespace {

// Text height is measured on at most this many pixels (a reduced copy of large pages).
constexpr double MeasurePixels = 3e6;
// The prepared image never exceeds this many pixels, whatever the text size suggests.
constexpr double MaxPreparedPixels = 24e6;
constexpr double MinScale = 0.2;
constexpr double MaxScale = 4.0;
// Closer than this factor to the target, text is left at its size: Tesseract reads a wide range of sizes well, and
// resampling costs time and sharpness (tests/bench/ocr_tune).
constexpr double ScaleTolerance = 1.5;

struct BoxaDeleter
{
    void operator()(Boxa* boxa) const { boxaDestroy(&boxa); }
};

PixPtr binarizeForAnalysis(Pix* grey)
{
    Pix* binary = nullptr;
    // One Otsu threshold over the whole image (tiles larger than the image): good enough to find glyphs.
    if (pixOtsuAdaptiveThreshold(grey, 4000, 4000, 0, 0, 0.0f, nullptr, &binary) != 0)
        return {};
    return PixPtr(binary);
}

PixPtr sauvola(Pix* grey, int textHeight)
{
    Pix* binary = nullptr;
    const int halfWindow = std::clamp(textHeight, 8, 60);
    const int width = pixGetWidth(grey);
    const int height = pixGetHeight(grey);
    // Tiles keep the integral images small on big pages; each tile must be larger than the window.
    const int tilesX = std::max(1, std::min(width / (4 * halfWindow + 2), width / 1500 + 1));
    const int tilesY = std::max(1, std::min(height / (4 * halfWindow + 2), height / 1500 + 1));
    if (pixSauvolaBinarizeTiled(grey, halfWindow, 0.34f, tilesX, tilesY, nullptr, &binary) != 0)
        return {};
    return PixPtr(binary);
}

QPointF rotateAbout(const QPointF& point, const QPointF& centre, double radians)
{
    const double c = std::cos(radians);
    const double s = std::sin(radians);
    const QPointF d = point - centre;
    // Clockwise in image coordinates (y down) for positive angles, as Leptonica's pixRotate.
    return centre + QPointF(d.x() * c - d.y() * s, d.x() * s + d.y() * c);
}

} // namespace

QRect PreparedImage::toPage(const QRect& box) const
{
    const QPointF centre(pixGetWidth(pix.get()) / 2.0, pixGetHeight(pix.get()) / 2.0);
    const QPointF corners[] = {box.topLeft(), box.topRight() + QPointF(1, 0), box.bottomLeft() + QPointF(0, 1),
                               box.bottomRight() + QPointF(1, 1)};
    double left = 1e18, top = 1e18, right = -1e18, bottom = -1e18;
    for (const QPointF& corner : corners) {
        const QPointF unrotated = skewRadians != 0 ? rotateAbout(corner, centre, -skewRadians) : corner;
        const QPointF p = unrotated / scale;
        left = std::min(left, p.x());
        top = std::min(top, p.y());
        right = std::max(right, p.x());
        bottom = std::max(bottom, p.y());
    }
    QRect result(QPoint(int(std::floor(left)), int(std::floor(top))),
                 QPoint(int(std::ceil(right)) - 1, int(std::ceil(bottom)) - 1));
    if (inputSize.isValid())
        result = result.intersected(QRect(QPoint(0, 0), inputSize));
    return result.translated(offset);
}

double Preprocessor::estimateTextHeight(Pix* grey)
{
    const double pixels = double(pixGetWidth(grey)) * pixGetHeight(grey);
    double factor = 1;
    PixPtr reduced;
    Pix* work = grey;
    if (pixels > MeasurePixels) {
        factor = std::sqrt(MeasurePixels / pixels);
        reduced.reset(pixScaleAreaMap(grey, float(factor), float(factor)));
        if (!reduced)
            return 0;
        work = reduced.get();
    }
    const PixPtr binary = binarizeForAnalysis(work);
    if (!binary)
        return 0;
    const std::unique_ptr<Boxa, BoxaDeleter> boxes(pixConnCompBB(binary.get(), 8));
    if (!boxes)
        return 0;
    const int count = boxaGetCount(boxes.get());
    const int maxHeight = pixGetHeight(work) / 6;
    std::vector<int> heights;
    heights.reserve(size_t(count));
    for (int i = 0; i < count; ++i) {
        l_int32 x = 0, y = 0, w = 0, h = 0;
        boxaGetBoxGeometry(boxes.get(), i, &x, &y, &w, &h);
        // Glyph-like: not specks, not rules or frames, not huge blobs.
        if (h >= 4 && h <= maxHeight && w <= 4 * h && w * 8 >= h)
            heights.push_back(h);
    }
    if (heights.size() < 12)
        return 0;
    const auto middle = heights.begin() + qsizetype(heights.size() / 2);
    std::nth_element(heights.begin(), middle, heights.end());
    return *middle / factor;
}

double Preprocessor::scaleFor(Pix* grey, int textHeight)
{
    const double pixels = double(pixGetWidth(grey)) * pixGetHeight(grey);
    const double measured = estimateTextHeight(grey);
    double scale = measured > 0 ? std::clamp(textHeight / measured, MinScale, MaxScale) : 1.0;
    if (scale < ScaleTolerance && scale > 1 / ScaleTolerance)
        scale = 1;
    scale = std::min(scale, std::sqrt(MaxPreparedPixels / pixels));
    qCDebug(lcOcr) << "text height" << measured << "px, scale" << scale;
    return scale;
}

PreparedImage Preprocessor::prepare(const QImage& grey, const Options& options)
{
    PreparedImage prepared;
    prepared.inputSize = grey.size();
    PixPtr pix = pixFromImage(grey);
    if (!pix)
        return prepared;
    QElapsedTimer timer;
    timer.start();
    const auto stepDone = [&](const char* name) {
        prepared.steps << QString::fromLatin1(name);
        qCDebug(lcOcr) << name << timer.restart() << "ms";
    };

    double scale = options.fixedScale > 0 ? options.fixedScale : 1.0;
    if (options.fixedScale <= 0 && options.steps.testFlag(CleanupStep::Scale))
        scale = scaleFor(pix.get(), options.textHeight);
    scale *= options.extraScale;
    if (std::abs(scale - 1) > 1e-3) {
        if (PixPtr scaled {pixScale(pix.get(), float(scale), float(scale))}) {
            // The actual factor after rounding the size.
            scale = double(pixGetWidth(scaled.get())) / pixGetWidth(pix.get());
            pix = std::move(scaled);
            stepDone("scale");
        } else {
            scale = 1;
        }
    }
    prepared.scale = scale;

    if (options.steps.testFlag(CleanupStep::Normalize)) {
        if (PixPtr normalized {pixBackgroundNormSimple(pix.get(), nullptr, nullptr)}) {
            // The background is now 200: stretch what is between the ink and it to the full range.
            pixGammaTRC(normalized.get(), normalized.get(), 1.0f, 40, 190);
            pix = std::move(normalized);
            stepDone("normalize");
        }
    }

    if (options.steps.testFlag(CleanupStep::Deskew)) {
        if (const PixPtr binary = binarizeForAnalysis(pix.get())) {
            l_float32 angle = 0, confidence = 0;
            if (pixFindSkew(binary.get(), &angle, &confidence) == 0 && confidence >= 3.0f && std::abs(angle) >= 0.2f) {
                const double radians = angle * std::numbers::pi / 180.0;
                if (PixPtr rotated {pixRotate(pix.get(), float(radians), L_ROTATE_AREA_MAP, L_BRING_IN_WHITE, 0, 0)}) {
                    pix = std::move(rotated);
                    prepared.skewRadians = radians;
                }
            }
            qCDebug(lcOcr) << "skew" << angle << "degrees, confidence" << confidence;
        }
        stepDone("deskew");
    }

    const int textHeight = int(std::lround(options.textHeight * options.extraScale));
    if (options.steps.testFlag(CleanupStep::Binarize)) {
        if (PixPtr binary = sauvola(pix.get(), textHeight)) {
            pix = std::move(binary);
            stepDone("binarize");
        }
    }

    if (options.steps.testFlag(CleanupStep::RemoveBorder)) {
        if (pixGetDepth(pix.get()) == 1) {
            if (PixPtr cleaned {pixRemoveBorderConnComps(pix.get(), 8)})
                pix = std::move(cleaned);
        } else if (const PixPtr binary = binarizeForAnalysis(pix.get())) {
            // Whiten the grey pixels of the dark components that touch the edges.
            if (PixPtr inner {pixRemoveBorderConnComps(binary.get(), 8)}) {
                if (PixPtr border {pixXor(nullptr, binary.get(), inner.get())})
                    pixSetMasked(pix.get(), border.get(), 255);
            }
        }
        stepDone("remove-border");
    }

    prepared.pix = std::move(pix);
    return prepared;
}

} // namespace Moniagent
