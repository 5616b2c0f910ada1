#include "llmreply.h"

#include "ai/jsonschemavalidator.h"
#include "ai/llmwireformat.h"

#include <QJsonDocument>
#include <QLocale>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimeZone>

namespace Moniagent {

namespace {
Q_LOGGING_CATEGORY(lcLlm, "moniagent.ai.llm")

bool isRetryableNetworkError(int code)
{
    switch (code) {
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::UnknownNetworkError:
    case QNetworkReply::ProxyConnectionClosedError:
        return true;
    default:
        return false;
    }
}

QString hostOf(const QString& baseUrl)
{
    const QUrl url(baseUrl);
    if (url.host().isEmpty())
        return baseUrl;
    return url.port() > 0 ? url.host() + u':' + QString::number(url.port()) : url.host();
}
} // namespace

LlmReply::LlmReply(QNetworkAccessManager* network, std::shared_ptr<const LlmWireFormat> format,
                   const LlmProviderConfig& config, const LlmRequest& request, QObject* parent)
    : QObject(parent)
    , m_network(network)
    , m_format(std::move(format))
    , m_config(config)
    , m_request(request)
{
    m_timeout.setSingleShot(true);
    m_retryTimer.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, &LlmReply::onTimeout);
    connect(&m_retryTimer, &QTimer::timeout, this, &LlmReply::sendAttempt);
}

LlmReply::~LlmReply()
{
    stopNetwork();
}

std::optional<qint64> LlmReply::retryAfterMs(const QByteArray& header, const QDateTime& nowUtc)
{
    const auto text = QString::fromLatin1(header).trimmed();
    if (text.isEmpty())
        return std::nullopt;
    bool isNumber = false;
    const auto seconds = text.toLongLong(&isNumber);
    if (isNumber)
        return seconds < 0 ? std::nullopt : std::optional<qint64>(seconds * 1000);
    // An HTTP date: "Wed, 21 Oct 2015 07:28:00 GMT".
    auto when = QLocale::c().toDateTime(text, QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (!when.isValid())
        when = QDateTime::fromString(text, Qt::RFC2822Date);
    if (!when.isValid())
        return std::nullopt;
    when = QDateTime(when.date(), when.time(), QTimeZone::utc());
    return std::max<qint64>(0, nowUtc.msecsTo(when));
}

void LlmReply::start()
{
    m_running = true;
    m_elapsed.start();
    sendAttempt();
}

void LlmReply::sendAttempt()
{
    if (m_cancelled)
        return;
    ++m_attempt;
    ++m_totalAttempts;
    m_parser = m_format->streamParser();
    m_decoder.reset();
    m_body.clear();
    m_streaming = false;
    m_headersSeen = false;
    m_timedOut = false;

    auto request = m_format->chatRequest(m_config, m_request.stream);
    // A backstop behind our own timer, which gives the clearer message.
    request.setTransferTimeout(std::max(m_config.connectTimeoutMs, m_config.idleTimeoutMs) + 1000);
    const auto body = m_format->chatBody(m_request, m_config);
    qCDebug(lcLlm) << "POST" << request.url().toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery) << "attempt"
                   << m_attempt << "bytes" << body.size();
    m_reply = m_network->post(request, body);
    connect(m_reply, &QNetworkReply::metaDataChanged, this, &LlmReply::onMetaData);
    connect(m_reply, &QNetworkReply::readyRead, this, &LlmReply::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &LlmReply::onNetworkFinished);
    m_timeout.start(m_config.connectTimeoutMs);
}

void LlmReply::onMetaData()
{
    if (!m_reply)
        return;
    m_headersSeen = true;
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const auto contentType = m_reply->header(QNetworkRequest::ContentTypeHeader).toString();
    m_streaming = status >= 200 && status < 300 && contentType.contains(QLatin1String("text/event-stream"));
    m_timeout.start(m_config.idleTimeoutMs);
}

void LlmReply::onReadyRead()
{
    if (!m_reply)
        return;
    if (!m_headersSeen)
        onMetaData();
    m_timeout.start(m_config.idleTimeoutMs);
    const auto data = m_reply->readAll();
    if (m_streaming)
        feedStream(m_decoder.feed(data));
    else
        m_body += data;
}

