#pragma once

#include "core/aisettings.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace Moniagent {

// A known server to pick in the AI settings: it fills the API kind and base URL.
struct LlmProviderPreset
{
    QString id; // "openai", "ollama", "lmstudio", "llamacpp", "openrouter", "mistral", "groq", "anthropic"
    QString name; // "OpenAI", "Ollama" … (product names, not translated)
    AiSettings::Provider kind = AiSettings::Provider::OpenAi;
    QString baseUrl;
    bool local = false; // runs on this computer: nothing leaves the machine, no key needed
    bool needsKey = true;
    bool nativeJsonSchema = true; // understands response_format json_schema
    QString suggestedModel;
};

class LlmProviderPresets
{
    Q_DECLARE_TR_FUNCTIONS(Moniagent::LlmProviderPresets)
public:
    static const QList<LlmProviderPreset>& all();
    static const LlmProviderPreset* find(const QString& id);
    // The preset whose base URL matches `baseUrl` (scheme, host and port), or null.
    static const LlmProviderPreset* forUrl(const QString& baseUrl);
    // The id used for accounting and pricing: the matching preset's id, else "openai-compatible" or "anthropic".
    static QString idFor(AiSettings::Provider kind, const QString& baseUrl);
    // Whether the address is this computer (localhost, 127.0.0.1, ::1): nothing leaves the machine.
    static bool isLocal(const QString& baseUrl);
};

} // namespace Moniagent
