#include "dashboarddata.h"

#include <algorithm>

namespace Moniagent {

qint64 BudgetPace::allowanceBy(int day, int days) const
{
    if (days <= 0)
        return 0;
    day = std::clamp(day, 0, days);
    // Exact for whole months; rounded down in between (a line, not an amount anybody pays).
    return monthMinor / days * day + monthMinor % days * day / days;
}

DateRange DashboardData::monthRange() const
{
    return {month, month.addDays(month.daysInMonth() - 1)};
}

const Category* DashboardData::category(std::optional<qint64> id) const
{
    if (!id)
        return nullptr;
    for (const Category& c : categories) {
        if (c.id == *id)
            return &c;
    }
    return nullptr;
}

int DashboardData::lastCountedDay() const
{
    if (!asOf.isValid() || asOf < month)
        return 0;
    const DateRange range = monthRange();
    return asOf > range.to ? month.daysInMonth() : asOf.day();
}

} // namespace Moniagent
