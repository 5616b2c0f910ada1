// EMAIL_FETCH for a Gmail account against a local Gmail API server (tests/common/fakemailapiserver.h): the date
// window and the receipt query, incremental syncs without duplicates, resuming an interrupted fetch, token refresh
// on 401, sign-in needed, Retry-After, server errors, malformed and very large messages.
#include "cloudfetchfixture.h"
#include "fakemailapiserver.h"
#include "mail/gmailmailbox.h"

#include <QtTest>

using namespace Moniagent;
using namespace Moniagent::Test;

class TestGmailFetch : public QObject
{
    Q_OBJECT

private:
    FakeGmailServer m_server;
    CloudFetchFixture m_fx;

    QDateTime daysAgo(double days) const { return m_fx.clock.nowUtc().addSecs(qint64(-days * 24 * 3600)); }

    void add(const QString& id, const QDateTime& date) { m_server.addMessage(id, date, mailMessage(id, date)); }

    int gets(const QString& id) const { return m_server.requestCount(QStringLiteral("/messages/") + id); }

    // Every stored message has the checksum of what the server holds, and its original in the archive.
    void verifyStoredAsOnServer()
    {
        for (const FakeMailMessage& message : m_server.messages()) {
            const auto email = m_fx.stored(message.id);
            if (!email)
                continue;
            const QByteArray expected = message.rawField.value_or(message.raw);
            QCOMPARE(email->checksum, MailArchive::checksum(expected));
            const auto archived = m_fx.services.archive.load(m_fx.user, email->checksum);
            QVERIFY(archived.ok());
            QCOMPARE(archived->size(), expected.size());
            QVERIFY(*archived == expected);
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_server.port() != 0);
        const QString problem = m_fx.setUp(MailProvider::Gmail, QStringLiteral("sam@example.com"));
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        m_fx.services.gmailApiUrl = m_server.apiUrl();
        m_fx.services.fetchBatch = 2; // several batches even for small mailboxes
        m_fx.tokens.set(QStringLiteral("t1"), QStringLiteral("t2"));
        m_server.setValidTokens({QStringLiteral("t1")});
        m_server.setMaxPageSize(2); // paging
    }

    void cleanupTestCase() { m_fx.tearDown(); }

    void firstSyncStoresTheWindow()
    {
        add(QStringLiteral("m-old"), daysAgo(120)); // before the 90-day window
        add(QStringLiteral("m1"), daysAgo(80));
        add(QStringLiteral("m2"), daysAgo(30));
        add(QStringLiteral("m3"), daysAgo(10));
        add(QStringLiteral("m4"), daysAgo(0.5));
        const QDateTime now = m_fx.clock.nowUtc();

        const Job job = m_fx.fetch();
        QCOMPARE(JobEnums::key(job.status), JobEnums::key(JobStatus::Success));
        QCOMPARE(job.output.value(QStringLiteral("new")).toInt(), 4);
        QCOMPARE(
            m_fx.storedIds(),
            (QSet<QString> {QStringLiteral("m1"), QStringLiteral("m2"), QStringLiteral("m3"), QStringLiteral("m4")}));
        QCOMPARE(gets(QStringLiteral("m-old")), 0);
        verifyStoredAsOnServer();
        const auto m3 = m_fx.stored(QStringLiteral("m3"));
        QCOMPARE(m3->subject, QStringLiteral("Your receipt m3"));
        QCOMPARE(m3->provider, MailProvider::Gmail);

        // The receipt query, limited to the window.
        QVERIFY(!m_server.queries().isEmpty());
        const QString q = m_server.queries().first();
        QVERIFY2(q.contains(m_fx.services.gmailQuery), qPrintable(q));
        QVERIFY2(q.endsWith(QStringLiteral("after:%1").arg(now.addDays(-90).toSecsSinceEpoch())), qPrintable(q));
        QVERIFY(m_server.queries().size() >= 2); // it followed nextPageToken

        const ConnectedAccount row = m_fx.accountRow();
        QCOMPARE(row.sync.historyId, m_server.historyId());
        QCOMPARE(row.sync.lastSyncAt, now);
        QCOMPARE(row.sync.status, MailSyncStatus::Connected);
        QCOMPARE(m_fx.extractionJobs(), 1);
        // Every request carried the account's token.
        for (const FakeApiRequest& request : m_server.requests())
            QCOMPARE(request.token, QStringLiteral("t1"));
    }

