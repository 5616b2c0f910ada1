#pragma once

#include "core/result.h"

#include <QChar>
#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace Moniagent {

// The text encodings a CSV statement can come in (CsvDialect::detectEncoding tells them apart).
enum class CsvEncoding
{
    Utf8, // with or without a byte order mark
    Utf16LE,
    Utf16BE,
    Windows1252, // ISO-8859-1 plus € ’ “ … in 0x80–0x9F
    Latin1, // ISO-8859-1
};

// How a row states its amount.
enum class CsvAmountMode
{
    Signed, // one column: negative = money out
    DebitCredit, // a "money out" column and a "money in" column, either may be empty
    Direction, // a column of magnitudes and a column saying debit or credit ("Af"/"Bij", "debit"/"credit")
};

// The column of each role, 0-based; -1 when the file has no such column.
struct CsvColumns
{
    int date = -1;
    int amount = -1; // Signed and Direction modes
    int debit = -1; // DebitCredit mode: money out
    int credit = -1; // DebitCredit mode: money in
    int direction = -1; // Direction mode
    int description = -1;
    int payee = -1; // merchant / counterparty
    int notes = -1;
    int category = -1;
    int currency = -1;
    int externalId = -1;

    friend bool operator==(const CsvColumns&, const CsvColumns&) = default;
};

// Everything needed to read one bank's CSV layout: the dialect (encoding, delimiter, quoting, lines before the
// header), the value formats and which column means what. A plain value; saved as JSON in presets.
class CsvMapping
{
    Q_DECLARE_TR_FUNCTIONS(Moniagent::CsvMapping)

public:
    CsvEncoding encoding = CsvEncoding::Utf8;
    QChar delimiter = u',';
    QChar quote = u'"';
    int skipLines = 0; // physical lines before the header (account number, period …)
    bool hasHeader = true;
    QString dateFormat = QStringLiteral("yyyy-MM-dd"); // Qt-style: d dd M MM MMM MMMM yy yyyy and literals
    QChar decimalSeparator = u'.';
    // '.', ',' or '\'' (or null for none). Spaces, no-break spaces and apostrophes between digit groups are
    // always accepted; this one is accepted in addition.
    QChar thousandsSeparator = u',';
    CsvAmountMode amountMode = CsvAmountMode::Signed;
    // Direction mode: the words of the direction column meaning money out / money in (compared case-insensitively).
    QStringList debitWords;
    QStringList creditWords;
    bool invertSign = false; // credit-card exports that list spending as positive amounts
    QString currency; // ISO 4217 code for rows without a currency column; empty: the reader's default
    CsvColumns columns;

    // The debit and credit words every new mapping starts with, in the languages the sniffer knows.
    static QStringList defaultDebitWords();
    static QStringList defaultCreditWords();

    // A complete translated message when the mapping cannot be used (no date column, a debit/credit mode
    // without its columns, a date format the reader does not understand, the same character twice …).
    Result<void> validate() const;

    // The number of fields a row needs to reach every mapped column.
    int requiredFieldCount() const;

    QJsonObject toJson() const;
    static Result<CsvMapping> fromJson(const QJsonObject& json);

    // A stable hash of a header row, independent of case, accents, surrounding spaces and quoting, so that the
    // next file with the same columns picks the preset saved for this one. Empty for an empty header.
    static QString headerSignature(const QStringList& header);
    // The header text as the signature sees it: case-folded, without accents, single spaces.
    static QString normalizedHeaderName(QStringView name);

    static QString encodingKey(CsvEncoding encoding);
    static std::optional<CsvEncoding> encodingFromKey(QStringView key);
    // What the user sees in a picker ("UTF-8", "Windows-1252 (Western Europe)").
    static QString encodingDisplayName(CsvEncoding encoding);

    friend bool operator==(const CsvMapping&, const CsvMapping&) = default;
};

} // namespace Moniagent
