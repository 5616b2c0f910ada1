#include "chatcontroller.h"

#include "ai/assistant.h"
#include "db/chatmessagerepository.h"
#include "db/chatsessionrepository.h"

namespace Moniagent {

ChatController::ChatController(ChatSessionRepository* sessions, ChatMessageRepository* messages, qint64 userId,
                               QObject* parent)
    : QObject(parent)
    , m_sessions(sessions)
    , m_store(messages)
    , m_userId(userId)
{ }

ChatController::~ChatController()
{
    if (m_assistant && m_busy) {
        disconnect(m_assistant, nullptr, this, nullptr);
        m_assistant->cancel();
    }
}

void ChatController::setAssistant(Assistant* assistant)
{
    if (assistant == m_assistant)
        return;
    if (m_assistant) {
        disconnect(m_assistant, nullptr, this, nullptr);
        if (m_busy) {
            m_assistant->cancel();
            onCancelled();
        }
    }
    m_assistant = assistant;
    if (!assistant)
        return;
    connect(assistant, &Assistant::textDelta, this, &ChatController::onDelta);
    connect(assistant, &Assistant::progress, this, &ChatController::progress);
    connect(assistant, &Assistant::finished, this, &ChatController::onFinished);
    connect(assistant, &Assistant::failed, this, &ChatController::onFailed);
    connect(assistant, &Assistant::cancelled, this, &ChatController::onCancelled);
}

Result<void> ChatController::openSession(qint64 sessionId)
{
    auto session = m_sessions->find(m_userId, sessionId);
    if (!session)
        return session.error();
    auto messages = m_store->list(m_userId, sessionId);
    if (!messages)
        return messages.error();
    stop();
    m_sessionId = sessionId;
    m_messages = *messages;
    m_pending.clear();
    Q_EMIT conversationReset();
    return {};
}

void ChatController::newSession()
{
    stop();
    m_sessionId = 0;
    m_messages.clear();
    m_pending.clear();
    Q_EMIT conversationReset();
}

void ChatController::sessionRemoved(qint64 sessionId)
{
    if (sessionId != 0 && sessionId == m_sessionId)
        newSession();
}

QString ChatController::titleFor(const QString& question)
{
    QString title = question.simplified();
    if (title.size() > TitleLength) {
        title.truncate(TitleLength - 1);
        const qsizetype space = title.lastIndexOf(QLatin1Char(' '));
        if (space > TitleLength / 2)
            title.truncate(space);
        title += QChar(0x2026);
    }
    return title;
}

Result<void> ChatController::ask(const QString& question)
{
    const QString text = question.trimmed();
    if (text.isEmpty())
        return Error::invalidInput(tr("Type a question first."));
    if (m_busy)
        return Error::invalidInput(tr("The assistant is still answering the last question."));
    if (!m_assistant)
        return Error::invalidInput(tr("No assistant is available."));

    const QList<ChatMessage> history = m_messages;
    if (m_sessionId == 0) {
        auto created = m_sessions->create(m_userId, titleFor(text));
        if (!created)
            return created.error();
        m_sessionId = *created;
        Q_EMIT sessionCreated(m_sessionId);
    }
    auto id = m_store->add(m_userId, m_sessionId, ChatRole::User, text);
    if (!id)
        return id.error();
    ChatMessage message;
    message.id = *id;
    message.sessionId = m_sessionId;
    message.role = ChatRole::User;
    message.content = text;
    message.createdAt = QDateTime::currentDateTimeUtc();
    m_messages.append(message);
    Q_EMIT messageAdded(message);

    m_pending.clear();
    setBusy(true);
    m_assistant->ask(text, history);
    return {};
}

void ChatController::stop()
{
    if (m_busy && m_assistant)
        m_assistant->cancel();
}

void ChatController::onDelta(const QString& text)
{
    if (!m_busy)
        return;
    m_pending += text;
    Q_EMIT pendingTextChanged(m_pending);
}

void ChatController::store(const QString& content, const QJsonObject& metadata)
{
    auto id = m_store->add(m_userId, m_sessionId, ChatRole::Assistant, content, metadata);
    if (!id) {
        Q_EMIT failed(tr("The answer could not be saved: %1").arg(id.error().message));
        return;
    }
    ChatMessage message;
    message.id = *id;
    message.sessionId = m_sessionId;
    message.role = ChatRole::Assistant;
    message.content = content;
    message.metadata = metadata;
    message.createdAt = QDateTime::currentDateTimeUtc();
    m_messages.append(message);
    Q_EMIT messageAdded(message);
}

void ChatController::onFinished(const AssistantAnswer& answer)
{
    if (!m_busy)
        return;
    m_pending.clear();
    QJsonObject metadata = answer.toJson();
    metadata.remove(QStringLiteral("text"));
    if (m_assistant)
        metadata.insert(QStringLiteral("assistant"), m_assistant->displayName());
    setBusy(false);
    store(answer.text, metadata);
}

void ChatController::onFailed(const QString& message)
{
    if (!m_busy)
        return;
    m_pending.clear();
    setBusy(false);
    Q_EMIT failed(message);
}

void ChatController::onCancelled()
{
    if (!m_busy)
        return;
    const QString partial = m_pending;
    m_pending.clear();
    setBusy(false);
    if (!partial.trimmed().isEmpty())
        store(partial, QJsonObject {{QStringLiteral("stopped"), true}});
    else
        Q_EMIT pendingTextChanged(QString());
}

void ChatController::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    Q_EMIT busyChanged(busy);
}

} // namespace Moniagent
