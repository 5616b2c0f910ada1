#include "receiptspage.h"

#include "common/messagebox.h"
#include "db/invoicerepository.h"
#include "receiptlistmodel.h"
#include "receipts/receiptbatch.h"
#include "session/session.h"

#include <QAction>
#include <QComboBox>
#include <QDesktopServices>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

namespace Moniagent {

namespace {

QToolButton* toolButton(QAction* action, QWidget* parent)
{
    auto* button = new QToolButton(parent);
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    button->setAutoRaise(true);
    return button;
}

} // namespace

ReceiptsPage::ReceiptsPage(Session* session, ReceiptBatch* batch, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_batch(batch)
    , m_model(new ReceiptListModel(session->invoices(), session->userId(), this))
    , m_view(new QTableView(this))
    , m_filter(new QComboBox(this))
    , m_progressLabel(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_reviewRead(new QPushButton(tr("Review"), this))
    , m_progressRow(new QWidget(this))
{
    setObjectName(QStringLiteral("receiptsPage"));
    m_import = new QAction(tr("&Import Receipts…"), this);
    m_import->setObjectName(QStringLiteral("importReceiptsPageAction"));
    connect(m_import, &QAction::triggered, this, &ReceiptsPage::importRequested);
    m_review = new QAction(tr("&Review"), this);
    m_review->setObjectName(QStringLiteral("reviewReceiptAction"));
    m_review->setShortcuts({QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter)});
    m_review->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_review->setToolTip(tr("Check what was read and add the expense (Enter)"));
    connect(m_review, &QAction::triggered, this, &ReceiptsPage::reviewSelected);
    m_reread = new QAction(tr("Read &Again"), this);
    m_reread->setObjectName(QStringLiteral("rereadReceiptAction"));
    m_reread->setToolTip(tr("Read the selected receipts again with the current OCR settings"));
    connect(m_reread, &QAction::triggered, this, &ReceiptsPage::rereadSelected);
    m_showOriginal = new QAction(tr("Show &Original"), this);
    m_showOriginal->setObjectName(QStringLiteral("showOriginalAction"));
    connect(m_showOriginal, &QAction::triggered, this, &ReceiptsPage::showOriginal);
    m_delete = new QAction(tr("&Delete…"), this);
    m_delete->setObjectName(QStringLiteral("deleteReceiptAction"));
    m_delete->setShortcut(QKeySequence::Delete);
    m_delete->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_delete, &QAction::triggered, this, &ReceiptsPage::deleteSelected);
    m_view->addActions({m_review, m_delete});

    m_filter->setObjectName(QStringLiteral("receiptStatusFilter"));
    m_filter->addItem(tr("All receipts"));
    m_filter->addItem(tr("Needs review"), int(InvoiceStatus::Pending));
    m_filter->addItem(tr("Processed"), int(InvoiceStatus::Processed));
    m_filter->addItem(tr("Failed"), int(InvoiceStatus::Failed));
    m_filter->setAccessibleName(tr("Show"));
    connect(m_filter, &QComboBox::currentIndexChanged, this, [this]() {
        const QVariant status = m_filter->currentData();
        m_model->setStatusFilter(status.isValid() ? std::optional<InvoiceStatus>(InvoiceStatus(status.toInt()))
                                                  : std::nullopt);
        updateActions();
    });

    auto* tools = new QHBoxLayout;
    auto* importButton = new QPushButton(m_import->text().remove(u'&'), this);
    importButton->setObjectName(QStringLiteral("importReceiptsButton"));
    connect(importButton, &QPushButton::clicked, m_import, &QAction::trigger);
    tools->addWidget(importButton);
    for (QAction* action : {m_review, m_reread, m_showOriginal, m_delete})
        tools->addWidget(toolButton(action, this));
    tools->addStretch();
    auto* filterLabel = new QLabel(tr("&Show:"), this);
    filterLabel->setBuddy(m_filter);
    tools->addWidget(filterLabel);
    tools->addWidget(m_filter);

    m_progressRow->setObjectName(QStringLiteral("receiptProgressRow"));
    auto* progressLayout = new QHBoxLayout(m_progressRow);
    progressLayout->setContentsMargins(0, 0, 0, 0);
    m_progressLabel->setObjectName(QStringLiteral("receiptProgressLabel"));
    m_progress->setObjectName(QStringLiteral("receiptProgress"));
    m_progress->setTextVisible(true);
    m_cancel->setObjectName(QStringLiteral("cancelReadingButton"));
    m_cancel->setToolTip(tr("Stop reading the receipts that are still waiting"));
    m_reviewRead->setObjectName(QStringLiteral("reviewReadButton"));
    progressLayout->addWidget(m_progressLabel, 1);
    progressLayout->addWidget(m_progress, 1);
    progressLayout->addWidget(m_cancel);
    progressLayout->addWidget(m_reviewRead);
    connect(m_cancel, &QPushButton::clicked, m_batch, &ReceiptBatch::cancel);
    connect(m_reviewRead, &QPushButton::clicked, this, [this]() {
        const QList<qint64> ids = m_batch->invoicesNeedingReview();
        if (!ids.isEmpty())
            Q_EMIT reviewRequested(ids);
    });
    connect(m_batch, &ReceiptBatch::progressChanged, this, &ReceiptsPage::updateProgress);
    connect(m_batch, &QAbstractItemModel::dataChanged, this, &ReceiptsPage::updateProgress);

    m_view->setObjectName(QStringLiteral("receiptsView"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setIconSize(QSize(ReceiptListModel::ThumbnailSize, ReceiptListModel::ThumbnailSize));
    m_view->verticalHeader()->setDefaultSectionSize(ReceiptListModel::ThumbnailSize + 8);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(ReceiptListModel::MerchantColumn, QHeaderView::Stretch);
    m_view->horizontalHeader()->setSectionResizeMode(ReceiptListModel::FileColumn, QHeaderView::Interactive);
    m_view->setColumnWidth(ReceiptListModel::FileColumn, 260);
    m_view->setColumnWidth(ReceiptListModel::StatusColumn, 220);
    m_view->setAccessibleName(tr("Receipts"));
    connect(m_view, &QTableView::doubleClicked, this, &ReceiptsPage::reviewSelected);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ReceiptsPage::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ReceiptsPage::updateActions);
    connect(m_model, &ReceiptListModel::errorOccurred, this, &ReceiptsPage::statusMessage);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(tools);
    layout->addWidget(m_progressRow);
    layout->addWidget(m_view, 1);
    updateActions();
    updateProgress();
}

QList<qint64> ReceiptsPage::selectedInvoiceIds() const
{
    QList<qint64> ids;
    for (const QModelIndex& index : m_view->selectionModel()->selectedRows())
        ids.append(m_model->invoice(index.row()).id);
    if (ids.isEmpty() && m_view->currentIndex().isValid())
        ids.append(m_model->invoice(m_view->currentIndex().row()).id);
    std::sort(ids.begin(), ids.end(), [this](qint64 a, qint64 b) { return m_model->rowOf(a) < m_model->rowOf(b); });
    return ids;
}

void ReceiptsPage::selectInvoice(qint64 invoiceId)
{
    const int row = m_model->rowOf(invoiceId);
    if (row < 0)
        return;
    m_view->selectRow(row);
    m_view->scrollTo(m_model->index(row, 0));
}

void ReceiptsPage::updateActions()
{
    const QList<qint64> ids = selectedInvoiceIds();
    bool anyPending = false;
    for (qint64 id : ids) {
        if (m_model->invoice(m_model->rowOf(id)).status == InvoiceStatus::Pending)
            anyPending = true;
    }
    m_review->setEnabled(anyPending);
    m_reread->setEnabled(!ids.isEmpty());
    m_delete->setEnabled(!ids.isEmpty());
    m_showOriginal->setEnabled(ids.size() == 1);
}

void ReceiptsPage::updateProgress()
{
    const int total = m_batch->totalCount();
    const int finished = m_batch->finishedCount();
    const int review = int(m_batch->rowsNeedingReview().size());
    const bool running = m_batch->isRunning();
    m_progressRow->setVisible(running || review > 0);
    m_progress->setVisible(running);
    m_cancel->setVisible(running);
    m_progress->setRange(0, std::max(total, 1));
    m_progress->setValue(finished);
    m_reviewRead->setVisible(review > 0);
    m_reviewRead->setText(tr("Review %n Receipt(s)", nullptr, review));
    m_progressLabel->setText(running ? tr("Reading receipts: %1 of %2 done").arg(finished).arg(total)
                                     : tr("%n receipt(s) read and waiting for your review.", nullptr, review));
}

void ReceiptsPage::reviewSelected()
{
    QList<qint64> ids;
    for (qint64 id : selectedInvoiceIds()) {
        if (m_model->invoice(m_model->rowOf(id)).status == InvoiceStatus::Pending)
            ids.append(id);
    }
    if (!ids.isEmpty())
        Q_EMIT reviewRequested(ids);
}

void ReceiptsPage::rereadSelected()
{
    QList<Invoice> invoices;
    for (qint64 id : selectedInvoiceIds())
        invoices.append(m_model->invoice(m_model->rowOf(id)));
    if (invoices.isEmpty())
        return;
    m_batch->addInvoices(invoices);
    Q_EMIT statusMessage(tr("Reading %n receipt(s) again…", nullptr, int(invoices.size())));
}

void ReceiptsPage::showOriginal()
{
    const QList<qint64> ids = selectedInvoiceIds();
    if (ids.size() != 1)
        return;
    const Invoice& invoice = m_model->invoice(m_model->rowOf(ids.first()));
    if (!QDesktopServices::openUrl(QUrl::fromLocalFile(invoice.filePath)))
        Q_EMIT statusMessage(tr("No program is set up to open “%1”.").arg(invoice.filename));
}

void ReceiptsPage::deleteSelected()
{
    const QList<qint64> ids = selectedInvoiceIds();
    if (ids.isEmpty())
        return;
    bool anyProcessed = false;
    for (qint64 id : ids)
        anyProcessed = anyProcessed || m_model->invoice(m_model->rowOf(id)).status == InvoiceStatus::Processed;
    const QString what = ids.size() == 1
        ? tr("the receipt “%1”").arg(m_model->invoice(m_model->rowOf(ids.first())).filename)
        : tr("%n receipt(s)", nullptr, int(ids.size()));
    bool keep = true;
    if (anyProcessed) {
        const auto answer = MessageBox::question(
            this, tr("Delete Receipts"),
            tr("Delete %1 and its stored copy?\n\nKeep the expenses created from it in the ledger? Choose Yes to keep "
               "them, No to delete them too.")
                .arg(what),
            QMessageBox::Yes | QMessageBox::No | QMessageBox::Cancel, QMessageBox::Yes);
        if (answer == QMessageBox::Cancel)
            return;
        keep = answer == QMessageBox::Yes;
    } else {
        const auto answer
            = MessageBox::question(this, tr("Delete Receipts"), tr("Delete %1 and its stored copy?").arg(what),
                                   QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
        if (answer != QMessageBox::Yes)
            return;
    }
    int deleted = 0;
    for (qint64 id : ids) {
        auto removed = m_session->receipts()->remove(m_session->userId(), id, keep);
        if (!removed) {
            MessageBox::warning(this, tr("Delete Receipts"), removed.error().message, removed.error().detail);
            break;
        }
        m_batch->markDone(id);
        ++deleted;
    }
    Q_EMIT statusMessage(tr("%n receipt(s) deleted.", nullptr, deleted));
}

} // namespace Moniagent
