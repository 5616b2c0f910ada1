#include "csvdecoder.h"

#include <array>

namespace Moniagent {

namespace {

QStringConverter::Encoding converterFor(CsvEncoding encoding)
{
    switch (encoding) {
    case CsvEncoding::Utf8:
        return QStringConverter::Utf8;
    case CsvEncoding::Utf16LE:
        return QStringConverter::Utf16LE;
    case CsvEncoding::Utf16BE:
        return QStringConverter::Utf16BE;
    case CsvEncoding::Windows1252:
    case CsvEncoding::Latin1:
        return QStringConverter::Latin1;
    }
    return QStringConverter::Utf8;
}

// Windows-1252 0x80–0x9F (the five unassigned bytes keep their C1 code point, as browsers and ICU do).
constexpr std::array<char16_t, 32> Windows1252High {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

} // namespace

CsvDecoder::CsvDecoder(CsvEncoding encoding)
    : m_encoding(encoding)
    , m_decoder(converterFor(encoding))
{ }

char16_t CsvDecoder::windows1252(quint8 byte)
{
    if (byte >= 0x80 && byte <= 0x9F)
        return Windows1252High[byte - 0x80];
    return byte;
}

void CsvDecoder::decode(QByteArrayView bytes, QString& out)
{
    const qsizetype from = out.size();
    // Decoded straight into the caller's buffer: no temporary string per piece.
    out.resize(from + m_decoder.requiredSpace(bytes.size()));
    QChar* written = m_decoder.appendToBuffer(out.data() + from, bytes);
    out.resize(written - out.constData());
    if (m_encoding != CsvEncoding::Windows1252)
        return;
    char16_t* p = reinterpret_cast<char16_t*>(out.data()) + from;
    char16_t* const end = reinterpret_cast<char16_t*>(out.data()) + out.size();
    for (; p < end; ++p) {
        if (*p >= 0x80 && *p <= 0x9F)
            *p = Windows1252High[*p - 0x80];
    }
}

} // namespace Moniagent
