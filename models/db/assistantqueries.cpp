#include "assistantqueries.h"

#include "database.h"
#include "ledgersummary.h"
#include "sql.h"
#include "transactionquery.h"
#include "transactionrepository.h"

#include <QMap>

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

// Rows of the ledger itself.
Result<void> addLedger(const QSqlDatabase& db, qint64 userId, const TransactionFilter& filter, AggregateGroup group,
                       Sums& sums)
{
    QString text = QStringLiteral("''");
    if (group == AggregateGroup::Month)
        text = QStringLiteral("substr(t.occurred_on, 1, 7)");
    else if (group == AggregateGroup::Merchant)
        text = QStringLiteral("t.merchant_name");
    const QString category
        = group == AggregateGroup::Category ? QStringLiteral("coalesce(t.category_id, 0)") : QStringLiteral("0");
    const TransactionQuery query(userId, filter);
    QString where = query.where();
    if (group == AggregateGroup::Merchant)
        where += QStringLiteral(" AND t.merchant_name <> ''");
    auto rows = Sql::exec(db,
                          QStringLiteral("SELECT %1, %2, t.currency, t.type, sum(t.amount_minor), count(*) "
                                         "FROM transactions t WHERE %3 GROUP BY 1, 2, 3, 4")
                              .arg(text, category, where),
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
    QVariantList params {userId, Sql::isoDate(range.from), Sql::isoDate(range.to), minCount, maxCount};
    // One pass over the window through the date index: per merchant and currency, its dates and amounts.
    auto query = Sql::exec(m_database->connection(),
                           QStringLiteral("SELECT min(merchant_name), currency, group_concat(occurred_on || ' ' || "
                                          "amount_minor, ',') FROM transactions WHERE user_id = ? AND occurred_on "
                                          "BETWEEN ? AND ? AND type = 'expense' AND merchant_name <> '' "
                                          "GROUP BY merchant_name, currency "
                                          "HAVING count(*) BETWEEN ? AND ?"),
                           params);
    if (!query)
        return query.error();
    QList<MerchantCharges> list;
    while (query->next()) {
        MerchantCharges charges;
        charges.merchant = query->value(0).toString();
        charges.currency = query->value(1).toString();
        QList<std::pair<QDate, qint64>> items;
        const QStringList parts = query->value(2).toString().split(u',');
        for (const QString& part : parts) {
            const qsizetype space = part.indexOf(u' ');
            if (space < 0)
                continue;
            const QDate date = QDate::fromString(part.left(space), Qt::ISODate);
            if (date.isValid())
                items << std::pair {date, part.mid(space + 1).toLongLong()};
        }
        std::sort(items.begin(), items.end());
        for (const auto& [date, amount] : std::as_const(items)) {
            charges.dates << date;
            charges.amountsMinor << amount;
        }
        list << charges;
    }
    return list;
}

} // namespace Moniagent
