#include "categoriesdialog.h"

#include "categoryeditdialog.h"
#include "common/categoryicons.h"
#include "common/messagebox.h"
#include "itemmodels/categorymodel.h"
#include "reassigndialog.h"
#include "session/session.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QPainter>
#include <QPushButton>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

namespace Moniagent {

namespace {
// Draws the category badge instead of the plain color swatch.
class BadgeDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        option->icon = CategoryIcons::icon(index.data(CategoryModel::IconRole).toString(),
                                           index.data(CategoryModel::ColorRole).value<QColor>());
        option->features |= QStyleOptionViewItem::HasDecoration;
        option->decorationSize = QSize(20, 20);
    }
};
} // namespace

CategoriesDialog::CategoriesDialog(Session* session, QWidget* parent)
    : QDialog(parent)
    , m_session(session)
    , m_model(new CategoryModel(session->categories(), session->userId(), this))
    , m_view(new QTableView(this))
    , m_edit(new QPushButton(tr("Edit…"), this))
    , m_delete(new QPushButton(tr("Delete…"), this))
    , m_up(new QPushButton(tr("Move Up"), this))
    , m_down(new QPushButton(tr("Move Down"), this))
{
    setObjectName(QStringLiteral("categoriesDialog"));
    setWindowTitle(tr("Categories"));
    m_view->setObjectName(QStringLiteral("categoriesView"));
    m_view->setModel(m_model);
    m_view->setItemDelegateForColumn(CategoryModel::NameColumn, new BadgeDelegate(m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::EditKeyPressed);
    m_view->verticalHeader()->setVisible(false);
    m_view->verticalHeader()->setDefaultSectionSize(30);
    m_view->horizontalHeader()->setSectionResizeMode(CategoryModel::NameColumn, QHeaderView::Stretch);
    m_view->setShowGrid(false);
    m_view->setAlternatingRowColors(true);
    connect(m_model, &CategoryModel::errorOccurred, this, [this](const QString& message) { showError(message); });

    auto* add = new QPushButton(tr("Add…"), this);
    add->setObjectName(QStringLiteral("addCategory"));
    m_edit->setObjectName(QStringLiteral("editCategory"));
    m_delete->setObjectName(QStringLiteral("deleteCategory"));
    m_up->setObjectName(QStringLiteral("moveCategoryUp"));
    m_down->setObjectName(QStringLiteral("moveCategoryDown"));
    connect(add, &QPushButton::clicked, this, &CategoriesDialog::addCategory);
    connect(m_edit, &QPushButton::clicked, this, &CategoriesDialog::editCurrent);
    connect(m_delete, &QPushButton::clicked, this, &CategoriesDialog::deleteCurrent);
    connect(m_up, &QPushButton::clicked, this, [this]() { moveCurrent(-1); });
    connect(m_down, &QPushButton::clicked, this, [this]() { moveCurrent(1); });
    connect(m_view, &QTableView::doubleClicked, this, &CategoriesDialog::editCurrent);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &CategoriesDialog::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &CategoriesDialog::updateButtons);

    auto* side = new QVBoxLayout;
    for (QPushButton* button : {add, m_edit, m_delete, m_up, m_down})
        side->addWidget(button);
    side->addStretch();
    auto* content = new QHBoxLayout;
    content->addWidget(m_view, 1);
    content->addLayout(side);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::accept);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(content);
    layout->addWidget(buttons);
    resize(560, 620);
    m_view->selectRow(0);
    updateButtons();
}

int CategoriesDialog::currentRow() const
{
    return m_view->currentIndex().isValid() ? m_view->currentIndex().row() : -1;
}

void CategoriesDialog::updateButtons()
{
    const auto c = m_model->categoryAt(currentRow());
    m_edit->setEnabled(c.has_value());
    m_delete->setEnabled(c && !c->isSystem);
    m_delete->setToolTip(c && c->isSystem ? tr("Default categories cannot be deleted; rename them instead.")
                                          : QString());
    m_up->setEnabled(c && currentRow() > 0);
    m_down->setEnabled(c && currentRow() < m_model->rowCount() - 1);
}

void CategoriesDialog::showError(const QString& message, const QString& detail)
{
    MessageBox::warning(this, tr("Categories"), message, detail);
}

void CategoriesDialog::addCategory()
{
    // A color of the palette the fewest categories use yet, so new categories stand apart.
    static const QStringList palette = {
        QStringLiteral("#0EA5E9"), QStringLiteral("#F97316"), QStringLiteral("#8B5CF6"), QStringLiteral("#10B981"),
        QStringLiteral("#EF4444"), QStringLiteral("#EAB308"), QStringLiteral("#EC4899"), QStringLiteral("#14B8A6"),
        QStringLiteral("#6366F1"), QStringLiteral("#84CC16"),
    };
    QHash<QString, int> used;
    for (int r = 0; r < m_model->rowCount(); ++r)
        used[m_model->categoryAt(r)->color.toUpper()]++;
    Category fresh;
    fresh.userId = m_session->userId();
    fresh.color = *std::min_element(palette.cbegin(), palette.cend(),
                                    [&](const QString& a, const QString& b) { return used.value(a) < used.value(b); });
    CategoryEditDialog dialog(fresh, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    auto id = m_session->categories()->add(m_session->userId(), dialog.category());
    if (!id) {
        showError(id.error().message, id.error().detail);
        return;
    }
    m_view->selectRow(m_model->rowOf(*id));
}

void CategoriesDialog::editCurrent()
{
    const auto c = m_model->categoryAt(currentRow());
    if (!c)
        return;
    CategoryEditDialog dialog(*c, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    auto updated = m_session->categories()->update(m_session->userId(), dialog.category());
    if (!updated) {
        showError(updated.error().message, updated.error().detail);
        return;
    }
    m_view->selectRow(m_model->rowOf(c->id));
}

void CategoriesDialog::deleteCurrent()
{
    const int row = currentRow();
    const auto c = m_model->categoryAt(row);
    if (!c || c->isSystem)
        return;
    auto usage = m_session->categories()->usageCount(m_session->userId(), c->id);
    if (!usage) {
        showError(usage.error().message, usage.error().detail);
        return;
    }
    std::optional<qint64> target;
    if (*usage > 0) {
        ReassignDialog dialog(m_session->categories(), *c, *usage, this);
        if (dialog.exec() != QDialog::Accepted)
            return;
        target = dialog.target();
    } else if (MessageBox::question(this, tr("Delete Category"), tr("Delete the category “%1”?").arg(c->name))
               != QMessageBox::Yes) {
        return;
    }
    auto removed = m_session->categories()->remove(m_session->userId(), c->id, target);
    if (!removed) {
        showError(removed.error().message, removed.error().detail);
        return;
    }
    m_view->selectRow(std::min(row, m_model->rowCount() - 1));
}

void CategoriesDialog::moveCurrent(int delta)
{
    const int row = currentRow();
    const int other = row + delta;
    if (row < 0 || other < 0 || other >= m_model->rowCount())
        return;
    QList<qint64> order;
    for (int r = 0; r < m_model->rowCount(); ++r)
        order << m_model->categoryAt(r)->id;
    order.swapItemsAt(row, other);
    const qint64 moved = order.at(other);
    auto result = m_session->categories()->reorder(m_session->userId(), order);
    if (!result) {
        showError(result.error().message, result.error().detail);
        return;
    }
    m_view->selectRow(m_model->rowOf(moved));
}

} // namespace Moniagent