    void secondSyncFetchesOnlyNewMessages()
    {
        m_fx.clock.advanceSecs(6 * 3600);
        const QDateTime lastSync = m_fx.accountRow().sync.lastSyncAt;
        add(QStringLiteral("m5"), daysAgo(0.1));
        add(QStringLiteral("m6"), daysAgo(0.05));
        m_server.clearRequests();

        const Job job = m_fx.fetch();
        QCOMPARE(JobEnums::key(job.status), JobEnums::key(JobStatus::Success));
        QCOMPARE(job.output.value(QStringLiteral("new")).toInt(), 2);
        QCOMPARE(m_fx.emailCount(), 6);
        // m4 is in the overlap window: listed again, but not fetched again.
        QVERIFY(job.output.value(QStringLiteral("known")).toInt() >= 1);
        QCOMPARE(gets(QStringLiteral("m4")), 0);
        QCOMPARE(gets(QStringLiteral("m5")), 1);
        QCOMPARE(gets(QStringLiteral("m6")), 1);
        QVERIFY(m_server.queries().last().endsWith(
            QStringLiteral("after:%1").arg(lastSync.addDays(-1).toSecsSinceEpoch())));
        QCOMPARE(m_fx.extractionJobs(), 2);
        verifyStoredAsOnServer();
    }

    void interruptedFetchResumesWithoutGapsOrDuplicates()
    {
        m_fx.clock.advanceSecs(3600);
        const QDateTime lastSync = m_fx.accountRow().sync.lastSyncAt;
        QStringList added;
        for (int i = 0; i < 6; ++i) {
            added.append(QStringLiteral("r%1").arg(i));
            add(added.last(), daysAgo(0.01 * (i + 1)));
        }
        m_server.clearRequests();
        // The 4th message fails: the first batch of two is stored, the second is not.
        m_server.addFault({500, std::nullopt, 1, 3, QStringLiteral("/messages/")});

        Job job = m_fx.fetch();
        QCOMPARE(JobEnums::key(job.status), JobEnums::key(JobStatus::Queued));
        QCOMPARE(job.retryCount, 1);
        QVERIFY2(job.errorMessage().contains(QStringLiteral("Injected fault 500")), qPrintable(job.errorMessage()));
        QCOMPARE(m_fx.emailCount(), 8);
        QCOMPARE(m_fx.extractionJobs(), 3); // the two stored are read without waiting for the rest
        QCOMPARE(m_fx.accountRow().sync.lastSyncAt, lastSync); // moves only on success
        QCOMPARE(m_fx.accountRow().sync.status, MailSyncStatus::Error);

        job = m_fx.retry(job);
        QCOMPARE(JobEnums::key(job.status), JobEnums::key(JobStatus::Success));
        QCOMPARE(job.output.value(QStringLiteral("new")).toInt(), 4);
        QCOMPARE(m_fx.emailCount(), 12);
        QCOMPARE(m_fx.extractionJobs(), 4);
        for (const QString& id : std::as_const(added)) {
            QVERIFY2(m_fx.stored(id).has_value(), qPrintable(id)); // no gap
        }
        // Listed newest first: r0 and r1 were stored before the fault and not fetched again; r2 was fetched but its
        // batch not stored, r3 failed; both were fetched again.
        const QList<int> expected {1, 1, 2, 2, 1, 1};
        for (int i = 0; i < added.size(); ++i)
            QCOMPARE(gets(added.at(i)), expected.at(i));
        QCOMPARE(m_fx.accountRow().sync.status, MailSyncStatus::Connected);
        verifyStoredAsOnServer();
    }

    void unauthorizedRefreshesTheTokenOnce()
    {
        m_server.setValidTokens({QStringLiteral("t2")}); // t1 expired early
        m_fx.tokens.resetCounts();
        add(QStringLiteral("a1"), daysAgo(0.001));
        const Job job = m_fx.fetch();
        QCOMPARE(JobEnums::key(job.status), JobEnums::key(JobStatus::Success));
        QCOMPARE(m_fx.tokens.forced(), 1);
        QVERIFY(m_fx.stored(QStringLiteral("a1")).has_value());
        QCOMPARE(m_server.requests().last().token, QStringLiteral("t2"));
    }