void LlmReply::feedStream(const QList<SseEvent>& events)
{
    for (const auto& event : events) {
        if (m_cancelled || !m_running)
            return;
        QString text;
        auto handled = m_parser->onEvent(event, text);
        if (!handled) {
            stopNetwork();
            LlmError error;
            error.kind = LlmError::Kind::Protocol;
            error.message = tr("%1 sent a reply Moniagent cannot read.").arg(hostOf(m_config.baseUrl));
            error.detail = handled.error().toString();
            fail(error);
            return;
        }
        if (!text.isEmpty()) {
            m_streamedSomething = true;
            Q_EMIT textDelta(text);
        }
    }
}

void LlmReply::onNetworkFinished()
{
    auto* reply = m_reply.data();
    if (!reply || m_cancelled)
        return;
    m_timeout.stop();
    if (!m_headersSeen && reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).isValid())
        onMetaData();
    const auto code = reply->error();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const auto rest = reply->readAll();
    const auto errorText = reply->errorString();
    const auto retryAfter = retryAfterMs(reply->rawHeader("Retry-After"), QDateTime::currentDateTimeUtc());
    disconnect(reply, nullptr, this, nullptr);
    reply->deleteLater();
    m_reply = nullptr;

    if (status == 0) {
        if (code == QNetworkReply::OperationCanceledError || code == QNetworkReply::TimeoutError) {
            onTimeout();
            return;
        }
        retryOrFail(networkError(code, errorText), std::nullopt);
        return;
    }
    if (status < 200 || status >= 300) {
        retryOrFail(httpError(status, m_body + rest), retryAfter);
        return;
    }
    if (m_streaming) {
        feedStream(m_decoder.feed(rest));
        if (!m_running || m_cancelled)
            return;
        feedStream(m_decoder.finish());
        if (!m_running || m_cancelled)
            return;
        if (code != QNetworkReply::NoError || !m_parser->isDone()) {
            LlmError error = networkError(code, errorText);
            if (code == QNetworkReply::NoError) {
                error.kind = LlmError::Kind::Protocol;
                error.message = tr("The answer from %1 ended before it was complete.").arg(hostOf(m_config.baseUrl));
                error.retryable = true;
            }
            retryOrFail(error, std::nullopt);
            return;
        }
        handleComplete(m_parser->result());
        return;
    }
    if (code != QNetworkReply::NoError) {
        retryOrFail(networkError(code, errorText), std::nullopt);
        return;
    }
    auto parsed = m_format->parseBody(m_body + rest);
    if (!parsed) {
        LlmError error;
        error.kind = LlmError::Kind::Protocol;
        error.httpStatus = status;
        error.message = tr("%1 sent a reply Moniagent cannot read.").arg(hostOf(m_config.baseUrl));
        error.detail = parsed.error().toString();
        fail(error);
        return;
    }
    auto response = std::move(parsed).value();
    if (!response.text.isEmpty() && m_request.stream) {
        // The server ignored "stream": hand the text over in one piece.
        Q_EMIT textDelta(response.text);
        if (m_cancelled)
            return;
    }
    handleComplete(std::move(response));
}

void LlmReply::onTimeout()
{
    if (m_cancelled || !m_running)
        return;
    m_timedOut = true;
    stopNetwork();
    LlmError error;
    error.kind = LlmError::Kind::Timeout;
    const int ms = m_headersSeen ? m_config.idleTimeoutMs : m_config.connectTimeoutMs;
    const int seconds = std::max(1, (ms + 999) / 1000);
    error.message = m_headersSeen
        ? tr("%1 stopped answering for %n second(s).", nullptr, seconds).arg(hostOf(m_config.baseUrl))
        : tr("%1 did not answer within %n second(s).", nullptr, seconds).arg(hostOf(m_config.baseUrl));
    fail(error);
}

