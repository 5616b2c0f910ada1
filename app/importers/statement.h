#pragma once

#include "core/money.h"

#include <QDate>
#include <QList>
#include <QLocale>
#include <QString>
#include <QStringList>

#include <functional>

namespace Moniagent {

// The statement formats Moniagent reads (DESIGN.md §4, "Statement import").
enum class StatementFormat
{
    Unknown,
    Csv,
    Ofx, // OFX 1.x (SGML) and 2.x (XML), and QFX
    Qif,
    Camt053,
};

// One part of a split line (QIF "S/E/$"): its own category, memo and signed amount.
struct StatementSplit
{
    QString categoryName;
    QString memo;
    Money amount; // signed like StatementLine::amount
};

// One line of a statement as the file states it, before matching against the ledger.
struct StatementLine
{
    int record = 0; // 1-based position in the file (CSV: line number of the row; others: the n-th transaction)
    QDate date; // the booking/posting date (OFX DTPOSTED, QIF D, CAMT BookgDt)
    Money amount; // signed: negative = money out of the account (an expense), positive = money in
    QString payee; // merchant / counterparty (OFX NAME/PAYEE, QIF P, CAMT Cdtr/Dbtr Nm, CSV merchant column)
    QString memo; // description (OFX MEMO, QIF M, CAMT RmtInf/AddtlNtryInf, CSV description column)
    QString notes; // CSV notes column, QIF address lines, anything else worth keeping
    QString categoryName; // the file's own category (QIF L, CSV category column); empty when none
    QString externalId; // the bank's stable id (OFX FITID, CAMT AcctSvcrRef/NtryRef); empty when none
    QString checkNumber; // cheque number (OFX CHECKNUM, QIF N) when any
    QList<StatementSplit> splits; // QIF split lines; empty when not split
    // Non-empty when this row could not be read: a complete translated message naming the problem
    // ("Line 14: the date “31/02/2021” does not exist."). The other fields may then be partial.
    QString error;
};

// What the file says about itself.
struct StatementInfo
{
    StatementFormat format = StatementFormat::Unknown;
    QString accountId; // account number / IBAN as given (may be masked); empty when the file has none
    QString accountType; // "checking", "savings", "creditcard", "cash", "investment", … as given; may be empty
    QString currency; // ISO 4217 code of the statement (OFX CURDEF, CAMT Ccy); empty when the file has none
    int lineCount = 0; // lines delivered to the sink (including rows with an error)
    QStringList warnings; // translated, per file: "3 investment transactions were skipped", …
};

// Options every reader understands.
struct StatementReadOptions
{
    // Used when the file names no currency (QIF, most CSV) and for rows without one.
    QString defaultCurrency = QStringLiteral("EUR");
    // For CSV decimal/date conventions when the mapping leaves them to the locale.
    QLocale locale;
};

// Receives the lines in file order; returning false stops reading (cancel, or the preview has enough).
using StatementSink = std::function<bool(StatementLine&& line)>;

} // namespace Moniagent
