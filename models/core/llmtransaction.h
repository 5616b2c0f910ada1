#pragma once

#include <QDate>
#include <QDateTime>
#include <QLocale>
#include <QMetaType>
#include <QString>

#include <optional>

namespace Moniagent {

// One billed call to a language model (table `llm_transactions`): tokens, latency and the estimated cost
// from the editable pricing table. The cost is an exact integer number of micro-units (1e-6) of
// `costCurrency` (1 = 0.000001 USD), never a floating-point value.
struct LlmTransaction
{
    static constexpr qint64 MicrosPerUnit = 1'000'000;

    qint64 id = 0;
    std::optional<qint64> userId;
    std::optional<qint64> jobId;
    std::optional<qint64> interactionId;
    QString provider; // "openai", "anthropic", "ollama" …
    QString modelName;
    QString promptVersion;
    QString promptHash;
    // Missing counts are stored as 0. A missing total is input + output; a given one must equal it.
    std::optional<qint64> inputTokens;
    std::optional<qint64> outputTokens;
    std::optional<qint64> totalTokens;
    qint64 estimatedCostMicros = 0;
    QString costCurrency = QStringLiteral("USD");
    qint64 latencyMs = 0;
    QDateTime createdAt; // UTC; the database's current time when not given

    // "$0.001234", "1,50 USD": the amount with as many fraction digits as it needs, at least the
    // currency's own (so whole cents look like money), at most six.
    static QString formatCost(qint64 micros, QStringView currencyCode, const QLocale& locale = QLocale());
    QString costText(const QLocale& locale = QLocale()) const
    {
        return formatCost(estimatedCostMicros, costCurrency, locale);
    }
};

// Usage summed over a day (usageByDay), a provider and model (usageByModel) or a feature (usageByFeature), per cost
// currency.
struct LlmUsage
{
    QDate day; // local calendar day; set by usageByDay
    QString provider; // set by usageByModel
    QString modelName; // set by usageByModel
    QString feature; // set by usageByFeature: the ai_interactions type key ("chat" …); empty when not linked
    QString costCurrency;
    qint64 calls = 0;
    qint64 inputTokens = 0;
    qint64 outputTokens = 0;
    qint64 totalTokens = 0;
    qint64 estimatedCostMicros = 0;
    qint64 averageLatencyMs = 0; // rounded half up
};

} // namespace Moniagent

Q_DECLARE_METATYPE(Moniagent::LlmTransaction)
Q_DECLARE_METATYPE(Moniagent::LlmUsage)
