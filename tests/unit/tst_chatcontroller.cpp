#include "ai/assistant.h"
#include "ai/chatcontroller.h"
#include "db/chatmessagerepository.h"
#include "db/chatsessionrepository.h"
#include "testdatabase.h"

#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace Moniagent;

namespace {

// An assistant whose behaviour each test scripts: it streams the given pieces one event-loop turn apart, then
// finishes with `answer`, or fails, or waits to be cancelled. It records what it was asked.
class ScriptedAssistant : public Assistant
{
public:
    enum class Ending
    {
        Finish,
        Fail,
        Hang
    };

    QStringList pieces;
    AssistantAnswer answer;
    Ending ending = Ending::Finish;
    QString question;
    QList<ChatMessage> history;

    void ask(const QString& q, const QList<ChatMessage>& h) override
    {
        question = q;
        history = h;
        m_busy = true;
        m_step = 0;
        QTimer::singleShot(0, this, [this]() { step(); });
    }
    void cancel() override
    {
        if (!m_busy)
            return;
        m_busy = false;
        Q_EMIT cancelled();
    }
    bool isBusy() const override { return m_busy; }
    QString displayName() const override { return QStringLiteral("Scripted"); }

private:
    void step()
    {
        if (!m_busy)
            return;
        if (m_step < pieces.size()) {
            Q_EMIT textDelta(pieces.at(m_step++));
            QTimer::singleShot(0, this, [this]() { step(); });
            return;
        }
        if (ending == Ending::Hang)
            return;
        m_busy = false;
        if (ending == Ending::Fail)
            Q_EMIT failed(QStringLiteral("The server said no."));
        else
            Q_EMIT finished(answer);
    }

    bool m_busy = false;
    int m_step = 0;
};

} // namespace

