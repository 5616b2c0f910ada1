#pragma once

#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;

namespace Moniagent {

class ReceiptBatch;
class ReceiptListModel;
class Session;

// The Receipts page: every receipt the user imported with a thumbnail, merchant, date, total and status
// (filter by status), the progress of the receipts being read (with Cancel), and the actions Import Receipts…,
// Review (pending receipts, Enter), Read Again, Show Original and Delete (asking whether to keep the expenses).
class ReceiptsPage : public QWidget
{
    Q_OBJECT
public:
    ReceiptsPage(Session* session, ReceiptBatch* batch, QWidget* parent = nullptr);

    ReceiptListModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    QAction* importAction() const { return m_import; }
    QAction* reviewAction() const { return m_review; }
    QAction* rereadAction() const { return m_reread; }
    QAction* deleteAction() const { return m_delete; }
    QAction* showOriginalAction() const { return m_showOriginal; }

    // The ids of the selected receipts (the current one when none is selected).
    QList<qint64> selectedInvoiceIds() const;
    void selectInvoice(qint64 invoiceId);

public Q_SLOTS:
    void reviewSelected();
    void rereadSelected();
    void deleteSelected();
    void showOriginal();

Q_SIGNALS:
    void importRequested();
    // Review these pending receipts, one after the other.
    void reviewRequested(const QList<qint64>& invoiceIds);
    void statusMessage(const QString& message);

private:
    void updateActions();
    void updateProgress();

    Session* m_session;
    ReceiptBatch* m_batch;
    ReceiptListModel* m_model;
    QTableView* m_view;
    QComboBox* m_filter;
    QLabel* m_progressLabel;
    QProgressBar* m_progress;
    QPushButton* m_cancel;
    QPushButton* m_reviewRead;
    QWidget* m_progressRow;
    QAction* m_import;
    QAction* m_review;
    QAction* m_reread;
    QAction* m_delete;
    QAction* m_showOriginal;
};

} // namespace Moniagent
