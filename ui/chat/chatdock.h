#pragma once

#include "ai/assistantanswer.h"

#include <QDockWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QPushButton;
class QToolButton;
class QWidget;

namespace Moniagent {

class ChatController;
class ChatSessionRepository;
class ChatTranscript;

// The assistant's dock: the conversations of the profile (titled from their first question; rename, archive,
// delete), the conversation with streamed answers, a Stop button, suggested questions for a new conversation,
// proposed changes as buttons the user confirms, and a question field (Ctrl+K from anywhere in the window).
class ChatDock : public QDockWidget
{
    Q_OBJECT

public:
    ChatDock(ChatController* controller, ChatSessionRepository* sessions, qint64 userId, QWidget* parent = nullptr);

    ChatController* controller() const { return m_controller; }
    ChatTranscript* transcript() const { return m_transcript; }
    QLineEdit* questionEdit() const { return m_question; }
    QListWidget* sessionList() const { return m_sessions; }

    // Shows the dock and puts the cursor in the question field; with text, that question is filled in (not sent).
    void focusQuestion(const QString& question = {});
    // Sends what is in the question field.
    void send();
    void copyLastAnswer();
    // Says which assistant answers and, when given, why (e.g. the key could not be read).
    void setNotice(const QString& notice);
    // The suggestions shown for a new conversation.
    static QStringList suggestedQuestions();

Q_SIGNALS:
    void transactionsRequested(const Moniagent::TransactionFilter& filter);
    // The user clicked a proposed change; the window confirms and applies it.
    void proposalActivated(const Moniagent::ProposedAction& action);

private:
    void reloadSessions();
    void selectCurrentSession();
    void onSessionActivated(QListWidgetItem* item);
    void showSessionMenu(const QPoint& pos);
    void renameSession(QListWidgetItem* item);
    void removeSession(QListWidgetItem* item);
    void setArchived(QListWidgetItem* item, bool archived);
    void onBusyChanged(bool busy);
    void updateSuggestions();
    void updateProposals();
    void updateAssistantLabel();
    void onConversationReset();

    ChatController* m_controller;
    ChatSessionRepository* m_sessionStore;
    qint64 m_userId;
    QListWidget* m_sessions;
    QCheckBox* m_showArchived;
    ChatTranscript* m_transcript;
    QWidget* m_suggestions;
    QWidget* m_proposals;
    QLabel* m_assistantLabel;
    QLabel* m_progress;
    QLineEdit* m_question;
    QPushButton* m_send;
    QToolButton* m_copy;
    bool m_reloading = false;
};

} // namespace Moniagent
