#pragma once

// What tst_gmailfetch and tst_graphfetch share: a real SQLite file, the repositories, a JobRunner on a manual clock
// with EMAIL_FETCH (and a stand-in EMAIL_EXTRACTION that only records it ran), an access-token provider the test
// controls, and helpers to run a fetch while this thread serves the fake API (the job blocks its worker thread).
#include "core/clock.h"
#include "core/connectedaccount.h"
#include "db/connectedaccountrepository.h"
#include "db/emailrepository.h"
#include "db/jobrepository.h"
#include "jobs/jobrunner.h"
#include "jobtesthandler.h"
#include "mail/emailfetchjob.h"
#include "mail/mailarchive.h"
#include "mail/mailservices.h"
#include "testdatabase.h"

#include <QElapsedTimer>
#include <QMutex>
#include <QtTest>

#include <atomic>

namespace Moniagent::Test {

// Hands out access tokens like the lead's token service: `current` until a forced refresh, which moves to
// `refreshed`. Called on the job's worker thread.
class TokenProvider
{
public:
    Result<QString> token(const ConnectedAccount&, bool forceRefresh)
    {
        QMutexLocker locker(&m_mutex);
        ++m_calls;
        if (m_failure)
            return *m_failure;
        if (forceRefresh) {
            ++m_forced;
            m_current = m_refreshed;
        }
        return m_current;
    }
    void set(const QString& current, const QString& refreshed)
    {
        QMutexLocker locker(&m_mutex);
        m_current = current;
        m_refreshed = refreshed;
    }
    void fail(std::optional<Error> failure)
    {
        QMutexLocker locker(&m_mutex);
        m_failure = std::move(failure);
    }
    int forced() const
    {
        QMutexLocker locker(&m_mutex);
        return m_forced;
    }
    int calls() const
    {
        QMutexLocker locker(&m_mutex);
        return m_calls;
    }
    void resetCounts()
    {
        QMutexLocker locker(&m_mutex);
        m_forced = 0;
        m_calls = 0;
    }

private:
    mutable QMutex m_mutex;
    QString m_current;
    QString m_refreshed;
    std::optional<Error> m_failure;
    int m_forced = 0;
    int m_calls = 0;
};

inline QByteArray mailMessage(const QString& id, const QDateTime& date, const QByteArray& total = "12.34")
{
    return "From: \"Corner Books\" <receipts@cornerbooks.example>\r\nTo: sam@example.com\r\n"
           "Subject: Your receipt "
        + id.toUtf8() + "\r\nMessage-ID: <" + id.toUtf8()
        + "@cornerbooks.example>\r\nDate: " + date.toString(Qt::RFC2822Date).toUtf8()
        + "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
          "Thank you for your purchase.\r\nTotal: EUR "
        + total + "\r\n";
}

// A message with a PDF attachment of about `bytes` bytes (base64 in the message).
inline QByteArray messageWithAttachment(const QString& id, const QDateTime& date, int bytes)
{
    QByteArray pdf = "%PDF-1.4\n% test\n";
    pdf += QByteArray(bytes - pdf.size() - 6, 'x') + "\n%%EOF";
    const QByteArray encoded = pdf.toBase64();
    QByteArray wrapped;
    wrapped.reserve(encoded.size() + encoded.size() / 76 * 2 + 2);
    for (qsizetype i = 0; i < encoded.size(); i += 76)
        wrapped += encoded.mid(i, 76) + "\r\n";
    return "From: \"Power Co\" <billing@power.example>\r\nTo: sam@example.com\r\nSubject: Your invoice\r\n"
           "Message-ID: <"
        + id.toUtf8() + "@power.example>\r\nDate: " + date.toString(Qt::RFC2822Date).toUtf8()
        + "\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n--b1\r\n"
          "Content-Type: text/plain\r\n\r\nYour invoice is attached.\r\nAmount due: EUR 80.00\r\n--b1\r\n"
          "Content-Type: application/pdf; name=\"invoice.pdf\"\r\n"
          "Content-Disposition: attachment; filename=\"invoice.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        + wrapped + "--b1--\r\n";
}

class CloudFetchFixture
{
public:
    std::unique_ptr<TestDatabase> db;
    std::unique_ptr<ConnectedAccountRepository> accounts;
    std::unique_ptr<EmailRepository> emails;
    std::unique_ptr<JobRepository> jobs;
    std::unique_ptr<JobRunner> runner;
    MailServices services;
    ManualClock clock;
    TokenProvider tokens;
    qint64 user = 0;
    qint64 account = 0;

