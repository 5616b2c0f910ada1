#include "ai/assistantselector.h"
#include "ai/chatcontroller.h"
#include "ai/offlineassistant.h"
#include "chat/chatdock.h"
#include "chat/chattranscript.h"
#include "common/messagebox.h"
#include "core/llmtransaction.h"
#include "db/aiinteractionrepository.h"
#include "db/aisettingsrepository.h"
#include "db/llmtransactionrepository.h"
#include "dialogs/aisettingswidget.h"
#include "dialogs/aiusagedialog.h"
#include "dialogs/settingsdialog.h"
#include "guitest.h"
#include "ledger/filterbar.h"
#include "ledger/ledgerpage.h"
#include "mainwindow.h"
#include "session/session.h"
#include "testdatabase.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QToolButton>
#include <QTreeWidget>

using namespace Moniagent;

// The assistant dock driven through its widgets with the real offline assistant over a real database: a typed
// question answered with the exact sum, the "Show transactions" link, suggestions, conversations kept and
// deleted, proposals that change nothing until confirmed, the usage dialog and the AI settings page.
class TestChatDock : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void askInTheDockAndSeeTheAnswer();
    void suggestionsAndConversations();
    void proposalChangesNothingUntilConfirmed();
    void usageDialogShowsTheCalls();
    void aiSettingsSayWhatLeavesTheComputer();

private:
    qint64 add(qint64 minor, const QString& merchant, QDate date, const QString& category);
    void ask(const QString& question);
    QString lastAnswer() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Test::ManualClock> m_clock;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<MainWindow> m_window;
};

void TestChatDock::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_clock = std::make_unique<Test::ManualClock>();
    m_clock->set(QDateTime(QDate(2026, 11, 15), QTime(12, 0), Qt::UTC));
    auto session = Test::openSamSession(m_dir->filePath(QStringLiteral("moniagent.sqlite")), *m_clock);
    QVERIFY(session);
    m_session = std::move(*session);
    add(1234, QStringLiteral("Tesco"), QDate(2026, 10, 3), QStringLiteral("Groceries"));
    add(4566, QStringLiteral("Lidl"), QDate(2026, 10, 20), QStringLiteral("Groceries"));
    add(999, QStringLiteral("Tesco"), QDate(2026, 11, 2), QStringLiteral("Groceries")); // this month: not counted
    add(2500, QStringLiteral("Pizza Place"), QDate(2026, 10, 9), QStringLiteral("Dining & Drinks"));
    m_window = std::make_unique<MainWindow>(m_session.get());
    m_window->resize(1280, 760);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    // Closed at first; the button beside the bell opens it.
    QVERIFY(!m_window->chatDock()->isVisible());
    QTest::mouseClick(m_window->findChild<QToolButton*>(QStringLiteral("assistantButton")), Qt::LeftButton);
    QVERIFY(m_window->chatDock()->isVisible());
}

void TestChatDock::cleanup()
{
    m_window.reset();
    m_session.reset();
    m_dir.reset();
}

qint64 TestChatDock::add(qint64 minor, const QString& merchant, QDate date, const QString& category)
{
    Transaction t = Test::TestDatabase::expense(minor, merchant, date);
    t.categoryId = m_session->categories()->findByName(m_session->userId(), category).value().id;
    t.confirmedByUser = true;
    t.categorizedBy = CategorizedBy::User;
    return m_session->transactions()->add(m_session->userId(), t).value();
}

void TestChatDock::ask(const QString& question)
{
    ChatDock* dock = m_window->chatDock();
    QTest::keyClick(m_window.get(), Qt::Key_K, Qt::ControlModifier);
    QVERIFY(dock->isVisible());
    QTRY_VERIFY(dock->questionEdit()->hasFocus());
    dock->questionEdit()->clear();
    QTest::keyClicks(dock->questionEdit(), question);
    QTest::keyClick(dock->questionEdit(), Qt::Key_Return);
    QTRY_VERIFY(!m_window->chat()->isBusy());
}

QString TestChatDock::lastAnswer() const
{
    const QList<ChatMessage>& messages = m_window->chat()->messages();
    return messages.isEmpty() || messages.constLast().role != ChatRole::Assistant ? QString()
                                                                                  : messages.constLast().content;
}

