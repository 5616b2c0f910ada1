#include "emailextractionmodel.h"

#include "core/emailextraction.h"

namespace Moniagent {

EmailExtractionModel::EmailExtractionModel(const QSqlDatabase& db, qint64 userId, QObject* parent)
    : ScopedSqlTableModel(db, QStringLiteral("email_extractions"),
                          QStringLiteral("email_id IN (SELECT id FROM emails WHERE user_id = %1)").arg(userId), parent)
    , m_userId(userId)
    , m_statusColumn(fieldIndex(QStringLiteral("status")))
{
    setColumnFormat(QStringLiteral("created_at"), Format::Timestamp);
    setColumnFormat(QStringLiteral("extraction_version"), Format::Integer);

    setHeader(QStringLiteral("id"), tr("ID"));
    setHeader(QStringLiteral("email_id"), tr("Email"));
    setHeader(QStringLiteral("extraction_version"), tr("Reader version"));
    setHeader(QStringLiteral("status"), tr("Result"));
    setHeader(QStringLiteral("extracted_json"), tr("Extracted data"));
    setHeader(QStringLiteral("model_used"), tr("Model"));
    setHeader(QStringLiteral("prompt_hash"), tr("Prompt"));
    setHeader(QStringLiteral("error"), tr("Error"));
    setHeader(QStringLiteral("created_at"), tr("Read"));
    setSort(fieldIndex(QStringLiteral("id")), Qt::DescendingOrder);
}

QVariant EmailExtractionModel::data(const QModelIndex& index, int role) const
{
    if (role == Qt::DisplayRole && index.isValid() && index.column() == m_statusColumn) {
        if (const auto outcome
            = EmailExtractionEnums::outcomeFromKey(ScopedSqlTableModel::data(index, RawValueRole).toString()))
            return EmailExtractionEnums::displayName(*outcome);
    }
    return ScopedSqlTableModel::data(index, role);
}

} // namespace Moniagent