    void unauthorizedTwiceNeedsSignIn()
    {
        m_server.setValidTokens({QStringLiteral("someone else's")});
        m_fx.tokens.set(QStringLiteral("t2"), QStringLiteral("t3"));
        m_fx.tokens.resetCounts();
        const Job job = m_fx.fetch();
        QCOMPARE(JobEnums::key(job.status), JobEnums::key(JobStatus::Failed));
        QCOMPARE(job.retryCount, 0); // permanent: not retried
        QVERIFY(job.error.value(QStringLiteral("signIn")).toBool());
        QCOMPARE(m_fx.tokens.forced(), 1);
        QCOMPARE(m_fx.accountRow().sync.status, MailSyncStatus::NeedsSignIn);
        QVERIFY(!m_fx.accountRow().sync.lastError.isEmpty());
    }

    void refusedGrantNeedsSignInWithoutCallingGmail()
    {
        m_server.setValidTokens({QStringLiteral("t3")});
        m_fx.tokens.fail(
            Error::invalidInput(QStringLiteral("invalid_grant"), QStringLiteral("Token has been revoked.")));
        m_server.clearRequests();
        const Job job = m_fx.fetch();
        QCOMPARE(JobEnums::key(job.status), JobEnums::key(JobStatus::Failed));
        QVERIFY(job.error.value(QStringLiteral("signIn")).toBool());
        QCOMPARE(m_fx.accountRow().sync.status, MailSyncStatus::NeedsSignIn);
        QCOMPARE(m_server.requests().size(), 0);

        // A token service that cannot be reached now is transient.
        m_fx.tokens.fail(Error {Error::Code::Io, QStringLiteral("The token server did not answer."), {}});
        Job transient = m_fx.fetch();
        QCOMPARE(JobEnums::key(transient.status), JobEnums::key(JobStatus::Queued));
        QVERIFY(!transient.error.value(QStringLiteral("signIn")).toBool());
        m_fx.tokens.fail(std::nullopt);
        transient = m_fx.retry(transient);
        QCOMPARE(JobEnums::key(transient.status), JobEnums::key(JobStatus::Success));
        QCOMPARE(m_fx.accountRow().sync.status, MailSyncStatus::Connected);
    }

    void rateLimitWaitsForRetryAfter()
    {
        add(QStringLiteral("b1"), daysAgo(0.0001));
        m_server.addFault({429, 120, 1, 0, QString()});
        const Job job = m_fx.fetch();
        QCOMPARE(JobEnums::key(job.status), JobEnums::key(JobStatus::Queued));
        // The retry policy alone would wait at most 2 s; the server asked for 120.
        QVERIFY2(job.nextRunAt >= m_fx.clock.nowUtc().addSecs(120),
                 qPrintable(job.nextRunAt.toString(Qt::ISODate) + u' ' + m_fx.clock.nowUtc().toString(Qt::ISODate)));
        QVERIFY(!m_fx.stored(QStringLiteral("b1")));

        // Not before the time: advancing less does not run it.
        m_fx.clock.advanceSecs(60);
        m_fx.runner->wake();
        QTest::qWait(300);
        QCOMPARE(JobEnums::key(m_fx.jobs->find(m_fx.user, job.id)->status), JobEnums::key(JobStatus::Queued));

        const Job done = m_fx.retry(job);
        QCOMPARE(JobEnums::key(done.status), JobEnums::key(JobStatus::Success));
        QVERIFY(m_fx.stored(QStringLiteral("b1")).has_value());
    }

    void serverErrorIsTransient_data()
    {
        QTest::addColumn<int>("status");
        QTest::newRow("500") << 500;
        QTest::newRow("503") << 503;
    }

    void serverErrorIsTransient()
    {
        QFETCH(int, status);
        const QString id = QStringLiteral("c%1").arg(status);
        add(id, daysAgo(0.00001));
        m_server.addFault({status, std::nullopt, 1, 0, QStringLiteral("/profile")});
        const Job job = m_fx.fetch();
        QCOMPARE(JobEnums::key(job.status), JobEnums::key(JobStatus::Queued));
        QVERIFY(job.nextRunAt <= m_fx.clock.nowUtc().addSecs(2));
        QVERIFY(!job.error.value(QStringLiteral("signIn")).toBool());
        const Job done = m_fx.retry(job);
        QCOMPARE(JobEnums::key(done.status), JobEnums::key(JobStatus::Success));
        QVERIFY(m_fx.stored(id).has_value());
    }

