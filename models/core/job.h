#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace Moniagent {

// The job types the app knows. A job type is an upper-case identifier (letters and underscores); other
// identifiers are accepted so that a plug-in can add its own.
namespace JobTypes {
inline constexpr QStringView EmailFetch = u"EMAIL_FETCH";
inline constexpr QStringView EmailExtraction = u"EMAIL_EXTRACTION";
inline constexpr QStringView EmailReprocess = u"EMAIL_REPROCESS";
inline constexpr QStringView InvoiceOcr = u"INVOICE_OCR";
inline constexpr QStringView Import = u"IMPORT";
} // namespace JobTypes

// Where a job is in its life; stored as the upper-case key.
// QUEUED → RUNNING → SUCCESS | FAILED, or back to QUEUED for a retry; QUEUED or RUNNING → CANCELLED.
enum class JobStatus
{
    Queued,
    Running,
    Success,
    Failed,
    Cancelled,
};

// What started a job; stored as the upper-case key.
enum class JobTrigger
{
    Cron, // a schedule
    Manual, // the user, from the window or the command line
    Api,
    Retry, // the user retried a failed or cancelled job
};

// A persisted unit of background work (table `jobs`). System jobs belong to no profile (`userId` empty).
struct Job
{
    qint64 id = 0;
    std::optional<qint64> userId;
    QString type; // e.g. JobTypes::EmailFetch
    JobStatus status = JobStatus::Queued;
    JobTrigger triggeredBy = JobTrigger::Manual;
    QJsonObject input;
    QJsonObject output; // empty until the job succeeded
    QJsonObject error; // the last failure; by convention {"message": "…", …}
    int retryCount = 0;
    QDateTime nextRunAt; // null = as soon as possible
    QDateTime startedAt;
    QDateTime finishedAt;
    QDateTime createdAt;
    QDateTime updatedAt;

    bool isFinished() const
    {
        return status == JobStatus::Success || status == JobStatus::Failed || status == JobStatus::Cancelled;
    }
    // error["message"], the text to show the user.
    QString errorMessage() const;
};

class JobEnums
{
    Q_DECLARE_TR_FUNCTIONS(JobEnums)
public:
    static QString key(JobStatus status); // empty for a value outside the enum
    static std::optional<JobStatus> statusFromKey(QStringView key);
    static QString displayName(JobStatus status);
    static QList<JobStatus> allStatuses();

    static QString key(JobTrigger trigger); // empty for a value outside the enum
    static std::optional<JobTrigger> triggerFromKey(QStringView key);
    static QString displayName(JobTrigger trigger);

    // Whether `type` is a well-formed job type: A–Z and underscores, starting and ending with a letter.
    static bool isValidType(QStringView type);
    static QStringList knownTypes();
    // A translated name for the known types ("Fetch email"); the identifier itself for others.
    static QString displayName(QStringView type);
};

} // namespace Moniagent

Q_DECLARE_METATYPE(Moniagent::Job)
