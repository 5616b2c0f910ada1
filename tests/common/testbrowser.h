#pragma once

#include <QByteArray>
#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QObject>
#include <QUrl>

namespace Moniagent::Test {

// Plays the user's browser in sign-in tests: opens a URL with GET and follows redirects the way a browser does
// (to the app's loopback listener in the end), keeping the last page. Register it for http with
// QDesktopServices::setUrlHandler("http", browser, "open") to catch what the app opens.
class TestBrowser : public QObject
{
    Q_OBJECT
public:
    QList<QUrl> opened;
    int lastStatus = 0;
    QByteArray lastPage;
    QUrl lastUrl;
    QNetworkReply::NetworkError lastError = QNetworkReply::NoError;

public Q_SLOTS:
    void open(const QUrl& url)
    {
        opened.append(url);
        QNetworkRequest request(url);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
        QNetworkReply* reply = m_network.get(request);
        connect(reply, &QNetworkReply::finished, this, [this, reply] {
            reply->deleteLater();
            lastStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            lastPage = reply->readAll();
            lastUrl = reply->url();
            lastError = reply->error();
            Q_EMIT loaded(lastStatus);
        });
    }

Q_SIGNALS:
    void loaded(int status);

private:
    QNetworkAccessManager m_network;
};

} // namespace Moniagent::Test
