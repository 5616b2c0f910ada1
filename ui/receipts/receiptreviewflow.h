#pragma once

#include <QList>
#include <QObject>
#include <QPointer>

class QUndoStack;
class QWidget;

namespace Moniagent {

class ReceiptBatch;
class ReceiptReviewDialog;
class Session;

// Reviews pending receipts one after the other: loads each one's page images off the GUI thread, opens the review
// dialog (with the categorizer's suggestions and the duplicate question), creates the expenses the user accepts
// as one undoable step each ("Undo Add Receipt …"), and opens the next (Accept = Enter; Skip leaves a receipt
// pending; Cancel stops).
class ReceiptReviewFlow : public QObject
{
    Q_OBJECT
public:
    ReceiptReviewFlow(Session* session, ReceiptBatch* batch, QUndoStack* undoStack, QWidget* window);

    // Queues receipts for review and starts with the first unless a review is open.
    void review(const QList<qint64>& invoiceIds);
    bool isReviewing() const { return m_busy; }
    // The dialog on screen, if any.
    ReceiptReviewDialog* dialog() const;

Q_SIGNALS:
    void accepted(qint64 invoiceId, const QList<qint64>& transactionIds);
    void statusMessage(const QString& message);
    void finished();

private:
    void next();
    void show(qint64 invoiceId, int position);
    void finishedOne(int result);

    Session* m_session;
    ReceiptBatch* m_batch;
    QUndoStack* m_undo;
    QWidget* m_window;
    QList<qint64> m_queue;
    int m_position = 0;
    int m_count = 0;
    int m_accepted = 0;
    bool m_busy = false;
    QPointer<ReceiptReviewDialog> m_dialog;
};

} // namespace Moniagent
