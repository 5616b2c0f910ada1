#include "httpclient.h"

#include "curlsupport.h"
#include "maillogging.h"

#include <QHostAddress>
#include <QJsonDocument>
#include <QLocale>

#include <curl/curl.h>

namespace Moniagent {

namespace {

using Curl::handle;
constexpr auto initializeCurl = Curl::initialize;

// What one transfer collects; the callbacks get a pointer to it.
struct Transfer
{
    HttpResponse response;
    qint64 limit = 0;
    bool tooLarge = false;
    const std::function<bool()>* cancelCheck = nullptr;
};

size_t writeBody(char* data, size_t size, size_t count, void* userData)
{
    auto* transfer = static_cast<Transfer*>(userData);
    const size_t bytes = size * count;
    if (transfer->response.body.size() + qint64(bytes) > transfer->limit) {
        transfer->tooLarge = true;
        return 0; // libcurl ends the transfer with CURLE_WRITE_ERROR
    }
    transfer->response.body.append(data, qsizetype(bytes));
    return bytes;
}

size_t writeHeader(char* data, size_t size, size_t count, void* userData)
{
    auto* transfer = static_cast<Transfer*>(userData);
    const size_t bytes = size * count;
    const QByteArray line = QByteArray(data, qsizetype(bytes)).trimmed();
    if (line.startsWith("HTTP/")) {
        transfer->response.headers.clear(); // a new response (after "100 Continue")
        return bytes;
    }
    const qsizetype colon = line.indexOf(':');
    if (colon > 0)
        transfer->response.headers.insert(line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed());
    return bytes;
}

int progress(void* userData, curl_off_t, curl_off_t, curl_off_t, curl_off_t)
{
    const auto* transfer = static_cast<Transfer*>(userData);
    return *transfer->cancelCheck && (*transfer->cancelCheck)() ? 1 : 0;
}

bool isLoopbackHost(const QString& host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

} // namespace

std::optional<int> HttpResponse::retryAfterSeconds(const QDateTime& now) const
{
    const QByteArray value = headers.value("retry-after").trimmed();
    if (value.isEmpty())
        return std::nullopt;
    bool number = false;
    const qint64 seconds = value.toLongLong(&number);
    if (number)
        return seconds < 0 ? std::nullopt : std::optional<int>(int(qMin(seconds, qint64(7 * 24 * 3600))));
    // An HTTP date: "Wed, 21 Oct 2015 07:28:00 GMT".
    QDateTime at
        = QLocale::c().toDateTime(QString::fromLatin1(value), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (!at.isValid())
        return std::nullopt;
    at.setTimeSpec(Qt::UTC);
    constexpr qint64 week = 7 * 24 * 3600;
    return int(qBound(qint64(0), now.secsTo(at), week));
}

QJsonObject HttpResponse::json() const
{
    return QJsonDocument::fromJson(body).object();
}

QString HttpResponse::errorMessage() const
{
    const QJsonObject object = json();
    const QJsonValue error = object.value(QLatin1String("error"));
    if (error.isObject())
        return error.toObject().value(QLatin1String("message")).toString();
    const QString description = object.value(QLatin1String("error_description")).toString();
    return description.isEmpty() ? error.toString() : description;
}

QString HttpResponse::errorCode() const
{
    const QJsonValue error = json().value(QLatin1String("error"));
    if (!error.isObject())
        return error.toString();
    const QJsonObject object = error.toObject();
    const QString code = object.value(QLatin1String("code")).toString(); // Graph: "syncStateNotFound"
    return code.isEmpty() ? object.value(QLatin1String("status")).toString() : code; // Google: "UNAUTHENTICATED"
}

HttpClient::HttpClient()
{
    initializeCurl();
}

HttpClient::~HttpClient()
{
    if (m_curl)
        curl_easy_cleanup(handle(m_curl));
}

bool HttpClient::isAllowedUrl(const QUrl& url)
{
    if (!url.isValid() || url.host().isEmpty())
        return false;
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("https"))
        return true;
    return scheme == QLatin1String("http") && isLoopbackHost(url.host());
}

Error HttpClient::fail(Failure failure, const QString& message, const QString& detail)
{
    m_failure = failure;
    switch (failure) {
    case Failure::Cancelled:
        return Error::cancelled(message);
    case Failure::Network:
        return Error {Error::Code::Io, message, detail};
    default:
        return Error::invalidInput(message, detail);
    }
}

Result<HttpResponse> HttpClient::send(const HttpRequest& request)
{
    m_failure = Failure::None;
    if (!isAllowedUrl(request.url))
        return fail(Failure::InvalidRequest, tr("The address %1 is not a secure web address.").arg(request.url.host()),
                    request.url.toString(QUrl::RemoveQuery | QUrl::RemoveUserInfo));
    if (request.cancelCheck && request.cancelCheck())
        return fail(Failure::Cancelled, tr("Cancelled."));
    if (!m_curl)
        m_curl = curl_easy_init();
    if (!m_curl)
        return fail(Failure::Network, tr("Could not start a network connection."));
    CURL* curl = handle(m_curl);
    curl_easy_reset(curl); // keeps the open connections and the TLS session cache

    const QByteArray url = request.url.toEncoded();
    const QByteArray method = request.method.toUpper();
    curl_easy_setopt(curl, CURLOPT_URL, url.constData());
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
    const QByteArray caBundle = m_caBundle.toLocal8Bit();
    if (!caBundle.isEmpty())
        curl_easy_setopt(curl, CURLOPT_CAINFO, caBundle.constData());
    curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, ""); // whatever libcurl can decode
    const long timeoutMs = qMax(1, request.timeoutMs);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, timeoutMs);
    // A server silent (under one byte a second) for the timeout ends the request; a long download that keeps
    // moving does not.
    curl_easy_setopt(curl, CURLOPT_LOW_SPEED_LIMIT, 1L);
    curl_easy_setopt(curl, CURLOPT_LOW_SPEED_TIME, qMax(1L, (timeoutMs + 999) / 1000));
    curl_easy_setopt(curl, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(request.maxResponseBytes));

