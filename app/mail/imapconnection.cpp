#include "imapconnection.h"

#include "curlsupport.h"
#include "maillogging.h"

#include <QCryptographicHash>
#include <QSslCertificate>
#include <QSslKey>

#include <curl/curl.h>

#ifdef Q_OS_WIN
#include <winsock2.h>
#else
#include <sys/select.h>
#endif

namespace Moniagent {

namespace {

using Curl::handle;
constexpr auto initializeCurl = Curl::initialize;

QByteArray url(const ImapEndpoint& endpoint)
{
    const QByteArray scheme = endpoint.security == MailServerSecurity::Tls ? "imaps" : "imap";
    QByteArray host = endpoint.host.toUtf8();
    if (host.contains(':')) // IPv6 literal
        host = '[' + host + ']';
    return scheme + "://" + host + ':' + QByteArray::number(endpoint.port) + '/';
}

// libcurl's progress callback: a non-zero return abandons the connect.
int progress(void* cancelCheck, curl_off_t, curl_off_t, curl_off_t, curl_off_t)
{
    const auto* cancelled = static_cast<const std::function<bool()>*>(cancelCheck);
    return *cancelled && (*cancelled)() ? 1 : 0;
}

// The options every connection shares: the address, TLS, timeouts, connect only.
void setCommonOptions(CURL* curl, const QByteArray& address, const ImapEndpoint& endpoint)
{
    curl_easy_setopt(curl, CURLOPT_URL, address.constData());
    curl_easy_setopt(curl, CURLOPT_CONNECT_ONLY, 1L);
    curl_easy_setopt(curl, CURLOPT_USE_SSL, long(CURLUSESSL_ALL)); // STARTTLS is required, never optional
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, long(endpoint.timeoutMs));
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
}

// Waits until the socket can be read (or written); false on timeout.
bool waitForSocket(curl_socket_t socket, bool forReading, int timeoutMs)
{
    fd_set set;
    FD_ZERO(&set);
    FD_SET(socket, &set);
    timeval timeout {timeoutMs / 1000, (timeoutMs % 1000) * 1000};
    const int ready
        = select(int(socket) + 1, forReading ? &set : nullptr, forReading ? nullptr : &set, nullptr, &timeout);
    return ready > 0;
}

} // namespace

ImapConnection::ImapConnection()
{
    initializeCurl();
}

ImapConnection::~ImapConnection()
{
    close();
}

void ImapConnection::close()
{
    if (m_curl)
        curl_easy_cleanup(handle(m_curl));
    m_curl = nullptr;
    m_parser = {};
}

Result<void> ImapConnection::fail(Failure failure, const QString& message, const QString& detail)
{
    m_failure = failure;
    if (failure == Failure::Network || failure == Failure::Cancelled)
        close(); // the session is in an unknown state
    return Error {failure == Failure::Cancelled ? Error::Code::Cancelled : Error::Code::InvalidInput, message, detail};
}

