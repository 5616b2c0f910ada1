#include "aisettingsrepository.h"

#include "database.h"
#include "sql.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

namespace Moniagent {

namespace {
QString featuresJson(const AiFeatures& features)
{
    QJsonObject json {{QStringLiteral("chat"), features.chat},
                      {QStringLiteral("receipts"), features.receipts},
                      {QStringLiteral("email"), features.email},
                      {QStringLiteral("categorization"), features.categorization}};
    return QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact));
}

AiFeatures featuresFrom(const QString& text)
{
    const auto json = QJsonDocument::fromJson(text.toUtf8()).object();
    AiFeatures features;
    features.chat = json.value(QStringLiteral("chat")).toBool();
    features.receipts = json.value(QStringLiteral("receipts")).toBool();
    features.email = json.value(QStringLiteral("email")).toBool();
    features.categorization = json.value(QStringLiteral("categorization")).toBool();
    return features;
}
} // namespace

AiSettingsRepository::AiSettingsRepository(Database* database)
    : m_database(database)
{ }

Result<void> AiSettingsRepository::validate(const AiSettings& settings)
{
    if (settings.provider != AiSettings::Provider::None) {
        const QUrl url(settings.baseUrl, QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty()
            || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
            return Error::invalidInput(tr("The server address must be an http:// or https:// address."),
                                       settings.baseUrl);
        if (settings.model.trimmed().isEmpty())
            return Error::invalidInput(tr("Choose a model."));
    }
    if (settings.monthlyCapMicros && *settings.monthlyCapMicros < 0)
        return Error::invalidInput(tr("The monthly spending limit cannot be negative."));
    if (settings.capCurrency.size() != 3)
        return Error::invalidInput(tr("The currency of the spending limit must be a three-letter code."),
                                   settings.capCurrency);
    return {};
}

Result<AiSettings> AiSettingsRepository::settings(qint64 userId) const
{
    auto query
        = Sql::exec(m_database->connection(),
                    QStringLiteral("SELECT provider, base_url, model, features, monthly_cap_micros, cap_currency "
                                   "FROM ai_settings WHERE user_id = ?"),
                    {userId});
    if (!query)
        return query.error();
    AiSettings settings;
    if (query->next()) {
        settings.provider
            = AiSettings::providerFromKey(query->value(0).toString()).value_or(AiSettings::Provider::None);
        settings.baseUrl = query->value(1).toString();
        settings.model = query->value(2).toString();
        settings.features = featuresFrom(query->value(3).toString());
        settings.monthlyCapMicros = Sql::optionalId(query->value(4));
        settings.capCurrency = query->value(5).toString();
    }
    return settings;
}

Result<void> AiSettingsRepository::save(qint64 userId, const AiSettings& settings)
{
    auto valid = validate(settings);
    if (!valid)
        return valid;
    auto result = Sql::exec(
        m_database->connection(),
        QStringLiteral("INSERT INTO ai_settings (user_id, provider, base_url, model, features, monthly_cap_micros, "
                       "cap_currency) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (user_id) DO UPDATE SET "
                       "provider = excluded.provider, base_url = excluded.base_url, model = excluded.model, "
                       "features = excluded.features, monthly_cap_micros = excluded.monthly_cap_micros, "
                       "cap_currency = excluded.cap_currency, "
                       "updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"),
        {userId, AiSettings::providerKey(settings.provider), settings.baseUrl.trimmed(), settings.model.trimmed(),
         featuresJson(settings.features), Sql::nullable(settings.monthlyCapMicros), settings.capCurrency.toUpper()});
    if (!result)
        return result.error();
    return {};
}

} // namespace Moniagent
