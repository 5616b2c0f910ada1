#pragma once

#include "core/result.h"

#include <QCoreApplication>
#include <QHash>
#include <QString>

namespace Moniagent {

// The editable price list of language models (resources/ai/pricing.json, overridden by a pricing.json in the
// application's data folder): per provider and model, what a million input and output tokens cost in integer
// micro-units of one currency. Models it does not list (local models, unknown names) cost 0. Costs are computed
// in integers, rounded half up to a whole micro-unit.
class LlmPricing
{
    Q_DECLARE_TR_FUNCTIONS(Moniagent::LlmPricing)
public:
    struct Price
    {
        qint64 inputMicrosPerMillion = 0;
        qint64 outputMicrosPerMillion = 0;
        bool known = false;
    };

    static Result<LlmPricing> fromJson(const QByteArray& json);
    // The built-in table (:/ai/pricing.json).
    static LlmPricing builtIn();
    // <AppDataLocation>/pricing.json when it exists and reads, else the built-in table.
    static LlmPricing standard();

    QString currency() const { return m_currency; }
    // Exact model name first, then the longest listed name the model starts with ("gpt-4o-mini-2024-07-18" →
    // "gpt-4o-mini").
    Price price(const QString& providerId, const QString& model) const;
    qint64 costMicros(const QString& providerId, const QString& model, qint64 inputTokens, qint64 outputTokens) const;
    // tokens × price per million / 1,000,000, rounded half up, in integers.
    static qint64 costMicros(const Price& price, qint64 inputTokens, qint64 outputTokens);

private:
    QString m_currency = QStringLiteral("USD");
    QHash<QString, QHash<QString, Price>> m_prices; // provider → model → price
};

} // namespace Moniagent
