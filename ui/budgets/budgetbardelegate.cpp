#include "budgetbardelegate.h"

#include "budgetcolors.h"
#include "budgetroles.h"
#include "budgetstatusmodel.h"
#include "twolinedelegate.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace Moniagent {

namespace {
constexpr int HMargin = 10;
constexpr int BarHeight = 8;
constexpr int MarkOverhang = 3;
} // namespace

void BudgetBarDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
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

    const bool selected = opt.state & QStyle::State_Selected;
    const QPalette& palette = opt.palette;
    const auto state = BudgetState(index.data(BudgetStatusModel::StateRole).toInt());
    const double used = std::max(0.0, index.data(BudgetStatusModel::UsedRole).toDouble());
    const double pace = index.data(BudgetStatusModel::PaceRole).toDouble();
    const double threshold = index.data(BudgetStatusModel::ThresholdRole).toDouble();
    const bool current = index.data(BudgetStatusModel::CurrentWindowRole).toBool();
    const QColor stateColor = BudgetColors::forState(state, palette);
    const QColor ink = palette.color(selected ? QPalette::HighlightedText : QPalette::Text);

    const QFont small = TwoLineDelegate::secondaryFont(opt.font);
    const QFontMetrics metrics(opt.font);
    const QFontMetrics smallMetrics(small);
    const QString percent = opt.text;
    const QString stateText = index.data(BudgetRoles::SecondaryTextRole).toString();
    const int percentWidth = metrics.horizontalAdvance(QStringLiteral("1000 %"));

    const QRect content = opt.rect.adjusted(HMargin, 0, -HMargin, 0);
    const int blockHeight = MarkOverhang + BarHeight + 4 + smallMetrics.height();
    const int top = content.top() + std::max(0, (content.height() - blockHeight) / 2) + MarkOverhang;
    const QRectF bar(content.left(), top, std::max(10, content.width() - percentWidth - 8), BarHeight);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const qreal radius = BarHeight / 2.0;
    QColor track = selected ? palette.color(QPalette::HighlightedText) : BudgetColors::track(palette);
    if (selected)
        track.setAlphaF(0.3);
    painter->setPen(Qt::NoPen);
    painter->setBrush(track);
    painter->drawRoundedRect(bar, radius, radius);
    if (used > 0) {
        const qreal width = std::max(2 * radius, bar.width() * std::min(used, 1.0));
        QPainterPath clip;
        clip.addRoundedRect(bar, radius, radius);
        painter->setClipPath(clip);
        painter->setBrush(stateColor);
        painter->drawRoundedRect(QRectF(bar.left(), bar.top(), width, bar.height()), radius, radius);
        painter->setClipping(false);
    }
    // The threshold: a thin tick across the bar.
    if (threshold > 0.0 && threshold < 1.0) {
        const qreal x = bar.left() + bar.width() * threshold;
        QColor tick = ink;
        tick.setAlphaF(0.6);
        painter->setPen(QPen(tick, 1.5));
        painter->drawLine(QPointF(x, bar.top() - 2), QPointF(x, bar.bottom() + 2));
    }
    // The pace: a small triangle above the bar pointing at today's share of the period.
    if (current && pace > 0.0 && pace < 1.0) {
        const qreal x = bar.left() + bar.width() * pace;
        QPainterPath triangle;
        triangle.moveTo(x - 4, bar.top() - MarkOverhang - 2);
        triangle.lineTo(x + 4, bar.top() - MarkOverhang - 2);
        triangle.lineTo(x, bar.top() + 1);
        triangle.closeSubpath();
        painter->setPen(Qt::NoPen);
        painter->setBrush(ink);
        painter->drawPath(triangle);
    }
    painter->setRenderHint(QPainter::Antialiasing, false);

    QFont bold = opt.font;
    bold.setBold(true);
    painter->setFont(bold);
    painter->setPen(selected ? ink : stateColor);
    const QRect percentRect(int(bar.right()) + 8, int(bar.center().y()) - metrics.height() / 2,
                            content.right() - int(bar.right()) - 8, metrics.height());
    painter->drawText(percentRect, Qt::AlignRight | Qt::AlignVCenter, percent);
    if (!stateText.isEmpty()) {
        painter->setFont(small);
        const QRect stateRect(int(bar.left()), int(bar.bottom()) + 4, int(bar.width()), smallMetrics.height());
        painter->drawText(stateRect, Qt::AlignLeft | Qt::AlignVCenter,
                          smallMetrics.elidedText(stateText, Qt::ElideRight, stateRect.width()));
    }
    painter->restore();
}

QSize BudgetBarDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QFontMetrics smallMetrics(TwoLineDelegate::secondaryFont(opt.font));
    const QFontMetrics metrics(opt.font);
    return {180 + metrics.horizontalAdvance(QStringLiteral("1000 %")),
            MarkOverhang + BarHeight + 4 + smallMetrics.height() + 12};
}

} // namespace Moniagent
