#include "csvrecordstream.h"

#include "csvdialect.h"

#include <QFileDevice>
#include <QFileInfo>
#include <QIODevice>

namespace Moniagent {

CsvRecordStream::CsvRecordStream(QIODevice& device, const CsvMapping& mapping)
    : m_device(device)
    , m_encoding(mapping.encoding)
    , m_tokenizer(mapping.delimiter, mapping.quote)
    , m_skipLines(mapping.skipLines)
{ }

QString CsvRecordStream::fileNameOf(const QIODevice& device)
{
    if (const auto* file = qobject_cast<const QFileDevice*>(&device))
        return QFileInfo(file->fileName()).fileName();
    return {};
}

Result<void> CsvRecordStream::open()
{
    if (!m_device.isOpen() || !m_device.isReadable())
        return Error {Error::Code::Io, tr("The file is not open for reading."), fileNameOf(m_device)};
    // Enough of the start of the file for the text check, whatever piece sizes the device delivers.
    QByteArray head(SniffBytes, Qt::Uninitialized);
    qsizetype filled = 0;
    while (filled < SniffBytes) {
        const qint64 n = m_device.read(head.data() + filled, SniffBytes - filled);
        if (n < 0)
            return Error {Error::Code::Io, tr("The file could not be read."), m_device.errorString()};
        if (n == 0) {
            m_eof = true;
            break;
        }
        filled += n;
    }
    head.truncate(filled);
    const CsvDialect::EncodingGuess guess = CsvDialect::detectEncoding(head);
    if (guess.certain)
        m_encoding = guess.encoding;
    if (CsvDialect::looksBinary(head, m_encoding)) {
        const QString name = fileNameOf(m_device);
        return Error::invalidInput(name.isEmpty() ? tr("The file is not a text file.")
                                                  : tr("“%1” is not a text file.").arg(name),
                                   QStringLiteral("binary content in the first %1 bytes").arg(head.size()));
    }
    m_decoder.emplace(m_encoding);
    m_decoder->decode(head, m_text);
    return skipLines(m_skipLines);
}

bool CsvRecordStream::fill()
{
    if (m_eof)
        return false;
    if (m_pos > 0) {
        m_text.remove(0, m_pos);
        m_pos = 0;
    }
    m_bytes.resize(ChunkBytes);
    const qint64 n = m_device.read(m_bytes.data(), ChunkBytes);
    if (n < 0) {
        m_error = Error {Error::Code::Io, tr("The file could not be read to the end."), m_device.errorString()};
        m_eof = true;
        return false;
    }
    if (n == 0) {
        m_eof = true;
        return false;
    }
    m_decoder->decode(QByteArrayView(m_bytes.constData(), n), m_text);
    return true;
}

Result<void> CsvRecordStream::skipLines(int count)
{
    // Physical lines, quotes ignored: what comes before the header is not CSV (account number, period …).
    while (count > 0) {
        const qsizetype n = m_text.size();
        qsizetype i = m_pos;
        while (i < n && m_text.at(i) != u'\n' && m_text.at(i) != u'\r')
            ++i;
        const bool mayContinue = i >= n || (m_text.at(i) == u'\r' && i + 1 >= n);
        if (mayContinue && !m_eof) {
            if (!fill() && m_error)
                return *m_error;
            continue;
        }
        if (i >= n) { // the file ends within the lines to skip
            if (i > m_pos)
                m_skippedLines << m_text.mid(m_pos, i - m_pos);
            m_pos = n;
            ++m_nextLine;
            return {};
        }
        m_skippedLines << m_text.mid(m_pos, i - m_pos);
        if (m_text.at(i) == u'\r' && i + 1 < n && m_text.at(i + 1) == u'\n')
            ++i;
        m_pos = i + 1;
        ++m_nextLine;
        --count;
    }
    return {};
}

Result<bool> CsvRecordStream::next()
{
    for (;;) {
        const CsvTokenizer::Status status = m_tokenizer.next(m_text, m_pos, m_eof);
        if (status == CsvTokenizer::Status::Record) {
            m_recordLine = m_nextLine;
            m_nextLine += 1 + m_tokenizer.embeddedLineBreaks();
            return true;
        }
        if (status == CsvTokenizer::Status::End)
            return false;
        if (m_text.size() - m_pos > MaxRecordChars)
            return Error::invalidInput(tr("Line %1: a quoted value runs on for more than four million characters; "
                                          "the file’s quotes do not pair up.")
                                           .arg(m_nextLine));
        if (!fill() && m_error)
            return *m_error;
    }
}

} // namespace Moniagent
