#include "receiptlistmodel.h"

#include "db/invoicerepository.h"
#include "ocr/documentreader.h"

#include <QFutureWatcher>
#include <QIcon>
#include <QLocale>
#include <QPixmap>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

namespace Moniagent {

ReceiptListModel::ReceiptListModel(InvoiceRepository* invoices, qint64 userId, QObject* parent)
    : QAbstractTableModel(parent)
    , m_repository(invoices)
    , m_userId(userId)
{
    connect(invoices, &InvoiceRepository::changed, this, [this](qint64 changedUser) {
        if (changedUser != m_userId || m_refreshQueued)
            return;
        m_refreshQueued = true;
        QTimer::singleShot(0, this, &ReceiptListModel::refresh);
    });
    refresh();
}

void ReceiptListModel::setStatusFilter(std::optional<InvoiceStatus> status)
{
    if (status == m_status)
        return;
    m_status = status;
    refresh();
}

void ReceiptListModel::refresh()
{
    m_refreshQueued = false;
    auto list = m_repository->list(m_userId, m_status, InvoiceRepository::Detail::WithoutExtractedData);
    if (!list) {
        Q_EMIT errorOccurred(list.error().message);
        return;
    }
    beginResetModel();
    m_invoices = std::move(*list);
    endResetModel();
}

int ReceiptListModel::rowOf(qint64 invoiceId) const
{
    for (int row = 0; row < m_invoices.size(); ++row) {
        if (m_invoices.at(row).id == invoiceId)
            return row;
    }
    return -1;
}

int ReceiptListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_invoices.size());
}

int ReceiptListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

void ReceiptListModel::requestThumbnail(const Invoice& invoice) const
{
    if (m_pending.contains(invoice.sha256))
        return;
    m_pending.insert(invoice.sha256);
    auto* self = const_cast<ReceiptListModel*>(this);
    auto* watcher = new QFutureWatcher<QImage>(self);
    const QString sha = invoice.sha256;
    connect(watcher, &QFutureWatcher<QImage>::finished, self, [self, watcher, sha]() {
        watcher->deleteLater();
        self->m_pending.remove(sha);
        self->m_thumbnails.insert(sha, watcher->result());
        for (int row = 0; row < self->m_invoices.size(); ++row) {
            if (self->m_invoices.at(row).sha256 == sha)
                Q_EMIT self->dataChanged(self->index(row, FileColumn), self->index(row, FileColumn),
                                         {Qt::DecorationRole});
        }
    });
    const QString path = invoice.filePath;
    watcher->setFuture(QtConcurrent::run([path]() {
        auto image = DocumentReader::pageImage(path, 0, QSize(ThumbnailSize, ThumbnailSize) * 2);
        return image ? *image : QImage();
    }));
}

QVariant ReceiptListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_invoices.size())
        return {};
    const Invoice& invoice = m_invoices.at(index.row());
    if (role == InvoiceIdRole)
        return invoice.id;
    const QLocale locale;
    if (role == Qt::DecorationRole && index.column() == FileColumn) {
        const auto it = m_thumbnails.constFind(invoice.sha256);
        if (it == m_thumbnails.cend()) {
            requestThumbnail(invoice);
            return {};
        }
        if (it->isNull())
            return QIcon::fromTheme(QStringLiteral("image-missing"));
        return QPixmap::fromImage(*it);
    }
    if (role == Qt::ToolTipRole) {
        if (invoice.status == InvoiceStatus::Failed)
            return invoice.error;
        return tr("Imported %1").arg(locale.toString(invoice.createdAt.toLocalTime(), QLocale::ShortFormat));
    }
    if (role == Qt::TextAlignmentRole && index.column() == TotalColumn)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case FileColumn:
        return invoice.filename;
    case MerchantColumn:
        return invoice.storeName;
    case DateColumn:
        return invoice.date.isValid() ? locale.toString(invoice.date, QLocale::ShortFormat) : QString();
    case TotalColumn:
        return invoice.total ? invoice.total->toString(locale) : QString();
    case StatusColumn:
        if (invoice.status == InvoiceStatus::Pending)
            return tr("Needs review");
        if (invoice.status == InvoiceStatus::Failed)
            return tr("Failed: %1").arg(invoice.error);
        return InvoiceEnums::displayName(invoice.status);
    default:
        return {};
    }
}

QVariant ReceiptListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case FileColumn:
        return tr("Receipt");
    case MerchantColumn:
        return tr("Merchant");
    case DateColumn:
        return tr("Date");
    case TotalColumn:
        return tr("Total");
    case StatusColumn:
        return tr("Status");
    default:
        return {};
    }
}

} // namespace Moniagent
