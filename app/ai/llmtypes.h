#pragma once

#include "ai/toolset.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

namespace Moniagent {

// A tool call a model asked for: its id (to send the result back), the tool's name and its JSON arguments.
struct LlmToolCall
{
    QString id;
    QString name;
    QJsonObject arguments;
    QString rawArguments; // as the model sent it (may be invalid JSON; `arguments` is then empty)

    friend bool operator==(const LlmToolCall&, const LlmToolCall&) = default;
};

// One message of a conversation with a model.
struct LlmMessage
{
    enum class Role
    {
        User,
        Assistant,
        Tool // the result of a tool call, sent back to the model as data
    };
    Role role = Role::User;
    QString text;
    QList<LlmToolCall> toolCalls; // Assistant: the calls it made
    QString toolCallId; // Tool: which call this answers
    QString toolName; // Tool: the tool's name

    static LlmMessage user(const QString& text) { return {Role::User, text, {}, {}, {}}; }
    static LlmMessage assistant(const QString& text, const QList<LlmToolCall>& calls = {})
    {
        return {Role::Assistant, text, calls, {}, {}};
    }
    static LlmMessage toolResult(const LlmToolCall& call, const QString& json)
    {
        return {Role::Tool, json, {}, call.id, call.name};
    }
};

// What is sent to a model in one call.
struct LlmRequest
{
    QString systemPrompt;
    QList<LlmMessage> messages;
    QList<ToolDefinition> tools;
    // Structured output: a JSON schema (subset: type, properties, required, enum, items) the reply must follow.
    // Sent as response_format json_schema where the provider supports it; the reply is validated either way and
    // repaired once by asking the model again.
    QJsonObject jsonSchema;
    QString jsonSchemaName = QStringLiteral("answer");
    bool stream = false;
    int maxOutputTokens = 1024;
};

// The complete reply to one call.
struct LlmResponse
{
    QString text;
    QList<LlmToolCall> toolCalls;
    std::optional<qint64> inputTokens; // from the provider's usage report; empty when it gave none
    std::optional<qint64> outputTokens;
    QString model; // the model that answered, as the provider names it
    QString stopReason;
    qint64 latencyMs = 0; // from sending to the end of the reply, retries included
    int attempts = 1; // HTTP requests made (retries and a structured-output repair included)
    QJsonObject json; // the parsed structured output when the request had a jsonSchema
};

// Why a call failed. `message` is translated and complete; `detail` is technical (the server's words).
struct LlmError
{
    enum class Kind
    {
        Network, // could not connect, connection reset
        Timeout,
        Http, // the server answered with an error status
        Protocol, // the reply was not what the API promises (malformed JSON, a broken stream)
        InvalidOutput, // structured output did not match the schema, also after the repair attempt
        Refused, // refused before sending (spending cap reached, no key)
        Cancelled
    };
    Kind kind = Kind::Network;
    int httpStatus = 0;
    QString message;
    QString detail;
    int attempts = 0;
    qint64 latencyMs = 0;
    bool retryable = false;

    QString toString() const { return detail.isEmpty() ? message : message + QStringLiteral(" (") + detail + u')'; }
};

} // namespace Moniagent

Q_DECLARE_METATYPE(Moniagent::LlmResponse)
Q_DECLARE_METATYPE(Moniagent::LlmError)
