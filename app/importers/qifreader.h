#pragma once

#include "core/result.h"
#include "statement.h"

#include <QCoreApplication>
#include <QIODevice>

namespace Moniagent {

// Reads a Quicken Interchange Format file (no maintained library exists, so by hand).
//
// Sections: !Type:Bank, Cash, CCard, Oth A, Oth L are read; !Type:Invst is skipped with a warning; lists
// (!Type:Cat, Class, Memorized, Security, Prices…) are ignored; !Account records name the account of the
// sections that follow, except inside !Option:AutoSwitch … !Clear:AutoSwitch, where they are only a list.
// Fields: D date, T (else U) amount, P payee, M memo, L category, N cheque number, A address (into notes),
// S/E/$ split category, memo and amount, C cleared (ignored), ^ end of record.
// Categories stay as written ("Food:Groceries"); a "/Class" suffix goes to the notes ("Class: …");
// "[Savings]" is a transfer: no category, notes "Transfer: Savings" (a split's memo says so instead).
// Dates and amounts: see QifDates and QifAmounts; the day/month order and the decimal separator are decided
// per file. QIF names no currency: amounts are in options.defaultCurrency and info.currency stays empty.
// Several accounts in one file: all lines, the first account in the info, a warning with the count.
// A file that is empty, not QIF, or without a single bank/cash/card/asset transaction is refused.
class QifReader
{
    Q_DECLARE_TR_FUNCTIONS(Moniagent::QifReader)

public:
    static Result<StatementInfo> read(QIODevice& device, const StatementReadOptions& options,
                                      const StatementSink& sink);
};

} // namespace Moniagent
