#include "reassigndialog.h"

#include "common/categoryicons.h"
#include "db/categoryrepository.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace Moniagent {

ReassignDialog::ReassignDialog(CategoryRepository* categories, const Category& deleted, qint64 usage, QWidget* parent)
    : QDialog(parent)
    , m_target(new QComboBox(this))
{
    setObjectName(QStringLiteral("reassignDialog"));
    setWindowTitle(tr("Delete Category"));
    auto* text = new QLabel(
        tr("“%1” is used by %Ln transaction(s). Where should they go?", nullptr, int(usage)).arg(deleted.name), this);
    text->setWordWrap(true);
    m_target->setObjectName(QStringLiteral("reassignTarget"));
    m_target->addItem(CategoryIcons::icon(QStringLiteral("dots"), QColor(0x94, 0xA3, 0xB8)), tr("Uncategorized"),
                      QVariant());
    auto list = categories->list(deleted.userId);
    if (list) {
        for (const Category& c : std::as_const(*list)) {
            if (c.id != deleted.id)
                m_target->addItem(CategoryIcons::icon(c.icon, QColor(c.color)), c.name, c.id);
        }
    }
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    auto* remove = buttons->addButton(tr("Delete Category"), QDialogButtonBox::DestructiveRole);
    remove->setObjectName(QStringLiteral("confirmDelete"));
    connect(remove, &QPushButton::clicked, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(text);
    layout->addWidget(m_target);
    layout->addWidget(buttons);
}

std::optional<qint64> ReassignDialog::target() const
{
    const QVariant chosen = m_target->currentData();
    return chosen.isValid() ? std::optional<qint64>(chosen.toLongLong()) : std::nullopt;
}

} // namespace Moniagent
