#include "llmtestserver.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

namespace Moniagent::Test {

ScriptedReply ScriptedReply::json(const QJsonObject& body, int status)
{
    ScriptedReply reply;
    reply.status = status;
    reply.pieces = {QJsonDocument(body).toJson(QJsonDocument::Compact)};
    return reply;
}

ScriptedReply ScriptedReply::sse(const QList<QByteArray>& events, int pieceSize, int pieceDelayMs)
{
    ScriptedReply reply;
    reply.contentType = "text/event-stream";
    reply.pieceDelayMs = pieceDelayMs;
    if (pieceSize <= 0) {
        reply.pieces = events;
        return reply;
    }
    QByteArray all;
    for (const auto& event : events)
        all += event;
    for (qsizetype i = 0; i < all.size(); i += pieceSize)
        reply.pieces.append(all.mid(i, pieceSize));
    return reply;
}

LlmTestServer::LlmTestServer()
{
    m_clock.start();
    m_server.setMissingHandler([this](const QHttpServerRequest& request, QHttpServerResponder&& responder) {
        handle(request, std::move(responder));
    });
    m_port = m_server.listen(QHostAddress::LocalHost, 0);
}

LlmTestServer::~LlmTestServer()
{
    qDeleteAll(findChildren<QObject*>(Qt::FindDirectChildrenOnly));
}

QString LlmTestServer::url(const QString& path) const
{
    return QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path);
}

void LlmTestServer::enqueue(const QString& path, const ScriptedReply& reply)
{
    m_replies[path].enqueue(reply);
}

QList<ReceivedRequest> LlmTestServer::requests(const QString& path) const
{
    QList<ReceivedRequest> list;
    for (const auto& request : m_requests) {
        if (request.path == path)
            list.append(request);
    }
    return list;
}

namespace {
// Writes one scripted reply piece by piece; deletes itself at the end or when the client disconnects.
class ReplyWriter : public QObject
{
public:
    ReplyWriter(QHttpServerResponder&& responder, ScriptedReply reply, int* open, QObject* parent)
        : QObject(parent)
        , m_responder(std::move(responder))
        , m_reply(std::move(reply))
        , m_socket(m_responder.socket())
        , m_open(open)
    {
        ++*m_open;
        if (m_socket)
            connect(m_socket, &QTcpSocket::disconnected, this, [this]() { finish(); });
        QTimer::singleShot(m_reply.headerDelayMs, this, [this]() { writeHead(); });
    }
    ~ReplyWriter() override { --*m_open; }

private:
    void writeHead()
    {
        if (!m_socket || m_socket->state() != QAbstractSocket::ConnectedState) {
            finish();
            return;
        }
        m_responder.writeStatusLine(QHttpServerResponder::StatusCode(m_reply.status));
        m_responder.writeHeader("Content-Type", m_reply.contentType);
        m_responder.writeHeader("Transfer-Encoding", "chunked");
        m_responder.writeHeader("Cache-Control", "no-cache");
        for (const auto& [name, value] : std::as_const(m_reply.headers))
            m_responder.writeHeader(name, value);
        m_socket->flush();
        writeNext();
    }

    void writeNext()
    {
        if (!m_socket || m_socket->state() != QAbstractSocket::ConnectedState) {
            finish();
            return;
        }
        if (m_next < m_reply.pieces.size()) {
            const auto& piece = m_reply.pieces.at(m_next++);
            if (!piece.isEmpty())
                m_responder.writeBody(QByteArray::number(piece.size(), 16) + "\r\n" + piece + "\r\n");
            m_socket->flush();
            QTimer::singleShot(m_reply.pieceDelayMs, this, [this]() { writeNext(); });
            return;
        }
        if (m_reply.hang)
            return; // the client times out or cancels
        m_responder.writeBody(QByteArrayLiteral("0\r\n\r\n"));
        m_socket->flush();
        finish();
    }

    void finish()
    {
        if (m_finished)
            return;
        m_finished = true;
        deleteLater();
    }

    QHttpServerResponder m_responder;
    ScriptedReply m_reply;
    QPointer<QTcpSocket> m_socket;
    int* m_open;
    qsizetype m_next = 0;
    bool m_finished = false;
};
} // namespace

void LlmTestServer::handle(const QHttpServerRequest& request, QHttpServerResponder&& responder)
{
    ReceivedRequest received;
    received.method
        = request.method() == QHttpServerRequest::Method::Get ? QByteArrayLiteral("GET") : QByteArrayLiteral("POST");
    received.path = request.url().path();
    for (const auto& [name, value] : request.headers())
        received.headers.insert(name.toLower(), value);
    received.body = request.body();
    received.json = QJsonDocument::fromJson(received.body).object();
    received.atMs = m_clock.elapsed();
    m_requests.append(received);

    ScriptedReply reply;
    auto queue = m_replies.find(received.path);
    if (queue != m_replies.end() && !queue->isEmpty()) {
        reply = queue->dequeue();
    } else {
        reply = ScriptedReply::json(
            QJsonObject {{QStringLiteral("error"),
                          QJsonObject {{QStringLiteral("message"), QStringLiteral("no scripted reply")}}}},
            500);
    }
    new ReplyWriter(std::move(responder), reply, &m_open, this);
    Q_EMIT requestReceived(received.path);
}

} // namespace Moniagent::Test
