#pragma once

#include "csvmapping.h"

#include <QByteArrayView>
#include <QString>
#include <QStringDecoder>

namespace Moniagent {

// Turns the bytes of a CSV file into text piece by piece, in any of the CsvEncoding encodings, without
// depending on ICU: Windows-1252 is ISO-8859-1 with 32 characters (€ ’ “ …) in place of the C1 controls.
// A byte order mark at the start is dropped. Multi-byte sequences split between two pieces are kept whole.
class CsvDecoder
{
public:
    explicit CsvDecoder(CsvEncoding encoding);

    // Appends the text of the next piece of the file to `out`.
    void decode(QByteArrayView bytes, QString& out);
    // True when some bytes were not valid in the encoding (UTF-8 or UTF-16 only; single-byte encodings
    // accept every byte) and were replaced by U+FFFD.
    bool hasError() const { return m_decoder.hasError(); }

    // The character 0x80–0x9F stands for in Windows-1252 (the C1 control itself where 1252 leaves a gap).
    static char16_t windows1252(quint8 byte);

private:
    CsvEncoding m_encoding;
    QStringDecoder m_decoder;
};

} // namespace Moniagent
