#include "jsonobjectreader.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Moniagent {

namespace {

constexpr qint64 ChunkSize = 256 * 1024;

bool isWhitespace(int c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

} // namespace

JsonObjectReader::JsonObjectReader(QIODevice& device, qint64 maxValueSize)
    : m_device(device)
    , m_maxValueSize(maxValueSize)
{ }

bool JsonObjectReader::fill()
{
    if (m_eof)
        return false;
    if (m_capturing) {
        m_capture.append(m_buffer.constData() + m_captureStart, m_buffer.size() - m_captureStart);
        m_captureStart = 0;
    }
    m_offset += m_buffer.size();
    m_buffer = m_device.read(ChunkSize);
    m_pos = 0;
    if (m_buffer.isEmpty()) {
        m_eof = true;
        return false;
    }
    return true;
}

int JsonObjectReader::peek()
{
    if (m_pos >= m_buffer.size() && !fill())
        return -1;
    return static_cast<unsigned char>(m_buffer.at(m_pos));
}

int JsonObjectReader::get()
{
    const int c = peek();
    if (c >= 0)
        ++m_pos;
    return c;
}

int JsonObjectReader::skipWhitespace()
{
    int c = peek();
    while (isWhitespace(c)) {
        ++m_pos;
        c = peek();
    }
    return c;
}

Error JsonObjectReader::unexpected(int c)
{
    if (c < 0)
        return incomplete();
    const QString shown
        = c >= 0x20 && c < 0x7F ? QString(QChar(c)) : QStringLiteral("0x%1").arg(c, 2, 16, QLatin1Char('0'));
    return {Error::Code::Corrupt,
            tr("The file is damaged: “%1” at byte %2 was not expected.").arg(shown).arg(position()),
            {}};
}

Error JsonObjectReader::incomplete() const
{
    return {Error::Code::Corrupt, tr("The file is incomplete: it ends after %1 bytes.").arg(position()), {}};
}

Error JsonObjectReader::misuse() const
{
    return Error::invalidInput(QStringLiteral("JsonObjectReader used out of order"));
}

Result<void> JsonObjectReader::begin()
{
    if (m_state != State::Start)
        return misuse();
    // A UTF-8 byte-order mark is allowed before the object.
    if (peek() == 0xEF) {
        for (int expected : {0xEF, 0xBB, 0xBF}) {
            if (get() != expected)
                return Error {Error::Code::Corrupt, tr("The file is not JSON text."), {}};
        }
    }
    const int c = skipWhitespace();
    if (c != '{')
        return c < 0 ? Error {Error::Code::Corrupt, tr("The file is empty."), {}} : unexpected(c);
    ++m_pos;
    m_state = State::FirstMember;
    return {};
}

Result<std::optional<QString>> JsonObjectReader::nextKey()
{
    if (m_state != State::FirstMember && m_state != State::NextMember)
        return misuse();
    int c = skipWhitespace();
    if (c == '}') {
        ++m_pos;
        m_state = State::End;
        c = skipWhitespace();
        if (c >= 0)
            return unexpected(c);
        return std::optional<QString>();
    }
    if (m_state == State::NextMember) {
        if (c != ',')
            return unexpected(c);
        ++m_pos;
        c = skipWhitespace();
    }
    if (c != '"')
        return unexpected(c);
    auto key = parseValue(true);
    if (!key)
        return key.error();
    c = skipWhitespace();
    if (c != ':')
        return unexpected(c);
    ++m_pos;
    m_state = State::Value;
    return std::optional<QString>(key->toString());
}

Result<QJsonValue> JsonObjectReader::value()
{
    if (m_state != State::Value)
        return misuse();
    auto parsed = parseValue(true);
    if (parsed)
        m_state = State::NextMember;
    return parsed;
}

Result<void> JsonObjectReader::skipValue()
{
    if (m_state != State::Value)
        return misuse();
    auto scanned = scanValue(false);
    if (!scanned)
        return scanned.error();
    m_state = State::NextMember;
    return {};
}

Result<bool> JsonObjectReader::enterArray()
{
    if (m_state != State::Value)
        return misuse();
    if (skipWhitespace() != '[')
        return false;
    ++m_pos;
    m_state = State::FirstElement;
    return true;
}

Result<std::optional<QJsonValue>> JsonObjectReader::nextElement()
{
    if (m_state != State::FirstElement && m_state != State::NextElement)
        return misuse();
    int c = skipWhitespace();
    if (c == ']') {
        ++m_pos;
        m_state = State::NextMember;
        return std::optional<QJsonValue>();
    }
    if (m_state == State::NextElement) {
        if (c != ',')
            return unexpected(c);
        ++m_pos;
    }
    auto parsed = parseValue(true);
    if (!parsed)
        return parsed.error();
    m_state = State::NextElement;
    return std::optional<QJsonValue>(*parsed);
}

Result<QJsonValue> JsonObjectReader::parseValue(bool keep)
{
    const qint64 start = position() + 1;
    auto raw = scanValue(keep);
    if (!raw)
        return raw.error();
    // Wrapped in an array, QJsonDocument checks any value, scalars included.
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson('[' + *raw + ']', &error);
    if (error.error != QJsonParseError::NoError || !document.isArray() || document.array().size() != 1) {
        const qint64 at = start + qMax(0, error.offset - 1);
        return Error {Error::Code::Corrupt, tr("The file is damaged at byte %1.").arg(at), error.errorString()};
    }
    return document.array().at(0);
}

Result<QByteArray> JsonObjectReader::scanValue(bool keep)
{
    int c = skipWhitespace();
    if (c < 0)
        return incomplete();
    if (keep) {
        m_capturing = true;
        m_capture.clear();
        m_captureStart = m_pos;
    }
    // Finds the end of one value: strings with their escapes, containers by depth, anything else up to the
    // next delimiter. Whether the text inside is valid is for QJsonDocument to say.
    bool complete = false;
    if (c == '"' || c == '{' || c == '[') {
        // A tight loop over the buffer: this is where a large restore spends its reading time.
        int depth = 0;
        bool inString = false;
        bool escaped = false;
        while (!complete && (m_pos < m_buffer.size() || fill())) {
            const char* data = m_buffer.constData();
            const qsizetype size = m_buffer.size();
            qsizetype i = m_pos;
            for (; i < size; ++i) {
                const char ch = data[i];
                if (inString) {
                    if (escaped)
                        escaped = false;
                    else if (ch == '\\')
                        escaped = true;
                    else if (ch == '"') {
                        inString = false;
                        complete = depth == 0;
                    }
                } else if (ch == '"') {
                    inString = true;
                } else if (ch == '{' || ch == '[') {
                    ++depth;
                } else if ((ch == '}' || ch == ']') && --depth == 0) {
                    complete = true;
                }
                if (complete) {
                    ++i;
                    break;
                }
            }
            m_pos = i;
            if (keep && m_capture.size() > m_maxValueSize)
                break;
        }
    } else if (c == ',' || c == '}' || c == ']' || c == ':') {
        m_capturing = false;
        return unexpected(c);
    } else {
        while (c >= 0 && !isWhitespace(c) && c != ',' && c != '}' && c != ']') {
            ++m_pos;
            c = peek();
        }
        complete = true;
    }
    QByteArray raw;
    if (keep) {
        m_capture.append(m_buffer.constData() + m_captureStart, m_pos - m_captureStart);
        raw = std::move(m_capture);
        m_capture = QByteArray();
        m_capturing = false;
        if (raw.size() > m_maxValueSize) {
            return Error {
                Error::Code::Corrupt, tr("The file is damaged: a value at byte %1 is too large.").arg(position()), {}};
        }
    }
    if (!complete)
        return incomplete();
    return raw;
}

} // namespace Moniagent
