#pragma once

#include <QStyledItemDelegate>

namespace Moniagent {

class CategoryRepository;

// Shows a category as its colored icon and name (unconfirmed suggestions in italics) and edits it with a
// searchable combo box of the categories that fit the row's direction.
class CategoryDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    CategoryDelegate(CategoryRepository* categories, qint64 userId, QObject* parent = nullptr);

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    void setEditorData(QWidget* editor, const QModelIndex& index) const override;
    void setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const override;

private:
    CategoryRepository* m_categories;
    qint64 m_userId;
};

} // namespace Moniagent