void TestChatDock::askInTheDockAndSeeTheAnswer()
{
    ChatDock* dock = m_window->chatDock();
    QVERIFY(qobject_cast<OfflineAssistant*>(m_window->chat()->assistant()));
    ask(QStringLiteral("How much did I spend on groceries last month?"));
    QVERIFY(dock->questionEdit()->text().isEmpty());
    const QString expected = Money(5800, Currency::fromCode(u"EUR")).toString(m_session->locale());
    QVERIFY2(lastAnswer().contains(expected), qPrintable(lastAnswer()));
    QVERIFY2(dock->transcript()->toPlainText().contains(expected), qPrintable(dock->transcript()->toPlainText()));
    QVERIFY(
        dock->transcript()->toPlainText().contains(QStringLiteral("How much did I spend on groceries last month?")));
    Test::screenshot(m_window.get(), QStringLiteral("chat-answer"));

    // The conversation is stored under a session titled from the question.
    QCOMPARE(dock->sessionList()->count(), 1);
    QCOMPARE(dock->sessionList()->item(0)->text(), QStringLiteral("How much did I spend on groceries last month?"));

    // "Show transactions" narrows the ledger to what the answer stands for.
    QString href;
    for (QTextBlock block = dock->transcript()->document()->begin(); block.isValid() && href.isEmpty();
         block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            if (it.fragment().charFormat().isAnchor()) {
                href = it.fragment().charFormat().anchorHref();
                break;
            }
        }
    }
    QVERIFY(href.startsWith(QStringLiteral("moniagent:transactions")));
    Q_EMIT dock->transcript()->anchorClicked(QUrl(href));
    QTRY_COMPARE(m_window->ledgerModel()->rowCount(), 2);
    QCOMPARE(m_window->ledgerPage()->filterBar()->filter().dates.from, QDate(2026, 10, 1));

    // A question it does not understand gets help, not a guess.
    ask(QStringLiteral("Please write me a poem about penguins"));
    const AssistantAnswer help = AssistantAnswer::fromJson(m_window->chat()->messages().constLast().metadata);
    QVERIFY(!help.understood);
    QVERIFY(!lastAnswer().isEmpty());
}

void TestChatDock::suggestionsAndConversations()
{
    ChatDock* dock = m_window->chatDock();
    auto* suggestions = dock->findChild<QWidget*>(QStringLiteral("chatSuggestions"));
    QVERIFY(suggestions->isVisible());
    const QList<QPushButton*> buttons = suggestions->findChildren<QPushButton*>(QStringLiteral("suggestionButton"));
    QCOMPARE(buttons.size(), ChatDock::suggestedQuestions().size());
    // Every suggestion is a question the offline assistant understands.
    for (const QString& question : ChatDock::suggestedQuestions()) {
        const AssistantAnswer answer = m_window->assistants()->offline()->answerNow(question);
        QVERIFY2(answer.understood, qPrintable(question));
    }
    QTest::mouseClick(buttons.first(), Qt::LeftButton);
    QTRY_VERIFY(!m_window->chat()->isBusy());
    QTRY_COMPARE(m_window->chat()->messages().size(), 2);
    QVERIFY(!suggestions->isVisible());
    const qint64 first = m_window->chat()->sessionId();

    // A new chat, then back to the first one from the list.
    QTest::mouseClick(dock->findChild<QPushButton*>(QStringLiteral("newChatButton")), Qt::LeftButton);
    QVERIFY(m_window->chat()->messages().isEmpty());
    QVERIFY(suggestions->isVisible());
    ask(QStringLiteral("What are my top 3 merchants last month?"));
    QVERIFY(lastAnswer().contains(QStringLiteral("Lidl")));
    QCOMPARE(dock->sessionList()->count(), 2);
    QListWidgetItem* firstItem = nullptr;
    for (int i = 0; i < dock->sessionList()->count(); ++i) {
        if (dock->sessionList()->item(i)->text() == ChatController::titleFor(ChatDock::suggestedQuestions().first()))
            firstItem = dock->sessionList()->item(i);
    }
    QVERIFY(firstItem);
    const QRect rect = dock->sessionList()->visualItemRect(firstItem);
    QTest::mouseClick(dock->sessionList()->viewport(), Qt::LeftButton, {}, rect.center());
    QCOMPARE(m_window->chat()->sessionId(), first);
    QCOMPARE(m_window->chat()->messages().size(), 2);

    // Deleting asks first; Cancel keeps it.
    dock->sessionList()->setCurrentItem(firstItem);
    dock->sessionList()->setFocus();
    MessageBox::setNextAnswer(QMessageBox::Cancel);
    QTest::keyClick(dock->sessionList(), Qt::Key_Delete);
    QCOMPARE(dock->sessionList()->count(), 2);
    MessageBox::setNextAnswer(QMessageBox::Yes);
    QTest::keyClick(dock->sessionList(), Qt::Key_Delete);
    QCOMPARE(dock->sessionList()->count(), 1);
    QCOMPARE(m_window->chat()->sessionId(), 0);
    QCOMPARE(m_session->chatSessions()->list(m_session->userId())->size(), 1);
}

