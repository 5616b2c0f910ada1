#pragma once

#include <QImage>

#include <memory>

struct Pix;

namespace Moniagent {

struct PixDeleter
{
    void operator()(Pix* pix) const;
};
// An owned Leptonica image.
using PixPtr = std::unique_ptr<Pix, PixDeleter>;

// An 8-bit grey Leptonica copy of `image` (any format; colours are converted to grey).
PixPtr pixFromImage(const QImage& image);
// A QImage copy of an 8-bit grey or 1-bit Leptonica image (1-bit becomes black on white grey).
QImage imageFromPix(const Pix* pix);

} // namespace Moniagent
