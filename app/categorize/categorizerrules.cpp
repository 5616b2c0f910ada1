// Categorizer: rule management and learning rules from the user's answers.
#include "categorizer.h"
#include "categorizerinternal.h"
#include "db/categorizationfeedbackrepository.h"
#include "db/categorizationrulerepository.h"
#include "db/database.h"
#include "db/sql.h"

#include <algorithm>

namespace Moniagent {

using namespace CategorizerInternal;

Result<void> Categorizer::loadRecentAnswers()
{
    // The user's recent answers per store, so learning a rule does not read the feedback table on every click.
    auto query = Sql::exec(m_database->connection(),
                           QStringLiteral("SELECT * FROM (SELECT f.id, f.confirmed_category_id, f.feedback_type, "
                                          "t.merchant_name, t.description FROM categorization_feedback f "
                                          "JOIN transactions t ON t.id = f.transaction_id AND t.user_id = f.user_id "
                                          "WHERE f.user_id = ? AND f.confirmed_category_id IS NOT NULL "
                                          "ORDER BY f.id DESC LIMIT ?) ORDER BY id"),
                           {m_userId, FeedbackLookback});
    if (!query)
        return query.error();
    QHash<QString, QList<Answer>> answers;
    while (query->next()) {
        const QString key = CategorizationInput::merchantKeyOf(query->value(3).toString(), query->value(4).toString());
        if (key.isEmpty())
            continue;
        QList<Answer>& list = answers[key];
        list.append({query->value(1).toLongLong(), query->value(2).toString() == QLatin1String("correction")});
        if (list.size() > AnswersPerStore)
            list.removeFirst();
    }
    QWriteLocker locker(&m_lock);
    m_answers = std::move(answers);
    m_answersLoaded = true;
    return {};
}

Result<void> Categorizer::learnRules(const CategorizationInput& input, qint64 categoryId, bool correction)
{
    if (input.merchantKey.isEmpty())
        return {};
    bool answersLoaded = false;
    {
        QReadLocker locker(&m_lock);
        answersLoaded = m_answersLoaded;
    }
    if (!answersLoaded) {
        auto loaded = loadRecentAnswers(); // includes the answer just written
        if (!loaded)
            return loaded;
    } else {
        QWriteLocker locker(&m_lock);
        QList<Answer>& list = m_answers[input.merchantKey];
        list.append({categoryId, correction});
        if (list.size() > AnswersPerStore)
            list.removeFirst();
    }
    QList<Answer> answers;
    {
        QReadLocker locker(&m_lock);
        answers = m_answers.value(input.merchantKey);
    }
    auto found = exactRuleFor(input.merchantKey);
    if (!found)
        return found.error();
    const std::optional<CategorizationRule> existing = *found;
    if (existing && existing->origin == RuleOrigin::User)
        return {}; // the user's own rule: never changed behind their back

    // The user's answers for this store, newest first, up to the first one that disagrees. A rule is learned from
    // answers that include at least one correction: when the categorizer was right all along it needs no rule.
    int consistent = 0;
    bool corrected = false;
    for (auto it = answers.crbegin(); it != answers.crend(); ++it) {
        if (it->categoryId != categoryId)
            break;
        ++consistent;
        corrected = corrected || it->correction;
    }
    const int needed = settings().learnRuleAfter;
    // A store the user files under more than one category earns a rule that suggests but does not apply by
    // itself: its confidence is the share of the remembered answers that agree.
    const auto agreeing = std::count_if(answers.cbegin(), answers.cend(),
                                        [&](const Answer& answer) { return answer.categoryId == categoryId; });
    const double ceiling
        = answers.isEmpty() ? LearnedConfidence : LearnedConfidence * double(agreeing) / double(answers.size());

    if (!existing) {
        if (consistent < needed || !corrected)
            return {};
        CategorizationRule rule;
        rule.categoryId = categoryId;
        rule.pattern = input.merchantKey;
        rule.type = RuleType::ExactMatch;
        rule.confidenceThreshold = ceiling;
        rule.origin = RuleOrigin::Learned;
        auto added = m_rules->add(m_userId, rule);
        if (!added)
            return added.error();
        qCInfo(lcCategorizer) << "learned a rule for" << input.merchantKey;
    } else {
        CategorizationRule rule = *existing;
        if (rule.categoryId == categoryId) {
            if (rule.isActive && rule.confidenceThreshold >= ceiling)
                return {};
            // Agreement restores a lowered rule step by step.
            rule.confidenceThreshold = std::min(ceiling, rule.confidenceThreshold + LearnedStep);
            rule.isActive = rule.confidenceThreshold >= LearnedFloor;
        } else if (consistent >= needed) {
            // The user has changed their mind about this store: the rule follows.
            rule.categoryId = categoryId;
            rule.confidenceThreshold = ceiling;
            rule.isActive = rule.confidenceThreshold >= LearnedFloor;
        } else {
            rule.confidenceThreshold = std::max(0.0, rule.confidenceThreshold - LearnedStep);
            if (rule.confidenceThreshold < LearnedFloor)
                rule.isActive = false;
        }
        auto updated = m_rules->update(m_userId, rule);
        if (!updated)
            return updated;
    }
    return rulesWritten();
}

Result<std::optional<CategorizationRule>> Categorizer::exactRuleFor(const QString& merchantKey) const
{
    std::optional<qint64> id;
    {
        QReadLocker locker(&m_lock);
        const auto it = m_exactRuleIds.constFind(merchantKey);
        if (it != m_exactRuleIds.cend())
            id = *it;
    }
    if (!id)
        return std::optional<CategorizationRule>();
    auto rule = m_rules->find(m_userId, *id);
    if (!rule)
        return rule.error();
    return std::optional<CategorizationRule>(*rule);
}

Result<void> Categorizer::rulesWritten()
{
    auto reloaded = reloadRules();
    if (!reloaded)
        return reloaded;
    Q_EMIT rulesChanged();
    return {};
}

Result<qint64> Categorizer::addRule(const CategorizationRule& rule)
{
    auto valid = RuleMatcher::validatePattern(rule.type, rule.pattern);
    if (!valid)
        return valid.error();
    auto added = m_rules->add(m_userId, rule);
    if (!added)
        return added;
    auto written = rulesWritten();
    if (!written)
        return written.error();
    return added;
}

Result<void> Categorizer::updateRule(const CategorizationRule& rule)
{
    auto valid = RuleMatcher::validatePattern(rule.type, rule.pattern);
    if (!valid)
        return valid;
    auto updated = m_rules->update(m_userId, rule);
    if (!updated)
        return updated;
    return rulesWritten();
}

Result<void> Categorizer::removeRule(qint64 id)
{
    auto removed = m_rules->remove(m_userId, id);
    if (!removed)
        return removed;
    return rulesWritten();
}

Result<void> Categorizer::setRuleActive(qint64 id, bool active)
{
    auto changed = m_rules->setActive(m_userId, id, active);
    if (!changed)
        return changed;
    return rulesWritten();
}

Result<QList<CategorizationRule>> Categorizer::listRules() const
{
    return m_rules->list(m_userId);
}

Result<CategorizationRule> Categorizer::ruleForStore(const Transaction& transaction, qint64 categoryId) const
{
    const CategorizationInput input = CategorizationInput::from(transaction);
    if (input.merchantKey.isEmpty())
        return Error::invalidInput(tr("This transaction has no store name to make a rule from."));
    auto existing = exactRuleFor(input.merchantKey);
    if (!existing)
        return existing.error();
    if (*existing) {
        CategorizationRule updated = **existing;
        updated.categoryId = categoryId;
        updated.origin = RuleOrigin::User;
        updated.confidenceThreshold = 1.0;
        updated.isActive = true;
        return updated;
    }
    CategorizationRule rule;
    rule.userId = m_userId;
    rule.categoryId = categoryId;
    rule.type = RuleType::ExactMatch;
    rule.pattern = transaction.merchant.trimmed().isEmpty() ? input.merchantKey : transaction.merchant.trimmed();
    rule.confidenceThreshold = 1.0;
    rule.origin = RuleOrigin::User;
    return rule;
}

} // namespace Moniagent
