#include "receiptcategorydelegate.h"

#include "common/categoryicons.h"

#include <QComboBox>
#include <QCompleter>
#include <QLineEdit>

#include <algorithm>

namespace Moniagent {

ReceiptCategoryDelegate::ReceiptCategoryDelegate(const QList<Category>& categories, QObject* parent)
    : QStyledItemDelegate(parent)
    , m_categories(categories)
{ }

void ReceiptCategoryDelegate::fill(QComboBox* combo, const QList<Category>& categories, const QString& firstText)
{
    combo->clear();
    combo->addItem(firstText, QVariant());
    for (const Category& category : categories)
        combo->addItem(CategoryIcons::icon(category.icon, QColor(category.color)), category.name, category.id);
}

QWidget* ReceiptCategoryDelegate::createEditor(QWidget* parent, const QStyleOptionViewItem&, const QModelIndex&) const
{
    auto* combo = new QComboBox(parent);
    combo->setObjectName(QStringLiteral("lineCategoryEditor"));
    combo->setAccessibleName(tr("Category of the line"));
    fill(combo, m_categories, tr("As the receipt"));
    // Type-ahead: typing a few letters picks the category.
    combo->setEditable(true);
    combo->setInsertPolicy(QComboBox::NoInsert);
    combo->completer()->setCompletionMode(QCompleter::PopupCompletion);
    combo->completer()->setFilterMode(Qt::MatchContains);
    connect(combo, &QComboBox::activated, this,
            [this, combo]() { Q_EMIT const_cast<ReceiptCategoryDelegate*>(this)->commitData(combo); });
    return combo;
}

void ReceiptCategoryDelegate::setEditorData(QWidget* editor, const QModelIndex& index) const
{
    auto* combo = static_cast<QComboBox*>(editor);
    const QVariant id = index.data(Qt::EditRole);
    const int row = id.isValid() ? combo->findData(id) : 0;
    combo->setCurrentIndex(std::max(row, 0));
    if (combo->lineEdit())
        combo->lineEdit()->selectAll();
}

void ReceiptCategoryDelegate::setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const
{
    auto* combo = static_cast<QComboBox*>(editor);
    // An edited text that matches no category keeps the old value.
    if (combo->currentIndex() < 0 || combo->currentText() != combo->itemText(combo->currentIndex()))
        return;
    model->setData(index, combo->currentData(), Qt::EditRole);
}

} // namespace Moniagent
