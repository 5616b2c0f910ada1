#pragma once

#include "core/category.h"

#include <QDialog>

class QComboBox;
class QLineEdit;
class QListWidget;
class QToolButton;

namespace Moniagent {

// Creates or edits one category: name, whether it is for expenses, income or both, its icon and color.
class CategoryEditDialog : public QDialog
{
    Q_OBJECT
public:
    explicit CategoryEditDialog(const Category& category, QWidget* parent = nullptr);

    Category category() const;

private:
    void updateColorButton();

    Category m_category;
    QLineEdit* m_name;
    QComboBox* m_type;
    QListWidget* m_icons;
    QToolButton* m_color;
    QColor m_chosenColor;
};

} // namespace Moniagent
