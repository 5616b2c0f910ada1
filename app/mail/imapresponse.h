#pragma once

#include <QByteArray>
#include <QList>

#include <optional>

namespace Moniagent {

// One complete IMAP response (RFC 3501 §7): a line with the literals ({N} + N octets) that continue it.
// `text` keeps the line without its CRLF and with every literal replaced by its "{N}" announcement, so
// the text can be searched for atoms while the octets stay in `literals`, in order.
struct ImapResponseLine
{
    QByteArray text;
    QList<QByteArray> literals;

    bool isUntagged() const { return text.startsWith("* "); }
    bool isContinuation() const { return text.startsWith('+'); }
    // The tag of a tagged response ("A12"), empty for untagged and continuation lines.
    QByteArray tag() const;
    // "OK", "NO" or "BAD" (upper case) of a tagged or untagged status response; empty otherwise.
    QByteArray status() const;
    // The human-readable text after the status and an optional [response code].
    QByteArray statusText() const;
    // The value of a numeric response code such as "[UIDVALIDITY 3857529045]" or of an item such as
    // "UID 17" inside a FETCH response.
    std::optional<qint64> number(const QByteArray& name) const;
};

// Splits the bytes a server sends, arriving in arbitrary pieces, into responses. Literals are read by
// their announced length, so message octets are never taken for protocol lines.
class ImapResponseParser
{
public:
    void feed(const QByteArray& bytes);
    // The next complete response, or nothing until more bytes arrive.
    std::optional<ImapResponseLine> next();
    // Bytes received but not yet part of a complete response.
    qsizetype pendingBytes() const { return m_buffer.size() - m_position; }

private:
    QByteArray m_buffer;
    qsizetype m_position = 0;
    ImapResponseLine m_partial; // a line whose literals are still arriving
    qsizetype m_literalRemaining = -1; // octets of the current literal still missing; -1 = reading a line
};

} // namespace Moniagent
