#pragma once

#include "receiptanalysis.h"

#include <QStringList>

#include <optional>

namespace Moniagent::ReceiptParsing {

// An amount chosen for a field: the row and money index it was read from.
struct AmountPick
{
    std::optional<qint64> value;
    int row = -1;
    int money = -1; // index into AnalyzedRow::money
    float confidence = 0;
};

struct TotalsResult
{
    AmountPick total;
    AmountPick subtotal;
    AmountPick tax;
    QStringList warnings; // "items-do-not-add-up", "subtotal-tax-mismatch"
    int checks = 0; // consistency checks the chosen total passes
};

// Chooses the total, subtotal and tax together. Every money amount is a total candidate, ranked by its row's
// keywords (strong total words, not a count, change, tendered cash, tax or subtotal), its position, being the largest
// plausible amount, repeating elsewhere; then the combination that agrees best (items sum = subtotal or total,
// subtotal + tax (+ rounding) = total, cash - change = total, tax = the printed rate of the total) wins.
TotalsResult chooseTotals(const QList<AnalyzedRow>& rows, std::optional<qint64> itemsSum);

} // namespace Moniagent::ReceiptParsing
