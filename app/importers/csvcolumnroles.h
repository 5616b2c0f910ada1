#pragma once

#include "csvmapping.h"

#include <QList>
#include <QStringList>

namespace Moniagent {

// What the sniffer learned about one column from the sample rows.
struct CsvColumnStats
{
    int values = 0; // non-empty values
    int dates = 0; // values that are dates in `dateFormat`
    QString dateFormat;
    bool dateAmbiguous = false; // another format with the other day/month order fits as many values
    int amounts = 0; // values that are amounts with the sniffed separators
    int withDecimals = 0; // … written with a decimal separator
    int negatives = 0;
    int debitWords = 0; // values that are debit words ("Af", "debit", "S" …)
    int creditWords = 0; // values that are credit words ("Bij", "credit", "H" …)
    int currencyCodes = 0; // three-letter codes
    int distinct = 0; // different values
    int withLetters = 0;
    qint64 textLength = 0; // total length of the values
};

// The meaning of a column as its header names it, in English, French, German, Spanish and Dutch.
enum class CsvRole
{
    None,
    Date,
    ValueDate, // a second date (value date, Wertstellung): used only when there is no booking date
    Amount,
    Debit,
    Credit,
    Direction,
    Description,
    Payee,
    Notes,
    Category,
    Currency,
    ExternalId,
    Balance, // running balance: never the amount
};

// Chooses the role of each column from the header names first and the values second.
class CsvColumnRoles
{
public:
    static CsvRole roleFromHeader(QStringView name);

    // -1 for a debit word ("debit", "Af", "S" …), 1 for a credit word, 0 otherwise; case-insensitive.
    static int directionOf(QStringView value);

    // Sets mapping.columns, mapping.amountMode and the direction words. `header` may be empty.
    static void assign(const QStringList& header, const QList<CsvColumnStats>& stats, CsvMapping& mapping);
};

} // namespace Moniagent
