#include "aiusagedialog.h"

#include "core/aiinteraction.h"
#include "db/aisettingsrepository.h"
#include "db/llmtransactionrepository.h"
#include "session/session.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Moniagent {

namespace {

QTreeWidget* makeTree(const QString& objectName, const QString& firstColumn)
{
    auto* tree = new QTreeWidget;
    tree->setObjectName(objectName);
    tree->setRootIsDecorated(false);
    tree->setUniformRowHeights(true);
    tree->setAlternatingRowColors(true);
    tree->setSortingEnabled(false);
    tree->setHeaderLabels({firstColumn, AiUsageDialog::tr("Calls"), AiUsageDialog::tr("Input tokens"),
                           AiUsageDialog::tr("Output tokens"), AiUsageDialog::tr("Cost"),
                           AiUsageDialog::tr("Avg. latency")});
    tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    tree->header()->setStretchLastSection(false);
    for (int column = 1; column < 6; ++column) {
        tree->header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
        tree->headerItem()->setTextAlignment(column, Qt::AlignRight | Qt::AlignVCenter);
    }
    return tree;
}

} // namespace

AiUsageDialog::AiUsageDialog(Session* session, QWidget* parent)
    : QDialog(parent)
    , m_session(session)
    , m_repository(std::make_unique<LlmTransactionRepository>(session->database()))
    , m_period(new QComboBox)
    , m_summary(new QLabel)
    , m_cap(new QLabel)
    , m_byDay(makeTree(QStringLiteral("usageByDay"), tr("Day")))
    , m_byFeature(makeTree(QStringLiteral("usageByFeature"), tr("Feature")))
    , m_byModel(makeTree(QStringLiteral("usageByModel"), tr("Model")))
{
    setObjectName(QStringLiteral("aiUsageDialog"));
    setWindowTitle(tr("AI Usage"));
    resize(720, 460);

    m_period->setObjectName(QStringLiteral("usagePeriod"));
    m_period->addItem(tr("This month"), int(Period::ThisMonth));
    m_period->addItem(tr("Last month"), int(Period::LastMonth));
    m_period->addItem(tr("This year"), int(Period::ThisYear));
    m_period->addItem(tr("All time"), int(Period::AllTime));
    connect(m_period, &QComboBox::currentIndexChanged, this, &AiUsageDialog::reload);
    m_summary->setObjectName(QStringLiteral("usageSummary"));
    m_cap->setObjectName(QStringLiteral("usageThisMonth"));
    m_cap->setWordWrap(true);

    auto* form = new QFormLayout;
    form->addRow(tr("&Period:"), m_period);
    form->addRow(tr("Total:"), m_summary);
    form->addRow(tr("This month so far:"), m_cap);

    auto* tabs = new QTabWidget;
    tabs->setObjectName(QStringLiteral("usageTabs"));
    tabs->addTab(m_byDay, tr("By &Day"));
    tabs->addTab(m_byFeature, tr("By &Feature"));
    tabs->addTab(m_byModel, tr("By &Model"));

    auto* note = new QLabel(tr("Costs are estimates from the pricing table; local models cost nothing. Only calls "
                               "made with a language model are listed: the offline assistant makes none."));
    note->setWordWrap(true);
    note->setEnabled(false);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(tabs, 1);
    layout->addWidget(note);
    layout->addWidget(buttons);

    connect(m_repository.get(), &LlmTransactionRepository::changed, this, &AiUsageDialog::reload);
    reload();
}

AiUsageDialog::~AiUsageDialog() = default;

void AiUsageDialog::setPeriod(Period period)
{
    m_period->setCurrentIndex(m_period->findData(int(period)));
}

