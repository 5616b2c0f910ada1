#include "datedelegate.h"

#include <QDateEdit>

namespace Moniagent {

QWidget* DateDelegate::createEditor(QWidget* parent, const QStyleOptionViewItem&, const QModelIndex&) const
{
    auto* editor = new QDateEdit(parent);
    editor->setCalendarPopup(true);
    editor->setDisplayFormat(editor->locale().dateFormat(QLocale::ShortFormat));
    editor->setFrame(false);
    return editor;
}

void DateDelegate::setEditorData(QWidget* editor, const QModelIndex& index) const
{
    static_cast<QDateEdit*>(editor)->setDate(index.data(Qt::EditRole).toDate());
}

void DateDelegate::setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const
{
    const QDate date = static_cast<QDateEdit*>(editor)->date();
    if (date != index.data(Qt::EditRole).toDate())
        model->setData(index, date, Qt::EditRole);
}

} // namespace Moniagent
