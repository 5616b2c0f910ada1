#pragma once

#include <QMetaType>
#include <QString>

#include <optional>

namespace Moniagent {

// Which language-model features a profile has switched on. All off by default: nothing leaves the machine
// until the user says so.
struct AiFeatures
{
    bool chat = false; // the assistant in the chat dock and `ask`
    bool receipts = false; // a second opinion on receipts the parser is unsure of
    bool email = false; // extracting purchases from emails
    bool categorization = false; // suggesting a category when rules and the learned model are unsure

    friend bool operator==(const AiFeatures&, const AiFeatures&) = default;
};

// The language-model settings of one profile (table `ai_settings`). The API key is not here: it is in the
// keychain under SecretStore::llmKey(providerKey(provider), username).
struct AiSettings
{
    enum class Provider
    {
        None, // the offline assistant only; no network
        OpenAi, // any OpenAI-compatible Chat Completions endpoint (OpenAI, Ollama, LM Studio, llama.cpp, …)
        Anthropic // the Anthropic Messages API
    };

    Provider provider = Provider::None;
    QString baseUrl; // e.g. "https://api.openai.com/v1", "http://localhost:11434/v1", "https://api.anthropic.com"
    QString model;
    AiFeatures features;
    std::optional<qint64> monthlyCapMicros; // spending cap per calendar month in micro-units; empty = no cap
    QString capCurrency = QStringLiteral("USD");

    bool isConfigured() const { return provider != Provider::None && !baseUrl.isEmpty() && !model.isEmpty(); }

    // "none", "openai", "anthropic"
    static QString providerKey(Provider provider);
    static std::optional<Provider> providerFromKey(QStringView key);

    friend bool operator==(const AiSettings&, const AiSettings&) = default;
};

} // namespace Moniagent

Q_DECLARE_METATYPE(Moniagent::AiSettings)
