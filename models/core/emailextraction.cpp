#include "emailextraction.h"

namespace Moniagent {

QString EmailExtractionEnums::key(ExtractionOutcome outcome)
{
    switch (outcome) {
    case ExtractionOutcome::Success:
        return QStringLiteral("SUCCESS");
    case ExtractionOutcome::Failed:
        return QStringLiteral("FAILED");
    case ExtractionOutcome::Skipped:
        return QStringLiteral("SKIPPED");
    }
    return QStringLiteral("FAILED");
}

std::optional<ExtractionOutcome> EmailExtractionEnums::outcomeFromKey(QStringView key)
{
    for (ExtractionOutcome outcome :
         {ExtractionOutcome::Success, ExtractionOutcome::Failed, ExtractionOutcome::Skipped}) {
        if (EmailExtractionEnums::key(outcome) == key)
            return outcome;
    }
    return std::nullopt;
}

QString EmailExtractionEnums::displayName(ExtractionOutcome outcome)
{
    switch (outcome) {
    case ExtractionOutcome::Success:
        return tr("Success");
    case ExtractionOutcome::Failed:
        return tr("Failed");
    case ExtractionOutcome::Skipped:
        return tr("Skipped");
    }
    return {};
}

} // namespace Moniagent
