#pragma once

#include "core/result.h"
#include "mailapisession.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QUrl>

namespace Moniagent {

// The read-only part of Microsoft Graph v1.0 the fetch needs (https://learn.microsoft.com/graph/api/message-delta):
// the delta query of the inbox (ids and receive times, paged by @odata.nextLink, ending in an @odata.deltaLink that
// later returns only the changes since), and a message's MIME source (/me/messages/{id}/$value).
class GraphMailbox
{
    Q_DECLARE_TR_FUNCTIONS(GraphMailbox)
public:
    // `apiUrl`: "https://graph.microsoft.com/v1.0" (or a local test server).
    GraphMailbox(MailApiSession& session, QUrl apiUrl);

    struct Change
    {
        QString id;
        QDateTime receivedAt; // UTC; invalid when not given
        bool removed = false; // "@removed": deleted or moved out of the inbox
    };
    struct Page
    {
        QList<Change> changes;
        QUrl nextLink; // more pages follow
        QUrl deltaLink; // the last page: where the next sync starts
    };

    // The first delta request: the inbox messages received since `since`.
    QUrl initialDeltaUrl(const QDateTime& since) const;
    // One page of changes from the initial URL, a nextLink or a deltaLink. Links must point to the API's host
    // (the token is never sent elsewhere).
    Result<Page> page(const QUrl& link);
    // The message as RFC 5322 (MIME) bytes.
    Result<QByteArray> mimeContent(const QString& id);

    bool isApiUrl(const QUrl& link) const;

private:
    MailApiSession& m_session;
    QUrl m_apiUrl;
};

} // namespace Moniagent
