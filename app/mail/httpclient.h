#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QUrl>

#include <functional>
#include <optional>
#include <utility>

namespace Moniagent {

// One HTTP request for HttpClient.
struct HttpRequest
{
    QByteArray method = "GET";
    QUrl url;
    QList<std::pair<QByteArray, QByteArray>> headers; // sent as given ("Authorization", "Bearer …")
    QByteArray body; // sent when not empty (or when the method is POST, PUT or PATCH)
    int timeoutMs = 30'000; // to connect, and the longest the server may stay silent while answering
    qint64 maxResponseBytes = 64 * 1024 * 1024; // a longer body ends the request with Failure::TooLarge
    std::function<bool()> cancelCheck; // polled while waiting; true abandons the request (Failure::Cancelled)
};

// What the server answered, whatever the status.
struct HttpResponse
{
    int status = 0;
    QHash<QByteArray, QByteArray> headers; // names in lower case; a repeated header keeps the last value
    QByteArray body;

    QByteArray header(const QByteArray& lowerCaseName) const { return headers.value(lowerCaseName); }
    bool isSuccess() const { return status >= 200 && status < 300; }
    // The Retry-After header in seconds (delta-seconds, or an HTTP date relative to `now`); empty when absent
    // or unreadable.
    std::optional<int> retryAfterSeconds(const QDateTime& now = QDateTime::currentDateTimeUtc()) const;
    // The body as a JSON object; empty when it is not one.
    QJsonObject json() const;
    // The message of a JSON error body: Google's and Microsoft Graph's {"error":{"message":…}} or OAuth's
    // {"error":"invalid_grant","error_description":…}; empty when the body says nothing readable.
    QString errorMessage() const;
    // The machine-readable error code: Graph's error.code, Google's error.status, OAuth's "error".
    QString errorCode() const;
};

// A small synchronous HTTP(S) client over libcurl, for worker threads: one call blocks until the whole answer
// is read. TLS always verifies the peer and the host name; plain http:// is refused except to a loopback host
// (the local test servers). Redirects are not followed. One client keeps its connection open between requests
// to the same host; use one client per thread.
class HttpClient
{
    Q_DECLARE_TR_FUNCTIONS(HttpClient)
public:
    // Why the last send() failed. An answer with an error status (401, 500…) is not a failure: it is a response.
    enum class Failure
    {
        None,
        Network, // not resolved, refused, dropped, timed out, TLS failed: try again later
        Cancelled,
        TooLarge, // the body exceeded maxResponseBytes
        InvalidRequest, // not an http(s) URL, or plain http to a host that is not loopback
    };

    HttpClient();
    ~HttpClient();
    HttpClient(const HttpClient&) = delete;
    HttpClient& operator=(const HttpClient&) = delete;

    Result<HttpResponse> send(const HttpRequest& request);
    Failure failure() const { return m_failure; }

    // A PEM file of extra trusted CAs (tests); empty: the system's.
    void setCaBundle(const QString& path) { m_caBundle = path; }

    // True for URLs send() accepts: https anywhere, http only to 127.0.0.0/8, ::1 or "localhost".
    static bool isAllowedUrl(const QUrl& url);

private:
    Error fail(Failure failure, const QString& message, const QString& detail = {});

    void* m_curl = nullptr; // CURL*
    QString m_caBundle;
    Failure m_failure = Failure::None;
};

} // namespace Moniagent
