#include "notificationlistmodel.h"

#include "budgetroles.h"
#include "budgettext.h"
#include "common/categoryicons.h"
#include "session/session.h"

#include <QFont>
#include <QtConcurrent/QtConcurrentRun>

namespace Moniagent {

NotificationListModel::NotificationListModel(Session* session, QObject* parent)
    : QAbstractListModel(parent)
    , m_session(session)
    , m_userId(session->userId())
    , m_locale(session->locale())
{
    m_pool.setMaxThreadCount(1);
    m_delay.setSingleShot(true);
    m_delay.setInterval(50);
    connect(&m_delay, &QTimer::timeout, this, &NotificationListModel::start);
    connect(&m_watcher, &QFutureWatcher<Result<Snapshot>>::finished, this, &NotificationListModel::finished);
    // The alert monitor may record from a worker thread; `this` as context makes these queued.
    const auto changed = [this](qint64 user) {
        if (user == m_userId)
            reload();
    };
    connect(session->budgetAlerts(), &BudgetAlertRepository::changed, this, changed);
    connect(session->budgets(), &BudgetRepository::changed, this, changed);
    connect(session->categories(), &CategoryRepository::changed, this, changed);
    start();
}

NotificationListModel::~NotificationListModel()
{
    m_watcher.disconnect(this);
    m_pool.waitForDone();
}

int NotificationListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant NotificationListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row& row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return BudgetText::alertMessage(row.alert.level, row.name, row.period, row.threshold, row.alert.periodStart,
                                        m_locale);
    case Qt::AccessibleTextRole: {
        const QString message = BudgetText::alertMessage(row.alert.level, row.name, row.period, row.threshold,
                                                         row.alert.periodStart, m_locale);
        return row.alert.isSeen() ? message : tr("Unread: %1").arg(message);
    }
    case BudgetRoles::SecondaryTextRole:
        return BudgetText::ago(row.alert.createdAt, m_session->clock().nowUtc(), m_locale);
    case BudgetRoles::ToneRole:
        return int(BudgetTone::Normal);
    case BudgetRoles::SecondaryToneRole:
        return int(row.alert.level == BudgetAlertLevel::Exceeded ? BudgetTone::Bad : BudgetTone::Warning);
    case Qt::FontRole: {
        QFont font;
        font.setBold(!row.alert.isSeen());
        return font;
    }
    case Qt::DecorationRole:
        return row.icon.isEmpty() ? CategoryIcons::icon(QStringLiteral("wallet"), QColor(0x47, 0x55, 0x69))
                                  : CategoryIcons::icon(row.icon, QColor(row.color));
    case Qt::ToolTipRole:
        return BudgetAlertEnums::displayName(row.alert.level);
    case AlertIdRole:
        return row.alert.id;
    case BudgetIdRole:
        return row.alert.budgetId;
    case PeriodStartRole:
        return row.alert.periodStart;
    case LevelRole:
        return int(row.alert.level);
    case SeenRole:
        return row.alert.isSeen();
    case CreatedAtRole:
        return row.alert.createdAt;
    }
    return {};
}

void NotificationListModel::setLocale(const QLocale& locale)
{
    m_locale = locale;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0), index(rowCount() - 1));
}

void NotificationListModel::reload()
{
    m_delay.start();
}

void NotificationListModel::start()
{
    if (m_running) {
        m_again = true;
        return;
    }
    m_running = true;
    Session* session = m_session;
    const qint64 user = m_userId;
    m_watcher.setFuture(QtConcurrent::run(&m_pool, [session, user]() { return load(session, user); }));
}

Result<NotificationListModel::Snapshot> NotificationListModel::load(Session* session, qint64 userId)
{
    auto alerts = session->budgetAlerts()->list(userId);
    if (!alerts)
        return alerts.error();
    auto budgets = session->budgets()->list(userId);
    if (!budgets)
        return budgets.error();
    auto categories = session->categories()->list(userId);
    if (!categories)
        return categories.error();
    QHash<qint64, Budget> budgetById;
    for (const Budget& budget : std::as_const(*budgets))
        budgetById.insert(budget.id, budget);
    QHash<qint64, Category> categoryById;
    for (const Category& category : std::as_const(*categories))
        categoryById.insert(category.id, category);
    Snapshot snapshot;
    for (const BudgetAlert& alert : std::as_const(*alerts)) {
        if (!alert.isSeen())
            ++snapshot.unseen;
        if (snapshot.rows.size() >= MaxRows)
            continue;
        const auto budget = budgetById.constFind(alert.budgetId);
        if (budget == budgetById.cend())
            continue;
        Row row;
        row.alert = alert;
        row.period = budget->period;
        row.threshold = budget->alertThreshold;
        if (budget->categoryId) {
            const Category category = categoryById.value(*budget->categoryId);
            row.name = category.name;
            row.icon = category.icon;
            row.color = category.color;
        } else {
            row.name = BudgetText::budgetName({}, true);
        }
        snapshot.rows << row;
    }
    return snapshot;
}

void NotificationListModel::finished()
{
    Result<Snapshot> result = m_watcher.result();
    m_running = false;
    if (m_again) {
        m_again = false;
        start();
    }
    if (m_pendingWrites > 0)
        return; // read before a "mark read" was written: the list is loaded again after it
    if (!result) {
        Q_EMIT errorOccurred(result.error().message);
        return;
    }
    beginResetModel();
    m_rows = std::move(result->rows);
    endResetModel();
    m_loaded = true;
    setUnseen(result->unseen);
    Q_EMIT loaded();
}

void NotificationListModel::setUnseen(qint64 count)
{
    if (count == m_unseen)
        return;
    m_unseen = count;
    Q_EMIT unseenCountChanged(count);
}

void NotificationListModel::markSeen(int row)
{
    if (row < 0 || row >= m_rows.size() || m_rows.at(row).alert.isSeen())
        return;
    // Shown as read at once; the write follows on the worker, and the repository's signal reloads the list.
    m_rows[row].alert.seenAt = m_session->clock().nowUtc();
    Q_EMIT dataChanged(index(row), index(row));
    setUnseen(std::max<qint64>(0, m_unseen - 1));
    BudgetAlertRepository* alerts = m_session->budgetAlerts();
    const qint64 user = m_userId;
    const qint64 id = m_rows.at(row).alert.id;
    write(QtConcurrent::run(&m_pool, [alerts, user, id]() { return alerts->markSeen(user, {id}); }));
}

void NotificationListModel::markAllSeen()
{
    const QDateTime now = m_session->clock().nowUtc();
    for (Row& row : m_rows) {
        if (!row.alert.isSeen())
            row.alert.seenAt = now;
    }
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0), index(rowCount() - 1));
    setUnseen(0);
    BudgetAlertRepository* alerts = m_session->budgetAlerts();
    const qint64 user = m_userId;
    write(QtConcurrent::run(&m_pool, [alerts, user]() { return alerts->markAllSeen(user); }));
}

void NotificationListModel::write(QFuture<Result<qint64>> future)
{
    ++m_pendingWrites;
    future.then(this, [this](const Result<qint64>& written) {
        --m_pendingWrites;
        if (!written)
            Q_EMIT errorOccurred(written.error().message);
        reload();
    });
}

} // namespace Moniagent