class TestChatController : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_db = std::make_unique<Test::TestDatabase>();
        QVERIFY(m_db->isValid());
        m_user = m_db->createUser(QStringLiteral("sam"));
        m_other = m_db->createUser(QStringLiteral("alex"));
        m_sessions = std::make_unique<ChatSessionRepository>(m_db->database());
        m_messages = std::make_unique<ChatMessageRepository>(m_db->database());
    }

    void titleIsTheFirstLineShortened()
    {
        QCOMPARE(ChatController::titleFor(QStringLiteral("  How much\n on food?  ")),
                 QStringLiteral("How much on food?"));
        const QString longQuestion = QStringLiteral("How much did I spend on eating out in restaurants and cafés last "
                                                    "month compared with October of last year?");
        const QString title = ChatController::titleFor(longQuestion);
        QVERIFY(title.size() <= ChatController::TitleLength);
        QVERIFY(title.endsWith(QChar(0x2026)));
        QVERIFY(longQuestion.startsWith(title.chopped(1)));
    }

    void askStoresQuestionAndStreamedAnswer()
    {
        ChatController chat(m_sessions.get(), m_messages.get(), m_user);
        ScriptedAssistant assistant;
        assistant.pieces = {QStringLiteral("You spent "), QStringLiteral("**€12.30**.")};
        assistant.answer.text = QStringLiteral("You spent **€12.30**.");
        assistant.answer.table.headers = {QStringLiteral("Category"), QStringLiteral("Spent")};
        assistant.answer.table.rows = {{QStringLiteral("Groceries"), QStringLiteral("€12.30")}};
        TransactionFilter filter;
        filter.search = QStringLiteral("tesco");
        assistant.answer.transactions = filter;
        chat.setAssistant(&assistant);
        QSignalSpy pending(&chat, &ChatController::pendingTextChanged);
        QSignalSpy busy(&chat, &ChatController::busyChanged);

        QVERIFY(chat.ask(QStringLiteral("What did I spend at Tesco?")));
        QVERIFY(chat.isBusy());
        QVERIFY(chat.sessionId() > 0);
        QCOMPARE(assistant.question, QStringLiteral("What did I spend at Tesco?"));
        QVERIFY(assistant.history.isEmpty());
        QTRY_VERIFY(!chat.isBusy());
        QCOMPARE(pending.first().first().toString(), QStringLiteral("You spent "));
        QCOMPARE(pending.last().first().toString(), QStringLiteral("You spent **€12.30**."));
        QCOMPARE(busy.count(), 2);

        const auto session = m_sessions->find(m_user, chat.sessionId());
        QVERIFY(session);
        QCOMPARE(session->title, QStringLiteral("What did I spend at Tesco?"));
        const auto stored = m_messages->list(m_user, chat.sessionId());
        QVERIFY(stored);
        QCOMPARE(stored->size(), 2);
        QCOMPARE(stored->at(0).role, ChatRole::User);
        QCOMPARE(stored->at(1).role, ChatRole::Assistant);
        QCOMPARE(stored->at(1).content, QStringLiteral("You spent **€12.30**."));
        const AssistantAnswer back = AssistantAnswer::fromJson(stored->at(1).metadata);
        QCOMPARE(back.table, assistant.answer.table);
        QVERIFY(back.transactions);
        QCOMPARE(back.transactions->search, QStringLiteral("tesco"));
        QCOMPARE(stored->at(1).metadata.value(QStringLiteral("assistant")).toString(), QStringLiteral("Scripted"));

        // A follow-up goes to the same session with the conversation so far.
        QVERIFY(chat.ask(QStringLiteral("And last month?")));
        QCOMPARE(assistant.history.size(), 2);
        QTRY_VERIFY(!chat.isBusy());
        QCOMPARE(m_messages->count(m_user, chat.sessionId()).value(), 4);
        QCOMPARE(m_sessions->list(m_user)->size(), 1);
        // The other profile sees nothing of it.
        QVERIFY(m_sessions->list(m_other)->isEmpty());
    }

    void emptyQuestionAndBusyAreRefused()
    {
        ChatController chat(m_sessions.get(), m_messages.get(), m_user);
        ScriptedAssistant assistant;
        assistant.ending = ScriptedAssistant::Ending::Hang;
        chat.setAssistant(&assistant);
        QVERIFY(!chat.ask(QStringLiteral("   ")));
        QCOMPARE(chat.sessionId(), 0);
        QVERIFY(m_sessions->list(m_user)->isEmpty());
        QVERIFY(chat.ask(QStringLiteral("first")));
        const auto second = chat.ask(QStringLiteral("second"));
        QVERIFY(!second);
        QCOMPARE(second.error().code, Error::Code::InvalidInput);
        QCOMPARE(m_messages->count(m_user, chat.sessionId()).value(), 1);
    }

    void stopKeepsWhatArrivedMarkedStopped()
    {
        ChatController chat(m_sessions.get(), m_messages.get(), m_user);
        ScriptedAssistant assistant;
        assistant.pieces = {QStringLiteral("Partial answer")};
        assistant.ending = ScriptedAssistant::Ending::Hang;
        chat.setAssistant(&assistant);
        QVERIFY(chat.ask(QStringLiteral("Tell me everything")));
        QTRY_COMPARE(chat.pendingText(), QStringLiteral("Partial answer"));
        chat.stop();
        QVERIFY(!chat.isBusy());
        const auto stored = m_messages->list(m_user, chat.sessionId());
        QCOMPARE(stored->size(), 2);
        QCOMPARE(stored->at(1).content, QStringLiteral("Partial answer"));
        QVERIFY(stored->at(1).metadata.value(QStringLiteral("stopped")).toBool());
        QVERIFY(chat.pendingText().isEmpty());
    }

    void failureStoresNoAnswer()
    {
        ChatController chat(m_sessions.get(), m_messages.get(), m_user);
        ScriptedAssistant assistant;
        assistant.pieces = {QStringLiteral("half")};
        assistant.ending = ScriptedAssistant::Ending::Fail;
        chat.setAssistant(&assistant);
        QSignalSpy failed(&chat, &ChatController::failed);
        QVERIFY(chat.ask(QStringLiteral("Anything")));
        QTRY_COMPARE(failed.count(), 1);
        QCOMPARE(failed.first().first().toString(), QStringLiteral("The server said no."));
        QCOMPARE(m_messages->count(m_user, chat.sessionId()).value(), 1);
        QVERIFY(!chat.isBusy());
    }

    void openAndRemoveSessions()
    {
        ChatController chat(m_sessions.get(), m_messages.get(), m_user);
        ScriptedAssistant assistant;
        assistant.answer.text = QStringLiteral("ok");
        chat.setAssistant(&assistant);
        QVERIFY(chat.ask(QStringLiteral("one")));
        QTRY_VERIFY(!chat.isBusy());
        const qint64 first = chat.sessionId();
        chat.newSession();
        QCOMPARE(chat.sessionId(), 0);
        QVERIFY(chat.messages().isEmpty());
        QVERIFY(chat.ask(QStringLiteral("two")));
        QTRY_VERIFY(!chat.isBusy());
        QVERIFY(chat.sessionId() != first);

        QSignalSpy reset(&chat, &ChatController::conversationReset);
        QVERIFY(chat.openSession(first));
        QCOMPARE(reset.count(), 1);
        QCOMPARE(chat.messages().size(), 2);
        QCOMPARE(chat.messages().first().content, QStringLiteral("one"));
        // Another profile's session cannot be opened.
        const qint64 foreign = m_sessions->create(m_other, QStringLiteral("theirs")).value();
        QVERIFY(!chat.openSession(foreign));
        QCOMPARE(chat.messages().size(), 2);
        QVERIFY(chat.openSession(first));
        chat.sessionRemoved(first);
        QCOMPARE(chat.sessionId(), 0);
    }

private:
    std::unique_ptr<Test::TestDatabase> m_db;
    qint64 m_user = 0;
    qint64 m_other = 0;
    std::unique_ptr<ChatSessionRepository> m_sessions;
    std::unique_ptr<ChatMessageRepository> m_messages;
};

QTEST_GUILESS_MAIN(TestChatController)
#include "tst_chatcontroller.moc"
