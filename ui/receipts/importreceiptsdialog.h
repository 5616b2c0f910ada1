#pragma once

#include <QDialog>

class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;

namespace Moniagent {

class ReceiptBatch;

// The queue of receipts being read: one row per file with its status (queued, reading, needs review, done,
// already imported, failed with the reason), a progress bar, Cancel, Add Files…, and Review for the receipts that
// were read. Files (and folders) can be dropped on it. Modeless: reading goes on while the user works elsewhere.
class ImportReceiptsDialog : public QDialog
{
    Q_OBJECT
public:
    ImportReceiptsDialog(ReceiptBatch* batch, QWidget* parent = nullptr);

    QTableView* view() const { return m_view; }
    QPushButton* reviewButton() const { return m_review; }
    QPushButton* cancelButton() const { return m_cancel; }

    // The image and PDF files among `paths`, folders expanded one level, sorted.
    static QStringList receiptFiles(const QStringList& paths);

public Q_SLOTS:
    // Asks for files with a file dialog and queues them.
    void addFiles();

Q_SIGNALS:
    void reviewRequested(const QList<qint64>& invoiceIds);

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void update();

    ReceiptBatch* m_batch;
    QTableView* m_view;
    QLabel* m_summary;
    QProgressBar* m_progress;
    QPushButton* m_cancel;
    QPushButton* m_review;
};

} // namespace Moniagent
