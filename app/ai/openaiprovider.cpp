#include "openaiprovider.h"

#include "ai/llmwireformat.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>

namespace Moniagent {

namespace {

QJsonObject parseArguments(const QString& raw)
{
    if (raw.trimmed().isEmpty())
        return {};
    return QJsonDocument::fromJson(raw.toUtf8()).object();
}

std::optional<qint64> tokens(const QJsonObject& usage, const QString& key)
{
    if (!usage.contains(key) || !usage.value(key).isDouble())
        return std::nullopt;
    return qint64(usage.value(key).toDouble());
}

class OpenAiStreamParser final : public LlmStreamParser
{
public:
    Result<void> onEvent(const SseEvent& event, QString& text) override
    {
        const auto data = event.data.trimmed();
        if (data == QLatin1String("[DONE]")) {
            m_done = true;
            return {};
        }
        QJsonParseError parseError;
        const auto document = QJsonDocument::fromJson(data.toUtf8(), &parseError);
        if (parseError.error != QJsonParseError::NoError || !document.isObject())
            return Error::invalidInput(QStringLiteral("Broken JSON in the stream"),
                                       parseError.errorString() + QStringLiteral(": ") + data.left(200));
        const auto chunk = document.object();
        if (chunk.contains(QStringLiteral("error")))
            return Error::invalidInput(QStringLiteral("The stream reported an error"),
                                       LlmWireFormat::serverMessage(data.toUtf8()));
        if (chunk.contains(QStringLiteral("model")))
            m_response.model = chunk.value(QStringLiteral("model")).toString();
        const auto usage = chunk.value(QStringLiteral("usage")).toObject();
        if (!usage.isEmpty()) {
            m_response.inputTokens = tokens(usage, QStringLiteral("prompt_tokens"));
            m_response.outputTokens = tokens(usage, QStringLiteral("completion_tokens"));
        }
        for (const auto& choiceValue : chunk.value(QStringLiteral("choices")).toArray()) {
            const auto choice = choiceValue.toObject();
            const auto delta = choice.value(QStringLiteral("delta")).toObject();
            const auto content = delta.value(QStringLiteral("content")).toString();
            if (!content.isEmpty()) {
                text += content;
                m_response.text += content;
            }
            for (const auto& callValue : delta.value(QStringLiteral("tool_calls")).toArray()) {
                const auto call = callValue.toObject();
                const int index = call.value(QStringLiteral("index")).toInt(int(m_calls.size()));
                auto& partial = m_calls[index];
                if (call.contains(QStringLiteral("id")))
                    partial.id = call.value(QStringLiteral("id")).toString();
                const auto function = call.value(QStringLiteral("function")).toObject();
                if (function.contains(QStringLiteral("name")))
                    partial.name += function.value(QStringLiteral("name")).toString();
                partial.rawArguments += function.value(QStringLiteral("arguments")).toString();
            }
            const auto finish = choice.value(QStringLiteral("finish_reason"));
            if (finish.isString())
                m_response.stopReason = finish.toString();
        }
        return {};
    }

    bool isDone() const override { return m_done; }

    LlmResponse result() const override
    {
        auto response = m_response;
        for (auto call : m_calls) {
            call.arguments = parseArguments(call.rawArguments);
            response.toolCalls.append(call);
        }
        return response;
    }

private:
    LlmResponse m_response;
    QMap<int, LlmToolCall> m_calls;
    bool m_done = false;
};

class OpenAiWireFormat final : public LlmWireFormat
{
public:
    QString providerName() const override { return QStringLiteral("OpenAI-compatible server"); }

    QNetworkRequest chatRequest(const LlmProviderConfig& config, bool stream) const override
    {
        QNetworkRequest request(endpoint(config.baseUrl, QStringLiteral("/chat/completions")));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        request.setRawHeader("Accept", stream ? "text/event-stream" : "application/json");
        if (!config.apiKey.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + config.apiKey.toUtf8());
        return request;
    }

