#pragma once

#include <QColor>
#include <QHash>
#include <QIcon>
#include <QPixmap>

namespace Moniagent {

// Category icons: the monochrome SVGs of resources/icons/categories drawn white on a circle of the
// category's color (or tinted, without the circle). Rendered once per size and cached.
class CategoryIcons
{
public:
    static QPixmap badge(const QString& key, const QColor& color, int size, qreal devicePixelRatio = 1.0);
    static QPixmap glyph(const QString& key, const QColor& color, int size, qreal devicePixelRatio = 1.0);
    static QIcon icon(const QString& key, const QColor& color);
    static bool exists(const QString& key);
};

} // namespace Moniagent
