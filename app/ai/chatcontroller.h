#pragma once

#include "ai/assistant.h"
#include "ai/assistantanswer.h"
#include "core/chatmessage.h"
#include "core/result.h"

#include <QCoreApplication>
#include <QList>
#include <QObject>
#include <QPointer>

namespace Moniagent {

class ChatMessageRepository;
class ChatSessionRepository;

// One conversation with the assistant, kept in `chat_sessions` / `chat_messages` for the profile. The chat dock
// is its view: ask() stores the question (a new session is created and titled from its first question), hands it
// to the assistant with the conversation so far, streams the answer and stores it with its table, ledger filter,
// proposals and tool calls in the message metadata. A stopped answer keeps what had arrived, marked as stopped.
class ChatController : public QObject
{
    Q_OBJECT

public:
    static constexpr int TitleLength = 60;

    ChatController(ChatSessionRepository* sessions, ChatMessageRepository* messages, qint64 userId,
                   QObject* parent = nullptr);
    ~ChatController() override;

    // The assistant that answers (not owned). Changing it while busy stops the answer in flight.
    void setAssistant(Assistant* assistant);
    Assistant* assistant() const { return m_assistant; }

    // 0 while a new conversation has no question yet.
    qint64 sessionId() const { return m_sessionId; }
    const QList<ChatMessage>& messages() const { return m_messages; }
    Result<void> openSession(qint64 sessionId);
    // Starts an empty conversation; the session row is made with the first question.
    void newSession();
    // The session was deleted elsewhere (e.g. from the list): forget it when it is the open one.
    void sessionRemoved(qint64 sessionId);

    // Stores the question and starts answering it. Refused (InvalidInput) when empty or while busy.
    Result<void> ask(const QString& question);
    void stop();
    bool isBusy() const { return m_busy; }
    // The answer arriving now (streamed text so far).
    QString pendingText() const { return m_pending; }

    // The title a session gets from its first question: one line, at most TitleLength characters.
    static QString titleFor(const QString& question);

Q_SIGNALS:
    // The whole conversation changed (another session opened, new session).
    void conversationReset();
    void messageAdded(const Moniagent::ChatMessage& message);
    // The streamed answer so far.
    void pendingTextChanged(const QString& text);
    void progress(const QString& message);
    void busyChanged(bool busy);
    // The answer failed; nothing of it was stored.
    void failed(const QString& message);
    void sessionCreated(qint64 sessionId);

private:
    void onDelta(const QString& text);
    void onFinished(const Moniagent::AssistantAnswer& answer);
    void onFailed(const QString& message);
    void onCancelled();
    void setBusy(bool busy);
    void store(const QString& content, const QJsonObject& metadata);

    ChatSessionRepository* m_sessions;
    ChatMessageRepository* m_store;
    qint64 m_userId;
    QPointer<Assistant> m_assistant;
    qint64 m_sessionId = 0;
    QList<ChatMessage> m_messages;
    QString m_pending;
    bool m_busy = false;
};

} // namespace Moniagent
