#include "categoryeditdialog.h"

#include "common/categoryicons.h"
#include "core/defaultcategories.h"

#include <QColorDialog>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace Moniagent {

CategoryEditDialog::CategoryEditDialog(const Category& category, QWidget* parent)
    : QDialog(parent)
    , m_category(category)
    , m_name(new QLineEdit(category.name, this))
    , m_type(new QComboBox(this))
    , m_icons(new QListWidget(this))
    , m_color(new QToolButton(this))
    , m_chosenColor(category.color)
{
    setObjectName(QStringLiteral("categoryEditDialog"));
    setWindowTitle(category.id == 0 ? tr("New Category") : tr("Edit Category"));
    m_name->setObjectName(QStringLiteral("categoryName"));
    m_name->setMaxLength(80);
    m_type->setObjectName(QStringLiteral("categoryType"));
    for (CategoryType type : {CategoryType::Expense, CategoryType::Income, CategoryType::Both})
        m_type->addItem(CategoryEnums::displayName(type), int(type));
    m_type->setCurrentIndex(m_type->findData(int(category.type)));

    m_icons->setObjectName(QStringLiteral("categoryIcons"));
    m_icons->setViewMode(QListView::IconMode);
    m_icons->setIconSize(QSize(28, 28));
    m_icons->setGridSize(QSize(40, 40));
    m_icons->setMovement(QListView::Static);
    m_icons->setResizeMode(QListView::Adjust);
    m_icons->setFixedHeight(4 * 40 + 8);
    m_icons->setMinimumWidth(11 * 40 + 8);
    for (const QString& key : DefaultCategories::iconKeys()) {
        auto* item = new QListWidgetItem(m_icons);
        item->setData(Qt::UserRole, key);
        item->setToolTip(key);
        if (key == category.icon)
            m_icons->setCurrentItem(item);
    }
    m_color->setObjectName(QStringLiteral("categoryColor"));
    m_color->setToolTip(tr("Choose a color"));
    connect(m_color, &QToolButton::clicked, this, [this]() {
        const QColor color = QColorDialog::getColor(m_chosenColor, this, tr("Category Color"));
        if (color.isValid()) {
            m_chosenColor = color;
            updateColorButton();
        }
    });
    updateColorButton();

    auto* form = new QFormLayout;
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("Used for:"), m_type);
    form->addRow(tr("Color:"), m_color);
    form->addRow(tr("Icon:"), m_icons);
    if (category.isSystem) {
        m_type->setEnabled(false);
        m_type->setToolTip(tr("The type of a default category cannot change."));
    }

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto* ok = buttons->button(QDialogButtonBox::Ok);
    ok->setEnabled(!m_name->text().trimmed().isEmpty());
    connect(m_name, &QLineEdit::textChanged, ok,
            [ok](const QString& text) { ok->setEnabled(!text.trimmed().isEmpty()); });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

void CategoryEditDialog::updateColorButton()
{
    m_color->setIcon(QIcon(CategoryIcons::badge(QStringLiteral("tag"), m_chosenColor, 20)));
    m_color->setText(m_chosenColor.name().toUpper());
    m_color->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    for (int i = 0; i < m_icons->count(); ++i) {
        QListWidgetItem* item = m_icons->item(i);
        item->setIcon(CategoryIcons::icon(item->data(Qt::UserRole).toString(), m_chosenColor));
    }
}

Category CategoryEditDialog::category() const
{
    Category c = m_category;
    c.name = m_name->text().trimmed();
    c.type = CategoryType(m_type->currentData().toInt());
    c.color = m_chosenColor.name(QColor::HexRgb).toUpper();
    if (m_icons->currentItem())
        c.icon = m_icons->currentItem()->data(Qt::UserRole).toString();
    return c;
}

} // namespace Moniagent
