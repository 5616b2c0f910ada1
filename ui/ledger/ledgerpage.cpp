#include "ledgerpage.h"

#include "categorizationactions.h"
#include "categorize/categorizer.h"
#include "filterbar.h"
#include "itemmodels/categorymodel.h"
#include "itemmodels/transactionmodel.h"
#include "ledgerview.h"
#include "quickentrywidget.h"
#include "reviewbar.h"
#include "reviewcounter.h"
#include "session/session.h"

#include <QLabel>
#include <QStackedLayout>
#include <QVBoxLayout>

namespace Moniagent {

LedgerPage::LedgerPage(Session* session, TransactionModel* model, Categorizer* categorizer, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(model)
    , m_categorizer(categorizer)
    , m_categories(new CategoryModel(session->categories(), session->userId(), this))
    , m_filters(new FilterBar(m_categories, session->clock().today(), this))
    , m_quickEntry(new QuickEntryWidget(session, model, this))
    , m_view(new LedgerView(session->categories(), session->userId(), this))
    , m_reviewBar(new ReviewBar(this))
    , m_actions(nullptr)
    , m_reviewCounter(new ReviewCounter(session->transactions(), session->userId(), this))
    , m_empty(new QLabel(this))
    , m_stack(new QStackedLayout)
{
    m_view->setLedgerModel(model);
    m_actions = new CategorizationActions(categorizer, session->transactions(), session->categories(), m_view, this);
    m_empty->setObjectName(QStringLiteral("emptyLedgerHint"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    QPalette palette = m_empty->palette();
    palette.setColor(QPalette::WindowText, palette.color(QPalette::PlaceholderText));
    m_empty->setPalette(palette);
    m_reviewBar->setVisible(false);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 0);
    layout->setSpacing(6);
    layout->addWidget(m_filters);
    layout->addWidget(m_quickEntry);
    layout->addWidget(m_reviewBar);
    m_stack->addWidget(m_view);
    m_stack->addWidget(m_empty);
    layout->addLayout(m_stack, 1);

    connect(m_filters, &FilterBar::filterChanged, model, &TransactionModel::setFilter);
    connect(m_filters, &FilterBar::reviewModeChanged, this, &LedgerPage::reviewModeToggled);
    connect(model, &TransactionModel::countChanged, this, &LedgerPage::updateEmptyState);
    connect(model, &QAbstractItemModel::modelReset, this, &LedgerPage::updateEmptyState);
    connect(model, &TransactionModel::refreshed, this, &LedgerPage::focusFirstRow);
    connect(m_view, &LedgerView::statusMessage, this, &LedgerPage::statusMessage);
    connect(m_actions, &CategorizationActions::statusMessage, this, &LedgerPage::statusMessage);
    connect(m_quickEntry, &QuickEntryWidget::added, this, [this](qint64 id, const QString& summary) {
        Q_EMIT statusMessage(summary);
        m_view->reveal(id);
    });
    connect(m_reviewBar, &ReviewBar::acceptAllRequested, this, &LedgerPage::acceptAllVisible);
    connect(m_reviewCounter, &ReviewCounter::countChanged, m_filters, &FilterBar::setReviewCount);
    if (categorizer)
        connect(categorizer, &Categorizer::settingsChanged, this, &LedgerPage::updateThreshold);
    updateThreshold();
    model->setFilter(m_filters->filter());
    updateEmptyState();
}

bool LedgerPage::reviewMode() const
{
    return m_filters->reviewMode();
}

void LedgerPage::setReviewMode(bool on)
{
    m_filters->setReviewMode(on);
}

void LedgerPage::reviewModeToggled(bool on)
{
    m_view->setReviewMode(on);
    m_reviewBar->setVisible(on);
    if (on) {
        m_view->setFocus(Qt::OtherFocusReason);
        focusFirstRow();
    }
    updateEmptyState();
    Q_EMIT reviewModeChanged(on);
}

void LedgerPage::acceptAllVisible()
{
    if (reviewMode())
        (void)m_actions->acceptAllVisible(); // errors are shown where they happen
}

void LedgerPage::updateThreshold()
{
    if (!m_categorizer)
        return;
    const double threshold = m_categorizer->settings().autoApplyThreshold;
    m_filters->setReviewThreshold(threshold);
    m_reviewCounter->setThreshold(threshold);
}

void LedgerPage::focusFirstRow()
{
    // Working through the queue starts at its top without a click, with the row selected so it is seen.
    if (!reviewMode() || m_model->rowCount() == 0 || m_view->selectionModel()->hasSelection())
        return;
    const QModelIndex current = m_view->currentIndex();
    const QModelIndex first = current.isValid() ? current : m_model->index(0, TransactionModel::MerchantColumn);
    m_view->selectionModel()->setCurrentIndex(first, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

void LedgerPage::updateEmptyState()
{
    m_reviewBar->setRowCount(m_model->rowCount());
    const bool empty = !m_model->isLoading() && m_model->rowCount() == 0;
    if (!empty) {
        m_stack->setCurrentWidget(m_view);
        return;
    }
    const bool filtered = !(m_model->filter() == TransactionFilter());
    if (m_model->filter().reviewBelow)
        m_empty->setText(tr("Nothing to review.\nEvery category is either confirmed by you or was applied with high "
                            "confidence."));
    else
        m_empty->setText(filtered ? tr("No transactions match these filters.")
                                  : tr("No transactions yet.\nType one in the line above, for example “coffee 4.50”, "
                                       "and press Enter."));
    m_stack->setCurrentWidget(m_empty);
}

} // namespace Moniagent
