#include "ruleeditdialog.h"

#include "categorize/rulematcher.h"
#include "common/categoryicons.h"
#include "itemmodels/categorymodel.h"
#include "rulepreviewer.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Moniagent {

RuleEditDialog::RuleEditDialog(Categorizer* categorizer, CategoryRepository* categories, const CategorizationRule& rule,
                               QWidget* parent)
    : QDialog(parent)
    , m_categorizer(categorizer)
    , m_rule(rule)
    , m_categories(new CategoryModel(categories, categorizer->userId(), this))
    , m_previewer(new RulePreviewer(categorizer, this))
    , m_type(new QComboBox(this))
    , m_pattern(new QLineEdit(rule.pattern, this))
    , m_error(new QLabel(this))
    , m_category(new QComboBox(this))
    , m_confidence(new QSpinBox(this))
    , m_priority(new QSpinBox(this))
    , m_summary(new QLabel(this))
    , m_samples(new QTreeWidget(this))
    , m_ok(nullptr)
{
    setObjectName(QStringLiteral("ruleEditDialog"));
    setWindowTitle(rule.id == 0 ? tr("New Rule") : tr("Edit Rule"));

    m_type->setObjectName(QStringLiteral("ruleType"));
    // In the order people reach for them; the categorizer tries exact names first whatever the order here.
    for (RuleType type : {RuleType::Keyword, RuleType::ExactMatch, RuleType::Regex})
        m_type->addItem(CategorizationRuleEnums::displayName(type), int(type));
    m_type->setCurrentIndex(m_type->findData(int(rule.type)));

    m_pattern->setObjectName(QStringLiteral("rulePattern"));
    m_pattern->setClearButtonEnabled(true);
    m_error->setObjectName(QStringLiteral("ruleError"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    QPalette warning = m_error->palette();
    warning.setColor(QPalette::WindowText, QColor(0xB9, 0x1C, 0x1C));
    m_error->setPalette(warning);
    m_error->setVisible(false);

    m_category->setObjectName(QStringLiteral("ruleCategory"));
    // Plain items with icons (the category model has no icons of its own); any category, since a rule applies to
    // a store whichever way the money goes.
    for (int row = 0; row < m_categories->rowCount(); ++row) {
        const auto c = m_categories->categoryAt(row);
        if (c)
            m_category->addItem(CategoryIcons::icon(c->icon, QColor(c->color)), c->name, c->id);
    }
    m_category->setCurrentIndex(rule.categoryId > 0 ? m_category->findData(rule.categoryId) : -1);
    m_category->setPlaceholderText(tr("Choose a category"));
    m_category->setMaxVisibleItems(16);

    m_confidence->setObjectName(QStringLiteral("ruleConfidence"));
    m_confidence->setRange(1, 100);
    m_confidence->setSuffix(QStringLiteral(" %"));
    m_confidence->setValue(rule.id == 0 && rule.confidenceThreshold <= 0 ? 100
                                                                         : qRound(rule.confidenceThreshold * 100));
    m_confidence->setToolTip(tr("How sure the rule is. At or above your auto-apply threshold its category is "
                                "applied; below it the transaction waits for review with it suggested."));
    m_priority->setObjectName(QStringLiteral("rulePriority"));
    m_priority->setRange(-1000, 1000);
    m_priority->setValue(rule.priority);
    m_priority->setToolTip(tr("When several rules of the same kind match, the one with the higher priority wins."));
    for (QSpinBox* spin : {m_confidence, m_priority}) {
        spin->setMinimumWidth(spin->sizeHint().width() + 16);
        spin->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    }

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Match:"), m_type);
    form->addRow(tr("Store name:"), m_pattern);
    form->addRow(QString(), m_error);
    form->addRow(tr("Category:"), m_category);
    form->addRow(tr("Confidence:"), m_confidence);
    form->addRow(tr("Priority:"), m_priority);

    auto* preview = new QGroupBox(tr("Preview"), this);
    m_summary->setObjectName(QStringLiteral("rulePreviewSummary"));
    m_summary->setWordWrap(true);
    m_samples->setObjectName(QStringLiteral("rulePreviewSamples"));
    m_samples->setRootIsDecorated(false);
    m_samples->setUniformRowHeights(true);
    m_samples->setSelectionMode(QAbstractItemView::NoSelection);
    m_samples->setFocusPolicy(Qt::NoFocus);
    m_samples->setHeaderLabels({tr("Date"), tr("Store"), tr("Amount"), tr("Category")});
    m_samples->header()->setStretchLastSection(true);
    m_samples->setColumnWidth(0, 90);
    m_samples->setColumnWidth(1, 190);
    m_samples->setColumnWidth(2, 90);
    m_samples->setMinimumHeight(150);
    auto* previewLayout = new QVBoxLayout(preview);
    previewLayout->addWidget(m_summary);
    previewLayout->addWidget(m_samples, 1);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setObjectName(QStringLiteral("ruleOk"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(preview, 1);
    layout->addWidget(buttons);
    resize(620, 520);

    connect(m_type, &QComboBox::currentIndexChanged, this, &RuleEditDialog::changed);
    connect(m_pattern, &QLineEdit::textChanged, this, &RuleEditDialog::changed);
    connect(m_category, &QComboBox::currentIndexChanged, this, &RuleEditDialog::changed);
    connect(m_confidence, &QSpinBox::valueChanged, this, &RuleEditDialog::changed);
    connect(m_previewer, &RulePreviewer::started, this,
            [this]() { m_summary->setText(tr("Checking your transactions…")); });
    connect(m_previewer, &RulePreviewer::progress, this, [this](qint64 done, qint64 total) {
        if (total > 0 && done < total) {
            const QLocale locale;
            m_summary->setText(
                tr("Checking your transactions… %1").arg(locale.toString(int(done * 100 / total)) + locale.percent()));
        }
    });
    connect(m_previewer, &RulePreviewer::finished, this, &RuleEditDialog::showPreview);
    connect(m_previewer, &RulePreviewer::failed, this, [this](const QString& message) {
        m_summary->setText(message);
        m_samples->clear();
    });
    changed();
}

CategorizationRule RuleEditDialog::rule() const
{
    CategorizationRule rule = m_rule;
    rule.type = RuleType(m_type->currentData().toInt());
    rule.pattern = rule.type == RuleType::Regex ? m_pattern->text() : m_pattern->text().trimmed();
    const QVariant category = m_category->currentData();
    rule.categoryId = category.isValid() ? category.toLongLong() : 0;
    rule.confidenceThreshold = m_confidence->value() / 100.0;
    rule.priority = m_priority->value();
    return rule;
}

QString RuleEditDialog::validationMessage() const
{
    return m_error->isVisible() ? m_error->text() : QString();
}

QString RuleEditDialog::previewText() const
{
    return m_summary->text();
}

bool RuleEditDialog::isPreviewBusy() const
{
    return m_previewer->isBusy();
}

void RuleEditDialog::changed()
{
    const CategorizationRule current = rule();
    switch (current.type) {
    case RuleType::Keyword:
        m_pattern->setPlaceholderText(tr("Part of the store name, e.g. “TESCO”"));
        break;
    case RuleType::ExactMatch:
        m_pattern->setPlaceholderText(tr("The whole store name, e.g. “Tesco Express”"));
        break;
    case RuleType::Regex:
        m_pattern->setPlaceholderText(tr("A regular expression, e.g. “^(tesco|sainsbury)”"));
        break;
    }
    // The categorizer's own check, so what is accepted here is what it will accept on save.
    QString problem;
    if (!current.pattern.trimmed().isEmpty()) {
        auto valid = RuleMatcher::validatePattern(current.type, current.pattern);
        if (!valid)
            problem = valid.error().message;
    }
    m_error->setText(problem);
    m_error->setVisible(!problem.isEmpty());
    const bool complete = !current.pattern.trimmed().isEmpty() && current.categoryId > 0;
    m_ok->setEnabled(complete && problem.isEmpty());
    if (current.pattern.trimmed().isEmpty() || !problem.isEmpty()) {
        m_previewer->cancel();
        m_summary->setText(problem.isEmpty() ? tr("Type a store name to see which transactions the rule matches.")
                                             : tr("Fix the pattern to see which transactions the rule matches."));
        m_samples->clear();
        return;
    }
    // Without a category yet, the preview still counts the matches.
    m_previewer->request(current);
}

QString RuleEditDialog::categoryName(std::optional<qint64> id) const
{
    if (!id)
        return tr("Uncategorized");
    const auto c = m_categories->category(*id);
    return c ? c->name : QString();
}

void RuleEditDialog::showPreview(const Categorizer::RulePreview& preview)
{
    const QLocale locale;
    const CategorizationRule current = rule();
    if (preview.matching == 0) {
        m_summary->setText(tr("Matches none of your transactions yet."));
    } else if (current.categoryId <= 0) {
        // Nothing would change before a category is chosen.
        m_summary->setText(tr("Matches %Ln transaction(s). Choose a category to see what would change.", nullptr,
                              int(std::min<qint64>(preview.matching, INT_MAX))));
    } else {
        m_summary->setText(tr("Matches %Ln transaction(s), would change %1.", nullptr,
                              int(std::min<qint64>(preview.matching, INT_MAX)))
                               .arg(locale.toString(preview.changing)));
    }
    m_samples->clear();
    for (const Transaction& t : preview.samples) {
        QString category = categoryName(t.categoryId);
        if (t.confirmedByUser)
            category = tr("%1 (confirmed by you)").arg(category);
        else if (current.categoryId > 0 && t.categoryId != current.categoryId)
            category = tr("%1 → %2").arg(category, categoryName(current.categoryId));
        auto* item = new QTreeWidgetItem(m_samples,
                                         {locale.toString(t.occurredOn, QLocale::ShortFormat),
                                          t.merchant.isEmpty() ? t.description : t.merchant,
                                          Money(t.signedMinor(), t.amount.currency()).toString(locale), category});
        item->setTextAlignment(2, Qt::AlignRight | Qt::AlignVCenter);
    }
}

} // namespace Moniagent
