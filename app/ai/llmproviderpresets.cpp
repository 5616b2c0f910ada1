#include "llmproviderpresets.h"

#include <QHostAddress>
#include <QUrl>

namespace Moniagent {

const QList<LlmProviderPreset>& LlmProviderPresets::all()
{
    using P = AiSettings::Provider;
    static const QList<LlmProviderPreset> presets {
        {QStringLiteral("openai"), QStringLiteral("OpenAI"), P::OpenAi, QStringLiteral("https://api.openai.com/v1"),
         false, true, true, QStringLiteral("gpt-4o-mini")},
        {QStringLiteral("anthropic"), QStringLiteral("Anthropic"), P::Anthropic,
         QStringLiteral("https://api.anthropic.com"), false, true, false, QStringLiteral("claude-3-5-haiku-latest")},
        {QStringLiteral("ollama"), QStringLiteral("Ollama"), P::OpenAi, QStringLiteral("http://localhost:11434/v1"),
         true, false, true, QStringLiteral("llama3.2")},
        {QStringLiteral("lmstudio"), QStringLiteral("LM Studio"), P::OpenAi, QStringLiteral("http://localhost:1234/v1"),
         true, false, true, QString()},
        {QStringLiteral("llamacpp"), QStringLiteral("llama.cpp server"), P::OpenAi,
         QStringLiteral("http://localhost:8080/v1"), true, false, true, QString()},
        {QStringLiteral("openrouter"), QStringLiteral("OpenRouter"), P::OpenAi,
         QStringLiteral("https://openrouter.ai/api/v1"), false, true, true, QStringLiteral("openai/gpt-4o-mini")},
        {QStringLiteral("mistral"), QStringLiteral("Mistral"), P::OpenAi, QStringLiteral("https://api.mistral.ai/v1"),
         false, true, true, QStringLiteral("mistral-small-latest")},
        {QStringLiteral("groq"), QStringLiteral("Groq"), P::OpenAi, QStringLiteral("https://api.groq.com/openai/v1"),
         false, true, false, QStringLiteral("llama-3.1-8b-instant")},
    };
    return presets;
}

const LlmProviderPreset* LlmProviderPresets::find(const QString& id)
{
    for (const auto& preset : all()) {
        if (preset.id == id)
            return &preset;
    }
    return nullptr;
}

const LlmProviderPreset* LlmProviderPresets::forUrl(const QString& baseUrl)
{
    const QUrl url(baseUrl.trimmed());
    for (const auto& preset : all()) {
        const QUrl presetUrl(preset.baseUrl);
        if (url.scheme() == presetUrl.scheme() && url.host().compare(presetUrl.host(), Qt::CaseInsensitive) == 0
            && url.port(url.scheme() == QLatin1String("https") ? 443 : 80)
                == presetUrl.port(presetUrl.scheme() == QLatin1String("https") ? 443 : 80))
            return &preset;
    }
    return nullptr;
}

QString LlmProviderPresets::idFor(AiSettings::Provider kind, const QString& baseUrl)
{
    if (const auto* preset = forUrl(baseUrl); preset && preset->kind == kind)
        return preset->id;
    return kind == AiSettings::Provider::Anthropic ? QStringLiteral("anthropic") : QStringLiteral("openai-compatible");
}

bool LlmProviderPresets::isLocal(const QString& baseUrl)
{
    const auto host = QUrl(baseUrl.trimmed()).host();
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

} // namespace Moniagent
