#pragma once

#include "ai/assistantanswer.h"
#include "core/chatmessage.h"

#include <QList>
#include <QObject>
#include <QString>

namespace Moniagent {

// Answers questions about the current profile's money. Two implementations: the built-in OfflineAssistant
// (the default; maps common English and German questions to the tools) and the LlmAssistant (a language model
// calling the same tools). Both work off the GUI thread and report through signals on the thread that
// created them; at most one question is in flight at a time.
class Assistant : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    // Starts answering `question`. `history` is the conversation so far (oldest first) for follow-ups; the
    // offline assistant may ignore it. Emits textDelta() zero or more times, then exactly one of finished(),
    // failed() or cancelled().
    virtual void ask(const QString& question, const QList<ChatMessage>& history = {}) = 0;
    // Stops the answer in flight (a stream, a tool call, a retry wait); cancelled() follows.
    virtual void cancel() = 0;
    virtual bool isBusy() const = 0;
    // Shown in the chat ("Offline assistant", "gpt-4o-mini via OpenAI").
    virtual QString displayName() const = 0;

Q_SIGNALS:
    // A piece of streamed answer text (Markdown), to append to what came before.
    void textDelta(const QString& text);
    // Something is happening that takes time ("Looking up your spending…").
    void progress(const QString& message);
    // The complete answer. Its text is the whole text (it supersedes the streamed pieces).
    void finished(const Moniagent::AssistantAnswer& answer);
    // A clear, translated message ("The assistant could not reach http://localhost:11434: connection
    // refused"). Nothing was written.
    void failed(const QString& message);
    void cancelled();
};

} // namespace Moniagent
