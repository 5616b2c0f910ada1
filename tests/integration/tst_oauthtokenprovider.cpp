// Token renewal for Gmail and Outlook accounts on a worker thread (issue 7): expiry, forced refresh after a 401,
// Microsoft's rotating refresh tokens, invalid_grant → "sign in again", server errors → retry later, and one refresh
// when two jobs need a token at once. Against the local Google/Microsoft authorization server.
#include "core/clock.h"
#include "db/connectedaccountrepository.h"
#include "fakeoauthserver.h"
#include "mail/oauthtokenprovider.h"
#include "mail/oauthtokens.h"
#include "testdatabase.h"

#include <QFuture>
#include <QMutex>
#include <QTest>
#include <QtConcurrent>

using namespace Moniagent;
using namespace Moniagent::Test;

namespace {

// The keychain of the test: a map guarded for the worker threads (the real keychain is covered by tst_secretstore
// and tst_mailpipeline).
struct Keychain
{
    QMutex mutex;
    QHash<QString, QString> entries;
    int writes = 0;
};

} // namespace

class TestOAuthTokenProvider : public QObject
{
    Q_OBJECT

    struct Fixture
    {
        explicit Fixture(FakeOAuthServer::Flavour flavour)
            : server(flavour)
            , accounts(database.database())
        {
            userId = database.createUser(QStringLiteral("sam"));
            account.provider
                = flavour == FakeOAuthServer::Flavour::Google ? MailProvider::Gmail : MailProvider::Outlook;
            account.email = QStringLiteral("sam@example.com");
            account.keychainKey = ConnectedAccount::keychainKeyFor(account.provider, account.email);
            account.authMethod = MailAuthMethod::OAuth;
            account.id = accounts.add(userId, account).value();
            account.userId = userId;
            OAuthConfig config
                = flavour == FakeOAuthServer::Flavour::Google ? OAuthConfig::google() : OAuthConfig::microsoft();
            config.tokenUrl = server.tokenUrl();
            config.clientId = FakeOAuthServer::clientId();
            config.clientSecret
                = flavour == FakeOAuthServer::Flavour::Google ? FakeOAuthServer::clientSecret() : QString();
            provider = std::make_unique<OAuthTokenProvider>(
                &accounts,
                [this](const QString& key) -> Result<QString> {
                    QMutexLocker lock(&keychain.mutex);
                    return keychain.entries.value(key);
                },
                [this](const QString& key, const QString& secret) -> Result<bool> {
                    QMutexLocker lock(&keychain.mutex);
                    keychain.entries.insert(key, secret);
                    ++keychain.writes;
                    return true;
                },
                [config](MailProvider) { return config; }, clock);
        }

