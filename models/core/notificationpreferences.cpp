#include "notificationpreferences.h"

#include <QJsonArray>

#include <algorithm>

namespace Moniagent {

namespace {

const QLatin1String WarningsKey("budget_warning");
const QLatin1String ExceededKey("budget_exceeded");
const QLatin1String MutedKey("muted_budgets");

} // namespace

bool NotificationPreferences::allows(qint64 budgetId, BudgetAlertLevel level) const
{
    if (mutedBudgets.contains(budgetId))
        return false;
    return level == BudgetAlertLevel::Exceeded ? exceeded : warnings;
}

NotificationPreferences NotificationPreferences::fromJson(const QJsonObject& object)
{
    NotificationPreferences preferences;
    if (object.value(WarningsKey).isBool())
        preferences.warnings = object.value(WarningsKey).toBool();
    if (object.value(ExceededKey).isBool())
        preferences.exceeded = object.value(ExceededKey).toBool();
    const QJsonArray muted = object.value(MutedKey).toArray();
    for (const QJsonValue& value : muted) {
        const qint64 id = value.toInteger(0);
        if (id > 0)
            preferences.mutedBudgets.insert(id);
    }
    return preferences;
}

QJsonObject NotificationPreferences::toJson(QJsonObject object) const
{
    object.insert(WarningsKey, warnings);
    object.insert(ExceededKey, exceeded);
    QList<qint64> muted(mutedBudgets.cbegin(), mutedBudgets.cend());
    std::sort(muted.begin(), muted.end());
    QJsonArray array;
    for (qint64 id : std::as_const(muted))
        array.append(id);
    object.insert(MutedKey, array);
    return object;
}

} // namespace Moniagent
