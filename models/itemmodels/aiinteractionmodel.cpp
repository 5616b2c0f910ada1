#include "aiinteractionmodel.h"

#include "core/aiinteraction.h"

namespace Moniagent {

AiInteractionModel::AiInteractionModel(const QSqlDatabase& db, qint64 userId, QObject* parent)
    : ScopedSqlTableModel(db, QStringLiteral("ai_interactions"), QStringLiteral("user_id = %1").arg(userId), parent)
    , m_userId(userId)
    , m_typeColumn(fieldIndex(QStringLiteral("interaction_type")))
{
    setColumnFormat(QStringLiteral("created_at"), Format::Timestamp);

    setHeader(QStringLiteral("id"), tr("ID"));
    setHeader(QStringLiteral("user_id"), tr("Profile"));
    setHeader(QStringLiteral("session_id"), tr("Conversation"));
    setHeader(QStringLiteral("interaction_type"), tr("Task"));
    setHeader(QStringLiteral("input_data"), tr("Input"));
    setHeader(QStringLiteral("output_data"), tr("Output"));
    setHeader(QStringLiteral("model_used"), tr("Model"));
    setHeader(QStringLiteral("created_at"), tr("Time"));
    setSort(fieldIndex(QStringLiteral("created_at")), Qt::DescendingOrder);
}

QVariant AiInteractionModel::data(const QModelIndex& index, int role) const
{
    if (role == Qt::DisplayRole && index.isValid() && index.column() == m_typeColumn) {
        if (const auto type
            = AiInteractionEnums::typeFromKey(ScopedSqlTableModel::data(index, RawValueRole).toString()))
            return AiInteractionEnums::displayName(*type);
    }
    return ScopedSqlTableModel::data(index, role);
}

} // namespace Moniagent
