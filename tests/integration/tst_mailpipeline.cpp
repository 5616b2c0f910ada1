// The mail pipeline end to end against real parts: a Dovecot IMAP server on loopback, the OS keychain (gnome-keyring
// in the test D-Bus session), a real SQLite file and the job runner: connect an account (accepting the server's
// self-signed certificate), fetch, extract, and the transactions waiting for review.
#include "core/clock.h"
#include "db/connectedaccountrepository.h"
#include "db/emailextractionrepository.h"
#include "db/emailrepository.h"
#include "db/invoicerepository.h"
#include "db/jobrepository.h"
#include "db/transactionrepository.h"
#include "dovecotserver.h"
#include "jobs/jobrunner.h"
#include "mail/emailextractor.h"
#include "mail/mailaccountconnector.h"
#include "mail/mailservices.h"
#include "receiptimage.h"
#include "receipts/receiptservice.h"
#include "secrets/secretstore.h"
#include "testdatabase.h"

#include <QBuffer>
#include <QSignalSpy>
#include <QtTest>

using namespace Moniagent;

namespace {

const QString Address = QStringLiteral("sam@example.com");
const QString Password = QStringLiteral("mail pass 1");

QByteArray mail(const QByteArray& from, const QByteArray& subject, const QByteArray& body, int number)
{
    return "From: " + from + "\r\nTo: sam@example.com\r\nSubject: " + subject + "\r\nMessage-ID: <p"
        + QByteArray::number(number) + "@test.example>\r\nDate: Mon, 2 Nov 2026 10:00:00 +0000\r\n"
        + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + body;
}

QByteArray receipt(int number, const QByteArray& total = "12.34")
{
    return mail("\"Corner Books\" <receipts@cornerbooks.example>", "Your receipt from Corner Books",
                "Thank you for your purchase.\r\nOrder number: " + QByteArray::number(1000 + number)
                    + "\r\n\r\nTotal: EUR " + total + "\r\n",
                number);
}

QByteArray refund(int number)
{
    return mail("\"Corner Books\" <receipts@cornerbooks.example>", "Your refund from Corner Books",
                "We have refunded your order " + QByteArray::number(1000 + number)
                    + ".\r\n\r\nRefund total: EUR 5.00\r\n",
                number);
}

QByteArray newsletter(int number)
{
    return mail("\"Corner Books\" <news@cornerbooks.example>", "New arrivals this week",
                "Hello reader,\r\n\r\nHere are this week's new books. Unsubscribe at any time.\r\n", number);
}

QByteArray withPdf(int number, int bytes)
{
    QByteArray pdf = "%PDF-1.4\n% test\n";
    pdf += QByteArray(bytes - pdf.size() - 6, 'x') + "\n%%EOF";
    QByteArray encoded = pdf.toBase64();
    QByteArray wrapped;
    wrapped.reserve(encoded.size() + encoded.size() / 76 * 2 + 2);
    for (qsizetype i = 0; i < encoded.size(); i += 76)
        wrapped += encoded.mid(i, 76) + "\r\n";
    return "From: \"Power Co\" <billing@power.example>\r\nTo: sam@example.com\r\nSubject: Your invoice\r\n"
           "Message-ID: <pdf"
        + QByteArray::number(number)
        + "@power.example>\r\nDate: Mon, 2 Nov 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\n"
          "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n--b1\r\nContent-Type: text/plain\r\n\r\n"
          "Your invoice is attached.\r\nAmount due: EUR 80.00\r\n--b1\r\nContent-Type: application/pdf; "
          "name=\"invoice.pdf\"\r\nContent-Disposition: attachment; filename=\"invoice.pdf\"\r\n"
          "Content-Transfer-Encoding: base64\r\n\r\n"
        + wrapped + "--b1--\r\n";
}

} // namespace

class TestMailPipeline : public QObject
{
    Q_OBJECT

private:
    Test::DovecotServer m_server;
    std::unique_ptr<Test::TestDatabase> m_db;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<ConnectedAccountRepository> m_accounts;
    std::unique_ptr<EmailRepository> m_emails;
    std::unique_ptr<EmailExtractionRepository> m_extractions;
    std::unique_ptr<TransactionRepository> m_transactions;
    std::unique_ptr<InvoiceRepository> m_invoices;
    std::unique_ptr<ReceiptService> m_receipts;
    std::unique_ptr<JobRepository> m_jobs;
    std::unique_ptr<JobRunner> m_runner;
    MailServices m_services;
    SystemClock m_clock;
    qint64 m_user = 0;
    qint64 m_account = 0;
    std::atomic_bool m_dropArmed = false; // the next fetch loses the server after its third batch

