#pragma once

#include "receiptacceptance.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Moniagent {

// One expense that accepting a receipt creates.
struct ReceiptExpense
{
    std::optional<qint64> categoryId;
    Money amount; // positive, in the receipt's currency
    QStringList descriptions; // the lines it stands for, in receipt order; empty for the whole receipt
};

// The expenses a ReceiptAcceptance turns into: the whole total in `categoryId`, or, with `splitByCategory`, one
// expense per category of the lines (a line without a category takes the receipt's), in the order the categories
// first appear. The expenses add up to `total` exactly: each category gets the total in proportion to what its
// lines add up to (largest remainder, ties to the earlier category), so tax, rounding and lines that were not read
// are shared out. Categories whose lines add up to nothing or less (a discount by itself) get no expense of their
// own; their share goes to the others. Pure: the review dialog previews it, the receipt service applies it.
class ReceiptSplit
{
public:
    static QList<ReceiptExpense> expenses(const ReceiptAcceptance& acceptance);
    // The category a line ends up in.
    static std::optional<qint64> lineCategory(const ReceiptAcceptance& acceptance, const ReceiptAcceptance::Line& line)
    {
        return line.categoryId ? line.categoryId : acceptance.categoryId;
    }
    // Whether splitting makes a difference: at least two lines end up in different categories.
    static bool canSplit(const ReceiptAcceptance& acceptance);
};

} // namespace Moniagent
