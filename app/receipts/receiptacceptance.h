#pragma once

#include "core/money.h"

#include <QDate>
#include <QList>
#include <QString>

#include <optional>

namespace Moniagent {

// What the user confirmed in the review of one receipt: the expense(s) to create for an invoice. Amounts are
// Money (integer minor units) in `total`'s currency.
struct ReceiptAcceptance
{
    qint64 invoiceId = 0;
    QString merchant;
    QDate date;
    Money total; // what was paid, tax included; positive
    std::optional<Money> tax;
    QString paymentMethod; // ReceiptDraft::paymentMethod keys, empty = unknown
    std::optional<qint64> categoryId; // the expense's category (the split's fallback for uncategorized lines)
    QString notes;

    struct Line
    {
        QString description;
        qint64 amountMinor = 0; // in total's currency; negative for a discount
        std::optional<qint64> categoryId;
    };
    QList<Line> items;

    // One expense per category of the lines instead of one for the whole receipt. The expenses add up to
    // `total` exactly: what the lines do not cover (tax, rounding, a misread line) is shared out in proportion.
    bool splitByCategory = false;
};

} // namespace Moniagent
