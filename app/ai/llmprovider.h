#pragma once

#include "ai/llmtypes.h"
#include "core/aisettings.h"
#include "core/result.h"

#include <QCoreApplication>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace Moniagent {

class LlmReply;
class LlmWireFormat;

// Where and how to reach a model. Built from the profile's AiSettings and the key from the keychain.
struct LlmProviderConfig
{
    AiSettings::Provider kind = AiSettings::Provider::OpenAi;
    QString providerId; // for accounting and pricing: "openai", "ollama", "anthropic" … (LlmProviderPresets::idFor)
    QString baseUrl;
    QString model;
    QString apiKey; // never logged
    // Whether the server understands OpenAI's response_format json_schema; otherwise the schema goes into the
    // system prompt. Structured replies are validated either way.
    bool nativeJsonSchema = true;
    int connectTimeoutMs = 15'000; // until the response headers arrive
    int idleTimeoutMs = 60'000; // between two pieces of the response
    int maxAttempts = 3; // retries on 429, 5xx and dropped connections, before anything was streamed
    int initialBackoffMs = 1'000; // doubled after each attempt
    int maxBackoffMs = 20'000;
    int maxRetryAfterMs = 60'000; // a longer Retry-After fails the call with a message instead of waiting

    static LlmProviderConfig fromSettings(const AiSettings& settings, const QString& apiKey);
};

// A language model behind an HTTP API: OpenAiProvider (Chat Completions, any OpenAI-compatible server) or
// AnthropicProvider (Messages API). Asynchronous on the thread that owns it; nothing blocks.
class LlmProvider : public QObject
{
    Q_OBJECT
public:
    ~LlmProvider() override;

    // The provider for the settings (null for Provider::None). `network` may be null (the provider makes one).
    static std::unique_ptr<LlmProvider> create(const LlmProviderConfig& config,
                                               QNetworkAccessManager* network = nullptr, QObject* parent = nullptr);

    const LlmProviderConfig& config() const { return m_config; }
    // "gpt-4o-mini via OpenAI"
    QString displayName() const;

    // Sends a request. The reply emits textDelta() (streaming only), then toolCalls() when the model asked for
    // tools, then exactly one of finished(), failed() or cancelled(). The reply is a child of the provider;
    // delete it (deleteLater) when done with it.
    LlmReply* send(const LlmRequest& request);

    // The models the server offers (GET /models, or /v1/models for Anthropic), sorted. `done` runs on this
    // thread while `context` lives.
    void listModels(QObject* context, std::function<void(Result<QStringList>)> done);
    // Checks that the server answers and accepts the key (listing the models, which costs nothing). The
    // result is a translated line for the settings page ("Connected: 12 models, llama3.2 among them.").
    void testConnection(QObject* context, std::function<void(Result<QString>)> done);

protected:
    LlmProvider(const LlmProviderConfig& config, std::shared_ptr<const LlmWireFormat> format,
                QNetworkAccessManager* network, QObject* parent);

private:
    LlmProviderConfig m_config;
    std::shared_ptr<const LlmWireFormat> m_format;
    QNetworkAccessManager* m_network;
};

} // namespace Moniagent
