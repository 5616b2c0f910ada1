#include "mailapisession.h"

#include "maillogging.h"

#include <QJsonArray>

namespace Moniagent {

namespace {

// Google answers some rate limits with 403 (rateLimitExceeded, userRateLimitExceeded): those are not refusals.
bool isRateLimit(const HttpResponse& response)
{
    const QJsonObject error = response.json().value(QLatin1String("error")).toObject();
    if (error.value(QLatin1String("status")).toString() == QLatin1String("RESOURCE_EXHAUSTED"))
        return true;
    const QJsonArray errors = error.value(QLatin1String("errors")).toArray();
    for (const QJsonValue& item : errors) {
        if (item.toObject()
                .value(QLatin1String("reason"))
                .toString()
                .contains(QLatin1String("RateLimitExceeded"), Qt::CaseInsensitive))
            return true;
    }
    return false;
}

} // namespace

MailApiSession::MailApiSession(ConnectedAccount account, AccessToken accessToken, std::function<bool()> cancelCheck,
                               int timeoutMs)
    : m_account(std::move(account))
    , m_accessToken(std::move(accessToken))
    , m_cancelled(std::move(cancelCheck))
    , m_timeoutMs(timeoutMs)
{ }

Error MailApiSession::fail(Failure failure, const QString& message, const QString& detail)
{
    m_failure = failure;
    return Error {failure == Failure::Cancelled ? Error::Code::Cancelled : Error::Code::InvalidInput, message, detail};
}

Result<void> MailApiSession::fetchToken(bool forceRefresh)
{
    const QString service = ConnectedAccountEnums::displayName(m_account.provider);
    if (!m_accessToken)
        return fail(Failure::Refused, tr("Signing in to %1 is not available in this version.").arg(service));
    auto token = m_accessToken(m_account, forceRefresh);
    if (!token) {
        switch (token.error().code) {
        case Error::Code::InvalidInput:
            return fail(Failure::SignIn,
                        tr("%1 no longer accepts the sign-in of %2. Open Accounts and sign in again.")
                            .arg(service, m_account.email),
                        token.error().toString());
        case Error::Code::Cancelled:
            return fail(Failure::Cancelled, tr("Cancelled."));
        default:
            return fail(Failure::Transient,
                        tr("Could not renew the sign-in of %1: %2").arg(m_account.email, token.error().message),
                        token.error().detail);
        }
    }
    if (token->isEmpty())
        return fail(Failure::SignIn,
                    tr("There is no sign-in for %1. Open Accounts and sign in again.").arg(m_account.email));
    m_token = *token;
    return {};
}

Error MailApiSession::failFromResponse(const HttpResponse& response, const QUrl& url)
{
    const QString service = ConnectedAccountEnums::displayName(m_account.provider);
    const QString said = response.errorMessage();
    const QString detail = QStringLiteral("HTTP %1 %2%3")
                               .arg(response.status)
                               .arg(url.path(), said.isEmpty() ? QString() : QStringLiteral(": ") + said);
    const QString saying = said.isEmpty() ? tr("%1 answered with error %2.").arg(service).arg(response.status)
                                          : tr("%1 answered: %2").arg(service, said);
    qCInfo(lcMail) << "mail API" << url.path() << "answered" << response.status << said;
    const int status = response.status;
    if (status == 429 || status == 503 || (status == 403 && isRateLimit(response))) {
        m_retryAfter = response.retryAfterSeconds();
        return fail(Failure::Transient, tr("%1 asks to wait before fetching more mail.").arg(service), detail);
    }
    if (status >= 500)
        return fail(Failure::Transient, saying, detail);
    if (status == 401 || status == 403)
        return fail(
            Failure::SignIn,
            tr("%1 refused access to the mail of %2. Open Accounts and sign in again.").arg(service, m_account.email),
            detail);
    if (status == 410 || response.errorCode().compare(QLatin1String("syncStateNotFound"), Qt::CaseInsensitive) == 0)
        return fail(Failure::Gone, saying, detail);
    if (status == 404)
        return fail(Failure::NotFound, saying, detail);
    return fail(Failure::Refused, saying, detail);
}

Result<HttpResponse> MailApiSession::get(const QUrl& url, qint64 maxResponseBytes,
                                         const QList<std::pair<QByteArray, QByteArray>>& headers)
{
    m_failure = Failure::None;
    m_retryAfter.reset();
    if (m_cancelled && m_cancelled())
        return fail(Failure::Cancelled, tr("Cancelled."));
    if (m_token.isEmpty()) {
        if (auto token = fetchToken(false); !token)
            return token.error();
    }
    bool refreshed = false;
    for (;;) {
        HttpRequest request;
        request.url = url;
        request.headers = headers;
        request.headers.append({"Authorization", "Bearer " + m_token.toUtf8()});
        request.timeoutMs = m_timeoutMs;
        request.maxResponseBytes = maxResponseBytes;
        request.cancelCheck = m_cancelled;
        auto response = m_client.send(request);
        if (!response) {
            switch (m_client.failure()) {
            case HttpClient::Failure::Cancelled:
                return fail(Failure::Cancelled, tr("Cancelled."));
            case HttpClient::Failure::TooLarge:
                return fail(Failure::TooLarge, response.error().message, response.error().detail);
            case HttpClient::Failure::InvalidRequest:
                return fail(Failure::Refused, response.error().message, response.error().detail);
            default:
                return fail(Failure::Transient, response.error().message, response.error().detail);
            }
        }
        if (response->isSuccess())
            return response;
        if (response->status == 401 && !refreshed) {
            // The token expired early or was revoked: one fresh token, then the same request again.
            refreshed = true;
            qCInfo(lcMail) << "mail API refused the token of account" << m_account.id << "; refreshing it";
            if (auto token = fetchToken(true); !token)
                return token.error();
            continue;
        }
        return failFromResponse(*response, url);
    }
}

} // namespace Moniagent
