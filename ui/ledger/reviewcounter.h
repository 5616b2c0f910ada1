#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QThreadPool>
#include <QTimer>

namespace Moniagent {

class TransactionRepository;

// Counts the review queue (unconfirmed rows, uncategorized or below the auto-apply threshold) on a worker
// thread with its own connection, and counts again shortly after the ledger changes, so the "Needs review (N)"
// badge follows accepts, corrections and imports without the GUI thread waiting for SQL.
class ReviewCounter : public QObject
{
    Q_OBJECT
public:
    ReviewCounter(TransactionRepository* transactions, qint64 userId, QObject* parent = nullptr);
    ~ReviewCounter() override;

    // Negative until the first count arrives.
    qint64 count() const { return m_count; }
    void setThreshold(double threshold);

public Q_SLOTS:
    void recount();

Q_SIGNALS:
    void countChanged(qint64 count);

private:
    void start();
    void finished();

    QThreadPool m_pool; // first, so it is destroyed last: waits for a running count
    TransactionRepository* m_transactions;
    qint64 m_userId;
    double m_threshold = 0.9;
    qint64 m_count = -1;
    bool m_again = false;
    QTimer m_delay;
    QFutureWatcher<qint64> m_watcher;
};

} // namespace Moniagent
