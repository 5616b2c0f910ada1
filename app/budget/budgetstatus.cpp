#include "budgetstatus.h"

#include <algorithm>
#include <cmath>

namespace Moniagent {

double BudgetStatus::used() const
{
    const qint64 limit = budget.limit.minor();
    return limit > 0 ? double(spent.minor()) / double(limit) : 0.0;
}

qint64 BudgetStatus::elapsedDays() const
{
    if (!window.isValid() || !asOf.isValid() || asOf < window.start)
        return 0;
    return std::min(window.start.daysTo(asOf) + 1, window.days());
}

double BudgetStatus::pace() const
{
    const qint64 days = window.days();
    return days > 0 ? double(elapsedDays()) / double(days) : 0.0;
}

Money BudgetStatus::projected() const
{
    const qint64 elapsed = elapsedDays();
    const qint64 days = window.days();
    if (elapsed <= 0 || elapsed >= days)
        return spent;
    return spent.multipliedBy(days, elapsed).value_or(spent);
}

BudgetState BudgetStates::stateFor(qint64 spentMinor, qint64 limitMinor, double threshold)
{
    if (spentMinor > limitMinor)
        return BudgetState::Exceeded;
    // Compared in minor units, rounding the threshold amount up: 80 % of 10.01 warns from 8.01 on.
    const double clamped = std::clamp(std::isfinite(threshold) ? threshold : 1.0, 0.0, 1.0);
    const qint64 warnAt = std::max<qint64>(1, qint64(std::ceil(clamped * double(limitMinor) - 1e-9)));
    return spentMinor >= warnAt ? BudgetState::Warning : BudgetState::Ok;
}

QString BudgetStates::displayName(BudgetState state)
{
    switch (state) {
    case BudgetState::Ok:
        return tr("On track");
    case BudgetState::Warning:
        return tr("Warning");
    case BudgetState::Exceeded:
        return tr("Exceeded");
    }
    return {};
}

QString BudgetStates::key(BudgetState state)
{
    switch (state) {
    case BudgetState::Ok:
        return QStringLiteral("ok");
    case BudgetState::Warning:
        return QStringLiteral("warning");
    case BudgetState::Exceeded:
        return QStringLiteral("exceeded");
    }
    return {};
}

} // namespace Moniagent
