#include "job.h"

namespace Moniagent {

QString Job::errorMessage() const
{
    return error.value(QLatin1String("message")).toString();
}

QString JobEnums::key(JobStatus status)
{
    switch (status) {
    case JobStatus::Queued:
        return QStringLiteral("QUEUED");
    case JobStatus::Running:
        return QStringLiteral("RUNNING");
    case JobStatus::Success:
        return QStringLiteral("SUCCESS");
    case JobStatus::Failed:
        return QStringLiteral("FAILED");
    case JobStatus::Cancelled:
        return QStringLiteral("CANCELLED");
    }
    return {};
}

std::optional<JobStatus> JobEnums::statusFromKey(QStringView key)
{
    for (JobStatus status : allStatuses()) {
        if (JobEnums::key(status) == key)
            return status;
    }
    return std::nullopt;
}

QString JobEnums::displayName(JobStatus status)
{
    switch (status) {
    case JobStatus::Queued:
        return tr("Waiting");
    case JobStatus::Running:
        return tr("Running");
    case JobStatus::Success:
        return tr("Done");
    case JobStatus::Failed:
        return tr("Failed");
    case JobStatus::Cancelled:
        return tr("Cancelled");
    }
    return {};
}

QList<JobStatus> JobEnums::allStatuses()
{
    return {JobStatus::Queued, JobStatus::Running, JobStatus::Success, JobStatus::Failed, JobStatus::Cancelled};
}

QString JobEnums::key(JobTrigger trigger)
{
    switch (trigger) {
    case JobTrigger::Cron:
        return QStringLiteral("CRON");
    case JobTrigger::Manual:
        return QStringLiteral("MANUAL");
    case JobTrigger::Api:
        return QStringLiteral("API");
    case JobTrigger::Retry:
        return QStringLiteral("RETRY");
    }
    return {};
}

std::optional<JobTrigger> JobEnums::triggerFromKey(QStringView key)
{
    for (JobTrigger trigger : {JobTrigger::Cron, JobTrigger::Manual, JobTrigger::Api, JobTrigger::Retry}) {
        if (JobEnums::key(trigger) == key)
            return trigger;
    }
    return std::nullopt;
}

QString JobEnums::displayName(JobTrigger trigger)
{
    switch (trigger) {
    case JobTrigger::Cron:
        return tr("Scheduled");
    case JobTrigger::Manual:
        return tr("Manual");
    case JobTrigger::Api:
        return tr("API");
    case JobTrigger::Retry:
        return tr("Retry");
    }
    return {};
}

bool JobEnums::isValidType(QStringView type)
{
    if (type.isEmpty() || type.size() > 64 || type.front() == u'_' || type.back() == u'_')
        return false;
    for (QChar c : type) {
        if (!(c >= u'A' && c <= u'Z') && c != u'_')
            return false;
    }
    return true;
}

QStringList JobEnums::knownTypes()
{
    return {JobTypes::EmailFetch.toString(), JobTypes::EmailExtraction.toString(), JobTypes::EmailReprocess.toString(),
            JobTypes::InvoiceOcr.toString(), JobTypes::Import.toString()};
}

QString JobEnums::displayName(QStringView type)
{
    if (type == JobTypes::EmailFetch)
        return tr("Fetch email");
    if (type == JobTypes::EmailExtraction)
        return tr("Read email");
    if (type == JobTypes::EmailReprocess)
        return tr("Read email again");
    if (type == JobTypes::InvoiceOcr)
        return tr("Read receipt");
    if (type == JobTypes::Import)
        return tr("Import statement");
    return type.toString();
}

} // namespace Moniagent
