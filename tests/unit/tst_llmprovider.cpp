// The LLM providers against local OpenAI- and Anthropic-compatible servers (Qt HttpServer) with scripted replies:
// plain, streamed (SSE split across packets), tool calls, malformed JSON, 429 with Retry-After, 500, timeouts,
// cancel mid-stream, structured output with repair; and the SSE decoder and JSON schema validator on their own.

#include "ai/anthropicprovider.h"
#include "ai/jsonschemavalidator.h"
#include "ai/llmreply.h"
#include "ai/openaiprovider.h"
#include "ai/ssedecoder.h"
#include "llmtestserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

using namespace Moniagent;
using namespace Moniagent::Test;

namespace {

QByteArray data(const QJsonObject& object)
{
    return "data: " + QJsonDocument(object).toJson(QJsonDocument::Compact) + "\n\n";
}

QByteArray sseEvent(const QByteArray& type, const QJsonObject& object)
{
    return "event: " + type + "\n" + data(object);
}

QJsonObject openAiChunk(const QJsonObject& delta, const QJsonValue& finish = QJsonValue())
{
    return {{QStringLiteral("id"), QStringLiteral("c1")},
            {QStringLiteral("model"), QStringLiteral("test-model")},
            {QStringLiteral("choices"),
             QJsonArray {QJsonObject {{QStringLiteral("index"), 0},
                                      {QStringLiteral("delta"), delta},
                                      {QStringLiteral("finish_reason"), finish}}}}};
}

QJsonObject openAiUsageChunk(int input, int output)
{
    return {{QStringLiteral("model"), QStringLiteral("test-model")},
            {QStringLiteral("choices"), QJsonArray()},
            {QStringLiteral("usage"),
             QJsonObject {{QStringLiteral("prompt_tokens"), input}, {QStringLiteral("completion_tokens"), output}}}};
}

QJsonObject openAiCompletion(const QString& text, int input = 11, int output = 7)
{
    return {{QStringLiteral("model"), QStringLiteral("test-model")},
            {QStringLiteral("choices"),
             QJsonArray {QJsonObject {{QStringLiteral("index"), 0},
                                      {QStringLiteral("message"),
                                       QJsonObject {{QStringLiteral("role"), QStringLiteral("assistant")},
                                                    {QStringLiteral("content"), text}}},
                                      {QStringLiteral("finish_reason"), QStringLiteral("stop")}}}},
            {QStringLiteral("usage"),
             QJsonObject {{QStringLiteral("prompt_tokens"), input}, {QStringLiteral("completion_tokens"), output}}}};
}

QJsonObject errorBody(const QString& message)
{
    return {{QStringLiteral("error"), QJsonObject {{QStringLiteral("message"), message}}}};
}

LlmRequest simpleRequest(bool stream)
{
    LlmRequest request;
    request.systemPrompt = QStringLiteral("You are a test.");
    request.messages = {LlmMessage::user(QStringLiteral("Hello?"))};
    request.stream = stream;
    return request;
}

struct Outcome
{
    QStringList deltas;
    QList<LlmResponse> finished;
    QList<LlmError> failed;
    QList<QList<LlmToolCall>> toolCalls;
    int cancelled = 0;
};

// Connects to everything a reply emits.
void watch(LlmReply* reply, Outcome& outcome)
{
    QObject::connect(reply, &LlmReply::textDelta, [&outcome](const QString& text) { outcome.deltas.append(text); });
    QObject::connect(reply, &LlmReply::finished,
                     [&outcome](const LlmResponse& response) { outcome.finished.append(response); });
    QObject::connect(reply, &LlmReply::failed, [&outcome](const LlmError& error) { outcome.failed.append(error); });
    QObject::connect(reply, &LlmReply::toolCalls,
                     [&outcome](const QList<LlmToolCall>& calls) { outcome.toolCalls.append(calls); });
    QObject::connect(reply, &LlmReply::cancelled, [&outcome]() { ++outcome.cancelled; });
}

bool done(const Outcome& outcome)
{
    return !outcome.finished.isEmpty() || !outcome.failed.isEmpty() || outcome.cancelled > 0;
}

} // namespace