Result<void> ImapConnection::open(const ImapEndpoint& endpoint)
{
    close();
    m_failure = Failure::None;
    m_timeoutMs = endpoint.timeoutMs;
    if (endpoint.host.trimmed().isEmpty() || endpoint.port < 1 || endpoint.port > 65535)
        return fail(Failure::Protocol, tr("Enter the server's address and port."));

    CURL* curl = curl_easy_init();
    if (!curl)
        return fail(Failure::Network, tr("Could not start a network connection."));
    m_curl = curl;
    const QByteArray address = url(endpoint);
    const QByteArray username = endpoint.username.toUtf8();
    const QByteArray secret = endpoint.secret.toUtf8();
    setCommonOptions(curl, address, endpoint);
    curl_easy_setopt(curl, CURLOPT_USERNAME, username.constData());
    if (endpoint.xoauth2) {
        curl_easy_setopt(curl, CURLOPT_XOAUTH2_BEARER, secret.constData());
        curl_easy_setopt(curl, CURLOPT_LOGIN_OPTIONS, "AUTH=XOAUTH2");
    } else {
        curl_easy_setopt(curl, CURLOPT_PASSWORD, secret.constData());
    }
    QByteArray pin;
    if (!endpoint.pinnedPublicKeySha256.isEmpty()) {
        // The user trusted this key: the chain need not verify, but the key must match before anything is sent.
        pin = "sha256//" + QByteArray::fromHex(endpoint.pinnedPublicKeySha256.toLatin1()).toBase64();
        curl_easy_setopt(curl, CURLOPT_PINNEDPUBLICKEY, pin.constData());
        curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 0L);
        curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 0L);
    }
    const QByteArray caBundle = endpoint.caBundle.toLocal8Bit();
    if (!caBundle.isEmpty())
        curl_easy_setopt(curl, CURLOPT_CAINFO, caBundle.constData());
    curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, progress);
    curl_easy_setopt(curl, CURLOPT_XFERINFODATA, &m_cancelled);

    const CURLcode code = curl_easy_perform(curl);
    if (code == CURLE_OK)
        return {};
    const QString detail = QString::fromUtf8(curl_easy_strerror(code));
    qCInfo(lcMail) << "IMAP connection to" << endpoint.host << endpoint.port << "failed:" << detail;
    Result<void> failed = [&] {
        switch (code) {
        case CURLE_LOGIN_DENIED:
            return fail(Failure::Authentication,
                        endpoint.xoauth2 ? tr("The mail server refused the sign-in token. Sign in again.")
                                         : tr("The mail server refused the user name or password."),
                        detail);
        case CURLE_PEER_FAILED_VERIFICATION:
        case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
        case CURLE_SSL_CACERT_BADFILE:
            return fail(Failure::Certificate,
                        tr("The mail server's certificate could not be verified, so the connection was not "
                           "trusted."),
                        detail);
        case CURLE_USE_SSL_FAILED:
            return fail(Failure::Protocol,
                        tr("The mail server does not offer an encrypted connection (STARTTLS) on this port."), detail);
        case CURLE_ABORTED_BY_CALLBACK:
            return fail(Failure::Cancelled, tr("Cancelled."));
        case CURLE_COULDNT_RESOLVE_HOST:
            return fail(Failure::Network, tr("The mail server “%1” was not found.").arg(endpoint.host), detail);
        default:
            return fail(Failure::Network,
                        tr("Could not connect to the mail server %1:%2.").arg(endpoint.host).arg(endpoint.port),
                        detail);
        }
    }();
    close();
    return failed;
}

Result<void> ImapConnection::sendAll(const QByteArray& bytes)
{
    curl_socket_t socket = CURL_SOCKET_BAD;
    curl_easy_getinfo(handle(m_curl), CURLINFO_ACTIVESOCKET, &socket);
    qsizetype sent = 0;
    while (sent < bytes.size()) {
        size_t now = 0;
        const CURLcode code
            = curl_easy_send(handle(m_curl), bytes.constData() + sent, size_t(bytes.size() - sent), &now);
        if (code == CURLE_AGAIN) {
            if (!waitForSocket(socket, false, m_timeoutMs))
                return fail(Failure::Network, tr("The mail server stopped responding."));
            continue;
        }
        if (code != CURLE_OK)
            return fail(Failure::Network, tr("The connection to the mail server was lost."),
                        QString::fromUtf8(curl_easy_strerror(code)));
        sent += qsizetype(now);
    }
    return {};
}

Result<void> ImapConnection::receiveMore()
{
    curl_socket_t socket = CURL_SOCKET_BAD;
    curl_easy_getinfo(handle(m_curl), CURLINFO_ACTIVESOCKET, &socket);
    constexpr int sliceMs = 100; // how often a cancel is noticed
    int waited = 0;
    char buffer[64 * 1024];
    for (;;) {
        if (m_cancelled && m_cancelled())
            return fail(Failure::Cancelled, tr("Cancelled."));
        size_t received = 0;
        const CURLcode code = curl_easy_recv(handle(m_curl), buffer, sizeof buffer, &received);
        if (code == CURLE_OK) {
            if (received == 0)
                return fail(Failure::Network, tr("The mail server closed the connection."));
            m_parser.feed(QByteArray(buffer, qsizetype(received)));
            return {};
        }
        if (code != CURLE_AGAIN)
            return fail(Failure::Network, tr("The connection to the mail server was lost."),
                        QString::fromUtf8(curl_easy_strerror(code)));
        if (waited >= m_timeoutMs)
            return fail(Failure::Network, tr("The mail server stopped responding."));
        if (!waitForSocket(socket, true, sliceMs))
            waited += sliceMs;
    }
}

