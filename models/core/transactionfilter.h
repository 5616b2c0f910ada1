#pragma once

#include "daterange.h"
#include "transaction.h"

#include <QList>
#include <QMetaType>

#include <optional>

namespace Moniagent {

// What part of the ledger to show. Empty members mean "any".
struct TransactionFilter
{
    DateRange dates;
    QList<qint64> categoryIds;
    bool uncategorized = false; // also (or only, when categoryIds is empty) rows without a category
    std::optional<TransactionType> type;
    QList<TransactionSource> sources;
    QString search; // words the user typed; matched by prefix in merchant, description and notes
    std::optional<bool> confirmed;
    // The review queue: not confirmed, and uncategorized or suggested with a confidence below this (the
    // user's auto-apply threshold) or read from an email (a machine read the amount: the user confirms it).
    std::optional<double> reviewBelow;

    bool hasCategoryFilter() const { return uncategorized || !categoryIds.isEmpty(); }
    friend bool operator==(const TransactionFilter&, const TransactionFilter&) = default;
};

enum class TransactionSortKey
{
    Date,
    Merchant,
    Category,
    Amount
};

struct TransactionSort
{
    TransactionSortKey key = TransactionSortKey::Date;
    Qt::SortOrder order = Qt::DescendingOrder;
    friend bool operator==(const TransactionSort&, const TransactionSort&) = default;
};

// Sums for one currency over a filtered ledger.
struct CurrencyTotals
{
    QString currency;
    qint64 incomeMinor = 0;
    qint64 expenseMinor = 0;
    qint64 count = 0;
    qint64 netMinor() const { return incomeMinor - expenseMinor; }
};

struct LedgerTotals
{
    QList<CurrencyTotals> currencies; // sorted by currency code
    qint64 count() const
    {
        qint64 n = 0;
        for (const auto& c : currencies)
            n += c.count;
        return n;
    }
    const CurrencyTotals* find(const QString& code) const
    {
        for (const auto& c : currencies) {
            if (c.currency == code)
                return &c;
        }
        return nullptr;
    }
};

} // namespace Moniagent

Q_DECLARE_METATYPE(Moniagent::TransactionFilter)
Q_DECLARE_METATYPE(Moniagent::LedgerTotals)
