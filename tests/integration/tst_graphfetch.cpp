// EMAIL_FETCH for an Outlook (Microsoft Graph) account against a local Graph server
// (tests/common/fakemailapiserver.h): the delta query with a date window, paging by nextLink, incremental syncs from
// the delta link, resuming an interrupted fetch from the page it reached, a full resync after 410, token refresh on
// 401, sign-in needed, Retry-After and server errors.
#include "cloudfetchfixture.h"
#include "fakemailapiserver.h"

#include <QtTest>

using namespace Moniagent;
using namespace Moniagent::Test;

class TestGraphFetch : public QObject
{
    Q_OBJECT

private:
    FakeGraphServer m_server;
    CloudFetchFixture m_fx;

    QDateTime daysAgo(double days) const { return m_fx.clock.nowUtc().addSecs(qint64(-days * 24 * 3600)); }

    void add(const QString& id, const QDateTime& date) { m_server.addMessage(id, date, mailMessage(id, date)); }

    int contentRequests(const QString& id) const
    {
        return m_server.requestCount(QStringLiteral("/me/messages/%1/$value").arg(id));
    }

    void verifyStoredAsOnServer()
    {
        for (const FakeMailMessage& message : m_server.messages()) {
            const auto email = m_fx.stored(message.id);
            if (!email)
                continue;
            QCOMPARE(email->checksum, MailArchive::checksum(message.raw));
            const auto archived = m_fx.services.archive.load(m_fx.user, email->checksum);
            QVERIFY(archived.ok());
            QVERIFY(*archived == message.raw);
        }
    }

    // Every message on the server was stored exactly once (no gaps; the UNIQUE key rules out duplicates, the
    // request counts show nothing was fetched twice).
    void verifyAllStoredOnce(const QSet<QString>& ids)
    {
        for (const QString& id : ids) {
            QVERIFY2(m_fx.stored(id).has_value(), qPrintable(id));
            QVERIFY2(contentRequests(id) <= 1, qPrintable(id));
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_server.port() != 0);
        const QString problem = m_fx.setUp(MailProvider::Outlook, QStringLiteral("sam@example.com"));
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        m_fx.services.graphApiUrl = m_server.apiUrl();
        m_fx.services.fetchBatch = 2;
        m_fx.tokens.set(QStringLiteral("g1"), QStringLiteral("g2"));
        m_server.setValidTokens({QStringLiteral("g1")});
        m_server.setPageSize(2);
    }

    void cleanupTestCase() { m_fx.tearDown(); }

    void firstSyncStoresTheWindow()
    {
        add(QStringLiteral("old"), daysAgo(100));
        add(QStringLiteral("g-a"), daysAgo(60));
        add(QStringLiteral("g-b"), daysAgo(20));
        add(QStringLiteral("g-c"), daysAgo(5));
        add(QStringLiteral("g-d"), daysAgo(1));
        add(QStringLiteral("g-e"), daysAgo(0.5));
        const QDateTime now = m_fx.clock.nowUtc();

        const Job job = m_fx.fetch();
        QCOMPARE(JobEnums::key(job.status), JobEnums::key(JobStatus::Success));
        QCOMPARE(job.output.value(QStringLiteral("new")).toInt(), 5);
        QCOMPARE(m_fx.storedIds(),
                 (QSet<QString> {QStringLiteral("g-a"), QStringLiteral("g-b"), QStringLiteral("g-c"),
                                 QStringLiteral("g-d"), QStringLiteral("g-e")}));
        QCOMPARE(contentRequests(QStringLiteral("old")), 0);
        verifyStoredAsOnServer();
        QCOMPARE(m_fx.stored(QStringLiteral("g-c"))->provider, MailProvider::Outlook);

        QCOMPARE(m_server.filters(),
                 QStringList {QStringLiteral("receivedDateTime ge %1").arg(now.addDays(-90).toString(Qt::ISODate))});
        QVERIFY(m_server.requestCount(QStringLiteral("/delta")) >= 3); // followed the nextLinks
        const ConnectedAccount row = m_fx.accountRow();
        QVERIFY2(row.sync.deltaLink.contains(QStringLiteral("deltatoken")), qPrintable(row.sync.deltaLink));
        QCOMPARE(row.sync.lastSyncAt, now);
        QCOMPARE(row.sync.status, MailSyncStatus::Connected);
        QCOMPARE(m_fx.extractionJobs(), 1);
        for (const FakeApiRequest& request : m_server.requests())
            QCOMPARE(request.token, QStringLiteral("g1"));
    }

