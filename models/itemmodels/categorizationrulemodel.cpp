#include "categorizationrulemodel.h"

#include "core/categorizationrule.h"

#include <QSqlRecord>

namespace Moniagent {

CategorizationRuleModel::CategorizationRuleModel(const QSqlDatabase& db, qint64 userId, QObject* parent)
    : ScopedSqlTableModel(db, QStringLiteral("expense_categorization_rules"),
                          QStringLiteral("user_id = %1").arg(userId), parent)
    , m_userId(userId)
{
    setColumnFormat(QStringLiteral("confidence_threshold"), Format::Percent);
    setColumnFormat(QStringLiteral("priority"), Format::Integer);
    setColumnFormat(QStringLiteral("is_active"), Format::Boolean);
    setColumnFormat(QStringLiteral("hit_count"), Format::Integer);
    setColumnFormat(QStringLiteral("created_at"), Format::Timestamp);
    setColumnFormat(QStringLiteral("updated_at"), Format::Timestamp);
    setHeader(QStringLiteral("category_id"), tr("Category"));
    setHeader(QStringLiteral("store_name_pattern"), tr("Store name"));
    setHeader(QStringLiteral("rule_type"), tr("Match"));
    setHeader(QStringLiteral("confidence_threshold"), tr("Minimum confidence"));
    setHeader(QStringLiteral("priority"), tr("Priority"));
    setHeader(QStringLiteral("is_active"), tr("Active"));
    setHeader(QStringLiteral("origin"), tr("Made by"));
    setHeader(QStringLiteral("hit_count"), tr("Used"));
    setHeader(QStringLiteral("created_at"), tr("Created"));
    setHeader(QStringLiteral("updated_at"), tr("Updated"));
    m_categoryColumn = record().indexOf(QStringLiteral("category_id"));
    m_typeColumn = record().indexOf(QStringLiteral("rule_type"));
    m_originColumn = record().indexOf(QStringLiteral("origin"));
}

bool CategorizationRuleModel::select()
{
    m_categories.load(database(), m_userId);
    return ScopedSqlTableModel::select();
}

QString CategorizationRuleModel::orderByClause() const
{
    // Until a view sorts by a column: the order in which the categorizer tries the rules.
    if (const QString clause = ScopedSqlTableModel::orderByClause(); !clause.isEmpty())
        return clause;
    return QStringLiteral("ORDER BY CASE rule_type WHEN 'exact_match' THEN 0 WHEN 'regex' THEN 1 ELSE 2 END, "
                          "priority DESC, id");
}

QVariant CategorizationRuleModel::data(const QModelIndex& index, int role) const
{
    if (role == Qt::DisplayRole && index.isValid()) {
        const QVariant raw = ScopedSqlTableModel::data(index, RawValueRole);
        if (index.column() == m_categoryColumn)
            return m_categories.name(raw.toLongLong());
        if (index.column() == m_typeColumn) {
            const auto type = CategorizationRuleEnums::typeFromKey(raw.toString());
            return type ? CategorizationRuleEnums::displayName(*type) : raw;
        }
        if (index.column() == m_originColumn) {
            const auto origin = CategorizationRuleEnums::originFromKey(raw.toString());
            return origin ? CategorizationRuleEnums::displayName(*origin) : raw;
        }
    }
    return ScopedSqlTableModel::data(index, role);
}

} // namespace Moniagent
