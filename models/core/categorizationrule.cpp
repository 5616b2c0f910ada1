#include "categorizationrule.h"

namespace Moniagent {

QString CategorizationRuleEnums::key(RuleType type)
{
    switch (type) {
    case RuleType::Keyword:
        return QStringLiteral("keyword");
    case RuleType::Regex:
        return QStringLiteral("regex");
    case RuleType::ExactMatch:
        return QStringLiteral("exact_match");
    }
    return {};
}

std::optional<RuleType> CategorizationRuleEnums::typeFromKey(QStringView key)
{
    for (RuleType type : allTypes()) {
        if (CategorizationRuleEnums::key(type) == key)
            return type;
    }
    return std::nullopt;
}

QString CategorizationRuleEnums::displayName(RuleType type)
{
    switch (type) {
    case RuleType::Keyword:
        return tr("Contains");
    case RuleType::Regex:
        return tr("Regular expression");
    case RuleType::ExactMatch:
        return tr("Exact name");
    }
    return {};
}

QList<RuleType> CategorizationRuleEnums::allTypes()
{
    return {RuleType::ExactMatch, RuleType::Regex, RuleType::Keyword};
}

QString CategorizationRuleEnums::key(RuleOrigin origin)
{
    switch (origin) {
    case RuleOrigin::User:
        return QStringLiteral("user");
    case RuleOrigin::Learned:
        return QStringLiteral("learned");
    }
    return {};
}

std::optional<RuleOrigin> CategorizationRuleEnums::originFromKey(QStringView key)
{
    if (key == u"user")
        return RuleOrigin::User;
    if (key == u"learned")
        return RuleOrigin::Learned;
    return std::nullopt;
}

QString CategorizationRuleEnums::displayName(RuleOrigin origin)
{
    switch (origin) {
    case RuleOrigin::User:
        return tr("Yours");
    case RuleOrigin::Learned:
        return tr("Learned");
    }
    return {};
}

} // namespace Moniagent