    void secondSyncStartsFromTheDeltaLink()
    {
        m_fx.clock.advanceSecs(3600);
        add(QStringLiteral("g-f"), daysAgo(0.01));
        add(QStringLiteral("g-g"), daysAgo(0.005));
        m_server.removeMessage(QStringLiteral("g-b")); // "@removed" entries are ignored
        m_server.clearRequests();
        const QString before = m_fx.accountRow().sync.deltaLink;

        const Job job = m_fx.fetch();
        QCOMPARE(JobEnums::key(job.status), JobEnums::key(JobStatus::Success));
        QCOMPARE(job.output.value(QStringLiteral("new")).toInt(), 2);
        QCOMPARE(m_fx.emailCount(), 7);
        QVERIFY(m_fx.stored(QStringLiteral("g-b")).has_value()); // kept: a receipt deleted on the server stays
        QCOMPARE(m_server.filters().size(), 1); // no new window
        QCOMPARE(m_server.requests().first().path, QStringLiteral("/v1.0/me/mailFolders/inbox/messages/delta"));
        QVERIFY(m_server.requests().first().query.hasQueryItem(QStringLiteral("$deltatoken")));
        QCOMPARE(contentRequests(QStringLiteral("g-f")), 1);
        QCOMPARE(contentRequests(QStringLiteral("g-a")), 0);
        QVERIFY(m_fx.accountRow().sync.deltaLink != before);
        QCOMPARE(m_fx.extractionJobs(), 2);

        // Nothing new: only the delta request, and a new delta link.
        m_server.clearRequests();
        const Job idle = m_fx.fetch();
        QCOMPARE(JobEnums::key(idle.status), JobEnums::key(JobStatus::Success));
        QCOMPARE(idle.output.value(QStringLiteral("new")).toInt(), 0);
        QCOMPARE(m_server.requests().size(), 1);
        QCOMPARE(m_fx.extractionJobs(), 2);
    }

    void interruptedFetchResumesFromThePageItReached()
    {
        QSet<QString> added;
        for (int i = 0; i < 5; ++i) {
            const QString id = QStringLiteral("r%1").arg(i);
            added.insert(id);
            add(id, daysAgo(0.001 * (5 - i)));
        }
        m_server.clearRequests();
        // Pages of two: page 1 (r0, r1) is stored; r3 on page 2 fails.
        m_server.addFault({503, std::nullopt, 1, 3, QStringLiteral("$value")});
        Job job = m_fx.fetch();
        QCOMPARE(JobEnums::key(job.status), JobEnums::key(JobStatus::Queued));
        QCOMPARE(m_fx.emailCount(), 9);
        const QString reached = m_fx.accountRow().sync.deltaLink;
        QVERIFY2(reached.contains(QStringLiteral("skiptoken")), qPrintable(reached));

        m_server.clearRequests();
        job = m_fx.retry(job);
        QCOMPARE(JobEnums::key(job.status), JobEnums::key(JobStatus::Success));
        QCOMPARE(job.output.value(QStringLiteral("new")).toInt(), 3);
        QCOMPARE(m_fx.emailCount(), 12);
        // The retry started at the page it had reached, not at the beginning.
        QCOMPARE(QUrl(reached).query(QUrl::FullyDecoded), m_server.requests().first().query.query(QUrl::FullyDecoded));
        QCOMPARE(contentRequests(QStringLiteral("r0")), 0);
        QCOMPARE(contentRequests(QStringLiteral("r1")), 0);
        verifyAllStoredOnce(added);
        QVERIFY(m_fx.accountRow().sync.deltaLink.contains(QStringLiteral("deltatoken")));
        verifyStoredAsOnServer();
    }

    void expiredSyncStateResyncsWithoutDuplicates()
    {
        m_server.expireSyncState();
        add(QStringLiteral("after-410"), daysAgo(0.0001));
        m_server.clearRequests();
        const qint64 before = m_fx.emailCount();
        const Job job = m_fx.fetch();
        QCOMPARE(JobEnums::key(job.status), JobEnums::key(JobStatus::Success));
        QVERIFY(job.output.value(QStringLiteral("resynced")).toBool());
        QCOMPARE(job.output.value(QStringLiteral("new")).toInt(), 1);
        QCOMPARE(m_fx.emailCount(), before + 1);
        QCOMPARE(m_server.requests().first().status, 410);
        QCOMPARE(m_server.filters().size(), 2); // a new window
        // Only the new message's content was fetched: the rest are known by id.
        QCOMPARE(m_server.requestCount(QStringLiteral("$value")), 1);
        QCOMPARE(contentRequests(QStringLiteral("after-410")), 1);
    }

