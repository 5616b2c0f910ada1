#pragma once

#include "ai/assistant.h"
#include "ai/llmtypes.h"
#include "ai/promptlibrary.h"
#include "core/aisettings.h"
#include "core/clock.h"

#include <QFutureWatcher>
#include <QPointer>

#include <memory>
#include <optional>

namespace Moniagent {

class AiInteractionRepository;
class Database;
class LlmAccounting;
class LlmProvider;
class LlmReply;
class LlmTransactionRepository;
class ToolSet;

// The assistant with a language model: a bounded tool-calling loop over the profile's read-only ToolSet, the
// final answer streamed through textDelta(). Every model call is accounted (type chat) and the monthly cap is
// checked before each one.
//
// Data is never instructions: tool results go back to the model only as tool results (JSON), under the system
// prompt's data rules. The model may call one extra tool, propose_change, to suggest a budget, a rule or a
// recategorization; it becomes a ProposedAction in the answer (a button the user confirms) and nothing is
// written. A proposal is accepted only when the user's own question asks for a change (askedForChange()); when
// a model tries anyway (for instance because a merchant name told it to), the tool answers "refused".
class LlmAssistant : public Assistant
{
    Q_OBJECT
public:
    static constexpr int DefaultMaxSteps = 6;
    static constexpr auto ProposeChangeTool = "propose_change";

    // Uses what it is given (none of it owned; all must outlive the assistant).
    LlmAssistant(LlmProvider* provider, const ToolSet* tools, LlmAccounting* accounting, qint64 userId,
                 const AiSettings& settings, const Clock& clock, QObject* parent = nullptr);
    ~LlmAssistant() override;

    // Everything for one profile, owned by the assistant: the provider from `settings` and `apiKey`, the
    // repositories and the accounting with the standard price list. Null when settings.provider is None.
    // `tools` is not owned.
    static std::unique_ptr<LlmAssistant> create(Database* database, qint64 userId, const AiSettings& settings,
                                                const QString& apiKey, const ToolSet* tools, const Clock& clock,
                                                QObject* parent = nullptr);

    void ask(const QString& question, const QList<ChatMessage>& history = {}) override;
    void cancel() override;
    bool isBusy() const override { return m_busy; }
    QString displayName() const override;

    // The chat session the calls are logged under (ai_interactions.session_id); empty for none.
    void setChatSessionId(std::optional<qint64> sessionId) { m_sessionId = sessionId; }
    // The profile's main currency, named in the system prompt.
    void setCurrency(const QString& currencyCode) { m_currency = currencyCode; }
    void setMaxSteps(int steps) { m_maxSteps = std::max(1, steps); }

    LlmProvider* provider() const { return m_provider; }
    // Whether the user's question asks for a change (create a budget or rule, recategorize, move …) in English
    // or German; only then is a propose_change call turned into a proposal.
    static bool askedForChange(const QString& question);
    // The definition of the propose_change tool sent beside the ToolSet's definitions.
    static ToolDefinition proposeChangeDefinition();

private:
    struct ToolOutcome
    {
        LlmToolCall call;
        QJsonObject result;
        QString error;
    };

    void runStep();
    void onModelFinished(const LlmResponse& response);
    void onModelFailed(const LlmError& error);
    void onToolsDone();
    QJsonObject proposeChange(const LlmToolCall& call);
    void account(const LlmRequest& request, const QString& output, std::optional<qint64> inputTokens,
                 std::optional<qint64> outputTokens, const QString& model, qint64 latencyMs);
    void finishWith(const QString& text);
    void failWith(const QString& message);
    void reset();

    LlmProvider* m_provider;
    const ToolSet* m_tools;
    LlmAccounting* m_accounting;
    qint64 m_userId;
    AiSettings m_settings;
    const Clock& m_clock;
    PromptTemplate m_prompt;
    QString m_currency;
    std::optional<qint64> m_sessionId;
    int m_maxSteps = DefaultMaxSteps;

    // The question in flight.
    bool m_busy = false;
    bool m_allowChanges = false;
    int m_step = 0;
    QList<LlmMessage> m_messages;
    LlmRequest m_lastRequest;
    QString m_text; // all streamed text
    AssistantAnswer m_answer;
    QPointer<LlmReply> m_reply;
    QElapsedTimer m_callTimer;
    QFutureWatcher<QList<ToolOutcome>>* m_toolWatcher = nullptr;
    QList<ToolOutcome> m_localOutcomes; // propose_change results, decided on this thread
    quint64 m_generation = 0; // bumped on cancel/finish: stale callbacks are ignored

    // Owned when made by create().
    std::unique_ptr<LlmProvider> m_ownedProvider;
    std::unique_ptr<AiInteractionRepository> m_ownedInteractions;
    std::unique_ptr<LlmTransactionRepository> m_ownedTransactions;
    std::unique_ptr<LlmAccounting> m_ownedAccounting;
};

} // namespace Moniagent
