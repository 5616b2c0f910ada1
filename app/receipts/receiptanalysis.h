#pragma once

#include "receiptdates.h"
#include "receiptkeywords.h"
#include "receiptlayout.h"
#include "receiptnumbers.h"

#include <QList>
#include <QString>

namespace Moniagent::ReceiptParsing {

// A number of a row, located in its segment.
struct RowNumber
{
    NumberToken token;
    int segment = 0;
    QRect box; // the box of the characters, or of the segment for line-only text
    QString text; // as printed
};

// A row with everything the field finders need: its folded text, keywords, numbers, dates and times.
struct AnalyzedRow
{
    ReceiptRow row;
    QString folded;
    RowKeywords keywords;
    bool inheritedLabel = false; // the keywords come from a label-only row just above
    QList<RowNumber> numbers; // all numbers, left to right
    QList<int> money; // indexes into `numbers` of the money amounts (the currency's decimals)
    QList<DateMatch> dates;
    QList<TimeMatch> times;
    int letters = 0; // letters outside numbers and currency marks

    qint64 moneyValue(int i) const { return numbers.at(money.at(i)).token.minor(minorDigits).value_or(0); }
    const RowNumber& moneyNumber(int i) const { return numbers.at(money.at(i)); }
    int minorDigits = 2;
};

// Analyzes the rows for a currency with `minorDigits`. Amount-only rows right below a label-only row ("TOTAL:" on
// one line, "9.00" on the next) take that row's keywords.
QList<AnalyzedRow> analyzeRows(const QList<ReceiptRow>& rows, int minorDigits, const QDate& today);

// The currency a receipt names most often (symbols beside amounts count double), or an empty string. "$" stands for
// `dollarCode`. A currency other than `profileCode` (the profile's, when not empty) counts only when it is named on a
// total's row or on two rows.
QString detectCurrency(const QList<AnalyzedRow>& rows, const QString& profileCode, const QString& dollarCode);

} // namespace Moniagent::ReceiptParsing
