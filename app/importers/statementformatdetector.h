#pragma once

#include "statement.h"

#include <QByteArrayView>
#include <QStringView>

namespace Moniagent {

// Tells statement formats apart by their content (the first few KiB), using the file name's extension only
// when the content leaves it open; and tells receipts (images, PDFs) from statements so that dropped files go
// to the right pipeline.
class StatementFormatDetector
{
public:
    // How much of the file start detect() and isReceiptFile() want to see.
    static constexpr qsizetype HeadBytes = 64 * 1024;

    // OFX/QFX (OFXHEADER:, <?OFX, <OFX>), QIF (!Type:, !Account, !Option), CAMT.053 (its ISO 20022 namespace),
    // CSV (a consistent delimiter); binary content is Unknown whatever the extension.
    static StatementFormat detect(QByteArrayView head, QStringView fileName);

    // JPEG, PNG, TIFF, BMP, WebP or PDF by magic number; by extension when `head` is empty.
    static bool isReceiptFile(QStringView fileName, QByteArrayView head);
};

} // namespace Moniagent
