#pragma once

#include "core/transactionfilter.h"

#include <QVariantList>

#include <optional>

namespace Moniagent {

// Turns a user id, a filter and a sort order into SQL. Every statement it builds starts with
// `t.user_id = ?` (`+t.user_id = ?` when searching, so SQLite starts from the text matches), and pages are
// addressed by key (keyset) so deep pages stay cheap.
// The Category sort is served bucket by bucket (see TransactionRepository::page) and is not handled here.
class TransactionQuery
{
public:
    // A row's place in the sort order: its sort key and id.
    struct Cursor
    {
        QVariant key;
        qint64 id = 0;
    };

    struct PageSpec
    {
        std::optional<Cursor> after; // start strictly after this row (in traversal order)
        bool reverse = false; // walk the sort order backwards (from the end)
        int limit = 100;
        qint64 offset = 0;
    };

    // How SQLite should find the rows of a text search: from the full-text matches (best when there are few,
    // and always for counts and sums), or by walking the sort index and keeping the matches (best for a
    // page of a common word, where the first matches come soon).
    enum class SearchPlan
    {
        FromMatches,
        FromIndex
    };

    TransactionQuery(qint64 userId, TransactionFilter filter, TransactionSort sort = {},
                     SearchPlan plan = SearchPlan::FromMatches);

    const TransactionFilter& filter() const { return m_filter; }
    const TransactionSort& sort() const { return m_sort; }

    // "t.user_id = ? AND …" and its parameters.
    QString where() const { return m_where; }
    const QVariantList& params() const { return m_params; }

    std::pair<QString, QVariantList> countSql() const;
    std::pair<QString, QVariantList> totalsSql() const;
    // Full rows of one page, in traversal order (reversed when spec.reverse).
    std::pair<QString, QVariantList> pageSql(const PageSpec& spec) const;

    // Rows that come before `cursor` in sort order.
    std::pair<QString, QVariantList> countBeforeSql(const Cursor& cursor) const;

    Cursor cursorOf(const Transaction& transaction) const;

    // The column list every reader of full rows uses, in the order readTransaction() expects.
    static QString columns();
    // User text -> an FTS5 query of quoted prefix terms ANDed together; empty when there is nothing to match.
    static QString ftsQuery(const QString& text);

private:
    QString sortExpression() const;
    bool ascending(bool reverse) const;

    qint64 m_userId;
    TransactionFilter m_filter;
    TransactionSort m_sort;
    QString m_where;
    QVariantList m_params;
};

} // namespace Moniagent
