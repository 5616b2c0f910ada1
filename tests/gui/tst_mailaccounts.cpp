// Tools › Mail Accounts driven offscreen against a real Dovecot and the test keychain: add an IMAP account (trusting
// its self-signed certificate when asked), the first sync runs by itself, the list shows it connected with its
// messages, and the receipt waits in the review queue.
#include "common/messagebox.h"
#include "core/clock.h"
#include "dovecotserver.h"
#include "fakemailapiserver.h"
#include "fakeoauthserver.h"
#include "guitest.h"
#include "itemmodels/transactionmodel.h"
#include "ledger/filterbar.h"
#include "ledger/ledgerpage.h"
#include "ledger/ledgerview.h"
#include "mail/imapaccountdialog.h"
#include "mail/mailaccountsdialog.h"
#include "mail/mailintegration.h"
#include "mail/oauthconfig.h"
#include "mail/oauthsignindialog.h"
#include "mainwindow.h"
#include "secrets/secretstore.h"
#include "session/session.h"
#include "testbrowser.h"

#include <QAction>
#include <QComboBox>
#include <QDesktopServices>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QToolButton>
#include <QTreeWidget>
#include <QtTest>

using namespace Moniagent;

class TestMailAccounts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("MoniagentTest"));
        QCoreApplication::setApplicationName(QStringLiteral("MoniagentMailAccountsTest"));
        QSettings().clear();
    }

    void addAccountSyncsAndShowsIt()
    {
        const QString address = QStringLiteral("sam@example.com");
        Test::DovecotServer server;
        server.addUser(address, QStringLiteral("secret 9"));
        const QString problem = server.start();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        server.deliver(address,
                       "From: \"Corner Books\" <receipts@cornerbooks.example>\r\nTo: sam@example.com\r\n"
                       "Subject: Your receipt from Corner Books\r\nDate: Mon, 2 Nov 2026 10:00:00 +0000\r\n"
                       "Message-ID: <gui1@cornerbooks.example>\r\n\r\nThank you for your purchase.\r\n"
                       "Total: USD 23.45\r\n");

        QTemporaryDir dir;
        SystemClock clock;
        auto session = Test::openSamSession(dir.filePath(QStringLiteral("m.sqlite")), clock);
        QVERIFY(session.ok());
        MainWindow window(session->get());
        window.show();
        auto* action = window.findChild<QAction*>(QStringLiteral("mailAccountsAction"));
        QVERIFY(action);
        action->trigger();
        auto* dialog = window.findChild<MailAccountsDialog*>(QStringLiteral("mailAccountsDialog"));
        QVERIFY(dialog);
        Test::screenshot(dialog, QStringLiteral("mail-accounts-empty"));

        bool filled = false;
        QTimer::singleShot(0, this, [&] {
            auto* add = dialog->findChild<ImapAccountDialog*>(QStringLiteral("imapAccountDialog"));
            QVERIFY(add);
            QTest::keyClicks(add->emailEdit(), address);
            QCOMPARE(add->userEdit()->text(), address); // follows the address
            QCOMPARE(add->hostEdit()->text(), QStringLiteral("imap.example.com")); // a suggestion
            add->hostEdit()->clear();
            QTest::keyClicks(add->hostEdit(), QStringLiteral("localhost"));
            add->securityCombo()->setCurrentIndex(1); // STARTTLS
            QCOMPARE(add->portSpin()->value(), 143);
            add->portSpin()->setValue(server.imapPort());
            QTest::keyClicks(add->passwordEdit(), QStringLiteral("secret 9"));
            Test::screenshot(add, QStringLiteral("mail-add-imap"));
            MessageBox::setNextAnswer(QMessageBox::Yes); // trust the self-signed certificate
            QTest::mouseClick(add->findChild<QPushButton*>(QStringLiteral("connect")), Qt::LeftButton);
            filled = true;
        });
        dialog->addImapAccount(); // modal until the account is connected
        QVERIFY(filled);
        QVERIFY(MessageBox::lastText().contains(QStringLiteral("could not be verified")));

        QTreeWidget* list = dialog->list();
        QCOMPARE(list->topLevelItemCount(), 1);
        QCOMPARE(list->topLevelItem(0)->text(0), address);
        // The first sync runs by itself.
        QTRY_COMPARE_WITH_TIMEOUT(list->topLevelItem(0)->text(3), QStringLiteral("1 (1 with a purchase)"), 30'000);
        QCOMPARE(list->topLevelItem(0)->text(1), QStringLiteral("Connected"));
        QVERIFY(list->topLevelItem(0)->text(2) != QStringLiteral("Never"));
        Test::screenshot(dialog, QStringLiteral("mail-accounts-synced"));

        TransactionFilter review;
        review.reviewBelow = 0.9;
        const auto waiting = (*session)->transactions()->list((*session)->userId(), review, {}, 10);
        QVERIFY(waiting.ok());
        QCOMPARE(waiting->size(), 1);
        QCOMPARE(waiting->first().amount.minor(), 2345);
        QCOMPARE(waiting->first().source, TransactionSource::Imap);

        // Confirm it from the review inbox: View › Needs Review, the row, Enter.
        dialog->hide();
        window.ledgerPage()->filterBar()->reviewButton()->click(); // View › Needs Review
        TransactionModel* model = window.ledgerModel();
        QVERIFY(QTest::qWaitFor([&] { return model->filter().reviewBelow.has_value() && !model->isLoading(); }));
        QVERIFY(Test::settled(model));
        QCOMPARE(model->rowCount(), 1);
        QTRY_COMPARE(window.ledgerPage()->filterBar()->reviewButton()->text(), QStringLiteral("Needs review (1)"));
        auto* view = window.ledgerPage()->view();
        view->setFocus();
        view->setCurrentIndex(model->index(0, TransactionModel::MerchantColumn));
        Test::screenshot(&window, QStringLiteral("mail-review-inbox"));
        QTest::keyClick(view, Qt::Key_Return);
        QTRY_VERIFY((*session)->transactions()->find((*session)->userId(), waiting->first().id)->confirmedByUser);
        dialog->show();

        // Disconnect after confirming: the account goes, the transaction stays.
        MessageBox::setNextAnswer(QMessageBox::Yes);
        dialog->disconnectSelected();
        QTRY_COMPARE(list->topLevelItemCount(), 0);
        QCOMPARE((*session)->transactions()->list((*session)->userId(), {}, {}, 10)->size(), 1);
    }

    // Add Gmail: the app registration is entered in the dialog, the "browser" signs in at the local Google, the
    // account is listed with its tokens in the keychain; a revoked account signs in again through Sign In Again;
    // Disconnect withdraws the access at Google.
    void gmailSignInAndDisconnect()
    {
        Test::FakeOAuthServer google(Test::FakeOAuthServer::Flavour::Google);
        google.setAccount(QStringLiteral("pat@gmail.example"), QStringLiteral("Pat Doe"));
        // Gmail's API, accepting the access tokens the sign-in server issued.
        Test::FakeGmailServer gmail;
        gmail.setEmailAddress(QStringLiteral("pat@gmail.example"));
        gmail.setTokenCheck([&google](const QString& token) { return google.isAccessTokenValid(token); });
        gmail.addMessage(QStringLiteral("18c2f0a1"), QDateTime::currentDateTimeUtc().addDays(-2),
                         "From: \"Corner Books\" <receipts@cornerbooks.example>\r\nTo: pat@gmail.example\r\n"
                         "Subject: Your receipt from Corner Books\r\nDate: Mon, 2 Nov 2026 10:00:00 +0000\r\n"
                         "Message-ID: <gmail1@cornerbooks.example>\r\n\r\nThank you for your purchase.\r\n"
                         "Total: USD 31.20\r\n");
        {
            QSettings settings;
            settings.beginGroup(OAuthConfig::settingsGroup(MailProvider::Gmail));
            settings.setValue(QStringLiteral("apiUrl"), gmail.apiUrl().toString());
            settings.setValue(QStringLiteral("authorizationUrl"), google.authorizationUrl().toString());
            settings.setValue(QStringLiteral("tokenUrl"), google.tokenUrl().toString());
            settings.setValue(QStringLiteral("revocationUrl"), google.revocationUrl().toString());
            settings.remove(QStringLiteral("clientId"));
        }
        Test::TestBrowser browser;
        QDesktopServices::setUrlHandler(QStringLiteral("http"), &browser, "open");
        auto unregister = qScopeGuard([] { QDesktopServices::unsetUrlHandler(QStringLiteral("http")); });

        QTemporaryDir dir;
        SystemClock clock;
        auto session = Test::openSamSession(dir.filePath(QStringLiteral("g.sqlite")), clock);
        QVERIFY(session.ok());
        MainWindow window(session->get());
        window.show();
        window.findChild<QAction*>(QStringLiteral("mailAccountsAction"))->trigger();
        auto* dialog = window.findChild<MailAccountsDialog*>(QStringLiteral("mailAccountsDialog"));
        QVERIFY(dialog);

        // The Gmail search: the default until the user narrows it; used from the next sync.
        QLineEdit* search = dialog->gmailQueryEdit();
        QVERIFY(search->text().isEmpty());
        QVERIFY(search->placeholderText().contains(QStringLiteral("category:purchases")));
        QTest::keyClicks(search, QStringLiteral("from:receipts@cornerbooks.example"));
        QTest::keyClick(search, Qt::Key_Return);

        bool signedIn = false;
        QTimer::singleShot(0, this, [&] {
            auto* signIn = dialog->findChild<OAuthSignInDialog*>(QStringLiteral("oauthSignInDialog"));
            QVERIFY(signIn);
            // No client id built in: the registration fields are open, and signing in without one says so.
            QVERIFY(signIn->clientIdEdit()->isVisible());
            auto* button = signIn->findChild<QPushButton*>(QStringLiteral("signIn"));
            QTest::mouseClick(button, Qt::LeftButton);
            QVERIFY(signIn->statusLabel()->text().contains(QStringLiteral("client id")));
            QVERIFY(browser.opened.isEmpty());
            QTest::keyClicks(signIn->clientIdEdit(), Test::FakeOAuthServer::clientId());
            QTest::keyClicks(signIn->clientSecretEdit(), Test::FakeOAuthServer::clientSecret());
            Test::screenshot(signIn, QStringLiteral("mail-connect-gmail"));
            QTest::mouseClick(button, Qt::LeftButton);
            signedIn = true;
        });
        dialog->addOAuthAccount(MailProvider::Gmail); // modal until connected
        QVERIFY(signedIn);
        QCOMPARE(browser.opened.size(), 1);
        QCOMPARE(browser.opened.first().host(), QStringLiteral("127.0.0.1"));
        QTRY_VERIFY(browser.lastPage.contains("You are signed in"));
        // The registration is remembered for next time.
        QCOMPARE(OAuthConfig::fromSettings(MailProvider::Gmail).clientId, Test::FakeOAuthServer::clientId());

        const qint64 userId = (*session)->userId();
        auto* accounts = (*session)->mailAccounts();
        auto account = accounts->findByEmail(userId, MailProvider::Gmail, QStringLiteral("pat@gmail.example"));
        QVERIFY(account.ok());
        QCOMPARE(account->authMethod, MailAuthMethod::OAuth);
        QCOMPARE(account->displayName, QStringLiteral("Pat Doe"));
        QVERIFY(account->tokenExpiry > QDateTime::currentDateTimeUtc());
        QVERIFY(account->scopes.contains(google.mailScope()));
        QTreeWidget* list = dialog->list();
        QCOMPARE(list->topLevelItemCount(), 1);
        QCOMPARE(list->topLevelItem(0)->text(0), QStringLiteral("Pat Doe <pat@gmail.example>"));
        // The first sync runs by itself, through the Gmail API with the new token; the receipt waits for review.
        QTRY_COMPARE_WITH_TIMEOUT(list->topLevelItem(0)->text(3), QStringLiteral("1 (1 with a purchase)"), 30'000);
        QCOMPARE(list->topLevelItem(0)->text(1), QStringLiteral("Connected"));
        Test::screenshot(dialog, QStringLiteral("mail-accounts-gmail"));
        QVERIFY(!gmail.requests().isEmpty());
        bool searched = false;
        for (const Test::FakeApiRequest& request : gmail.requests())
            searched = searched
                || request.query.queryItemValue(QStringLiteral("q"), QUrl::FullyDecoded)
                       .startsWith(QStringLiteral("(from:receipts@cornerbooks.example) after:"));
        QVERIFY(searched);
        TransactionFilter review;
        review.reviewBelow = 0.9;
        const auto waiting = (*session)->transactions()->list((*session)->userId(), review, {}, 10);
        QVERIFY(waiting.ok());
        QCOMPARE(waiting->size(), 1);
        QCOMPARE(waiting->first().amount.minor(), 3120);
        QCOMPARE(waiting->first().source, TransactionSource::Gmail);

        // The tokens are in the real keychain, under the documented key, and nowhere in the database.
        SecretStore keychain;
        std::optional<QString> stored;
        keychain.read(QStringLiteral("mail:gmail:pat@gmail.example"), this,
                      [&stored](Result<SecretStore::Secret> secret) {
                          stored = secret ? secret->value.value_or(QString()) : QString();
                      });
        QTRY_VERIFY(stored.has_value());
        QVERIFY(stored->contains(google.lastRefreshToken()));
        QFile file(dir.filePath(QStringLiteral("g.sqlite")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains(google.lastRefreshToken().toUtf8()));

        // Google ends the grant (password changed): the next sync is refused, the token cannot be renewed, and the
        // user hears about it through the window (and the tray, which listens to the same signal).
        QSignalSpy attention(&window, &MainWindow::attentionNeeded);
        google.revokeAllGrants();
        dialog->syncSelected();
        QVERIFY(attention.wait(30'000));
        QVERIFY2(attention.first().first().toString().contains(QStringLiteral("pat@gmail.example")),
                 qPrintable(attention.first().first().toString()));
        QTRY_COMPARE(list->topLevelItem(0)->text(1), QStringLiteral("Sign in again"));

        // Google revoked the grant: the account waits for a sign-in; Sign In Again brings it back.
        QVERIFY(accounts->markRevoked(userId, account->id, QDateTime::currentDateTimeUtc()));
        list->topLevelItem(0)->setSelected(true);
        auto* again = dialog->findChild<QPushButton*>(QStringLiteral("signInAgain"));
        QVERIFY(again->isEnabled());
        QTimer::singleShot(0, this, [&] {
            auto* signIn = dialog->findChild<OAuthSignInDialog*>(QStringLiteral("oauthSignInDialog"));
            QVERIFY(signIn);
            QVERIFY(!signIn->clientIdEdit()->isVisible()); // remembered: folded away
            QTest::mouseClick(signIn->findChild<QPushButton*>(QStringLiteral("signIn")), Qt::LeftButton);
        });
        QTest::mouseClick(again, Qt::LeftButton);
        QCOMPARE(browser.opened.size(), 2);
        QCOMPARE(accounts->list(userId)->size(), 1);
        QVERIFY(!accounts->find(userId, account->id)->isRevoked());
        QVERIFY(accounts->find(userId, account->id)->isActive);

        // Disconnect: the grant is revoked at Google, the keychain entry and the account are gone.
        const QString refresh = google.lastRefreshToken();
        QVERIFY(google.isRefreshTokenValid(refresh));
        MessageBox::setNextAnswer(QMessageBox::Yes);
        dialog->disconnectSelected();
        QTRY_COMPARE(list->topLevelItemCount(), 0);
        QCOMPARE(google.revocationRequests().size(), 1);
        QVERIFY(!google.isRefreshTokenValid(refresh));
        stored.reset();
        keychain.read(QStringLiteral("mail:gmail:pat@gmail.example"), this,
                      [&stored](Result<SecretStore::Secret> secret) {
                          stored = secret ? secret->value.value_or(QString()) : QStringLiteral("error");
                      });
        QTRY_VERIFY(stored.has_value());
        QVERIFY(stored->isEmpty());
    }

    // A declined consent leaves the dialog open with the reason and connects nothing.
    void declinedOutlookSignInConnectsNothing()
    {
        Test::FakeOAuthServer microsoft(Test::FakeOAuthServer::Flavour::Microsoft);
        microsoft.setConsent(Test::FakeOAuthServer::Consent::Deny);
        {
            QSettings settings;
            settings.beginGroup(OAuthConfig::settingsGroup(MailProvider::Outlook));
            settings.setValue(QStringLiteral("authorizationUrl"), microsoft.authorizationUrl().toString());
            settings.setValue(QStringLiteral("tokenUrl"), microsoft.tokenUrl().toString());
            settings.setValue(QStringLiteral("clientId"), Test::FakeOAuthServer::clientId());
        }
        Test::TestBrowser browser;
        QDesktopServices::setUrlHandler(QStringLiteral("http"), &browser, "open");
        auto unregister = qScopeGuard([] { QDesktopServices::unsetUrlHandler(QStringLiteral("http")); });

        QTemporaryDir dir;
        SystemClock clock;
        auto session = Test::openSamSession(dir.filePath(QStringLiteral("o.sqlite")), clock);
        QVERIFY(session.ok());
        MainWindow window(session->get());
        window.findChild<QAction*>(QStringLiteral("mailAccountsAction"))->trigger();
        auto* dialog = window.findChild<MailAccountsDialog*>(QStringLiteral("mailAccountsDialog"));
        QString status;
        QTimer::singleShot(0, this, [&] {
            auto* signIn = dialog->findChild<OAuthSignInDialog*>(QStringLiteral("oauthSignInDialog"));
            QVERIFY(signIn);
            QCOMPARE(signIn->windowTitle(), QStringLiteral("Connect Outlook"));
            QVERIFY(!signIn->clientSecretEdit()); // Microsoft public clients have none
            QTest::mouseClick(signIn->findChild<QPushButton*>(QStringLiteral("signIn")), Qt::LeftButton);
            QTRY_VERIFY(signIn->statusLabel()->text().contains(QStringLiteral("declined")));
            status = signIn->statusLabel()->text();
            Test::screenshot(signIn, QStringLiteral("mail-connect-outlook-declined"));
            signIn->reject();
        });
        dialog->addOAuthAccount(MailProvider::Outlook);
        QVERIFY2(status.contains(QStringLiteral("declined")), qPrintable(status));
        QCOMPARE((*session)->mailAccounts()->list((*session)->userId())->size(), 0);
        QVERIFY(microsoft.tokenRequests().isEmpty());
    }
};

QTEST_MAIN(TestMailAccounts)
#include "tst_mailaccounts.moc"
