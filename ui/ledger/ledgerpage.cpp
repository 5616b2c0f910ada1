#include "ledgerpage.h"

#include "filterbar.h"
#include "itemmodels/categorymodel.h"
#include "itemmodels/transactionmodel.h"
#include "ledgerview.h"
#include "quickentrywidget.h"
#include "session/session.h"

#include <QLabel>
#include <QStackedLayout>
#include <QVBoxLayout>

namespace Moniagent {

LedgerPage::LedgerPage(Session* session, TransactionModel* model, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(model)
    , m_categories(new CategoryModel(session->categories(), session->userId(), this))
    , m_filters(new FilterBar(m_categories, session->clock().today(), this))
    , m_quickEntry(new QuickEntryWidget(session, model, this))
    , m_view(new LedgerView(session->categories(), session->userId(), this))
    , m_empty(new QLabel(this))
    , m_stack(new QStackedLayout)
{
    m_view->setLedgerModel(model);
    m_empty->setObjectName(QStringLiteral("emptyLedgerHint"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    QPalette palette = m_empty->palette();
    palette.setColor(QPalette::WindowText, palette.color(QPalette::PlaceholderText));
    m_empty->setPalette(palette);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 0);
    layout->setSpacing(6);
    layout->addWidget(m_filters);
    layout->addWidget(m_quickEntry);
    m_stack->addWidget(m_view);
    m_stack->addWidget(m_empty);
    layout->addLayout(m_stack, 1);

    connect(m_filters, &FilterBar::filterChanged, model, &TransactionModel::setFilter);
    connect(model, &TransactionModel::countChanged, this, &LedgerPage::updateEmptyState);
    connect(model, &QAbstractItemModel::modelReset, this, &LedgerPage::updateEmptyState);
    connect(m_view, &LedgerView::statusMessage, this, &LedgerPage::statusMessage);
    connect(m_quickEntry, &QuickEntryWidget::added, this, [this](qint64 id, const QString& summary) {
        Q_EMIT statusMessage(summary);
        m_view->reveal(id);
    });
    model->setFilter(m_filters->filter());
    updateEmptyState();
}

void LedgerPage::updateEmptyState()
{
    const bool empty = !m_model->isLoading() && m_model->rowCount() == 0;
    if (!empty) {
        m_stack->setCurrentWidget(m_view);
        return;
    }
    const bool filtered = !(m_model->filter() == TransactionFilter());
    m_empty->setText(filtered ? tr("No transactions match these filters.")
                              : tr("No transactions yet.\nType one in the line above, for example “coffee 4.50”, "
                                   "and press Enter."));
    m_stack->setCurrentWidget(m_empty);
}

} // namespace Moniagent
