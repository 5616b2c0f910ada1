#include "llmaccounting.h"

#include "core/llmtransaction.h"
#include "db/aiinteractionrepository.h"
#include "db/database.h"
#include "db/llmtransactionrepository.h"
#include "db/sqltransaction.h"

#include <QLocale>

namespace Moniagent {

LlmAccounting::LlmAccounting(Database* database, AiInteractionRepository* interactions,
                             LlmTransactionRepository* transactions, LlmPricing pricing, const Clock& clock)
    : m_database(database)
    , m_interactions(interactions)
    , m_transactions(transactions)
    , m_pricing(std::move(pricing))
    , m_clock(clock)
{ }

Result<qint64> LlmAccounting::monthToDateCost(qint64 userId, const QString& currency) const
{
    auto costs = m_transactions->monthToDateCost(userId, m_clock.today());
    if (!costs)
        return costs.error();
    return costs->value(currency, 0);
}

Result<void> LlmAccounting::checkCap(qint64 userId, const AiSettings& settings) const
{
    if (!settings.monthlyCapMicros)
        return {};
    auto spent = monthToDateCost(userId, settings.capCurrency);
    if (!spent)
        return spent.error();
    if (*spent >= *settings.monthlyCapMicros) {
        const QLocale locale;
        return Error::conflict(
            tr("This month's limit for the AI assistant is reached: %1 of %2 spent. Raise the limit in the AI "
               "settings or wait until next month; the offline assistant still answers.")
                .arg(LlmTransaction::formatCost(*spent, settings.capCurrency, locale),
                     LlmTransaction::formatCost(*settings.monthlyCapMicros, settings.capCurrency, locale)));
    }
    return {};
}

Result<qint64> LlmAccounting::record(qint64 userId, const LlmCallRecord& call)
{
    SqlTransaction transaction(m_database->connection());
    if (!transaction.isActive())
        return transaction.error();

    AiInteraction interaction;
    interaction.type = call.type;
    interaction.sessionId = call.sessionId;
    interaction.inputData = call.input;
    interaction.outputData = call.output;
    interaction.modelUsed = call.model.left(AiInteractionRepository::MaxModelLength);
    interaction.createdAt = m_clock.nowUtc();
    auto interactionId = m_interactions->add(userId, interaction);
    if (!interactionId && interaction.sessionId && interactionId.error().code == Error::Code::NotFound) {
        // The conversation was deleted meanwhile: keep the call, without the session.
        interaction.sessionId.reset();
        interactionId = m_interactions->add(userId, interaction);
    }
    if (!interactionId)
        return interactionId.error();

    LlmTransaction row;
    row.jobId = call.jobId;
    row.interactionId = *interactionId;
    row.provider = call.providerId.isEmpty() ? QStringLiteral("unknown") : call.providerId;
    row.modelName = call.model.isEmpty() ? QStringLiteral("unknown") : call.model;
    row.promptVersion = call.promptVersion;
    row.promptHash = call.promptHash;
    row.inputTokens = call.inputTokens;
    row.outputTokens = call.outputTokens;
    if (call.inputTokens || call.outputTokens)
        row.totalTokens = call.inputTokens.value_or(0) + call.outputTokens.value_or(0);
    row.costCurrency = m_pricing.currency();
    row.estimatedCostMicros = m_pricing.costMicros(row.provider, row.modelName, call.inputTokens.value_or(0),
                                                   call.outputTokens.value_or(0));
    row.latencyMs = std::max<qint64>(0, call.latencyMs);
    row.createdAt = m_clock.nowUtc();
    auto id = m_transactions->add(userId, row);
    if (!id)
        return id.error();
    auto committed = transaction.commit();
    if (!committed)
        return committed.error();
    return *id;
}

} // namespace Moniagent