    // Sets everything up; empty on success.
    QString setUp(MailProvider provider, const QString& address)
    {
        db = std::make_unique<TestDatabase>();
        if (!db->isValid())
            return QStringLiteral("no database");
        user = db->createUser(QStringLiteral("sam"));
        Database* database = db->database();
        accounts = std::make_unique<ConnectedAccountRepository>(database);
        emails = std::make_unique<EmailRepository>(database);
        jobs = std::make_unique<JobRepository>(database);
        ConnectedAccount row;
        row.provider = provider;
        row.email = address;
        row.keychainKey = ConnectedAccount::keychainKeyFor(provider, address);
        row.authMethod = MailAuthMethod::OAuth;
        auto added = accounts->add(user, row);
        if (!added)
            return added.error().toString();
        account = *added;

        services.database = database;
        services.accounts = accounts.get();
        services.emails = emails.get();
        services.archive = MailArchive::beside(*database);
        services.accessToken = [this](const ConnectedAccount& which, bool forceRefresh) {
            return tokens.token(which, forceRefresh);
        };
        services.httpTimeoutMs = 10'000;
        runner = std::make_unique<JobRunner>(database, jobs.get(), clock);
        JobRetryPolicy policy = runner->retryPolicy();
        policy.baseDelaySeconds = 1;
        policy.maxDelaySeconds = 2;
        policy.maxRetries = 8;
        runner->setRetryPolicy(policy);
        runner->setIdlePoll(std::chrono::milliseconds(50));
        runner->registerHandler(JobTypes::EmailFetch, [this] { return std::make_unique<EmailFetchJob>(services); });
        runner->registerHandler(JobTypes::EmailExtraction,
                                handlerFor([](JobContext&) { return JobOutcome::success(); }));
        if (auto started = runner->start(); !started)
            return started.error().toString();
        return {};
    }

    void tearDown()
    {
        if (runner)
            runner->stop();
    }

    // Waits until the job ended, or failed and waits for its retry. Serves the fake API meanwhile.
    Job waitFor(qint64 jobId, int timeoutMs = 60'000)
    {
        QElapsedTimer timer;
        timer.start();
        Job job;
        while (timer.elapsed() < timeoutMs) {
            QTest::qWait(10);
            auto found = jobs->find(user, jobId);
            if (!found)
                continue;
            job = *found;
            if (job.status == JobStatus::Success || job.status == JobStatus::Failed
                || job.status == JobStatus::Cancelled)
                return job;
            if (job.status == JobStatus::Queued && job.retryCount > 0 && job.nextRunAt > clock.nowUtc())
                return job;
        }
        qWarning() << "job" << jobId << "did not settle; status" << JobEnums::key(job.status);
        return job;
    }

    // Runs one EMAIL_FETCH of the account and returns the job as it settled.
    Job fetch()
    {
        auto id
            = runner->enqueue(user, JobTypes::EmailFetch, JobTrigger::Manual, {{QStringLiteral("accountId"), account}});
        if (!id)
            return {};
        return waitFor(*id);
    }

    // Lets the clock reach the job's retry time and waits for the retry to settle.
    Job retry(const Job& job)
    {
        clock.set(job.nextRunAt.addSecs(1));
        runner->wake();
        return waitFor(job.id);
    }

    ConnectedAccount accountRow() const { return accounts->find(user, account).value(); }

    QSet<QString> storedIds() const { return emails->providerMessageIds(user, account).value(); }

    qint64 emailCount() const
    {
        return db->scalar(QStringLiteral("SELECT count(*) FROM emails WHERE user_id = ?"), {user});
    }

    qint64 extractionJobs() const
    {
        return db->scalar(
            QStringLiteral("SELECT count(*) FROM jobs WHERE user_id = ? AND job_type = 'EMAIL_EXTRACTION'"), {user});
    }

    // The stored row of a provider message id.
    std::optional<Email> stored(const QString& providerMessageId) const
    {
        const auto all = emails->list(user, account, std::nullopt, -1);
        for (const Email& email : *all) {
            if (email.providerMessageId == providerMessageId)
                return email;
        }
        return std::nullopt;
    }
};

} // namespace Moniagent::Test
