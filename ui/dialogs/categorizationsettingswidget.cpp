#include "categorizationsettingswidget.h"

#include "categorize/categorizer.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace Moniagent {

CategorizationSettingsWidget::CategorizationSettingsWidget(Categorizer* categorizer, QWidget* parent)
    : QGroupBox(tr("Categorization"), parent)
    , m_categorizer(categorizer)
    , m_threshold(new QSpinBox(this))
    , m_learnAfter(new QSpinBox(this))
    , m_rebuild(new QPushButton(tr("Rebuild Learned Model"), this))
    , m_busy(new QProgressBar(this))
    , m_modelInfo(new QLabel(this))
    , m_useLlm(new QCheckBox(tr("Ask an AI model when unsure"), this))
{
    setObjectName(QStringLiteral("categorizationSettings"));
    const CategorizationSettings settings = categorizer->settings();

    m_threshold->setObjectName(QStringLiteral("autoApplyThreshold"));
    m_threshold->setRange(50, 100);
    m_threshold->setSuffix(QStringLiteral(" %"));
    m_threshold->setValue(qRound(settings.autoApplyThreshold * 100));
    m_threshold->setToolTip(tr("A suggested category at least this sure is applied; a less sure one waits in "
                               "“Needs review”."));
    m_learnAfter->setObjectName(QStringLiteral("learnRuleAfter"));
    m_learnAfter->setRange(1, 100);
    m_learnAfter->setValue(settings.learnRuleAfter);
    m_learnAfter->setToolTip(tr("After this many consistent corrections for one store, a rule is made for it."));
    m_learnAfter->setMaximumWidth(m_learnAfter->sizeHint().width() + 24);
    m_threshold->setMaximumWidth(m_threshold->sizeHint().width() + 24);

    m_rebuild->setObjectName(QStringLiteral("rebuildModel"));
    m_rebuild->setToolTip(tr("Learn again from every transaction whose category you confirmed"));
    m_busy->setObjectName(QStringLiteral("rebuildBusy"));
    m_busy->setRange(0, 0); // busy, no steps known
    m_busy->setTextVisible(false);
    m_busy->setMaximumWidth(120);
    m_busy->setVisible(false);
    m_modelInfo->setObjectName(QStringLiteral("modelInfo"));
    auto* modelRow = new QHBoxLayout;
    modelRow->addWidget(m_rebuild);
    modelRow->addWidget(m_busy);
    modelRow->addWidget(m_modelInfo, 1);
    connect(m_rebuild, &QPushButton::clicked, this, &CategorizationSettingsWidget::rebuildModel);
    updateModelInfo();

    // Shown here, switched on the AI tab (one switch for one thing).
    m_useLlm->setObjectName(QStringLiteral("useLlm"));
    m_useLlm->setChecked(settings.useLlm);
    m_useLlm->setEnabled(false);
    m_useLlm->setToolTip(tr("Only for transactions that rules and the learned model cannot categorize with "
                            "enough confidence"));
    auto* llmNote = new QLabel(tr("Configure an AI provider first, then switch this on the AI tab."), this);
    llmNote->setWordWrap(true);
    llmNote->setObjectName(QStringLiteral("useLlmNote"));
    QPalette dim = llmNote->palette();
    dim.setColor(QPalette::WindowText, dim.color(QPalette::PlaceholderText));
    llmNote->setPalette(dim);
    auto* llm = new QVBoxLayout;
    llm->setSpacing(2);
    llm->addWidget(m_useLlm);
    llm->addWidget(llmNote);

    auto* thresholdNote = new QLabel(tr("Suggestions at least this sure are applied; less sure ones wait in "
                                        "“Needs review”."),
                                     this);
    thresholdNote->setWordWrap(true);
    thresholdNote->setPalette(dim);
    auto* threshold = new QVBoxLayout;
    threshold->setSpacing(2);
    threshold->addWidget(m_threshold, 0, Qt::AlignLeft);
    threshold->addWidget(thresholdNote);

    auto* form = new QFormLayout(this);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Auto-apply threshold:"), threshold);
    form->addRow(tr("Corrections before a rule:"), m_learnAfter);
    form->addRow(tr("Learned model:"), modelRow);
    form->addRow(tr("AI suggestions:"), llm);
}

void CategorizationSettingsWidget::updateModelInfo()
{
    m_modelInfo->setText(tr("Learned from %Ln transaction(s)", nullptr, m_categorizer->modelExampleCount()));
}

void CategorizationSettingsWidget::rebuildModel()
{
    if (m_rebuilding)
        return;
    m_rebuilding = true;
    m_rebuild->setEnabled(false);
    m_busy->setVisible(true);
    m_modelInfo->setText(tr("Learning…"));
    // Trained on a worker thread: the window stays usable and the busy bar moves.
    connect(
        m_categorizer, &Categorizer::trainingFinished, this,
        [this]() {
            m_rebuilding = false;
            m_rebuild->setEnabled(true);
            m_busy->setVisible(false);
            updateModelInfo();
        },
        Qt::SingleShotConnection);
    m_categorizer->retrainInBackground();
}

Result<void> CategorizationSettingsWidget::save(bool askModel)
{
    CategorizationSettings settings = m_categorizer->settings();
    settings.useLlm = askModel;
    settings.autoApplyThreshold = m_threshold->value() / 100.0;
    settings.learnRuleAfter = m_learnAfter->value();
    if (settings == m_categorizer->settings())
        return {};
    return m_categorizer->setSettings(settings);
}

} // namespace Moniagent
