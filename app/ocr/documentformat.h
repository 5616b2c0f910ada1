#pragma once

#include <QByteArrayView>

namespace Moniagent {

// What a file holds, judged by its first bytes (never by its name).
enum class DocumentFormat
{
    Unknown,
    Jpeg,
    Png,
    Tiff,
    Bmp,
    Webp,
    Pdf,
};

// How many leading bytes sniffDocumentFormat() looks at (a PDF header may follow up to 1 KiB of junk).
inline constexpr int DocumentFormatHeadBytes = 1024;

DocumentFormat sniffDocumentFormat(QByteArrayView head);

// Whether a JPEG's compressed data is complete: an end-of-image marker follows the first scan. A truncated JPEG
// decodes "successfully" with its missing part painted grey, so this is checked before decoding.
bool jpegIsComplete(QByteArrayView data);

} // namespace Moniagent
