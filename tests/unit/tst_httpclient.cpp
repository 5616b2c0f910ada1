// HttpClient (app/mail/httpclient.h) against a tiny Qt HttpServer on loopback: status, headers, body, Retry-After,
// the body limit, cancel, silence and a refused connection. The client blocks, so it runs on another thread
// while this one serves.
#include "mail/httpclient.h"

#include <QFuture>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtConcurrent>
#include <QtTest>

#include <atomic>
#include <vector>

using namespace Moniagent;

namespace {

struct Sent
{
    Result<HttpResponse> result = Error::invalidInput(QString());
    HttpClient::Failure failure = HttpClient::Failure::None;
    qint64 elapsedMs = 0;
};

} // namespace

class TestHttpClient : public QObject
{
    Q_OBJECT

private:
    QHttpServer m_server;
    quint16 m_port = 0;
    HttpClient m_client; // used from the pool thread, one request at a time
    std::vector<QHttpServerResponder> m_held; // requests left unanswered
    QByteArray m_lastMethod;
    QByteArray m_lastBody;
    QHash<QByteArray, QByteArray> m_lastHeaders;
    QString m_lastQuery;

    QUrl url(const QString& path) const { return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path)); }

    // Sends on a pool thread and serves until it returns.
    Sent send(const HttpRequest& request)
    {
        QElapsedTimer timer;
        timer.start();
        QFuture<Sent> future = QtConcurrent::run([this, request] {
            Sent sent;
            sent.result = m_client.send(request);
            sent.failure = m_client.failure();
            return sent;
        });
        while (!future.isFinished())
            QTest::qWait(5);
        Sent sent = future.result();
        sent.elapsedMs = timer.elapsed();
        return sent;
    }

    void handle(const QHttpServerRequest& request, QHttpServerResponder&& responder)
    {
        m_lastMethod = request.method() == QHttpServerRequest::Method::Post ? "POST" : "GET";
        m_lastBody = request.body();
        m_lastHeaders.clear();
        for (const auto& [name, value] : request.headers())
            m_lastHeaders.insert(name.toLower(), value);
        m_lastQuery = request.url().query(QUrl::FullyDecoded);
        const QString path = request.url().path();
        if (path == QLatin1String("/echo")) {
            QJsonObject echo {{QStringLiteral("method"), QString::fromLatin1(m_lastMethod)},
                              {QStringLiteral("body"), QString::fromUtf8(m_lastBody)},
                              {QStringLiteral("auth"), QString::fromUtf8(m_lastHeaders.value("authorization"))},
                              {QStringLiteral("query"), m_lastQuery}};
            QHttpServerResponse response(echo);
            response.addHeader("X-Served-By", "Test Server");
            response.write(std::move(responder));
        } else if (path == QLatin1String("/busy")) {
            QHttpServerResponse response(
                QJsonObject {{QStringLiteral("error"),
                              QJsonObject {{QStringLiteral("code"), 429},
                                           {QStringLiteral("message"), QStringLiteral("Too many requests, slow down")},
                                           {QStringLiteral("status"), QStringLiteral("RESOURCE_EXHAUSTED")}}}},
                QHttpServerResponse::StatusCode::TooManyRequests);
            response.addHeader("Retry-After", "7");
            response.write(std::move(responder));
        } else if (path == QLatin1String("/big")) {
            const int bytes = request.query().queryItemValue(QStringLiteral("bytes")).toInt();
            QHttpServerResponse response("application/octet-stream", QByteArray(bytes, 'b'));
            response.write(std::move(responder));
        } else if (path == QLatin1String("/bigchunked")) {
            // No Content-Length: the limit must be noticed while reading.
            const int bytes = request.query().queryItemValue(QStringLiteral("bytes")).toInt();
            responder.writeStatusLine(QHttpServerResponder::StatusCode::Ok);
            responder.writeHeader("Content-Type", "application/octet-stream");
            responder.writeHeader("Transfer-Encoding", "chunked");
            const QByteArray piece(64 * 1024, 'c');
            for (int sent = 0; sent < bytes; sent += piece.size())
                responder.writeBody(QByteArray::number(piece.size(), 16) + "\r\n" + piece + "\r\n");
            responder.writeBody(QByteArrayLiteral("0\r\n\r\n"));
        } else if (path == QLatin1String("/hang")) {
            m_held.push_back(std::move(responder)); // never answered
        } else {
            QHttpServerResponse(QHttpServerResponse::StatusCode::NotFound).write(std::move(responder));
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server.setMissingHandler([this](const QHttpServerRequest& request, QHttpServerResponder&& responder) {
            handle(request, std::move(responder));
        });
        m_port = m_server.listen(QHostAddress::LocalHost, 0);
        QVERIFY(m_port != 0);
    }

    void getReturnsStatusHeadersAndBody()
    {
        HttpRequest request;
        request.url = url(QStringLiteral("/echo"));
        request.url.setQuery(QStringLiteral("q=category:purchases after:1700000000&maxResults=100"));
        request.headers = {{"Authorization", "Bearer token-1"}};
        const Sent sent = send(request);
        QVERIFY2(sent.result.ok(), qPrintable(sent.result.ok() ? QString() : sent.result.error().toString()));
        QCOMPARE(sent.result->status, 200);
        QVERIFY(sent.result->isSuccess());
        QCOMPARE(sent.result->header("x-served-by"), QByteArray("Test Server"));
        QVERIFY(sent.result->header("content-type").startsWith("application/json"));
        const QJsonObject echo = sent.result->json();
        QCOMPARE(echo.value(QStringLiteral("method")).toString(), QStringLiteral("GET"));
        QCOMPARE(echo.value(QStringLiteral("auth")).toString(), QStringLiteral("Bearer token-1"));
        QCOMPARE(echo.value(QStringLiteral("query")).toString(),
                 QStringLiteral("q=category:purchases after:1700000000&maxResults=100"));
        QVERIFY(!sent.result->retryAfterSeconds());
    }

    void postSendsTheBody()
    {
        HttpRequest request;
        request.method = "POST";
        request.url = url(QStringLiteral("/echo"));
        request.headers = {{"Content-Type", "application/x-www-form-urlencoded"}};
        request.body = "grant_type=refresh_token&refresh_token=r1";
        const Sent sent = send(request);
        QVERIFY(sent.result.ok());
        QCOMPARE(sent.result->status, 200);
        QCOMPARE(m_lastMethod, QByteArray("POST"));
        QCOMPARE(m_lastBody, request.body);
        QCOMPARE(m_lastHeaders.value("content-type"), QByteArray("application/x-www-form-urlencoded"));
    }

    void errorStatusIsAResponseWithRetryAfter()
    {
        HttpRequest request;
        request.url = url(QStringLiteral("/busy"));
        const Sent sent = send(request);
        QVERIFY(sent.result.ok());
        QCOMPARE(sent.failure, HttpClient::Failure::None);
        QCOMPARE(sent.result->status, 429);
        QVERIFY(!sent.result->isSuccess());
        QCOMPARE(sent.result->retryAfterSeconds(), std::optional<int>(7));
        QCOMPARE(sent.result->errorMessage(), QStringLiteral("Too many requests, slow down"));
        QCOMPARE(sent.result->errorCode(), QStringLiteral("RESOURCE_EXHAUSTED"));

        request.url = url(QStringLiteral("/nowhere"));
        const Sent missing = send(request);
        QVERIFY(missing.result.ok());
        QCOMPARE(missing.result->status, 404);
    }

    void retryAfterReadsSecondsAndDates()
    {
        HttpResponse response;
        const QDateTime now(QDate(2015, 10, 21), QTime(7, 27, 0), Qt::UTC);
        response.headers.insert("retry-after", "Wed, 21 Oct 2015 07:28:00 GMT");
        QCOMPARE(response.retryAfterSeconds(now), std::optional<int>(60));
        response.headers.insert("retry-after", "Wed, 21 Oct 2015 07:20:00 GMT"); // in the past
        QCOMPARE(response.retryAfterSeconds(now), std::optional<int>(0));
        response.headers.insert("retry-after", "120");
        QCOMPARE(response.retryAfterSeconds(now), std::optional<int>(120));
        response.headers.insert("retry-after", "soon");
        QVERIFY(!response.retryAfterSeconds(now));
        response.headers.insert("retry-after", "-5");
        QVERIFY(!response.retryAfterSeconds(now));
    }

    void errorBodiesOfEachProvider()
    {
        HttpResponse graph;
        graph.body = R"({"error":{"code":"syncStateNotFound","message":"The sync state was not found."}})";
        QCOMPARE(graph.errorCode(), QStringLiteral("syncStateNotFound"));
        QCOMPARE(graph.errorMessage(), QStringLiteral("The sync state was not found."));
        HttpResponse oauth;
        oauth.body = R"({"error":"invalid_grant","error_description":"Token has been expired or revoked."})";
        QCOMPARE(oauth.errorCode(), QStringLiteral("invalid_grant"));
        QCOMPARE(oauth.errorMessage(), QStringLiteral("Token has been expired or revoked."));
        HttpResponse html;
        html.body = "<html>Bad gateway</html>";
        QVERIFY(html.errorMessage().isEmpty());
        QVERIFY(html.json().isEmpty());
    }

    void bodyLimitIsEnforced_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("content-length") << QStringLiteral("/big");
        QTest::newRow("chunked") << QStringLiteral("/bigchunked");
    }

    void bodyLimitIsEnforced()
    {
        QFETCH(QString, path);
        HttpRequest request;
        request.url = url(path);
        request.url.setQuery(QStringLiteral("bytes=%1").arg(2 * 1024 * 1024));
        request.maxResponseBytes = 1024 * 1024;
        const Sent refused = send(request);
        QVERIFY(!refused.result.ok());
        QCOMPARE(refused.failure, HttpClient::Failure::TooLarge);

        // Up to the limit is fine, and the connection is usable afterwards.
        request.maxResponseBytes = 2 * 1024 * 1024;
        const Sent fetched = send(request);
        QVERIFY2(fetched.result.ok(), qPrintable(fetched.result.ok() ? QString() : fetched.result.error().toString()));
        QCOMPARE(fetched.result->body.size(), 2 * 1024 * 1024);
    }

    void cancelEndsAWait()
    {
        std::atomic_bool cancelled = false;
        HttpRequest request;
        request.url = url(QStringLiteral("/hang"));
        request.timeoutMs = 30'000;
        request.cancelCheck = [&cancelled] {
            return cancelled.load();
        };
        QTimer::singleShot(300, this, [&cancelled] { cancelled = true; });
        const Sent sent = send(request);
        QVERIFY(!sent.result.ok());
        QCOMPARE(sent.failure, HttpClient::Failure::Cancelled);
        QCOMPARE(sent.result.error().code, Error::Code::Cancelled);
        QVERIFY2(sent.elapsedMs < 5'000, qPrintable(QString::number(sent.elapsedMs)));
        QVERIFY(sent.elapsedMs >= 250);

        // Already cancelled: nothing is sent.
        const qsizetype held = m_held.size();
        const Sent before = send(request);
        QCOMPARE(before.failure, HttpClient::Failure::Cancelled);
        QCOMPARE(m_held.size(), held);
    }

    void silentServerTimesOut()
    {
        HttpRequest request;
        request.url = url(QStringLiteral("/hang"));
        request.timeoutMs = 1'000;
        const Sent sent = send(request);
        QVERIFY(!sent.result.ok());
        QCOMPARE(sent.failure, HttpClient::Failure::Network);
        QVERIFY2(sent.elapsedMs < 10'000, qPrintable(QString::number(sent.elapsedMs)));
    }

    void refusedConnectionIsANetworkFailure()
    {
        quint16 closedPort = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            closedPort = probe.serverPort();
        }
        HttpRequest request;
        request.url = QUrl(QStringLiteral("http://127.0.0.1:%1/echo").arg(closedPort));
        const Sent sent = send(request);
        QVERIFY(!sent.result.ok());
        QCOMPARE(sent.failure, HttpClient::Failure::Network);
        QVERIFY(!sent.result.error().message.isEmpty());
        QVERIFY(sent.result.error().code != Error::Code::InvalidInput); // transient, not "fix your input"
    }

    void plainHttpOnlyToLoopback()
    {
        QVERIFY(HttpClient::isAllowedUrl(QUrl(QStringLiteral("https://gmail.googleapis.com/gmail/v1"))));
        QVERIFY(HttpClient::isAllowedUrl(QUrl(QStringLiteral("http://127.0.0.1:8080/x"))));
        QVERIFY(HttpClient::isAllowedUrl(QUrl(QStringLiteral("http://[::1]:8080/x"))));
        QVERIFY(HttpClient::isAllowedUrl(QUrl(QStringLiteral("http://localhost/x"))));
        QVERIFY(!HttpClient::isAllowedUrl(QUrl(QStringLiteral("http://graph.microsoft.com/v1.0"))));
        QVERIFY(!HttpClient::isAllowedUrl(QUrl(QStringLiteral("http://10.0.0.1/x"))));
        QVERIFY(!HttpClient::isAllowedUrl(QUrl(QStringLiteral("ftp://127.0.0.1/x"))));
        QVERIFY(!HttpClient::isAllowedUrl(QUrl(QStringLiteral("file:///etc/passwd"))));

        HttpRequest request;
        request.url = QUrl(QStringLiteral("http://example.com/echo"));
        const Sent sent = send(request);
        QVERIFY(!sent.result.ok());
        QCOMPARE(sent.failure, HttpClient::Failure::InvalidRequest);
    }

    void tlsVerifiesPeerAndHost()
    {
        // A real TLS server with a self-signed certificate for "localhost" only.
        QTemporaryDir dir;
        QProcess openssl;
        openssl.setProcessChannelMode(QProcess::MergedChannels);
        openssl.start(QStringLiteral("openssl"),
                      {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                       QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"),
                       dir.filePath(QStringLiteral("key.pem")), QStringLiteral("-out"),
                       dir.filePath(QStringLiteral("cert.pem")), QStringLiteral("-days"), QStringLiteral("2"),
                       QStringLiteral("-subj"), QStringLiteral("/CN=localhost"), QStringLiteral("-addext"),
                       QStringLiteral("subjectAltName=DNS:localhost")});
        QVERIFY(openssl.waitForFinished(60'000));
        QVERIFY2(openssl.exitCode() == 0, openssl.readAll().constData());
        QFile certFile(dir.filePath(QStringLiteral("cert.pem")));
        QFile keyFile(dir.filePath(QStringLiteral("key.pem")));
        QVERIFY(certFile.open(QIODevice::ReadOnly) && keyFile.open(QIODevice::ReadOnly));
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setLocalCertificate(QSslCertificate(certFile.readAll(), QSsl::Pem));
        tls.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Rsa, QSsl::Pem));
        tls.setPeerVerifyMode(QSslSocket::VerifyNone);
        QSslServer server;
        server.setSslConfiguration(tls);
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        int answered = 0;
        connect(&server, &QSslServer::pendingConnectionAvailable, this, [&] {
            while (QTcpSocket* socket = server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [socket, &answered] {
                    if (!socket->readAll().contains("\r\n\r\n"))
                        return;
                    ++answered;
                    socket->write("HTTP/1.1 200 OK\r\nContent-Length: 6\r\nConnection: close\r\n\r\nsecret");
                    socket->disconnectFromHost();
                });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });

        HttpRequest request;
        request.timeoutMs = 5'000;
        request.url = QUrl(QStringLiteral("https://localhost:%1/").arg(server.serverPort()));
        // Not trusted: refused before any request is sent.
        const Sent untrusted = send(request);
        QVERIFY(!untrusted.result.ok());
        QCOMPARE(untrusted.failure, HttpClient::Failure::Network);
        QCOMPARE(answered, 0);

        // Trusted, and the name matches: answered.
        HttpClient trusting;
        trusting.setCaBundle(certFile.fileName());
        QFuture<Result<HttpResponse>> ok = QtConcurrent::run([&] { return trusting.send(request); });
        while (!ok.isFinished())
            QTest::qWait(5);
        QVERIFY2(ok.result().ok(), qPrintable(ok.result().ok() ? QString() : ok.result().error().toString()));
        QCOMPARE(ok.result()->body, QByteArray("secret"));
        QCOMPARE(answered, 1);

        // Trusted, but the certificate does not name 127.0.0.1: the host check refuses it.
        request.url = QUrl(QStringLiteral("https://127.0.0.1:%1/").arg(server.serverPort()));
        QFuture<Result<HttpResponse>> wrongHost = QtConcurrent::run([&] { return trusting.send(request); });
        while (!wrongHost.isFinished())
            QTest::qWait(5);
        QVERIFY(!wrongHost.result().ok());
        QCOMPARE(trusting.failure(), HttpClient::Failure::Network);
        QCOMPARE(answered, 1);
    }

    void httpsWithoutTlsFails()
    {
        // A server that answers plain HTTP on an https:// address: no TLS handshake, so no response is trusted.
        QTcpServer plain;
        QVERIFY(plain.listen(QHostAddress::LocalHost, 0));
        connect(&plain, &QTcpServer::newConnection, this, [&plain] {
            while (QTcpSocket* socket = plain.nextPendingConnection()) {
                socket->write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
                socket->flush();
            }
        });
        HttpRequest request;
        request.url = QUrl(QStringLiteral("https://localhost:%1/").arg(plain.serverPort()));
        request.timeoutMs = 3'000;
        const Sent sent = send(request);
        QVERIFY(!sent.result.ok());
        QCOMPARE(sent.failure, HttpClient::Failure::Network);
    }
};

QTEST_GUILESS_MAIN(TestHttpClient)
#include "tst_httpclient.moc"
