#include "transactionquery.h"

#include "sql.h"

#include <QRegularExpression>

namespace Moniagent {

TransactionQuery::TransactionQuery(qint64 userId, TransactionFilter filter, TransactionSort sort, SearchPlan plan)
    : m_userId(userId)
    , m_filter(std::move(filter))
    , m_sort(sort)
{
    // With a text search, the matches from the full-text index are few compared with the ledger, so SQLite
    // should start from them: the unary + keeps it from walking the user's whole index instead.
    const QString fts = ftsQuery(m_filter.search);
    const bool fromMatches = !fts.isEmpty() && plan == SearchPlan::FromMatches;
    QStringList clauses {fromMatches ? QStringLiteral("+t.user_id = ?") : QStringLiteral("t.user_id = ?")};
    m_params.append(m_userId);
    if (m_filter.dates.from.isValid()) {
        clauses << QStringLiteral("t.occurred_on >= ?");
        m_params << Sql::isoDate(m_filter.dates.from);
    }
    if (m_filter.dates.to.isValid()) {
        clauses << QStringLiteral("t.occurred_on <= ?");
        m_params << Sql::isoDate(m_filter.dates.to);
    }
    if (m_filter.hasCategoryFilter()) {
        QStringList alternatives;
        if (!m_filter.categoryIds.isEmpty()) {
            alternatives << QStringLiteral("t.category_id IN (%1)").arg(Sql::placeholders(m_filter.categoryIds.size()));
            for (qint64 id : std::as_const(m_filter.categoryIds))
                m_params << id;
        }
        if (m_filter.uncategorized)
            alternatives << QStringLiteral("t.category_id IS NULL");
        clauses << u'(' + alternatives.join(QStringLiteral(" OR ")) + u')';
    }
    if (m_filter.type) {
        clauses << QStringLiteral("t.type = ?");
        m_params << TransactionEnums::key(*m_filter.type);
    }
    if (!m_filter.sources.isEmpty()) {
        clauses << QStringLiteral("t.source IN (%1)").arg(Sql::placeholders(m_filter.sources.size()));
        for (TransactionSource source : std::as_const(m_filter.sources))
            m_params << TransactionEnums::key(source);
    }
    if (!fts.isEmpty()) {
        clauses << QStringLiteral("t.id IN (SELECT rowid FROM transactions_fts WHERE transactions_fts MATCH ?)");
        m_params << fts;
    } else if (!m_filter.search.trimmed().isEmpty()) {
        clauses << QStringLiteral("0"); // only punctuation: nothing can match
    }
    if (m_filter.confirmed) {
        clauses << QStringLiteral("t.confirmed_by_user = ?");
        m_params << (*m_filter.confirmed ? 1 : 0);
    }
    if (m_filter.reviewBelow) {
        // The literal 0 lets SQLite use the partial index transactions_review.
        clauses << QStringLiteral(
            "t.confirmed_by_user = 0 AND (t.category_id IS NULL OR coalesce(t.category_confidence, 0) < ? "
            "OR t.email_id IS NOT NULL)");
        m_params << *m_filter.reviewBelow;
    }
    m_where = clauses.join(QStringLiteral(" AND "));
}

QString TransactionQuery::columns()
{
    return QStringLiteral(
        "t.id, t.uuid, t.user_id, t.category_id, t.invoice_id, t.email_id, t.type, t.amount_minor, t.currency, "
        "t.occurred_on, t.merchant_name, t.description, t.notes, t.source, t.source_metadata, t.external_id, "
        "t.confirmed_by_user, t.category_confidence, t.categorized_by, t.created_at, t.updated_at");
}

QString TransactionQuery::sortExpression() const
{
    switch (m_sort.key) {
    case TransactionSortKey::Date:
    case TransactionSortKey::Category: // Category pages are built bucket by bucket, ordered by date inside
        return QStringLiteral("t.occurred_on");
    case TransactionSortKey::Merchant:
        return QStringLiteral("t.merchant_name COLLATE NOCASE");
    case TransactionSortKey::Amount:
        // Must match the expression of index transactions_user_amount exactly.
        return QStringLiteral("(CASE t.type WHEN 'expense' THEN -t.amount_minor ELSE t.amount_minor END)");
    }
    return QStringLiteral("t.occurred_on");
}

bool TransactionQuery::ascending(bool reverse) const
{
    const bool ascendingOrder = m_sort.order == Qt::AscendingOrder;
    return reverse ? !ascendingOrder : ascendingOrder;
}

std::pair<QString, QVariantList> TransactionQuery::countSql() const
{
    return {QStringLiteral("SELECT count(*) FROM transactions t WHERE ") + m_where, m_params};
}

std::pair<QString, QVariantList> TransactionQuery::totalsSql() const
{
    return {QStringLiteral("SELECT t.currency, t.type, sum(t.amount_minor), count(*) FROM transactions t WHERE ")
                + m_where + QStringLiteral(" GROUP BY t.currency, t.type ORDER BY t.currency"),
            m_params};
}

std::pair<QString, QVariantList> TransactionQuery::pageSql(const PageSpec& spec) const
{
    const QString key = sortExpression();
    // The table alias inside the key expression is "t" in both the inner and the outer query.
    const bool asc = ascending(spec.reverse);
    const QString dir = asc ? QStringLiteral("ASC") : QStringLiteral("DESC");
    QString where = m_where;
    QVariantList params = m_params;
    if (spec.after) {
        // The plain bound lets SQLite seek the index; the row value breaks ties by id.
        where += QStringLiteral(" AND %1 %2 ? AND (%1, t.id) %3 (?, ?)")
                     .arg(key, asc ? QStringLiteral(">=") : QStringLiteral("<="),
                          asc ? QStringLiteral(">") : QStringLiteral("<"));
        params << spec.after->key << spec.after->key << spec.after->id;
    }
    const QString order = QStringLiteral("%1 %2, t.id %2").arg(key, dir);
    // Page ids first (index only, cheap to skip), then the full rows of just those ids.
    QString sql = QStringLiteral("SELECT %1 FROM (SELECT t.id AS page_id FROM transactions t WHERE %2 ORDER BY %3 "
                                 "LIMIT ? OFFSET ?) AS page JOIN transactions t ON t.id = page.page_id ORDER BY %3")
                      .arg(columns(), where, order);
    params << spec.limit << spec.offset;
    return {sql, params};
}

std::pair<QString, QVariantList> TransactionQuery::countBeforeSql(const Cursor& cursor) const
{
    const QString key = sortExpression();
    const bool asc = ascending(false);
    QVariantList params = m_params;
    params << cursor.key << cursor.key << cursor.id;
    return {QStringLiteral("SELECT count(*) FROM transactions t WHERE %1 AND %2 %3 ? AND (%2, t.id) %4 (?, ?)")
                .arg(m_where, key, asc ? QStringLiteral("<=") : QStringLiteral(">="),
                     asc ? QStringLiteral("<") : QStringLiteral(">")),
            params};
}

TransactionQuery::Cursor TransactionQuery::cursorOf(const Transaction& transaction) const
{
    switch (m_sort.key) {
    case TransactionSortKey::Date:
    case TransactionSortKey::Category:
        return {Sql::isoDate(transaction.occurredOn), transaction.id};
    case TransactionSortKey::Merchant:
        return {transaction.merchant, transaction.id};
    case TransactionSortKey::Amount:
        return {transaction.signedMinor(), transaction.id};
    }
    return {Sql::isoDate(transaction.occurredOn), transaction.id};
}

QString TransactionQuery::ftsQuery(const QString& text)
{
    // Split into words the way unicode61 does (letters and digits), quote each and match by prefix.
    static const QRegularExpression word(QStringLiteral(R"([\p{L}\p{N}\p{M}]+)"));
    QStringList terms;
    auto it = word.globalMatch(text);
    while (it.hasNext()) {
        const QString term = it.next().captured(0);
        terms << u'"' + term + QStringLiteral("\"*");
    }
    return terms.join(u' ');
}

} // namespace Moniagent
