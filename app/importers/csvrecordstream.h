#pragma once

#include "core/result.h"
#include "csvdecoder.h"
#include "csvmapping.h"
#include "csvtokenizer.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

class QIODevice;

namespace Moniagent {

// The records of a CSV file, read from a QIODevice piece by piece (never the whole file): decodes the
// bytes, refuses binary content, skips the mapping's leading lines and tracks the line each record starts
// on. Shared by CsvReader::read() and CsvReader::preview().
class CsvRecordStream
{
    Q_DECLARE_TR_FUNCTIONS(Moniagent::CsvRecordStream)

public:
    static constexpr qsizetype ChunkBytes = 256 * 1024;
    static constexpr qsizetype SniffBytes = 64 * 1024; // what the binary check looks at
    static constexpr qsizetype MaxRecordChars = 4 * 1024 * 1024; // a longer record means broken quoting

    CsvRecordStream(QIODevice& device, const CsvMapping& mapping);

    // Reads the start of the file, checks that it is text and skips the lines before the header.
    Result<void> open();
    // The next record (true), or the end of the file (false). Blank lines are returned too (isBlank()).
    Result<bool> next();

    const CsvTokenizer& record() const { return m_tokenizer; }
    // The file line the current record starts on (1-based, counting skipped lines and the header).
    int line() const { return m_recordLine; }
    // The encoding actually used: a byte order mark or UTF-16 byte pattern overrides the mapping's.
    CsvEncoding encoding() const { return m_encoding; }
    bool hadDecodingErrors() const { return m_decoder && m_decoder->hasError(); }
    const QStringList& skippedLines() const { return m_skippedLines; }

    // The file's name for messages ("statement.csv"), or empty when the device is not a file.
    static QString fileNameOf(const QIODevice& device);

private:
    // Reads and decodes the next piece; false at the end of the file. Sets m_error on a read failure.
    bool fill();
    Result<void> skipLines(int count);

    QIODevice& m_device;
    CsvEncoding m_encoding;
    std::optional<CsvDecoder> m_decoder;
    CsvTokenizer m_tokenizer;
    QByteArray m_bytes;
    QString m_text;
    qsizetype m_pos = 0;
    bool m_eof = false;
    int m_nextLine = 1;
    int m_recordLine = 0;
    int m_skipLines = 0;
    QStringList m_skippedLines;
    std::optional<Error> m_error;
};

} // namespace Moniagent
