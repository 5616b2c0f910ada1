#pragma once

#include "ai/assistantanswer.h"
#include "core/chatmessage.h"

#include <QTextBrowser>

namespace Moniagent {

// The conversation of the chat dock: questions and answers rendered from Markdown, each answer's table, a
// "Show transactions" link when the answer stands for a part of the ledger, and the answer that is arriving.
// Links use the scheme "moniagent:" and are reported, never opened.
class ChatTranscript : public QTextBrowser
{
    Q_OBJECT

public:
    explicit ChatTranscript(QWidget* parent = nullptr);

    void setMessages(const QList<ChatMessage>& messages);
    void appendMessage(const ChatMessage& message);
    // The answer arriving now; empty removes it.
    void setPending(const QString& text);
    // A line under the conversation for an error or a notice ("Stopped."); empty removes it.
    void setNotice(const QString& text, bool error = false);

    // The plain text of the last answer (for Copy).
    QString lastAnswerText() const;
    // Renders one answer as HTML table markup (exposed for tests of the formatting).
    static QString tableHtml(const AnswerTable& table);

Q_SIGNALS:
    void transactionsRequested(const Moniagent::TransactionFilter& filter);

private:
    void render();
    // Redraws what follows the stored messages: the arriving answer and the notice.
    void redrawTail();
    void onAnchor(const QUrl& url);
    void insertMessage(class QTextCursor& cursor, const ChatMessage& message, int index);
    void scrollToEnd();

    QList<ChatMessage> m_messages;
    QString m_pending;
    QString m_notice;
    bool m_noticeIsError = false;
    int m_fixedEnd = 0; // document position after the stored messages
};

} // namespace Moniagent
