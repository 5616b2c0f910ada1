#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QHttpServer>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QQueue>

#include <memory>

namespace Moniagent::Test {

// One scripted HTTP answer of the local LLM server.
struct ScriptedReply
{
    int status = 200;
    QByteArray contentType = "application/json";
    QList<std::pair<QByteArray, QByteArray>> headers;
    // The body, sent in these pieces (chunked transfer encoding, one chunk per piece) with `pieceDelayMs` between
    // them, so a client sees them in separate reads.
    QList<QByteArray> pieces;
    int pieceDelayMs = 0;
    int headerDelayMs = 0; // wait before the status line (a slow server)
    bool hang = false; // after the pieces, never finish the response

    static ScriptedReply json(const QJsonObject& body, int status = 200);
    // A text/event-stream of `events` (each "data: …\n\n" or a full event block), split into pieces of
    // `pieceSize` bytes (0: one piece per event).
    static ScriptedReply sse(const QList<QByteArray>& events, int pieceSize = 0, int pieceDelayMs = 5);
};

// What the server received.
struct ReceivedRequest
{
    QByteArray method;
    QString path;
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QByteArray body;
    QJsonObject json;
    qint64 atMs = 0; // since the server started
};

// A local OpenAI- or Anthropic-compatible endpoint built on Qt HttpServer with scripted replies: each path has a
// queue of replies, answered in order (an empty queue answers 500 "no scripted reply"). Streams use chunked
// transfer encoding written piece by piece from timers through QHttpServerResponder::writeBody().
class LlmTestServer : public QObject
{
    Q_OBJECT
public:
    LlmTestServer();
    ~LlmTestServer() override;

    quint16 port() const { return m_port; }
    QString url(const QString& path = {}) const;

    void enqueue(const QString& path, const ScriptedReply& reply);
    const QList<ReceivedRequest>& requests() const { return m_requests; }
    QList<ReceivedRequest> requests(const QString& path) const;
    // Responses still being written (for cancel tests: the client went away).
    int openResponses() const { return m_open; }

Q_SIGNALS:
    void requestReceived(const QString& path);

private:
    void handle(const QHttpServerRequest& request, QHttpServerResponder&& responder);

    QHttpServer m_server;
    quint16 m_port = 0;
    QElapsedTimer m_clock;
    QHash<QString, QQueue<ScriptedReply>> m_replies;
    QList<ReceivedRequest> m_requests;
    int m_open = 0;
};

} // namespace Moniagent::Test
