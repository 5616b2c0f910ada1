#pragma once

#include "core/job.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QLocale>
#include <QTimer>

#include <optional>

namespace Moniagent {

class JobRepository;

// The background jobs of one profile for the Jobs view, newest first (JobRepository::list: user-scoped, system
// jobs are not shown), with the live progress of running jobs fed in by the job runner (setProgress). Re-reads on
// the repository's changed signal for this profile, or when told (refresh / scheduleRefresh: the runner's changed
// signal, since its workers write through repositories of their own). A refresh keeps rows in place: new jobs are
// inserted, gone ones removed and changed ones updated, so selections survive.
//
// The Details column shows what matters for the status: progress while running, the error when failed, when a
// retry is due while waiting, and the output's "summary" (a convention for handlers) when done.
class JobListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        TypeColumn,
        StatusColumn,
        TriggerColumn,
        CreatedColumn,
        StartedColumn,
        FinishedColumn,
        RetriesColumn,
        DetailsColumn,
        ColumnCount
    };
    enum Role
    {
        JobIdRole = Qt::UserRole + 1, // qint64
        StatusRole, // the status key (QUEUED …)
        RawValueRole, // the stored value of the cell (timestamps as QDateTime, retries as int)
    };

    JobListModel(JobRepository* repository, qint64 userId, QObject* parent = nullptr);
    ~JobListModel() override;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    qint64 userId() const { return m_userId; }
    // Only jobs with this status (all when empty).
    void setStatusFilter(std::optional<JobStatus> status);
    std::optional<JobStatus> statusFilter() const { return m_status; }
    // At most this many of the newest jobs (default 500).
    void setLimit(int limit);
    void setLocale(const QLocale& locale);

    const Job* jobAt(int row) const;
    int rowOf(qint64 jobId) const;
    // The text of the Details column for `job` (also the tooltip, in full).
    QString details(const Job& job) const;

public Q_SLOTS:
    // Re-reads the jobs now.
    void refresh();
    // Re-reads soon, once for any number of calls in a row.
    void scheduleRefresh();
    // A running job reported progress (JobRunner::jobProgress).
    void setProgress(qint64 jobId, qint64 done, qint64 total, const QString& message);

Q_SIGNALS:
    void errorOccurred(const QString& message);

private:
    struct Progress
    {
        qint64 done = 0;
        qint64 total = 0;
        QString message;
    };
    QString formatTime(const QDateTime& time) const;
    static bool sameRow(const Job& a, const Job& b);

    JobRepository* m_repository;
    qint64 m_userId;
    std::optional<JobStatus> m_status;
    int m_limit = 500;
    QLocale m_locale;
    QList<Job> m_jobs;
    QHash<qint64, Progress> m_progress;
    QTimer m_refreshTimer;
};

} // namespace Moniagent
