#include "jobscommand.h"

#include "cliparsing.h"
#include "db/jobrepository.h"
#include "session/session.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Moniagent {

namespace {

QJsonValue timestamp(const QDateTime& time)
{
    return time.isValid() ? QJsonValue(time.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue();
}

QJsonObject jobJson(const Job& job)
{
    return {
        {QStringLiteral("id"), job.id},
        {QStringLiteral("type"), job.type},
        {QStringLiteral("status"), JobEnums::key(job.status)},
        {QStringLiteral("triggeredBy"), JobEnums::key(job.triggeredBy)},
        {QStringLiteral("createdAt"), timestamp(job.createdAt)},
        {QStringLiteral("startedAt"), timestamp(job.startedAt)},
        {QStringLiteral("finishedAt"), timestamp(job.finishedAt)},
        {QStringLiteral("nextRunAt"), timestamp(job.nextRunAt)},
        {QStringLiteral("retries"), job.retryCount},
        {QStringLiteral("error"), job.errorMessage().isEmpty() ? QJsonValue() : QJsonValue(job.errorMessage())},
        {QStringLiteral("input"), job.input},
        {QStringLiteral("output"), job.output.isEmpty() ? QJsonValue() : QJsonValue(job.output)},
        {QStringLiteral("errorPayload"), job.error.isEmpty() ? QJsonValue() : QJsonValue(job.error)},
    };
}

} // namespace

QString JobsCommand::summary() const
{
    return tr("List the background jobs (email fetches and the like): “jobs [--status failed]”, "
              "“jobs retry ID”, “jobs cancel ID”.");
}

void JobsCommand::addOptions(QCommandLineParser& parser) const
{
    parser.addOptions({
        {QStringLiteral("status"), tr("Only jobs with this status: queued, running, success, failed or cancelled."),
         tr("status")},
        {QStringLiteral("limit"), tr("At most this many of the newest jobs (default 50; 0 for all)."), tr("n"),
         QStringLiteral("50")},
    });
}

ExitCode JobsCommand::run(CliContext& context)
{
    const QString action = context.arguments.value(0);
    if (context.arguments.isEmpty())
        return list(context);
    if ((action == QLatin1String("retry") || action == QLatin1String("cancel")) && context.arguments.size() == 2) {
        bool ok = false;
        const qint64 id = context.arguments.at(1).toLongLong(&ok);
        if (!ok || id <= 0)
            return badInput(context, tr("“%1” is not a job number; see “jobs”.").arg(context.arguments.at(1)));
        return action == QLatin1String("retry") ? retry(context, id) : cancel(context, id);
    }
    return badInput(context, tr("Use “jobs”, “jobs retry ID” or “jobs cancel ID”."));
}

ExitCode JobsCommand::list(CliContext& context)
{
    Session& session = *context.session;
    std::optional<JobStatus> status;
    if (context.options->isSet(QStringLiteral("status"))) {
        QString key = context.options->value(QStringLiteral("status")).trimmed().toUpper();
        if (key == QLatin1String("CANCELED"))
            key = QStringLiteral("CANCELLED");
        status = JobEnums::statusFromKey(key);
        if (!status)
            return badInput(context, tr("--status is queued, running, success, failed or cancelled."));
    }
    auto limit = CliParsing::positiveInt(context.options->value(QStringLiteral("limit")), QStringLiteral("limit"));
    if (!limit)
        return fail(context, limit.error());
    auto jobs = session.jobs()->list(session.userId(), status, *limit);
    if (!jobs)
        return fail(context, jobs.error());

    if (context.json) {
        QJsonArray array;
        for (const Job& job : std::as_const(*jobs))
            array.append(jobJson(job));
        *context.out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
        context.out->flush();
        return ExitCode::Ok;
    }
    if (jobs->isEmpty()) {
        *context.err << (status ? tr("No jobs with this status.") : tr("No jobs yet.")) << Qt::endl;
        return ExitCode::Ok;
    }
    const QLocale locale = session.locale();
    const auto time = [&locale](const QDateTime& t) {
        return t.isValid() ? locale.toString(t.toLocalTime(), QLocale::ShortFormat) : QStringLiteral("-");
    };
    // Columns as wide as their widest cell (dates differ by locale); the error, last, is printed in full.
    QList<QStringList> rows;
    rows << QStringList {tr("ID"),      tr("Job"),      tr("Status"),  tr("Trigger"),
                         tr("Created"), tr("Finished"), tr("Retries"), tr("Error")};
    for (const Job& job : std::as_const(*jobs)) {
        rows << QStringList {QString::number(job.id),
                             JobEnums::displayName(job.type),
                             JobEnums::displayName(job.status),
                             JobEnums::displayName(job.triggeredBy),
                             time(job.createdAt),
                             time(job.finishedAt),
                             locale.toString(job.retryCount),
                             QString(job.errorMessage()).replace(u'\n', u' ')};
    }
    QList<qsizetype> widths(rows.first().size() - 1, 0);
    for (const QStringList& row : std::as_const(rows)) {
        for (qsizetype c = 0; c < widths.size(); ++c)
            widths[c] = std::max(widths[c], row.at(c).size());
    }
    QTextStream& out = *context.out;
    for (const QStringList& row : std::as_const(rows)) {
        QString line;
        for (qsizetype c = 0; c < widths.size(); ++c) {
            const bool number = c == 0 || c == 6;
            line += (number ? row.at(c).rightJustified(widths[c]) : row.at(c).leftJustified(widths[c]))
                + QStringLiteral("  ");
        }
        line += row.last();
        while (line.endsWith(u' '))
            line.chop(1);
        out << line << '\n';
    }
    out.flush();
    return ExitCode::Ok;
}

ExitCode JobsCommand::retry(CliContext& context, qint64 id)
{
    Session& session = *context.session;
    auto newId = session.jobs()->retry(session.userId(), id, session.clock().nowUtc());
    if (!newId) {
        if (newId.error().code == Error::Code::NotFound)
            return badInput(context, tr("There is no job %1; see “jobs”.").arg(id));
        return fail(context, newId.error());
    }
    if (context.json) {
        *context.out << QString::fromUtf8(
            QJsonDocument(QJsonObject {{QStringLiteral("id"), *newId}, {QStringLiteral("retryOf"), id}}).toJson());
    } else {
        *context.out << tr("Job %1 will run again as job %2 (jobs run while Moniagent is open).").arg(id).arg(*newId)
                     << '\n';
    }
    context.out->flush();
    return ExitCode::Ok;
}

ExitCode JobsCommand::cancel(CliContext& context, qint64 id)
{
    Session& session = *context.session;
    auto cancelled = session.jobs()->cancel(session.userId(), id, session.clock().nowUtc());
    if (!cancelled) {
        if (cancelled.error().code == Error::Code::NotFound)
            return badInput(context, tr("There is no job %1; see “jobs”.").arg(id));
        return fail(context, cancelled.error());
    }
    if (context.json)
        *context.out << QString::fromUtf8(QJsonDocument(QJsonObject {{QStringLiteral("cancelled"), id}}).toJson());
    else
        *context.out << tr("Job %1 cancelled.").arg(id) << '\n';
    context.out->flush();
    return ExitCode::Ok;
}

} // namespace Moniagent
