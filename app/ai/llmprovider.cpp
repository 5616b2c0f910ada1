#include "llmprovider.h"

#include "ai/anthropicprovider.h"
#include "ai/llmproviderpresets.h"
#include "ai/llmreply.h"
#include "ai/llmwireformat.h"
#include "ai/openaiprovider.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

namespace Moniagent {

LlmProviderConfig LlmProviderConfig::fromSettings(const AiSettings& settings, const QString& apiKey)
{
    LlmProviderConfig config;
    config.kind = settings.provider;
    config.baseUrl = settings.baseUrl.trimmed();
    config.model = settings.model.trimmed();
    config.apiKey = apiKey;
    config.providerId = LlmProviderPresets::idFor(settings.provider, config.baseUrl);
    if (const auto* preset = LlmProviderPresets::forUrl(config.baseUrl))
        config.nativeJsonSchema = preset->nativeJsonSchema;
    else
        config.nativeJsonSchema = settings.provider == AiSettings::Provider::OpenAi;
    if (settings.provider == AiSettings::Provider::Anthropic)
        config.nativeJsonSchema = false;
    return config;
}

LlmProvider::LlmProvider(const LlmProviderConfig& config, std::shared_ptr<const LlmWireFormat> format,
                         QNetworkAccessManager* network, QObject* parent)
    : QObject(parent)
    , m_config(config)
    , m_format(std::move(format))
    , m_network(network ? network : new QNetworkAccessManager(this))
{ }

LlmProvider::~LlmProvider() = default;

std::unique_ptr<LlmProvider> LlmProvider::create(const LlmProviderConfig& config, QNetworkAccessManager* network,
                                                 QObject* parent)
{
    switch (config.kind) {
    case AiSettings::Provider::None:
        return nullptr;
    case AiSettings::Provider::OpenAi:
        return std::make_unique<OpenAiProvider>(config, network, parent);
    case AiSettings::Provider::Anthropic:
        return std::make_unique<AnthropicProvider>(config, network, parent);
    }
    return nullptr;
}

QString LlmProvider::displayName() const
{
    QString name = m_format->providerName();
    if (const auto* preset = LlmProviderPresets::forUrl(m_config.baseUrl))
        name = preset->name;
    return tr("%1 via %2").arg(m_config.model, name);
}

LlmReply* LlmProvider::send(const LlmRequest& request)
{
    auto* reply = new LlmReply(m_network, m_format, m_config, request, this);
    // Started from the event loop so that the caller can connect first.
    QTimer::singleShot(0, reply, [reply]() {
        if (!reply->m_cancelled)
            reply->start();
    });
    reply->m_running = true;
    return reply;
}

void LlmProvider::listModels(QObject* context, std::function<void(Result<QStringList>)> done)
{
    auto request = m_format->modelsRequest(m_config);
    request.setTransferTimeout(m_config.connectTimeoutMs);
    auto* reply = m_network->get(request);
    QPointer<QObject> guard(context);
    const auto host = QUrl(m_config.baseUrl).host();
    connect(reply, &QNetworkReply::finished, this, [this, reply, guard, host, done = std::move(done)]() {
        reply->deleteLater();
        if (!guard)
            return;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const auto body = reply->readAll();
        if (status == 0) {
            done(Error {Error::Code::Io, tr("Could not reach %1: %2").arg(host, reply->errorString()), {}});
            return;
        }
        if (status == 401 || status == 403) {
            done(Error {Error::Code::InvalidInput, tr("%1 refused the API key (HTTP %2).").arg(host).arg(status),
                        LlmWireFormat::serverMessage(body)});
            return;
        }
        if (status < 200 || status >= 300) {
            done(Error {Error::Code::Io, tr("%1 answered with HTTP %2.").arg(host).arg(status),
                        LlmWireFormat::serverMessage(body)});
            return;
        }
        auto models = m_format->parseModels(body);
        if (!models) {
            done(Error {Error::Code::Io, tr("%1 sent a list of models Moniagent cannot read.").arg(host),
                        models.error().toString()});
            return;
        }
        auto list = *models;
        list.sort(Qt::CaseInsensitive);
        done(list);
    });
}

void LlmProvider::testConnection(QObject* context, std::function<void(Result<QString>)> done)
{
    const auto model = m_config.model;
    listModels(context, [done = std::move(done), model](Result<QStringList> models) {
        if (!models) {
            done(models.error());
            return;
        }
        const auto count = int(models->size());
        if (model.isEmpty())
            done(tr("Connected: %n model(s) available.", nullptr, count));
        else if (models->contains(model))
            done(tr("Connected: %n model(s) available, %1 among them.", nullptr, count).arg(model));
        else
            done(tr("Connected, but the server does not list the model %1 (%n model(s) available).", nullptr, count)
                     .arg(model));
    });
}

QString LlmWireFormat::serverMessage(const QByteArray& body)
{
    const auto json = QJsonDocument::fromJson(body).object();
    const auto error = json.value(QStringLiteral("error"));
    if (error.isObject())
        return error.toObject().value(QStringLiteral("message")).toString();
    if (error.isString())
        return error.toString();
    if (json.contains(QStringLiteral("message")))
        return json.value(QStringLiteral("message")).toString();
    return QString::fromUtf8(body.left(300)).simplified();
}

QString LlmWireFormat::schemaInstruction(const QJsonObject& schema)
{
    return QStringLiteral("\n\nReply with only one JSON object, no other text, that follows this JSON schema:\n")
        + QString::fromUtf8(QJsonDocument(schema).toJson(QJsonDocument::Compact));
}

Result<QStringList> LlmWireFormat::parseModels(const QByteArray& body) const
{
    const auto document = QJsonDocument::fromJson(body);
    if (!document.isObject() || !document.object().value(QStringLiteral("data")).isArray())
        return Error::invalidInput(QStringLiteral("No model list"));
    QStringList models;
    for (const auto& model : document.object().value(QStringLiteral("data")).toArray())
        models.append(model.toObject().value(QStringLiteral("id")).toString());
    models.removeAll(QString());
    return models;
}

QUrl LlmWireFormat::endpoint(const QString& base, const QString& path)
{
    QString url = base.trimmed();
    while (url.endsWith(u'/'))
        url.chop(1);
    return QUrl(url + path);
}

} // namespace Moniagent
