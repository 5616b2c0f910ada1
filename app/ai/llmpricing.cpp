#include "llmpricing.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

namespace Moniagent {

Result<LlmPricing> LlmPricing::fromJson(const QByteArray& json)
{
    QJsonParseError error;
    const auto document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return Error::invalidInput(tr("The price list is not valid JSON."), error.errorString());
    const auto root = document.object();
    LlmPricing pricing;
    pricing.m_currency = root.value(QStringLiteral("currency")).toString(QStringLiteral("USD"));
    const auto providers = root.value(QStringLiteral("providers")).toObject();
    for (auto provider = providers.begin(); provider != providers.end(); ++provider) {
        const auto models = provider.value().toObject();
        for (auto model = models.begin(); model != models.end(); ++model) {
            const auto entry = model.value().toObject();
            const auto input = entry.value(QStringLiteral("input"));
            const auto output = entry.value(QStringLiteral("output"));
            if (!input.isDouble() || !output.isDouble() || input.toDouble() < 0 || output.toDouble() < 0)
                return Error::invalidInput(
                    tr("The price of %1 %2 must be two whole numbers.").arg(provider.key(), model.key()));
            // Whole micro-units (JSON numbers up to 2^53 are exact).
            pricing.m_prices[provider.key()][model.key()] = {input.toInteger(), output.toInteger(), true};
        }
    }
    return pricing;
}

LlmPricing LlmPricing::builtIn()
{
    QFile file(QStringLiteral(":/ai/pricing.json"));
    if (file.open(QIODevice::ReadOnly)) {
        auto pricing = fromJson(file.readAll());
        if (pricing)
            return *pricing;
    }
    return {};
}

LlmPricing LlmPricing::standard()
{
    const auto dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QFile file(QDir(dir).filePath(QStringLiteral("pricing.json")));
    if (!dir.isEmpty() && file.open(QIODevice::ReadOnly)) {
        auto pricing = fromJson(file.readAll());
        if (pricing)
            return *pricing;
    }
    return builtIn();
}

LlmPricing::Price LlmPricing::price(const QString& providerId, const QString& model) const
{
    const auto provider = m_prices.constFind(providerId);
    if (provider == m_prices.constEnd())
        return {};
    if (auto exact = provider->constFind(model); exact != provider->constEnd())
        return *exact;
    Price best;
    qsizetype bestLength = 0;
    for (auto it = provider->begin(); it != provider->end(); ++it) {
        if (it.key().size() > bestLength && model.startsWith(it.key())) {
            best = it.value();
            bestLength = it.key().size();
        }
    }
    return best;
}

qint64 LlmPricing::costMicros(const Price& price, qint64 inputTokens, qint64 outputTokens)
{
    constexpr qint64 Million = 1'000'000;
    // tokens × price / 1,000,000 = whole millions × price + (the rest × price) / 1,000,000: exact, no overflow.
    inputTokens = std::max<qint64>(0, inputTokens);
    outputTokens = std::max<qint64>(0, outputTokens);
    const qint64 whole = (inputTokens / Million) * price.inputMicrosPerMillion
        + (outputTokens / Million) * price.outputMicrosPerMillion;
    const qint64 rest = (inputTokens % Million) * price.inputMicrosPerMillion
        + (outputTokens % Million) * price.outputMicrosPerMillion;
    return whole + (rest + Million / 2) / Million;
}

qint64 LlmPricing::costMicros(const QString& providerId, const QString& model, qint64 inputTokens,
                              qint64 outputTokens) const
{
    return costMicros(price(providerId, model), inputTokens, outputTokens);
}

} // namespace Moniagent
