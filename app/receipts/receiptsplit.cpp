#include "receiptsplit.h"

#include <algorithm>

namespace Moniagent {

namespace {
__extension__ typedef __int128 Wide; // total × line sum does not fit 64 bits for large amounts
} // namespace

bool ReceiptSplit::canSplit(const ReceiptAcceptance& acceptance)
{
    if (acceptance.items.size() < 2)
        return false;
    const std::optional<qint64> first = lineCategory(acceptance, acceptance.items.first());
    return std::any_of(acceptance.items.cbegin() + 1, acceptance.items.cend(),
                       [&](const ReceiptAcceptance::Line& line) { return lineCategory(acceptance, line) != first; });
}

QList<ReceiptExpense> ReceiptSplit::expenses(const ReceiptAcceptance& acceptance)
{
    const ReceiptExpense whole {acceptance.categoryId, acceptance.total, {}};
    if (!acceptance.splitByCategory || !canSplit(acceptance) || acceptance.total.minor() <= 0)
        return {whole};

    struct Group
    {
        std::optional<qint64> categoryId;
        qint64 sum = 0;
        QStringList descriptions;
    };
    QList<Group> groups;
    for (const ReceiptAcceptance::Line& line : acceptance.items) {
        const std::optional<qint64> category = lineCategory(acceptance, line);
        auto it = std::find_if(groups.begin(), groups.end(), [&](const Group& g) { return g.categoryId == category; });
        if (it == groups.end()) {
            groups.append({category, 0, {}});
            it = groups.end() - 1;
        }
        it->sum += line.amountMinor;
        if (!line.description.isEmpty())
            it->descriptions.append(line.description);
    }
    // Only categories that add up to something carry a share of the total.
    QList<Group> weighted;
    qint64 weight = 0;
    for (const Group& group : std::as_const(groups)) {
        if (group.sum > 0) {
            weighted.append(group);
            weight += group.sum;
        }
    }
    if (weighted.size() < 2)
        return {whole};

    // Largest remainder: floor shares first, then one minor unit each to the largest remainders.
    const qint64 total = acceptance.total.minor();
    QList<qint64> shares;
    QList<qint64> remainders;
    qint64 given = 0;
    for (const Group& group : std::as_const(weighted)) {
        const Wide product = static_cast<Wide>(total) * group.sum;
        shares.append(static_cast<qint64>(product / weight));
        remainders.append(static_cast<qint64>(product % weight));
        given += shares.constLast();
    }
    QList<int> order(weighted.size());
    for (int i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return remainders.at(a) > remainders.at(b); });
    for (int i = 0; given < total; ++i, ++given)
        ++shares[order.at(i % order.size())];

    QList<ReceiptExpense> result;
    for (int i = 0; i < weighted.size(); ++i) {
        if (shares.at(i) > 0)
            result.append({weighted.at(i).categoryId, Money(shares.at(i), acceptance.total.currency()),
                           weighted.at(i).descriptions});
    }
    return result;
}

} // namespace Moniagent
