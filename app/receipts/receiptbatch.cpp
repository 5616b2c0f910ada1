#include "receiptbatch.h"

#include "ai/llmstructuredcall.h"
#include "core/clock.h"
#include "receiptreader.h"
#include "receiptsecondopinion.h"
#include "receiptservice.h"

#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QMutex>
#include <QMutexLocker>
#include <QThread>

namespace Moniagent {

namespace {

// Queued, being read or waiting for the model: not finished yet.
bool isInFlight(ReceiptItemStatus status)
{
    return status == ReceiptItemStatus::Queued || status == ReceiptItemStatus::Reading
        || status == ReceiptItemStatus::Asking;
}

} // namespace

struct ReceiptBatch::Shared
{
    QMutex mutex;
    OcrOptions ocr;
    ReceiptParseOptions parse;
    std::shared_ptr<const LlmStageEnvironment> llm;
    // Replaced by a fresh flag after each cancel, so files added later run again.
    std::shared_ptr<std::atomic_bool> cancel = std::make_shared<std::atomic_bool>(false);
};

ReceiptBatch::ReceiptBatch(ReceiptService* service, qint64 userId, QObject* parent)
    : QAbstractTableModel(parent)
    , m_service(service)
    , m_userId(userId)
    , m_shared(std::make_shared<Shared>())
{
    qRegisterMetaType<ReceiptItemStatus>();
    m_pool.setMaxThreadCount(QThread::idealThreadCount());
    m_pool.setExpiryTimeout(-1); // keep the threads, and with them their Tesseract engines
    m_askPool.setMaxThreadCount(kAskingThreads);
    m_shared->parse.today = QDate::currentDate();
    m_shared->parse.defaultCurrency = Currency::forLocale(QLocale());
}

ReceiptBatch::~ReceiptBatch()
{
    m_shared->cancel->store(true);
    m_pool.waitForDone(); // readers may still hand a reading to the asking pool
    m_askPool.waitForDone();
}

void ReceiptBatch::setOptions(const OcrOptions& ocr, const ReceiptParseOptions& parse)
{
    QMutexLocker lock(&m_shared->mutex);
    m_shared->ocr = ocr;
    m_shared->parse = parse;
}

void ReceiptBatch::setSecondOpinion(const LlmStageEnvironment& environment)
{
    QMutexLocker lock(&m_shared->mutex);
    m_shared->llm = std::make_shared<const LlmStageEnvironment>(environment);
}

void ReceiptBatch::setMaxThreads(int threads)
{
    m_pool.setMaxThreadCount(std::max(1, threads));
}

void ReceiptBatch::addFiles(const QStringList& paths)
{
    for (const QString& path : paths) {
        const QString absolute = QFileInfo(path).absoluteFilePath();
        const bool known = std::any_of(m_items.cbegin(), m_items.cend(), [&absolute](const Item& item) {
            return item.path == absolute && item.status != ReceiptItemStatus::Cancelled
                && item.status != ReceiptItemStatus::Failed;
        });
        if (known)
            continue;
        Item item;
        item.path = absolute;
        enqueue(item);
    }
}

void ReceiptBatch::addInvoices(const QList<Invoice>& invoices)
{
    for (const Invoice& invoice : invoices) {
        const int existing = rowOf(invoice.id);
        if (existing >= 0 && isInFlight(m_items.at(existing).status))
            continue;
        Item item;
        item.path = invoice.filePath;
        item.invoiceId = invoice.id;
        item.invoice = invoice;
        enqueue(item);
    }
}

void ReceiptBatch::enqueue(Item item)
{
    if (m_running == 0)
        m_runStart = int(m_items.size());
    item.key = m_nextKey++;
    const int newRow = int(m_items.size());
    beginInsertRows({}, newRow, newRow);
    m_items.append(item);
    endInsertRows();
    ++m_running;
    Q_EMIT progressChanged(finishedCount(), totalCount());

    std::shared_ptr<Shared> shared = m_shared;
    std::shared_ptr<std::atomic_bool> cancel = m_shared->cancel;
    ReceiptService* service = m_service;
    const qint64 userId = m_userId;
    const quint64 key = item.key;
    m_pool.start([this, shared, cancel, service, userId, key, item]() {
        const auto post = [this, key](ReceiptItemStatus status, const Invoice& invoice, const QString& error) {
            QMetaObject::invokeMethod(
                this, [this, key, status, invoice, error]() { finish(key, status, invoice, error); },
                Qt::QueuedConnection);
        };
        if (cancel->load()) {
            post(ReceiptItemStatus::Cancelled, item.invoice, {});
            return;
        }
        QMetaObject::invokeMethod(
            this,
            [this, key]() {
                const int row = rowOfKey(key);
                if (row >= 0 && m_items.at(row).status == ReceiptItemStatus::Queued)
                    setStatus(row, ReceiptItemStatus::Reading);
            },
            Qt::QueuedConnection);

        Invoice invoice = item.invoice;
        if (item.invoiceId == 0) {
            auto stored = service->store(userId, item.path);
            if (!stored) {
                post(ReceiptItemStatus::Failed, invoice, stored.error().message);
                return;
            }
            invoice = stored->invoice;
            if (stored->alreadyImported) {
                post(ReceiptItemStatus::AlreadyImported, invoice, {});
                return;
            }
        }
        OcrOptions ocr;
        ReceiptParseOptions parse;
        std::shared_ptr<const LlmStageEnvironment> llm;
        {
            QMutexLocker lock(&shared->mutex);
            ocr = shared->ocr;
            parse = shared->parse;
            llm = shared->llm;
        }
        auto reading = ReceiptReader::forThisThread(ocr, parse).read(invoice.filePath, cancel.get());
        if (!reading) {
            if (reading.error().code == Error::Code::Cancelled) {
                post(ReceiptItemStatus::Cancelled, invoice, {});
                return;
            }
            const QString reason = reading.error().message;
            (void)service->markFailed(userId, invoice.id, reason);
            invoice.status = InvoiceStatus::Failed;
            invoice.error = reason;
            post(ReceiptItemStatus::Failed, invoice, reason);
            return;
        }
        const auto save = [service, userId, post](const Invoice& read, const ReceiptReading& result) {
            auto saved = service->saveReading(userId, read.id, result);
            if (!saved) {
                post(ReceiptItemStatus::Failed, read, saved.error().message);
                return;
            }
            post(saved->status == InvoiceStatus::Processed ? ReceiptItemStatus::Done : ReceiptItemStatus::NeedsReview,
                 *saved, {});
        };
        std::optional<LlmStructuredCall> call
            = llm ? ReceiptSecondOpinion::prepare(*llm, userId, *reading) : std::nullopt;
        if (!call) {
            save(invoice, *reading);
            return;
        }
        // The model's answer takes seconds of waiting, not computing: it is awaited on the asking pool, so this
        // reader goes on with the next file meanwhile.
        QMetaObject::invokeMethod(
            this,
            [this, key]() {
                const int row = rowOfKey(key);
                if (row >= 0 && m_items.at(row).status == ReceiptItemStatus::Reading)
                    setStatus(row, ReceiptItemStatus::Asking);
            },
            Qt::QueuedConnection);
        const QDate today = llm->clock ? llm->clock->today() : QDate::currentDate();
        m_askPool.start(
            [cancel, call = *call, today, parse, invoice, post, save, result = std::move(*reading)]() mutable {
                if (!cancel->load())
                    ReceiptSecondOpinion::consult(call, today, result, parse.defaultCurrency, cancel.get());
                if (cancel->load()) {
                    post(ReceiptItemStatus::Cancelled, invoice, {});
                    return;
                }
                save(invoice, result);
            });
    });
}

void ReceiptBatch::finish(quint64 key, ReceiptItemStatus status, const Invoice& invoice, const QString& error)
{
    --m_running;
    const int row = rowOfKey(key);
    if (row >= 0) {
        Item& item = m_items[row];
        if (invoice.id != 0) {
            item.invoice = invoice;
            item.invoiceId = invoice.id;
        }
        item.error = error;
        // A row cancelled by the user while its file was being read keeps what the reading produced.
        if (!(item.status == ReceiptItemStatus::Cancelled && status == ReceiptItemStatus::Cancelled))
            item.status = status;
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        if (status != ReceiptItemStatus::Cancelled)
            Q_EMIT itemFinished(row, status);
    }
    Q_EMIT progressChanged(finishedCount(), totalCount());
    if (m_running == 0)
        Q_EMIT idle();
}

void ReceiptBatch::cancel()
{
    m_shared->cancel->store(true);
    {
        QMutexLocker lock(&m_shared->mutex);
        m_shared->cancel = std::make_shared<std::atomic_bool>(false);
    }
    for (int row = 0; row < m_items.size(); ++row) {
        if (m_items.at(row).status == ReceiptItemStatus::Queued)
            setStatus(row, ReceiptItemStatus::Cancelled);
    }
    Q_EMIT progressChanged(finishedCount(), totalCount());
}

void ReceiptBatch::clearFinished()
{
    for (int row = int(m_items.size()) - 1; row >= 0; --row) {
        const ReceiptItemStatus s = m_items.at(row).status;
        if (isInFlight(s) || s == ReceiptItemStatus::NeedsReview)
            continue;
        beginRemoveRows({}, row, row);
        m_items.removeAt(row);
        endRemoveRows();
        if (row < m_runStart)
            --m_runStart;
    }
    m_runStart = std::clamp(m_runStart, 0, int(m_items.size()));
    Q_EMIT progressChanged(finishedCount(), totalCount());
}

void ReceiptBatch::markDone(qint64 invoiceId)
{
    const int row = rowOf(invoiceId);
    if (row >= 0)
        setStatus(row, ReceiptItemStatus::Done);
}

int ReceiptBatch::rowOf(qint64 invoiceId) const
{
    for (int row = 0; row < m_items.size(); ++row) {
        if (invoiceId != 0 && m_items.at(row).invoiceId == invoiceId)
            return row;
    }
    return -1;
}

int ReceiptBatch::rowOfKey(quint64 key) const
{
    for (int row = 0; row < m_items.size(); ++row) {
        if (m_items.at(row).key == key)
            return row;
    }
    return -1;
}

int ReceiptBatch::finishedCount() const
{
    int finished = 0;
    for (int row = m_runStart; row < m_items.size(); ++row) {
        const ReceiptItemStatus s = m_items.at(row).status;
        if (!isInFlight(s))
            ++finished;
    }
    return finished;
}

QList<int> ReceiptBatch::rowsNeedingReview() const
{
    QList<int> rows;
    for (int row = 0; row < m_items.size(); ++row) {
        if (m_items.at(row).status == ReceiptItemStatus::NeedsReview)
            rows.append(row);
    }
    return rows;
}

QList<qint64> ReceiptBatch::invoicesNeedingReview() const
{
    QList<qint64> ids;
    for (int row : rowsNeedingReview())
        ids.append(m_items.at(row).invoiceId);
    return ids;
}

void ReceiptBatch::setStatus(int row, ReceiptItemStatus status)
{
    m_items[row].status = status;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

QString ReceiptBatch::statusName(ReceiptItemStatus status)
{
    switch (status) {
    case ReceiptItemStatus::Queued:
        return tr("Queued");
    case ReceiptItemStatus::Reading:
        return tr("Reading…");
    case ReceiptItemStatus::Asking:
        return tr("Asking the model…");
    case ReceiptItemStatus::NeedsReview:
        return tr("Needs review");
    case ReceiptItemStatus::Done:
        return tr("Done");
    case ReceiptItemStatus::AlreadyImported:
        return tr("Already imported");
    case ReceiptItemStatus::Failed:
        return tr("Failed");
    case ReceiptItemStatus::Cancelled:
        return tr("Cancelled");
    }
    return {};
}

int ReceiptBatch::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

int ReceiptBatch::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ReceiptBatch::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_items.size())
        return {};
    const Item& item = m_items.at(index.row());
    switch (role) {
    case StatusRole:
        return int(item.status);
    case InvoiceIdRole:
        return item.invoiceId;
    case PathRole:
        return item.path;
    case Qt::ToolTipRole:
        if (!item.error.isEmpty())
            return item.error;
        if (item.status == ReceiptItemStatus::AlreadyImported)
            return tr("This file was imported before as “%1”.").arg(item.invoice.filename);
        return QDir::toNativeSeparators(item.path);
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    const QLocale locale;
    switch (index.column()) {
    case FileColumn:
        return item.invoice.filename.isEmpty() ? QFileInfo(item.path).fileName() : item.invoice.filename;
    case StatusColumn:
        return item.status == ReceiptItemStatus::Failed && !item.error.isEmpty() ? tr("Failed: %1").arg(item.error)
                                                                                 : statusName(item.status);
    case MerchantColumn:
        return item.invoice.storeName;
    case DateColumn:
        return item.invoice.date.isValid() ? locale.toString(item.invoice.date, QLocale::ShortFormat) : QString();
    case TotalColumn:
        return item.invoice.total ? item.invoice.total->toString(locale) : QString();
    default:
        return {};
    }
}

QVariant ReceiptBatch::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case FileColumn:
        return tr("File");
    case StatusColumn:
        return tr("Status");
    case MerchantColumn:
        return tr("Merchant");
    case DateColumn:
        return tr("Date");
    case TotalColumn:
        return tr("Total");
    default:
        return {};
    }
}

} // namespace Moniagent
