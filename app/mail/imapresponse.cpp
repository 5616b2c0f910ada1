#include "imapresponse.h"

namespace Moniagent {

namespace {

// "{123}" or "{123+}" at the end of `line`: the literal's length; -1 when the line ends without one.
qsizetype literalLength(const QByteArray& line)
{
    if (!line.endsWith('}'))
        return -1;
    const qsizetype open = line.lastIndexOf('{');
    if (open < 0)
        return -1;
    QByteArray digits = line.mid(open + 1, line.size() - open - 2);
    if (digits.endsWith('+'))
        digits.chop(1);
    bool ok = false;
    const qlonglong length = digits.toLongLong(&ok);
    return ok && length >= 0 ? qsizetype(length) : -1;
}

} // namespace

QByteArray ImapResponseLine::tag() const
{
    if (isUntagged() || isContinuation())
        return {};
    const qsizetype space = text.indexOf(' ');
    return space > 0 ? text.left(space) : QByteArray();
}

QByteArray ImapResponseLine::status() const
{
    // "TAG OK …", "* OK …", "* NO …", "* BAD …"
    const qsizetype space = text.indexOf(' ');
    if (space < 0)
        return {};
    const qsizetype end = text.indexOf(' ', space + 1);
    const QByteArray word = text.mid(space + 1, end < 0 ? -1 : end - space - 1).toUpper();
    if (word == "OK" || word == "NO" || word == "BAD" || word == "BYE" || word == "PREAUTH")
        return word;
    return {};
}

QByteArray ImapResponseLine::statusText() const
{
    const QByteArray word = status();
    if (word.isEmpty())
        return {};
    qsizetype start = text.indexOf(' ', text.indexOf(' ') + 1);
    if (start < 0)
        return {};
    QByteArray rest = text.mid(start + 1).trimmed();
    if (rest.startsWith('[')) {
        const qsizetype close = rest.indexOf(']');
        rest = close < 0 ? QByteArray() : rest.mid(close + 1).trimmed();
    }
    return rest;
}

std::optional<qint64> ImapResponseLine::number(const QByteArray& name) const
{
    const QByteArray upper = text.toUpper();
    const QByteArray needle = name.toUpper() + ' ';
    qsizetype from = 0;
    while ((from = upper.indexOf(needle, from)) >= 0) {
        // A whole word: preceded by a delimiter.
        const char before = from > 0 ? upper.at(from - 1) : ' ';
        from += needle.size();
        if (before != ' ' && before != '(' && before != '[')
            continue;
        qsizetype end = from;
        while (end < upper.size() && upper.at(end) >= '0' && upper.at(end) <= '9')
            ++end;
        if (end == from)
            continue;
        bool ok = false;
        const qint64 value = upper.mid(from, end - from).toLongLong(&ok);
        if (ok)
            return value;
    }
    return std::nullopt;
}

void ImapResponseParser::feed(const QByteArray& bytes)
{
    // Drop what was consumed before appending, so the buffer does not grow with the whole session.
    if (m_position > 0 && m_position >= m_buffer.size() / 2) {
        m_buffer.remove(0, m_position);
        m_position = 0;
    }
    m_buffer.append(bytes);
}

std::optional<ImapResponseLine> ImapResponseParser::next()
{
    for (;;) {
        if (m_literalRemaining >= 0) {
            if (m_buffer.size() - m_position < m_literalRemaining)
                return std::nullopt;
            m_partial.literals.append(m_buffer.mid(m_position, m_literalRemaining));
            m_position += m_literalRemaining;
            m_literalRemaining = -1;
            continue; // the line goes on after the literal
        }
        const qsizetype end = m_buffer.indexOf("\r\n", m_position);
        if (end < 0)
            return std::nullopt;
        const QByteArray piece = m_buffer.mid(m_position, end - m_position);
        m_position = end + 2;
        m_partial.text.append(piece);
        const qsizetype length = literalLength(piece);
        if (length >= 0) {
            m_literalRemaining = length;
            continue;
        }
        ImapResponseLine complete = std::move(m_partial);
        m_partial = {};
        return complete;
    }
}

} // namespace Moniagent
