#include "imapmailbox.h"

#include <algorithm>

namespace Moniagent {

ImapMailbox::ImapMailbox(ImapConnection& connection)
    : m_connection(connection)
{ }

QByteArray ImapMailbox::quoted(const QString& name)
{
    QByteArray text = name.toUtf8();
    text.replace('\\', "\\\\");
    text.replace('"', "\\\"");
    return '"' + text + '"';
}

QByteArray ImapMailbox::uidSet(const QList<qint64>& sortedUids)
{
    QByteArray set;
    for (qsizetype i = 0; i < sortedUids.size();) {
        qsizetype last = i;
        while (last + 1 < sortedUids.size() && sortedUids.at(last + 1) == sortedUids.at(last) + 1)
            ++last;
        if (!set.isEmpty())
            set += ',';
        set += QByteArray::number(sortedUids.at(i));
        if (last > i)
            set += ':' + QByteArray::number(sortedUids.at(last));
        i = last + 1;
    }
    return set;
}

Result<ImapMailbox::Status> ImapMailbox::examine(const QString& mailbox)
{
    auto lines = m_connection.run("EXAMINE " + quoted(mailbox));
    if (!lines)
        return lines.error();
    Status status;
    for (const ImapResponseLine& line : *lines) {
        if (auto validity = line.number("UIDVALIDITY"))
            status.uidValidity = *validity;
        else if (auto next = line.number("UIDNEXT"))
            status.uidNext = *next;
        else if (line.text.toUpper().endsWith(" EXISTS"))
            status.exists = line.text.mid(2, line.text.indexOf(' ', 2) - 2).toLongLong();
    }
    if (status.uidValidity <= 0)
        return Error::invalidInput(tr("The mail server did not say which message numbers are valid (UIDVALIDITY)."));
    return status;
}

Result<QList<qint64>> ImapMailbox::searchUids(std::optional<qint64> afterUid, const QDate& since)
{
    QByteArray criteria;
    if (afterUid)
        criteria += "UID " + QByteArray::number(*afterUid + 1) + ":*";
    if (since.isValid()) {
        static const char* const months[]
            = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
        if (!criteria.isEmpty())
            criteria += ' ';
        criteria += "SINCE " + QByteArray::number(since.day()) + '-' + months[since.month() - 1] + '-'
            + QByteArray::number(since.year());
    }
    if (criteria.isEmpty())
        criteria = "ALL";
    auto lines = m_connection.run("UID SEARCH " + criteria);
    if (!lines)
        return lines.error();
    QList<qint64> uids;
    for (const ImapResponseLine& line : *lines) {
        if (!line.text.toUpper().startsWith("* SEARCH"))
            continue;
        for (const QByteArray& word : line.text.mid(8).split(' ')) {
            bool ok = false;
            const qint64 uid = word.toLongLong(&ok);
            // "n:*" always matches the highest UID, even one at or below n: keep only the new ones.
            if (ok && (!afterUid || uid > *afterUid))
                uids.append(uid);
        }
    }
    std::sort(uids.begin(), uids.end());
    uids.erase(std::unique(uids.begin(), uids.end()), uids.end());
    return uids;
}

Result<void> ImapMailbox::fetch(const QList<qint64>& uids, const std::function<void(Message&&)>& onMessage)
{
    if (uids.isEmpty())
        return {};
    QList<qint64> sorted = uids;
    std::sort(sorted.begin(), sorted.end());
    QString problem;
    auto done = m_connection.run("UID FETCH " + uidSet(sorted) + " (UID BODY.PEEK[])", [&](ImapResponseLine&& line) {
        if (!line.text.toUpper().contains(" FETCH ("))
            return; // EXISTS, EXPUNGE, FLAGS… announced meanwhile
        const auto uid = line.number("UID");
        const qsizetype body = line.text.toUpper().indexOf("BODY[]");
        if (!uid || body < 0) {
            problem = QString::fromUtf8(line.text.left(200));
            return;
        }
        // BODY[] is the first literal after its name; a message can also come as a quoted string or NIL.
        const qsizetype literalsBefore = line.text.left(body).count('{');
        Message message;
        message.uid = *uid;
        if (literalsBefore < line.literals.size() && line.text.mid(body + 6).trimmed().startsWith('{'))
            message.raw = std::move(line.literals[literalsBefore]);
        else {
            QByteArray rest = line.text.mid(body + 6).trimmed();
            if (rest.startsWith('"'))
                message.raw = rest.mid(1, rest.indexOf('"', 1) - 1);
        }
        onMessage(std::move(message));
    });
    if (!done)
        return done.error();
    if (!problem.isEmpty())
        return Error::invalidInput(tr("The mail server sent a message in a form Moniagent cannot read."), problem);
    return {};
}

} // namespace Moniagent
