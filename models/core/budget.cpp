#include "budget.h"

namespace Moniagent {

QString BudgetEnums::key(BudgetPeriod period)
{
    switch (period) {
    case BudgetPeriod::Weekly:
        return QStringLiteral("weekly");
    case BudgetPeriod::Monthly:
        return QStringLiteral("monthly");
    case BudgetPeriod::Yearly:
        return QStringLiteral("yearly");
    }
    return {};
}

std::optional<BudgetPeriod> BudgetEnums::periodFromKey(QStringView key)
{
    for (BudgetPeriod period : allPeriods()) {
        if (BudgetEnums::key(period) == key)
            return period;
    }
    return std::nullopt;
}

QString BudgetEnums::displayName(BudgetPeriod period)
{
    switch (period) {
    case BudgetPeriod::Weekly:
        return tr("Weekly");
    case BudgetPeriod::Monthly:
        return tr("Monthly");
    case BudgetPeriod::Yearly:
        return tr("Yearly");
    }
    return {};
}

QList<BudgetPeriod> BudgetEnums::allPeriods()
{
    return {BudgetPeriod::Weekly, BudgetPeriod::Monthly, BudgetPeriod::Yearly};
}

} // namespace Moniagent
