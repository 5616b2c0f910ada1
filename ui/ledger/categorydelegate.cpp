#include "categorydelegate.h"

#include "common/categoryicons.h"
#include "itemmodels/categorymodel.h"
#include "itemmodels/transactionmodel.h"

#include <QApplication>
#include <QComboBox>
#include <QCompleter>
#include <QLineEdit>
#include <QPainter>

#include <algorithm>

namespace Moniagent {

CategoryDelegate::CategoryDelegate(CategoryRepository* categories, qint64 userId, QObject* parent)
    : QStyledItemDelegate(parent)
    , m_categories(categories)
    , m_userId(userId)
{ }

void CategoryDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString icon = index.data(TransactionModel::CategoryIconRole).toString();
    const QColor color = index.data(TransactionModel::CategoryColorRole).value<QColor>();
    const bool categorized = index.data(TransactionModel::CategoryIdRole).isValid();
    const bool confirmed = index.data(TransactionModel::ConfirmedRole).toBool();
    const int size = std::min(18, opt.rect.height() - 4);
    opt.icon = QIcon();
    opt.features &= ~QStyleOptionViewItem::HasDecoration;
    if (categorized && !confirmed)
        opt.font.setItalic(true);
    if (!categorized)
        opt.palette.setColor(QPalette::Text, opt.palette.color(QPalette::PlaceholderText));

    const QWidget* widget = option.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    // Background and selection first, then the badge, then the text beside it.
    QStyleOptionViewItem background = opt;
    background.text.clear();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);
    if (index.data(TransactionModel::LoadedRole).toBool()) {
        const QRect badge(opt.rect.left() + 4, opt.rect.top() + (opt.rect.height() - size) / 2, size, size);
        if (categorized && !icon.isEmpty())
            painter->drawPixmap(badge, CategoryIcons::badge(icon, color, size, painter->device()->devicePixelRatioF()));
        QStyleOptionViewItem text = opt;
        text.rect.setLeft(badge.right() + 6);
        const QVariant confidence = index.data(TransactionModel::ConfidenceRole);
        if (categorized && !confirmed && confidence.isValid())
            text.rect = paintConfidence(painter, opt, text.rect, confidence.toDouble(), color);
        text.backgroundBrush = Qt::NoBrush;
        text.state &= ~QStyle::State_HasFocus;
        style->drawControl(QStyle::CE_ItemViewItem, &text, painter, widget);
    }
}

QRect CategoryDelegate::paintConfidence(QPainter* painter, const QStyleOptionViewItem& option, QRect rect,
                                        double confidence, const QColor& color) const
{
    confidence = std::clamp(confidence, 0.0, 1.0);
    const bool selected = option.state & QStyle::State_Selected;
    const QColor ink = option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
    // A ring in the category's color whose filled part is the confidence: quiet, and readable at a glance.
    const QColor tint = selected || !color.isValid() ? ink : color;
    const int diameter = std::clamp(rect.height() / 2, 9, 12);
    QRect ring(rect.right() - 6 - diameter, rect.top() + (rect.height() - diameter) / 2, diameter, diameter);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QRectF circle = QRectF(ring).adjusted(0.75, 0.75, -0.75, -0.75);
    painter->setPen(QPen(tint, 1.5));
    painter->setBrush(Qt::NoBrush);
    painter->drawEllipse(circle);
    // The filled part, clockwise from twelve o'clock.
    painter->setPen(Qt::NoPen);
    painter->setBrush(tint);
    const int span = qRound(confidence * 360 * 16);
    if (span >= 360 * 16)
        painter->drawEllipse(circle);
    else if (span > 0)
        painter->drawPie(circle, 90 * 16, -span);
    int left = ring.left();
    if (m_showConfidenceText) {
        const QString percent = option.locale.toString(qRound(confidence * 100)) + option.locale.percent();
        QFont font = option.font;
        font.setItalic(false);
        painter->setFont(font);
        QColor dim = ink;
        dim.setAlphaF(selected ? 0.85f : 0.6f);
        painter->setPen(dim);
        const int width = QFontMetrics(font).horizontalAdvance(percent);
        const QRect label(ring.left() - 5 - width, rect.top(), width, rect.height());
        painter->drawText(label, Qt::AlignRight | Qt::AlignVCenter, percent);
        left = label.left();
    }
    painter->restore();
    rect.setRight(left - 6);
    return rect;
}

QWidget* CategoryDelegate::createEditor(QWidget* parent, const QStyleOptionViewItem&, const QModelIndex& index) const
{
    auto* combo = new QComboBox(parent);
    combo->setObjectName(QStringLiteral("categoryEditor"));
    auto* model = new CategoryModel(m_categories, m_userId, combo);
    model->setIncludeUncategorized(true);
    model->setTransactionType(TransactionType(index.data(TransactionModel::TypeRole).toInt()));
    combo->setModel(model);
    combo->setModelColumn(CategoryModel::NameColumn);
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex i = model->index(row, 0);
        combo->setItemIcon(row,
                           CategoryIcons::icon(i.data(CategoryModel::IconRole).toString(),
                                               i.data(CategoryModel::ColorRole).value<QColor>()));
    }
    // Type-ahead: typing a few letters picks the category.
    combo->setEditable(true);
    combo->setInsertPolicy(QComboBox::NoInsert);
    combo->completer()->setCompletionMode(QCompleter::PopupCompletion);
    combo->completer()->setFilterMode(Qt::MatchContains);
    connect(combo, &QComboBox::activated, this, [this, combo]() {
        auto* self = const_cast<CategoryDelegate*>(this);
        Q_EMIT self->commitData(combo);
        Q_EMIT self->closeEditor(combo);
    });
    return combo;
}

void CategoryDelegate::setEditorData(QWidget* editor, const QModelIndex& index) const
{
    auto* combo = static_cast<QComboBox*>(editor);
    auto* model = static_cast<CategoryModel*>(combo->model());
    const QVariant id = index.data(TransactionModel::CategoryIdRole);
    const int row = model->rowOf(id.isValid() ? std::optional<qint64>(id.toLongLong()) : std::nullopt);
    combo->setCurrentIndex(std::max(row, 0));
    // Typing replaces the name: a key that opened the editor starts the type-ahead.
    if (combo->lineEdit())
        combo->lineEdit()->selectAll();
}

void CategoryDelegate::setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const
{
    auto* combo = static_cast<QComboBox*>(editor);
    // An edited text that matches no category keeps the old value.
    if (combo->currentIndex() < 0 || combo->currentText() != combo->itemText(combo->currentIndex()))
        return;
    const QVariant id = combo->itemData(combo->currentIndex(), CategoryModel::IdRole);
    // Picking the category a row already has only matters when it was a suggestion: then it confirms it.
    if (id == index.data(TransactionModel::CategoryIdRole) && index.data(TransactionModel::ConfirmedRole).toBool())
        return;
    model->setData(index, id, Qt::EditRole);
}

} // namespace Moniagent
