// Fetch + parse + store throughput from a real Dovecot on loopback, then extraction throughput, through the app's
// own jobs (EMAIL_FETCH, EMAIL_EXTRACTION on the JobRunner): `bench_mailfetch [--messages N]` (issue 7, target
// ≥ 200 messages/s without an LLM). Needs dovecot-imapd (scripts/install-deps).
#include "benchsupport.h"
#include "core/clock.h"
#include "db/connectedaccountrepository.h"
#include "db/emailextractionrepository.h"
#include "db/emailrepository.h"
#include "db/jobrepository.h"
#include "db/transactionrepository.h"
#include "dovecotserver.h"
#include "jobs/jobrunner.h"
#include "mail/imapconnection.h"
#include "mail/mailservices.h"
#include "testdatabase.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

using namespace Moniagent;

namespace {

QByteArray message(int i)
{
    const QByteArray shop = "Shop " + QByteArray::number(i % 97);
    return "From: \"" + shop + "\" <orders@shop" + QByteArray::number(i % 97)
        + ".example>\r\nTo: sam@example.com\r\nSubject: Your receipt from " + shop + "\r\nMessage-ID: <b"
        + QByteArray::number(i) + "@bench.example>\r\nDate: Mon, 2 Nov 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\n"
        + "Content-Type: multipart/alternative; boundary=\"x\"\r\n\r\n--x\r\nContent-Type: text/plain; "
          "charset=utf-8\r\n\r\nThank you for your order "
        + QByteArray::number(i) + ".\r\n\r\nSubtotal: EUR 10.00\r\nTotal: EUR " + QByteArray::number(10 + i % 90)
        + ".50\r\n--x\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><body><p>Thank you for your order.</p>"
          "<table><tr><td>Total</td><td>EUR "
        + QByteArray::number(10 + i % 90) + ".50</td></tr></table></body></html>\r\n--x--\r\n";
}

// Runs the event loop until the job is finished.
Job waitFor(JobRepository& jobs, qint64 userId, qint64 id)
{
    for (;;) {
        QEventLoop loop;
        QTimer::singleShot(20, &loop, &QEventLoop::quit);
        loop.exec();
        auto job = jobs.find(userId, id);
        if (job && job->isFinished())
            return *job;
    }
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("messages"), QStringLiteral("Messages in the mailbox."), QStringLiteral("N"),
                      QStringLiteral("10000")});
    parser.addHelpOption();
    parser.process(app);
    const int count = parser.value(QStringLiteral("messages")).toInt();

    const QString address = QStringLiteral("sam@example.com");
    Test::DovecotServer server;
    server.addUser(address, QStringLiteral("bench"));
    if (const QString problem = server.start(); !problem.isEmpty()) {
        Bench::out() << "cannot start Dovecot: " << problem << Qt::endl;
        return 1;
    }
    QList<QByteArray> messages;
    qint64 bytes = 0;
    for (int i = 0; i < count; ++i) {
        messages.append(message(i));
        bytes += messages.last().size();
    }
    server.deliverMany(address, messages);

    Test::TestDatabase db;
    const qint64 user = db.createUser(QStringLiteral("sam"));
    Database* database = db.database();
    ConnectedAccountRepository accounts(database);
    EmailRepository emails(database);
    EmailExtractionRepository extractions(database);
    TransactionRepository transactions(database);
    JobRepository jobs(database);
    SystemClock clock;

    ImapEndpoint endpoint;
    endpoint.host = QStringLiteral("localhost");
    endpoint.port = server.imapsPort();
    const auto certificate = ImapConnection::inspectCertificate(endpoint);
    if (!certificate) {
        Bench::out() << "cannot read the certificate: " << certificate.error().toString() << Qt::endl;
        return 1;
    }
    ConnectedAccount account;
    account.provider = MailProvider::Imap;
    account.email = address;
    account.keychainKey = ConnectedAccount::keychainKeyFor(MailProvider::Imap, address);
    account.authMethod = MailAuthMethod::Password;
    account.server.host = endpoint.host;
    account.server.port = endpoint.port;
    account.server.security = MailServerSecurity::Tls;
    account.server.acceptedCertificateSha256 = certificate->publicKeySha256;
    const auto accountId = accounts.add(user, account);
    if (!accountId) {
        Bench::out() << "cannot add the account: " << accountId.error().toString() << Qt::endl;
        return 1;
    }

    MailServices services;
    services.database = database;
    services.accounts = &accounts;
    services.emails = &emails;
    services.extractions = &extractions;
    services.transactions = &transactions;
    services.readSecret = [](const QString&) {
        return Result<QString>(QStringLiteral("bench"));
    };
    services.defaultCurrency = [](qint64) {
        return Currency::fromCode(QStringLiteral("EUR"));
    };
    services.archive = MailArchive::beside(*database);
    services.firstSyncDays = 3650;
    JobRunner runner(database, &jobs, clock);
    registerMailJobs(runner, services);
    if (!runner.start()) {
        Bench::out() << "cannot start the job runner" << Qt::endl;
        return 1;
    }

    QElapsedTimer timer;
    timer.start();
    const auto fetchId
        = runner.enqueue(user, JobTypes::EmailFetch, JobTrigger::Manual, {{QStringLiteral("accountId"), *accountId}});
    const Job fetched = waitFor(jobs, user, *fetchId);
    const double fetchSeconds = timer.elapsed() / 1000.0;
    // The extraction job the fetch queued.
    qint64 extractionId = 0;
    for (const Job& job : *jobs.list(user, std::nullopt, 0)) {
        if (job.type == JobTypes::EmailExtraction)
            extractionId = job.id;
    }
    timer.restart();
    const Job extracted = extractionId ? waitFor(jobs, user, extractionId) : Job {};
    const double extractSeconds = timer.elapsed() / 1000.0;
    runner.stop();

    const qint64 stored = fetched.output.value(QStringLiteral("new")).toInteger();
    const qint64 made = extracted.output.value(QStringLiteral("transactions")).toInteger();
    Bench::printMachine(QStringLiteral("bench_mailfetch"));
    Bench::report(QStringLiteral("IMAP fetch + parse + store (%1 messages, %2 MB, Dovecot on loopback, TLS)")
                      .arg(count)
                      .arg(bytes / 1e6, 0, 'f', 1),
                  fetched.status == JobStatus::Success ? QStringLiteral("%1 msg/s (%2 stored in %3 s)")
                                                             .arg(stored / fetchSeconds, 0, 'f', 0)
                                                             .arg(stored)
                                                             .arg(fetchSeconds, 0, 'f', 1)
                                                       : QStringLiteral("failed: ") + fetched.errorMessage(),
                  QStringLiteral("≥ 200 msg/s"));
    Bench::report(QStringLiteral("extraction into transactions (offline)"),
                  extracted.status == JobStatus::Success ? QStringLiteral("%1 msg/s (%2 transactions in %3 s)")
                                                               .arg(count / extractSeconds, 0, 'f', 0)
                                                               .arg(made)
                                                               .arg(extractSeconds, 0, 'f', 1)
                                                         : QStringLiteral("failed"),
                  QStringLiteral("—"));
    Bench::report(QStringLiteral("fetch + extraction end to end"),
                  QStringLiteral("%1 msg/s").arg(count / (fetchSeconds + extractSeconds), 0, 'f', 0),
                  QStringLiteral("≥ 200 msg/s"));
    Bench::printTable();
    return fetched.status == JobStatus::Success && stored == count ? 0 : 1;
}
