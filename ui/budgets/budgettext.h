#pragma once

#include "budget/budgetstatus.h"
#include "core/budgetalert.h"

#include <QCoreApplication>
#include <QLocale>

namespace Moniagent {

// The words the budget views show, in one place: window labels, "spent of limit", "over by …", projections and
// alert messages, formatted for the profile's locale.
class BudgetText
{
    Q_DECLARE_TR_FUNCTIONS(Moniagent::BudgetText)
public:
    // "November 2026", "Nov 16 – Nov 22, 2026", "2026".
    static QString window(BudgetPeriod period, const BudgetWindow& window, const QLocale& locale);
    // Shorter, for alerts: "Nov 2026", "week of Nov 16", "2026".
    static QString shortWindow(BudgetPeriod period, QDate start, const QLocale& locale);
    // "80 %" for 0.8.
    static QString percent(double share, const QLocale& locale);
    static QString budgetName(const QString& categoryName, bool overall);

    static QString spent(const BudgetStatus& status, const QLocale& locale); // "$320.00 of $400.00"
    static QString remaining(const BudgetStatus& status, const QLocale& locale); // "$80.00 left", "over by $20.00"
    static QString projection(const BudgetStatus& status, const QLocale& locale); // "projected $480.00"
    static QString projectionDetail(const BudgetStatus& status, const QLocale& locale);
    static QString notCounted(const BudgetStatus& status, const QLocale& locale); // "+ 12.00 USD not counted"
    static QString progressToolTip(const BudgetStatus& status, const QLocale& locale);

    // "Groceries reached 80 % of its monthly budget (Nov 2026)", "Groceries exceeded its monthly budget (…)".
    static QString alertMessage(BudgetAlertLevel level, const QString& budgetName, BudgetPeriod period,
                                double threshold, QDate periodStart, const QLocale& locale);
    // "Just now", "5 minutes ago", "Today, 2:05 PM", "Nov 3, 2026".
    static QString ago(const QDateTime& when, const QDateTime& now, const QLocale& locale);
};

} // namespace Moniagent
