#include "rulesdialog.h"

#include "categorize/categorizer.h"
#include "common/messagebox.h"
#include "common/rulechanges.h"
#include "itemmodels/transactionmodel.h"
#include "ruleeditdialog.h"
#include "ruletablemodel.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace Moniagent {

RulesDialog::RulesDialog(Categorizer* categorizer, CategoryRepository* categories, TransactionModel* ledger,
                         QWidget* parent)
    : QDialog(parent)
    , m_categorizer(categorizer)
    , m_categories(categories)
    , m_ledger(ledger)
    , m_model(new RuleTableModel(categorizer, categories, this))
    , m_view(new QTableView(this))
    , m_edit(new QPushButton(tr("Edit…"), this))
    , m_delete(new QPushButton(tr("Delete"), this))
    , m_toggle(new QPushButton(tr("Turn Off"), this))
    , m_report(new QLabel(this))
{
    setObjectName(QStringLiteral("rulesDialog"));
    setWindowTitle(tr("Categorization Rules"));

    auto* intro = new QLabel(tr("Rules put transactions from a store into a category. Exact names are tried first, "
                                "then regular expressions, then “contains” rules. Learned rules come from your "
                                "repeated corrections."),
                             this);
    intro->setWordWrap(true);

    m_view->setObjectName(QStringLiteral("rulesView"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setShowGrid(false);
    m_view->setWordWrap(false);
    m_view->setIconSize(QSize(18, 18));
    m_view->verticalHeader()->setVisible(false);
    m_view->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 12);
    auto* header = m_view->horizontalHeader();
    header->setHighlightSections(false);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(RuleTableModel::PatternColumn, QHeaderView::Stretch);
    header->resizeSection(RuleTableModel::ActiveColumn, 64);
    header->resizeSection(RuleTableModel::TypeColumn, 150);
    header->resizeSection(RuleTableModel::CategoryColumn, 190);
    header->resizeSection(RuleTableModel::OriginColumn, 80);
    header->resizeSection(RuleTableModel::HitsColumn, 60);
    connect(m_model, &RuleTableModel::errorOccurred, this, [this](const QString& message) { showError(message); });

    auto* add = new QPushButton(tr("Add…"), this);
    add->setObjectName(QStringLiteral("addRule"));
    m_edit->setObjectName(QStringLiteral("editRule"));
    m_delete->setObjectName(QStringLiteral("deleteRule"));
    m_toggle->setObjectName(QStringLiteral("toggleRule"));
    auto* reapply = new QPushButton(tr("Re-apply Rules…"), this);
    reapply->setObjectName(QStringLiteral("reapplyRules"));
    reapply->setToolTip(tr("Categorize the transactions you have not confirmed again, with the current rules"));
    connect(add, &QPushButton::clicked, this, &RulesDialog::addRule);
    connect(m_edit, &QPushButton::clicked, this, &RulesDialog::editCurrent);
    connect(m_delete, &QPushButton::clicked, this, &RulesDialog::deleteCurrent);
    connect(m_toggle, &QPushButton::clicked, this, &RulesDialog::toggleCurrent);
    connect(reapply, &QPushButton::clicked, this, &RulesDialog::reapplyRules);
    connect(m_view, &QTableView::doubleClicked, this, &RulesDialog::editCurrent);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &RulesDialog::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &RulesDialog::updateButtons);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &RulesDialog::updateButtons);

    // One width for the column of buttons, wide enough for the longest label with room around it.
    int width = 0;
    for (QPushButton* button : {add, m_edit, m_delete, m_toggle, reapply})
        width = std::max(width, button->sizeHint().width() + 16);
    auto* side = new QVBoxLayout;
    for (QPushButton* button : {add, m_edit, m_delete, m_toggle, reapply})
        button->setMinimumWidth(width);
    for (QPushButton* button : {add, m_edit, m_delete, m_toggle})
        side->addWidget(button);
    side->addStretch();
    side->addWidget(reapply);
    auto* content = new QHBoxLayout;
    content->addWidget(m_view, 1);
    content->addLayout(side);
    // What the last re-apply did, beside the Close button: no second box to click away.
    m_report->setObjectName(QStringLiteral("reapplyReport"));
    m_report->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::accept);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(m_report, 1);
    bottom->addWidget(buttons);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(content, 1);
    layout->addLayout(bottom);
    resize(820, 520);
    if (m_model->rowCount() > 0)
        m_view->selectRow(0);
    updateButtons();
}