    void droppedConnectionIsTransient()
    {
        add(QStringLiteral("d1"), daysAgo(0.000005));
        add(QStringLiteral("d2"), daysAgo(0.000004));
        FakeApiFault drop;
        drop.drop = true;
        drop.pathContains = QStringLiteral("/messages/d1");
        drop.count = 2; // libcurl sends again once by itself when a kept-alive connection dies unanswered
        m_server.addFault(drop);
        const Job job = m_fx.fetch();
        QCOMPARE(JobEnums::key(job.status), JobEnums::key(JobStatus::Queued));
        QVERIFY(!job.error.value(QStringLiteral("signIn")).toBool());
        QCOMPARE(m_server.requests().last().status, 0); // the connection was cut, nothing answered
        const Job done = m_fx.retry(job);
        QCOMPARE(JobEnums::key(done.status), JobEnums::key(JobStatus::Success));
        QVERIFY(m_fx.stored(QStringLiteral("d1")).has_value());
        QVERIFY(m_fx.stored(QStringLiteral("d2")).has_value());
    }

    void malformedMessagesAreStoredAsUnreadable()
    {
        const QDateTime when = daysAgo(0.000001);
        m_server.addMalformedMessage(QStringLiteral("bad-base64"), when, "%%% this is not base64url %%%");
        const QByteArray notMime = QByteArray("just some bytes, no header at all");
        m_server.addMessage(QStringLiteral("not-mime"), when, notMime);
        const Job job = m_fx.fetch();
        QCOMPARE(JobEnums::key(job.status), JobEnums::key(JobStatus::Success));
        for (const QString& id : {QStringLiteral("bad-base64"), QStringLiteral("not-mime")}) {
            const auto email = m_fx.stored(id);
            QVERIFY2(email.has_value(), qPrintable(id));
            QCOMPARE(email->subject, QStringLiteral("(unreadable message)"));
            QCOMPARE(email->receivedAt.toSecsSinceEpoch(), when.toSecsSinceEpoch()); // Gmail's internalDate
        }
        verifyStoredAsOnServer();
    }

    void largeMessageIsFetched()
    {
        const QDateTime when = daysAgo(0.0000001);
        const QByteArray big = messageWithAttachment(QStringLiteral("big"), when, 19 * 1024 * 1024);
        QVERIFY(big.size() > 25 * 1000 * 1000); // 25 MB as stored (base64 in the MIME)
        m_server.addMessage(QStringLiteral("big"), when, big);
        QElapsedTimer timer;
        timer.start();
        const Job job = m_fx.fetch();
        QCOMPARE(JobEnums::key(job.status), JobEnums::key(JobStatus::Success));
        const auto email = m_fx.stored(QStringLiteral("big"));
        QVERIFY(email.has_value());
        QCOMPARE(email->checksum, MailArchive::checksum(big));
        QCOMPARE(email->subject, QStringLiteral("Your invoice"));
        const auto archived = m_fx.services.archive.load(m_fx.user, email->checksum);
        QVERIFY(archived.ok());
        QCOMPARE(archived->size(), big.size());
        qInfo() << "25 MB message fetched and stored in" << timer.elapsed() << "ms";
    }

    void withoutATokenServiceFailsClearly()
    {
        const auto saved = m_fx.services.accessToken; // no job is running: the worker does not read it now
        m_fx.services.accessToken = {};
        m_server.clearRequests();
        const Job job = m_fx.fetch();
        m_fx.services.accessToken = saved;
        QCOMPARE(JobEnums::key(job.status), JobEnums::key(JobStatus::Failed));
        QVERIFY2(job.errorMessage().contains(QStringLiteral("Signing in to Gmail is not available")),
                 qPrintable(job.errorMessage()));
        QCOMPARE(m_server.requests().size(), 0);
    }

    void queryHelpers()
    {
        const QDateTime at(QDate(2026, 1, 2), QTime(3, 4, 5), Qt::UTC);
        QCOMPARE(GmailMailbox::query(QStringLiteral("category:purchases"), at),
                 QStringLiteral("(category:purchases) after:%1").arg(at.toSecsSinceEpoch()));
        QCOMPARE(GmailMailbox::query(QString(), at), QStringLiteral("after:%1").arg(at.toSecsSinceEpoch()));
        QCOMPARE(GmailMailbox::decodeRaw("SGVsbG8_-w"), std::optional<QByteArray>(QByteArray("Hello?\xfb", 7)));
        QCOMPARE(GmailMailbox::decodeRaw("SGVsbG8_-w=="), std::optional<QByteArray>(QByteArray("Hello?\xfb", 7)));
        QVERIFY(!GmailMailbox::decodeRaw("SGVsbG8/+w==")); // standard base64 is not base64url
        QVERIFY(!GmailMailbox::decodeRaw(""));
    }
};

QTEST_GUILESS_MAIN(TestGmailFetch)
#include "tst_gmailfetch.moc"