class TestLlmProvider : public QObject
{
    Q_OBJECT

private:
    LlmProviderConfig openAiConfig(const LlmTestServer& server) const
    {
        LlmProviderConfig config;
        config.kind = AiSettings::Provider::OpenAi;
        config.providerId = QStringLiteral("openai");
        config.baseUrl = server.url(QStringLiteral("/v1"));
        config.model = QStringLiteral("test-model");
        config.apiKey = QStringLiteral("sk-test-123");
        config.initialBackoffMs = 50;
        config.connectTimeoutMs = 5000;
        config.idleTimeoutMs = 5000;
        return config;
    }
    LlmProviderConfig anthropicConfig(const LlmTestServer& server) const
    {
        auto config = openAiConfig(server);
        config.kind = AiSettings::Provider::Anthropic;
        config.providerId = QStringLiteral("anthropic");
        config.baseUrl = server.url();
        config.nativeJsonSchema = false;
        return config;
    }

private Q_SLOTS:
    void sseDecoderSplitsAnywhere()
    {
        const QByteArray stream = ": keep-alive\r\nevent: delta\r\ndata: {\"t\":\"Grüße\"}\r\n\r\n"
                                  "data: line one\ndata: line two\n\n"
                                  "data: [DONE]\r\r";
        const QList<SseEvent> expected {{QStringLiteral("delta"), QStringLiteral("{\"t\":\"Grüße\"}"), {}},
                                        {{}, QStringLiteral("line one\nline two"), {}},
                                        {{}, QStringLiteral("[DONE]"), {}}};
        // Every piece size, so that lines, \r\n pairs and the two bytes of "ü" are split everywhere.
        for (int size = 1; size <= stream.size(); ++size) {
            SseDecoder decoder;
            QList<SseEvent> events;
            for (qsizetype i = 0; i < stream.size(); i += size)
                events += decoder.feed(stream.mid(i, size));
            events += decoder.finish();
            QCOMPARE(events, expected);
        }
        // A last event without its empty line is completed at the end of the stream.
        SseDecoder decoder;
        QVERIFY(decoder.feed("data: tail").isEmpty());
        QCOMPARE(decoder.finish(), (QList<SseEvent> {{{}, QStringLiteral("tail"), {}}}));
    }

    void retryAfterParsing()
    {
        const QDateTime now(QDate(2026, 11, 22), QTime(12, 0), QTimeZone::utc());
        QCOMPARE(LlmReply::retryAfterMs("1", now), std::optional<qint64>(1000));
        QCOMPARE(LlmReply::retryAfterMs(" 30 ", now), std::optional<qint64>(30000));
        QCOMPARE(LlmReply::retryAfterMs("Sun, 22 Nov 2026 12:00:07 GMT", now), std::optional<qint64>(7000));
        QCOMPARE(LlmReply::retryAfterMs("Sun, 22 Nov 2026 11:00:00 GMT", now), std::optional<qint64>(0));
        QCOMPARE(LlmReply::retryAfterMs("", now), std::nullopt);
        QCOMPARE(LlmReply::retryAfterMs("soon", now), std::nullopt);
    }

