// OAuth 2.0 sign-in of installed apps (issue 7) through QtNetworkAuth against a local authorization server that
// behaves like Google's and Microsoft's: PKCE S256, state, loopback redirect, consent outcomes, token errors,
// timeout and cancel. A test browser follows the authorization URL the way the user's browser would.
#include "fakeoauthserver.h"
#include "mail/oauthsignin.h"
#include "testbrowser.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>
#include <QUrlQuery>

using namespace Moniagent;
using namespace Moniagent::Test;

class TestOAuthSignIn : public QObject
{
    Q_OBJECT

private:
    static OAuthConfig configFor(const FakeOAuthServer& server, MailProvider provider)
    {
        OAuthConfig config = provider == MailProvider::Outlook ? OAuthConfig::microsoft() : OAuthConfig::google();
        config.authorizationUrl = server.authorizationUrl();
        config.tokenUrl = server.tokenUrl();
        config.revocationUrl = provider == MailProvider::Outlook ? QUrl() : server.revocationUrl();
        config.clientId = FakeOAuthServer::clientId();
        config.clientSecret = provider == MailProvider::Outlook ? QString() : FakeOAuthServer::clientSecret();
        return config;
    }

    // Runs a sign-in whose browser follows the authorization URL; returns the spies' outcome.
    struct Outcome
    {
        QList<OAuthGrant> grants;
        QStringList failures;
        int cancellations = 0;
    };
    static void run(OAuthSignIn& signIn, TestBrowser& browser, Outcome& outcome, int waitMs = 10'000)
    {
        QObject::connect(&signIn, &OAuthSignIn::openBrowser, &browser, &TestBrowser::open);
        QObject::connect(&signIn, &OAuthSignIn::succeeded, &signIn,
                         [&outcome](const OAuthGrant& grant) { outcome.grants.append(grant); });
        QObject::connect(&signIn, &OAuthSignIn::failed, &signIn,
                         [&outcome](const QString& message) { outcome.failures.append(message); });
        QObject::connect(&signIn, &OAuthSignIn::cancelled, &signIn, [&outcome] { ++outcome.cancellations; });
        signIn.start();
        QTRY_VERIFY_WITH_TIMEOUT(!outcome.grants.isEmpty() || !outcome.failures.isEmpty(), waitMs);
    }

private Q_SLOTS:
    void pkceMatchesRfc7636()
    {
        // RFC 7636 Appendix B.
        QCOMPARE(Pkce::challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
                 QByteArray("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"));
        const QByteArray a = Pkce::verifier();
        const QByteArray b = Pkce::verifier();
        QCOMPARE(a.size(), 43);
        QVERIFY(a != b);
        QVERIFY(QRegularExpression(QStringLiteral("^[A-Za-z0-9_-]{43}$")).match(QString::fromLatin1(a)).hasMatch());
    }

    void tokensRoundTripThroughTheKeychainEntry()
    {
        const QDateTime now(QDate(2026, 11, 23), QTime(10, 0), Qt::UTC);
        auto tokens = OAuthTokens::fromTokenResponse(
            {{QStringLiteral("access_token"), QStringLiteral("ya29.a")},
             {QStringLiteral("expires_in"), QStringLiteral("3599")},
             {QStringLiteral("token_type"), QStringLiteral("Bearer")},
             {QStringLiteral("scope"), QStringLiteral("openid https://www.googleapis.com/auth/gmail.readonly")}},
            now, QStringLiteral("1//keep"));
        QVERIFY(tokens);
        QCOMPARE(tokens->refreshToken, QStringLiteral("1//keep"));
        QCOMPARE(tokens->expiresAt, now.addSecs(3599));
        QCOMPARE(tokens->scopes.size(), 2);
        QVERIFY(!tokens->needsRefresh(now));
        QVERIFY(tokens->needsRefresh(now.addSecs(3599 - 30)));

        auto back = OAuthTokens::fromSecret(tokens->toSecret(0));
        QVERIFY(back);
        QCOMPARE(back->accessToken, tokens->accessToken);
        QCOMPARE(back->expiresAt, tokens->expiresAt);
        QCOMPARE(back->scopes, tokens->scopes);

        // Too big for the entry (Windows: 2,560 bytes): only the refresh token stays; it needs a refresh at once.
        tokens->accessToken = QString(3000, QLatin1Char('x'));
        const QString reduced = tokens->toSecret(2560);
        QVERIFY(reduced.toUtf8().size() <= 2560);
        auto small = OAuthTokens::fromSecret(reduced);
        QVERIFY(small);
        QCOMPARE(small->refreshToken, QStringLiteral("1//keep"));
        QVERIFY(small->accessToken.isEmpty());
        QVERIFY(small->needsRefresh(now));

        QVERIFY(!OAuthTokens::fromSecret(QStringLiteral("hunter2")));
        QVERIFY(!OAuthTokens::fromTokenResponse({{QStringLiteral("token_type"), QStringLiteral("Bearer")}}, now));
        QVERIFY(!OAuthTokens::fromTokenResponse({{QStringLiteral("access_token"), QStringLiteral("x")},
                                                 {QStringLiteral("token_type"), QStringLiteral("mac")}},
                                                now));
    }

    void oauthErrorsAreRead()
    {
        const auto flat = OAuthError::fromJson({{QStringLiteral("error"), QStringLiteral("invalid_grant")},
                                                {QStringLiteral("error_description"), QStringLiteral("Bad")}});
        QCOMPARE(flat.code, QStringLiteral("invalid_grant"));
        QVERIFY(flat.needsSignIn());
        const auto nested
            = OAuthError::fromJson({{QStringLiteral("error"),
                                     QJsonObject {{QStringLiteral("code"), 429},
                                                  {QStringLiteral("message"), QStringLiteral("Slow down")},
                                                  {QStringLiteral("status"), QStringLiteral("RESOURCE_EXHAUSTED")}}}});
        QCOMPARE(nested.code, QStringLiteral("RESOURCE_EXHAUSTED"));
        QCOMPARE(nested.description, QStringLiteral("Slow down"));
        QVERIFY(!nested.needsSignIn());
        QVERIFY(idTokenClaims(QStringLiteral("not-a-jwt")).isEmpty());
    }

    void googleSignInWithPkceAndState()
    {
        FakeOAuthServer server(FakeOAuthServer::Flavour::Google);
        TestBrowser browser;
        OAuthSignIn signIn(configFor(server, MailProvider::Gmail));
        Outcome outcome;
        run(signIn, browser, outcome);
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(outcome.failures.isEmpty(), qPrintable(outcome.failures.value(0)));
        QCOMPARE(outcome.grants.size(), 1);
        const OAuthGrant& grant = outcome.grants.first();
        QCOMPARE(grant.provider, MailProvider::Gmail);
        QCOMPARE(grant.email, QStringLiteral("sam@example.com"));
        QCOMPARE(grant.displayName, QStringLiteral("Sam Example"));
        QVERIFY(server.isAccessTokenValid(grant.tokens.accessToken));
        QVERIFY(server.isRefreshTokenValid(grant.tokens.refreshToken));
        QVERIFY(grant.tokens.expiresAt > QDateTime::currentDateTimeUtc().addSecs(3000));
        QVERIFY(grant.tokens.scopes.contains(server.mailScope()));

        QCOMPARE(server.authorizationRequests().size(), 1);
        const QUrlQuery& authorization = server.authorizationRequests().first();
        QCOMPARE(authorization.queryItemValue(QStringLiteral("code_challenge_method")), QStringLiteral("S256"));
        QCOMPARE(authorization.queryItemValue(QStringLiteral("access_type")), QStringLiteral("offline"));
        QVERIFY(authorization.queryItemValue(QStringLiteral("state")).size() >= 32);
        QVERIFY(authorization.queryItemValue(QStringLiteral("redirect_uri"))
                    .startsWith(QStringLiteral("http://127.0.0.1:")));
        QCOMPARE(server.tokenRequests().size(), 1);
        const QUrlQuery& exchange = server.tokenRequests().first();
        QCOMPARE(Pkce::challenge(exchange.queryItemValue(QStringLiteral("code_verifier")).toLatin1()),
                 authorization.queryItemValue(QStringLiteral("code_challenge")).toLatin1());
        // The browser landed on the app's friendly page.
        QTRY_COMPARE(browser.lastStatus, 200);
        QVERIFY(browser.lastPage.contains("You are signed in"));
        QCOMPARE(browser.lastUrl.host(), QStringLiteral("127.0.0.1"));
        QVERIFY(!signIn.isRunning());
    }

    void microsoftSignInReadsPreferredUsername()
    {
        FakeOAuthServer server(FakeOAuthServer::Flavour::Microsoft);
        server.setAccount(QStringLiteral("alex@contoso.example"), QStringLiteral("Alex"));
        TestBrowser browser;
        OAuthSignIn signIn(configFor(server, MailProvider::Outlook));
        Outcome outcome;
        run(signIn, browser, outcome);
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(outcome.failures.isEmpty(), qPrintable(outcome.failures.value(0)));
        QCOMPARE(outcome.grants.first().email, QStringLiteral("alex@contoso.example"));
        QVERIFY(server.authorizationRequests()
                    .first()
                    .queryItemValue(QStringLiteral("scope"))
                    .contains(QStringLiteral("offline_access")));
        QVERIFY(!server.tokenRequests().first().hasQueryItem(QStringLiteral("client_secret")));
    }

    void declinedConsentConnectsNothing()
    {
        FakeOAuthServer server(FakeOAuthServer::Flavour::Google);
        server.setConsent(FakeOAuthServer::Consent::Deny);
        TestBrowser browser;
        OAuthSignIn signIn(configFor(server, MailProvider::Gmail));
        Outcome outcome;
        run(signIn, browser, outcome);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(outcome.grants.isEmpty());
        QCOMPARE(outcome.failures.size(), 1);
        QVERIFY2(outcome.failures.first().contains(QStringLiteral("declined")), qPrintable(outcome.failures.first()));
        QVERIFY(server.tokenRequests().isEmpty());
    }

    void mailAccessUntickedIsSaid()
    {
        FakeOAuthServer server(FakeOAuthServer::Flavour::Google);
        server.setConsent(FakeOAuthServer::Consent::WithoutMail);
        TestBrowser browser;
        OAuthSignIn signIn(configFor(server, MailProvider::Gmail));
        Outcome outcome;
        run(signIn, browser, outcome);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(outcome.grants.isEmpty());
        QVERIFY2(outcome.failures.value(0).contains(QStringLiteral("not allowed to read your mail")),
                 qPrintable(outcome.failures.value(0)));
    }

    void tokenEndpointErrorIsSaidAtOnce()
    {
        FakeOAuthServer server(FakeOAuthServer::Flavour::Google);
        server.failNextTokenRequest(400,
                                    {{QStringLiteral("error"), QStringLiteral("invalid_grant")},
                                     {QStringLiteral("error_description"), QStringLiteral("Bad Request")}});
        TestBrowser browser;
        OAuthSignIn signIn(configFor(server, MailProvider::Gmail));
        QElapsedTimer clock;
        clock.start();
        Outcome outcome;
        run(signIn, browser, outcome);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(outcome.grants.isEmpty());
        QVERIFY2(outcome.failures.value(0).contains(QStringLiteral("Bad Request")),
                 qPrintable(outcome.failures.value(0)));
        QVERIFY(clock.elapsed() < 5000); // not the timeout
    }

    void wrongStateIsIgnoredAndOnlyTheFirstRedirectCounts()
    {
        FakeOAuthServer server(FakeOAuthServer::Flavour::Google);
        OAuthSignIn signIn(configFor(server, MailProvider::Gmail));
        QUrl authorization;
        connect(&signIn, &OAuthSignIn::openBrowser, this, [&authorization](const QUrl& url) { authorization = url; });
        QSignalSpy succeeded(&signIn, &OAuthSignIn::succeeded);
        QSignalSpy failed(&signIn, &OAuthSignIn::failed);
        signIn.start();
        QTRY_VERIFY(authorization.isValid());
        const QUrl redirect = signIn.redirectUri();

        // A forged redirect (another page's code, wrong state) changes nothing.
        TestBrowser attacker;
        QUrl forged = redirect;
        forged.setQuery(QStringLiteral("code=stolen&state=wrong"));
        attacker.open(forged);
        QTRY_VERIFY(!attacker.opened.isEmpty() && attacker.lastStatus != 0);
        QTest::qWait(200);
        QCOMPARE(succeeded.count(), 0);
        QCOMPARE(failed.count(), 0);
        QVERIFY(server.tokenRequests().isEmpty());

        // The real one goes through.
        TestBrowser browser;
        browser.open(authorization);
        QTRY_COMPARE(succeeded.count(), 1);
        QCOMPARE(server.tokenRequests().size(), 1);

        // Nothing listens any more: a replayed redirect reaches no one.
        TestBrowser replay;
        QSignalSpy loaded(&replay, &TestBrowser::loaded);
        replay.open(browser.opened.isEmpty() ? redirect : redirect);
        QVERIFY(loaded.wait(5000));
        QCOMPARE(replay.lastError, QNetworkReply::ConnectionRefusedError);
        QCOMPARE(server.tokenRequests().size(), 1);
        QCOMPARE(failed.count(), 0);
    }

    void abandonedSignInTimesOut()
    {
        FakeOAuthServer server(FakeOAuthServer::Flavour::Google);
        OAuthSignIn signIn(configFor(server, MailProvider::Gmail));
        signIn.setTimeout(std::chrono::milliseconds(300));
        QSignalSpy failed(&signIn, &OAuthSignIn::failed);
        signIn.start();
        const QUrl redirect = signIn.redirectUri();
        QVERIFY(failed.wait(5000));
        QVERIFY(failed.first().first().toString().contains(QStringLiteral("not finished in time")));
        QVERIFY(!signIn.isRunning());
        TestBrowser late;
        QSignalSpy loaded(&late, &TestBrowser::loaded);
        late.open(redirect);
        QVERIFY(loaded.wait(5000));
        QCOMPARE(late.lastError, QNetworkReply::ConnectionRefusedError);
    }

    void cancelStopsListening()
    {
        FakeOAuthServer server(FakeOAuthServer::Flavour::Google);
        OAuthSignIn signIn(configFor(server, MailProvider::Gmail));
        QSignalSpy cancelled(&signIn, &OAuthSignIn::cancelled);
        QSignalSpy failed(&signIn, &OAuthSignIn::failed);
        signIn.start();
        QVERIFY(signIn.isRunning());
        signIn.cancel();
        QCOMPARE(cancelled.count(), 1);
        QCOMPARE(failed.count(), 0);
        QVERIFY(!signIn.isRunning());
    }

    void missingClientIdIsSaid()
    {
        OAuthConfig config = OAuthConfig::google();
        config.clientId.clear();
        OAuthSignIn signIn(config);
        QSignalSpy failed(&signIn, &OAuthSignIn::failed);
        QSignalSpy browser(&signIn, &OAuthSignIn::openBrowser);
        signIn.start();
        QCOMPARE(failed.count(), 1);
        QVERIFY(failed.first().first().toString().contains(QStringLiteral("client id")));
        QCOMPARE(browser.count(), 0);
    }
};

QTEST_GUILESS_MAIN(TestOAuthSignIn)
#include "tst_oauthsignin.moc"
