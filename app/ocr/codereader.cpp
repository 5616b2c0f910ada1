#include "codereader.h"

#include "ocrlogging.h"

#define ZX_USE_UTF8 1
#include <QElapsedTimer>

#include <ZXing/ReadBarcode.h>
#include <ZXing/ZXVersion.h>
#include <algorithm>

namespace Moniagent {

namespace {

constexpr qint64 SubsampleAbovePixels = 6'000'000;

} // namespace

QString CodeReader::version()
{
    return QStringLiteral("%1.%2.%3").arg(ZXING_VERSION_MAJOR).arg(ZXING_VERSION_MINOR).arg(ZXING_VERSION_PATCH);
}

QList<DecodedCode> CodeReader::read(const QImage& page, int pageIndex)
{
    QList<DecodedCode> codes;
    if (page.isNull())
        return codes;
    QElapsedTimer timer;
    timer.start();
    const QImage grey
        = page.format() == QImage::Format_Grayscale8 ? page : page.convertToFormat(QImage::Format_Grayscale8);
    const ZXing::ImageView full(grey.constBits(), grey.width(), grey.height(), ZXing::ImageFormat::Lum,
                                int(grey.bytesPerLine()));
    // Big pages are searched at half resolution (every other pixel, no copy): a code on a 300 dpi page keeps
    // modules of several pixels, and the search takes a quarter of the time.
    const int step = qint64(grey.width()) * grey.height() > SubsampleAbovePixels ? 2 : 1;
    const ZXing::ImageView view = step > 1 ? full.subsampled(step) : full;
    ZXing::DecodeHints hints;
    hints.setTryHarder(true);
    hints.setTryRotate(true);
    hints.setTryDownscale(true);
    const ZXing::Results results = ZXing::ReadBarcodes(view, hints);
    for (const ZXing::Result& result : results) {
        if (!result.isValid())
            continue;
        DecodedCode code;
        code.format = QString::fromLatin1(ZXing::ToString(result.format()));
        code.text = QString::fromStdString(result.text());
        code.page = pageIndex;
        const ZXing::Position& position = result.position();
        int left = position[0].x, right = position[0].x, top = position[0].y, bottom = position[0].y;
        // Corners in the searched view; scaled back below.
        for (int i = 1; i < 4; ++i) {
            left = std::min(left, position[i].x);
            right = std::max(right, position[i].x);
            top = std::min(top, position[i].y);
            bottom = std::max(bottom, position[i].y);
        }
        code.box = QRect(QPoint(left * step, top * step), QPoint(right * step + step - 1, bottom * step + step - 1))
                       .intersected(grey.rect());
        codes.append(code);
    }
    qCDebug(lcOcr) << codes.size() << "codes in" << timer.elapsed() << "ms";
    return codes;
}

} // namespace Moniagent
