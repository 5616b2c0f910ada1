#pragma once

#include "core/result.h"
#include "imapconnection.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDate>
#include <QList>

#include <functional>
#include <optional>

namespace Moniagent {

// The read-only view of one mailbox that the fetch needs, on an open ImapConnection: EXAMINE (never
// SELECT, so nothing changes on the server), UID SEARCH, and UID FETCH BODY.PEEK[] (messages stay unread).
class ImapMailbox
{
    Q_DECLARE_TR_FUNCTIONS(ImapMailbox)
public:
    explicit ImapMailbox(ImapConnection& connection);

    struct Status
    {
        qint64 uidValidity = 0;
        qint64 exists = 0;
        qint64 uidNext = 0;
    };
    Result<Status> examine(const QString& mailbox = QStringLiteral("INBOX"));

    // UIDs of the messages after `afterUid` (all when empty) received since `since` (any date when null),
    // in ascending order.
    Result<QList<qint64>> searchUids(std::optional<qint64> afterUid, const QDate& since);

    struct Message
    {
        qint64 uid = 0;
        QByteArray raw; // the whole message as stored on the server (RFC 5322)
    };
    // Fetches `uids` (any order, any count) and hands each message to `onMessage` as it arrives.
    Result<void> fetch(const QList<qint64>& uids, const std::function<void(Message&&)>& onMessage);

    // "1:5,7,9:12" for a sorted list of UIDs.
    static QByteArray uidSet(const QList<qint64>& sortedUids);
    // A mailbox name as an IMAP quoted string.
    static QByteArray quoted(const QString& name);

private:
    ImapConnection& m_connection;
};

} // namespace Moniagent
