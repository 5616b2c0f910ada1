#include "jobretrypolicy.h"

#include <algorithm>

namespace Moniagent {

qint64 JobRetryPolicy::delaySeconds(int retriesSoFar, std::optional<int> retryAfterSeconds) const
{
    const qint64 cap = std::max(0, maxDelaySeconds);
    qint64 delay = std::max(0, baseDelaySeconds);
    for (int i = 0; i < retriesSoFar && delay < cap; ++i)
        delay *= 2;
    delay = std::min(delay, cap);
    if (retryAfterSeconds && *retryAfterSeconds > delay)
        delay = *retryAfterSeconds;
    return delay;
}

} // namespace Moniagent
