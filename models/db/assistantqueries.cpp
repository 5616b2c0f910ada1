#include "assistantqueries.h"

#include "database.h"
#include "ledgersummary.h"
#include "rawquery.h"
#include "sql.h"
#include "transactionquery.h"
#include "transactionrepository.h"

#include <QHash>
#include <QMap>
#include <QVarLengthArray>

#include <algorithm>
#include <tuple>

namespace Moniagent {

namespace {

// (merchant or month, category key, currency, type)
using GroupKey = std::tuple<QString, qint64, QString, QString>;
using Sums = QMap<GroupKey, std::pair<qint64, qint64>>;

void addRows(QSqlQuery& query, Sums& sums)
{
    while (query.next()) {
        auto& entry = sums[{query.value(0).toString(), query.value(1).toLongLong(), query.value(2).toString(),
                            query.value(3).toString()}];
        entry.first += query.value(4).toLongLong();
        entry.second += query.value(5).toLongLong();
    }
}

// Whole months from the summary table.
Result<void> addMonths(const QSqlDatabase& db, qint64 userId, const TransactionFilter& filter, AggregateGroup group,
                       const QString& firstMonth, const QString& lastMonth, Sums& sums)
{
    const QString text = group == AggregateGroup::Month ? QStringLiteral("month") : QStringLiteral("''");
    const QString category = group == AggregateGroup::Category ? QStringLiteral("category_key") : QStringLiteral("0");
    QString sql = QStringLiteral("SELECT %1, %2, currency, type, sum(amount_minor), sum(row_count) "
                                 "FROM transaction_totals WHERE user_id = ? AND month BETWEEN ? AND ?")
                      .arg(text, category);
    QVariantList params {userId, firstMonth, lastMonth};
    if (filter.hasCategoryFilter()) {
        QList<qint64> keys;
        for (qint64 id : filter.categoryIds) {
            if (id > 0)
                keys << id;
        }
        if (filter.uncategorized)
            keys << 0;
        if (keys.isEmpty())
            keys << -1;
        sql += QStringLiteral(" AND category_key IN (%1)").arg(Sql::placeholders(keys.size()));
        for (qint64 key : std::as_const(keys))
            params << key;
    }
    if (filter.type) {
        sql += QStringLiteral(" AND type = ?");
        params << TransactionEnums::key(*filter.type);
    }
    sql += QStringLiteral(" GROUP BY 1, 2, 3, 4 HAVING sum(row_count) > 0");
    auto query = Sql::exec(db, sql, params);
    if (!query)
        return query.error();
    addRows(*query, sums);
    return {};
}

// Rows of one merchant name (its stored UTF-8 bytes) per currency (and direction): most merchants have one.
template <typename Slot> using MerchantSlots = QHash<QByteArray, QVarLengthArray<Slot, 1>>;

// The slot of a row's merchant and currency, looked up without copying the row's bytes (new ones are copied).
template <typename Slot>
Slot& slotFor(MerchantSlots<Slot>& merchants, QByteArrayView name, QByteArrayView currency, bool income = false)
{
    auto it = merchants.find(QByteArray::fromRawData(name.data(), name.size()));
    if (it == merchants.end())
        it = merchants.insert(name.toByteArray(), {});
    for (Slot& slot : *it) {
        if (slot.income == income && slot.currency == currency)
            return slot;
    }
    Slot slot;
    slot.currency = currency.toByteArray();
    slot.income = income;
    it->append(std::move(slot));
    return it->last();
}

// Sums per merchant of the ledger's rows, added up here in a hash table over the rows' bytes. GROUP BY a text column
// makes SQLite sort every matching row (a temporary B-tree), and reading them through QSqlQuery converts every
// value: over a year of a busy ledger either costs several times the scan itself.
Result<void> addMerchants(const QSqlDatabase& db, qint64 userId, const TransactionFilter& filter, Sums& sums)
{
    const TransactionQuery query(userId, filter);
    auto rows = RawQuery::exec(db,
                               QStringLiteral("SELECT t.merchant_name, t.currency, t.type = 'income', t.amount_minor "
                                              "FROM transactions t WHERE %1 AND t.merchant_name <> ''")
                                   .arg(query.where()),
                               query.params());
    if (!rows)
        return rows.error();
    struct Sum
    {
        QByteArray currency;
        bool income = false;
        qint64 amountMinor = 0;
        qint64 count = 0;
    };
    MerchantSlots<Sum> merchants;
    while (rows->next()) {
        Sum& sum = slotFor(merchants, rows->text(0), rows->text(1), rows->integer(2) != 0);
        sum.amountMinor += rows->integer(3);
        ++sum.count;
    }
    if (rows->failed())
        return rows->error();
    for (auto it = merchants.cbegin(); it != merchants.cend(); ++it) {
        const QString merchant = QString::fromUtf8(it.key());
        for (const Sum& sum : *it) {
            auto& entry
                = sums[{merchant, 0, QString::fromUtf8(sum.currency),
                        TransactionEnums::key(sum.income ? TransactionType::Income : TransactionType::Expense)}];
            entry.first += sum.amountMinor;
            entry.second += sum.count;
        }
    }
    return {};
}

// Rows of the ledger itself.
Result<void> addLedger(const QSqlDatabase& db, qint64 userId, const TransactionFilter& filter, AggregateGroup group,
                       Sums& sums)
{
    if (group == AggregateGroup::Merchant)
        return addMerchants(db, userId, filter, sums);
    const QString text
        = group == AggregateGroup::Month ? QStringLiteral("substr(t.occurred_on, 1, 7)") : QStringLiteral("''");
    const QString category
        = group == AggregateGroup::Category ? QStringLiteral("coalesce(t.category_id, 0)") : QStringLiteral("0");
    const TransactionQuery query(userId, filter);
    auto rows = Sql::exec(db,
                          QStringLiteral("SELECT %1, %2, t.currency, t.type, sum(t.amount_minor), count(*) "
                                         "FROM transactions t WHERE %3 GROUP BY 1, 2, 3, 4")
                              .arg(text, category, query.where()),
                          query.params());
    if (!rows)
        return rows.error();
    addRows(*rows, sums);
    return {};
}

} // namespace

AssistantQueries::AssistantQueries(Database* database)
    : m_database(database)
{ }

Result<QList<AggregateRow>> AssistantQueries::totals(qint64 userId, const TransactionFilter& filter,
                                                     AggregateGroup group) const
{
    const QSqlDatabase db = m_database->connection();
    Sums sums;
    if (group != AggregateGroup::Merchant && LedgerSummary::covers(filter)) {
        const LedgerSummary::Split split = LedgerSummary::split(filter.dates);
        if (!split.firstMonth.isEmpty()) {
            auto added = addMonths(db, userId, filter, group, split.firstMonth, split.lastMonth, sums);
            if (!added)
                return added.error();
        }
        for (const DateRange& part : split.partial) {
            TransactionFilter partial = filter;
            partial.dates = part;
            auto added = addLedger(db, userId, partial, group, sums);
            if (!added)
                return added.error();
        }
    } else {
        auto added = addLedger(db, userId, filter, group, sums);
        if (!added)
            return added.error();
    }
    QList<AggregateRow> rows;
    for (auto it = sums.cbegin(); it != sums.cend(); ++it) {
        if (it->second == 0)
            continue;
        AggregateRow row;
        const auto& [text, category, currency, type] = it.key();
        if (group == AggregateGroup::Merchant)
            row.merchant = text;
        else if (group == AggregateGroup::Month)
            row.month = text;
        if (group == AggregateGroup::Category && category != 0)
            row.categoryId = category;
        row.currency = currency;
        row.type = TransactionEnums::typeFromKey(type).value_or(TransactionType::Expense);
        row.amountMinor = it->first;
        row.count = it->second;
        rows << row;
    }
    return rows;
}

Result<QList<Transaction>> AssistantQueries::transactions(qint64 userId, const TransactionFilter& filter,
                                                          bool largestFirst, int limit) const
{
    QString sql;
    QVariantList params;
    if (largestFirst) {
        // Sorted after the date index found the period's rows (the amount index would walk the whole ledger).
        const TransactionQuery query(userId, filter);
        sql = QStringLiteral("SELECT %1 FROM transactions t WHERE %2 ORDER BY t.amount_minor DESC, t.occurred_on, "
                             "t.id LIMIT ?")
                  .arg(TransactionQuery::columns(), query.where());
        params = query.params();
        params << std::max(0, limit);
    } else {
        TransactionQuery::PageSpec spec;
        spec.limit = std::max(0, limit);
        std::tie(sql, params) = TransactionQuery(userId, filter, {}).pageSql(spec);
    }
    auto query = Sql::exec(m_database->connection(), sql, params);
    if (!query)
        return query.error();
    QList<Transaction> rows;
    while (query->next())
        rows << readTransaction(*query);
    return rows;
}

Result<QList<MerchantCharges>> AssistantQueries::repeatedCharges(qint64 userId, const DateRange& range, int minCount,
                                                                 int maxCount) const
{
    // One pass over the window through the date index; the charges are grouped here (see addMerchants) and only
    // the merchants charged between minCount and maxCount times become MerchantCharges.
    auto query = RawQuery::exec(m_database->connection(),
                                QStringLiteral("SELECT merchant_name, currency, occurred_on, amount_minor "
                                               "FROM transactions WHERE user_id = ? AND occurred_on BETWEEN ? AND ? "
                                               "AND type = 'expense' AND merchant_name <> ''"),
                                {userId, Sql::isoDate(range.from), Sql::isoDate(range.to)});
    if (!query)
        return query.error();
    // Per merchant and currency: how many charges, and the days (yyyymmdd) and amounts of the first maxCount (a
    // merchant charged more often is left out anyway).
    using Charge = std::pair<int, qint64>;
    struct Charges
    {
        QByteArray currency;
        bool income = false;
        qsizetype count = 0;
        QList<Charge> items;
    };
    MerchantSlots<Charges> merchants;
    while (query->next()) {
        Charges& charges = slotFor(merchants, query->text(0), query->text(1));
        if (++charges.count > maxCount)
            continue;
        const QByteArrayView day = query->text(2); // YYYY-MM-DD (a CHECK of the schema)
        if (day.size() != 10)
            continue;
        int digits = 0;
        for (qsizetype i : {0, 1, 2, 3, 5, 6, 8, 9})
            digits = digits * 10 + (day.at(i) - '0');
        charges.items.append(Charge {digits, query->integer(3)});
    }
    if (query->failed())
        return query->error();
    QList<MerchantCharges> list;
    for (auto it = merchants.begin(); it != merchants.end(); ++it) {
        for (Charges& group : *it) {
            if (group.count < minCount || group.count > maxCount)
                continue;
            std::sort(group.items.begin(), group.items.end());
            MerchantCharges charges;
            charges.merchant = QString::fromUtf8(it.key());
            charges.currency = QString::fromUtf8(group.currency);
            charges.dates.reserve(group.items.size());
            charges.amountsMinor.reserve(group.items.size());
            for (const auto& [digits, amount] : std::as_const(group.items)) {
                const QDate date(digits / 10000, digits / 100 % 100, digits % 100);
                if (!date.isValid())
                    continue;
                charges.dates << date;
                charges.amountsMinor << amount;
            }
            list << charges;
        }
    }
    std::sort(list.begin(), list.end(), [](const MerchantCharges& a, const MerchantCharges& b) {
        return std::tie(a.merchant, a.currency) < std::tie(b.merchant, b.currency);
    });
    return list;
}

} // namespace Moniagent
