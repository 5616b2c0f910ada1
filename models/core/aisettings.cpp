#include "aisettings.h"

namespace Moniagent {

QString AiSettings::providerKey(Provider provider)
{
    switch (provider) {
    case Provider::None:
        return QStringLiteral("none");
    case Provider::OpenAi:
        return QStringLiteral("openai");
    case Provider::Anthropic:
        return QStringLiteral("anthropic");
    }
    return QStringLiteral("none");
}

std::optional<AiSettings::Provider> AiSettings::providerFromKey(QStringView key)
{
    for (auto provider : {Provider::None, Provider::OpenAi, Provider::Anthropic}) {
        if (key == providerKey(provider))
            return provider;
    }
    return std::nullopt;
}

} // namespace Moniagent