Result<QList<ImapResponseLine>> ImapConnection::run(const QByteArray& command,
                                                    const std::function<void(ImapResponseLine&&)>& onUntagged)
{
    if (!m_curl)
        return Error::invalidInput(tr("Not connected to the mail server."));
    m_failure = Failure::None;
    const QByteArray tag = 'M' + QByteArray::number(++m_tag);
    if (auto sent = sendAll(tag + ' ' + command + "\r\n"); !sent)
        return sent.error();
    QList<ImapResponseLine> untagged;
    for (;;) {
        while (auto line = m_parser.next()) {
            if (line->tag() == tag) {
                if (line->status() == "OK")
                    return untagged;
                const QString said = QString::fromUtf8(line->statusText());
                return fail(Failure::Protocol, tr("The mail server refused the request: %1").arg(said),
                            QString::fromUtf8(command.left(command.indexOf(' ')) + " → " + line->text))
                    .error();
            }
            if (line->isUntagged() && line->status() == "BYE")
                return fail(Failure::Network, tr("The mail server closed the connection."),
                            QString::fromUtf8(line->statusText()))
                    .error();
            if (!line->isUntagged())
                continue; // a continuation request or a stray tagged line: not ours
            if (onUntagged)
                onUntagged(std::move(*line));
            else
                untagged.append(std::move(*line));
        }
        if (auto more = receiveMore(); !more)
            return more.error();
    }
}

Result<ImapConnection::PresentedCertificate> ImapConnection::inspectCertificate(const ImapEndpoint& endpoint)
{
    initializeCurl();
    CURL* curl = curl_easy_init();
    if (!curl)
        return Error::invalidInput(tr("Could not start a network connection."));
    const QByteArray address = url(endpoint);
    setCommonOptions(curl, address, endpoint);
    // No user name: libcurl stops after TLS, before authenticating, so nothing secret is sent.
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 0L);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 0L);
    curl_easy_setopt(curl, CURLOPT_CERTINFO, 1L);
    const CURLcode code = curl_easy_perform(curl);
    QByteArray pem;
    if (code == CURLE_OK) {
        curl_certinfo* info = nullptr;
        curl_easy_getinfo(curl, CURLINFO_CERTINFO, &info);
        if (info && info->num_of_certs > 0) {
            for (curl_slist* field = info->certinfo[0]; field; field = field->next) {
                const QByteArray text(field->data);
                if (text.startsWith("Cert:"))
                    pem = text.mid(5);
            }
        }
    }
    curl_easy_cleanup(curl);
    if (code != CURLE_OK)
        return Error::invalidInput(
            tr("Could not connect to the mail server %1:%2.").arg(endpoint.host).arg(endpoint.port),
            QString::fromUtf8(curl_easy_strerror(code)));
    const QList<QSslCertificate> certificates = QSslCertificate::fromData(pem, QSsl::Pem);
    if (certificates.isEmpty())
        return Error::invalidInput(tr("The mail server did not present a readable certificate."));
    const QSslCertificate& certificate = certificates.first();
    PresentedCertificate presented;
    presented.publicKeySha256 = QString::fromLatin1(
        QCryptographicHash::hash(certificate.publicKey().toDer(), QCryptographicHash::Sha256).toHex());
    presented.certificateSha256 = QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex(':'));
    presented.subject = certificate.subjectDisplayName();
    presented.issuer = certificate.issuerDisplayName();
    presented.validUntil = certificate.expiryDate().toString(Qt::ISODate);
    return presented;
}

} // namespace Moniagent