void LlmReply::handleComplete(LlmResponse response)
{
    auto add = [](std::optional<qint64> a, std::optional<qint64> b) -> std::optional<qint64> {
        if (!a && !b)
            return std::nullopt;
        return a.value_or(0) + b.value_or(0);
    };
    response.inputTokens = add(response.inputTokens, m_carriedInput);
    response.outputTokens = add(response.outputTokens, m_carriedOutput);
    if (response.model.isEmpty())
        response.model = m_config.model;
    response.attempts = m_totalAttempts;
    response.latencyMs = m_elapsed.elapsed();

    if (!m_request.jsonSchema.isEmpty() && response.toolCalls.isEmpty()) {
        auto json = JsonSchemaValidator::parseAndValidate(response.text, m_request.jsonSchema);
        if (!json) {
            if (!m_repairing) {
                // One repair attempt: show the model its reply and what is wrong with it.
                qCDebug(lcLlm) << "Structured output invalid, asking for a repair:" << json.error().message;
                m_repairing = true;
                m_carriedInput = response.inputTokens;
                m_carriedOutput = response.outputTokens;
                m_request.messages.append(LlmMessage::assistant(response.text));
                m_request.messages.append(LlmMessage::user(
                    QStringLiteral("Your reply does not follow the required JSON schema: %1 Reply again with only "
                                   "the corrected JSON object, no other text.")
                        .arg(json.error().message)));
                m_attempt = 0;
                sendAttempt();
                return;
            }
            LlmError error;
            error.kind = LlmError::Kind::InvalidOutput;
            error.message = tr("The model's answer did not have the expected form, also after asking again.");
            error.detail = json.error().message;
            fail(error);
            return;
        }
        response.json = *json;
    }
    m_running = false;
    if (!response.toolCalls.isEmpty()) {
        Q_EMIT toolCalls(response.toolCalls);
        if (m_cancelled)
            return;
    }
    Q_EMIT finished(response);
}

void LlmReply::retryOrFail(LlmError error, std::optional<qint64> retryAfter)
{
    if (m_cancelled)
        return;
    if (error.retryable && !m_streamedSomething && m_attempt < m_config.maxAttempts) {
        qint64 wait = m_config.initialBackoffMs;
        for (int i = 1; i < m_attempt && wait < m_config.maxBackoffMs; ++i)
            wait *= 2;
        wait = std::min<qint64>(wait, m_config.maxBackoffMs);
        if (retryAfter) {
            if (*retryAfter > m_config.maxRetryAfterMs) {
                error.message += u' '
                    + tr("The server asks to wait %n second(s) before trying again.", nullptr,
                         int((*retryAfter + 999) / 1000));
                fail(error);
                return;
            }
            wait = *retryAfter;
        }
        qCInfo(lcLlm) << "Retrying in" << wait << "ms after:" << error.message;
        Q_EMIT retrying(m_attempt, int(wait), error.message);
        if (m_cancelled)
            return;
        m_retryTimer.start(int(wait));
        return;
    }
    fail(error);
}

void LlmReply::fail(LlmError error)
{
    if (m_cancelled || !m_running)
        return;
    m_running = false;
    m_timeout.stop();
    m_retryTimer.stop();
    error.attempts = m_totalAttempts;
    error.latencyMs = m_elapsed.elapsed();
    qCInfo(lcLlm) << "Call failed:" << error.toString();
    Q_EMIT failed(error);
}

void LlmReply::cancel()
{
    if (!m_running || m_cancelled)
        return;
    m_cancelled = true;
    m_running = false;
    m_timeout.stop();
    m_retryTimer.stop();
    stopNetwork();
    Q_EMIT cancelled();
}

void LlmReply::stopNetwork()
{
    if (!m_reply)
        return;
    auto* reply = m_reply.data();
    m_reply = nullptr;
    disconnect(reply, nullptr, this, nullptr);
    reply->abort();
    reply->deleteLater();
}

LlmError LlmReply::httpError(int status, const QByteArray& body) const
{
    LlmError error;
    error.kind = LlmError::Kind::Http;
    error.httpStatus = status;
    error.detail = LlmWireFormat::serverMessage(body);
    const auto host = hostOf(m_config.baseUrl);
    if (status == 401 || status == 403)
        error.message = tr("%1 refused the API key (HTTP %2). Check the key in the AI settings.").arg(host).arg(status);
    else if (status == 404)
        error.message = tr("%1 does not know this address or model (HTTP 404). Check the server address and the "
                           "model in the AI settings.")
                            .arg(host);
    else if (status == 429)
        error.message = tr("%1 is limiting requests (HTTP 429).").arg(host);
    else if (status >= 500)
        error.message = tr("%1 had a problem answering (HTTP %2).").arg(host).arg(status);
    else
        error.message = tr("%1 refused the request (HTTP %2).").arg(host).arg(status);
    error.retryable = status == 429 || (status >= 500 && status != 501);
    return error;
}

LlmError LlmReply::networkError(int code, const QString& text) const
{
    LlmError error;
    error.kind = LlmError::Kind::Network;
    error.message = tr("Could not reach %1: %2").arg(hostOf(m_config.baseUrl), text);
    error.retryable = isRetryableNetworkError(code);
    return error;
}

} // namespace Moniagent
