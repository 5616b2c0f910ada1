#include "aiinteraction.h"

namespace Moniagent {

QString AiInteractionEnums::key(AiInteractionType type)
{
    switch (type) {
    case AiInteractionType::InvoiceProcessing:
        return QStringLiteral("invoice_processing");
    case AiInteractionType::Categorization:
        return QStringLiteral("categorization");
    case AiInteractionType::Advice:
        return QStringLiteral("advice");
    case AiInteractionType::EmailExtraction:
        return QStringLiteral("email_extraction");
    case AiInteractionType::Chat:
        return QStringLiteral("chat");
    }
    return QStringLiteral("chat");
}

std::optional<AiInteractionType> AiInteractionEnums::typeFromKey(QStringView key)
{
    for (AiInteractionType type : allTypes()) {
        if (AiInteractionEnums::key(type) == key)
            return type;
    }
    return std::nullopt;
}

QString AiInteractionEnums::displayName(AiInteractionType type)
{
    switch (type) {
    case AiInteractionType::InvoiceProcessing:
        return tr("Receipt reading");
    case AiInteractionType::Categorization:
        return tr("Categorization");
    case AiInteractionType::Advice:
        return tr("Advice");
    case AiInteractionType::EmailExtraction:
        return tr("Email reading");
    case AiInteractionType::Chat:
        return tr("Chat");
    }
    return {};
}

QList<AiInteractionType> AiInteractionEnums::allTypes()
{
    return {AiInteractionType::InvoiceProcessing, AiInteractionType::Categorization, AiInteractionType::Advice,
            AiInteractionType::EmailExtraction, AiInteractionType::Chat};
}

} // namespace Moniagent
