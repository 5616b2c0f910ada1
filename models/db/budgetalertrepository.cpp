#include "budgetalertrepository.h"

#include "database.h"
#include "sql.h"
#include "sqltransaction.h"

#include <algorithm>

namespace Moniagent {

namespace {

constexpr qsizetype MaxIdsPerStatement = 500;

const QString Columns = QStringLiteral("id, budget_id, period_start, level, created_at, seen_at");
const QString OwnBudgets = QStringLiteral("budget_id IN (SELECT id FROM budgets WHERE user_id = ?)");
const QString Now = QStringLiteral("strftime('%Y-%m-%dT%H:%M:%fZ', 'now')");

BudgetAlert read(const QSqlQuery& q)
{
    BudgetAlert a;
    a.id = q.value(0).toLongLong();
    a.budgetId = q.value(1).toLongLong();
    a.periodStart = Sql::parseIsoDate(q.value(2));
    a.level = BudgetAlertEnums::levelFromKey(q.value(3).toString()).value_or(BudgetAlertLevel::Warning);
    a.createdAt = Sql::parseIsoTimestamp(q.value(4));
    a.seenAt = Sql::parseIsoTimestamp(q.value(5));
    return a;
}

} // namespace

BudgetAlertRepository::BudgetAlertRepository(Database* database, QObject* parent)
    : QObject(parent)
    , m_database(database)
{ }

Result<bool> BudgetAlertRepository::record(qint64 userId, qint64 budgetId, QDate periodStart, BudgetAlertLevel level)
{
    if (!periodStart.isValid() || periodStart.year() < 1900 || periodStart.year() > 9999)
        return Error::invalidInput(tr("The budget period has no valid start date."));
    if (BudgetAlertEnums::key(level).isEmpty())
        return Error::invalidInput(tr("The budget alert has an unknown level."));
    QSqlDatabase db = m_database->connection();
    // Inserted through the user's own budget, so another user's budget id inserts nothing.
    auto inserted = Sql::exec(db,
                              QStringLiteral("INSERT INTO budget_alerts (budget_id, period_start, level) "
                                             "SELECT id, ?, ? FROM budgets WHERE id = ? AND user_id = ? "
                                             "ON CONFLICT (budget_id, period_start, level) DO NOTHING"),
                              {Sql::isoDate(periodStart), BudgetAlertEnums::key(level), budgetId, userId});
    if (!inserted)
        return inserted.error();
    if (inserted->numRowsAffected() > 0) {
        Q_EMIT changed(userId);
        return true;
    }
    auto owned = Sql::scalar(db, QStringLiteral("SELECT count(*) FROM budgets WHERE id = ? AND user_id = ?"),
                             {budgetId, userId});
    if (!owned)
        return owned.error();
    if (owned->toLongLong() == 0)
        return Error::notFound(tr("The budget no longer exists."));
    return false;
}

Result<void> BudgetAlertRepository::restore(qint64 userId, qint64 budgetId, const QList<BudgetAlert>& alerts)
{
    if (alerts.isEmpty())
        return {};
    QSqlDatabase db = m_database->connection();
    SqlTransaction transaction(db);
    if (!transaction.isActive())
        return transaction.error();
    // Oldest first, so that the new rows keep the order they had.
    QList<BudgetAlert> ordered = alerts;
    std::stable_sort(ordered.begin(), ordered.end(), [](const BudgetAlert& a, const BudgetAlert& b) {
        return std::pair(a.createdAt, a.id) < std::pair(b.createdAt, b.id);
    });
    for (const BudgetAlert& alert : std::as_const(ordered)) {
        const QVariant createdAt = alert.createdAt.isValid()
            ? QVariant(Sql::isoTimestamp(alert.createdAt.toUTC()))
            : QVariant(Sql::isoTimestamp(QDateTime::currentDateTimeUtc()));
        const QVariant seenAt = alert.seenAt.isValid() ? QVariant(Sql::isoTimestamp(alert.seenAt.toUTC())) : QVariant();
        auto inserted = Sql::exec(
            db,
            QStringLiteral("INSERT INTO budget_alerts (budget_id, period_start, level, created_at, "
                           "seen_at) SELECT id, ?, ?, ?, ? FROM budgets WHERE id = ? AND user_id = ? "
                           "ON CONFLICT (budget_id, period_start, level) DO NOTHING"),
            {Sql::isoDate(alert.periodStart), BudgetAlertEnums::key(alert.level), createdAt, seenAt, budgetId, userId});
        if (!inserted)
            return inserted.error();
    }
    auto committed = transaction.commit();
    if (!committed)
        return committed.error();
    Q_EMIT changed(userId);
    return {};
}

Result<QList<BudgetAlert>> BudgetAlertRepository::list(qint64 userId, bool unseenOnly) const
{
    QString sql = QStringLiteral("SELECT %1 FROM budget_alerts WHERE %2").arg(Columns, OwnBudgets);
    if (unseenOnly)
        sql += QStringLiteral(" AND seen_at IS NULL");
    sql += QStringLiteral(" ORDER BY created_at DESC, id DESC");
    auto query = Sql::exec(m_database->connection(), sql, {userId});
    if (!query)
        return query.error();
    QList<BudgetAlert> alerts;
    while (query->next())
        alerts << read(*query);
    return alerts;
}

Result<qint64> BudgetAlertRepository::unseenCount(qint64 userId) const
{
    auto value = Sql::scalar(
        m_database->connection(),
        QStringLiteral("SELECT count(*) FROM budget_alerts WHERE %1 AND seen_at IS NULL").arg(OwnBudgets), {userId});
    if (!value)
        return value.error();
    return value->toLongLong();
}

Result<qint64> BudgetAlertRepository::markSeen(qint64 userId, const QList<qint64>& ids)
{
    if (ids.isEmpty())
        return qint64(0);
    QSqlDatabase db = m_database->connection();
    SqlTransaction transaction(db);
    if (!transaction.isActive())
        return transaction.error();
    qint64 marked = 0;
    for (qsizetype start = 0; start < ids.size(); start += MaxIdsPerStatement) {
        const QList<qint64> chunk = ids.mid(start, MaxIdsPerStatement);
        QVariantList params {userId};
        for (qint64 id : chunk)
            params << id;
        auto result = Sql::exec(db,
                                QStringLiteral("UPDATE budget_alerts SET seen_at = %1 WHERE %2 AND seen_at IS NULL "
                                               "AND id IN (%3)")
                                    .arg(Now, OwnBudgets, Sql::placeholders(chunk.size())),
                                params);
        if (!result)
            return result.error();
        marked += result->numRowsAffected();
    }
    auto committed = transaction.commit();
    if (!committed)
        return committed.error();
    if (marked > 0)
        Q_EMIT changed(userId);
    return marked;
}

Result<qint64> BudgetAlertRepository::markAllSeen(qint64 userId)
{
    auto result = Sql::exec(
        m_database->connection(),
        QStringLiteral("UPDATE budget_alerts SET seen_at = %1 WHERE %2 AND seen_at IS NULL").arg(Now, OwnBudgets),
        {userId});
    if (!result)
        return result.error();
    const qint64 marked = result->numRowsAffected();
    if (marked > 0)
        Q_EMIT changed(userId);
    return marked;
}

} // namespace Moniagent
