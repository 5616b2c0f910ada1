#pragma once

#include "core/category.h"

#include <QList>
#include <QStyledItemDelegate>

class QComboBox;

namespace Moniagent {

// Edits the category of a receipt line (ReceiptItemsModel::CategoryColumn) with a searchable combo box: "As the
// receipt" first, then the expense categories with their icons.
class ReceiptCategoryDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    ReceiptCategoryDelegate(const QList<Category>& categories, QObject* parent = nullptr);

    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    void setEditorData(QWidget* editor, const QModelIndex& index) const override;
    void setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const override;

    // Fills a combo box with "As the receipt" (or `firstText`) and the categories; used by the dialog too.
    static void fill(QComboBox* combo, const QList<Category>& categories, const QString& firstText);

private:
    QList<Category> m_categories;
};

} // namespace Moniagent
