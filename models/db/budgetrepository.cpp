#include "budgetrepository.h"

#include "core/category.h"
#include "database.h"
#include "sql.h"

#include <cmath>

namespace Moniagent {

namespace {

const QString Columns = QStringLiteral(
    "b.id, b.user_id, b.category_id, b.limit_minor, b.currency, b.period, b.alert_threshold, b.created_at, "
    "b.updated_at");

Budget read(const QSqlQuery& q)
{
    Budget b;
    b.id = q.value(0).toLongLong();
    b.userId = q.value(1).toLongLong();
    b.categoryId = Sql::optionalId(q.value(2));
    b.limit = Money(q.value(3).toLongLong(), Currency::fromCode(q.value(4).toString()));
    b.period = BudgetEnums::periodFromKey(q.value(5).toString()).value_or(BudgetPeriod::Monthly);
    b.alertThreshold = q.value(6).toDouble();
    b.createdAt = Sql::parseIsoTimestamp(q.value(7));
    b.updatedAt = Sql::parseIsoTimestamp(q.value(8));
    return b;
}

} // namespace

BudgetRepository::BudgetRepository(Database* database, QObject* parent)
    : QObject(parent)
    , m_database(database)
{ }

Result<void> BudgetRepository::validate(const Budget& budget)
{
    if (!budget.limit.isValid())
        return Error::invalidInput(tr("Choose a currency for the budget."));
    if (budget.limit.minor() <= 0)
        return Error::invalidInput(tr("Enter a budget limit of more than zero."));
    if (BudgetEnums::key(budget.period).isEmpty())
        return Error::invalidInput(tr("Choose whether the budget is weekly, monthly or yearly."));
    if (!std::isfinite(budget.alertThreshold) || budget.alertThreshold < 0.0 || budget.alertThreshold > 1.0)
        return Error::invalidInput(tr("The alert threshold must be between 0 % and 100 % of the limit."));
    return {};
}

Result<void> BudgetRepository::checkCategory(qint64 userId, const Budget& budget) const
{
    if (!budget.categoryId)
        return {};
    auto query = Sql::exec(m_database->connection(),
                           QStringLiteral("SELECT name, type FROM categories WHERE id = ? AND user_id = ?"),
                           {*budget.categoryId, userId});
    if (!query)
        return query.error();
    if (!query->next())
        return Error::invalidInput(tr("The budget's category no longer exists. Choose another category."));
    if (query->value(1).toString() == CategoryEnums::key(CategoryType::Income))
        return Error::invalidInput(tr("“%1” is an income category. Budgets limit spending: choose an expense category.")
                                       .arg(query->value(0).toString()));
    return {};
}

Error BudgetRepository::conflictFor(qint64 userId, const Budget& budget, const Error& error) const
{
    if (error.code != Error::Code::Conflict || !error.detail.contains(QLatin1String("UNIQUE")))
        return error;
    if (!budget.categoryId)
        return Error::conflict(tr("There is already a budget for all spending."), error.detail);
    auto name = Sql::scalar(m_database->connection(),
                            QStringLiteral("SELECT name FROM categories WHERE id = ? AND user_id = ?"),
                            {*budget.categoryId, userId});
    return Error::conflict(tr("There is already a budget for “%1”.").arg(name ? name->toString() : QString()),
                           error.detail);
}

Result<qint64> BudgetRepository::add(qint64 userId, const Budget& budget)
{
    auto valid = validate(budget);
    if (!valid)
        return valid.error();
    auto category = checkCategory(userId, budget);
    if (!category)
        return category.error();
    auto result = Sql::exec(m_database->connection(),
                            QStringLiteral("INSERT INTO budgets (user_id, category_id, limit_minor, currency, period, "
                                           "alert_threshold) VALUES (?, ?, ?, ?, ?, ?)"),
                            {userId, Sql::nullable(budget.categoryId), budget.limit.minor(),
                             budget.limit.currency().code(), BudgetEnums::key(budget.period), budget.alertThreshold});
    if (!result)
        return conflictFor(userId, budget, result.error());
    const qint64 id = result->lastInsertId().toLongLong();
    Q_EMIT changed(userId);
    return id;
}

Result<void> BudgetRepository::update(qint64 userId, const Budget& budget)
{
    auto valid = validate(budget);
    if (!valid)
        return valid.error();
    auto category = checkCategory(userId, budget);
    if (!category)
        return category.error();
    auto result = Sql::exec(m_database->connection(),
                            QStringLiteral("UPDATE budgets SET category_id = ?, limit_minor = ?, currency = ?, "
                                           "period = ?, alert_threshold = ?, "
                                           "updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') "
                                           "WHERE id = ? AND user_id = ?"),
                            {Sql::nullable(budget.categoryId), budget.limit.minor(), budget.limit.currency().code(),
                             BudgetEnums::key(budget.period), budget.alertThreshold, budget.id, userId});
    if (!result)
        return conflictFor(userId, budget, result.error());
    if (result->numRowsAffected() == 0)
        return Error::notFound(tr("The budget no longer exists."));
    Q_EMIT changed(userId);
    return {};
}

Result<void> BudgetRepository::remove(qint64 userId, qint64 id)
{
    auto result = Sql::exec(m_database->connection(),
                            QStringLiteral("DELETE FROM budgets WHERE id = ? AND user_id = ?"), {id, userId});
    if (!result)
        return result.error();
    if (result->numRowsAffected() == 0)
        return Error::notFound(tr("The budget no longer exists."));
    Q_EMIT changed(userId);
    return {};
}

Result<Budget> BudgetRepository::find(qint64 userId, qint64 id) const
{
    auto query = Sql::exec(m_database->connection(),
                           QStringLiteral("SELECT %1 FROM budgets b WHERE b.id = ? AND b.user_id = ?").arg(Columns),
                           {id, userId});
    if (!query)
        return query.error();
    if (!query->next())
        return Error::notFound(tr("The budget no longer exists."));
    return read(*query);
}

Result<QList<Budget>> BudgetRepository::list(qint64 userId) const
{
    auto query = Sql::exec(m_database->connection(),
                           QStringLiteral("SELECT %1 FROM budgets b LEFT JOIN categories c ON c.id = b.category_id "
                                          "WHERE b.user_id = ? "
                                          "ORDER BY b.category_id IS NOT NULL, c.display_order, c.name, b.id")
                               .arg(Columns),
                           {userId});
    if (!query)
        return query.error();
    QList<Budget> budgets;
    while (query->next())
        budgets << read(*query);
    return budgets;
}

Result<std::optional<Budget>> BudgetRepository::findForCategory(qint64 userId, std::optional<qint64> categoryId) const
{
    auto query
        = Sql::exec(m_database->connection(),
                    QStringLiteral("SELECT %1 FROM budgets b WHERE b.user_id = ? AND b.category_id IS ?").arg(Columns),
                    {userId, Sql::nullable(categoryId)});
    if (!query)
        return query.error();
    if (!query->next())
        return std::optional<Budget>();
    return std::optional<Budget>(read(*query));
}

} // namespace Moniagent
