#pragma once

#include "core/result.h"
#include "statement.h"

#include <QCoreApplication>
#include <QIODevice>

namespace Moniagent {

// Reads an OFX 1.x (SGML) or 2.x (XML) or QFX statement through libofx: bank, credit-card and the cash lines
// (INVBANKTRAN) of investment statements. FITID becomes externalId, NAME (or PAYEE/NAME) the payee, MEMO the
// memo, CHECKNUM the cheque number; CURDEF the currency, ACCTID/ACCTTYPE the account.
//
// Investment buys, sells, dividends and other security transactions are skipped with a warning. A file with
// several statements delivers all their lines; the info names the first account and a warning the count.
// Refused with Error::InvalidInput, before anything reaches the sink: not OFX, truncated (no </OFX>),
// a bank error response without a statement, a statement without a single transaction to import.
// Per transaction, a missing or invalid DTPOSTED or TRNAMT delivers the line with `error` set.
//
// Not reentrant across threads at the same time: libofx has global state, so calls are serialized.
class OfxReader
{
    Q_DECLARE_TR_FUNCTIONS(Moniagent::OfxReader)

public:
    static constexpr int MaximumDepth = 100;
    static constexpr int MaximumTransactions = 50000;

    static Result<StatementInfo> read(QIODevice& device, const StatementReadOptions& options,
                                      const StatementSink& sink);
};

} // namespace Moniagent
