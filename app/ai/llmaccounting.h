#pragma once

#include "ai/llmpricing.h"
#include "ai/llmtypes.h"
#include "ai/promptlibrary.h"
#include "core/aiinteraction.h"
#include "core/aisettings.h"
#include "core/clock.h"
#include "core/result.h"

#include <QCoreApplication>

#include <optional>

namespace Moniagent {

class AiInteractionRepository;
class Database;
class LlmTransactionRepository;

// One model call to account for, successful or not.
struct LlmCallRecord
{
    AiInteractionType type = AiInteractionType::Chat;
    std::optional<qint64> sessionId; // chat_sessions id, for chat calls
    std::optional<qint64> jobId; // when the call was made by a job
    QString providerId; // "openai", "ollama" … (LlmProviderConfig::providerId)
    QString model; // the model that answered, else the configured one
    QString promptVersion; // "assistant-system.v1"
    QString promptHash; // sha256 hex of the template
    QString input; // what was sent (the conversation, as JSON text)
    QString output; // the answer, tool calls, or the error message
    std::optional<qint64> inputTokens; // from the response's usage (empty: the provider reported none)
    std::optional<qint64> outputTokens;
    qint64 latencyMs = 0;
};

// Accounts for language-model calls: every call writes an ai_interactions row (type, input, output, model) and an
// llm_transactions row (provider, model, prompt version and hash, tokens, estimated cost from the price list,
// latency, job and interaction), in one transaction; and enforces the profile's monthly spending cap before a
// call. Not thread-safe beyond what the repositories are: use it on one thread.
class LlmAccounting
{
    Q_DECLARE_TR_FUNCTIONS(Moniagent::LlmAccounting)
public:
    LlmAccounting(Database* database, AiInteractionRepository* interactions, LlmTransactionRepository* transactions,
                  LlmPricing pricing, const Clock& clock);

    const LlmPricing& pricing() const { return m_pricing; }

    // An Error (Code::Conflict) with a clear message when this month's estimated cost has reached the cap in
    // `settings`; nothing otherwise (also when there is no cap).
    Result<void> checkCap(qint64 userId, const AiSettings& settings) const;
    // This month's estimated cost so far in the cap currency (micro-units).
    Result<qint64> monthToDateCost(qint64 userId, const QString& currency) const;
    // Writes both rows; returns the llm_transactions id.
    Result<qint64> record(qint64 userId, const LlmCallRecord& call);

private:
    Database* m_database;
    AiInteractionRepository* m_interactions;
    LlmTransactionRepository* m_transactions;
    LlmPricing m_pricing;
    const Clock& m_clock;
};

} // namespace Moniagent
