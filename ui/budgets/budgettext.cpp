#include "budgettext.h"

#include <QStringList>

#include <cmath>

namespace Moniagent {

QString BudgetText::window(BudgetPeriod period, const BudgetWindow& window, const QLocale& locale)
{
    if (!window.isValid())
        return {};
    switch (period) {
    case BudgetPeriod::Weekly:
        return tr("%1 – %2", "the first and last day of a budget week")
            .arg(locale.toString(window.start, tr("MMM d", "date format: a day of a budget week")),
                 locale.toString(window.end, tr("MMM d, yyyy", "date format: the last day of a budget week")));
    case BudgetPeriod::Monthly:
        return locale.toString(window.start, tr("MMMM yyyy", "date format: the month of a budget"));
    case BudgetPeriod::Yearly:
        return locale.toString(window.start, QStringLiteral("yyyy"));
    }
    return {};
}

QString BudgetText::shortWindow(BudgetPeriod period, QDate start, const QLocale& locale)
{
    switch (period) {
    case BudgetPeriod::Weekly:
        return tr("week of %1").arg(locale.toString(start, tr("MMM d", "date format: a day of a budget week")));
    case BudgetPeriod::Monthly:
        return locale.toString(start, tr("MMM yyyy", "date format: the month of a budget alert"));
    case BudgetPeriod::Yearly:
        return locale.toString(start, QStringLiteral("yyyy"));
    }
    return {};
}

QString BudgetText::percent(double share, const QLocale& locale)
{
    const double value = std::isfinite(share) ? share * 100.0 : 0.0;
    return tr("%1 %", "a percentage").arg(locale.toString(qRound64(value)));
}

QString BudgetText::budgetName(const QString& categoryName, bool overall)
{
    return overall ? tr("All spending") : categoryName;
}

QString BudgetText::spent(const BudgetStatus& status, const QLocale& locale)
{
    return tr("%1 of %2", "spent of limit").arg(status.spent.toString(locale), status.budget.limit.toString(locale));
}

QString BudgetText::remaining(const BudgetStatus& status, const QLocale& locale)
{
    const Money left = status.remaining();
    if (left.isNegative())
        return tr("over by %1").arg(Money(-left.minor(), left.currency()).toString(locale));
    return tr("%1 left").arg(left.toString(locale));
}

QString BudgetText::projection(const BudgetStatus& status, const QLocale& locale)
{
    if (status.asOf < status.window.start)
        return tr("not started");
    if (status.asOf >= status.window.end)
        return tr("period ended");
    return tr("projected %1").arg(status.projected().toString(locale));
}

QString BudgetText::projectionDetail(const BudgetStatus& status, const QLocale& locale)
{
    if (status.asOf < status.window.start || status.asOf >= status.window.end)
        return {};
    if (status.state == BudgetState::Exceeded)
        return tr("already over the limit");
    if (status.projectedOver()) {
        const Money over(status.projected().minor() - status.budget.limit.minor(), status.budget.limit.currency());
        return tr("%1 over at this pace").arg(over.toString(locale));
    }
    return tr("within the limit at this pace");
}

QString BudgetText::notCounted(const BudgetStatus& status, const QLocale& locale)
{
    if (status.notCounted.isEmpty())
        return {};
    QStringList amounts;
    for (const Money& money : status.notCounted)
        amounts << money.toString(locale, Money::SymbolStyle::Code);
    return tr("+ %1 not counted", "spending in other currencies").arg(amounts.join(QStringLiteral(" + ")));
}

QString BudgetText::progressToolTip(const BudgetStatus& status, const QLocale& locale)
{
    QStringList lines;
    lines << tr("%1 of the limit spent").arg(percent(status.used(), locale));
    if (status.asOf >= status.window.start && status.asOf < status.window.end)
        lines << tr("%1 of the period has passed (pace mark)").arg(percent(status.pace(), locale));
    lines << tr("Warns at %1 (threshold mark)").arg(percent(status.budget.alertThreshold, locale));
    if (!status.notCounted.isEmpty())
        lines << tr("Spending in other currencies is not added to this budget: %1").arg(notCounted(status, locale));
    return lines.join(u'\n');
}

QString BudgetText::alertMessage(BudgetAlertLevel level, const QString& name, BudgetPeriod period, double threshold,
                                 QDate periodStart, const QLocale& locale)
{
    const QString when = shortWindow(period, periodStart, locale);
    const QString share = percent(threshold, locale);
    if (level == BudgetAlertLevel::Exceeded) {
        switch (period) {
        case BudgetPeriod::Weekly:
            return tr("%1 exceeded its weekly budget (%2)").arg(name, when);
        case BudgetPeriod::Monthly:
            return tr("%1 exceeded its monthly budget (%2)").arg(name, when);
        case BudgetPeriod::Yearly:
            return tr("%1 exceeded its yearly budget (%2)").arg(name, when);
        }
    }
    switch (period) {
    case BudgetPeriod::Weekly:
        return tr("%1 reached %2 of its weekly budget (%3)").arg(name, share, when);
    case BudgetPeriod::Monthly:
        return tr("%1 reached %2 of its monthly budget (%3)").arg(name, share, when);
    case BudgetPeriod::Yearly:
        return tr("%1 reached %2 of its yearly budget (%3)").arg(name, share, when);
    }
    return {};
}

QString BudgetText::ago(const QDateTime& when, const QDateTime& now, const QLocale& locale)
{
    if (!when.isValid())
        return {};
    const qint64 seconds = when.secsTo(now);
    if (seconds < 60)
        return tr("Just now");
    if (seconds < 3600)
        return tr("%n minute(s) ago", nullptr, int(seconds / 60));
    const QDateTime local = when.toLocalTime();
    const QDate today = now.toLocalTime().date();
    const QString time = locale.toString(local.time(), QLocale::ShortFormat);
    if (local.date() == today)
        return tr("Today, %1").arg(time);
    if (local.date() == today.addDays(-1))
        return tr("Yesterday, %1").arg(time);
    return locale.toString(local.date(), tr("MMM d, yyyy", "date format: when an alert was raised"));
}

} // namespace Moniagent
