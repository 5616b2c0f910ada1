#pragma once

#include "core/money.h"
#include "core/transaction.h"

#include <QDate>
#include <QList>
#include <QMetaType>
#include <QString>

namespace Moniagent {

// What QuickEntryParser understood from one line of quick-entry text ("coffee 4.50 yesterday").
// The fields are filled as far as the text was understood even when `ok` is false, so that a live
// preview can show them; only an `ok` entry may be saved.
struct QuickEntry
{
    // Why the text cannot be saved yet. `error` holds the translated sentence to show.
    enum class Problem
    {
        None,
        Empty, // nothing typed yet
        TooLong, // more than QuickEntryParser::MaximumLength characters
        InvalidDate, // "32/13", "31 feb"
        TwoDates,
        TwoCategories, // "#food #drinks"
        NegativeAmount, // "-12": amounts are positive, the direction comes from words
        TwoAmounts, // "coffee 4.50 12"
        UnknownCurrency, // "₿12"
        InvalidAmount, // Money::parse refused the number ("4.505", "1,2,3")
        ZeroAmount,
        MissingAmount,
        MissingMerchant, // no description and no category hint
    };

    // A part of the input that was recognised, for highlighting: [start, start + length) in the input.
    struct Span
    {
        enum class Kind
        {
            Amount, // the number with its currency symbol or code
            Date, // "yesterday", "on the 3rd", "1 nov"
            Type, // "income", "refund", a leading "+"
            Category, // "#groceries"
        };
        int start = 0;
        int length = 0;
        Kind kind = Kind::Amount;

        friend bool operator==(const Span&, const Span&) = default;
    };

    bool ok = false;
    Problem problem = Problem::Empty;
    QString error; // translated, empty when ok

    TransactionType type = TransactionType::Expense;
    Money amount; // positive minor units; invalid until an amount was understood
    QDate date; // the parser's "today" unless the text gives a date
    // The words left after removing the recognised parts: used as the merchant / description.
    QString merchant;
    // From "#word", "#multi-word" or #"two words", without the '#': for the caller to resolve to a category.
    QString categoryHint;
    QList<Span> spans; // sorted by start
};

} // namespace Moniagent

Q_DECLARE_METATYPE(Moniagent::QuickEntry)
