#include "joblistmodel.h"

#include "db/jobrepository.h"

namespace Moniagent {

JobListModel::JobListModel(JobRepository* repository, qint64 userId, QObject* parent)
    : QAbstractTableModel(parent)
    , m_repository(repository)
    , m_userId(userId)
{
    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(30);
    connect(&m_refreshTimer, &QTimer::timeout, this, &JobListModel::refresh);
    connect(m_repository, &JobRepository::changed, this, [this](qint64 changedUser) {
        if (changedUser == m_userId)
            scheduleRefresh();
    });
    refresh();
}

JobListModel::~JobListModel() = default;

int JobListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_jobs.size());
}

int JobListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant JobListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case TypeColumn:
        return tr("Job");
    case StatusColumn:
        return tr("Status");
    case TriggerColumn:
        return tr("Started by");
    case CreatedColumn:
        return tr("Created");
    case StartedColumn:
        return tr("Started");
    case FinishedColumn:
        return tr("Finished");
    case RetriesColumn:
        return tr("Retries");
    case DetailsColumn:
        return tr("Details");
    case ColumnCount:
        break;
    }
    return {};
}

QVariant JobListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Job& job = m_jobs.at(index.row());
    switch (role) {
    case JobIdRole:
        return job.id;
    case StatusRole:
        return JobEnums::key(job.status);
    case Qt::ToolTipRole: {
        const QString text = details(job);
        return text.isEmpty() ? QVariant() : QVariant(text);
    }
    case Qt::TextAlignmentRole:
        return index.column() == RetriesColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case RawValueRole:
        switch (Column(index.column())) {
        case TypeColumn:
            return job.type;
        case StatusColumn:
            return JobEnums::key(job.status);
        case TriggerColumn:
            return JobEnums::key(job.triggeredBy);
        case CreatedColumn:
            return job.createdAt;
        case StartedColumn:
            return job.startedAt;
        case FinishedColumn:
            return job.finishedAt;
        case RetriesColumn:
            return job.retryCount;
        case DetailsColumn:
            return details(job);
        case ColumnCount:
            break;
        }
        return {};
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case TypeColumn:
            return JobEnums::displayName(job.type);
        case StatusColumn:
            return JobEnums::displayName(job.status);
        case TriggerColumn:
            return JobEnums::displayName(job.triggeredBy);
        case CreatedColumn:
            return formatTime(job.createdAt);
        case StartedColumn:
            return formatTime(job.startedAt);
        case FinishedColumn:
            return formatTime(job.finishedAt);
        case RetriesColumn:
            return m_locale.toString(job.retryCount);
        case DetailsColumn:
            // One line in the table; the tooltip and the details pane have all of it.
            return details(job).section(u'\n', 0, 0);
        case ColumnCount:
            break;
        }
        return {};
    default:
        return {};
    }
}

QString JobListModel::details(const Job& job) const
{
    switch (job.status) {
    case JobStatus::Running: {
        const auto it = m_progress.constFind(job.id);
        if (it == m_progress.cend())
            return tr("Working…");
        if (!it->message.isEmpty())
            return it->message;
        if (it->total > 0)
            return tr("%1 of %2").arg(m_locale.toString(it->done), m_locale.toString(it->total));
        return tr("Working…");
    }
    case JobStatus::Queued:
        if (!job.errorMessage().isEmpty())
            return tr("Trying again at %1 after: %2").arg(formatTime(job.nextRunAt), job.errorMessage());
        if (job.nextRunAt.isValid() && job.nextRunAt > job.createdAt)
            return tr("Starts at %1").arg(formatTime(job.nextRunAt));
        return {};
    case JobStatus::Success:
        return job.output.value(QLatin1String("summary")).toString();
    case JobStatus::Failed:
        return job.errorMessage().isEmpty() ? tr("The job failed.") : job.errorMessage();
    case JobStatus::Cancelled:
        return job.errorMessage();
    }
    return {};
}

void JobListModel::setStatusFilter(std::optional<JobStatus> status)
{
    if (m_status == status)
        return;
    m_status = status;
    refresh();
}

void JobListModel::setLimit(int limit)
{
    m_limit = limit;
    refresh();
}

void JobListModel::setLocale(const QLocale& locale)
{
    m_locale = locale;
    if (!m_jobs.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

const Job* JobListModel::jobAt(int row) const
{
    return row >= 0 && row < m_jobs.size() ? &m_jobs.at(row) : nullptr;
}

int JobListModel::rowOf(qint64 jobId) const
{
    for (int row = 0; row < m_jobs.size(); ++row) {
        if (m_jobs.at(row).id == jobId)
            return row;
    }
    return -1;
}

void JobListModel::scheduleRefresh()
{
    if (!m_refreshTimer.isActive())
        m_refreshTimer.start();
}

void JobListModel::refresh()
{
    m_refreshTimer.stop();
    auto listed = m_repository->list(m_userId, m_status, m_limit);
    if (!listed) {
        Q_EMIT errorOccurred(listed.error().message);
        return;
    }
    const QList<Job>& fresh = *listed;

    QHash<qint64, JobStatus> freshStatus;
    for (const Job& job : fresh)
        freshStatus.insert(job.id, job.status);
    // Progress belongs to the running jobs on show.
    for (auto it = m_progress.begin(); it != m_progress.end();) {
        if (freshStatus.value(it.key(), JobStatus::Success) != JobStatus::Running)
            it = m_progress.erase(it);
        else
            ++it;
    }

    // Both lists have the same order (newest first), so: remove the rows that are gone, then walk the fresh list
    // inserting what is new and updating what changed.
    for (int row = int(m_jobs.size()) - 1; row >= 0; --row) {
        if (freshStatus.contains(m_jobs.at(row).id))
            continue;
        beginRemoveRows({}, row, row);
        m_jobs.removeAt(row);
        endRemoveRows();
    }
    for (int row = 0; row < fresh.size(); ++row) {
        const Job& job = fresh.at(row);
        if (row < m_jobs.size() && m_jobs.at(row).id == job.id) {
            if (!sameRow(m_jobs.at(row), job)) {
                m_jobs[row] = job;
                Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
            }
            continue;
        }
        beginInsertRows({}, row, row);
        m_jobs.insert(row, job);
        endInsertRows();
    }
    // Only when the order itself changed (it cannot, short of a changed clock): whatever is left over goes.
    if (m_jobs.size() > fresh.size()) {
        beginRemoveRows({}, int(fresh.size()), int(m_jobs.size()) - 1);
        m_jobs.resize(fresh.size());
        endRemoveRows();
    }
}

void JobListModel::setProgress(qint64 jobId, qint64 done, qint64 total, const QString& message)
{
    m_progress.insert(jobId, {done, total, message});
    const int row = rowOf(jobId);
    if (row >= 0)
        Q_EMIT dataChanged(index(row, DetailsColumn), index(row, DetailsColumn));
}

QString JobListModel::formatTime(const QDateTime& time) const
{
    return time.isValid() ? m_locale.toString(time.toLocalTime(), QLocale::ShortFormat) : QString();
}

bool JobListModel::sameRow(const Job& a, const Job& b)
{
    return a.id == b.id && a.status == b.status && a.updatedAt == b.updatedAt && a.retryCount == b.retryCount
        && a.startedAt == b.startedAt && a.finishedAt == b.finishedAt && a.error == b.error && a.output == b.output
        && a.nextRunAt == b.nextRunAt;
}

} // namespace Moniagent
