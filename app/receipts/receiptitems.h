#pragma once

#include "receiptanalysis.h"
#include "receiptdraft.h"

namespace Moniagent::ReceiptParsing {

struct FoundItem
{
    ReceiptItem item;
    int row = -1;
};

// The line items: rows between the column header (or the top block) and the first subtotal/total/payment row that
// end in an amount, with a description on the row or on the rows just above it. A quantity and unit price are taken
// when the row shows them ("2 x 3.50", "2  3.50  7.00", "0.450 kg"); discount rows are negative.
QList<FoundItem> findItems(const QList<AnalyzedRow>& rows);

} // namespace Moniagent::ReceiptParsing
