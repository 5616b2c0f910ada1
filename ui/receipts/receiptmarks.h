#pragma once

#include <QCoreApplication>
#include <QIcon>
#include <QString>

namespace Moniagent {

struct ReceiptFieldSource;

// The small marks beside a field of the receipt review: how the value was read, when that is worth a glance.
class ReceiptMarks
{
    Q_DECLARE_TR_FUNCTIONS(ReceiptMarks)
public:
    enum Mark
    {
        None,
        LowConfidence, // read, but the reader is unsure: an amber dot
        NotFound, // not on the receipt (or not read): a hollow amber ring
        FromQrCode, // exact, from a payment QR code
        Computed, // worked out from other fields (e.g. subtotal + tax)
    };

    // The mark for a field: nullptr = not found.
    static Mark markFor(const ReceiptFieldSource* source);
    static QIcon icon(Mark mark);
    static QPixmap pixmap(Mark mark, int size, qreal devicePixelRatio = 1.0);
    static QString toolTip(Mark mark);
    // The mark needs the user's eyes (focus goes to the first such field).
    static bool isUnsure(Mark mark) { return mark == LowConfidence || mark == NotFound; }
    static QColor amber();
};

} // namespace Moniagent
