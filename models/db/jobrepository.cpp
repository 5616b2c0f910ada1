#include "jobrepository.h"

#include "database.h"
#include "sql.h"

#include <QJsonDocument>
#include <QSet>

namespace Moniagent {

namespace {

const QString Columns = QStringLiteral(
    "id, user_id, job_type, status, triggered_by, input_payload, output_payload, error_payload, retry_count, "
    "next_run_at, started_at, finished_at, created_at, updated_at");
const QString Now = QStringLiteral("strftime('%Y-%m-%dT%H:%M:%fZ', 'now')");

QString json(const QJsonObject& object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject object(const QVariant& text)
{
    return text.isNull() ? QJsonObject() : QJsonDocument::fromJson(text.toString().toUtf8()).object();
}

Job read(const QSqlQuery& q)
{
    Job j;
    j.id = q.value(0).toLongLong();
    j.userId = Sql::optionalId(q.value(1));
    j.type = q.value(2).toString();
    j.status = JobEnums::statusFromKey(q.value(3).toString()).value_or(JobStatus::Queued);
    j.triggeredBy = JobEnums::triggerFromKey(q.value(4).toString()).value_or(JobTrigger::Manual);
    j.input = object(q.value(5));
    j.output = object(q.value(6));
    j.error = object(q.value(7));
    j.retryCount = q.value(8).toInt();
    j.nextRunAt = Sql::parseIsoTimestamp(q.value(9));
    j.startedAt = Sql::parseIsoTimestamp(q.value(10));
    j.finishedAt = Sql::parseIsoTimestamp(q.value(11));
    j.createdAt = Sql::parseIsoTimestamp(q.value(12));
    j.updatedAt = Sql::parseIsoTimestamp(q.value(13));
    return j;
}

QVariant timestamp(const QDateTime& time)
{
    return Sql::nullableText(Sql::isoTimestamp(time));
}

} // namespace

JobRepository::JobRepository(Database* database, QObject* parent)
    : QObject(parent)
    , m_database(database)
{ }

Result<qint64> JobRepository::enqueue(std::optional<qint64> userId, QStringView jobType, JobTrigger triggeredBy,
                                      const QJsonObject& input, const QDateTime& nextRunAt)
{
    if (!JobEnums::isValidType(jobType))
        return Error::invalidInput(
            tr("“%1” is not a job type: use capital letters and underscores, such as EMAIL_FETCH.")
                .arg(jobType.toString()));
    if (JobEnums::key(triggeredBy).isEmpty())
        return Error::invalidInput(tr("The job has an unknown trigger."));
    auto result = Sql::exec(
        m_database->connection(),
        QStringLiteral("INSERT INTO jobs (user_id, job_type, status, triggered_by, input_payload, "
                       "next_run_at) VALUES (?, ?, 'QUEUED', ?, ?, ?)"),
        {Sql::nullable(userId), jobType.toString(), JobEnums::key(triggeredBy), json(input), timestamp(nextRunAt)});
    if (!result) {
        if (result.error().detail.contains(QLatin1String("FOREIGN KEY")))
            return Error::notFound(tr("The profile no longer exists."), result.error().detail);
        return result.error();
    }
    const qint64 id = result->lastInsertId().toLongLong();
    Q_EMIT changed(userId.value_or(0));
    return id;
}

Result<std::optional<qint64>> JobRepository::enqueueUnlessPending(std::optional<qint64> userId, QStringView jobType,
                                                                  JobTrigger triggeredBy, const QJsonObject& input)
{
    if (!JobEnums::isValidType(jobType))
        return Error::invalidInput(
            tr("“%1” is not a job type: use capital letters and underscores, such as EMAIL_FETCH.")
                .arg(jobType.toString()));
    if (JobEnums::key(triggeredBy).isEmpty())
        return Error::invalidInput(tr("The job has an unknown trigger."));
    const QString payload = json(input);
    // `user_id IS ?` matches NULL with NULL: system jobs are compared with system jobs.
    auto result = Sql::exec(m_database->connection(),
                            QStringLiteral("INSERT INTO jobs (user_id, job_type, status, triggered_by, input_payload) "
                                           "SELECT ?, ?, 'QUEUED', ?, ? WHERE NOT EXISTS (SELECT 1 FROM jobs "
                                           "WHERE user_id IS ? AND job_type = ? AND input_payload = ? "
                                           "AND status IN ('QUEUED', 'RUNNING'))"),
                            {Sql::nullable(userId), jobType.toString(), JobEnums::key(triggeredBy), payload,
                             Sql::nullable(userId), jobType.toString(), payload});
    if (!result) {
        if (result.error().detail.contains(QLatin1String("FOREIGN KEY")))
            return Error::notFound(tr("The profile no longer exists."), result.error().detail);
        return result.error();
    }
    if (result->numRowsAffected() == 0)
        return std::optional<qint64>();
    const qint64 id = result->lastInsertId().toLongLong();
    Q_EMIT changed(userId.value_or(0));
    return std::optional<qint64>(id);
}

Result<Job> JobRepository::find(qint64 userId, qint64 id) const
{
    auto query
        = Sql::exec(m_database->connection(),
                    QStringLiteral("SELECT %1 FROM jobs WHERE id = ? AND user_id = ?").arg(Columns), {id, userId});
    if (!query)
        return query.error();
    if (!query->next())
        return Error::notFound(tr("The job no longer exists."));
    return read(*query);
}

Result<QList<Job>> JobRepository::list(qint64 userId, std::optional<JobStatus> status, int limit) const
{
    QString sql = QStringLiteral("SELECT %1 FROM jobs WHERE user_id = ?").arg(Columns);
    QVariantList params {userId};
    if (status) {
        sql += QStringLiteral(" AND status = ?");
        params << JobEnums::key(*status);
    }
    sql += QStringLiteral(" ORDER BY created_at DESC, id DESC LIMIT ?");
    params << (limit > 0 ? limit : -1);
    auto query = Sql::exec(m_database->connection(), sql, params);
    if (!query)
        return query.error();
    QList<Job> jobs;
    while (query->next())
        jobs << read(*query);
    return jobs;
}

Result<void> JobRepository::cancel(qint64 userId, qint64 id, const QDateTime& nowUtc)
{
    auto result = Sql::exec(m_database->connection(),
                            QStringLiteral("UPDATE jobs SET status = 'CANCELLED', finished_at = coalesce(?, %1), "
                                           "updated_at = %1 WHERE id = ? AND user_id = ? "
                                           "AND status IN ('QUEUED', 'RUNNING')")
                                .arg(Now),
                            {timestamp(nowUtc), id, userId});
    if (!result)
        return result.error();
    if (result->numRowsAffected() == 0) {
        auto job = find(userId, id);
        if (!job)
            return job.error();
        return Error::invalidInput(
            tr("The job has already ended (%1) and cannot be cancelled.").arg(JobEnums::displayName(job->status)));
    }
    Q_EMIT changed(userId);
    return {};
}

Result<qint64> JobRepository::retry(qint64 userId, qint64 id, const QDateTime& nowUtc)
{
    auto result = Sql::exec(m_database->connection(),
                            QStringLiteral("INSERT INTO jobs (user_id, job_type, status, triggered_by, input_payload, "
                                           "next_run_at) SELECT user_id, job_type, 'QUEUED', 'RETRY', input_payload, "
                                           "? FROM jobs WHERE id = ? AND user_id = ? "
                                           "AND status IN ('FAILED', 'CANCELLED')"),
                            {timestamp(nowUtc), id, userId});
    if (!result)
        return result.error();
    if (result->numRowsAffected() == 0) {
        auto job = find(userId, id);
        if (!job)
            return job.error();
        return Error::invalidInput(tr("Only failed or cancelled jobs can be retried; this one is “%1”.")
                                       .arg(JobEnums::displayName(job->status)));
    }
    const qint64 newId = result->lastInsertId().toLongLong();
    Q_EMIT changed(userId);
    return newId;
}

Result<std::optional<Job>> JobRepository::claimNext(const QDateTime& nowUtc)
{
    if (!nowUtc.isValid())
        return Error::invalidInput(tr("The job runner needs the current time."));
    const QString now = Sql::isoTimestamp(nowUtc);
    // One statement: SQLite runs it under the write lock, so the job read by the subquery cannot be claimed
    // by another connection in between. The status test in the outer WHERE is a second guard.
    auto query = Sql::exec(m_database->connection(),
                           QStringLiteral("UPDATE jobs SET status = 'RUNNING', started_at = ?, finished_at = NULL, "
                                          "updated_at = %1 WHERE status = 'QUEUED' AND id = ("
                                          "SELECT id FROM jobs WHERE status = 'QUEUED' "
                                          "AND (next_run_at IS NULL OR next_run_at <= ?) "
                                          "ORDER BY next_run_at IS NOT NULL, next_run_at, id LIMIT 1) "
                                          "RETURNING %2")
                               .arg(Now, Columns),
                           {now, now});
    if (!query)
        return query.error();
    if (!query->next())
        return std::optional<Job>();
    const Job job = read(*query);
    query->finish(); // ends the statement, and with it the implicit write transaction
    Q_EMIT changed(job.userId.value_or(0));
    return std::optional<Job>(job);
}

Result<bool> JobRepository::finish(qint64 id, bool success, const QJsonObject& payload, const QDateTime& nowUtc)
{
    if (!nowUtc.isValid())
        return Error::invalidInput(tr("The job runner needs the current time."));
    const QString sql = success
        ? QStringLiteral("UPDATE jobs SET status = 'SUCCESS', output_payload = ?, error_payload = NULL, "
                         "finished_at = ?, updated_at = %1 WHERE id = ? AND status = 'RUNNING' RETURNING user_id")
        : QStringLiteral("UPDATE jobs SET status = 'FAILED', error_payload = ?, finished_at = ?, updated_at = %1 "
                         "WHERE id = ? AND status = 'RUNNING' RETURNING user_id");
    return updateRunning(id, sql.arg(Now), {json(payload), Sql::isoTimestamp(nowUtc), id});
}

Result<bool> JobRepository::scheduleRetry(qint64 id, const QDateTime& nextRunAt, const QJsonObject& error)
{
    if (!nextRunAt.isValid())
        return Error::invalidInput(tr("Choose when the job should run again."));
    return updateRunning(id,
                         QStringLiteral("UPDATE jobs SET status = 'QUEUED', retry_count = retry_count + 1, "
                                        "next_run_at = ?, error_payload = ?, started_at = NULL, updated_at = %1 "
                                        "WHERE id = ? AND status = 'RUNNING' RETURNING user_id")
                             .arg(Now),
                         {Sql::isoTimestamp(nextRunAt), json(error), id});
}

Result<qint64> JobRepository::requeueStale()
{
    auto query = Sql::exec(m_database->connection(),
                           QStringLiteral("UPDATE jobs SET status = 'QUEUED', retry_count = retry_count + 1, "
                                          "started_at = NULL, updated_at = %1 WHERE status = 'RUNNING' "
                                          "RETURNING user_id")
                               .arg(Now));
    if (!query)
        return query.error();
    qint64 count = 0;
    QSet<qint64> users;
    while (query->next()) {
        ++count;
        users.insert(query->value(0).toLongLong());
    }
    query->finish();
    for (qint64 userId : std::as_const(users))
        Q_EMIT changed(userId);
    return count;
}

Result<bool> JobRepository::release(qint64 id)
{
    return updateRunning(id,
                         QStringLiteral("UPDATE jobs SET status = 'QUEUED', started_at = NULL, updated_at = %1 "
                                        "WHERE id = ? AND status = 'RUNNING' RETURNING user_id")
                             .arg(Now),
                         {id});
}

Result<bool> JobRepository::updateRunning(qint64 id, const QString& sql, const QVariantList& params)
{
    auto query = Sql::exec(m_database->connection(), sql, params);
    if (!query)
        return query.error();
    if (!query->next()) {
        auto job = findForRunner(id);
        if (!job)
            return job.error();
        return false;
    }
    const qint64 userId = query->value(0).toLongLong();
    query->finish();
    Q_EMIT changed(userId);
    return true;
}

Result<std::optional<QDateTime>> JobRepository::nextDue(const QDateTime& nowUtc) const
{
    if (!nowUtc.isValid())
        return Error::invalidInput(tr("The job runner needs the current time."));
    auto value = Sql::scalar(m_database->connection(),
                             QStringLiteral("SELECT min(coalesce(next_run_at, ?)) FROM jobs WHERE status = 'QUEUED'"),
                             {Sql::isoTimestamp(nowUtc)});
    if (!value)
        return value.error();
    if (value->isNull())
        return std::optional<QDateTime>();
    return std::optional<QDateTime>(Sql::parseIsoTimestamp(*value));
}

Result<Job> JobRepository::findForRunner(qint64 id) const
{
    auto query
        = Sql::exec(m_database->connection(), QStringLiteral("SELECT %1 FROM jobs WHERE id = ?").arg(Columns), {id});
    if (!query)
        return query.error();
    if (!query->next())
        return Error::notFound(tr("The job no longer exists."));
    return read(*query);
}

} // namespace Moniagent
