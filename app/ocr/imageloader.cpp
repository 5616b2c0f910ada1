#include "imageloader.h"

#include "documentformat.h"
#include "ocrlogging.h"

#include <QBuffer>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QLocale>

#include <cmath>

namespace Moniagent {

namespace {

QString megapixels(qint64 pixels)
{
    return QLocale().toString(double(pixels) / 1e6, 'f', 0);
}

Error damaged(const QString& detail)
{
    return Error {Error::Code::Corrupt, ImageLoader::tr("The image is damaged or incomplete and cannot be read."),
                  detail};
}

// The size to ask a decoder for so that the image has at most `limit` pixels. JPEG decoders scale by 1/2, 1/4
// and 1/8 for free; asking for exactly such a size avoids a second, slow smoothing pass.
QSize decodeSize(const QSize& stored, bool isJpeg, qint64 limit)
{
    const qint64 pixels = qint64(stored.width()) * stored.height();
    if (pixels <= limit)
        return stored;
    if (isJpeg) {
        for (int denominator : {2, 4, 8}) {
            const QSize scaled((stored.width() + denominator - 1) / denominator,
                               (stored.height() + denominator - 1) / denominator);
            if (qint64(scaled.width()) * scaled.height() <= limit || denominator == 8)
                return scaled;
        }
    }
    const double factor = std::sqrt(double(limit) / double(pixels));
    return {qMax(1, int(stored.width() * factor)), qMax(1, int(stored.height() * factor))};
}

} // namespace

Result<QImage> ImageLoader::loadFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error {Error::Code::Io, tr("The file could not be opened."), file.errorString()};
    return load(file.readAll(), QFileInfo(path).fileName());
}

Result<QImage> ImageLoader::load(const QByteArray& data, const QString& fileName)
{
    if (data.isEmpty())
        return Error::invalidInput(tr("The file is empty."), fileName);
    const DocumentFormat format = sniffDocumentFormat(data);
    if (format == DocumentFormat::Unknown || format == DocumentFormat::Pdf)
        return Error::invalidInput(tr("The file is not an image."), fileName);
    if (format == DocumentFormat::Jpeg && !jpegIsComplete(data))
        return damaged(fileName + QStringLiteral(": the JPEG data ends early"));

    QBuffer buffer;
    buffer.setData(data);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    reader.setDecideFormatFromContent(true);
    reader.setAutoTransform(true);
    if (!reader.canRead())
        return damaged(fileName + QStringLiteral(": ") + reader.errorString());

    const QSize stored = reader.size();
    if (stored.isValid()) {
        const qint64 pixels = qint64(stored.width()) * stored.height();
        // Qt's PNG and other handlers claim to scale but decode the whole image first.
        const bool isJpeg = format == DocumentFormat::Jpeg;
        const bool scalesWhileDecoding = isJpeg || format == DocumentFormat::Webp;
        const qint64 refusedAbove = scalesWhileDecoding ? MaxFullDecodePixels * 64 : MaxFullDecodePixels;
        const QSize target = decodeSize(stored, isJpeg, MaxPixels);
        if (pixels > refusedAbove || (isJpeg && qint64(target.width()) * target.height() > MaxFullDecodePixels)) {
            return Error::invalidInput(
                tr("The image is %1 × %2 pixels (%3 megapixels); images up to %4 megapixels are read.")
                    .arg(stored.width())
                    .arg(stored.height())
                    .arg(megapixels(pixels), megapixels(refusedAbove)),
                fileName);
        }
        if (target != stored) {
            qCDebug(lcOcr) << fileName << "decoded at" << target << "instead of" << stored;
            reader.setScaledSize(target);
        }
    }

    QImage image;
    if (!reader.read(&image) || image.isNull())
        return damaged(fileName + QStringLiteral(": ") + reader.errorString());
    // Decoders that cannot scale while decoding return the whole image: scale it down now.
    if (qint64(image.width()) * image.height() > MaxPixels) {
        const double factor = std::sqrt(double(MaxPixels) / (double(image.width()) * image.height()));
        image = image.scaled(qMax(1, int(image.width() * factor)), qMax(1, int(image.height() * factor)),
                             Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    }
    return image;
}

} // namespace Moniagent
