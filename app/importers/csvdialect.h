#pragma once

#include "core/result.h"
#include "csvmapping.h"

#include <QByteArrayView>
#include <QCoreApplication>
#include <QList>
#include <QLocale>
#include <QStringList>

class QIODevice;

namespace Moniagent {

// What sniffing found out about a CSV file: a mapping ready for CsvReader, and what a wizard needs to show
// and question it.
struct CsvSniff
{
    CsvMapping mapping;
    QStringList header; // empty when the file has none
    QStringList skippedLines; // the lines before the header (account number, period …)
    QList<QStringList> sampleRows; // the first data rows, raw
    // Date and amount columns were both found: the file can be read without asking the user.
    bool complete = false;
    // Several date formats fit every value (all days ≤ 12): the day/month order was taken from the locale.
    bool dateAmbiguous = false;
};

// Guesses a CSV file's dialect and layout from its first ~64 KiB: encoding, delimiter, lines before the header,
// header row, decimal separator, date format and the role of each column.
class CsvDialect
{
    Q_DECLARE_TR_FUNCTIONS(Moniagent::CsvDialect)

public:
    static constexpr qsizetype SniffBytes = 64 * 1024;

    struct EncodingGuess
    {
        CsvEncoding encoding = CsvEncoding::Utf8;
        bool bom = false;
        // Told by a byte order mark or the NUL pattern of UTF-16: it overrides a mapping's encoding.
        bool certain = false;
    };

    // UTF-8 (with or without BOM), UTF-16 LE/BE (BOM, or NUL bytes in every other position), otherwise
    // Windows-1252 when bytes 0x80–0x9F stand for printable 1252 characters (€ ’ “), else ISO-8859-1.
    static EncodingGuess detectEncoding(QByteArrayView head);
    // NUL bytes in a file that is not UTF-16, or more than 1 % control characters.
    static bool looksBinary(QByteArrayView head, CsvEncoding encoding);

    // The date formats the sniffer tries, most common first.
    static QStringList candidateDateFormats();

    // Sniffs the start of a file. `complete`: `head` is the whole file, so its last line is not cut off.
    // `locale` breaks ties (day/month order, decimal separator) that the values leave open.
    static Result<CsvSniff> sniff(QByteArrayView head, bool complete, const QLocale& locale = QLocale());
    // Peeks at the device's first SniffBytes without consuming them.
    static Result<CsvSniff> sniff(QIODevice& device, const QLocale& locale = QLocale());
};

} // namespace Moniagent
