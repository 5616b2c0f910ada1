#include "graphmailbox.h"

#include <QJsonArray>

namespace Moniagent {

namespace {

const QList<std::pair<QByteArray, QByteArray>> JsonHeaders {{"Accept", "application/json"},
                                                            {"Prefer", "odata.maxpagesize=100"}};

QString basePath(const QUrl& apiUrl)
{
    QString path = apiUrl.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    return path;
}

} // namespace

GraphMailbox::GraphMailbox(MailApiSession& session, QUrl apiUrl)
    : m_session(session)
    , m_apiUrl(std::move(apiUrl))
{ }

QUrl GraphMailbox::initialDeltaUrl(const QDateTime& since) const
{
    QUrl url = m_apiUrl;
    url.setPath(basePath(m_apiUrl) + QStringLiteral("/me/mailFolders/inbox/messages/delta"));
    const QString filter = QStringLiteral("receivedDateTime ge ") + since.toUTC().toString(Qt::ISODate);
    url.setQuery(QStringLiteral("$select=id,receivedDateTime&$filter=")
                     + QString::fromLatin1(QUrl::toPercentEncoding(filter, QByteArrayLiteral(":"))),
                 QUrl::StrictMode);
    return url;
}

bool GraphMailbox::isApiUrl(const QUrl& link) const
{
    return link.isValid() && link.scheme() == m_apiUrl.scheme() && link.host() == m_apiUrl.host()
        && link.port() == m_apiUrl.port() && link.path().startsWith(basePath(m_apiUrl) + u'/');
}

Result<GraphMailbox::Page> GraphMailbox::page(const QUrl& link)
{
    if (!isApiUrl(link))
        return Error::invalidInput(tr("Microsoft Graph sent a link to another server; it was not followed."),
                                   link.toString(QUrl::RemoveQuery | QUrl::RemoveUserInfo));
    auto response = m_session.get(link, 64 * 1024 * 1024, JsonHeaders);
    if (!response)
        return response.error();
    const QJsonObject json = response->json();
    if (json.isEmpty())
        return Error::invalidInput(tr("Microsoft Graph sent an answer that could not be read."),
                                   QStringLiteral("delta: %1 bytes").arg(response->body.size()));
    Page page;
    const QJsonArray values = json.value(QLatin1String("value")).toArray();
    for (const QJsonValue& value : values) {
        const QJsonObject item = value.toObject();
        Change change;
        change.id = item.value(QLatin1String("id")).toString();
        if (change.id.isEmpty())
            continue;
        change.removed = item.contains(QLatin1String("@removed"));
        change.receivedAt
            = QDateTime::fromString(item.value(QLatin1String("receivedDateTime")).toString(), Qt::ISODate).toUTC();
        page.changes.append(change);
    }
    page.nextLink = QUrl(json.value(QLatin1String("@odata.nextLink")).toString(), QUrl::StrictMode);
    page.deltaLink = QUrl(json.value(QLatin1String("@odata.deltaLink")).toString(), QUrl::StrictMode);
    if (page.nextLink.isEmpty() && page.deltaLink.isEmpty())
        return Error::invalidInput(tr("Microsoft Graph sent an answer that could not be read."),
                                   QStringLiteral("delta: neither @odata.nextLink nor @odata.deltaLink"));
    return page;
}

Result<QByteArray> GraphMailbox::mimeContent(const QString& id)
{
    QUrl url = m_apiUrl;
    // Ids are opaque: one with a "/" or "+" must stay one path segment.
    url.setPath(basePath(m_apiUrl) + QStringLiteral("/me/messages/") + QString::fromLatin1(QUrl::toPercentEncoding(id))
                    + QStringLiteral("/$value"),
                QUrl::TolerantMode);
    auto response = m_session.get(url);
    if (!response)
        return response.error();
    return std::move(response->body);
}

} // namespace Moniagent
