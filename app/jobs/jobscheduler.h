#pragma once

#include "core/result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>

#include <chrono>
#include <functional>
#include <optional>
#include <vector>

class QTimer;

namespace Moniagent {

class Clock;
class JobRunner;

// One job a schedule wants to run (see JobScheduler::Producer).
struct ScheduledJob
{
    std::optional<qint64> userId; // std::nullopt: a system job
    QString type;
    QJsonObject input;
};

// Periodic jobs while the app runs (triggered_by CRON): each schedule has a name, an interval in minutes (0 = off)
// and a producer that says which jobs are due each time, e.g. "an EMAIL_FETCH with {accountId} for every active
// mail account". A job is not added again while the same one (profile, type, input) is still queued or running.
//
// A schedule runs when the scheduler starts (at the next turn of the event loop) and then every interval after its
// last run, by the injected Clock; changing the interval takes effect at once. Lives on the GUI thread; producers
// run there too, so they should only read a little from the database.
class JobScheduler : public QObject
{
    Q_OBJECT
public:
    using Producer = std::function<Result<QList<ScheduledJob>>()>;

    JobScheduler(JobRunner* runner, const Clock& clock, QObject* parent = nullptr);
    ~JobScheduler() override;

    // Adds (or replaces) the schedule `name`.
    void addSchedule(const QString& name, int intervalMinutes, Producer producer);
    void removeSchedule(const QString& name);
    QStringList schedules() const;
    // Minutes between runs; 0 turns the schedule off. Unknown names are ignored.
    void setInterval(const QString& name, int minutes);
    int interval(const QString& name) const;
    // When the schedule runs next (invalid when it is off, unknown or the scheduler is stopped).
    QDateTime nextRunAt(const QString& name) const;
    // When the schedule last ran (invalid when it has not run yet).
    QDateTime lastRunAt(const QString& name) const;

    void start();
    void stop();
    bool isActive() const { return m_active; }

    // Runs every schedule that is due by the clock and returns how many jobs they added. The timer calls it;
    // tests call it after moving their clock.
    int runDue();
    // Runs one schedule now, due or not; how many jobs it added.
    Result<int> runNow(const QString& name);

    // The longest the timer waits before looking at the clock again (default 60 s), so that a changed system
    // clock or a suspended computer does not delay a schedule for long.
    void setMaximumWait(std::chrono::milliseconds wait);

Q_SIGNALS:
    // A schedule ran and added `added` jobs (0 when all were still pending).
    void scheduleRan(const QString& name, int added);
    // A producer or the queue failed; the schedule is tried again at its next interval.
    void errorOccurred(const QString& message);

private:
    struct Schedule
    {
        QString name;
        int intervalMinutes = 0;
        Producer producer;
        QDateTime lastRun;
    };
    Schedule* find(const QString& name);
    const Schedule* find(const QString& name) const;
    QDateTime dueAt(const Schedule& schedule) const;
    Result<int> run(Schedule& schedule);
    void rearm();

    JobRunner* m_runner;
    const Clock& m_clock;
    QTimer* m_timer;
    std::vector<Schedule> m_schedules;
    std::chrono::milliseconds m_maximumWait {60000};
    bool m_active = false;
};

} // namespace Moniagent