void TestChatDock::proposalChangesNothingUntilConfirmed()
{
    ChatDock* dock = m_window->chatDock();
    ask(QStringLiteral("Set a budget of 300 for groceries"));
    auto* proposals = dock->findChild<QWidget*>(QStringLiteral("chatProposals"));
    QTRY_VERIFY(proposals->isVisible());
    auto* button = proposals->findChild<QPushButton*>(QStringLiteral("proposalButton"));
    QVERIFY(button);
    Test::screenshot(m_window.get(), QStringLiteral("chat-proposal"));
    QCOMPARE(m_session->budgets()->list(m_session->userId())->size(), 0);
    // The button opens the budget dialog filled in; closing it without saving leaves everything as it was.
    QTest::mouseClick(button, Qt::LeftButton);
    QDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<QDialog*>(QStringLiteral("budgetEditDialog"))) != nullptr);
    QTRY_VERIFY(dialog->isVisible());
    auto* amount = dialog->findChild<QLineEdit*>(QStringLiteral("budgetAmount"));
    QVERIFY(amount);
    QCOMPARE(Money::parse(amount->text(), Currency::fromCode(u"EUR"), m_session->locale())->minor(), 30000);
    dialog->reject();
    QCOMPARE(m_session->budgets()->list(m_session->userId())->size(), 0);
}

void TestChatDock::usageDialogShowsTheCalls()
{
    AiInteractionRepository interactions(m_session->database());
    LlmTransactionRepository calls(m_session->database());
    AiInteraction interaction;
    interaction.type = AiInteractionType::Chat;
    interaction.inputData = QStringLiteral("q");
    interaction.outputData = QStringLiteral("a");
    interaction.modelUsed = QStringLiteral("gpt-4o-mini");
    for (int i = 0; i < 3; ++i) {
        LlmTransaction call;
        call.provider = QStringLiteral("openai");
        call.modelName = QStringLiteral("gpt-4o-mini");
        call.inputTokens = 1000;
        call.outputTokens = 200;
        call.estimatedCostMicros = 270;
        call.latencyMs = 400;
        call.createdAt = m_clock->nowUtc();
        call.interactionId = interactions.add(m_session->userId(), interaction).value();
        QVERIFY(calls.add(m_session->userId(), call));
    }
    AiSettings capped;
    capped.monthlyCapMicros = 5 * LlmTransaction::MicrosPerUnit;
    QVERIFY(AiSettingsRepository(m_session->database()).save(m_session->userId(), capped));
    AiUsageDialog dialog(m_session.get(), m_window.get());
    dialog.show();
    QCOMPARE(dialog.byModel()->topLevelItemCount(), 1);
    QCOMPARE(dialog.byModel()->topLevelItem(0)->text(1), m_session->locale().toString(3));
    QCOMPARE(dialog.byModel()->topLevelItem(0)->text(4),
             LlmTransaction::formatCost(810, QStringLiteral("USD"), m_session->locale()));
    QCOMPARE(dialog.byFeature()->topLevelItemCount(), 1);
    QCOMPARE(dialog.byFeature()->topLevelItem(0)->text(0), AiInteractionEnums::displayName(AiInteractionType::Chat));
    QCOMPARE(dialog.byDay()->topLevelItemCount(), 1);
    QVERIFY(dialog.summary()->text().contains(m_session->locale().toString(3600)));
    QVERIFY(dialog.findChild<QLabel*>(QStringLiteral("usageThisMonth"))
                ->text()
                .contains(LlmTransaction::formatCost(5 * LlmTransaction::MicrosPerUnit, QStringLiteral("USD"),
                                                     m_session->locale())));
    Test::screenshot(&dialog, QStringLiteral("ai-usage"));
    dialog.setPeriod(AiUsageDialog::Period::LastMonth);
    QCOMPARE(dialog.byModel()->topLevelItemCount(), 0);
}

