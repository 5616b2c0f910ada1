#include "daterange.h"

namespace Moniagent {

DateRange DateRange::forPreset(Preset preset, QDate today)
{
    const QDate monthStart(today.year(), today.month(), 1);
    switch (preset) {
    case Preset::AllTime:
    case Preset::Custom:
        return {};
    case Preset::ThisMonth:
        return {monthStart, monthStart.addMonths(1).addDays(-1)};
    case Preset::LastMonth:
        return {monthStart.addMonths(-1), monthStart.addDays(-1)};
    case Preset::Last30Days:
        return {today.addDays(-29), today};
    case Preset::Last3Months:
        return {monthStart.addMonths(-2), monthStart.addMonths(1).addDays(-1)};
    case Preset::ThisYear:
        return {QDate(today.year(), 1, 1), QDate(today.year(), 12, 31)};
    case Preset::LastYear:
        return {QDate(today.year() - 1, 1, 1), QDate(today.year() - 1, 12, 31)};
    }
    return {};
}

} // namespace Moniagent
