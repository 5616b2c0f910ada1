#pragma once

#include "core/invoice.h"
#include "ocr/documentreader.h"
#include "receiptdraft.h"
#include "receiptparser.h"

#include <QAbstractTableModel>
#include <QThreadPool>

#include <atomic>
#include <memory>

namespace Moniagent {

class ReceiptService;
struct LlmStageEnvironment;

// Where one file of a receipt batch is.
enum class ReceiptItemStatus
{
    Queued,
    Reading,
    Asking, // read; waiting for the language model's second opinion
    NeedsReview, // read; waiting for the user to accept it
    Done, // accepted: its expenses are in the ledger
    AlreadyImported, // the same file was imported before
    Failed, // could not be stored or read; `error` says why
    Cancelled,
};

// A queue of receipt files being read, one row per file (columns: file, status, merchant, date, total). Files
// are stored and read on a pool of worker threads that uses every core, each with its own Tesseract engine and
// database connection; rows update as they progress. Cancelling stops what has not been read yet; files
// already stored stay as pending receipts that can be read again later.
class ReceiptBatch : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        FileColumn,
        StatusColumn,
        MerchantColumn,
        DateColumn,
        TotalColumn,
        ColumnCount
    };
    enum Role
    {
        StatusRole = Qt::UserRole + 1, // ReceiptItemStatus as int
        InvoiceIdRole,
        PathRole,
    };

    struct Item
    {
        quint64 key = 0; // identifies the row while rows come and go
        QString path;
        ReceiptItemStatus status = ReceiptItemStatus::Queued;
        qint64 invoiceId = 0; // 0 until stored
        Invoice invoice; // as stored/read
        QString error;
    };

    ReceiptBatch(ReceiptService* service, qint64 userId, QObject* parent = nullptr);
    ~ReceiptBatch() override;

    // What the readers are given; read when each file starts.
    void setOptions(const OcrOptions& ocr, const ReceiptParseOptions& parse);
    // The optional second opinion of a language model on unsure receipts (ReceiptSecondOpinion::consult), asked
    // after reading when the profile switched it on, on threads of its own so that waiting for the model never
    // holds up reading the next file; unset, nothing is ever sent.
    void setSecondOpinion(const LlmStageEnvironment& environment);
    // Worker threads (default: every core).
    void setMaxThreads(int threads);

    // Queues files (duplicates within the batch are skipped) and starts reading them.
    void addFiles(const QStringList& paths);
    // Queues invoices that are already stored, to read them again (the Receipts view's "Read Again").
    void addInvoices(const QList<Invoice>& invoices);
    // Stops reading: queued files become cancelled; the files being read stop at their next step.
    void cancel();
    // Forgets the rows that are finished (done, already imported, failed, cancelled).
    void clearFinished();
    // The user accepted (or deleted) the receipt of a row.
    void markDone(qint64 invoiceId);

    const Item& item(int row) const { return m_items.at(row); }
    int itemCount() const { return int(m_items.size()); }
    int rowOf(qint64 invoiceId) const;
    bool isRunning() const { return m_running > 0; }
    // Rows finished reading (any outcome) of those queued since the batch was last idle, for a progress bar.
    int finishedCount() const;
    int totalCount() const { return int(m_items.size()) - m_runStart; }
    // The rows waiting for review, in queue order.
    QList<int> rowsNeedingReview() const;
    // Their invoices, in the same order: what "Review" opens.
    QList<qint64> invoicesNeedingReview() const;

    static QString statusName(ReceiptItemStatus status);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void progressChanged(int finished, int total);
    // A row finished reading; `status` is NeedsReview, AlreadyImported or Failed.
    void itemFinished(int row, Moniagent::ReceiptItemStatus status);
    // Every queued file has finished (or was cancelled).
    void idle();

private:
    struct Shared;
    void enqueue(Item item);
    void finish(quint64 key, ReceiptItemStatus status, const Invoice& invoice, const QString& error);
    void setStatus(int row, ReceiptItemStatus status);
    int rowOfKey(quint64 key) const;

    ReceiptService* m_service;
    qint64 m_userId;
    QList<Item> m_items;
    std::shared_ptr<Shared> m_shared;
    static constexpr int kAskingThreads = 4; // model calls awaited at once
    QThreadPool m_pool; // readers: OCR and parsing, one per core
    QThreadPool m_askPool; // second opinions: waiting for the model
    quint64 m_nextKey = 1;
    int m_running = 0; // tasks queued or running
    int m_runStart = 0; // first row of the current run (rows queued since the batch was last idle)
};

} // namespace Moniagent

Q_DECLARE_METATYPE(Moniagent::ReceiptItemStatus)
