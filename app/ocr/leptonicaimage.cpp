#include "leptonicaimage.h"

#include <allheaders.h>
#include <cstring>

namespace Moniagent {

void PixDeleter::operator()(Pix* pix) const
{
    pixDestroy(&pix);
}

PixPtr pixFromImage(const QImage& image)
{
    const QImage grey
        = image.format() == QImage::Format_Grayscale8 ? image : image.convertToFormat(QImage::Format_Grayscale8);
    PixPtr pix(pixCreateNoInit(grey.width(), grey.height(), 8));
    if (!pix)
        return {};
    l_uint32* data = pixGetData(pix.get());
    const int wordsPerLine = pixGetWpl(pix.get());
    for (int y = 0; y < grey.height(); ++y) {
        auto* line = reinterpret_cast<unsigned char*>(data + qsizetype(y) * wordsPerLine);
        std::memcpy(line, grey.constScanLine(y), size_t(grey.width()));
        std::memset(line + grey.width(), 0, size_t(wordsPerLine * 4 - grey.width()));
    }
    // Leptonica keeps bytes in 32-bit words in big-endian order; on little-endian machines they are swapped.
    pixEndianByteSwap(pix.get());
    return pix;
}

QImage imageFromPix(const Pix* source)
{
    Pix* pix = const_cast<Pix*>(source);
    const int depth = pixGetDepth(pix);
    PixPtr grey(depth == 8       ? pixCopy(nullptr, pix)
                    : depth == 1 ? pixConvert1To8(nullptr, pix, 255, 0)
                                 : pixConvertTo8(pix, 0));
    if (!grey)
        return {};
    // A private copy in byte order (see pixFromImage).
    pixEndianByteSwap(grey.get());
    const int width = pixGetWidth(grey.get());
    const int height = pixGetHeight(grey.get());
    QImage image(width, height, QImage::Format_Grayscale8);
    if (image.isNull())
        return {};
    const l_uint32* data = pixGetData(grey.get());
    const int wordsPerLine = pixGetWpl(grey.get());
    for (int y = 0; y < height; ++y)
        std::memcpy(image.scanLine(y), data + qsizetype(y) * wordsPerLine, size_t(width));
    return image;
}

} // namespace Moniagent
