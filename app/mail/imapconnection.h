#pragma once

#include "core/connectedaccount.h"
#include "core/result.h"
#include "imapresponse.h"

#include <QCoreApplication>
#include <QString>

#include <functional>

namespace Moniagent {

// Where and how to sign in to an IMAP server. The secret is the password, or the OAuth access token for
// XOAUTH2; it is handed over for one connection and never stored here.
struct ImapEndpoint
{
    QString host;
    int port = 993;
    MailServerSecurity security = MailServerSecurity::Tls;
    QString username;
    QString secret;
    bool xoauth2 = false;
    // The SHA-256 (hex) of the public key of a certificate the user chose to trust although it could not be
    // verified; libcurl pins it before any credential is sent. Empty: the certificate must verify.
    QString pinnedPublicKeySha256;
    QString caBundle; // a PEM file of extra trusted CAs (tests); empty: the system's
    int timeoutMs = 30'000; // connect, and each wait for the server
};

// One IMAP session over libcurl: libcurl connects, negotiates TLS or STARTTLS (certificate verified),
// authenticates (LOGIN/PLAIN or XOAUTH2), and then this class speaks the few commands the fetch needs
// (EXAMINE, UID SEARCH, UID FETCH BODY.PEEK[] — read-only, so messages stay unread) over the same
// connection. Blocking: use it on a worker thread.
class ImapConnection
{
    Q_DECLARE_TR_FUNCTIONS(ImapConnection)
public:
    // Why the last call failed, for the caller to choose between retrying and asking the user.
    enum class Failure
    {
        None,
        Network, // connection refused, dropped or timed out: try again later
        Authentication, // user name, password or token refused
        Certificate, // the server's certificate could not be verified (see presentedKeySha256)
        Protocol, // the server answered NO/BAD or something unreadable
        Cancelled,
    };

    ImapConnection();
    ~ImapConnection();
    ImapConnection(const ImapConnection&) = delete;
    ImapConnection& operator=(const ImapConnection&) = delete;

    // Polled while waiting; returning true abandons the call with Failure::Cancelled.
    void setCancelCheck(std::function<bool()> cancelled) { m_cancelled = std::move(cancelled); }

    Result<void> open(const ImapEndpoint& endpoint);
    bool isOpen() const { return m_curl != nullptr; }
    void close();

    // Sends "TAG command" and collects the untagged responses until the tagged one. A NO or BAD ends in an
    // error (Failure::Protocol). `onUntagged` (optional) sees each untagged response as it arrives instead of
    // it being collected, so a long FETCH does not keep every message in memory twice.
    Result<QList<ImapResponseLine>> run(const QByteArray& command,
                                        const std::function<void(ImapResponseLine&&)>& onUntagged = {});

    Failure failure() const { return m_failure; }

    // Connects without credentials and without verifying, only to read the certificate the server presents:
    // the SHA-256 (hex) of its public key and a description (subject, issuer, validity, certificate SHA-256)
    // for the user to decide on. Nothing secret is sent.
    struct PresentedCertificate
    {
        QString publicKeySha256;
        QString certificateSha256;
        QString subject;
        QString issuer;
        QString validUntil;
    };
    static Result<PresentedCertificate> inspectCertificate(const ImapEndpoint& endpoint);

private:
    Result<void> fail(Failure failure, const QString& message, const QString& detail = {});
    Result<void> sendAll(const QByteArray& bytes);
    Result<void> receiveMore();

    void* m_curl = nullptr; // CURL*
    std::function<bool()> m_cancelled;
    ImapResponseParser m_parser;
    int m_tag = 0;
    int m_timeoutMs = 30'000;
    Failure m_failure = Failure::None;
};

} // namespace Moniagent
