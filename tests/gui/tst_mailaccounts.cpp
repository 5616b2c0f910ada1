// Tools › Mail Accounts driven offscreen against a real Dovecot and the test keychain: add an IMAP account (trusting
// its self-signed certificate when asked), the first sync runs by itself, the list shows it connected with its
// messages, and the receipt waits in the review queue.
#include "common/messagebox.h"
#include "core/clock.h"
#include "dovecotserver.h"
#include "guitest.h"
#include "mail/imapaccountdialog.h"
#include "mail/mailaccountsdialog.h"
#include "mail/mailintegration.h"
#include "mainwindow.h"
#include "session/session.h"

#include <QAction>
#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

using namespace Moniagent;

class TestMailAccounts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
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

        // Disconnect after confirming: the account goes, the transaction stays.
        MessageBox::setNextAnswer(QMessageBox::Yes);
        dialog->disconnectSelected();
        QTRY_COMPARE(list->topLevelItemCount(), 0);
        QCOMPARE((*session)->transactions()->list((*session)->userId(), {}, {}, 10)->size(), 1);
    }
};

QTEST_MAIN(TestMailAccounts)
#include "tst_mailaccounts.moc"
