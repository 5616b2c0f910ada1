#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace Moniagent {

// One server-sent event: the `event:` type (empty for the default "message") and its data (several `data:`
// lines joined with \n).
struct SseEvent
{
    QString type;
    QString data;
    QString id;

    friend bool operator==(const SseEvent&, const SseEvent&) = default;
};

// Decodes a text/event-stream (the WHATWG server-sent events format) from bytes that arrive in arbitrary pieces:
// a line, a field or a multi-byte UTF-8 character may be split across packets. Lines end with \n, \r\n or \r;
// comment lines (":") are skipped; an empty line ends an event.
class SseDecoder
{
public:
    // Feeds the next piece of the stream and returns the events it completed, in order.
    QList<SseEvent> feed(const QByteArray& bytes);
    // The end of the stream: an event whose last line was not followed by an empty line is completed.
    QList<SseEvent> finish();
    void reset();

private:
    void takeLine(const QByteArray& line, QList<SseEvent>& events);
    void dispatch(QList<SseEvent>& events);

    QByteArray m_buffer;
    bool m_pendingCr = false; // the previous piece ended with \r: a following \n belongs to it
    QString m_type;
    QString m_data;
    QString m_id;
    bool m_hasData = false;
};

} // namespace Moniagent
