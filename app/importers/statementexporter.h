#pragma once

#include "core/result.h"
#include "core/transactionfilter.h"
#include "ledgerrows.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QIODevice>
#include <QList>
#include <QLocale>

#include <functional>
#include <optional>

namespace Moniagent {

class CategoryRepository;
class TransactionRepository;

// What to export: the user's rows that match `filter`, read page by page in date order.
struct ExportSource
{
    const TransactionRepository* transactions = nullptr;
    const CategoryRepository* categories = nullptr; // for category names
    qint64 userId = 0;
    TransactionFilter filter;
    int pageSize = LedgerRows::DefaultPageSize;
};

// The columns a CSV export can have, in the order the caller lists them.
enum class CsvColumn
{
    Date,
    Type,
    Amount, // signed: negative for expenses
    Currency,
    Merchant,
    Description,
    Notes,
    Category,
    Source,
    ExternalId,
    Confirmed,
};

struct CsvExportOptions
{
    Q_DECLARE_TR_FUNCTIONS(Moniagent::CsvExportOptions)

public:
    enum class Style
    {
        // For programs: yyyy-MM-dd, '.' decimal, ',' delimiter, English headers, keys ("expense", "manual",
        // "true") for type, source and confirmed.
        Iso,
        // For a spreadsheet in `locale`: its short date and decimal separator (no group separators), ';'
        // as the delimiter when the decimal separator is ',', translated headers and values.
        Locale,
    };

    QList<CsvColumn> columns = allColumns();
    Style style = Style::Iso;
    QLocale locale;
    bool byteOrderMark = false; // UTF-8 with a BOM, which Excel needs to recognise UTF-8

    static QList<CsvColumn> allColumns();
    // "date", "type", "amount", "currency", "merchant", "description", "notes", "category", "source",
    // "external_id", "confirmed".
    static QString key(CsvColumn column);
    // Also accepts "external-id" and "externalid"; case-insensitive.
    static std::optional<CsvColumn> columnFromKey(QStringView key);
    static QString header(CsvColumn column, Style style);
    QChar delimiter() const;
};

struct OfxExportOptions
{
    // DTSERVER of the sign-on response (now when invalid).
    QDateTime serverTime;
    QString bankId = QStringLiteral("MONIAGENT"); // BANKID (at most 9 characters)
    // ACCTID; with several currencies each statement's is this plus "-" and the currency code.
    QString accountId = QStringLiteral("MONIAGENT");
    // CURDEF of the one empty statement written when nothing matches.
    QString defaultCurrency = QStringLiteral("EUR");
};

struct QifExportOptions
{
    // With several currencies, each currency gets an !Account block named this plus the code.
    QString accountName = QStringLiteral("Moniagent");
};

// Writes a filtered ledger as a statement other programs read (Excel, GnuCash, Quicken, banks' tools) and
// Moniagent's own statement readers import again. Rows are read page by page, never all at once; text is
// UTF-8; amounts come from integer minor units. Each writer returns the number of rows written. `progress`
// sees rows written and the total and may return false to cancel (Error::Code::Cancelled): the caller then
// discards the device's content (the command line writes through a QSaveFile).
//
// CSV: RFC 4180 (CRLF, fields quoted when they hold the delimiter, a quote or a line break), a header row.
// OFX: version 1.02 SGML, the form banks send and Quicken, Money, GnuCash (libofx) and every OFX reader take:
//   a sign-on response, then per currency one BANKMSGSRSV1/STMTTRNRS/STMTRS with CURDEF, BANKACCTFROM
//   (CHECKING), BANKTRANLIST (STMTTRN: TRNTYPE DEBIT/CREDIT, DTPOSTED yyyyMMdd, TRNAMT signed, FITID = the
//   external id, else the uuid, NAME = merchant (else description) cut to 32 characters, MEMO = the rest)
//   and LEDGERBAL (the net of the exported rows as of the last date). Aggregates have end tags, elements not.
// QIF: !Type:Bank records D (MM/dd/yyyy), T (signed, '.' decimal), N (external id), P (merchant), M (memo),
//   L (category; '/' and brackets, which mean class and transfer in QIF, are replaced), ^. QIF names no
//   currency: with several, each currency is its own !Account block.
// Line breaks inside OFX and QIF values become spaces; OFX and QIF lines end in CRLF.
class StatementExporter
{
    Q_DECLARE_TR_FUNCTIONS(Moniagent::StatementExporter)

public:
    using Progress = std::function<bool(qint64 done, qint64 total)>;

    static Result<qint64> writeCsv(QIODevice& device, const ExportSource& source, const CsvExportOptions& options,
                                   const Progress& progress = {});
    static Result<qint64> writeOfx(QIODevice& device, const ExportSource& source, const OfxExportOptions& options = {},
                                   const Progress& progress = {});
    static Result<qint64> writeQif(QIODevice& device, const ExportSource& source, const QifExportOptions& options = {},
                                   const Progress& progress = {});
};

} // namespace Moniagent
