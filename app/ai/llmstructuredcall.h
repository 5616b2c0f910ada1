#pragma once

#include "ai/llmpricing.h"
#include "ai/llmprovider.h"
#include "ai/llmtypes.h"
#include "ai/promptlibrary.h"
#include "core/aiinteraction.h"
#include "core/aisettings.h"
#include "core/result.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>

#include <functional>
#include <optional>

namespace Moniagent {

class Clock;
class Database;
class SecretStore;
class Session;

// The optional language-model stages (email extraction, category suggestion, receipt second opinion).
enum class LlmFeature
{
    Email,
    Categorization,
    Receipts,
};

// What the stages need to reach a profile's model from a worker thread. Copyable; everything it points to must
// outlive the jobs and stages that use it.
struct LlmStageEnvironment
{
    Database* database = nullptr;
    const Clock* clock = nullptr;
    // Reads a secret from the keychain by its key ("llm:openai:sam"); called on a worker thread and blocks it until
    // the keychain answered (SecretStore::readFromWorker). Unset: no key (servers that need none, like Ollama).
    std::function<Result<QString>(const QString& keychainKey)> readSecret;
    LlmPricing pricing = LlmPricing::builtIn();
    // Adjusts the provider configuration made from the settings (tests: short timeouts and backoff).
    std::function<void(LlmProviderConfig&)> adjustConfig;

    // The environment of an open profile: its database and clock, the standard price list, keys from `secrets`
    // (which must live on the thread that runs the event loop).
    static LlmStageEnvironment forSession(Session& session, SecretStore& secrets);
};

// One structured (JSON schema) model call made synchronously from a worker thread, as jobs do: the provider is made
// on the calling thread, a local event loop runs until the reply finished, failed or was cancelled (the cancel
// check is polled meanwhile), and the call is accounted through LlmAccounting (ai_interactions + llm_transactions:
// type, job id, prompt version and hash, tokens, latency) whether it succeeded or not. The monthly cap is checked
// first: when it is reached nothing is sent. Refused on the application's main thread, which must never block.
class LlmStructuredCall
{
    Q_DECLARE_TR_FUNCTIONS(Moniagent::LlmStructuredCall)
public:
    struct Call
    {
        AiInteractionType type = AiInteractionType::Advice;
        PromptTemplate prompt; // the system prompt, rendered with `values`; its id and hash are accounted
        QHash<QString, QString> values;
        QString input; // the data, sent as the user message
        QJsonObject schema;
        QString schemaName = QStringLiteral("answer");
        std::optional<qint64> jobId;
        int maxOutputTokens = 1024;
    };
    struct Outcome
    {
        std::optional<LlmResponse> response; // set on success; response->json is the validated structured output
        LlmError error; // when there is no response
        qint64 llmTransactionId = 0; // 0 when nothing was accounted (refused before sending)

        bool ok() const { return response.has_value(); }
    };

    // The call for `feature` of the profile, or nothing when the profile has no model configured or the feature is
    // switched off (then the caller stays offline and no request is ever made). An Error when the settings or the
    // key cannot be read. Reads the database on the calling thread.
    static Result<std::optional<LlmStructuredCall>> forFeature(const LlmStageEnvironment& environment, qint64 userId,
                                                               LlmFeature feature);
    static bool isEnabled(const AiSettings& settings, LlmFeature feature);

    LlmStructuredCall(const LlmStageEnvironment& environment, qint64 userId, const AiSettings& settings,
                      const LlmProviderConfig& config);

    // Polled every `pollMs` while a call waits; true cancels the call.
    void setCancelCheck(std::function<bool()> cancelled, int pollMs = 100);

    // Blocks the calling (worker) thread until the call ended.
    Outcome run(const Call& call) const;

    const AiSettings& settings() const { return m_settings; }
    const LlmProviderConfig& config() const { return m_config; }

private:
    LlmStageEnvironment m_environment;
    qint64 m_userId = 0;
    AiSettings m_settings;
    LlmProviderConfig m_config;
    std::function<bool()> m_cancelled;
    int m_pollMs = 100;
};

} // namespace Moniagent
