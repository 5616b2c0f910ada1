#include "documentformat.h"

namespace Moniagent {

namespace {

bool startsWith(QByteArrayView data, QByteArrayView prefix)
{
    return data.size() >= prefix.size() && data.first(prefix.size()) == prefix;
}

quint8 byteAt(QByteArrayView data, qsizetype i)
{
    return static_cast<quint8>(data[i]);
}

} // namespace

DocumentFormat sniffDocumentFormat(QByteArrayView head)
{
    if (startsWith(head, "\xFF\xD8\xFF"))
        return DocumentFormat::Jpeg;
    if (startsWith(head, "\x89PNG\r\n\x1A\n"))
        return DocumentFormat::Png;
    if (startsWith(head, QByteArrayView("II*\0", 4)) || startsWith(head, QByteArrayView("MM\0*", 4)))
        return DocumentFormat::Tiff;
    if (startsWith(head, "BM") && head.size() >= 26)
        return DocumentFormat::Bmp;
    if (startsWith(head, "RIFF") && head.size() >= 12 && head.sliced(8, 4) == "WEBP")
        return DocumentFormat::Webp;
    // PDF readers accept the header anywhere in the first KiB.
    if (head.first(qMin<qsizetype>(head.size(), DocumentFormatHeadBytes)).indexOf("%PDF-") >= 0)
        return DocumentFormat::Pdf;
    return DocumentFormat::Unknown;
}

bool jpegIsComplete(QByteArrayView data)
{
    // Walk the marker segments up to the first start-of-scan, then look for the end-of-image marker after it.
    // Inside entropy-coded data 0xFF is always followed by 0x00 or a restart marker, so 0xFFD9 there is the end.
    qsizetype i = 2;
    const qsizetype size = data.size();
    while (i + 4 <= size) {
        if (byteAt(data, i) != 0xFF)
            return false;
        const quint8 marker = byteAt(data, i + 1);
        if (marker == 0xFF) { // fill byte
            ++i;
            continue;
        }
        if (marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {
            i += 2;
            continue;
        }
        if (marker == 0xD9)
            return false; // end of image before any scan
        const qsizetype length = (qsizetype(byteAt(data, i + 2)) << 8) | byteAt(data, i + 3);
        if (length < 2)
            return false;
        i += 2 + length;
        if (marker == 0xDA)
            break;
    }
    if (i > size)
        return false;
    return data.sliced(i).indexOf("\xFF\xD9") >= 0;
}

} // namespace Moniagent
