#include "anthropicprovider.h"

#include "ai/llmwireformat.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>

namespace Moniagent {

namespace {

std::optional<qint64> tokens(const QJsonObject& usage, const QString& key)
{
    if (!usage.contains(key) || !usage.value(key).isDouble())
        return std::nullopt;
    return qint64(usage.value(key).toDouble());
}

QString compactJson(const QJsonObject& object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

class AnthropicStreamParser final : public LlmStreamParser
{
public:
    Result<void> onEvent(const SseEvent& event, QString& text) override
    {
        QJsonParseError parseError;
        const auto document = QJsonDocument::fromJson(event.data.toUtf8(), &parseError);
        if (parseError.error != QJsonParseError::NoError || !document.isObject())
            return Error::invalidInput(QStringLiteral("Broken JSON in the stream"),
                                       parseError.errorString() + QStringLiteral(": ") + event.data.left(200));
        const auto json = document.object();
        const auto type = event.type.isEmpty() ? json.value(QStringLiteral("type")).toString() : event.type;
        if (type == QLatin1String("message_start")) {
            const auto message = json.value(QStringLiteral("message")).toObject();
            m_response.model = message.value(QStringLiteral("model")).toString();
            const auto usage = message.value(QStringLiteral("usage")).toObject();
            m_response.inputTokens = tokens(usage, QStringLiteral("input_tokens"));
            if (auto output = tokens(usage, QStringLiteral("output_tokens")))
                m_response.outputTokens = output;
        } else if (type == QLatin1String("content_block_start")) {
            const int index = json.value(QStringLiteral("index")).toInt();
            const auto block = json.value(QStringLiteral("content_block")).toObject();
            if (block.value(QStringLiteral("type")).toString() == QLatin1String("tool_use")) {
                auto& call = m_calls[index];
                call.id = block.value(QStringLiteral("id")).toString();
                call.name = block.value(QStringLiteral("name")).toString();
            } else {
                const auto initial = block.value(QStringLiteral("text")).toString();
                text += initial;
                m_response.text += initial;
            }
        } else if (type == QLatin1String("content_block_delta")) {
            const int index = json.value(QStringLiteral("index")).toInt();
            const auto delta = json.value(QStringLiteral("delta")).toObject();
            const auto deltaType = delta.value(QStringLiteral("type")).toString();
            if (deltaType == QLatin1String("text_delta")) {
                const auto piece = delta.value(QStringLiteral("text")).toString();
                text += piece;
                m_response.text += piece;
            } else if (deltaType == QLatin1String("input_json_delta")) {
                m_calls[index].rawArguments += delta.value(QStringLiteral("partial_json")).toString();
            }
        } else if (type == QLatin1String("message_delta")) {
            const auto delta = json.value(QStringLiteral("delta")).toObject();
            if (delta.contains(QStringLiteral("stop_reason")))
                m_response.stopReason = delta.value(QStringLiteral("stop_reason")).toString();
            const auto usage = json.value(QStringLiteral("usage")).toObject();
            if (auto output = tokens(usage, QStringLiteral("output_tokens")))
                m_response.outputTokens = output;
            if (auto input = tokens(usage, QStringLiteral("input_tokens")))
                m_response.inputTokens = input;
        } else if (type == QLatin1String("message_stop")) {
            m_done = true;
        } else if (type == QLatin1String("error")) {
            return Error::invalidInput(
                QStringLiteral("The stream reported an error"),
                json.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString());
        }
        // ping, content_block_stop and unknown events need nothing.
        return {};
    }

    bool isDone() const override { return m_done; }

    LlmResponse result() const override
    {
        auto response = m_response;
        for (auto call : m_calls) {
            const auto raw = call.rawArguments.trimmed().isEmpty() ? QStringLiteral("{}") : call.rawArguments;
            call.rawArguments = raw;
            call.arguments = QJsonDocument::fromJson(raw.toUtf8()).object();
            response.toolCalls.append(call);
        }
        return response;
    }

private:
    LlmResponse m_response;
    QMap<int, LlmToolCall> m_calls;
    bool m_done = false;
};

class AnthropicWireFormat final : public LlmWireFormat
{
public:
    QString providerName() const override { return QStringLiteral("Anthropic"); }

    static QString apiBase(const QString& baseUrl)
    {
        QString base = baseUrl.trimmed();
        while (base.endsWith(u'/'))
            base.chop(1);
        if (base.endsWith(QLatin1String("/v1")))
            base.chop(3);
        return base;
    }

    static void setHeaders(QNetworkRequest& request, const LlmProviderConfig& config)
    {
        request.setRawHeader("anthropic-version", AnthropicProvider::ApiVersion);
        if (!config.apiKey.isEmpty())
            request.setRawHeader("x-api-key", config.apiKey.toUtf8());
    }

    QNetworkRequest chatRequest(const LlmProviderConfig& config, bool stream) const override
    {
        QNetworkRequest request(endpoint(apiBase(config.baseUrl), QStringLiteral("/v1/messages")));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        request.setRawHeader("Accept", stream ? "text/event-stream" : "application/json");
        setHeaders(request, config);
        return request;
    }

    QByteArray chatBody(const LlmRequest& request, const LlmProviderConfig& config) const override
    {
        // The Messages API wants user and assistant turns alternating: neighbours with the same role are merged
        // (tool results travel as tool_result blocks in a user turn).
        QJsonArray messages;
        QString lastRole;
        auto append = [&](const QString& role, const QJsonArray& blocks) {
            if (blocks.isEmpty())
                return;
            if (role == lastRole && !messages.isEmpty()) {
                auto last = messages.last().toObject();
                auto content = last.value(QStringLiteral("content")).toArray();
                for (const auto& block : blocks)
                    content.append(block);
                last.insert(QStringLiteral("content"), content);
                messages.replace(messages.size() - 1, last);
            } else {
                messages.append(QJsonObject {{QStringLiteral("role"), role}, {QStringLiteral("content"), blocks}});
            }
            lastRole = role;
        };
        auto textBlock = [](const QString& text) {
            return QJsonObject {{QStringLiteral("type"), QStringLiteral("text")}, {QStringLiteral("text"), text}};
        };
        for (const auto& message : request.messages) {
            switch (message.role) {
            case LlmMessage::Role::User:
                append(QStringLiteral("user"), QJsonArray {textBlock(message.text)});
                break;
            case LlmMessage::Role::Assistant: {
                QJsonArray blocks;
                if (!message.text.isEmpty())
                    blocks.append(textBlock(message.text));
                for (const auto& call : message.toolCalls)
                    blocks.append(QJsonObject {{QStringLiteral("type"), QStringLiteral("tool_use")},
                                               {QStringLiteral("id"), call.id},
                                               {QStringLiteral("name"), call.name},
                                               {QStringLiteral("input"), call.arguments}});
                append(QStringLiteral("assistant"), blocks);
                break;
            }
            case LlmMessage::Role::Tool:
                append(QStringLiteral("user"),
                       QJsonArray {QJsonObject {{QStringLiteral("type"), QStringLiteral("tool_result")},
                                                {QStringLiteral("tool_use_id"), message.toolCallId},
                                                {QStringLiteral("content"), message.text}}});
                break;
            }
        }
        QString system = request.systemPrompt;
        if (!request.jsonSchema.isEmpty())
            system += schemaInstruction(request.jsonSchema);
        QJsonObject body {{QStringLiteral("model"), config.model},
                          {QStringLiteral("max_tokens"), request.maxOutputTokens},
                          {QStringLiteral("messages"), messages}};
        if (!system.isEmpty())
            body.insert(QStringLiteral("system"), system);
        if (!request.tools.isEmpty()) {
            QJsonArray tools;
            for (const auto& tool : request.tools)
                tools.append(QJsonObject {{QStringLiteral("name"), tool.name},
                                          {QStringLiteral("description"), tool.description},
                                          {QStringLiteral("input_schema"), tool.parameters}});
            body.insert(QStringLiteral("tools"), tools);
        }
        if (request.stream)
            body.insert(QStringLiteral("stream"), true);
        return QJsonDocument(body).toJson(QJsonDocument::Compact);
    }

    Result<LlmResponse> parseBody(const QByteArray& body) const override
    {
        QJsonParseError parseError;
        const auto document = QJsonDocument::fromJson(body, &parseError);
        if (parseError.error != QJsonParseError::NoError || !document.isObject())
            return Error::invalidInput(QStringLiteral("Not JSON"), parseError.errorString());
        const auto json = document.object();
        if (!json.value(QStringLiteral("content")).isArray())
            return Error::invalidInput(QStringLiteral("No content in the reply"));
        LlmResponse response;
        response.model = json.value(QStringLiteral("model")).toString();
        response.stopReason = json.value(QStringLiteral("stop_reason")).toString();
        for (const auto& blockValue : json.value(QStringLiteral("content")).toArray()) {
            const auto block = blockValue.toObject();
            const auto type = block.value(QStringLiteral("type")).toString();
            if (type == QLatin1String("text")) {
                response.text += block.value(QStringLiteral("text")).toString();
            } else if (type == QLatin1String("tool_use")) {
                LlmToolCall call;
                call.id = block.value(QStringLiteral("id")).toString();
                call.name = block.value(QStringLiteral("name")).toString();
                call.arguments = block.value(QStringLiteral("input")).toObject();
                call.rawArguments = compactJson(call.arguments);
                response.toolCalls.append(call);
            }
        }
        const auto usage = json.value(QStringLiteral("usage")).toObject();
        response.inputTokens = tokens(usage, QStringLiteral("input_tokens"));
        response.outputTokens = tokens(usage, QStringLiteral("output_tokens"));
        return response;
    }

    std::unique_ptr<LlmStreamParser> streamParser() const override { return std::make_unique<AnthropicStreamParser>(); }

    QNetworkRequest modelsRequest(const LlmProviderConfig& config) const override
    {
        QNetworkRequest request(endpoint(apiBase(config.baseUrl), QStringLiteral("/v1/models")));
        request.setRawHeader("Accept", "application/json");
        setHeaders(request, config);
        return request;
    }
};

} // namespace

AnthropicProvider::AnthropicProvider(const LlmProviderConfig& config, QNetworkAccessManager* network, QObject* parent)
    : LlmProvider(config, std::make_shared<AnthropicWireFormat>(), network, parent)
{ }

} // namespace Moniagent
