#include "receiptmarks.h"

#include "receipts/receiptdraft.h"
#include "receipttext.h"

#include <QPainter>
#include <QPixmap>

namespace Moniagent {

ReceiptMarks::Mark ReceiptMarks::markFor(const ReceiptFieldSource* source)
{
    if (!source)
        return NotFound;
    if (source->origin == u"qr")
        return FromQrCode;
    if (source->origin == u"user")
        return None;
    if (source->confidence < ReceiptText::LowConfidence)
        return LowConfidence;
    if (source->origin == u"computed")
        return Computed;
    return None;
}

QColor ReceiptMarks::amber()
{
    return QColor(0xD9, 0x77, 0x06);
}

QPixmap ReceiptMarks::pixmap(Mark mark, int size, qreal devicePixelRatio)
{
    QPixmap pixmap(QSize(size, size) * devicePixelRatio);
    pixmap.setDevicePixelRatio(devicePixelRatio);
    pixmap.fill(Qt::transparent);
    if (mark == None)
        return pixmap;
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF r(0, 0, size, size);
    switch (mark) {
    case LowConfidence: {
        const qreal d = size * 0.55;
        painter.setPen(Qt::NoPen);
        painter.setBrush(amber());
        painter.drawEllipse(QRectF(r.center().x() - d / 2, r.center().y() - d / 2, d, d));
        break;
    }
    case NotFound: {
        const qreal d = size * 0.55;
        painter.setPen(QPen(amber(), std::max(1.5, size / 9.0)));
        painter.setBrush(Qt::NoBrush);
        painter.drawEllipse(QRectF(r.center().x() - d / 2, r.center().y() - d / 2, d, d));
        break;
    }
    case FromQrCode: {
        // Three finder squares and a few modules: a QR code in miniature.
        const QColor ink(0x16, 0xA3, 0x4A);
        const qreal m = size / 7.0;
        const qreal o = (size - 7 * m) / 2;
        painter.setPen(Qt::NoPen);
        painter.setBrush(ink);
        for (const QPointF& corner : {QPointF(0, 0), QPointF(4, 0), QPointF(0, 4)}) {
            painter.drawRect(QRectF(o + corner.x() * m, o + corner.y() * m, 3 * m, 3 * m));
            painter.setBrush(Qt::white);
            painter.drawRect(QRectF(o + (corner.x() + 0.75) * m, o + (corner.y() + 0.75) * m, 1.5 * m, 1.5 * m));
            painter.setBrush(ink);
        }
        painter.drawRect(QRectF(o + 4.5 * m, o + 4.5 * m, 2.5 * m, 2.5 * m));
        break;
    }
    case Computed: {
        painter.setPen(QPen(QColor(0x64, 0x74, 0x8B), std::max(1.5, size / 8.0), Qt::SolidLine, Qt::RoundCap));
        const qreal c = size / 2.0;
        const qreal a = size * 0.28;
        painter.drawLine(QPointF(c - a, c - a / 2.5), QPointF(c + a, c - a / 2.5));
        painter.drawLine(QPointF(c - a, c + a / 2.5), QPointF(c + a, c + a / 2.5));
        break;
    }
    case None:
        break;
    }
    return pixmap;
}

QIcon ReceiptMarks::icon(Mark mark)
{
    QIcon icon;
    for (int size : {12, 16, 24})
        icon.addPixmap(pixmap(mark, size, 1.0));
    return icon;
}

QString ReceiptMarks::toolTip(Mark mark)
{
    switch (mark) {
    case LowConfidence:
        return tr("Read with low confidence: please check");
    case NotFound:
        return tr("Not found on the receipt");
    case FromQrCode:
        return tr("From the payment QR code");
    case Computed:
        return tr("Worked out from the other amounts");
    case None:
        break;
    }
    return {};
}

} // namespace Moniagent
