#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QImage>

namespace Moniagent {

// Decodes an image file into the upright image that reading and display share: the format judged by content,
// the EXIF orientation applied, and very large images decoded scaled down so that memory stays bounded.
class ImageLoader
{
    Q_DECLARE_TR_FUNCTIONS(ImageLoader)
public:
    // Larger images are decoded scaled down to at most this many pixels: a 16-megapixel phone photo is read
    // whole, an A4 page scanned at 600 dpi is decoded at 300 dpi.
    static constexpr qint64 MaxPixels = 16'000'000;
    // Formats whose decoders cannot scale while decoding (PNG, TIFF, BMP) hold the whole image once (32 bits a
    // pixel within Qt's 128 MB allocation limit); larger ones are refused. JPEG and WebP decode scaled down and
    // may be up to 64 times larger.
    static constexpr qint64 MaxFullDecodePixels = 32'000'000;

    // `data` is the whole file; `fileName` is only for messages.
    static Result<QImage> load(const QByteArray& data, const QString& fileName);
    static Result<QImage> loadFile(const QString& path);
};

} // namespace Moniagent
