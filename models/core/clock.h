#pragma once

#include <QDate>
#include <QDateTime>

namespace Moniagent {

// The outside world's time, injected so that periods, expiry and retries can be tested without sleeping.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual QDateTime nowUtc() const = 0;
    // The user's calendar date (local time zone).
    virtual QDate today() const { return nowUtc().toLocalTime().date(); }
};

class SystemClock final : public Clock
{
public:
    QDateTime nowUtc() const override { return QDateTime::currentDateTimeUtc(); }
    QDate today() const override { return QDate::currentDate(); }

    // A shared instance for composition roots; pass it down, never reach for it from deep inside.
    static const Clock& instance();
};

} // namespace Moniagent
