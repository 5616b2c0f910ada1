#pragma once

#include <QStyledItemDelegate>

namespace Moniagent {

// A row of a budget or notification list: an optional icon, the display text, and under it a smaller second line
// (BudgetRoles::SecondaryTextRole). Each line's color follows its tone role and the palette, so warnings stay
// readable in light and dark mode.
class TwoLineDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit TwoLineDelegate(QObject* parent = nullptr);

    void setIconSize(int size) { m_iconSize = size; }

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

    static QFont secondaryFont(const QFont& font);

private:
    int m_iconSize = 24;
};

} // namespace Moniagent
