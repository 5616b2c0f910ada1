#include "categorizationfeedback.h"

namespace Moniagent {

QString CategorizationFeedbackEnums::key(FeedbackType type)
{
    switch (type) {
    case FeedbackType::Confirmation:
        return QStringLiteral("confirmation");
    case FeedbackType::Correction:
        return QStringLiteral("correction");
    }
    return {};
}

std::optional<FeedbackType> CategorizationFeedbackEnums::typeFromKey(QStringView key)
{
    if (key == u"confirmation")
        return FeedbackType::Confirmation;
    if (key == u"correction")
        return FeedbackType::Correction;
    return std::nullopt;
}

QString CategorizationFeedbackEnums::displayName(FeedbackType type)
{
    switch (type) {
    case FeedbackType::Confirmation:
        return tr("Confirmed");
    case FeedbackType::Correction:
        return tr("Corrected");
    }
    return {};
}

} // namespace Moniagent
