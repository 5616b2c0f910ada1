#pragma once

#include <QDate>
#include <QMetaType>

namespace Moniagent {

// An inclusive range of calendar dates; a null end means open on that side.
struct DateRange
{
    enum class Preset
    {
        AllTime,
        ThisMonth,
        LastMonth,
        Last30Days,
        Last3Months,
        ThisYear,
        LastYear,
        Custom,
    };

    QDate from;
    QDate to;

    bool isOpen() const { return !from.isValid() && !to.isValid(); }
    bool contains(QDate date) const { return (!from.isValid() || date >= from) && (!to.isValid() || date <= to); }

    // The range a preset means on `today` (Custom and AllTime give an open range).
    static DateRange forPreset(Preset preset, QDate today);

    friend bool operator==(const DateRange& a, const DateRange& b) { return a.from == b.from && a.to == b.to; }
};

} // namespace Moniagent

Q_DECLARE_METATYPE(Moniagent::DateRange)
