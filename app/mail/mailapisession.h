#pragma once

#include "core/connectedaccount.h"
#include "core/result.h"
#include "httpclient.h"

#include <QCoreApplication>
#include <QUrl>

#include <functional>
#include <optional>

namespace Moniagent {

// Authorised GET requests to a mail provider's REST API (Gmail API, Microsoft Graph) for one account, on a worker
// thread: the bearer token comes from `accessToken`; a 401 asks for a fresh token once and repeats the request.
// Every error status becomes an Error with a failure() kind that tells the job what to do about it.
class MailApiSession
{
    Q_DECLARE_TR_FUNCTIONS(MailApiSession)
public:
    using AccessToken = std::function<Result<QString>(const ConnectedAccount& account, bool forceRefresh)>;

    enum class Failure
    {
        None,
        Transient, // network, 429, 5xx, a token that could not be refreshed now: retry later (see retryAfter)
        SignIn, // the token or the grant was refused: the user must sign in again
        Gone, // 410 (or Graph's syncStateNotFound): the sync position expired
        NotFound, // 404: the message was deleted meanwhile
        TooLarge, // the answer exceeded the size limit
        Refused, // another 4xx: the request itself is wrong; retrying will not help
        Cancelled,
    };

    MailApiSession(ConnectedAccount account, AccessToken accessToken, std::function<bool()> cancelCheck, int timeoutMs);

    // GETs `url` and returns a 2xx response; anything else is an Error (see failure()).
    Result<HttpResponse> get(const QUrl& url, qint64 maxResponseBytes = 64 * 1024 * 1024,
                             const QList<std::pair<QByteArray, QByteArray>>& headers = {});

    Failure failure() const { return m_failure; }
    // The server's Retry-After of the last failure, when it sent one.
    std::optional<int> retryAfterSeconds() const { return m_retryAfter; }
    const ConnectedAccount& account() const { return m_account; }
    HttpClient& client() { return m_client; }

private:
    Result<void> fetchToken(bool forceRefresh);
    Error fail(Failure failure, const QString& message, const QString& detail = {});
    Error failFromResponse(const HttpResponse& response, const QUrl& url);

    ConnectedAccount m_account;
    AccessToken m_accessToken;
    std::function<bool()> m_cancelled;
    int m_timeoutMs;
    HttpClient m_client;
    QString m_token;
    Failure m_failure = Failure::None;
    std::optional<int> m_retryAfter;
};

} // namespace Moniagent
