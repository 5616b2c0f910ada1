#include "gmailmailbox.h"

#include <QJsonArray>

namespace Moniagent {

namespace {

Error unreadable(const QString& what)
{
    return Error::invalidInput(GmailMailbox::tr("Gmail sent an answer that could not be read."), what);
}

} // namespace

GmailMailbox::GmailMailbox(MailApiSession& session, QUrl apiUrl)
    : m_session(session)
    , m_apiUrl(std::move(apiUrl))
{ }

QUrl GmailMailbox::url(const QString& path) const
{
    QUrl url = m_apiUrl;
    QString base = url.path();
    while (base.endsWith(u'/'))
        base.chop(1);
    url.setPath(base + QStringLiteral("/gmail/v1/users/me") + path);
    return url;
}

Result<GmailMailbox::Profile> GmailMailbox::profile()
{
    auto response = m_session.get(url(QStringLiteral("/profile")));
    if (!response)
        return response.error();
    const QJsonObject json = response->json();
    Profile profile;
    profile.emailAddress = json.value(QLatin1String("emailAddress")).toString();
    const QJsonValue history = json.value(QLatin1String("historyId"));
    profile.historyId = history.isString() ? history.toString() : QString::number(history.toInteger());
    if (json.isEmpty())
        return unreadable(QStringLiteral("profile"));
    return profile;
}

Result<GmailMailbox::Page> GmailMailbox::list(const QString& query, const QString& pageToken, int maxResults)
{
    QUrl address = url(QStringLiteral("/messages"));
    QByteArray parameters = "q=" + QUrl::toPercentEncoding(query) + "&maxResults=" + QByteArray::number(maxResults);
    if (!pageToken.isEmpty())
        parameters += "&pageToken=" + QUrl::toPercentEncoding(pageToken);
    address.setQuery(QString::fromLatin1(parameters), QUrl::StrictMode);
    auto response = m_session.get(address);
    if (!response)
        return response.error();
    const QJsonObject json = response->json();
    if (json.isEmpty() && !response->body.trimmed().startsWith('{'))
        return unreadable(QStringLiteral("messages.list"));
    Page page;
    const QJsonArray messages = json.value(QLatin1String("messages")).toArray(); // absent when nothing matched
    for (const QJsonValue& message : messages) {
        const QString id = message.toObject().value(QLatin1String("id")).toString();
        if (!id.isEmpty())
            page.ids.append(id);
    }
    page.nextPageToken = json.value(QLatin1String("nextPageToken")).toString();
    return page;
}

Result<GmailMailbox::Message> GmailMailbox::message(const QString& id)
{
    QUrl address = url(QStringLiteral("/messages/") + QString::fromLatin1(QUrl::toPercentEncoding(id)));
    address.setQuery(QStringLiteral("format=raw"));
    auto response = m_session.get(address);
    if (!response)
        return response.error();
    const QJsonObject json = response->json();
    Message message;
    message.id = json.value(QLatin1String("id")).toString(id);
    message.threadId = json.value(QLatin1String("threadId")).toString();
    const QJsonValue internal = json.value(QLatin1String("internalDate")); // epoch milliseconds, as a string
    const qint64 epochMs = internal.isString() ? internal.toString().toLongLong() : internal.toInteger();
    if (epochMs > 0)
        message.internalDate = QDateTime::fromMSecsSinceEpoch(epochMs, Qt::UTC);
    const QByteArray encoded = json.value(QLatin1String("raw")).toString().toLatin1();
    if (auto raw = decodeRaw(encoded)) {
        message.raw = std::move(*raw);
    } else {
        // Kept as it came, so nothing is lost; the job stores it as unreadable.
        message.readable = false;
        message.raw = json.isEmpty() ? response->body : encoded;
    }
    return message;
}

QString GmailMailbox::query(const QString& base, const QDateTime& after)
{
    const QString window = QStringLiteral("after:%1").arg(after.toSecsSinceEpoch());
    const QString trimmed = base.trimmed();
    return trimmed.isEmpty() ? window : QStringLiteral("(%1) %2").arg(trimmed, window);
}

std::optional<QByteArray> GmailMailbox::decodeRaw(const QByteArray& encoded)
{
    QByteArray text = encoded.trimmed();
    while (text.endsWith('='))
        text.chop(1);
    if (text.isEmpty())
        return std::nullopt;
    auto decoded = QByteArray::fromBase64Encoding(
        text, QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    return std::move(decoded.decoded);
}

} // namespace Moniagent
