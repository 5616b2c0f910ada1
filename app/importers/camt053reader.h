#pragma once

#include "core/result.h"
#include "statement.h"

#include <QCoreApplication>
#include <QIODevice>

namespace Moniagent {

// Reads an ISO 20022 bank-to-customer statement (camt.053, any camt.053.001.xx version) with
// QXmlStreamReader. Per Stmt: Acct/Id/IBAN (or Othr/Id), Acct/Ccy, Acct/Tp; per Ntry: Amt@Ccy, CdtDbtInd
// (DBIT is money out), BookgDt (else ValDt) as Dt or DtTm, AcctSvcrRef (else NtryRef) as externalId, the
// other party's name as payee (the creditor of a debit, the debtor of a credit), RmtInf/Ustrd as memo
// (AddtlNtryInf when there is none, else in the notes).
//
// Only booked entries (Sts BOOK) are read; pending and other entries are skipped with a warning. A batch
// entry with several TxDtls gives one line per TxDtls with its own amount (when every one has an amount).
//
// Reversals (RvslInd true): ISO 20022 defines CdtDbtInd as the direction of the reversal entry itself ("if
// CreditDebitIndicator is CRDT and ReversalIndicator is Yes, the original operation was a debit"), so the
// indicator alone gives the sign. Some banks write the original direction instead; when a statement's
// opening and closing booked balances (OPBD/PRCD, CLBD) only add up with the reversals flipped, they are
// flipped for that statement, and a warning says so.
//
// A file that is not XML, not camt.053, damaged or truncated, or without a booked entry is refused.
class Camt053Reader
{
    Q_DECLARE_TR_FUNCTIONS(Moniagent::Camt053Reader)

public:
    static Result<StatementInfo> read(QIODevice& device, const StatementReadOptions& options,
                                      const StatementSink& sink);
};

} // namespace Moniagent
