#include "ssedecoder.h"

namespace Moniagent {

QList<SseEvent> SseDecoder::feed(const QByteArray& bytes)
{
    QList<SseEvent> events;
    qsizetype start = 0;
    if (m_pendingCr && !bytes.isEmpty() && bytes.front() == '\n')
        start = 1;
    m_pendingCr = false;
    for (qsizetype i = start; i < bytes.size(); ++i) {
        const char c = bytes.at(i);
        if (c != '\n' && c != '\r')
            continue;
        m_buffer.append(bytes.constData() + start, i - start);
        takeLine(m_buffer, events);
        m_buffer.clear();
        if (c == '\r') {
            if (i + 1 < bytes.size()) {
                if (bytes.at(i + 1) == '\n')
                    ++i;
            } else {
                m_pendingCr = true;
            }
        }
        start = i + 1;
    }
    if (start < bytes.size())
        m_buffer.append(bytes.constData() + start, bytes.size() - start);
    return events;
}

QList<SseEvent> SseDecoder::finish()
{
    QList<SseEvent> events;
    if (!m_buffer.isEmpty()) {
        takeLine(m_buffer, events);
        m_buffer.clear();
    }
    dispatch(events);
    return events;
}

void SseDecoder::reset()
{
    m_buffer.clear();
    m_pendingCr = false;
    m_type.clear();
    m_data.clear();
    m_id.clear();
    m_hasData = false;
}

void SseDecoder::takeLine(const QByteArray& raw, QList<SseEvent>& events)
{
    if (raw.isEmpty()) {
        dispatch(events);
        return;
    }
    if (raw.front() == ':')
        return; // a comment (keep-alive)
    const QString line = QString::fromUtf8(raw);
    const auto colon = line.indexOf(u':');
    QString field = colon < 0 ? line : line.left(colon);
    QString value = colon < 0 ? QString() : line.mid(colon + 1);
    if (value.startsWith(u' '))
        value.remove(0, 1);
    if (field == QLatin1String("data")) {
        if (m_hasData)
            m_data += u'\n';
        m_data += value;
        m_hasData = true;
    } else if (field == QLatin1String("event")) {
        m_type = value;
    } else if (field == QLatin1String("id")) {
        m_id = value;
    }
    // "retry" and unknown fields are ignored.
}

void SseDecoder::dispatch(QList<SseEvent>& events)
{
    if (m_hasData)
        events.append({m_type, m_data, m_id});
    m_type.clear();
    m_data.clear();
    m_hasData = false;
}

} // namespace Moniagent
