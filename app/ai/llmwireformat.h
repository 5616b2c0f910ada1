#pragma once

#include "ai/llmprovider.h"
#include "ai/llmtypes.h"
#include "ai/ssedecoder.h"
#include "core/result.h"

#include <QNetworkRequest>

#include <memory>

namespace Moniagent {

// Assembles a streamed reply from its server-sent events (one parser per HTTP attempt).
class LlmStreamParser
{
public:
    virtual ~LlmStreamParser() = default;
    // Handles one event; appends streamed answer text to `text`. An error event or broken JSON is an Error.
    virtual Result<void> onEvent(const SseEvent& event, QString& text) = 0;
    // Whether the stream said it is complete ("data: [DONE]", message_stop).
    virtual bool isDone() const = 0;
    virtual LlmResponse result() const = 0;
};

// The JSON of one API (OpenAI Chat Completions or Anthropic Messages): requests, replies and streams.
class LlmWireFormat
{
public:
    virtual ~LlmWireFormat() = default;
    virtual QNetworkRequest chatRequest(const LlmProviderConfig& config, bool stream) const = 0;
    virtual QByteArray chatBody(const LlmRequest& request, const LlmProviderConfig& config) const = 0;
    // A complete (non-streamed) reply; an Error when it is not what the API promises.
    virtual Result<LlmResponse> parseBody(const QByteArray& body) const = 0;
    virtual std::unique_ptr<LlmStreamParser> streamParser() const = 0;
    virtual QNetworkRequest modelsRequest(const LlmProviderConfig& config) const = 0;
    // The model list of GET /models: both APIs answer {"data": [{"id": …}, …]}.
    virtual Result<QStringList> parseModels(const QByteArray& body) const;
    virtual QString providerName() const = 0;

    // The server's own words from an error body ({"error": {"message": …}} in both APIs), or empty.
    static QString serverMessage(const QByteArray& body);
    // The instruction added to the system prompt when the schema cannot be sent natively.
    static QString schemaInstruction(const QJsonObject& schema);
    // `base` without trailing slashes, followed by `path`.
    static QUrl endpoint(const QString& base, const QString& path);
};

} // namespace Moniagent