    void unauthorizedRefreshesTheTokenOnce()
    {
        m_server.setValidTokens({QStringLiteral("g2")});
        m_fx.tokens.resetCounts();
        add(QStringLiteral("u1"), daysAgo(0.00001));
        const Job job = m_fx.fetch();
        QCOMPARE(JobEnums::key(job.status), JobEnums::key(JobStatus::Success));
        QCOMPARE(m_fx.tokens.forced(), 1);
        QVERIFY(m_fx.stored(QStringLiteral("u1")).has_value());
    }

    void unauthorizedTwiceNeedsSignIn()
    {
        m_server.setValidTokens({});
        m_fx.tokens.resetCounts();
        const Job job = m_fx.fetch();
        QCOMPARE(JobEnums::key(job.status), JobEnums::key(JobStatus::Failed));
        QVERIFY(job.error.value(QStringLiteral("signIn")).toBool());
        QCOMPARE(m_fx.tokens.forced(), 1);
        QCOMPARE(m_fx.accountRow().sync.status, MailSyncStatus::NeedsSignIn);
    }

    void refusedGrantNeedsSignIn()
    {
        m_server.setValidTokens({QStringLiteral("g2")});
        m_fx.tokens.fail(Error::invalidInput(QStringLiteral("invalid_grant")));
        m_server.clearRequests();
        const Job job = m_fx.fetch();
        QCOMPARE(JobEnums::key(job.status), JobEnums::key(JobStatus::Failed));
        QVERIFY(job.error.value(QStringLiteral("signIn")).toBool());
        QCOMPARE(m_server.requests().size(), 0);
        m_fx.tokens.fail(std::nullopt);
    }

    void rateLimitWaitsForRetryAfter()
    {
        add(QStringLiteral("rl"), daysAgo(0.000001));
        m_server.addFault({429, 90, 1, 0, QStringLiteral("/delta")});
        const Job job = m_fx.fetch();
        QCOMPARE(JobEnums::key(job.status), JobEnums::key(JobStatus::Queued));
        QVERIFY(job.nextRunAt >= m_fx.clock.nowUtc().addSecs(90));
        QVERIFY(!m_fx.stored(QStringLiteral("rl")));
        const Job done = m_fx.retry(job);
        QCOMPARE(JobEnums::key(done.status), JobEnums::key(JobStatus::Success));
        QVERIFY(m_fx.stored(QStringLiteral("rl")).has_value());
        QCOMPARE(m_fx.accountRow().sync.status, MailSyncStatus::Connected);
    }

    void serverErrorIsTransient()
    {
        add(QStringLiteral("se"), daysAgo(0.0000001));
        m_server.addFault({500, std::nullopt, 1, 0, QStringLiteral("$value")});
        const Job job = m_fx.fetch();
        QCOMPARE(JobEnums::key(job.status), JobEnums::key(JobStatus::Queued));
        QVERIFY2(job.errorMessage().contains(QStringLiteral("Injected fault 500")), qPrintable(job.errorMessage()));
        QVERIFY(job.nextRunAt <= m_fx.clock.nowUtc().addSecs(2));
        const Job done = m_fx.retry(job);
        QCOMPARE(JobEnums::key(done.status), JobEnums::key(JobStatus::Success));
        QVERIFY(m_fx.stored(QStringLiteral("se")).has_value());
    }

    void linksToAnotherServerAreNotFollowed()
    {
        // A stored link that is not the API's (say the settings changed): start again from the window, and
        // never send the token elsewhere.
        ConnectedAccount row = m_fx.accountRow();
        MailSyncState state = row.sync;
        state.deltaLink = QStringLiteral("https://elsewhere.example/v1.0/me/mailFolders/inbox/messages/delta?"
                                         "$deltatoken=1");
        QVERIFY(m_fx.accounts->setSyncState(m_fx.user, m_fx.account, state).ok());
        const int windows = int(m_server.filters().size());
        const Job job = m_fx.fetch();
        QCOMPARE(JobEnums::key(job.status), JobEnums::key(JobStatus::Success));
        QCOMPARE(m_server.filters().size(), windows + 1);
        QCOMPARE(job.output.value(QStringLiteral("new")).toInt(), 0);
    }
};

QTEST_GUILESS_MAIN(TestGraphFetch)
#include "tst_graphfetch.moc"
