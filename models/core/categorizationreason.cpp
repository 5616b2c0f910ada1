#include "categorizationreason.h"

#include <algorithm>
#include <climits>

namespace Moniagent {

namespace {
const QString ByKey = QStringLiteral("by");
} // namespace

QJsonObject CategorizationReason::rule(const CategorizationRule& rule)
{
    QJsonObject reason {{ByKey, QStringLiteral("rule")},
                        {QStringLiteral("rule_type"), CategorizationRuleEnums::key(rule.type)},
                        {QStringLiteral("pattern"), rule.pattern},
                        {QStringLiteral("origin"), CategorizationRuleEnums::key(rule.origin)}};
    if (rule.id > 0)
        reason.insert(QStringLiteral("rule_id"), rule.id);
    return reason;
}

QJsonObject CategorizationReason::model(qint64 examples)
{
    return {{ByKey, QStringLiteral("model")}, {QStringLiteral("examples"), examples}};
}

QJsonObject CategorizationReason::lexicon(const QString& term)
{
    return {{ByKey, QStringLiteral("lexicon")}, {QStringLiteral("term"), term}};
}

QJsonObject CategorizationReason::llm(const QString& model)
{
    return {{ByKey, QStringLiteral("llm")}, {QStringLiteral("model"), model}};
}

QJsonObject CategorizationReason::fromMetadata(const QJsonObject& sourceMetadata)
{
    return sourceMetadata.value(MetadataKey).toObject();
}

qint64 CategorizationReason::ruleId(const QJsonObject& reason)
{
    if (reason.value(ByKey).toString() != QLatin1String("rule"))
        return 0;
    return reason.value(QStringLiteral("rule_id")).toInteger();
}

QString CategorizationReason::describe(const QJsonObject& reason)
{
    const QString by = reason.value(ByKey).toString();
    if (by == QLatin1String("rule")) {
        const QString pattern = reason.value(QStringLiteral("pattern")).toString();
        const auto type = CategorizationRuleEnums::typeFromKey(reason.value(QStringLiteral("rule_type")).toString());
        const bool learned
            = reason.value(QStringLiteral("origin")).toString() == CategorizationRuleEnums::key(RuleOrigin::Learned);
        if (!type || pattern.isEmpty())
            return learned ? tr("a rule learned from your corrections") : tr("one of your rules");
        switch (*type) {
        case RuleType::ExactMatch:
            return learned ? tr("learned rule: name is “%1”").arg(pattern) : tr("rule: name is “%1”").arg(pattern);
        case RuleType::Regex:
            return learned ? tr("learned rule: matches “%1”").arg(pattern) : tr("rule: matches “%1”").arg(pattern);
        case RuleType::Keyword:
            return learned ? tr("learned rule: contains “%1”").arg(pattern) : tr("rule: contains “%1”").arg(pattern);
        }
        return {};
    }
    if (by == QLatin1String("model")) {
        const qint64 examples = reason.value(QStringLiteral("examples")).toInteger();
        if (examples <= 0)
            return tr("learned from your earlier transactions");
        return tr("learned from %Ln earlier transaction(s)", nullptr, int(std::min<qint64>(examples, INT_MAX)));
    }
    if (by == QLatin1String("lexicon")) {
        const QString term = reason.value(QStringLiteral("term")).toString();
        return term.isEmpty() ? tr("built-in knowledge of common stores") : tr("built-in knowledge: “%1”").arg(term);
    }
    if (by == QLatin1String("llm")) {
        const QString model = reason.value(QStringLiteral("model")).toString();
        return model.isEmpty() ? tr("suggested by an AI model") : tr("suggested by the AI model %1").arg(model);
    }
    return {};
}

} // namespace Moniagent
