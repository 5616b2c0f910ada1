#pragma once

#include <QStyledItemDelegate>

namespace Moniagent {

class CategoryRepository;

// Shows a category as its colored icon and name and edits it with a searchable combo box of the categories that
// fit the row's direction. A category the user has not confirmed is in italics with a small ring at the right
// whose filled part shows the categorizer's confidence; in the review queue the percentage is written beside it.
class CategoryDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    CategoryDelegate(CategoryRepository* categories, qint64 userId, QObject* parent = nullptr);

    void setShowConfidenceText(bool show) { m_showConfidenceText = show; }
    bool showsConfidenceText() const { return m_showConfidenceText; }

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    void setEditorData(QWidget* editor, const QModelIndex& index) const override;
    void setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const override;

private:
    // Paints the confidence mark at the right of `rect` and returns the room left for the name.
    QRect paintConfidence(QPainter* painter, const QStyleOptionViewItem& option, QRect rect, double confidence,
                          const QColor& color) const;

    CategoryRepository* m_categories;
    qint64 m_userId;
    bool m_showConfidenceText = false;
};

} // namespace Moniagent
