#include "jobscheduler.h"

#include "core/clock.h"
#include "jobrunner.h"
#include "jobslogging.h"

#include <QTimer>

#include <algorithm>

namespace Moniagent {

JobScheduler::JobScheduler(JobRunner* runner, const Clock& clock, QObject* parent)
    : QObject(parent)
    , m_runner(runner)
    , m_clock(clock)
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, [this]() {
        runDue();
        rearm();
    });
}

JobScheduler::~JobScheduler() = default;

void JobScheduler::addSchedule(const QString& name, int intervalMinutes, Producer producer)
{
    if (Schedule* existing = find(name)) {
        existing->intervalMinutes = std::max(0, intervalMinutes);
        existing->producer = std::move(producer);
    } else {
        m_schedules.push_back({name, std::max(0, intervalMinutes), std::move(producer), {}});
    }
    rearm();
}

void JobScheduler::removeSchedule(const QString& name)
{
    std::erase_if(m_schedules, [&name](const Schedule& s) { return s.name == name; });
    rearm();
}

QStringList JobScheduler::schedules() const
{
    QStringList names;
    for (const Schedule& schedule : m_schedules)
        names << schedule.name;
    return names;
}

void JobScheduler::setInterval(const QString& name, int minutes)
{
    Schedule* schedule = find(name);
    if (!schedule)
        return;
    schedule->intervalMinutes = std::max(0, minutes);
    rearm();
}

int JobScheduler::interval(const QString& name) const
{
    const Schedule* schedule = find(name);
    return schedule ? schedule->intervalMinutes : 0;
}

QDateTime JobScheduler::nextRunAt(const QString& name) const
{
    const Schedule* schedule = find(name);
    if (!schedule || !m_active)
        return {};
    return dueAt(*schedule);
}

QDateTime JobScheduler::lastRunAt(const QString& name) const
{
    const Schedule* schedule = find(name);
    return schedule ? schedule->lastRun : QDateTime();
}

void JobScheduler::start()
{
    m_active = true;
    rearm();
}

void JobScheduler::stop()
{
    m_active = false;
    m_timer->stop();
}

void JobScheduler::setMaximumWait(std::chrono::milliseconds wait)
{
    m_maximumWait = std::max(wait, std::chrono::milliseconds(1));
    rearm();
}

int JobScheduler::runDue()
{
    const QDateTime now = m_clock.nowUtc();
    int added = 0;
    // By index: a producer may add or remove schedules.
    for (size_t i = 0; i < m_schedules.size(); ++i) {
        const QDateTime due = dueAt(m_schedules[i]);
        if (!due.isValid() || due > now)
            continue;
        auto result = run(m_schedules[i]);
        if (result)
            added += *result;
    }
    return added;
}

Result<int> JobScheduler::runNow(const QString& name)
{
    Schedule* schedule = find(name);
    if (!schedule)
        return Error::notFound(tr("There is no schedule called “%1”.").arg(name));
    auto result = run(*schedule);
    rearm();
    return result;
}

JobScheduler::Schedule* JobScheduler::find(const QString& name)
{
    const auto it
        = std::find_if(m_schedules.begin(), m_schedules.end(), [&name](const Schedule& s) { return s.name == name; });
    return it == m_schedules.end() ? nullptr : &*it;
}

const JobScheduler::Schedule* JobScheduler::find(const QString& name) const
{
    return const_cast<JobScheduler*>(this)->find(name);
}

QDateTime JobScheduler::dueAt(const Schedule& schedule) const
{
    if (schedule.intervalMinutes <= 0 || !schedule.producer)
        return {};
    if (!schedule.lastRun.isValid())
        return m_clock.nowUtc(); // not run since the app started: now
    return schedule.lastRun.addSecs(qint64(schedule.intervalMinutes) * 60);
}

Result<int> JobScheduler::run(Schedule& schedule)
{
    const QString name = schedule.name; // the producer may change m_schedules
    schedule.lastRun = m_clock.nowUtc();
    Producer producer = schedule.producer;
    auto jobs = producer ? producer() : Result<QList<ScheduledJob>>(QList<ScheduledJob>());
    if (!jobs) {
        qCWarning(lcJobs) << "schedule" << name << "failed:" << jobs.error().toString();
        Q_EMIT errorOccurred(jobs.error().message);
        return jobs.error();
    }
    int added = 0;
    for (const ScheduledJob& job : std::as_const(*jobs)) {
        auto id = m_runner->enqueueUnlessPending(job.userId, job.type, JobTrigger::Cron, job.input);
        if (!id) {
            qCWarning(lcJobs) << "schedule" << name << "cannot add a" << job.type << "job:" << id.error().toString();
            Q_EMIT errorOccurred(id.error().message);
            continue;
        }
        if (id->has_value())
            ++added;
    }
    qCDebug(lcJobs) << "schedule" << name << "added" << added << "of" << jobs->size() << "job(s)";
    Q_EMIT scheduleRan(name, added);
    return added;
}

void JobScheduler::rearm()
{
    if (!m_active) {
        m_timer->stop();
        return;
    }
    const QDateTime now = m_clock.nowUtc();
    std::optional<qint64> wait;
    for (const Schedule& schedule : m_schedules) {
        const QDateTime due = dueAt(schedule);
        if (!due.isValid())
            continue;
        const qint64 ms = std::max<qint64>(0, now.msecsTo(due));
        wait = wait ? std::min(*wait, ms) : ms;
    }
    if (!wait) {
        m_timer->stop();
        return;
    }
    m_timer->start(std::chrono::milliseconds(std::min<qint64>(*wait, m_maximumWait.count())));
}

} // namespace Moniagent
