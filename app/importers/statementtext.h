#pragma once

#include "core/result.h"
#include "statement.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QIODevice>
#include <QList>
#include <QString>

namespace Moniagent {

// What the OFX, QIF and CAMT readers share: reading the whole file (these formats are small, and a file is
// checked completely before its first line is delivered), guessing its real character encoding, and
// handing the finished lines to the sink.
class StatementText
{
    Q_DECLARE_TR_FUNCTIONS(Moniagent::StatementText)

public:
    // Larger files are refused before they are read: no bank statement in these formats comes near it.
    static constexpr qint64 MaximumBytes = qint64(256) * 1024 * 1024;

    enum class Encoding
    {
        Utf8,
        Utf16,
        Windows1252,
    };
    struct Decoded
    {
        QString text; // without the byte-order mark
        Encoding encoding = Encoding::Utf8;
    };

    // All of `device`, or an error when it is empty (nothing but white space), too large or unreadable.
    // `formatName` ("OFX", "QIF", …) completes the messages.
    static Result<QByteArray> readAll(QIODevice& device, const QString& formatName);

    // Files declare their character set and banks get it wrong both ways, so the bytes decide: a UTF-16
    // byte-order mark, else valid UTF-8 (a Windows-1252 text with accents is practically never valid UTF-8),
    // else Windows-1252 (a superset of ISO 8859-1 for every printable character).
    static Decoded decode(const QByteArray& bytes);
    static QString decodeWindows1252(const QByteArray& bytes);
    static bool isValidUtf8(const QByteArray& bytes);

    // A plain decimal ("-12.5", "115.8331") in `currency`. Statements of money-market and brokerage cash
    // accounts carry fractions of a cent: those are rounded half away from zero and `rounding` records the
    // first example and the count, for roundingWarning().
    struct Rounding
    {
        int count = 0;
        QString exampleFrom;
        QString exampleTo;
    };
    static Result<Money> parseDecimal(const QString& text, const Currency& currency, Rounding& rounding);
    static QString roundingWarning(const Rounding& rounding);

    // Delivers `lines` in order until the sink declines one, and returns `info` with the count delivered.
    static StatementInfo deliver(QList<StatementLine>& lines, StatementInfo info, const StatementSink& sink);
};

} // namespace Moniagent
