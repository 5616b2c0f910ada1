#include "jobmodel.h"

#include "core/job.h"

#include <QJsonDocument>
#include <QSqlRecord>

namespace Moniagent {

JobModel::JobModel(const QSqlDatabase& db, qint64 userId, QObject* parent)
    : ScopedSqlTableModel(db, QStringLiteral("jobs"), QStringLiteral("user_id = %1").arg(userId), parent)
{
    setColumnFormat(QStringLiteral("retry_count"), Format::Integer);
    setColumnFormat(QStringLiteral("next_run_at"), Format::Timestamp);
    setColumnFormat(QStringLiteral("started_at"), Format::Timestamp);
    setColumnFormat(QStringLiteral("finished_at"), Format::Timestamp);
    setColumnFormat(QStringLiteral("created_at"), Format::Timestamp);
    setColumnFormat(QStringLiteral("updated_at"), Format::Timestamp);
    setHeader(QStringLiteral("job_type"), tr("Task"));
    setHeader(QStringLiteral("status"), tr("Status"));
    setHeader(QStringLiteral("triggered_by"), tr("Started by"));
    setHeader(QStringLiteral("input_payload"), tr("Input"));
    setHeader(QStringLiteral("output_payload"), tr("Result"));
    setHeader(QStringLiteral("error_payload"), tr("Problem"));
    setHeader(QStringLiteral("retry_count"), tr("Retries"));
    setHeader(QStringLiteral("next_run_at"), tr("Next run"));
    setHeader(QStringLiteral("started_at"), tr("Started"));
    setHeader(QStringLiteral("finished_at"), tr("Finished"));
    setHeader(QStringLiteral("created_at"), tr("Created"));
    setHeader(QStringLiteral("updated_at"), tr("Updated"));
    m_typeColumn = record().indexOf(QStringLiteral("job_type"));
    m_statusColumn = record().indexOf(QStringLiteral("status"));
    m_triggerColumn = record().indexOf(QStringLiteral("triggered_by"));
    m_errorColumn = record().indexOf(QStringLiteral("error_payload"));
    setSort(record().indexOf(QStringLiteral("id")), Qt::DescendingOrder);
}

QVariant JobModel::data(const QModelIndex& index, int role) const
{
    if (role == Qt::DisplayRole && index.isValid()) {
        const QVariant raw = ScopedSqlTableModel::data(index, RawValueRole);
        if (index.column() == m_typeColumn)
            return JobEnums::displayName(raw.toString());
        if (index.column() == m_statusColumn) {
            const auto status = JobEnums::statusFromKey(raw.toString());
            return status ? JobEnums::displayName(*status) : raw;
        }
        if (index.column() == m_triggerColumn) {
            const auto trigger = JobEnums::triggerFromKey(raw.toString());
            return trigger ? JobEnums::displayName(*trigger) : raw;
        }
        if (index.column() == m_errorColumn && !raw.isNull()) {
            Job job;
            job.error = QJsonDocument::fromJson(raw.toString().toUtf8()).object();
            const QString message = job.errorMessage();
            return message.isEmpty() ? raw : QVariant(message);
        }
    }
    return ScopedSqlTableModel::data(index, role);
}

} // namespace Moniagent
