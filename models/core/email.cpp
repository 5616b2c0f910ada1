#include "email.h"

namespace Moniagent {

QString EmailEnums::key(EmailExtractionStatus status)
{
    switch (status) {
    case EmailExtractionStatus::Pending:
        return QStringLiteral("PENDING");
    case EmailExtractionStatus::Completed:
        return QStringLiteral("COMPLETED");
    case EmailExtractionStatus::Failed:
        return QStringLiteral("FAILED");
    case EmailExtractionStatus::Skipped:
        return QStringLiteral("SKIPPED");
    }
    return QStringLiteral("PENDING");
}

std::optional<EmailExtractionStatus> EmailEnums::statusFromKey(QStringView key)
{
    for (EmailExtractionStatus status : allStatuses()) {
        if (EmailEnums::key(status) == key)
            return status;
    }
    return std::nullopt;
}

QString EmailEnums::displayName(EmailExtractionStatus status)
{
    switch (status) {
    case EmailExtractionStatus::Pending:
        return tr("Waiting");
    case EmailExtractionStatus::Completed:
        return tr("Read");
    case EmailExtractionStatus::Failed:
        return tr("Could not be read");
    case EmailExtractionStatus::Skipped:
        return tr("Not a receipt");
    }
    return {};
}

QList<EmailExtractionStatus> EmailEnums::allStatuses()
{
    return {EmailExtractionStatus::Pending, EmailExtractionStatus::Completed, EmailExtractionStatus::Failed,
            EmailExtractionStatus::Skipped};
}

} // namespace Moniagent
