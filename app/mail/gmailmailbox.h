#pragma once

#include "core/result.h"
#include "mailapisession.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QStringList>
#include <QUrl>

namespace Moniagent {

// The read-only part of the Gmail API v1 the fetch needs (https://developers.google.com/gmail/api/reference/rest):
// users.getProfile, users.messages.list with a search query, users.messages.get in raw format.
class GmailMailbox
{
    Q_DECLARE_TR_FUNCTIONS(GmailMailbox)
public:
    // `apiUrl`: "https://gmail.googleapis.com" (or a local test server).
    GmailMailbox(MailApiSession& session, QUrl apiUrl);

    struct Profile
    {
        QString emailAddress;
        QString historyId;
    };
    Result<Profile> profile();

    struct Page
    {
        QStringList ids;
        QString nextPageToken; // empty on the last page
    };
    // One page of the ids of the messages matching `query` (newest first).
    Result<Page> list(const QString& query, const QString& pageToken = {}, int maxResults = 100);

    struct Message
    {
        QString id;
        QString threadId;
        QDateTime internalDate; // UTC; when Gmail received it
        QByteArray raw; // the RFC 5322 message; the undecoded text when `readable` is false
        bool readable = true; // false: the raw field was missing or not base64url
    };
    Result<Message> message(const QString& id);

    // "<base> after:<epoch seconds>": the receipt search limited to messages received after `after`.
    static QString query(const QString& base, const QDateTime& after);
    // Gmail's base64url (with or without padding); empty optional when it is not.
    static std::optional<QByteArray> decodeRaw(const QByteArray& encoded);

private:
    QUrl url(const QString& path) const;

    MailApiSession& m_session;
    QUrl m_apiUrl;
};

} // namespace Moniagent
