// moniagent mail sync [--account EMAIL]: fetches and reads new mail of the profile's accounts now, through the same
// jobs the window runs (EMAIL_FETCH, then EMAIL_EXTRACTION), and says what came in.
#include "ai/llmstructuredcall.h"
#include "jobs/jobrunner.h"
#include "mail/emailextractionjob.h"
#include "mail/mailservices.h"
#include "mailcommand.h"
#include "secrets/secretstore.h"
#include "session/session.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>

namespace Moniagent {

ExitCode MailCommand::runSync(CliContext& context)
{
    Session* session = context.session;
    const qint64 userId = session->userId();
    auto all = session->mailAccounts()->list(userId);
    if (!all) {
        *context.err << all.error().toString() << Qt::endl;
        return ExitCode::Failure;
    }
    const QString only = context.options->value(QStringLiteral("account")).trimmed();
    QList<ConnectedAccount> chosen;
    for (const ConnectedAccount& account : *all) {
        if (only.isEmpty() || account.email.compare(only, Qt::CaseInsensitive) == 0)
            chosen.append(account);
    }
    if (chosen.isEmpty())
        return badInput(context,
                        only.isEmpty() ? tr("No mail account is connected. Add one in Tools › Mail Accounts.")
                                       : tr("No connected mail account is called “%1”.").arg(only));

    SecretStore secrets;
    const MailServices services = MailServices::forSession(*session, secrets);
    JobRunner runner(session->database(), session->jobs(), session->clock());
    const LlmStageEnvironment llm = LlmStageEnvironment::forSession(*session, secrets);
    registerMailJobs(runner, services);
    registerEmailExtractionJobs(runner, services, &llm);
    runner.setIdlePoll(std::chrono::milliseconds(200));
    if (auto started = runner.start(); !started) {
        *context.err << started.error().toString() << Qt::endl;
        return ExitCode::Failure;
    }
    QList<std::pair<ConnectedAccount, qint64>> fetches;
    for (const ConnectedAccount& account : std::as_const(chosen)) {
        auto id = runner.enqueue(userId, JobTypes::EmailFetch, JobTrigger::Manual,
                                 {{QStringLiteral("accountId"), account.id}});
        if (id)
            fetches.append({account, *id});
    }
    // Until every fetch and the extraction it queued are done (a failed fetch waits for its retries no longer than
    // its first failure: the command says so and the window retries later).
    for (;;) {
        QEventLoop loop;
        QTimer::singleShot(100, &loop, &QEventLoop::quit);
        loop.exec();
        bool busy = false;
        for (const auto& [account, id] : std::as_const(fetches)) {
            auto job = session->jobs()->find(userId, id);
            busy = busy || (job && !job->isFinished() && job->retryCount == 0);
        }
        auto queued = session->jobs()->list(userId, JobStatus::Queued, 0);
        auto running = session->jobs()->list(userId, JobStatus::Running, 0);
        for (const Job& job : *queued + *running)
            busy = busy || (job.type == JobTypes::EmailExtraction);
        if (!busy)
            break;
    }
    runner.stop();

    bool failed = false;
    QJsonArray results;
    for (const auto& [account, id] : std::as_const(fetches)) {
        const auto job = session->jobs()->find(userId, id);
        const bool ok = job && job->status == JobStatus::Success;
        failed = failed || !ok;
        const qint64 added = ok ? job->output.value(QStringLiteral("new")).toInteger() : 0;
        const QString error = ok ? QString() : job ? job->errorMessage() : job.error().message;
        if (context.json) {
            results.append(
                QJsonObject {{QStringLiteral("account"), account.email},
                             {QStringLiteral("status"), ok ? QStringLiteral("SUCCESS") : QStringLiteral("FAILED")},
                             {QStringLiteral("new"), added},
                             {QStringLiteral("error"), error}});
        } else if (ok) {
            *context.out << tr("%1: %2 new message(s)").arg(account.email).arg(added) << Qt::endl;
        } else {
            *context.err << tr("%1: %2").arg(account.email, error) << Qt::endl;
        }
    }
    TransactionFilter review;
    review.reviewBelow = 1.01;
    review.sources = {TransactionSource::Imap, TransactionSource::Gmail, TransactionSource::Outlook};
    const auto waiting = session->transactions()->count(userId, review);
    if (context.json)
        *context.out << QJsonDocument(QJsonObject {{QStringLiteral("accounts"), results},
                                                   {QStringLiteral("toReview"), waiting ? *waiting : 0}})
                            .toJson(QJsonDocument::Compact)
                     << Qt::endl;
    else if (waiting)
        *context.out << tr("%1 transaction(s) from email waiting for review.").arg(*waiting) << Qt::endl;
    return failed ? ExitCode::Failure : ExitCode::Ok;
}

} // namespace Moniagent
