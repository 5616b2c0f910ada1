#pragma once

#include "ocrdocument.h"

#include <QImage>
#include <QList>

namespace Moniagent {

// Finds QR codes and barcodes (ZXing-C++) on a page image.
class CodeReader
{
public:
    // The codes on `page` (boxes in its pixels), tagged with `pageIndex`.
    static QList<DecodedCode> read(const QImage& page, int pageIndex);
    static QString version();
};

} // namespace Moniagent