        Result<QString> tokenOnWorker(bool force)
        {
            QFuture<Result<QString>> future
                = QtConcurrent::run([this, force] { return provider->accessToken(account, force); });
            // The server answers on this thread: spin the event loop until the worker is done.
            if (!QTest::qWaitFor([&future] { return future.isFinished(); }, 15'000))
                return Error::invalidInput(QStringLiteral("timed out"));
            return future.result();
        }

        TestDatabase database;
        FakeOAuthServer server;
        ConnectedAccountRepository accounts;
        ManualClock clock {QDateTime::currentDateTimeUtc()};
        Keychain keychain;
        qint64 userId = 0;
        ConnectedAccount account;
        std::unique_ptr<OAuthTokenProvider> provider;
    };

    // Puts tokens of a grant the server knows into the keychain.
    static void seed(Fixture& f, const QString& accessToken, const QDateTime& expiresAt)
    {
        OAuthTokens tokens;
        tokens.accessToken = accessToken;
        tokens.refreshToken = f.server.seedRefreshToken();
        tokens.expiresAt = expiresAt;
        tokens.scopes = {f.server.mailScope()};
        f.keychain.entries.insert(f.account.keychainKey, tokens.toSecret(0));
    }

private Q_SLOTS:
    void validTokenIsUsedWithoutAsking()
    {
        Fixture f(FakeOAuthServer::Flavour::Google);
        seed(f, QStringLiteral("ya29.still-good"), f.clock.nowUtc().addSecs(1800));
        auto token = f.tokenOnWorker(false);
        QVERIFY2(token, qPrintable(token ? QString() : token.error().toString()));
        QCOMPARE(*token, QStringLiteral("ya29.still-good"));
        QVERIFY(f.server.tokenRequests().isEmpty());
    }

    void expiringTokenIsRenewedAndSaved()
    {
        Fixture f(FakeOAuthServer::Flavour::Google);
        seed(f, QStringLiteral("ya29.old"), f.clock.nowUtc().addSecs(30)); // within the minute of leeway
        const QString refresh = OAuthTokens::fromSecret(f.keychain.entries.value(f.account.keychainKey))->refreshToken;
        auto token = f.tokenOnWorker(false);
        QVERIFY2(token, qPrintable(token ? QString() : token.error().toString()));
        QVERIFY(*token != QStringLiteral("ya29.old"));
        QVERIFY(f.server.isAccessTokenValid(*token));
        QCOMPARE(f.server.tokenRequests().size(), 1);
        const QUrlQuery& request = f.server.tokenRequests().first();
        QCOMPARE(request.queryItemValue(QStringLiteral("grant_type")), QStringLiteral("refresh_token"));
        QCOMPARE(request.queryItemValue(QStringLiteral("client_secret")), FakeOAuthServer::clientSecret());
        // The keychain holds the new access token and still the refresh token (Google sends none on refresh).
        const auto saved = OAuthTokens::fromSecret(f.keychain.entries.value(f.account.keychainKey));
        QVERIFY(saved);
        QCOMPARE(saved->accessToken, *token);
        QCOMPARE(saved->refreshToken, refresh);
        QVERIFY(saved->expiresAt > f.clock.nowUtc().addSecs(3000));
        // And the account knows the new expiry.
        QCOMPARE(f.accounts.find(f.userId, f.account.id)->tokenExpiry, saved->expiresAt);
        // Asking again uses it.
        QCOMPARE(*f.tokenOnWorker(false), *token);
        QCOMPARE(f.server.tokenRequests().size(), 1);
    }

    void refusedTokenIsRenewedWhenForced()
    {
        Fixture f(FakeOAuthServer::Flavour::Google);
        seed(f, QStringLiteral("ya29.refused"), f.clock.nowUtc().addSecs(1800));
        auto token = f.tokenOnWorker(true);
        QVERIFY(token);
        QVERIFY(*token != QStringLiteral("ya29.refused"));
        QCOMPARE(f.server.tokenRequests().size(), 1);
    }

    void microsoftRotatesTheRefreshToken()
    {
        Fixture f(FakeOAuthServer::Flavour::Microsoft);
        seed(f, QString(), QDateTime());
        const QString before = OAuthTokens::fromSecret(f.keychain.entries.value(f.account.keychainKey))->refreshToken;
        auto token = f.tokenOnWorker(false);
        QVERIFY2(token, qPrintable(token ? QString() : token.error().toString()));
        const auto saved = OAuthTokens::fromSecret(f.keychain.entries.value(f.account.keychainKey));
        QVERIFY(saved->refreshToken != before);
        QCOMPARE(saved->refreshToken, f.server.lastRefreshToken());
        QVERIFY(!f.server.tokenRequests().first().hasQueryItem(QStringLiteral("client_secret")));
    }

    void revokedGrantNeedsSignIn()
    {
        Fixture f(FakeOAuthServer::Flavour::Google);
        seed(f, QStringLiteral("ya29.x"), f.clock.nowUtc().addSecs(-10));
        f.server.revokeAllGrants();
        auto token = f.tokenOnWorker(false);
        QVERIFY(!token);
        QCOMPARE(token.error().code, Error::Code::InvalidInput);
        QCOMPARE(token.error().detail, QStringLiteral("invalid_grant"));
        QVERIFY(token.error().message.contains(QStringLiteral("sign in again")));
    }

    void serverTroubleIsRetriedLater()
    {
        Fixture f(FakeOAuthServer::Flavour::Google);
        seed(f, QStringLiteral("ya29.x"), f.clock.nowUtc().addSecs(-10));
        f.server.failNextTokenRequest(503, {{QStringLiteral("error"), QStringLiteral("temporarily_unavailable")}});
        auto token = f.tokenOnWorker(false);
        QVERIFY(!token);
        QVERIFY(token.error().code != Error::Code::InvalidInput);
        // Nothing was lost: the next try works.
        QVERIFY(f.tokenOnWorker(false));
    }

    void unreachableServerIsRetriedLater()
    {
        Fixture f(FakeOAuthServer::Flavour::Google);
        seed(f, QStringLiteral("ya29.x"), f.clock.nowUtc().addSecs(-10));
        OAuthConfig config = OAuthConfig::google();
        config.clientId = FakeOAuthServer::clientId();
        config.tokenUrl = QUrl(QStringLiteral("http://127.0.0.1:1/token"));
        OAuthTokenProvider provider(
            &f.accounts, [&f](const QString& key) -> Result<QString> { return f.keychain.entries.value(key); },
            [](const QString&, const QString&) -> Result<bool> { return true; },
            [config](MailProvider) { return config; }, f.clock);
        auto token = provider.accessToken(f.account, false);
        QVERIFY(!token);
        QCOMPARE(token.error().code, Error::Code::Io);
    }

    void missingOrBrokenKeychainEntryNeedsSignIn()
    {
        Fixture f(FakeOAuthServer::Flavour::Google);
        auto none = f.tokenOnWorker(false);
        QVERIFY(!none);
        QCOMPARE(none.error().code, Error::Code::InvalidInput);
        f.keychain.entries.insert(f.account.keychainKey, QStringLiteral("not json"));
        auto broken = f.tokenOnWorker(false);
        QVERIFY(!broken);
        QCOMPARE(broken.error().code, Error::Code::InvalidInput);
        QVERIFY(f.server.tokenRequests().isEmpty());
    }

    void twoJobsAtOnceRefreshOnce()
    {
        Fixture f(FakeOAuthServer::Flavour::Microsoft);
        seed(f, QString(), QDateTime());
        QFuture<Result<QString>> a = QtConcurrent::run([&f] { return f.provider->accessToken(f.account, false); });
        QFuture<Result<QString>> b = QtConcurrent::run([&f] { return f.provider->accessToken(f.account, false); });
        QVERIFY(QTest::qWaitFor([&] { return a.isFinished() && b.isFinished(); }, 15'000));
        QVERIFY(a.result());
        QVERIFY(b.result());
        QCOMPARE(*a.result(), *b.result());
        QCOMPARE(f.server.tokenRequests().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestOAuthTokenProvider)
#include "tst_oauthtokenprovider.moc"
