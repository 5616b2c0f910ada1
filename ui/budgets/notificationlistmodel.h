#pragma once

#include "core/budget.h"
#include "core/budgetalert.h"
#include "core/result.h"

#include <QAbstractListModel>
#include <QFutureWatcher>
#include <QLocale>
#include <QThreadPool>
#include <QTimer>

namespace Moniagent {

class Session;

// The in-app notification list: the profile's budget alerts, newest first, each as a sentence ("Groceries reached
// 80 % of its monthly budget (Nov 2026)"), with when it was raised; unread ones in bold. Loaded on a worker thread
// and again shortly after alerts, budgets or categories change. Marking read writes on a worker thread too; the
// row shows as read at once.
class NotificationListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role
    {
        AlertIdRole = Qt::UserRole + 1, // qint64
        BudgetIdRole, // qint64
        PeriodStartRole, // QDate
        LevelRole, // int(BudgetAlertLevel)
        SeenRole, // bool
        CreatedAtRole, // QDateTime (UTC)
    };

    // At most this many alerts are listed (the newest).
    static constexpr int MaxRows = 100;

    explicit NotificationListModel(Session* session, QObject* parent = nullptr);
    ~NotificationListModel() override;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

    // Negative until the first load arrives.
    qint64 unseenCount() const { return m_unseen; }
    bool hasLoaded() const { return m_loaded; }
    bool isLoading() const { return m_running || m_delay.isActive() || m_pendingWrites > 0; }
    void setLocale(const QLocale& locale);

public Q_SLOTS:
    void reload();
    void markSeen(int row);
    void markAllSeen();

Q_SIGNALS:
    void unseenCountChanged(qint64 count);
    void loaded();
    void errorOccurred(const QString& message);

private:
    struct Row
    {
        BudgetAlert alert;
        QString name; // what the budget watches
        QString icon;
        QString color;
        BudgetPeriod period = BudgetPeriod::Monthly;
        double threshold = 0.8;
    };
    struct Snapshot
    {
        QList<Row> rows;
        qint64 unseen = 0;
    };

    void start();
    void finished();
    void setUnseen(qint64 count);
    void write(QFuture<Result<qint64>> future);
    static Result<Snapshot> load(Session* session, qint64 userId);

    QThreadPool m_pool; // first, so it is destroyed last: waits for running work
    Session* m_session;
    qint64 m_userId;
    QLocale m_locale;
    QList<Row> m_rows;
    qint64 m_unseen = -1;
    bool m_loaded = false;
    bool m_running = false; // from start() until its result is handled (the watcher's own state ends earlier)
    bool m_again = false;
    int m_pendingWrites = 0;
    QTimer m_delay;
    QFutureWatcher<Result<Snapshot>> m_watcher;
};

} // namespace Moniagent
