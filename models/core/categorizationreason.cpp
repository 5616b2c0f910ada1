#include "categorizationreason.h"

#include <QJsonArray>

#include <algorithm>
#include <climits>

namespace Moniagent {

namespace {
const QString ByKey = QStringLiteral("by");
const QString RuleTypeKey = QStringLiteral("ruleType");
const QString PatternKey = QStringLiteral("pattern");
const QString OriginKey = QStringLiteral("origin");
const QString RuleIdKey = QStringLiteral("ruleId");
const QString StoreExamplesKey = QStringLiteral("storeExamples");
const QString FeaturesKey = QStringLiteral("features");
const QString ModelKey = QStringLiteral("model");

QStringList features(const QJsonObject& reason)
{
    QStringList list;
    for (const QJsonValue& value : reason.value(FeaturesKey).toArray()) {
        if (const QString text = value.toString(); !text.isEmpty())
            list << text;
    }
    return list;
}
} // namespace

QJsonObject CategorizationReason::rule(const CategorizationRule& rule)
{
    QJsonObject reason {{ByKey, QStringLiteral("rule")},
                        {RuleTypeKey, CategorizationRuleEnums::key(rule.type)},
                        {PatternKey, rule.pattern},
                        {OriginKey, CategorizationRuleEnums::key(rule.origin)}};
    if (rule.id > 0)
        reason.insert(RuleIdKey, rule.id);
    return reason;
}

QJsonObject CategorizationReason::model(qint64 storeExamples, const QStringList& features)
{
    return {{ByKey, QStringLiteral("model")},
            {StoreExamplesKey, storeExamples},
            {FeaturesKey, QJsonArray::fromStringList(features)}};
}

QJsonObject CategorizationReason::lexicon(const QStringList& features)
{
    return {
        {ByKey, QStringLiteral("lexicon")}, {StoreExamplesKey, 0}, {FeaturesKey, QJsonArray::fromStringList(features)}};
}

QJsonObject CategorizationReason::llm(const QString& model)
{
    QJsonObject reason {{ByKey, QStringLiteral("llm")}};
    if (!model.isEmpty())
        reason.insert(ModelKey, model);
    return reason;
}

QJsonObject CategorizationReason::fromMetadata(const QJsonObject& sourceMetadata)
{
    return sourceMetadata.value(MetadataKey).toObject();
}

bool CategorizationReason::isRule(const QJsonObject& reason, const CategorizationRule& rule)
{
    if (reason.value(ByKey).toString() != QLatin1String("rule"))
        return false;
    if (reason.contains(RuleIdKey) && rule.id > 0)
        return reason.value(RuleIdKey).toInteger() == rule.id;
    return reason.value(RuleTypeKey).toString() == CategorizationRuleEnums::key(rule.type)
        && reason.value(PatternKey).toString() == rule.pattern;
}

QString CategorizationReason::describe(const QJsonObject& reason)
{
    const QString by = reason.value(ByKey).toString();
    if (by == QLatin1String("rule")) {
        const QString pattern = reason.value(PatternKey).toString();
        const auto type = CategorizationRuleEnums::typeFromKey(reason.value(RuleTypeKey).toString());
        const bool learned = reason.value(OriginKey).toString() == CategorizationRuleEnums::key(RuleOrigin::Learned);
        if (!type || pattern.isEmpty())
            return learned ? tr("a rule learned from your corrections") : tr("one of your rules");
        switch (*type) {
        case RuleType::ExactMatch:
            return learned ? tr("learned rule: store is “%1”").arg(pattern) : tr("rule: store is “%1”").arg(pattern);
        case RuleType::Regex:
            return learned ? tr("learned rule: matches “%1”").arg(pattern) : tr("rule: matches “%1”").arg(pattern);
        case RuleType::Keyword:
            return learned ? tr("learned rule: contains “%1”").arg(pattern) : tr("rule: contains “%1”").arg(pattern);
        }
        return {};
    }
    if (by == QLatin1String("model") || by == QLatin1String("lexicon")) {
        const qint64 examples = reason.value(StoreExamplesKey).toInteger();
        if (examples > 0) {
            return tr("learned from %Ln earlier transaction(s) at this store", nullptr,
                      int(std::min<qint64>(examples, INT_MAX)));
        }
        const QString words = features(reason).join(QStringLiteral(", "));
        if (by == QLatin1String("lexicon"))
            return words.isEmpty() ? tr("built-in knowledge of common stores")
                                   : tr("built-in knowledge: %1").arg(words);
        return words.isEmpty() ? tr("learned from similar transactions")
                               : tr("learned from similar transactions: %1").arg(words);
    }
    if (by == QLatin1String("llm")) {
        const QString model = reason.value(ModelKey).toString();
        return model.isEmpty() ? tr("suggested by the assistant") : tr("suggested by the AI model %1").arg(model);
    }
    return {};
}

} // namespace Moniagent
