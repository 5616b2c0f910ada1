#pragma once

#include "ai/llmprovider.h"
#include "ai/llmtypes.h"
#include "ai/ssedecoder.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

namespace Moniagent {

class LlmStreamParser;
class LlmWireFormat;

// One call to a model in flight (made by LlmProvider::send). Retries on 429 (honouring Retry-After, in seconds
// or as an HTTP date), 5xx and dropped connections with exponential backoff, as long as nothing was streamed yet;
// times out when the server stays silent; validates structured output and asks the model once to repair it.
// After cancel() no signal follows except cancelled().
class LlmReply : public QObject
{
    Q_OBJECT
public:
    ~LlmReply() override;

    void cancel();
    bool isRunning() const { return m_running; }
    const LlmRequest& request() const { return m_request; }

    // Seconds or an HTTP date, relative to `now`; empty when the header is missing or unreadable.
    static std::optional<qint64> retryAfterMs(const QByteArray& header, const QDateTime& nowUtc);

Q_SIGNALS:
    void textDelta(const QString& text);
    void toolCalls(const QList<Moniagent::LlmToolCall>& calls);
    // Before a retry: the attempt that failed, the wait and why ("HTTP 429").
    void retrying(int attempt, int waitMs, const QString& reason);
    void finished(const Moniagent::LlmResponse& response);
    void failed(const Moniagent::LlmError& error);
    void cancelled();

private:
    friend class LlmProvider;
    LlmReply(QNetworkAccessManager* network, std::shared_ptr<const LlmWireFormat> format,
             const LlmProviderConfig& config, const LlmRequest& request, QObject* parent);

    void start();
    void sendAttempt();
    void onMetaData();
    void onReadyRead();
    void onNetworkFinished();
    void onTimeout();
    void handleComplete(LlmResponse response);
    void fail(LlmError error);
    void retryOrFail(LlmError error, std::optional<qint64> retryAfter);
    void feedStream(const QList<SseEvent>& events);
    void stopNetwork();
    LlmError httpError(int status, const QByteArray& body) const;
    LlmError networkError(int code, const QString& text) const;

    QNetworkAccessManager* m_network;
    std::shared_ptr<const LlmWireFormat> m_format;
    LlmProviderConfig m_config;
    LlmRequest m_request;
    QPointer<QNetworkReply> m_reply;
    QTimer m_timeout;
    QTimer m_retryTimer;
    QElapsedTimer m_elapsed;
    SseDecoder m_decoder;
    std::unique_ptr<LlmStreamParser> m_parser;
    QByteArray m_body;
    bool m_streaming = false; // this attempt's response is an event stream
    bool m_streamedSomething = false; // text went out: a failure can no longer be retried
    bool m_headersSeen = false;
    bool m_timedOut = false;
    bool m_running = false;
    bool m_cancelled = false;
    bool m_repairing = false;
    int m_attempt = 0; // within the current request (reset for the repair)
    int m_totalAttempts = 0;
    std::optional<qint64> m_carriedInput; // usage of the reply a repair replaces
    std::optional<qint64> m_carriedOutput;
};

} // namespace Moniagent
