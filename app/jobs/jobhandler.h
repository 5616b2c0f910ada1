#pragma once

#include "core/job.h"
#include "core/result.h"

#include <QJsonObject>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace Moniagent {

class Clock;
class Database;

// What a job handler sees of the runner while it works (DESIGN.md §4, jobs). A handler runs on the runner's
// worker thread: it uses database() (Database::connection() is per thread) and never touches widgets.
class JobContext
{
public:
    virtual ~JobContext() = default;

    virtual const Job& job() const = 0;
    // The profile the job works for (job().userId); 0 for a system job.
    qint64 userId() const { return job().userId.value_or(0); }
    virtual Database* database() const = 0;
    virtual const Clock& clock() const = 0;
    // True once the user cancelled the job (or the runner is stopping): return soon, with a Cancelled outcome.
    virtual bool isCancelled() const = 0;
    // Shown in the Jobs view and the accounts list ("Fetched 120 of 480 messages"). Thread-safe.
    virtual void reportProgress(qint64 done, qint64 total, const QString& message) = 0;
    // Adds a follow-up job for the same profile (e.g. EMAIL_EXTRACTION after EMAIL_FETCH), triggered the same way.
    virtual Result<qint64> enqueue(QStringView type, const QJsonObject& input) = 0;
};

// How a run ended.
struct JobOutcome
{
    enum class Kind
    {
        Success, // `payload` becomes the job's output
        TransientFailure, // network drop, 429, 5xx, busy database: retried with exponential backoff up to the limit
        PermanentFailure, // bad input, refused credentials: FAILED at once, the user can retry from the Jobs view
        Cancelled, // the handler saw isCancelled()
    };
    Kind kind = Kind::Success;
    QJsonObject payload; // output on success; on failure kept beside "message" in the error payload
    QString message; // on failure: what the user reads (translated)
    std::optional<int> retryAfterSeconds; // a server's Retry-After: the next attempt waits at least this long

    static JobOutcome success(const QJsonObject& output = {}) { return {Kind::Success, output, {}, {}}; }
    static JobOutcome transient(const QString& message, std::optional<int> retryAfterSeconds = {},
                                const QJsonObject& details = {})
    {
        return {Kind::TransientFailure, details, message, retryAfterSeconds};
    }
    static JobOutcome permanent(const QString& message, const QJsonObject& details = {})
    {
        return {Kind::PermanentFailure, details, message, {}};
    }
    static JobOutcome cancelled() { return {Kind::Cancelled, {}, {}, {}}; }
};

// Does one type of job. A new handler is made for every run (by its JobHandlerFactory, on the worker thread),
// so it may keep state for that run only.
class JobHandler
{
public:
    virtual ~JobHandler() = default;
    virtual JobOutcome run(JobContext& context) = 0;
};

using JobHandlerFactory = std::function<std::unique_ptr<JobHandler>()>;

} // namespace Moniagent
