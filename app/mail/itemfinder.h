#pragma once

#include "mail/amountfinder.h"
#include "mail/emailextraction.h"

#include <QList>
#include <QString>

namespace Moniagent::MailParsing {

// Line items of a receipt email without markup: the lines that carry one price and a description, in the block
// that ends where the subtotal, tax, shipping or total lines begin ("2 x Flat white  €7.80", "Hammer | $19.99",
// "Trail Jacket | 1 | $69.99").
class ItemFinder
{
public:
    // `candidates` are AmountFinder::find(text); `currency` the one the total was read in.
    static QList<ExtractedEmailItem> find(const QString& text, const QList<AmountCandidate>& candidates,
                                          const Currency& currency);
};

} // namespace Moniagent::MailParsing
