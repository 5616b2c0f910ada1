#pragma once

#include "budgetalert.h"

#include <QJsonObject>
#include <QSet>

namespace Moniagent {

// Which budget alerts the user wants to hear about (stored in `users.notification_preferences`). Alerts are
// recorded whatever the preferences say, so that unmuting a budget never replays old crossings; a muted or
// switched-off alert is recorded as already seen and not shown.
struct NotificationPreferences
{
    bool warnings = true; // spending reached a budget's alert threshold
    bool exceeded = true; // spending went over a budget's limit
    QSet<qint64> mutedBudgets;

    bool allows(qint64 budgetId, BudgetAlertLevel level) const;

    // Reads the stored object; missing or malformed keys keep their defaults.
    static NotificationPreferences fromJson(const QJsonObject& object);
    // Writes into `object`, keeping keys this struct does not know about.
    QJsonObject toJson(QJsonObject object = {}) const;

    friend bool operator==(const NotificationPreferences&, const NotificationPreferences&) = default;
};

} // namespace Moniagent
