#pragma once

#include "importstaging.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

#include <vector>

namespace Moniagent {

class TransactionRepository;

// Finds, for each line of a statement, whether the ledger already has it:
// - Duplicate: a row with the same bank id (external id) from an earlier import, or a row an earlier import
//   linked to that id, or the same id twice in this file;
// - ProbableMatch: a row with the same direction, amount and currency within ±dateWindowDays whose store is
//   similar (a receipt, an email, a manual entry, a line of another export of the same account);
// - New otherwise.
// The ledger rows of the statement's date range are read once (prepare()); each ledger row is matched at most
// once, so two identical coffees on one day find two partners or one partner and one new row.
class StatementMatcher
{
    Q_DECLARE_TR_FUNCTIONS(Moniagent::StatementMatcher)

public:
    struct Options
    {
        int dateWindowDays = 3;
    };
    struct Match
    {
        ImportRowStatus status = ImportRowStatus::New;
        std::optional<qint64> id;
        QString text; // the matched row, described for the preview
    };

    StatementMatcher(const TransactionRepository* transactions, qint64 userId, Options options);
    StatementMatcher(const TransactionRepository* transactions, qint64 userId)
        : StatementMatcher(transactions, userId, Options())
    { }

    // Reads the user's ledger rows between `from` and `to` widened by the date window.
    Result<void> prepare(const QDate& from, const QDate& to);
    // `candidate` is a row as the import would write it (source Import, external id set).
    Match match(const Transaction& candidate);

    // Whether two store descriptions look like the same store ("TESCO STORES 3217 LONDON" and "Tesco Extra").
    static bool similarStores(const QString& a, const QString& b);

private:
    struct LedgerRow
    {
        qint64 id = 0;
        qint64 day = 0; // Julian day
        QString merchant;
        QString description;
        TransactionSource source = TransactionSource::Manual;
        bool used = false;
        mutable QString key; // normalized store, computed when first needed
    };
    static quint64 amountKey(TransactionType type, qint64 minor, const QString& currency);
    QString describe(const LedgerRow& row, const Transaction& like) const;

    const TransactionRepository* m_transactions;
    qint64 m_userId;
    Options m_options;
    std::vector<LedgerRow> m_rows;
    QMultiHash<quint64, qsizetype> m_byAmount; // amountKey -> index in m_rows
    QHash<QString, qsizetype> m_byExternalId; // bank ids already in the ledger -> index in m_rows
    QSet<QString> m_seenInFile;
    bool m_lookUpOutside = false; // imported rows with bank ids exist outside the window
};

} // namespace Moniagent
