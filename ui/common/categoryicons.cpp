#include "categoryicons.h"

#include <QFile>
#include <QPainter>
#include <QSvgRenderer>

namespace Moniagent {

namespace {
QString path(const QString& key)
{
    return QStringLiteral(":/icons/categories/%1.svg").arg(key);
}

QHash<QString, QPixmap>& cache()
{
    static QHash<QString, QPixmap> pixmaps;
    return pixmaps;
}
} // namespace

bool CategoryIcons::exists(const QString& key)
{
    return QFile::exists(path(key));
}

QPixmap CategoryIcons::glyph(const QString& key, const QColor& color, int size, qreal dpr)
{
    const QString cacheKey = QStringLiteral("g/%1/%2/%3/%4").arg(key, color.name(QColor::HexArgb)).arg(size).arg(dpr);
    auto it = cache().constFind(cacheKey);
    if (it != cache().constEnd())
        return *it;
    const int pixels = qRound(size * dpr);
    QPixmap pixmap(pixels, pixels);
    pixmap.fill(Qt::transparent);
    QSvgRenderer renderer(path(exists(key) ? key : QStringLiteral("tag")));
    {
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        renderer.render(&painter, QRectF(0, 0, pixels, pixels));
        painter.setCompositionMode(QPainter::CompositionMode_SourceIn);
        painter.fillRect(pixmap.rect(), color);
    }
    pixmap.setDevicePixelRatio(dpr);
    cache().insert(cacheKey, pixmap);
    return pixmap;
}

QPixmap CategoryIcons::badge(const QString& key, const QColor& color, int size, qreal dpr)
{
    const QString cacheKey = QStringLiteral("b/%1/%2/%3/%4").arg(key, color.name(QColor::HexArgb)).arg(size).arg(dpr);
    auto it = cache().constFind(cacheKey);
    if (it != cache().constEnd())
        return *it;
    const int pixels = qRound(size * dpr);
    QPixmap pixmap(pixels, pixels);
    pixmap.fill(Qt::transparent);
    {
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(Qt::NoPen);
        painter.setBrush(color);
        painter.drawEllipse(QRectF(0, 0, pixels, pixels));
        const int inner = qRound(pixels * 0.62);
        const int margin = (pixels - inner) / 2;
        QPixmap white = glyph(key, Qt::white, inner, 1.0);
        painter.drawPixmap(margin, margin, white);
    }
    pixmap.setDevicePixelRatio(dpr);
    cache().insert(cacheKey, pixmap);
    return pixmap;
}

QIcon CategoryIcons::icon(const QString& key, const QColor& color)
{
    QIcon icon;
    for (int size : {16, 20, 24, 32, 48})
        icon.addPixmap(badge(key, color, size));
    return icon;
}

} // namespace Moniagent