    void schemaValidator()
    {
        const auto schema = QJsonDocument::fromJson(R"({"type":"object","required":["category","confidence"],
            "properties":{"category":{"type":"string","enum":["Groceries","Travel"]},
                          "confidence":{"type":"number","minimum":0,"maximum":1},
                          "items":{"type":"array","items":{"type":"integer"}}}})")
                                .object();
        QVERIFY(
            JsonSchemaValidator::parseAndValidate(QStringLiteral(R"({"category":"Travel","confidence":0.5})"), schema));
        QVERIFY(JsonSchemaValidator::parseAndValidate(
            QStringLiteral("```json\n{\"category\":\"Groceries\",\"confidence\":1}\n```"), schema));
        auto badEnum
            = JsonSchemaValidator::parseAndValidate(QStringLiteral(R"({"category":"Food","confidence":0.5})"), schema);
        QVERIFY(!badEnum);
        QVERIFY(badEnum.error().message.contains(QLatin1String("$.category")));
        QVERIFY(!JsonSchemaValidator::parseAndValidate(QStringLiteral(R"({"category":"Travel"})"), schema));
        QVERIFY(
            !JsonSchemaValidator::parseAndValidate(QStringLiteral(R"({"category":"Travel","confidence":2})"), schema));
        QVERIFY(!JsonSchemaValidator::parseAndValidate(
            QStringLiteral(R"({"category":"Travel","confidence":0.1,"items":[1,2.5]})"), schema));
        QVERIFY(!JsonSchemaValidator::parseAndValidate(QStringLiteral("{not json"), schema));
    }

    void openAiPlain()
    {
        LlmTestServer server;
        server.enqueue(QStringLiteral("/v1/chat/completions"),
                       ScriptedReply::json(openAiCompletion(QStringLiteral("Hi there."), 12, 5)));
        OpenAiProvider provider(openAiConfig(server));
        Outcome outcome;
        watch(provider.send(simpleRequest(false)), outcome);
        QTRY_VERIFY(done(outcome));
        QCOMPARE(outcome.failed.size(), 0);
        QCOMPARE(outcome.finished.size(), 1);
        const auto& response = outcome.finished.first();
        QCOMPARE(response.text, QStringLiteral("Hi there."));
        QCOMPARE(response.inputTokens, std::optional<qint64>(12));
        QCOMPARE(response.outputTokens, std::optional<qint64>(5));
        QCOMPARE(response.model, QStringLiteral("test-model"));
        QVERIFY(outcome.deltas.isEmpty());

        const auto requests = server.requests(QStringLiteral("/v1/chat/completions"));
        QCOMPARE(requests.size(), 1);
        QCOMPARE(requests.first().headers.value("authorization"), QByteArray("Bearer sk-test-123"));
        const auto messages = requests.first().json.value(QStringLiteral("messages")).toArray();
        QCOMPARE(messages.size(), 2);
        QCOMPARE(messages.at(0).toObject().value(QStringLiteral("role")).toString(), QStringLiteral("system"));
        QCOMPARE(messages.at(1).toObject().value(QStringLiteral("content")).toString(), QStringLiteral("Hello?"));
        QVERIFY(!requests.first().json.contains(QStringLiteral("stream")));
    }

    void openAiStreamSplitAcrossPackets()
    {
        LlmTestServer server;
        const QStringList words {QStringLiteral("You spent "), QStringLiteral("**€42.10**"),
                                 QStringLiteral(" on groceries — ünïcode.")};
        QList<QByteArray> events;
        events.append(data(openAiChunk({{QStringLiteral("role"), QStringLiteral("assistant")}})));
        for (const auto& word : words)
            events.append(data(openAiChunk({{QStringLiteral("content"), word}})));
        events.append(data(openAiChunk({}, QStringLiteral("stop"))));
        events.append(data(openAiUsageChunk(30, 9)));
        events.append("data: [DONE]\n\n");
        // 7-byte packets: every event, line and multi-byte character is cut somewhere.
        server.enqueue(QStringLiteral("/v1/chat/completions"), ScriptedReply::sse(events, 7, 2));
        OpenAiProvider provider(openAiConfig(server));
        Outcome outcome;
        watch(provider.send(simpleRequest(true)), outcome);
        QTRY_VERIFY(done(outcome));
        QCOMPARE(outcome.failed.size(), 0);
        QCOMPARE(outcome.finished.size(), 1);
        QVERIFY2(outcome.deltas.size() >= 3, "the text arrives in pieces");
        QCOMPARE(outcome.deltas.join(QString()), words.join(QString()));
        QCOMPARE(outcome.finished.first().text, words.join(QString()));
        QCOMPARE(outcome.finished.first().inputTokens, std::optional<qint64>(30));
        QCOMPARE(outcome.finished.first().outputTokens, std::optional<qint64>(9));
        const auto json = server.requests().first().json;
        QCOMPARE(json.value(QStringLiteral("stream")).toBool(), true);
        QCOMPARE(json.value(QStringLiteral("stream_options")).toObject().value(QStringLiteral("include_usage")),
                 QJsonValue(true));
        QCOMPARE(server.requests().first().headers.value("accept"), QByteArray("text/event-stream"));
    }

    void openAiStreamedToolCallFragments()
    {
        LlmTestServer server;
        auto callDelta = [](const QJsonObject& call) {
            return openAiChunk({{QStringLiteral("tool_calls"), QJsonArray {call}}});
        };
        QList<QByteArray> events {
            data(callDelta({{QStringLiteral("index"), 0},
                            {QStringLiteral("id"), QStringLiteral("call_1")},
                            {QStringLiteral("type"), QStringLiteral("function")},
                            {QStringLiteral("function"),
                             QJsonObject {{QStringLiteral("name"), QStringLiteral("spending_summary")},
                                          {QStringLiteral("arguments"), QString()}}}})),
            data(callDelta({{QStringLiteral("index"), 0},
                            {QStringLiteral("function"),
                             QJsonObject {{QStringLiteral("arguments"), QStringLiteral("{\"from\":\"2026-")}}}})),
            data(callDelta(
                {{QStringLiteral("index"), 0},
                 {QStringLiteral("function"),
                  QJsonObject {{QStringLiteral("arguments"), QStringLiteral("10-01\",\"to\":\"2026-10-31\"}")}}}})),
            data(callDelta({{QStringLiteral("index"), 1},
                            {QStringLiteral("id"), QStringLiteral("call_2")},
                            {QStringLiteral("function"),
                             QJsonObject {{QStringLiteral("name"), QStringLiteral("top_merchants")},
                                          {QStringLiteral("arguments"), QStringLiteral("{\"limit\":3}")}}}})),
            data(openAiChunk({}, QStringLiteral("tool_calls"))),
            data(openAiUsageChunk(50, 20)),
            "data: [DONE]\n\n"};
        server.enqueue(QStringLiteral("/v1/chat/completions"), ScriptedReply::sse(events, 11, 2));
        OpenAiProvider provider(openAiConfig(server));
        Outcome outcome;
        auto request = simpleRequest(true);
        request.tools = {{QStringLiteral("spending_summary"), QStringLiteral("Spending"),
                          QJsonObject {{QStringLiteral("type"), QStringLiteral("object")}}}};
        watch(provider.send(request), outcome);
        QTRY_VERIFY(done(outcome));
        QCOMPARE(outcome.finished.size(), 1);
        QCOMPARE(outcome.toolCalls.size(), 1);
        const auto calls = outcome.finished.first().toolCalls;
        QCOMPARE(calls.size(), 2);
        QCOMPARE(calls.at(0).id, QStringLiteral("call_1"));
        QCOMPARE(calls.at(0).name, QStringLiteral("spending_summary"));
        QCOMPARE(calls.at(0).arguments.value(QStringLiteral("from")).toString(), QStringLiteral("2026-10-01"));
        QCOMPARE(calls.at(0).arguments.value(QStringLiteral("to")).toString(), QStringLiteral("2026-10-31"));
        QCOMPARE(calls.at(1).name, QStringLiteral("top_merchants"));
        QCOMPARE(calls.at(1).arguments.value(QStringLiteral("limit")).toInt(), 3);
        const auto tools = server.requests().first().json.value(QStringLiteral("tools")).toArray();
        QCOMPARE(tools.size(), 1);
        QCOMPARE(tools.first().toObject().value(QStringLiteral("function")).toObject().value(QStringLiteral("name")),
                 QJsonValue(QStringLiteral("spending_summary")));
    }

    void anthropicStreamWithToolUse()
    {
        LlmTestServer server;
        QList<QByteArray> events {
            sseEvent("message_start",
                     {{QStringLiteral("type"), QStringLiteral("message_start")},
                      {QStringLiteral("message"),
                       QJsonObject {{QStringLiteral("model"), QStringLiteral("claude-test")},
                                    {QStringLiteral("usage"),
                                     QJsonObject {{QStringLiteral("input_tokens"), 120},
                                                  {QStringLiteral("output_tokens"), 1}}}}}}),
            sseEvent("content_block_start",
                     {{QStringLiteral("index"), 0},
                      {QStringLiteral("content_block"),
                       QJsonObject {{QStringLiteral("type"), QStringLiteral("text")},
                                    {QStringLiteral("text"), QString()}}}}),
            sseEvent("ping", {{QStringLiteral("type"), QStringLiteral("ping")}}),
            sseEvent("content_block_delta",
                     {{QStringLiteral("index"), 0},
                      {QStringLiteral("delta"),
                       QJsonObject {{QStringLiteral("type"), QStringLiteral("text_delta")},
                                    {QStringLiteral("text"), QStringLiteral("Let me look.")}}}}),
            sseEvent("content_block_stop", {{QStringLiteral("index"), 0}}),
            sseEvent("content_block_start",
                     {{QStringLiteral("index"), 1},
                      {QStringLiteral("content_block"),
                       QJsonObject {{QStringLiteral("type"), QStringLiteral("tool_use")},
                                    {QStringLiteral("id"), QStringLiteral("toolu_1")},
                                    {QStringLiteral("name"), QStringLiteral("budget_status")},
                                    {QStringLiteral("input"), QJsonObject()}}}}),
            sseEvent("content_block_delta",
                     {{QStringLiteral("index"), 1},
                      {QStringLiteral("delta"),
                       QJsonObject {{QStringLiteral("type"), QStringLiteral("input_json_delta")},
                                    {QStringLiteral("partial_json"), QStringLiteral("{\"cat")}}}}),
            sseEvent("content_block_delta",
                     {{QStringLiteral("index"), 1},
                      {QStringLiteral("delta"),
                       QJsonObject {{QStringLiteral("type"), QStringLiteral("input_json_delta")},
                                    {QStringLiteral("partial_json"), QStringLiteral("egory\": \"Groceries\"}")}}}}),
            sseEvent("content_block_stop", {{QStringLiteral("index"), 1}}),
            sseEvent(
                "message_delta",
                {{QStringLiteral("delta"), QJsonObject {{QStringLiteral("stop_reason"), QStringLiteral("tool_use")}}},
                 {QStringLiteral("usage"), QJsonObject {{QStringLiteral("output_tokens"), 42}}}}),
            sseEvent("message_stop", {{QStringLiteral("type"), QStringLiteral("message_stop")}})};
        server.enqueue(QStringLiteral("/v1/messages"), ScriptedReply::sse(events, 13, 2));
        AnthropicProvider provider(anthropicConfig(server));
        Outcome outcome;
        auto request = simpleRequest(true);
        request.messages.append(LlmMessage::assistant(
            QString(), {{QStringLiteral("toolu_0"), QStringLiteral("category_list"), {}, QStringLiteral("{}")}}));
        request.messages.append(LlmMessage::toolResult(
            {QStringLiteral("toolu_0"), QStringLiteral("category_list"), {}, {}}, QStringLiteral("{\"result\":[]}")));
        watch(provider.send(request), outcome);
        QTRY_VERIFY(done(outcome));
        QCOMPARE(outcome.failed.size(), 0);
        const auto response = outcome.finished.first();
        QCOMPARE(outcome.deltas.join(QString()), QStringLiteral("Let me look."));
        QCOMPARE(response.model, QStringLiteral("claude-test"));
        QCOMPARE(response.inputTokens, std::optional<qint64>(120));
        QCOMPARE(response.outputTokens, std::optional<qint64>(42));
        QCOMPARE(response.toolCalls.size(), 1);
        QCOMPARE(response.toolCalls.first().id, QStringLiteral("toolu_1"));
        QCOMPARE(response.toolCalls.first().arguments.value(QStringLiteral("category")).toString(),
                 QStringLiteral("Groceries"));

        const auto received = server.requests(QStringLiteral("/v1/messages"));
        QCOMPARE(received.size(), 1);
        QCOMPARE(received.first().headers.value("x-api-key"), QByteArray("sk-test-123"));
        QCOMPARE(received.first().headers.value("anthropic-version"), QByteArray(AnthropicProvider::ApiVersion));
        const auto json = received.first().json;
        QCOMPARE(json.value(QStringLiteral("system")).toString(), QStringLiteral("You are a test."));
        const auto messages = json.value(QStringLiteral("messages")).toArray();
        QCOMPARE(messages.size(), 3); // user, assistant (tool_use), user (tool_result)
        const auto toolResult = messages.at(2).toObject().value(QStringLiteral("content")).toArray().first().toObject();
        QCOMPARE(toolResult.value(QStringLiteral("type")).toString(), QStringLiteral("tool_result"));
        QCOMPARE(toolResult.value(QStringLiteral("tool_use_id")).toString(), QStringLiteral("toolu_0"));
    }

    void anthropicPlain()
    {
        LlmTestServer server;
        server.enqueue(
            QStringLiteral("/v1/messages"),
            ScriptedReply::json(
                {{QStringLiteral("model"), QStringLiteral("claude-test")},
                 {QStringLiteral("stop_reason"), QStringLiteral("end_turn")},
                 {QStringLiteral("content"),
                  QJsonArray {QJsonObject {{QStringLiteral("type"), QStringLiteral("text")},
                                           {QStringLiteral("text"), QStringLiteral("Fine.")}}}},
                 {QStringLiteral("usage"),
                  QJsonObject {{QStringLiteral("input_tokens"), 8}, {QStringLiteral("output_tokens"), 2}}}}));
        AnthropicProvider provider(anthropicConfig(server));
        Outcome outcome;
        watch(provider.send(simpleRequest(false)), outcome);
        QTRY_VERIFY(done(outcome));
        QCOMPARE(outcome.finished.size(), 1);
        QCOMPARE(outcome.finished.first().text, QStringLiteral("Fine."));
        QCOMPARE(outcome.finished.first().inputTokens, std::optional<qint64>(8));
        QCOMPARE(server.requests().first().json.value(QStringLiteral("max_tokens")).toInt(), 1024);
    }

    void malformedJsonIsAProtocolError()
    {
        LlmTestServer server;
        ScriptedReply broken;
        broken.pieces = {"{\"choices\": [ {\"message\": "};
        server.enqueue(QStringLiteral("/v1/chat/completions"), broken);
        OpenAiProvider provider(openAiConfig(server));
        Outcome outcome;
        watch(provider.send(simpleRequest(false)), outcome);
        QTRY_VERIFY(done(outcome));
        QCOMPARE(outcome.finished.size(), 0);
        QCOMPARE(outcome.failed.size(), 1);
        QCOMPARE(outcome.failed.first().kind, LlmError::Kind::Protocol);
        QVERIFY(!outcome.failed.first().message.isEmpty());
        QCOMPARE(server.requests().size(), 1); // not retried

        // A broken event in a stream, after some text: also a clear failure.
        server.enqueue(QStringLiteral("/v1/chat/completions"),
                       ScriptedReply::sse({data(openAiChunk({{QStringLiteral("content"), QStringLiteral("Hi")}})),
                                           "data: {\"choices\": [\n\n", "data: [DONE]\n\n"}));
        Outcome streamed;
        watch(provider.send(simpleRequest(true)), streamed);
        QTRY_VERIFY(done(streamed));
        QCOMPARE(streamed.deltas, QStringList {QStringLiteral("Hi")});
        QCOMPARE(streamed.failed.size(), 1);
        QCOMPARE(streamed.failed.first().kind, LlmError::Kind::Protocol);
    }

    void retryAfterIsHonoured()
    {
        LlmTestServer server;
        auto limited = ScriptedReply::json(errorBody(QStringLiteral("Rate limit reached")), 429);
        limited.headers = {{"Retry-After", "1"}};
        server.enqueue(QStringLiteral("/v1/chat/completions"), limited);
        server.enqueue(QStringLiteral("/v1/chat/completions"),
                       ScriptedReply::json(openAiCompletion(QStringLiteral("ok"))));
        OpenAiProvider provider(openAiConfig(server));
        Outcome outcome;
        auto* reply = provider.send(simpleRequest(false));
        QSignalSpy retrying(reply, &LlmReply::retrying);
        watch(reply, outcome);
        QTRY_VERIFY_WITH_TIMEOUT(done(outcome), 10000);
        QCOMPARE(outcome.finished.size(), 1);
        QCOMPARE(outcome.finished.first().attempts, 2);
        QCOMPARE(retrying.size(), 1);
        QCOMPARE(retrying.first().at(1).toInt(), 1000);
        const auto requests = server.requests();
        QCOMPARE(requests.size(), 2);
        const auto waited = requests.at(1).atMs - requests.at(0).atMs;
        QVERIFY2(waited >= 950, qPrintable(QStringLiteral("waited only %1 ms").arg(waited)));
    }

    void serverErrorThenSuccess()
    {
        LlmTestServer server;
        server.enqueue(QStringLiteral("/v1/chat/completions"),
                       ScriptedReply::json(errorBody(QStringLiteral("overloaded")), 500));
        server.enqueue(QStringLiteral("/v1/chat/completions"),
                       ScriptedReply::json(openAiCompletion(QStringLiteral("ok"))));
        OpenAiProvider provider(openAiConfig(server));
        Outcome outcome;
        watch(provider.send(simpleRequest(false)), outcome);
        QTRY_VERIFY(done(outcome));
        QCOMPARE(outcome.finished.size(), 1);
        QCOMPARE(outcome.finished.first().text, QStringLiteral("ok"));
        QCOMPARE(server.requests().size(), 2);
        QVERIFY(server.requests().at(1).atMs - server.requests().at(0).atMs >= 45); // the 50 ms backoff

        // Always 500: gives up after maxAttempts with the server's words.
        for (int i = 0; i < 3; ++i)
            server.enqueue(QStringLiteral("/v1/chat/completions"),
                           ScriptedReply::json(errorBody(QStringLiteral("still overloaded")), 503));
        Outcome failing;
        watch(provider.send(simpleRequest(false)), failing);
        QTRY_VERIFY(done(failing));
        QCOMPARE(failing.failed.size(), 1);
        QCOMPARE(failing.failed.first().httpStatus, 503);
        QCOMPARE(failing.failed.first().attempts, 3);
        QCOMPARE(failing.failed.first().detail, QStringLiteral("still overloaded"));
        QCOMPARE(server.requests().size(), 5);
    }

    void unauthorizedIsNotRetried()
    {
        LlmTestServer server;
        server.enqueue(QStringLiteral("/v1/chat/completions"),
                       ScriptedReply::json(errorBody(QStringLiteral("Incorrect API key provided")), 401));
        OpenAiProvider provider(openAiConfig(server));
        Outcome outcome;
        watch(provider.send(simpleRequest(true)), outcome);
        QTRY_VERIFY(done(outcome));
        QCOMPARE(outcome.failed.size(), 1);
        QCOMPARE(outcome.failed.first().kind, LlmError::Kind::Http);
        QCOMPARE(outcome.failed.first().httpStatus, 401);
        QVERIFY(outcome.failed.first().message.contains(QLatin1String("API key")));
        QCOMPARE(outcome.failed.first().detail, QStringLiteral("Incorrect API key provided"));
        QCOMPARE(server.requests().size(), 1);
    }

    void timeouts()
    {
        LlmTestServer server;
        // No answer at all within the connect timeout.
        ScriptedReply slow = ScriptedReply::json(openAiCompletion(QStringLiteral("late")));
        slow.headerDelayMs = 3000;
        server.enqueue(QStringLiteral("/v1/chat/completions"), slow);
        auto config = openAiConfig(server);
        config.connectTimeoutMs = 300;
        config.idleTimeoutMs = 300;
        OpenAiProvider provider(config);
        Outcome outcome;
        QElapsedTimer timer;
        timer.start();
        watch(provider.send(simpleRequest(false)), outcome);
        QTRY_VERIFY(done(outcome));
        QCOMPARE(outcome.failed.size(), 1);
        QCOMPARE(outcome.failed.first().kind, LlmError::Kind::Timeout);
        QVERIFY(timer.elapsed() < 2500);

        // A stream that stops in the middle: the idle timeout, after the first text.
        auto hanging = ScriptedReply::sse({data(openAiChunk({{QStringLiteral("content"), QStringLiteral("Part")}}))});
        hanging.hang = true;
        server.enqueue(QStringLiteral("/v1/chat/completions"), hanging);
        Outcome stalled;
        watch(provider.send(simpleRequest(true)), stalled);
        QTRY_VERIFY(done(stalled));
        QCOMPARE(stalled.deltas, QStringList {QStringLiteral("Part")});
        QCOMPARE(stalled.failed.size(), 1);
        QCOMPARE(stalled.failed.first().kind, LlmError::Kind::Timeout);
    }

    void cancelMidStream()
    {
        LlmTestServer server;
        QList<QByteArray> events;
        for (int i = 0; i < 20; ++i)
            events.append(data(openAiChunk({{QStringLiteral("content"), QStringLiteral("word%1 ").arg(i)}})));
        events.append("data: [DONE]\n\n");
        server.enqueue(QStringLiteral("/v1/chat/completions"), ScriptedReply::sse(events, 0, 100));
        OpenAiProvider provider(openAiConfig(server));
        Outcome outcome;
        auto* reply = provider.send(simpleRequest(true));
        watch(reply, outcome);
        QTRY_VERIFY(!outcome.deltas.isEmpty());
        QVERIFY(reply->isRunning());
        reply->cancel();
        QCOMPARE(outcome.cancelled, 1);
        const auto deltasAtCancel = outcome.deltas.size();
        QTest::qWait(500);
        QCOMPARE(outcome.deltas.size(), deltasAtCancel); // nothing after cancel
        QCOMPARE(outcome.finished.size(), 0);
        QCOMPARE(outcome.failed.size(), 0);
        QCOMPARE(outcome.cancelled, 1);
        QTRY_COMPARE(server.openResponses(), 0); // the connection was closed
        QVERIFY(deltasAtCancel < 20);
    }

    void structuredOutputIsRepairedOnce()
    {
        LlmTestServer server;
        server.enqueue(QStringLiteral("/v1/chat/completions"),
                       ScriptedReply::json(
                           openAiCompletion(QStringLiteral("{\"category\":\"Food\",\"confidence\":0.9}"), 40, 10)));
        server.enqueue(QStringLiteral("/v1/chat/completions"),
                       ScriptedReply::json(openAiCompletion(
                           QStringLiteral("{\"category\":\"Groceries\",\"confidence\":0.9}"), 60, 12)));
        OpenAiProvider provider(openAiConfig(server));
        auto request = simpleRequest(false);
        request.jsonSchema = QJsonDocument::fromJson(R"({"type":"object","required":["category","confidence"],
            "properties":{"category":{"type":"string","enum":["Groceries","Travel"]},"confidence":{"type":"number"}}})")
                                 .object();
        Outcome outcome;
        watch(provider.send(request), outcome);
        QTRY_VERIFY(done(outcome));
        QCOMPARE(outcome.finished.size(), 1);
        const auto response = outcome.finished.first();
        QCOMPARE(response.json.value(QStringLiteral("category")).toString(), QStringLiteral("Groceries"));
        QCOMPARE(response.inputTokens, std::optional<qint64>(100)); // both calls are counted
        QCOMPARE(response.outputTokens, std::optional<qint64>(22));
        QCOMPARE(response.attempts, 2);
        const auto requests = server.requests();
        QCOMPARE(requests.size(), 2);
        QCOMPARE(
            requests.first().json.value(QStringLiteral("response_format")).toObject().value(QStringLiteral("type")),
            QJsonValue(QStringLiteral("json_schema")));
        const auto repair = requests.at(1).json.value(QStringLiteral("messages")).toArray().last().toObject();
        QVERIFY(repair.value(QStringLiteral("content")).toString().contains(QLatin1String("$.category")));

        // Wrong twice: InvalidOutput, no third call.
        for (int i = 0; i < 2; ++i)
            server.enqueue(QStringLiteral("/v1/chat/completions"),
                           ScriptedReply::json(openAiCompletion(QStringLiteral("no json"))));
        Outcome wrong;
        watch(provider.send(request), wrong);
        QTRY_VERIFY(done(wrong));
        QCOMPARE(wrong.failed.size(), 1);
        QCOMPARE(wrong.failed.first().kind, LlmError::Kind::InvalidOutput);
        QCOMPARE(server.requests().size(), 4);
    }

    void structuredOutputWithoutNativeSupportGoesIntoThePrompt()
    {
        LlmTestServer server;
        server.enqueue(
            QStringLiteral("/v1/messages"),
            ScriptedReply::json(
                {{QStringLiteral("model"), QStringLiteral("claude-test")},
                 {QStringLiteral("content"),
                  QJsonArray {QJsonObject {{QStringLiteral("type"), QStringLiteral("text")},
                                           {QStringLiteral("text"), QStringLiteral("{\"ok\":true}")}}}},
                 {QStringLiteral("usage"),
                  QJsonObject {{QStringLiteral("input_tokens"), 1}, {QStringLiteral("output_tokens"), 1}}}}));
        AnthropicProvider provider(anthropicConfig(server));
        auto request = simpleRequest(false);
        request.jsonSchema
            = QJsonDocument::fromJson(R"({"type":"object","required":["ok"],"properties":{"ok":{"type":"boolean"}}})")
                  .object();
        Outcome outcome;
        watch(provider.send(request), outcome);
        QTRY_VERIFY(done(outcome));
        QCOMPARE(outcome.finished.size(), 1);
        QCOMPARE(outcome.finished.first().json.value(QStringLiteral("ok")), QJsonValue(true));
        const auto system = server.requests().first().json.value(QStringLiteral("system")).toString();
        QVERIFY(system.startsWith(QLatin1String("You are a test.")));
        QVERIFY(system.contains(QLatin1String("\"required\":[\"ok\"]")));
    }

    void listModelsAndTestConnection()
    {
        LlmTestServer server;
        const QJsonObject models {{QStringLiteral("data"),
                                   QJsonArray {QJsonObject {{QStringLiteral("id"), QStringLiteral("zeta")}},
                                               QJsonObject {{QStringLiteral("id"), QStringLiteral("test-model")}}}}};
        server.enqueue(QStringLiteral("/v1/models"), ScriptedReply::json(models));
        server.enqueue(QStringLiteral("/v1/models"), ScriptedReply::json(models));
        server.enqueue(QStringLiteral("/v1/models"), ScriptedReply::json(errorBody(QStringLiteral("bad key")), 401));
        OpenAiProvider provider(openAiConfig(server));
        std::optional<Result<QStringList>> listed;
        provider.listModels(this, [&listed](Result<QStringList> result) { listed = std::move(result); });
        QTRY_VERIFY(listed.has_value());
        QVERIFY(*listed);
        QCOMPARE(listed->value(), (QStringList {QStringLiteral("test-model"), QStringLiteral("zeta")}));

        std::optional<Result<QString>> tested;
        provider.testConnection(this, [&tested](Result<QString> result) { tested = std::move(result); });
        QTRY_VERIFY(tested.has_value());
        QVERIFY(*tested);
        QVERIFY(tested->value().contains(QLatin1String("test-model")));

        tested.reset();
        provider.testConnection(this, [&tested](Result<QString> result) { tested = std::move(result); });
        QTRY_VERIFY(tested.has_value());
        QVERIFY(!*tested);
        QVERIFY(tested->error().message.contains(QLatin1String("401")));

        // Anthropic lists under /v1/models with its own headers.
        server.enqueue(QStringLiteral("/v1/models"), ScriptedReply::json(models));
        AnthropicProvider anthropic(anthropicConfig(server));
        listed.reset();
        anthropic.listModels(this, [&listed](Result<QStringList> result) { listed = std::move(result); });
        QTRY_VERIFY(listed.has_value());
        QVERIFY(*listed);
        QCOMPARE(listed->value().size(), 2);
        QCOMPARE(server.requests().last().headers.value("x-api-key"), QByteArray("sk-test-123"));

        // Nothing listening: a clear error.
        auto config = openAiConfig(server);
        config.baseUrl = QStringLiteral("http://127.0.0.1:1/v1");
        OpenAiProvider nowhere(config);
        tested.reset();
        nowhere.testConnection(this, [&tested](Result<QString> result) { tested = std::move(result); });
        QTRY_VERIFY(tested.has_value());
        QVERIFY(!*tested);
        QVERIFY(tested->error().message.contains(QLatin1String("127.0.0.1")));
    }
};

QTEST_GUILESS_MAIN(TestLlmProvider)
#include "tst_llmprovider.moc"