int RulesDialog::currentRow() const
{
    return m_view->currentIndex().isValid() ? m_view->currentIndex().row() : -1;
}

void RulesDialog::updateButtons()
{
    const auto rule = m_model->ruleAt(currentRow());
    m_edit->setEnabled(rule.has_value());
    m_delete->setEnabled(rule.has_value());
    m_toggle->setEnabled(rule.has_value());
    m_toggle->setText(rule && !rule->isActive ? tr("Turn On") : tr("Turn Off"));
}

void RulesDialog::showError(const QString& message, const QString& detail)
{
    MessageBox::warning(this, tr("Categorization Rules"), message, detail);
}

void RulesDialog::addRule()
{
    CategorizationRule fresh;
    fresh.userId = m_categorizer->userId();
    fresh.type = RuleType::Keyword;
    fresh.confidenceThreshold = 1.0;
    RuleEditDialog dialog(m_categorizer, m_categories, fresh, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    auto id = m_categorizer->addRule(dialog.rule());
    if (!id) {
        showError(id.error().message, id.error().detail);
        return;
    }
    m_model->reload();
    m_view->selectRow(m_model->rowOf(*id));
}

void RulesDialog::editCurrent()
{
    const auto rule = m_model->ruleAt(currentRow());
    if (!rule)
        return;
    RuleEditDialog dialog(m_categorizer, m_categories, *rule, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    auto updated = m_categorizer->updateRule(dialog.rule());
    if (!updated) {
        showError(updated.error().message, updated.error().detail);
        return;
    }
    m_model->reload();
    m_view->selectRow(m_model->rowOf(rule->id));
}

void RulesDialog::deleteCurrent()
{
    const int row = currentRow();
    const auto rule = m_model->ruleAt(row);
    if (!rule)
        return;
    const QString question = rule->origin == RuleOrigin::Learned
        ? tr("Delete the learned rule for “%1”? It may be learned again from later corrections; turn it off "
             "instead to keep it from coming back.")
              .arg(rule->pattern)
        : tr("Delete the rule for “%1”? Transactions it categorized keep their category.").arg(rule->pattern);
    if (MessageBox::question(this, tr("Delete Rule"), question) != QMessageBox::Yes)
        return;
    auto removed = m_categorizer->removeRule(rule->id);
    if (!removed) {
        showError(removed.error().message, removed.error().detail);
        return;
    }
    m_model->reload();
    if (m_model->rowCount() > 0)
        m_view->selectRow(std::min(row, m_model->rowCount() - 1));
}

void RulesDialog::toggleCurrent()
{
    const auto rule = m_model->ruleAt(currentRow());
    if (!rule)
        return;
    m_model->setData(m_model->index(currentRow(), RuleTableModel::ActiveColumn),
                     rule->isActive ? Qt::Unchecked : Qt::Checked, Qt::CheckStateRole);
    updateButtons();
}

void RulesDialog::reapplyRules()
{
    const QString title = tr("Re-apply Rules");
    QString error;
    auto changes = RuleChanges::plan(m_categorizer, Categorizer::Scope::Unconfirmed, true, this, &error);
    if (!changes) {
        if (!error.isEmpty())
            showError(error);
        return;
    }
    const qint64 user = m_categorizer->userId();
    if (changes->isEmpty()) {
        m_report->setText(RuleChanges::summary(*changes, m_categories, user));
        return;
    }
    const QString summary = RuleChanges::summary(*changes, m_categories, user);
    const auto answer = MessageBox::question(this, title,
                                             summary + QStringLiteral("\n\n")
                                                 + tr("Only transactions whose category you have not confirmed "
                                                      "change. You can undo this with Edit › Undo."),
                                             QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
    if (answer != QMessageBox::Yes)
        return;
    const int count = int(changes->size());
    auto applied = RuleChanges::apply(m_ledger, *changes, tr("Re-apply rules to %Ln transaction(s)", nullptr, count));
    if (!applied) {
        showError(applied.error().message, applied.error().detail);
        return;
    }
    const QString report = tr("Re-applied the rules: %Ln transaction(s) changed (%1).", nullptr, count)
                               .arg(RuleChanges::breakdown(*changes, m_categories, user));
    m_report->setText(report);
    Q_EMIT statusMessage(report);
}

} // namespace Moniagent
