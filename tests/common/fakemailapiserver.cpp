#include "fakemailapiserver.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTcpSocket>

#include <algorithm>

namespace Moniagent::Test {

// ---------------------------------------------------------------------------------------------------------------
// Shared

FakeMailApiServer::FakeMailApiServer()
{
    m_server.setMissingHandler([this](const QHttpServerRequest& request, QHttpServerResponder&& responder) {
        handle(request, std::move(responder));
    });
    m_port = m_server.listen(QHostAddress::LocalHost, 0);
}

FakeMailApiServer::~FakeMailApiServer() = default;

QUrl FakeMailApiServer::root() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port));
}

int FakeMailApiServer::requestCount(const QString& pathContains) const
{
    return int(std::count_if(m_requests.begin(), m_requests.end(),
                             [&](const FakeApiRequest& request) { return request.path.contains(pathContains); }));
}

void FakeMailApiServer::addMessage(const QString& id, const QDateTime& receivedAt, const QByteArray& raw)
{
    m_messages.append({id, receivedAt.toUTC(), raw, std::nullopt, ++m_sequence});
}

const FakeMailMessage* FakeMailApiServer::find(const QString& id) const
{
    for (const FakeMailMessage& message : m_messages) {
        if (message.id == id)
            return &message;
    }
    return nullptr;
}

int FakeMailApiServer::replyJson(QHttpServerResponder& responder, const QJsonObject& body, int status,
                                 std::optional<int> retryAfterSeconds)
{
    QHttpServerResponse response(QByteArrayLiteral("application/json; charset=UTF-8"),
                                 QJsonDocument(body).toJson(QJsonDocument::Compact),
                                 QHttpServerResponse::StatusCode(status));
    if (retryAfterSeconds)
        response.addHeader(QByteArrayLiteral("Retry-After"), QByteArray::number(*retryAfterSeconds));
    response.write(std::move(responder));
    return status;
}

int FakeMailApiServer::replyError(QHttpServerResponder& responder, int status, const QString& message,
                                  std::optional<int> retryAfterSeconds)
{
    return replyJson(responder, errorBody(status, message), status, retryAfterSeconds);
}

void FakeMailApiServer::handle(const QHttpServerRequest& request, QHttpServerResponder&& responder)
{
    FakeApiRequest logged;
    logged.method
        = request.method() == QHttpServerRequest::Method::Get ? QByteArrayLiteral("GET") : QByteArrayLiteral("OTHER");
    logged.path = request.url().path(QUrl::FullyDecoded);
    logged.query = request.query();
    const QByteArray authorization = request.value(QByteArrayLiteral("Authorization"));
    if (authorization.startsWith("Bearer "))
        logged.token = QString::fromUtf8(authorization.mid(7).trimmed());

    if (logged.method != "GET") {
        logged.status = replyError(responder, 405, QStringLiteral("Only GET is served here."));
    } else if (!m_validTokens.contains(logged.token) && !(m_tokenCheck && m_tokenCheck(logged.token))) {
        logged.status = replyError(responder, 401, QStringLiteral("Request had invalid authentication credentials."));
    } else {
        auto fault = std::find_if(m_faults.begin(), m_faults.end(), [&](const FakeApiFault& candidate) {
            return candidate.pathContains.isEmpty() || logged.path.contains(candidate.pathContains);
        });
        if (fault != m_faults.end() && fault->skip > 0) {
            --fault->skip;
            fault = m_faults.end();
        }
        if (fault != m_faults.end()) {
            const FakeApiFault answer = *fault;
            if (--fault->count <= 0)
                m_faults.erase(fault);
            if (answer.drop) {
                if (QTcpSocket* socket = responder.socket())
                    socket->abort();
                logged.status = 0;
            } else {
                logged.status
                    = replyError(responder, answer.status, QStringLiteral("Injected fault %1.").arg(answer.status),
                                 answer.retryAfterSeconds);
            }
        } else {
            logged.status = serve(request, logged.path, responder);
        }
    }
    m_requests.append(logged);
}

