#pragma once

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

namespace Moniagent {

// How far spending has gone; stored as the lower-case key.
enum class BudgetAlertLevel
{
    Warning, // spending reached the budget's alert threshold
    Exceeded, // spending went over the limit
};

// A notification raised for a budget (table `budget_alerts`): at most one per budget, period and level.
struct BudgetAlert
{
    qint64 id = 0;
    qint64 budgetId = 0;
    QDate periodStart; // first day of the budget window the alert is about
    BudgetAlertLevel level = BudgetAlertLevel::Warning;
    QDateTime createdAt;
    QDateTime seenAt; // null while the user has not seen it

    bool isSeen() const { return seenAt.isValid(); }
};

class BudgetAlertEnums
{
    Q_DECLARE_TR_FUNCTIONS(BudgetAlertEnums)
public:
    static QString key(BudgetAlertLevel level); // empty for a value outside the enum
    static std::optional<BudgetAlertLevel> levelFromKey(QStringView key);
    static QString displayName(BudgetAlertLevel level);
    static QList<BudgetAlertLevel> allLevels();
};

} // namespace Moniagent

Q_DECLARE_METATYPE(Moniagent::BudgetAlert)
