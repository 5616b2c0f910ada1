#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QIODevice>
#include <QJsonValue>

#include <optional>

namespace Moniagent {

// Reads a JSON document whose top level is one object, member by member, so that a file of any size can be
// read with only one value in memory at a time: small members come whole (value()), arrays element by
// element (enterArray(), nextElement()). Each value is checked by QJsonDocument; the structure between
// values (braces, commas, colons, the end of the file) is checked here. Errors are Error::Code::Corrupt
// with the byte offset: a file that ends early says it is incomplete.
//
//   reader.begin();
//   while (auto key = reader.nextKey(), key && *key) { … reader.value() / enterArray() … }
class JsonObjectReader
{
    Q_DECLARE_TR_FUNCTIONS(Moniagent::JsonObjectReader)

public:
    static constexpr qint64 DefaultMaxValueSize = 16 * 1024 * 1024;

    explicit JsonObjectReader(QIODevice& device, qint64 maxValueSize = DefaultMaxValueSize);

    // The opening brace of the top-level object.
    Result<void> begin();
    // The key of the next member, or nullopt after the closing brace, when nothing but white space may follow.
    // A member's value must be read (value(), the elements of enterArray(), or skipValue()) before the next key.
    Result<std::optional<QString>> nextKey();
    // The current member's value, whole.
    Result<QJsonValue> value();
    // When the current member's value is an array: enters it and returns true. Otherwise consumes nothing.
    Result<bool> enterArray();
    // The next element of the array entered, or nullopt after its closing bracket.
    Result<std::optional<QJsonValue>> nextElement();
    // Passes over the current member's value without keeping it (any size).
    Result<void> skipValue();

    // Bytes consumed from the device so far.
    qint64 position() const { return m_offset + m_pos; }

private:
    enum class State
    {
        Start,
        FirstMember,
        NextMember,
        Value,
        FirstElement,
        NextElement,
        End,
    };

    int peek();
    int get();
    bool fill();
    int skipWhitespace();
    Result<QByteArray> scanValue(bool keep);
    Result<QJsonValue> parseValue(bool keep);
    Error unexpected(int c);
    Error incomplete() const;
    Error misuse() const;

    QIODevice& m_device;
    qint64 m_maxValueSize;
    QByteArray m_buffer;
    qsizetype m_pos = 0;
    qint64 m_offset = 0; // file offset of m_buffer[0]
    bool m_eof = false;
    // While a value is scanned with `keep`: its bytes that left the buffer, and where it starts in the buffer.
    bool m_capturing = false;
    QByteArray m_capture;
    qsizetype m_captureStart = 0;
    State m_state = State::Start;
};

} // namespace Moniagent
