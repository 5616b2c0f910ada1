#include "twolinedelegate.h"

#include "budgetcolors.h"
#include "budgetroles.h"

#include <QApplication>
#include <QPainter>

#include <algorithm>

namespace Moniagent {

namespace {
constexpr int HMargin = 8;
constexpr int VMargin = 5;
constexpr int LineGap = 1;
} // namespace

TwoLineDelegate::TwoLineDelegate(QObject* parent)
    : QStyledItemDelegate(parent)
{ }

QFont TwoLineDelegate::secondaryFont(const QFont& font)
{
    QFont small = font;
    small.setBold(false);
    if (small.pointSizeF() > 0)
        small.setPointSizeF(small.pointSizeF() * 0.88);
    else
        small.setPixelSize(std::max(9, qRound(small.pixelSize() * 0.88)));
    return small;
}

void TwoLineDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QWidget* widget = option.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();

    QStyleOptionViewItem background = opt;
    background.text.clear();
    background.icon = QIcon();
    background.features &= ~QStyleOptionViewItem::HasDecoration;
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);

    QRect content = opt.rect.adjusted(HMargin, VMargin, -HMargin, -VMargin);
    if (!opt.icon.isNull()) {
        const int size = std::min(m_iconSize, content.height());
        const QRect iconRect(content.left(), content.top() + (content.height() - size) / 2, size, size);
        opt.icon.paint(painter, iconRect);
        content.setLeft(iconRect.right() + 1 + HMargin);
    }

    const bool selected = opt.state & QStyle::State_Selected;
    const QPalette& palette = opt.palette;
    const auto colorFor = [&](int role, QPalette::ColorRole fallback) {
        if (selected)
            return palette.color(QPalette::HighlightedText);
        const QVariant tone = index.data(role);
        const QColor color = tone.isValid() ? BudgetColors::forTone(BudgetTone(tone.toInt()), palette) : QColor();
        return color.isValid() ? color : palette.color(fallback);
    };

    const QString primary = opt.text;
    const QString secondary = index.data(BudgetRoles::SecondaryTextRole).toString();
    const QFont small = secondaryFont(opt.font);
    const QFontMetrics primaryMetrics(opt.font);
    const QFontMetrics secondaryMetrics(small);
    const Qt::Alignment horizontal = opt.displayAlignment & Qt::AlignHorizontal_Mask;

    int top = content.top();
    const int height = primaryMetrics.height() + (secondary.isEmpty() ? 0 : LineGap + secondaryMetrics.height());
    top += std::max(0, (content.height() - height) / 2);

    painter->save();
    painter->setFont(opt.font);
    painter->setPen(colorFor(BudgetRoles::ToneRole, QPalette::Text));
    const QRect first(content.left(), top, content.width(), primaryMetrics.height());
    painter->drawText(first, int(horizontal | Qt::AlignVCenter),
                      primaryMetrics.elidedText(primary, Qt::ElideRight, first.width()));
    if (!secondary.isEmpty()) {
        painter->setFont(small);
        painter->setPen(colorFor(BudgetRoles::SecondaryToneRole, QPalette::PlaceholderText));
        const QRect second(content.left(), first.bottom() + 1 + LineGap, content.width(), secondaryMetrics.height());
        painter->drawText(second, int(horizontal | Qt::AlignVCenter),
                          secondaryMetrics.elidedText(secondary, Qt::ElideRight, second.width()));
    }
    painter->restore();
}

QSize TwoLineDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString secondary = index.data(BudgetRoles::SecondaryTextRole).toString();
    const QFontMetrics primaryMetrics(opt.font);
    const QFontMetrics secondaryMetrics(secondaryFont(opt.font));
    int width = std::max(primaryMetrics.horizontalAdvance(opt.text), secondaryMetrics.horizontalAdvance(secondary));
    int height = primaryMetrics.height() + secondaryMetrics.height() + LineGap;
    if (!opt.icon.isNull()) {
        width += m_iconSize + HMargin;
        height = std::max(height, m_iconSize);
    }
    // A few pixels to spare: widths are rounded, and elision works with the unrounded ones.
    return {width + 2 * HMargin + 4, height + 2 * VMargin};
}

} // namespace Moniagent