    // Runs the queue until nothing is queued or running for the user.
    bool settle(int timeoutMs = 60'000)
    {
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < timeoutMs) {
            QTest::qWait(50);
            const auto queued = m_jobs->list(m_user, JobStatus::Queued, 0);
            const auto running = m_jobs->list(m_user, JobStatus::Running, 0);
            if (queued && running && queued->isEmpty() && running->isEmpty())
                return true;
        }
        return false;
    }

    Job lastJob(QStringView type)
    {
        const auto jobs = m_jobs->list(m_user, std::nullopt, 0);
        for (const Job& job : *jobs) {
            if (job.type == type)
                return job;
        }
        return {};
    }

    Job fetch()
    {
        auto id = m_runner->enqueue(m_user, JobTypes::EmailFetch, JobTrigger::Manual,
                                    {{QStringLiteral("accountId"), m_account}});
        if (!id)
            return {};
        settle();
        return *m_jobs->find(m_user, *id);
    }

    qint64 count(const QString& sql) const { return m_db->scalar(sql, {m_user}); }

private Q_SLOTS:
    void initTestCase()
    {
        m_server.addUser(Address, Password);
        const QString problem = m_server.start();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));

        m_db = std::make_unique<Test::TestDatabase>();
        QVERIFY(m_db->isValid());
        m_user = m_db->createUser(QStringLiteral("sam"));
        Database* database = m_db->database();
        m_secrets = std::make_unique<SecretStore>(QStringLiteral("moniagent-test-mail"));
        m_accounts = std::make_unique<ConnectedAccountRepository>(database);
        m_emails = std::make_unique<EmailRepository>(database);
        m_extractions = std::make_unique<EmailExtractionRepository>(database);
        m_transactions = std::make_unique<TransactionRepository>(database);
        m_invoices = std::make_unique<InvoiceRepository>(database);
        m_receipts = std::make_unique<ReceiptService>(database, m_invoices.get(), m_transactions.get());
        m_jobs = std::make_unique<JobRepository>(database);
        m_services.database = database;
        m_services.accounts = m_accounts.get();
        m_services.emails = m_emails.get();
        m_services.extractions = m_extractions.get();
        m_services.transactions = m_transactions.get();
        m_services.receipts = m_receipts.get();
        m_services.readSecret = [this](const QString& key) {
            return m_secrets->readFromWorker(key, 10'000);
        };
        m_services.defaultCurrency = [](qint64) {
            return Currency::fromCode(QStringLiteral("EUR"));
        };
        m_services.archive = MailArchive::beside(*database);
        m_services.fetchBatch = 7; // several batches even for small mailboxes
        m_services.imapTimeoutMs = 3'000;
        m_services.batchStored = [this](qint64 stored) {
            if (stored >= 21 && m_dropArmed.exchange(false)) {
                m_server.kick(Address); // the open connection is cut…
                m_server.stop(); // …and no new one is accepted until the restart
            }
        };
        m_runner = std::make_unique<JobRunner>(database, m_jobs.get(), m_clock);
        JobRetryPolicy policy = m_runner->retryPolicy();
        policy.baseDelaySeconds = 1;
        policy.maxDelaySeconds = 2;
        policy.maxRetries = 8;
        m_runner->setRetryPolicy(policy);
        m_runner->setIdlePoll(std::chrono::milliseconds(100));
        registerMailJobs(*m_runner, m_services);
        QVERIFY(m_runner->start().ok());
    }

    void cleanupTestCase()
    {
        if (m_runner)
            m_runner->stop();
        if (m_account)
            m_secrets->remove(ConnectedAccount::keychainKeyFor(MailProvider::Imap, Address), m_secrets.get(),
                              [](Result<void>) {});
        QTest::qWait(200);
    }

    void connectsAfterTheUserAcceptsTheCertificate()
    {
        MailAccountConnector connector(m_accounts.get(), m_secrets.get());
        QSignalSpy connected(&connector, &MailAccountConnector::connected);
        QSignalSpy failed(&connector, &MailAccountConnector::failed);
        MailAccountConnector::ImapAccount account;
        account.email = Address;
        account.endpoint.host = QStringLiteral("localhost");
        account.endpoint.port = m_server.imapPort();
        account.endpoint.security = MailServerSecurity::StartTls;
        account.endpoint.username = Address;
        account.endpoint.secret = QStringLiteral("wrong password");
        account.endpoint.timeoutMs = 5'000;

        // The self-signed certificate is not trusted: nothing is stored, the certificate is shown.
        connector.connectImap(m_user, account);
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 20'000);
        QCOMPARE(failed.first().at(1).value<ImapConnection::Failure>(), ImapConnection::Failure::Certificate);
        const auto certificate = failed.first().at(2).value<ImapConnection::PresentedCertificate>();
        QCOMPARE(certificate.subject, QStringLiteral("localhost"));
        QVERIFY(m_accounts->list(m_user)->isEmpty());

        // Accepted, but the password is wrong: still nothing stored.
        account.endpoint.pinnedPublicKeySha256 = certificate.publicKeySha256;
        connector.connectImap(m_user, account);
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 2, 20'000);
        QCOMPARE(failed.last().at(1).value<ImapConnection::Failure>(), ImapConnection::Failure::Authentication);
        QVERIFY(m_accounts->list(m_user)->isEmpty());

        account.endpoint.secret = Password;
        connector.connectImap(m_user, account);
        QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 1, 20'000);
        m_account = connected.first().at(0).toLongLong();
        const auto row = m_accounts->find(m_user, m_account);
        QVERIFY(row.ok());
        QCOMPARE(row->keychainKey, QStringLiteral("mail:imap:sam@example.com"));
        QCOMPARE(row->server.acceptedCertificateSha256, certificate.publicKeySha256);
        QCOMPARE(row->authMethod, MailAuthMethod::Password);
        // The password is in the keychain, not in the database.
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM connected_accounts WHERE user_id = ? AND ("
                                      "keychain_key LIKE '%mail pass%' OR server_username LIKE '%mail pass%')")),
                 0);
        QCOMPARE(m_secrets->readFromWorker(row->keychainKey).ok(), false); // not from the store's own thread
    }

    void fetchesExtractsAndQueuesForReview()
    {
        QVERIFY(m_account);
        m_server.deliver(Address, receipt(1));
        m_server.deliver(Address, refund(2));
        m_server.deliver(Address, newsletter(3));
        m_server.deliver(Address, QByteArray("\x01\x02 this is not an email \xff\xfe"));

        const Job job = fetch();
        QCOMPARE(job.status, JobStatus::Success);
        QCOMPARE(job.output.value(QStringLiteral("new")).toInt(), 4);
        const Job extraction = lastJob(JobTypes::EmailExtraction);
        QCOMPARE(extraction.status, JobStatus::Success);
        QCOMPARE(extraction.triggeredBy, JobTrigger::Manual);

        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM emails WHERE user_id = ?")), 4);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM emails WHERE user_id = ? AND extraction_status = "
                                      "'PENDING'")),
                 0);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM email_extractions x JOIN emails e ON e.id = x.email_id "
                                      "WHERE e.user_id = ?")),
                 4);
        // The unreadable message is kept, with a reason.
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM emails WHERE user_id = ? AND extraction_status IN "
                                      "('FAILED', 'SKIPPED') AND subject <> 'New arrivals this week'")),
                 1);

        TransactionFilter review;
        review.reviewBelow = 0.9;
        const auto rows = m_transactions->list(m_user, review, {}, 10);
        QVERIFY(rows.ok());
        QCOMPARE(rows->size(), 2);
        std::optional<Transaction> expense;
        std::optional<Transaction> income;
        for (const Transaction& t : *rows)
            (t.type == TransactionType::Expense ? expense : income) = t;
        QVERIFY(expense && income);
        QCOMPARE(expense->amount.minor(), 1234);
        QCOMPARE(expense->amount.currency().code(), QStringLiteral("EUR"));
        QCOMPARE(expense->source, TransactionSource::Imap);
        QVERIFY(!expense->confirmedByUser);
        QVERIFY(expense->emailId.has_value());
        QVERIFY(expense->externalId.contains(u':'));
        QVERIFY(expense->merchant.contains(QStringLiteral("Corner Books")));
        QCOMPARE(expense->occurredOn, QDate(2026, 11, 2));
        QCOMPARE(income->amount.minor(), 500);

        const auto account = m_accounts->find(m_user, m_account);
        QCOMPARE(account->sync.status, MailSyncStatus::Connected);
        QVERIFY(account->sync.lastSyncAt.isValid());
        QVERIFY(account->sync.uidValidity.has_value());
        QCOMPARE(account->sync.lastUid, 4);
    }

    void fetchingAgainAddsNothingAndThenOnlyTheNew()
    {
        Job job = fetch();
        QCOMPARE(job.status, JobStatus::Success);
        QCOMPARE(job.output.value(QStringLiteral("new")).toInt(), 0);
        m_server.deliver(Address, receipt(5, "7.00"));
        job = fetch();
        QCOMPARE(job.output.value(QStringLiteral("new")).toInt(), 1);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM emails WHERE user_id = ?")), 5);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM transactions WHERE user_id = ? AND email_id IS NOT NULL")),
                 3);
    }

    void renumberedMailboxIsRecognisedByChecksum()
    {
        QTest::qWait(1100); // a new UIDVALIDITY needs a new second
        m_server.resetMailbox(Address);
        m_server.deliver(Address, receipt(1));
        m_server.deliver(Address, refund(2));
        m_server.deliver(Address, receipt(6, "3.10"));
        const Job job = fetch();
        QCOMPARE(job.status, JobStatus::Success);
        QCOMPARE(job.output.value(QStringLiteral("new")).toInt(), 1);
        QCOMPARE(job.output.value(QStringLiteral("duplicates")).toInt(), 2);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM transactions WHERE user_id = ? AND email_id IS NOT NULL")),
                 4);
    }

    void serverDropMidFetchResumesWithoutGapsOrDuplicates()
    {
        QList<QByteArray> many;
        for (int i = 0; i < 400; ++i)
            many.append(receipt(100 + i, QByteArray::number(i + 1) + ".00"));
        m_server.deliverMany(Address, many);
        const qint64 before = count(QStringLiteral("SELECT count(*) FROM emails WHERE user_id = ?"));

        // Three batches land, then the server goes away in the middle of the fetch.
        m_dropArmed = true;
        auto id = m_runner->enqueue(m_user, JobTypes::EmailFetch, JobTrigger::Manual,
                                    {{QStringLiteral("accountId"), m_account}});
        QVERIFY(id.ok());
        QTRY_VERIFY_WITH_TIMEOUT(!m_dropArmed, 30'000);
        QTRY_VERIFY2_WITH_TIMEOUT(m_jobs->find(m_user, *id)->retryCount >= 1,
                                  qPrintable(JobEnums::key(m_jobs->find(m_user, *id)->status) + u' '
                                             + m_jobs->find(m_user, *id)->errorMessage()),
                                  30'000);
        const auto failedState = m_accounts->find(m_user, m_account);
        QCOMPARE(failedState->sync.status, MailSyncStatus::Error);
        QVERIFY(!failedState->sync.lastError.isEmpty());
        QVERIFY(count(QStringLiteral("SELECT count(*) FROM emails WHERE user_id = ?")) < before + 400);

        const QString problem = m_server.restart();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QVERIFY(settle(120'000));
        QCOMPARE(m_jobs->find(m_user, *id)->status, JobStatus::Success);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM emails WHERE user_id = ?")), before + 400);
        QCOMPARE(count(QStringLiteral("SELECT count(DISTINCT checksum) FROM emails WHERE user_id = ?")), before + 400);
        QCOMPARE(m_accounts->find(m_user, m_account)->sync.status, MailSyncStatus::Connected);
    }

    void largeAttachmentIsKeptAndItsReadingFailureSaid()
    {
        // 25 MB of something that only looks like a PDF: kept as an invoice, failed with the reason, file stored.
        m_server.deliver(Address, withPdf(1, 25 * 1024 * 1024));
        const Job job = fetch();
        QVERIFY2(job.status == JobStatus::Success, qPrintable(job.errorMessage()));
        QCOMPARE(job.output.value(QStringLiteral("new")).toInt(), 1);
        const Job extraction = lastJob(JobTypes::EmailExtraction);
        QCOMPARE(extraction.output.value(QStringLiteral("invoices")).toInt(), 1);
        QCOMPARE(extraction.output.value(QStringLiteral("invoicesRead")).toInt(), 0);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM invoices WHERE user_id = ? AND status = 'failed' "
                                      "AND length(error) > 0")),
                 1);
    }

    void receiptImageAttachmentIsReadForReview()
    {
        // A photographed receipt attached to an email goes through OCR in the extraction job.
        const QImage image = Test::renderReceipt(Test::groceryReceipt());
        QByteArray png;
        QBuffer buffer(&png);
        QVERIFY(buffer.open(QIODevice::WriteOnly) && image.save(&buffer, "PNG"));
        QByteArray encoded = png.toBase64();
        QByteArray wrapped;
        for (qsizetype i = 0; i < encoded.size(); i += 76)
            wrapped += encoded.mid(i, 76) + "\r\n";
        m_server.deliver(Address,
                         "From: Sam <sam@example.com>\r\nTo: sam@example.com\r\nSubject: receipt photo\r\n"
                         "Message-ID: <photo1@example.com>\r\nDate: Mon, 16 Nov 2026 10:00:00 +0000\r\n"
                         "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b2\"\r\n\r\n--b2\r\n"
                         "Content-Type: text/plain\r\n\r\nFrom my phone.\r\n--b2\r\nContent-Type: image/png; "
                         "name=\"receipt.png\"\r\nContent-Disposition: attachment; filename=\"receipt.png\"\r\n"
                         "Content-Transfer-Encoding: base64\r\n\r\n"
                             + wrapped + "--b2--\r\n");
        const qint64 before = count(QStringLiteral("SELECT count(*) FROM invoices WHERE user_id = ?"));
        const Job job = fetch();
        QVERIFY2(job.status == JobStatus::Success, qPrintable(job.errorMessage()));
        const Job extraction = lastJob(JobTypes::EmailExtraction);
        QCOMPARE(extraction.output.value(QStringLiteral("invoicesRead")).toInt(), 1);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM invoices WHERE user_id = ?")), before + 1);
        // Read, waiting for review: the total of the grocery receipt (8.16) is filled in.
        QCOMPARE(count(QStringLiteral("SELECT total_minor FROM invoices WHERE user_id = ? ORDER BY id DESC LIMIT 1")),
                 816);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM invoices WHERE user_id = ? AND status = 'pending' "
                                      "AND id = (SELECT max(id) FROM invoices)")),
                 1);
    }

    void reprocessingUpdatesUnconfirmedTransactionsOnly()
    {
        // Pretend every email was read by an older extractor, and that the user confirmed one transaction.
        const auto rows = m_transactions->list(m_user, {}, {}, 1000);
        QVERIFY(rows.ok());
        std::optional<Transaction> confirmed;
        for (Transaction t : *rows) {
            if (t.emailId && !confirmed) {
                t.confirmedByUser = true;
                t.amount = Money(999, t.amount.currency());
                QVERIFY(m_transactions->update(m_user, t).ok());
                confirmed = t;
            }
        }
        QVERIFY(confirmed);
        QVERIFY(m_db->scalar(QStringLiteral("UPDATE emails SET extraction_version = 0 WHERE user_id = ?"), {m_user})
                >= -1);
        const qint64 transactionsBefore = count(QStringLiteral("SELECT count(*) FROM transactions WHERE user_id = ?"));
        auto id = m_runner->enqueue(m_user, JobTypes::EmailReprocess, JobTrigger::Manual);
        QVERIFY(id.ok());
        QVERIFY(settle());
        QCOMPARE(m_jobs->find(m_user, *id)->status, JobStatus::Success);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM transactions WHERE user_id = ?")), transactionsBefore);
        QCOMPARE(m_transactions->find(m_user, confirmed->id)->amount.minor(), 999);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM emails WHERE user_id = ? AND extraction_version = 0")), 0);
    }

    void wrongPasswordNeedsSignIn()
    {
        QTest::qWait(1100); // Dovecot looks at its passwd-file at most once a second
        m_server.addUser(Address, QStringLiteral("changed on the server"));
        const Job job = fetch();
        QCOMPARE(job.status, JobStatus::Failed);
        QVERIFY2(job.errorMessage().contains(QStringLiteral("password")), qPrintable(job.errorMessage()));
        QCOMPARE(job.retryCount, 0); // not retried: it would fail the same way
        QCOMPARE(m_accounts->find(m_user, m_account)->sync.status, MailSyncStatus::NeedsSignIn);
        m_server.addUser(Address, Password);
    }

    void disconnectRemovesAccountEmailsAndSecretButKeepsTransactions()
    {
        const qint64 transactions = count(QStringLiteral("SELECT count(*) FROM transactions WHERE user_id = ?"));
        MailAccountConnector connector(m_accounts.get(), m_secrets.get());
        bool done = false;
        Result<void> result;
        connector.disconnectAccount(m_user, m_account, [&](Result<void> r) {
            result = r;
            done = true;
        });
        QTRY_VERIFY(done);
        QVERIFY(result.ok());
        QVERIFY(!m_accounts->find(m_user, m_account).ok());
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM emails WHERE user_id = ?")), 0);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM transactions WHERE user_id = ?")), transactions);
        bool read = false;
        m_secrets->read(QStringLiteral("mail:imap:sam@example.com"), this, [&](Result<SecretStore::Secret> secret) {
            QVERIFY(secret.ok());
            QVERIFY(!secret->value.has_value());
            read = true;
        });
        QTRY_VERIFY(read);
        m_account = 0;
    }
};

QTEST_MAIN(TestMailPipeline) // fonts for the rendered receipt photo
#include "tst_mailpipeline.moc"
