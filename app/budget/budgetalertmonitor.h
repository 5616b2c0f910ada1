#pragma once

#include "budgetstatus.h"
#include "core/budgetalert.h"
#include "core/result.h"

#include <QFutureWatcher>
#include <QLocale>
#include <QObject>
#include <QTimer>

namespace Moniagent {

class Session;
struct NotificationPreferences;

// A budget alert the monitor raised, with what to tell the user.
struct RaisedAlert
{
    BudgetAlert alert;
    BudgetStatus status;
    QString categoryName; // "All spending" for the overall budget
    bool notify = true; // false when the user's preferences mute it (it is recorded as seen)
    QString title;
    QString message;
};

// Watches the current profile's budgets. After any change to transactions or budgets (debounced), at start()
// and at local midnight it evaluates every budget off the GUI thread, records a `warning` when spending
// reaches a budget's threshold and an `exceeded` when it goes over the limit — each at most once per budget,
// window and level, also across restarts (budget_alerts) — and reports the new ones. Preferences from
// `users.notification_preferences` decide which are shown.
class BudgetAlertMonitor : public QObject
{
    Q_OBJECT
public:
    explicit BudgetAlertMonitor(Session* session, QObject* parent = nullptr);
    ~BudgetAlertMonitor() override;

    // Connects to the repositories, checks now and arms the midnight timer.
    void start();
    // Checks soon (debounced); also what the change signals call.
    void scheduleCheck();
    bool isChecking() const { return m_watcher.isRunning(); }
    // The statuses of the last check.
    const QList<BudgetStatus>& statuses() const { return m_statuses; }

    // One synchronous check on the calling thread (the command line, tests, the worker): evaluates every budget
    // on the session clock's today and records alerts that are due. Returns the newly raised ones.
    static Result<std::pair<QList<BudgetStatus>, QList<RaisedAlert>>> check(Session* session);
    // The same with the profile's preferences and locale read beforehand (the worker must not read the
    // session's profile while the GUI thread may reload it).
    static Result<std::pair<QList<BudgetStatus>, QList<RaisedAlert>>>
    check(Session* session, qint64 userId, const NotificationPreferences& preferences, const QLocale& locale);

    static QString title(BudgetAlertLevel level);
    static QString message(BudgetAlertLevel level, const BudgetStatus& status, const QString& categoryName,
                           const QLocale& locale);

Q_SIGNALS:
    // After every check, on the GUI thread.
    void statusesChanged(const QList<BudgetStatus>& statuses);
    // A new alert the user wants to hear about.
    void alertRaised(const RaisedAlert& alert);
    void errorOccurred(const QString& message);
    void checked();

private:
    using Outcome = Result<std::pair<QList<BudgetStatus>, QList<RaisedAlert>>>;

    void runCheck();
    void finished();
    void armMidnight();

    Session* m_session;
    QTimer m_debounce;
    QTimer m_midnight;
    QFutureWatcher<Outcome> m_watcher;
    bool m_pending = false;
    QList<BudgetStatus> m_statuses;
};

} // namespace Moniagent

Q_DECLARE_METATYPE(Moniagent::RaisedAlert)
