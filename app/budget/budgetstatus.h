#pragma once

#include "budgetwindow.h"
#include "core/budget.h"
#include "core/money.h"

#include <QCoreApplication>
#include <QList>
#include <QMetaType>

namespace Moniagent {

// How far a budget's spending has gone in one window.
enum class BudgetState
{
    Ok,
    Warning, // spending reached the alert threshold
    Exceeded, // spending went over the limit
};

// One budget evaluated for one window on one day ("as of"): spent, remaining, pace and projection.
struct BudgetStatus
{
    Budget budget;
    BudgetWindow window;
    QDate asOf; // the day evaluated; for a past window its last day, for a future one the day before it starts
    Money spent; // expenses in the budget's currency within the window, up to and including asOf
    qint64 rowCount = 0; // how many expenses make up `spent`
    // Expenses in the window in other currencies: listed, never added to `spent` (no currency conversion yet).
    QList<Money> notCounted;
    BudgetState state = BudgetState::Ok;

    // limit - spent; negative once the budget is exceeded.
    Money remaining() const { return Money(budget.limit.minor() - spent.minor(), budget.limit.currency()); }
    // spent / limit (may exceed 1).
    double used() const;
    // The share of the window elapsed on asOf (0 before the window, 1 after it): where spending "should" be if
    // the limit were spent evenly.
    double pace() const;
    // Spending at the end of the window if it goes on as so far (spent / elapsed days × window days); for a
    // finished window, what was spent.
    Money projected() const;
    // Whether the projection goes over the limit while the budget is not exceeded yet.
    bool projectedOver() const { return state != BudgetState::Exceeded && projected().minor() > budget.limit.minor(); }
    qint64 elapsedDays() const;
    bool isCurrent() const { return window.contains(asOf) && asOf != window.end; }
};

class BudgetStates
{
    Q_DECLARE_TR_FUNCTIONS(BudgetStates)
public:
    // The state of `spent` against `limit` with alert threshold `threshold` (0..1). Spending exactly the limit
    // is not exceeded; a threshold of 0 warns as soon as anything is spent.
    static BudgetState stateFor(qint64 spentMinor, qint64 limitMinor, double threshold);
    static QString displayName(BudgetState state);
    static QString key(BudgetState state); // "ok", "warning", "exceeded"
};

} // namespace Moniagent

Q_DECLARE_METATYPE(Moniagent::BudgetStatus)
