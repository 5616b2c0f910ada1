#include "budgetalert.h"

namespace Moniagent {

QString BudgetAlertEnums::key(BudgetAlertLevel level)
{
    switch (level) {
    case BudgetAlertLevel::Warning:
        return QStringLiteral("warning");
    case BudgetAlertLevel::Exceeded:
        return QStringLiteral("exceeded");
    }
    return {};
}

std::optional<BudgetAlertLevel> BudgetAlertEnums::levelFromKey(QStringView key)
{
    for (BudgetAlertLevel level : allLevels()) {
        if (BudgetAlertEnums::key(level) == key)
            return level;
    }
    return std::nullopt;
}

QString BudgetAlertEnums::displayName(BudgetAlertLevel level)
{
    switch (level) {
    case BudgetAlertLevel::Warning:
        return tr("Nearly spent");
    case BudgetAlertLevel::Exceeded:
        return tr("Over budget");
    }
    return {};
}

QList<BudgetAlertLevel> BudgetAlertEnums::allLevels()
{
    return {BudgetAlertLevel::Warning, BudgetAlertLevel::Exceeded};
}

} // namespace Moniagent
