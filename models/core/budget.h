#pragma once

#include "money.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

namespace Moniagent {

// The window a budget's limit applies to; stored as the lower-case key.
enum class BudgetPeriod
{
    Weekly,
    Monthly,
    Yearly
};

// A spending limit (table `budgets`) for one expense category, or for all spending when `categoryId` is empty.
// A user has at most one budget per category and one for all spending.
struct Budget
{
    qint64 id = 0;
    qint64 userId = 0;
    std::optional<qint64> categoryId; // empty = all spending
    Money limit; // more than zero
    BudgetPeriod period = BudgetPeriod::Monthly;
    double alertThreshold = 0.8; // share of the limit (0..1) at which a warning is raised
    QDateTime createdAt;
    QDateTime updatedAt;

    bool isOverall() const { return !categoryId.has_value(); }
};

class BudgetEnums
{
    Q_DECLARE_TR_FUNCTIONS(BudgetEnums)
public:
    static QString key(BudgetPeriod period); // empty for a value outside the enum
    static std::optional<BudgetPeriod> periodFromKey(QStringView key);
    static QString displayName(BudgetPeriod period);
    static QList<BudgetPeriod> allPeriods();
};

} // namespace Moniagent

Q_DECLARE_METATYPE(Moniagent::Budget)
