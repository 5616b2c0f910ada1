#pragma once

#include <QtGlobal>

#include <optional>

namespace Moniagent {

// How the job runner retries a job whose handler reported a transient failure: exponential backoff from
// `baseDelaySeconds`, doubling with every retry up to `maxDelaySeconds`, at most `maxRetries` retries (so
// maxRetries + 1 runs); a server's Retry-After is always waited out, even beyond the cap.
struct JobRetryPolicy
{
    int baseDelaySeconds = 30;
    int maxDelaySeconds = 3600;
    int maxRetries = 5;

    // Seconds to wait before the next run of a job that has been retried `retriesSoFar` times.
    qint64 delaySeconds(int retriesSoFar, std::optional<int> retryAfterSeconds = std::nullopt) const;
    // Whether a job that has been retried `retriesSoFar` times may be retried once more.
    bool mayRetry(int retriesSoFar) const { return retriesSoFar < maxRetries; }
};

} // namespace Moniagent