void AiUsageDialog::fill(QTreeWidget* tree, const QList<LlmUsage>& rows,
                         const std::function<QString(const LlmUsage&)>& key)
{
    const QLocale locale = m_session->locale();
    tree->clear();
    for (const LlmUsage& usage : rows) {
        auto* item = new QTreeWidgetItem(tree);
        item->setText(0, key(usage));
        item->setText(1, locale.toString(usage.calls));
        item->setText(2, locale.toString(usage.inputTokens));
        item->setText(3, locale.toString(usage.outputTokens));
        item->setText(4, LlmTransaction::formatCost(usage.estimatedCostMicros, usage.costCurrency, locale));
        item->setText(5, tr("%1 ms").arg(locale.toString(usage.averageLatencyMs)));
        for (int column = 1; column < 6; ++column)
            item->setTextAlignment(column, Qt::AlignRight | Qt::AlignVCenter);
    }
}

void AiUsageDialog::reload()
{
    const QDate today = m_session->clock().today();
    QDate from;
    QDate to = today;
    switch (Period(m_period->currentData().toInt())) {
    case Period::ThisMonth:
        from = QDate(today.year(), today.month(), 1);
        break;
    case Period::LastMonth:
        from = QDate(today.year(), today.month(), 1).addMonths(-1);
        to = from.addMonths(1).addDays(-1);
        break;
    case Period::ThisYear:
        from = QDate(today.year(), 1, 1);
        break;
    case Period::AllTime:
        to = QDate();
        break;
    }
    const qint64 user = m_session->userId();
    const QLocale locale = m_session->locale();
    auto byDay = m_repository->usageByDay(user, from, to);
    auto byFeature = m_repository->usageByFeature(user, from, to);
    auto byModel = m_repository->usageByModel(user, from, to);
    if (!byDay || !byFeature || !byModel) {
        const Error error = !byDay ? byDay.error() : !byFeature ? byFeature.error() : byModel.error();
        m_summary->setText(tr("The usage could not be read: %1").arg(error.message));
        return;
    }
    fill(m_byDay, *byDay, [&locale](const LlmUsage& u) { return locale.toString(u.day, QLocale::ShortFormat); });
    fill(m_byFeature, *byFeature, [](const LlmUsage& u) {
        const auto type = AiInteractionEnums::typeFromKey(u.feature);
        return type ? AiInteractionEnums::displayName(*type) : tr("Other");
    });
    fill(m_byModel, *byModel, [](const LlmUsage& u) { return tr("%1 (%2)").arg(u.modelName, u.provider); });

    qint64 calls = 0;
    qint64 tokens = 0;
    QMap<QString, qint64> costs;
    for (const LlmUsage& usage : *byModel) {
        calls += usage.calls;
        tokens += usage.totalTokens;
        costs[usage.costCurrency] += usage.estimatedCostMicros;
    }
    QStringList costTexts;
    for (auto it = costs.cbegin(); it != costs.cend(); ++it)
        costTexts << LlmTransaction::formatCost(it.value(), it.key(), locale);
    if (costTexts.isEmpty())
        costTexts << LlmTransaction::formatCost(0, QStringLiteral("USD"), locale);
    m_summary->setText(tr("%n call(s) · %1 tokens · %2", nullptr, int(calls))
                           .arg(locale.toString(tokens), costTexts.join(QStringLiteral(" + "))));

    auto month = m_repository->monthToDateCost(user, today);
    QStringList monthTexts;
    if (month) {
        for (auto it = month->cbegin(); it != month->cend(); ++it)
            monthTexts << LlmTransaction::formatCost(it.value(), it.key(), locale);
    }
    QString monthText = monthTexts.isEmpty() ? LlmTransaction::formatCost(0, QStringLiteral("USD"), locale)
                                             : monthTexts.join(QStringLiteral(" + "));
    const auto settings = AiSettingsRepository(m_session->database()).settings(user);
    if (settings && settings->monthlyCapMicros) {
        monthText = tr("%1 of the monthly cap of %2")
                        .arg(monthText,
                             LlmTransaction::formatCost(*settings->monthlyCapMicros, settings->capCurrency, locale));
    }
    m_cap->setText(monthText);
}

} // namespace Moniagent
