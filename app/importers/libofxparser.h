#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

namespace Moniagent {

// Runs libofx over one canonical OFX file (OfxDocument::libofxInput) and returns what its callbacks reported,
// copied into Qt types. libofx keeps global state (message switches, putenv() for OpenSP), so calls are
// serialized; its console output is switched off.
class LibofxParser
{
    Q_DECLARE_TR_FUNCTIONS(Moniagent::LibofxParser)

public:
    struct Status
    {
        QString element; // the aggregate the status belongs to: "SONRS", "STMTTRNRS", …
        int code = 0;
        QString name; // libofx's short English name of the code ("Signon invalid"), empty when unknown
        bool error = false; // severity ERROR
        QString serverMessage;
    };
    struct Statement
    {
        QString accountId; // libofx's account key (BANKID BRANCHID ACCTID)
        QString accountType; // "checking", "savings", "moneymarket", "creditline", "cma", "creditcard", "investment"
        QString currency; // CURDEF
    };
    struct Transaction
    {
        QString accountId;
        bool investment = false; // an investment transaction other than INVBANKTRAN (a buy, sell, dividend…)
        QString fitId;
        QString name; // NAME
        QString memo; // MEMO
        QString checkNumber; // CHECKNUM
    };
    struct Output
    {
        int returnCode = 0; // libofx_proc_file: 0 when OpenSP reported no error (errors may be harmless)
        QList<Status> statuses;
        QList<Statement> statements;
        QList<Transaction> transactions; // in file order
    };

    // Fails only when the temporary file cannot be written; a file libofx cannot make sense of yields an
    // Output with nothing in it.
    static Result<Output> parse(const QByteArray& sgml);

    // The directory of libofx's DTDs this build found (configure time), or empty to let libofx search.
    static QString dtdDirectory();
};

} // namespace Moniagent
