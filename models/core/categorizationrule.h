#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

namespace Moniagent {

// How a rule's pattern is matched against a store name; stored as the lower-case key.
// Rules are tried exact match first, then regular expressions, then keywords.
enum class RuleType
{
    Keyword, // the store name contains the pattern
    Regex, // the store name matches the regular expression
    ExactMatch, // the store name is the pattern
};

// Who made a rule.
enum class RuleOrigin
{
    User, // written by the user
    Learned, // made from repeated consistent corrections; the user can see and disable it
};

// A categorization rule (table `expense_categorization_rules`): store names matching `pattern` go to
// `categoryId`. A user has at most one rule per type and pattern.
struct CategorizationRule
{
    qint64 id = 0;
    qint64 userId = 0;
    qint64 categoryId = 0;
    QString pattern; // store_name_pattern
    RuleType type = RuleType::Keyword;
    double confidenceThreshold = 0.0; // 0..1
    int priority = 0; // higher first within a type
    bool isActive = true;
    RuleOrigin origin = RuleOrigin::User;
    qint64 hitCount = 0; // how often the rule categorized a transaction
    QDateTime createdAt;
    QDateTime updatedAt;
};

class CategorizationRuleEnums
{
    Q_DECLARE_TR_FUNCTIONS(CategorizationRuleEnums)
public:
    static QString key(RuleType type); // empty for a value outside the enum
    static std::optional<RuleType> typeFromKey(QStringView key);
    static QString displayName(RuleType type);
    static QList<RuleType> allTypes(); // in matching order: exact match, regex, keyword

    static QString key(RuleOrigin origin); // empty for a value outside the enum
    static std::optional<RuleOrigin> originFromKey(QStringView key);
    static QString displayName(RuleOrigin origin);
};

} // namespace Moniagent

Q_DECLARE_METATYPE(Moniagent::CategorizationRule)
