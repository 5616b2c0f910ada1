#pragma once

#include <QStyledItemDelegate>

namespace Moniagent {

// Draws a budget's spending as a progress bar in its state's color (on track, warning, exceeded), with a thin
// tick at the alert threshold and a small triangle at the pace (the share of the period that has passed: where
// spending would be if the limit were spent evenly). The share used is written at the right, the state under
// the bar. Reads BudgetStatusModel's UsedRole, PaceRole, ThresholdRole, StateRole and CurrentWindowRole.
class BudgetBarDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

} // namespace Moniagent
