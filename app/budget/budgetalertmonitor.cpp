#include "budgetalertmonitor.h"

#include "budgetengine.h"
#include "core/notificationpreferences.h"
#include "session/session.h"

#include <QtConcurrent/QtConcurrentRun>

#include <cmath>

namespace Moniagent {

namespace {

constexpr int DebounceMs = 250;

QString categoryNameOf(Session* session, qint64 userId, const Budget& budget)
{
    if (!budget.categoryId)
        return QCoreApplication::translate("Moniagent::BudgetAlertMonitor", "All spending");
    auto category = session->categories()->find(userId, *budget.categoryId);
    return category ? category->name : QString();
}

} // namespace

BudgetAlertMonitor::BudgetAlertMonitor(Session* session, QObject* parent)
    : QObject(parent)
    , m_session(session)
{
    qRegisterMetaType<RaisedAlert>();
    qRegisterMetaType<QList<BudgetStatus>>();
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(DebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &BudgetAlertMonitor::runCheck);
    m_midnight.setSingleShot(true);
    connect(&m_midnight, &QTimer::timeout, this, [this]() {
        runCheck();
        armMidnight();
    });
    connect(&m_watcher, &QFutureWatcher<Outcome>::finished, this, &BudgetAlertMonitor::finished);
}

BudgetAlertMonitor::~BudgetAlertMonitor()
{
    m_watcher.waitForFinished();
}

void BudgetAlertMonitor::start()
{
    // Change signals may come from worker threads (imports, bulk writes): `this` as context queues them.
    auto onTransactions = [this](qint64 userId, const QList<qint64>&) {
        if (userId == m_session->userId())
            scheduleCheck();
    };
    connect(m_session->transactions(), &TransactionRepository::inserted, this, onTransactions);
    connect(m_session->transactions(), &TransactionRepository::updated, this, onTransactions);
    connect(m_session->transactions(), &TransactionRepository::removed, this, onTransactions);
    connect(m_session->budgets(), &BudgetRepository::changed, this, [this](qint64 userId) {
        if (userId == m_session->userId())
            scheduleCheck();
    });
    runCheck();
    armMidnight();
}

void BudgetAlertMonitor::scheduleCheck()
{
    m_debounce.start();
}

void BudgetAlertMonitor::armMidnight()
{
    const QDateTime now = m_session->clock().nowUtc().toLocalTime();
    const QDateTime midnight(now.date().addDays(1), QTime(0, 0, 1));
    m_midnight.start(int(std::clamp<qint64>(now.msecsTo(midnight), 1000, 24 * 3600 * 1000)));
}

void BudgetAlertMonitor::runCheck()
{
    if (m_watcher.isRunning()) {
        m_pending = true;
        return;
    }
    m_pending = false;
    Session* session = m_session;
    const qint64 userId = session->userId();
    const NotificationPreferences preferences
        = NotificationPreferences::fromJson(session->user().notificationPreferences);
    const QLocale locale = session->locale();
    m_watcher.setFuture(QtConcurrent::run(
        [session, userId, preferences, locale]() { return check(session, userId, preferences, locale); }));
}

void BudgetAlertMonitor::finished()
{
    const Outcome outcome = m_watcher.result();
    if (!outcome) {
        Q_EMIT errorOccurred(tr("Could not check the budgets: %1").arg(outcome.error().message));
    } else {
        m_statuses = outcome->first;
        Q_EMIT statusesChanged(m_statuses);
        for (const RaisedAlert& raised : outcome->second) {
            if (raised.notify)
                Q_EMIT alertRaised(raised);
        }
    }
    Q_EMIT checked();
    if (m_pending)
        runCheck();
}

Result<std::pair<QList<BudgetStatus>, QList<RaisedAlert>>> BudgetAlertMonitor::check(Session* session)
{
    return check(session, session->userId(), NotificationPreferences::fromJson(session->user().notificationPreferences),
                 session->locale());
}

Result<std::pair<QList<BudgetStatus>, QList<RaisedAlert>>>
BudgetAlertMonitor::check(Session* session, qint64 userId, const NotificationPreferences& preferences,
                          const QLocale& locale)
{
    const BudgetEngine* engine = session->budgetEngine();
    if (!engine || userId <= 0)
        return Error::invalidInput(tr("No profile is open."));
    auto statuses = engine->evaluateAll(userId, session->clock().today());
    if (!statuses)
        return statuses.error();
    QList<RaisedAlert> raised;
    for (const BudgetStatus& status : std::as_const(*statuses)) {
        if (status.state == BudgetState::Ok)
            continue;
        // Going straight past the limit records the warning too, so it does not follow later, but only the
        // exceeded alert is shown.
        QList<BudgetAlertLevel> levels {BudgetAlertLevel::Warning};
        if (status.state == BudgetState::Exceeded)
            levels << BudgetAlertLevel::Exceeded;
        QList<qint64> silent;
        for (BudgetAlertLevel level : std::as_const(levels)) {
            auto recorded = session->budgetAlerts()->record(userId, status.budget.id, status.window.start, level);
            if (!recorded)
                return recorded.error();
            if (!*recorded)
                continue;
            auto alerts = session->budgetAlerts()->list(userId, true);
            if (!alerts)
                return alerts.error();
            RaisedAlert entry;
            for (const BudgetAlert& alert : std::as_const(*alerts)) {
                if (alert.budgetId == status.budget.id && alert.periodStart == status.window.start
                    && alert.level == level) {
                    entry.alert = alert;
                    break;
                }
            }
            entry.status = status;
            entry.categoryName = categoryNameOf(session, userId, status.budget);
            entry.notify = preferences.allows(status.budget.id, level)
                && !(level == BudgetAlertLevel::Warning && levels.size() > 1);
            entry.title = title(level);
            entry.message = message(level, status, entry.categoryName, locale);
            if (!entry.notify)
                silent << entry.alert.id;
            raised << entry;
        }
        if (!silent.isEmpty()) {
            auto marked = session->budgetAlerts()->markSeen(userId, silent);
            if (!marked)
                return marked.error();
        }
    }
    return std::pair {*statuses, raised};
}

QString BudgetAlertMonitor::title(BudgetAlertLevel level)
{
    return level == BudgetAlertLevel::Exceeded ? tr("Budget exceeded") : tr("Budget almost used up");
}

QString BudgetAlertMonitor::message(BudgetAlertLevel level, const BudgetStatus& status, const QString& categoryName,
                                    const QLocale& locale)
{
    const QString spent = status.spent.toString(locale);
    const QString limit = status.budget.limit.toString(locale);
    const QString period = BudgetEnums::displayName(status.budget.period).toLower();
    if (level == BudgetAlertLevel::Exceeded) {
        const Money over(status.spent.minor() - status.budget.limit.minor(), status.budget.limit.currency());
        return tr("%1: %2 spent, %3 over the %4 budget of %5.")
            .arg(categoryName, spent, over.toString(locale), period, limit);
    }
    const int percent = int(std::floor(status.used() * 100.0));
    return tr("%1: %2% of the %3 budget used (%4 of %5); %6 left until %7.")
        .arg(categoryName, locale.toString(percent), period, spent, limit, status.remaining().toString(locale),
             locale.toString(status.window.end, QLocale::ShortFormat));
}

} // namespace Moniagent