void TestChatDock::aiSettingsSayWhatLeavesTheComputer()
{
    SettingsDialog dialog(m_session.get(), m_window->secrets(), m_window.get());
    dialog.show();
    AiSettingsWidget* ai = dialog.aiSettings();
    QVERIFY(ai->privacyLabel()->text().contains(QStringLiteral("Nothing leaves")));
    QVERIFY(!ai->baseUrlEdit()->isEnabled());

    ai->providerCombo()->setCurrentIndex(ai->providerCombo()->findData(QStringLiteral("ollama")));
    QCOMPARE(ai->baseUrlEdit()->text(), QStringLiteral("http://localhost:11434/v1"));
    QVERIFY(ai->chatCheck()->isChecked());
    QVERIFY(ai->privacyLabel()->text().contains(QStringLiteral("Nothing leaves this computer")));

    ai->providerCombo()->setCurrentIndex(ai->providerCombo()->findData(QStringLiteral("openai")));
    QVERIFY(ai->privacyLabel()->text().contains(QStringLiteral("api.openai.com")));
    // Each switched-on feature says what it sends.
    auto* email = ai->findChild<QCheckBox*>(QStringLiteral("aiEmail"));
    auto* categorization = ai->findChild<QCheckBox*>(QStringLiteral("aiCategorization"));
    QVERIFY(email && categorization && email->isEnabled() && categorization->isEnabled());
    QVERIFY(!ai->privacyLabel()->text().contains(QStringLiteral("Emails that")));
    QTest::mouseClick(email, Qt::LeftButton, {}, QPoint(8, email->height() / 2));
    QVERIFY(email->isChecked());
    QVERIFY(ai->privacyLabel()->text().contains(QStringLiteral("Emails that the built-in reader")));
    QVERIFY(!ai->privacyLabel()->text().contains(QStringLiteral("receipts and emails are not sent")));
    ai->chatCheck()->setChecked(false);
    email->setChecked(false);
    QVERIFY(ai->privacyLabel()->text().contains(QStringLiteral("Nothing leaves")));
    categorization->setChecked(true);
    QVERIFY(ai->privacyLabel()->text().contains(QStringLiteral("names of your categories")));
    QVERIFY(!ai->privacyLabel()->text().contains(QStringLiteral("When you ask the assistant")));
    categorization->setChecked(false);
    auto* receipts = ai->findChild<QCheckBox*>(QStringLiteral("aiReceipts"));
    QVERIFY(receipts && receipts->isEnabled());
    QTest::mouseClick(receipts, Qt::LeftButton, {}, QPoint(8, receipts->height() / 2));
    QVERIFY(receipts->isChecked());
    QVERIFY(ai->privacyLabel()->text().contains(QStringLiteral("the text it read from the receipt (not the image)")));
    QVERIFY(ai->privacyLabel()->text().contains(QStringLiteral("receipt images and emails are not sent")));
    receipts->setChecked(false);
    ai->chatCheck()->setChecked(true);
    auto* tabs = dialog.findChild<QTabWidget*>(QStringLiteral("settingsTabs"));
    tabs->setCurrentWidget(ai->parentWidget());
    Test::screenshot(&dialog, QStringLiteral("ai-settings"));

    // A wrong address keeps the dialog open and saves nothing.
    ai->baseUrlEdit()->setText(QStringLiteral("not a url"));
    MessageBox::setNextAnswer(QMessageBox::Ok);
    dialog.accept();
    QVERIFY(dialog.isVisible());
    AiSettingsRepository repository(m_session->database());
    QCOMPARE(repository.settings(m_session->userId())->provider, AiSettings::Provider::None);

    ai->baseUrlEdit()->setText(QStringLiteral("http://127.0.0.1:9/v1"));
    ai->modelCombo()->setEditText(QStringLiteral("llama3.2"));
    categorization->setChecked(true);
    QVERIFY(!m_session->categorizer()->settings().useLlm);
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    // The one switch for asking the model about unsure categories reaches the categorizer.
    QVERIFY(m_session->categorizer()->settings().useLlm);
    const AiSettings saved = repository.settings(m_session->userId()).value();
    QCOMPARE(saved.provider, AiSettings::Provider::OpenAi);
    QCOMPARE(saved.baseUrl, QStringLiteral("http://127.0.0.1:9/v1"));
    QCOMPARE(saved.model, QStringLiteral("llama3.2"));
    QVERIFY(saved.features.chat);

    // The window's assistant follows the settings: the language model now, the offline one when switched off.
    m_window->assistants()->reload();
    QTRY_VERIFY(qobject_cast<OfflineAssistant*>(m_window->chat()->assistant()) == nullptr);
    QVERIFY(m_window->chat()->assistant()->displayName().contains(QStringLiteral("llama3.2")));
    AiSettings off = saved;
    off.features.chat = false;
    QVERIFY(repository.save(m_session->userId(), off));
    m_window->assistants()->reload();
    QTRY_VERIFY(qobject_cast<OfflineAssistant*>(m_window->chat()->assistant()) != nullptr);
}

QTEST_MAIN(TestChatDock)
#include "tst_chatdock.moc"