    QByteArray chatBody(const LlmRequest& request, const LlmProviderConfig& config) const override
    {
        QJsonArray messages;
        QString system = request.systemPrompt;
        const bool schema = !request.jsonSchema.isEmpty();
        if (schema && !config.nativeJsonSchema)
            system += schemaInstruction(request.jsonSchema);
        if (!system.isEmpty())
            messages.append(
                QJsonObject {{QStringLiteral("role"), QStringLiteral("system")}, {QStringLiteral("content"), system}});
        for (const auto& message : request.messages) {
            switch (message.role) {
            case LlmMessage::Role::User:
                messages.append(QJsonObject {{QStringLiteral("role"), QStringLiteral("user")},
                                             {QStringLiteral("content"), message.text}});
                break;
            case LlmMessage::Role::Assistant: {
                QJsonObject json {{QStringLiteral("role"), QStringLiteral("assistant")}};
                json.insert(QStringLiteral("content"),
                            message.text.isEmpty() && !message.toolCalls.isEmpty() ? QJsonValue()
                                                                                   : QJsonValue(message.text));
                if (!message.toolCalls.isEmpty()) {
                    QJsonArray calls;
                    for (const auto& call : message.toolCalls) {
                        const auto arguments = call.rawArguments.isEmpty()
                            ? QString::fromUtf8(QJsonDocument(call.arguments).toJson(QJsonDocument::Compact))
                            : call.rawArguments;
                        calls.append(QJsonObject {{QStringLiteral("id"), call.id},
                                                  {QStringLiteral("type"), QStringLiteral("function")},
                                                  {QStringLiteral("function"),
                                                   QJsonObject {{QStringLiteral("name"), call.name},
                                                                {QStringLiteral("arguments"), arguments}}}});
                    }
                    json.insert(QStringLiteral("tool_calls"), calls);
                }
                messages.append(json);
                break;
            }
            case LlmMessage::Role::Tool:
                messages.append(QJsonObject {{QStringLiteral("role"), QStringLiteral("tool")},
                                             {QStringLiteral("tool_call_id"), message.toolCallId},
                                             {QStringLiteral("content"), message.text}});
                break;
            }
        }
        QJsonObject body {{QStringLiteral("model"), config.model}, {QStringLiteral("messages"), messages}};
        if (!request.tools.isEmpty()) {
            QJsonArray tools;
            for (const auto& tool : request.tools) {
                tools.append(QJsonObject {{QStringLiteral("type"), QStringLiteral("function")},
                                          {QStringLiteral("function"),
                                           QJsonObject {{QStringLiteral("name"), tool.name},
                                                        {QStringLiteral("description"), tool.description},
                                                        {QStringLiteral("parameters"), tool.parameters}}}});
            }
            body.insert(QStringLiteral("tools"), tools);
        }
        if (schema && config.nativeJsonSchema) {
            body.insert(QStringLiteral("response_format"),
                        QJsonObject {{QStringLiteral("type"), QStringLiteral("json_schema")},
                                     {QStringLiteral("json_schema"),
                                      QJsonObject {{QStringLiteral("name"), request.jsonSchemaName},
                                                   {QStringLiteral("schema"), request.jsonSchema},
                                                   {QStringLiteral("strict"), false}}}});
        }
        if (request.stream) {
            body.insert(QStringLiteral("stream"), true);
            body.insert(QStringLiteral("stream_options"), QJsonObject {{QStringLiteral("include_usage"), true}});
        }
        return QJsonDocument(body).toJson(QJsonDocument::Compact);
    }

    Result<LlmResponse> parseBody(const QByteArray& body) const override
    {
        QJsonParseError parseError;
        const auto document = QJsonDocument::fromJson(body, &parseError);
        if (parseError.error != QJsonParseError::NoError || !document.isObject())
            return Error::invalidInput(QStringLiteral("Not JSON"), parseError.errorString());
        const auto json = document.object();
        const auto choices = json.value(QStringLiteral("choices")).toArray();
        if (choices.isEmpty())
            return Error::invalidInput(QStringLiteral("No choices in the reply"));
        LlmResponse response;
        response.model = json.value(QStringLiteral("model")).toString();
        const auto choice = choices.first().toObject();
        const auto message = choice.value(QStringLiteral("message")).toObject();
        if (message.isEmpty())
            return Error::invalidInput(QStringLiteral("No message in the reply"));
        response.text = message.value(QStringLiteral("content")).toString();
        response.stopReason = choice.value(QStringLiteral("finish_reason")).toString();
        for (const auto& callValue : message.value(QStringLiteral("tool_calls")).toArray()) {
            const auto call = callValue.toObject();
            const auto function = call.value(QStringLiteral("function")).toObject();
            LlmToolCall toolCall;
            toolCall.id = call.value(QStringLiteral("id")).toString();
            toolCall.name = function.value(QStringLiteral("name")).toString();
            const auto arguments = function.value(QStringLiteral("arguments"));
            if (arguments.isObject()) {
                toolCall.arguments = arguments.toObject();
                toolCall.rawArguments
                    = QString::fromUtf8(QJsonDocument(toolCall.arguments).toJson(QJsonDocument::Compact));
            } else {
                toolCall.rawArguments = arguments.toString();
                toolCall.arguments = parseArguments(toolCall.rawArguments);
            }
            response.toolCalls.append(toolCall);
        }
        const auto usage = json.value(QStringLiteral("usage")).toObject();
        response.inputTokens = tokens(usage, QStringLiteral("prompt_tokens"));
        response.outputTokens = tokens(usage, QStringLiteral("completion_tokens"));
        return response;
    }

    std::unique_ptr<LlmStreamParser> streamParser() const override { return std::make_unique<OpenAiStreamParser>(); }

    QNetworkRequest modelsRequest(const LlmProviderConfig& config) const override
    {
        QNetworkRequest request(endpoint(config.baseUrl, QStringLiteral("/models")));
        request.setRawHeader("Accept", "application/json");
        if (!config.apiKey.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + config.apiKey.toUtf8());
        return request;
    }
};

} // namespace

OpenAiProvider::OpenAiProvider(const LlmProviderConfig& config, QNetworkAccessManager* network, QObject* parent)
    : LlmProvider(config, std::make_shared<OpenAiWireFormat>(), network, parent)
{ }

} // namespace Moniagent
