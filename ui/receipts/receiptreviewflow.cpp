#include "receiptreviewflow.h"

#include "common/messagebox.h"
#include "db/invoicerepository.h"
#include "ocr/documentreader.h"
#include "receiptreviewdialog.h"
#include "receipts/receiptbatch.h"
#include "receipts/receiptreader.h"
#include "receipts/receiptservice.h"
#include "session/session.h"

#include <QFutureWatcher>
#include <QJsonArray>
#include <QLocale>
#include <QUndoCommand>
#include <QUndoStack>
#include <QtConcurrent/QtConcurrentRun>

namespace Moniagent {

namespace {

// The expenses of an accepted receipt: undo deletes them and puts the receipt back to "needs review"; redo
// accepts it again with the same answers.
class AcceptReceiptCommand : public QUndoCommand
{
public:
    AcceptReceiptCommand(Session* session, ReceiptAcceptance acceptance, QList<qint64> ids, const QString& text)
        : QUndoCommand(text)
        , m_session(session)
        , m_acceptance(std::move(acceptance))
        , m_ids(std::move(ids))
    { }

    void undo() override
    {
        const qint64 user = m_session->userId();
        if (!m_session->transactions()->remove(user, m_ids))
            return;
        (void)m_session->invoices()->setStatus(user, m_acceptance.invoiceId, InvoiceStatus::Pending);
    }

    void redo() override
    {
        if (m_first) {
            m_first = false;
            return;
        }
        auto ids = m_session->receipts()->accept(m_session->userId(), m_acceptance);
        if (ids)
            m_ids = *ids;
    }

private:
    Session* m_session;
    ReceiptAcceptance m_acceptance;
    QList<qint64> m_ids;
    bool m_first = true;
};

struct LoadedPages
{
    QList<QImage> images;
    QString error;
};

} // namespace

ReceiptReviewFlow::ReceiptReviewFlow(Session* session, ReceiptBatch* batch, QUndoStack* undoStack, QWidget* window)
    : QObject(window)
    , m_session(session)
    , m_batch(batch)
    , m_undo(undoStack)
    , m_window(window)
{ }

ReceiptReviewDialog* ReceiptReviewFlow::dialog() const
{
    return m_dialog;
}

void ReceiptReviewFlow::review(const QList<qint64>& invoiceIds)
{
    for (qint64 id : invoiceIds) {
        if (!m_queue.contains(id))
            m_queue.append(id);
    }
    if (m_busy) {
        m_count = m_position + int(m_queue.size());
        return;
    }
    m_busy = true;
    m_position = 0;
    m_accepted = 0;
    m_count = int(m_queue.size());
    next();
}

void ReceiptReviewFlow::next()
{
    if (m_queue.isEmpty()) {
        m_busy = false;
        if (m_accepted > 0)
            Q_EMIT statusMessage(tr("%n receipt(s) added to the ledger.", nullptr, m_accepted));
        Q_EMIT finished();
        return;
    }
    const qint64 id = m_queue.takeFirst();
    show(id, ++m_position);
}

void ReceiptReviewFlow::show(qint64 invoiceId, int position)
{
    auto found = m_session->invoices()->find(m_session->userId(), invoiceId);
    if (!found || found->status != InvoiceStatus::Pending) {
        next();
        return;
    }
    const Invoice invoice = *found;
    QList<QSize> sizes;
    for (const QJsonValue& page : invoice.extractedData.value(QStringLiteral("pages")).toArray()) {
        const QJsonObject p = page.toObject();
        sizes.append(QSize(p.value(QStringLiteral("width")).toInt(), p.value(QStringLiteral("height")).toInt()));
    }
    const qsizetype pageCount = std::max<qsizetype>(1, sizes.size());
    const QString path = invoice.filePath;
    auto* watcher = new QFutureWatcher<LoadedPages>(this);
    connect(watcher, &QFutureWatcher<LoadedPages>::finished, this, [this, watcher, invoice, sizes, position]() {
        watcher->deleteLater();
        const LoadedPages pages = watcher->result();
        ReceiptReviewInput input;
        input.invoice = invoice;
        input.draft = ReceiptService::draftOf(invoice);
        input.pages = pages.images;
        if (sizes.size() == pages.images.size())
            input.pageSizes = sizes;
        input.position = position;
        input.count = m_count;
        ReceiptReviewHooks hooks;
        Session* session = m_session;
        hooks.suggestCategory = [session](const QString& merchant, const QString& description, const Money& amount) {
            Categorizer* categorizer = session->categorizer();
            if (!categorizer)
                return std::optional<qint64>();
            Transaction t;
            t.type = TransactionType::Expense;
            t.merchant = merchant;
            t.description = description;
            t.amount = amount;
            return categorizer->suggest(t).categoryId;
        };
        hooks.findDuplicate = [session](const ReceiptAcceptance& acceptance) {
            auto similar = session->receipts()->findSimilar(session->userId(), acceptance);
            if (!similar || !similar->has_value())
                return QString();
            const Transaction& t = **similar;
            const QLocale locale = session->locale();
            return tr("%1, %2, %3")
                .arg(t.merchant, locale.toString(t.occurredOn, QLocale::ShortFormat), t.amount.toString(locale));
        };
        m_dialog = new ReceiptReviewDialog(m_session, input, hooks, m_window);
        m_dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_dialog, &QDialog::finished, this, &ReceiptReviewFlow::finishedOne);
        m_dialog->open();
    });
    watcher->setFuture(QtConcurrent::run([path, pageCount]() {
        LoadedPages pages;
        for (int page = 0; page < pageCount; ++page) {
            auto image = DocumentReader::pageImage(path, page, QSize(2000, 2800));
            if (!image) {
                pages.error = image.error().message;
                break;
            }
            pages.images.append(*image);
        }
        return pages;
    }));
}

void ReceiptReviewFlow::finishedOne(int result)
{
    ReceiptReviewDialog* dialog = m_dialog;
    if (result == ReceiptReviewDialog::Accepted && dialog) {
        const ReceiptAcceptance acceptance = dialog->acceptance();
        auto ids = m_session->receipts()->accept(m_session->userId(), acceptance);
        if (!ids) {
            MessageBox::warning(m_window, tr("Add Receipt"), ids.error().message, ids.error().detail);
        } else {
            ++m_accepted;
            m_batch->markDone(acceptance.invoiceId);
            const QString text = tr("Add Receipt “%1”").arg(acceptance.merchant);
            if (m_undo)
                m_undo->push(new AcceptReceiptCommand(m_session, acceptance, *ids, text));
            Q_EMIT accepted(acceptance.invoiceId, *ids);
        }
    }
    if (result == ReceiptReviewDialog::Cancelled) {
        m_queue.clear();
    }
    next();
}

} // namespace Moniagent