// ---------------------------------------------------------------------------------------------------------------
// Gmail

void FakeGmailServer::addMalformedMessage(const QString& id, const QDateTime& receivedAt, const QByteArray& rawField)
{
    m_messages.append({id, receivedAt.toUTC(), rawField, rawField, ++m_sequence});
}

QJsonObject FakeGmailServer::errorBody(int status, const QString& message) const
{
    QString code;
    switch (status) {
    case 400:
        code = QStringLiteral("INVALID_ARGUMENT");
        break;
    case 401:
        code = QStringLiteral("UNAUTHENTICATED");
        break;
    case 403:
        code = QStringLiteral("PERMISSION_DENIED");
        break;
    case 404:
        code = QStringLiteral("NOT_FOUND");
        break;
    case 429:
        code = QStringLiteral("RESOURCE_EXHAUSTED");
        break;
    case 503:
        code = QStringLiteral("UNAVAILABLE");
        break;
    default:
        code = QStringLiteral("INTERNAL");
        break;
    }
    return {{QStringLiteral("error"),
             QJsonObject {{QStringLiteral("code"), status},
                          {QStringLiteral("message"), message},
                          {QStringLiteral("status"), code}}}};
}

int FakeGmailServer::serve(const QHttpServerRequest& request, const QString& path, QHttpServerResponder& responder)
{
    static const QString prefix = QStringLiteral("/gmail/v1/users/me/");
    if (!path.startsWith(prefix))
        return replyError(responder, 404, QStringLiteral("Requested entity was not found."));
    const QString rest = path.mid(prefix.size());
    const QUrlQuery query = request.query();

    if (rest == QLatin1String("profile")) {
        return replyJson(responder,
                         {{QStringLiteral("emailAddress"), m_address},
                          {QStringLiteral("messagesTotal"), int(m_messages.size())},
                          {QStringLiteral("threadsTotal"), int(m_messages.size())},
                          {QStringLiteral("historyId"), historyId()}});
    }
    if (rest == QLatin1String("messages")) {
        const QString q = query.queryItemValue(QStringLiteral("q"), QUrl::FullyDecoded);
        m_queries.append(q);
        static const QRegularExpression afterPattern(QStringLiteral("\\bafter:(\\d+)\\b"));
        const auto after = afterPattern.match(q);
        const qint64 afterEpoch = after.hasMatch() ? after.captured(1).toLongLong() : 0;
        QList<const FakeMailMessage*> matching;
        for (const FakeMailMessage& message : std::as_const(m_messages)) {
            if (message.receivedAt.toSecsSinceEpoch() >= afterEpoch)
                matching.append(&message);
        }
        std::stable_sort(matching.begin(), matching.end(), [](const FakeMailMessage* a, const FakeMailMessage* b) {
            return a->receivedAt > b->receivedAt; // newest first, as Gmail lists
        });
        int maxResults = query.queryItemValue(QStringLiteral("maxResults")).toInt();
        if (maxResults <= 0)
            maxResults = 100;
        const int size = qMin(qMin(maxResults, 500), m_maxPageSize);
        const int offset = query.queryItemValue(QStringLiteral("pageToken")).toInt();
        QJsonArray page;
        for (int i = offset; i < matching.size() && i < offset + size; ++i)
            page.append(QJsonObject {{QStringLiteral("id"), matching.at(i)->id},
                                     {QStringLiteral("threadId"), QString(QStringLiteral("t-") + matching.at(i)->id)}});
        QJsonObject body {{QStringLiteral("resultSizeEstimate"), int(matching.size())}};
        if (!page.isEmpty())
            body.insert(QStringLiteral("messages"), page);
        if (offset + size < matching.size())
            body.insert(QStringLiteral("nextPageToken"), QString::number(offset + size));
        return replyJson(responder, body);
    }
    if (rest.startsWith(QLatin1String("messages/"))) {
        const FakeMailMessage* message = find(rest.mid(9));
        if (!message)
            return replyError(responder, 404, QStringLiteral("Requested entity was not found."));
        if (query.queryItemValue(QStringLiteral("format")) != QLatin1String("raw"))
            return replyError(responder, 400, QStringLiteral("Only format=raw is served here."));
        const QByteArray raw = message->rawField.value_or(
            message->raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
        return replyJson(responder,
                         {{QStringLiteral("id"), message->id},
                          {QStringLiteral("threadId"), QString(QStringLiteral("t-") + message->id)},
                          {QStringLiteral("labelIds"), QJsonArray {QStringLiteral("INBOX")}},
                          {QStringLiteral("historyId"), QString::number(1000 + message->sequence)},
                          {QStringLiteral("internalDate"), QString::number(message->receivedAt.toMSecsSinceEpoch())},
                          {QStringLiteral("sizeEstimate"), int(message->raw.size())},
                          {QStringLiteral("raw"), QString::fromLatin1(raw)}});
    }
    return replyError(responder, 404, QStringLiteral("Requested entity was not found."));
}

// ---------------------------------------------------------------------------------------------------------------
// Microsoft Graph

QUrl FakeGraphServer::apiUrl() const
{
    QUrl url = root();
    url.setPath(QStringLiteral("/v1.0"));
    return url;
}

void FakeGraphServer::removeMessage(const QString& id)
{
    m_messages.removeIf([&](const FakeMailMessage& message) { return message.id == id; });
    m_removed.append({id, ++m_sequence});
}

QJsonObject FakeGraphServer::errorBody(int status, const QString& message) const
{
    QString code;
    switch (status) {
    case 401:
        code = QStringLiteral("InvalidAuthenticationToken");
        break;
    case 404:
        code = QStringLiteral("ErrorItemNotFound");
        break;
    case 410:
        code = QStringLiteral("syncStateNotFound");
        break;
    case 429:
        code = QStringLiteral("TooManyRequests");
        break;
    case 503:
        code = QStringLiteral("ServiceNotAvailable");
        break;
    default:
        code = QStringLiteral("generalException");
        break;
    }
    return {
        {QStringLiteral("error"), QJsonObject {{QStringLiteral("code"), code}, {QStringLiteral("message"), message}}}};
}

int FakeGraphServer::serve(const QHttpServerRequest& request, const QString& path, QHttpServerResponder& responder)
{
    if (path == QLatin1String("/v1.0/me/mailFolders/inbox/messages/delta"))
        return serveDelta(request, responder);
    static const QRegularExpression value(QStringLiteral("^/v1\\.0/me/messages/([^/]+)/\\$value$"));
    const auto match = value.match(path);
    if (match.hasMatch()) {
        const FakeMailMessage* message = find(match.captured(1));
        if (!message)
            return replyError(responder, 404, QStringLiteral("The specified object was not found in the store."));
        QHttpServerResponse(QByteArrayLiteral("text/plain"), message->raw).write(std::move(responder));
        return 200;
    }
    return replyError(responder, 404, QStringLiteral("Resource not found for the segment."));
}

int FakeGraphServer::serveDelta(const QHttpServerRequest& request, QHttpServerResponder& responder)
{
    const QUrlQuery query = request.query();
    const QString skipToken = query.queryItemValue(QStringLiteral("$skiptoken"));
    const QString deltaToken = query.queryItemValue(QStringLiteral("$deltatoken"));
    const QString gone = QStringLiteral("The sync state generation is outdated; start a new sync.");
    if (!skipToken.isEmpty()) {
        // "<snapshot>.<offset>"
        const QStringList parts = skipToken.split(u'.');
        const int snapshot = parts.value(0).toInt();
        if (parts.size() != 2 || snapshot < 0 || snapshot >= m_snapshots.size())
            return replyError(responder, 400, QStringLiteral("Invalid skip token."));
        if (m_snapshots.at(snapshot).generation != m_generation)
            return replyError(responder, 410, gone);
        return servePage(responder, snapshot, parts.value(1).toInt());
    }

    Snapshot snapshot;
    snapshot.issuedAt = m_sequence;
    snapshot.generation = m_generation;
    if (!deltaToken.isEmpty()) {
        // "<generation>.<sequence>": what was added or removed after the sequence.
        const QStringList parts = deltaToken.split(u'.');
        if (parts.size() != 2)
            return replyError(responder, 400, QStringLiteral("Invalid delta token."));
        if (parts.at(0).toInt() != m_generation)
            return replyError(responder, 410, gone);
        const qint64 since = parts.at(1).toLongLong();
        for (const FakeMailMessage& message : std::as_const(m_messages)) {
            if (message.sequence > since)
                snapshot.values.append(
                    {{QStringLiteral("id"), message.id},
                     {QStringLiteral("receivedDateTime"), message.receivedAt.toString(Qt::ISODate)}});
        }
        for (const auto& [id, sequence] : std::as_const(m_removed)) {
            if (sequence > since)
                snapshot.values.append({{QStringLiteral("id"), id},
                                        {QStringLiteral("@removed"),
                                         QJsonObject {{QStringLiteral("reason"), QStringLiteral("deleted")}}}});
        }
    } else {
        const QString filter = query.queryItemValue(QStringLiteral("$filter"), QUrl::FullyDecoded);
        m_filters.append(filter);
        static const QRegularExpression pattern(QStringLiteral("^receivedDateTime ge (\\S+)$"));
        const auto match = pattern.match(filter);
        if (!filter.isEmpty() && !match.hasMatch())
            return replyError(responder, 400, QStringLiteral("Unsupported filter for delta: %1").arg(filter));
        const QDateTime since = match.hasMatch() ? QDateTime::fromString(match.captured(1), Qt::ISODate) : QDateTime();
        if (match.hasMatch() && !since.isValid())
            return replyError(responder, 400, QStringLiteral("Invalid date in filter: %1").arg(match.captured(1)));
        for (const FakeMailMessage& message : std::as_const(m_messages)) {
            if (!since.isValid() || message.receivedAt >= since)
                snapshot.values.append(
                    {{QStringLiteral("id"), message.id},
                     {QStringLiteral("receivedDateTime"), message.receivedAt.toString(Qt::ISODate)}});
        }
    }
    m_snapshots.append(snapshot);
    return servePage(responder, int(m_snapshots.size() - 1), 0);
}

int FakeGraphServer::servePage(QHttpServerResponder& responder, int snapshotIndex, int offset)
{
    const Snapshot& snapshot = m_snapshots.at(snapshotIndex);
    QJsonArray values;
    for (int i = offset; i < snapshot.values.size() && i < offset + m_pageSize; ++i)
        values.append(snapshot.values.at(i));
    QJsonObject body {{QStringLiteral("@odata.context"),
                       QString(root().toString() + QStringLiteral("/v1.0/$metadata#Collection(message)"))},
                      {QStringLiteral("value"), values}};
    QUrl link = apiUrl();
    link.setPath(link.path() + QStringLiteral("/me/mailFolders/inbox/messages/delta"));
    if (offset + m_pageSize < snapshot.values.size()) {
        link.setQuery(QStringLiteral("$skiptoken=%1.%2").arg(snapshotIndex).arg(offset + m_pageSize));
        body.insert(QStringLiteral("@odata.nextLink"), link.toString(QUrl::FullyEncoded));
    } else {
        link.setQuery(QStringLiteral("$deltatoken=%1.%2").arg(snapshot.generation).arg(snapshot.issuedAt));
        body.insert(QStringLiteral("@odata.deltaLink"), link.toString(QUrl::FullyEncoded));
    }
    return replyJson(responder, body);
}

} // namespace Moniagent::Test
