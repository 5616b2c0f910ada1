#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHttpServer>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>
#include <QUrl>
#include <QUrlQuery>

#include <functional>
#include <optional>

class QHttpServerRequest;
class QHttpServerResponder;

namespace Moniagent::Test {

// A request a fake mail API server received, and how it answered.
struct FakeApiRequest
{
    QByteArray method;
    QString path; // decoded
    QUrlQuery query;
    QString token; // the bearer token sent
    int status = 0; // the status answered
};

// Answers the next `count` requests whose path contains `pathContains` (any when empty), after letting `skip`
// of them through, with `status` (and a Retry-After header when given) and the provider's error body; or, with
// `drop`, closes the connection without answering (logged with status 0).
struct FakeApiFault
{
    int status = 500;
    std::optional<int> retryAfterSeconds;
    int count = 1;
    int skip = 0;
    QString pathContains;
    bool drop = false;
};

// A message of a fake mailbox.
struct FakeMailMessage
{
    QString id;
    QDateTime receivedAt; // UTC
    QByteArray raw; // RFC 5322
    std::optional<QByteArray> rawField; // Gmail: sent as "raw" instead of the encoding of `raw` (malformed)
    qint64 sequence = 0; // order of arrival
};

// What the fake Gmail and Graph servers share (tests/common): Qt HttpServer on 127.0.0.1 with a random port,
// bearer tokens checked against setValidTokens() (anything else: 401), fault injection, a request log. Lives
// on the thread that runs the event loop; the code under test must call it from another thread (a JobRunner).
class FakeMailApiServer : public QObject
{
    Q_OBJECT
public:
    FakeMailApiServer();
    ~FakeMailApiServer() override;

    quint16 port() const { return m_port; }
    QUrl root() const; // http://127.0.0.1:<port>

    void setValidTokens(const QStringList& tokens) { m_validTokens = QSet<QString>(tokens.begin(), tokens.end()); }
    // Accepts the tokens this check accepts too (the ones a FakeOAuthServer issued).
    void setTokenCheck(std::function<bool(const QString&)> check) { m_tokenCheck = std::move(check); }
    void addFault(const FakeApiFault& fault) { m_faults.append(fault); }
    void clearFaults() { m_faults.clear(); }
    // Requests answered from now on, in order.
    const QList<FakeApiRequest>& requests() const { return m_requests; }
    int requestCount(const QString& pathContains) const;
    void clearRequests() { m_requests.clear(); }

    // The mailbox.
    void addMessage(const QString& id, const QDateTime& receivedAt, const QByteArray& raw);
    const QList<FakeMailMessage>& messages() const { return m_messages; }

protected:
    // Answers an authorised request without a fault; returns the status sent.
    virtual int serve(const QHttpServerRequest& request, const QString& path, QHttpServerResponder& responder) = 0;
    // The provider's JSON error body for `status`.
    virtual QJsonObject errorBody(int status, const QString& message) const = 0;
    int replyJson(QHttpServerResponder& responder, const QJsonObject& body, int status = 200,
                  std::optional<int> retryAfterSeconds = {});
    int replyError(QHttpServerResponder& responder, int status, const QString& message,
                   std::optional<int> retryAfterSeconds = {});
    const FakeMailMessage* find(const QString& id) const;

    QList<FakeMailMessage> m_messages;
    qint64 m_sequence = 0;

private:
    void handle(const QHttpServerRequest& request, QHttpServerResponder&& responder);

    QHttpServer m_server;
    quint16 m_port = 0;
    QSet<QString> m_validTokens;
    std::function<bool(const QString&)> m_tokenCheck;
    QList<FakeApiFault> m_faults;
    QList<FakeApiRequest> m_requests;
};

// The Gmail API v1 subset of https://developers.google.com/gmail/api/reference/rest: users.getProfile,
// users.messages.list (q: `after:<epoch>` honoured, the rest recorded; maxResults; pageToken) and users.messages.get
// (format=raw, base64url). Messages are listed newest first. Errors as {"error":{"code","message","status"}}.
class FakeGmailServer : public FakeMailApiServer
{
    Q_OBJECT
public:
    FakeGmailServer() = default;

    QUrl apiUrl() const { return root(); } // MailServices::gmailApiUrl
    void setEmailAddress(const QString& address) { m_address = address; }
    void setMaxPageSize(int size) { m_maxPageSize = size; }
    // A message whose "raw" field is `rawField` as given (not valid base64url, say).
    void addMalformedMessage(const QString& id, const QDateTime& receivedAt, const QByteArray& rawField);
    QString historyId() const { return QString::number(1000 + m_sequence); }
    QStringList queries() const { return m_queries; } // every q received by messages.list

protected:
    int serve(const QHttpServerRequest& request, const QString& path, QHttpServerResponder& responder) override;
    QJsonObject errorBody(int status, const QString& message) const override;

private:
    QString m_address = QStringLiteral("sam@example.com");
    int m_maxPageSize = 500;
    QStringList m_queries;
};

// The Microsoft Graph v1.0 subset: GET /me/mailFolders/inbox/messages/delta ($filter=receivedDateTime ge <ISO>
// on the first request; @odata.nextLink pages by $skiptoken; the last page's @odata.deltaLink returns only what
// was added or removed after it was issued) and GET /me/messages/{id}/$value. Errors as
// {"error":{"code","message"}}; expireSyncState() makes every earlier link answer 410 syncStateNotFound.
class FakeGraphServer : public FakeMailApiServer
{
    Q_OBJECT
public:
    FakeGraphServer() = default;

    QUrl apiUrl() const; // MailServices::graphApiUrl: http://127.0.0.1:<port>/v1.0
    void setPageSize(int size) { m_pageSize = size; }
    void removeMessage(const QString& id);
    void expireSyncState() { ++m_generation; }
    QStringList filters() const { return m_filters; } // every $filter of a first delta request

protected:
    int serve(const QHttpServerRequest& request, const QString& path, QHttpServerResponder& responder) override;
    QJsonObject errorBody(int status, const QString& message) const override;

private:
    struct Snapshot
    {
        QList<QJsonObject> values;
        qint64 issuedAt = 0; // the sequence its delta link continues from
        int generation = 0;
    };
    int serveDelta(const QHttpServerRequest& request, QHttpServerResponder& responder);
    int servePage(QHttpServerResponder& responder, int snapshot, int offset);

    int m_pageSize = 10;
    int m_generation = 0;
    QList<Snapshot> m_snapshots;
    QList<std::pair<QString, qint64>> m_removed; // id, sequence
    QStringList m_filters;
};

} // namespace Moniagent::Test
