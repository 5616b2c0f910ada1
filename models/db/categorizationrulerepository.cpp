#include "categorizationrulerepository.h"

#include "database.h"
#include "sql.h"

#include <QRegularExpression>

#include <cmath>

namespace Moniagent {

namespace {

constexpr int MaxPatternLength = 1024;

const QString Columns = QStringLiteral(
    "id, user_id, category_id, store_name_pattern, rule_type, confidence_threshold, priority, is_active, origin, "
    "hit_count, created_at, updated_at");

CategorizationRule read(const QSqlQuery& q)
{
    CategorizationRule r;
    r.id = q.value(0).toLongLong();
    r.userId = q.value(1).toLongLong();
    r.categoryId = q.value(2).toLongLong();
    r.pattern = q.value(3).toString();
    r.type = CategorizationRuleEnums::typeFromKey(q.value(4).toString()).value_or(RuleType::Keyword);
    r.confidenceThreshold = q.value(5).toDouble();
    r.priority = q.value(6).toInt();
    r.isActive = q.value(7).toInt() != 0;
    r.origin = CategorizationRuleEnums::originFromKey(q.value(8).toString()).value_or(RuleOrigin::User);
    r.hitCount = q.value(9).toLongLong();
    r.createdAt = Sql::parseIsoTimestamp(q.value(10));
    r.updatedAt = Sql::parseIsoTimestamp(q.value(11));
    return r;
}

QString storedPattern(const CategorizationRule& rule)
{
    return rule.type == RuleType::Regex ? rule.pattern : rule.pattern.trimmed();
}

} // namespace

CategorizationRuleRepository::CategorizationRuleRepository(Database* database, QObject* parent)
    : QObject(parent)
    , m_database(database)
{ }

Result<void> CategorizationRuleRepository::validate(const CategorizationRule& rule)
{
    if (CategorizationRuleEnums::key(rule.type).isEmpty())
        return Error::invalidInput(tr("Choose how the rule matches store names."));
    if (CategorizationRuleEnums::key(rule.origin).isEmpty())
        return Error::invalidInput(tr("The rule has an unknown origin."));
    if (rule.pattern.trimmed().isEmpty())
        return Error::invalidInput(tr("Enter the store name or text the rule should match."));
    if (rule.pattern.size() > MaxPatternLength)
        return Error::invalidInput(tr("The pattern is too long (at most %1 characters).").arg(MaxPatternLength));
    if (rule.type == RuleType::Regex) {
        const QRegularExpression expression(rule.pattern);
        if (!expression.isValid())
            return Error::invalidInput(
                tr("“%1” is not a valid regular expression: %2 (at character %3).")
                    .arg(rule.pattern, expression.errorString(), QString::number(expression.patternErrorOffset() + 1)));
    }
    if (!std::isfinite(rule.confidenceThreshold) || rule.confidenceThreshold < 0.0 || rule.confidenceThreshold > 1.0)
        return Error::invalidInput(tr("The rule's confidence threshold must be between 0 % and 100 %."));
    return {};
}

Result<void> CategorizationRuleRepository::checkCategory(qint64 userId, qint64 categoryId) const
{
    auto owned = Sql::scalar(m_database->connection(),
                             QStringLiteral("SELECT count(*) FROM categories WHERE id = ? AND user_id = ?"),
                             {categoryId, userId});
    if (!owned)
        return owned.error();
    if (owned->toLongLong() == 0)
        return Error::invalidInput(tr("The rule's category no longer exists. Choose another category."));
    return {};
}

Error CategorizationRuleRepository::conflictFor(const CategorizationRule& rule, const Error& error)
{
    if (error.code != Error::Code::Conflict || !error.detail.contains(QLatin1String("UNIQUE")))
        return error;
    const QString pattern = storedPattern(rule);
    switch (rule.type) {
    case RuleType::ExactMatch:
        return Error::conflict(tr("There is already an exact-name rule for “%1”. Edit that rule instead.").arg(pattern),
                               error.detail);
    case RuleType::Regex:
        return Error::conflict(
            tr("There is already a rule with the regular expression “%1”. Edit that rule instead.").arg(pattern),
            error.detail);
    case RuleType::Keyword:
        break;
    }
    return Error::conflict(
        tr("There is already a rule for names containing “%1”. Edit that rule instead.").arg(pattern), error.detail);
}

Result<qint64> CategorizationRuleRepository::add(qint64 userId, const CategorizationRule& rule)
{
    auto valid = validate(rule);
    if (!valid)
        return valid.error();
    auto category = checkCategory(userId, rule.categoryId);
    if (!category)
        return category.error();
    auto result = Sql::exec(
        m_database->connection(),
        QStringLiteral("INSERT INTO expense_categorization_rules (user_id, category_id, store_name_pattern, "
                       "rule_type, confidence_threshold, priority, is_active, origin, hit_count) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {userId, rule.categoryId, storedPattern(rule), CategorizationRuleEnums::key(rule.type),
         rule.confidenceThreshold, rule.priority, rule.isActive ? 1 : 0, CategorizationRuleEnums::key(rule.origin),
         qMax<qint64>(0, rule.hitCount)});
    if (!result)
        return conflictFor(rule, result.error());
    const qint64 id = result->lastInsertId().toLongLong();
    Q_EMIT changed(userId);
    return id;
}

Result<void> CategorizationRuleRepository::update(qint64 userId, const CategorizationRule& rule)
{
    auto valid = validate(rule);
    if (!valid)
        return valid.error();
    auto category = checkCategory(userId, rule.categoryId);
    if (!category)
        return category.error();
    auto result = Sql::exec(m_database->connection(),
                            QStringLiteral("UPDATE expense_categorization_rules SET category_id = ?, "
                                           "store_name_pattern = ?, rule_type = ?, confidence_threshold = ?, "
                                           "priority = ?, is_active = ?, origin = ?, "
                                           "updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') "
                                           "WHERE id = ? AND user_id = ?"),
                            {rule.categoryId, storedPattern(rule), CategorizationRuleEnums::key(rule.type),
                             rule.confidenceThreshold, rule.priority, rule.isActive ? 1 : 0,
                             CategorizationRuleEnums::key(rule.origin), rule.id, userId});
    if (!result)
        return conflictFor(rule, result.error());
    if (result->numRowsAffected() == 0)
        return Error::notFound(tr("The rule no longer exists."));
    Q_EMIT changed(userId);
    return {};
}

Result<void> CategorizationRuleRepository::remove(qint64 userId, qint64 id)
{
    auto result = Sql::exec(m_database->connection(),
                            QStringLiteral("DELETE FROM expense_categorization_rules WHERE id = ? AND user_id = ?"),
                            {id, userId});
    if (!result)
        return result.error();
    if (result->numRowsAffected() == 0)
        return Error::notFound(tr("The rule no longer exists."));
    Q_EMIT changed(userId);
    return {};
}

Result<void> CategorizationRuleRepository::setActive(qint64 userId, qint64 id, bool active)
{
    auto result = Sql::exec(m_database->connection(),
                            QStringLiteral("UPDATE expense_categorization_rules SET is_active = ?, "
                                           "updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') "
                                           "WHERE id = ? AND user_id = ?"),
                            {active ? 1 : 0, id, userId});
    if (!result)
        return result.error();
    if (result->numRowsAffected() == 0)
        return Error::notFound(tr("The rule no longer exists."));
    Q_EMIT changed(userId);
    return {};
}

Result<void> CategorizationRuleRepository::incrementHits(qint64 userId, qint64 id, int by)
{
    if (by < 0)
        return Error::invalidInput(tr("A rule's match count can only grow."));
    auto result = Sql::exec(
        m_database->connection(),
        QStringLiteral(
            "UPDATE expense_categorization_rules SET hit_count = hit_count + ? WHERE id = ? AND user_id = ?"),
        {by, id, userId});
    if (!result)
        return result.error();
    if (result->numRowsAffected() == 0)
        return Error::notFound(tr("The rule no longer exists."));
    Q_EMIT changed(userId);
    return {};
}

Result<CategorizationRule> CategorizationRuleRepository::find(qint64 userId, qint64 id) const
{
    auto query = Sql::exec(
        m_database->connection(),
        QStringLiteral("SELECT %1 FROM expense_categorization_rules WHERE id = ? AND user_id = ?").arg(Columns),
        {id, userId});
    if (!query)
        return query.error();
    if (!query->next())
        return Error::notFound(tr("The rule no longer exists."));
    return read(*query);
}

Result<QList<CategorizationRule>> CategorizationRuleRepository::list(qint64 userId, bool activeOnly) const
{
    const QString sql = QStringLiteral("SELECT %1 FROM expense_categorization_rules WHERE user_id = ?%2 "
                                       "ORDER BY CASE rule_type WHEN 'exact_match' THEN 0 WHEN 'regex' THEN 1 "
                                       "ELSE 2 END, priority DESC, id")
                            .arg(Columns, activeOnly ? QStringLiteral(" AND is_active = 1") : QString());
    auto query = Sql::exec(m_database->connection(), sql, {userId});
    if (!query)
        return query.error();
    QList<CategorizationRule> rules;
    while (query->next())
        rules << read(*query);
    return rules;
}

} // namespace Moniagent