    if (method == "GET") {
        curl_easy_setopt(curl, CURLOPT_HTTPGET, 1L);
    } else if (method == "HEAD") {
        curl_easy_setopt(curl, CURLOPT_NOBODY, 1L);
    } else {
        if (method != "POST")
            curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, method.constData());
        if (!request.body.isEmpty() || method == "POST" || method == "PUT" || method == "PATCH") {
            curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(request.body.size()));
            curl_easy_setopt(curl, CURLOPT_POSTFIELDS, request.body.constData());
        }
    }

    curl_slist* headers = nullptr;
    for (const auto& [name, value] : request.headers)
        headers = curl_slist_append(headers, QByteArray(name + ": " + value).constData());
    headers = curl_slist_append(headers, "Expect:"); // no "100 Continue" round trip for bodies
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);

    Transfer transfer;
    transfer.limit = request.maxResponseBytes;
    transfer.cancelCheck = &request.cancelCheck;
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, writeBody);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &transfer);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, writeHeader);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, &transfer);
    curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, progress);
    curl_easy_setopt(curl, CURLOPT_XFERINFODATA, &transfer);

    const CURLcode code = curl_easy_perform(curl);
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, nullptr);
    curl_slist_free_all(headers);
    const QString host = request.url.host();
    if (code == CURLE_OK) {
        long status = 0;
        curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
        transfer.response.status = int(status);
        return std::move(transfer.response);
    }
    const QString detail = QString::fromUtf8(curl_easy_strerror(code));
    qCInfo(lcMail) << method << request.url.toString(QUrl::RemoveQuery | QUrl::RemoveUserInfo) << "failed:" << detail;
    if (transfer.tooLarge || code == CURLE_FILESIZE_EXCEEDED)
        return fail(
            Failure::TooLarge,
            tr("The answer from %1 is larger than %2 MB.").arg(host).arg(request.maxResponseBytes / (1024 * 1024)),
            detail);
    switch (code) {
    case CURLE_ABORTED_BY_CALLBACK:
        return fail(Failure::Cancelled, tr("Cancelled."));
    case CURLE_COULDNT_RESOLVE_HOST:
        return fail(Failure::Network, tr("The server “%1” was not found.").arg(host), detail);
    case CURLE_OPERATION_TIMEDOUT:
        return fail(Failure::Network, tr("The server %1 stopped responding.").arg(host), detail);
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_CONNECT_ERROR:
        return fail(Failure::Network, tr("The secure connection to %1 could not be established or verified.").arg(host),
                    detail);
    default:
        return fail(Failure::Network, tr("Could not reach the server %1.").arg(host), detail);
    }
}

} // namespace Moniagent
