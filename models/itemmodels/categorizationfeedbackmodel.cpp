#include "categorizationfeedbackmodel.h"

#include "core/categorizationfeedback.h"

#include <QSqlRecord>

namespace Moniagent {

CategorizationFeedbackModel::CategorizationFeedbackModel(const QSqlDatabase& db, qint64 userId, QObject* parent)
    : ScopedSqlTableModel(db, QStringLiteral("categorization_feedback"), QStringLiteral("user_id = %1").arg(userId),
                          parent)
    , m_userId(userId)
{
    setColumnFormat(QStringLiteral("confidence_score"), Format::Percent);
    setColumnFormat(QStringLiteral("created_at"), Format::Timestamp);
    setHeader(QStringLiteral("transaction_id"), tr("Transaction"));
    setHeader(QStringLiteral("suggested_category_id"), tr("Suggested"));
    setHeader(QStringLiteral("confirmed_category_id"), tr("Chosen"));
    setHeader(QStringLiteral("confidence_score"), tr("Confidence"));
    setHeader(QStringLiteral("feedback_type"), tr("Feedback"));
    setHeader(QStringLiteral("created_at"), tr("When"));
    m_suggestedColumn = record().indexOf(QStringLiteral("suggested_category_id"));
    m_confirmedColumn = record().indexOf(QStringLiteral("confirmed_category_id"));
    m_typeColumn = record().indexOf(QStringLiteral("feedback_type"));
    setSort(record().indexOf(QStringLiteral("created_at")), Qt::DescendingOrder);
}

bool CategorizationFeedbackModel::select()
{
    m_categories.load(database(), m_userId);
    return ScopedSqlTableModel::select();
}

QVariant CategorizationFeedbackModel::data(const QModelIndex& index, int role) const
{
    if (role == Qt::DisplayRole && index.isValid()) {
        const QVariant raw = ScopedSqlTableModel::data(index, RawValueRole);
        if (index.column() == m_suggestedColumn || index.column() == m_confirmedColumn)
            return raw.isNull() ? QVariant() : QVariant(m_categories.name(raw.toLongLong()));
        if (index.column() == m_typeColumn) {
            const auto type = CategorizationFeedbackEnums::typeFromKey(raw.toString());
            return type ? CategorizationFeedbackEnums::displayName(*type) : raw;
        }
    }
    return ScopedSqlTableModel::data(index, role);
}

} // namespace Moniagent
