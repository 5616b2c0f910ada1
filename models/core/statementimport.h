#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>

namespace Moniagent {

// One statement import in the history (table `statement_imports`).
struct StatementImport
{
    qint64 id = 0;
    QString uuid; // also in the source_metadata of every row it wrote or linked
    qint64 userId = 0;
    QString fileName;
    QString sha256; // hex, of the file's bytes
    QString format; // "csv", "ofx", "qif", "camt053"
    QString accountId;
    qint64 rowsTotal = 0;
    qint64 rowsAdded = 0;
    qint64 rowsLinked = 0; // lines joined to a transaction already in the ledger (a receipt, an email)
    qint64 rowsSkipped = 0; // duplicates, unreadable and excluded lines
    QDate dateFrom;
    QDate dateTo;
    QDateTime createdAt;
    QDateTime undoneAt; // null while the import stands

    bool isUndone() const { return undoneAt.isValid(); }
};

} // namespace Moniagent
