#include "chatdock.h"

#include "ai/assistant.h"
#include "ai/chatcontroller.h"
#include "chattranscript.h"
#include "common/messagebox.h"
#include "db/chatsessionrepository.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QSplitter>
#include <QToolButton>
#include <QVBoxLayout>

namespace Moniagent {

namespace {

constexpr int SessionIdRole = Qt::UserRole + 1;
constexpr int ArchivedRole = Qt::UserRole + 2;

void clearLayout(QLayout* layout)
{
    while (QLayoutItem* item = layout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
}

} // namespace

ChatDock::ChatDock(ChatController* controller, ChatSessionRepository* sessions, qint64 userId, QWidget* parent)
    : QDockWidget(tr("Assistant"), parent)
    , m_controller(controller)
    , m_sessionStore(sessions)
    , m_userId(userId)
    , m_sessions(new QListWidget)
    , m_showArchived(new QCheckBox(tr("Show archived")))
    , m_transcript(new ChatTranscript)
    , m_suggestions(new QWidget)
    , m_proposals(new QWidget)
    , m_assistantLabel(new QLabel)
    , m_progress(new QLabel)
    , m_question(new QLineEdit)
    , m_send(new QPushButton(tr("Send")))
    , m_copy(new QToolButton)
{
    setObjectName(QStringLiteral("chatDock"));
    setAllowedAreas(Qt::LeftDockWidgetArea | Qt::RightDockWidgetArea);

    auto* content = new QWidget;
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(6);

    auto* header = new QHBoxLayout;
    auto* newChat = new QPushButton(tr("New Chat"));
    newChat->setObjectName(QStringLiteral("newChatButton"));
    newChat->setToolTip(tr("Start a new conversation"));
    connect(newChat, &QPushButton::clicked, this, [this]() {
        m_controller->newSession();
        m_question->setFocus();
    });
    m_assistantLabel->setObjectName(QStringLiteral("assistantLabel"));
    m_assistantLabel->setEnabled(false);
    m_copy->setObjectName(QStringLiteral("copyAnswerButton"));
    m_copy->setText(tr("Copy"));
    m_copy->setToolTip(tr("Copy the last answer"));
    m_copy->setAutoRaise(true);
    connect(m_copy, &QToolButton::clicked, this, &ChatDock::copyLastAnswer);
    header->addWidget(newChat);
    header->addWidget(m_assistantLabel, 1);
    header->addWidget(m_copy);
    layout->addLayout(header);

    auto* sessionsPane = new QWidget;
    auto* sessionsLayout = new QVBoxLayout(sessionsPane);
    sessionsLayout->setContentsMargins(0, 0, 0, 0);
    sessionsLayout->setSpacing(2);
    m_sessions->setObjectName(QStringLiteral("chatSessions"));
    m_sessions->setAccessibleName(tr("Conversations"));
    m_sessions->setContextMenuPolicy(Qt::CustomContextMenu);
    m_sessions->setUniformItemSizes(true);
    m_sessions->setTextElideMode(Qt::ElideRight);
    m_sessions->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_sessions->setEditTriggers(QAbstractItemView::EditKeyPressed);
    connect(m_sessions, &QListWidget::itemClicked, this, &ChatDock::onSessionActivated);
    connect(m_sessions, &QListWidget::itemActivated, this, &ChatDock::onSessionActivated);
    connect(m_sessions, &QWidget::customContextMenuRequested, this, &ChatDock::showSessionMenu);
    connect(m_sessions, &QListWidget::itemChanged, this, [this](QListWidgetItem* item) {
        if (m_reloading)
            return;
        // Renamed after the item's own signal: the list is rebuilt when the repository reports the change.
        const QString title = item->text().simplified();
        const qint64 id = item->data(SessionIdRole).toLongLong();
        QMetaObject::invokeMethod(
            this,
            [this, id, title]() {
                const auto renamed = m_sessionStore->rename(m_userId, id, title);
                if (!renamed) {
                    MessageBox::warning(this, tr("Rename Conversation"), renamed.error().message);
                    reloadSessions(); // back to the stored title
                }
            },
            Qt::QueuedConnection);
    });
    auto* deleteKey = new QAction(m_sessions);
    deleteKey->setShortcut(QKeySequence::Delete);
    deleteKey->setShortcutContext(Qt::WidgetShortcut);
    connect(deleteKey, &QAction::triggered, this, [this]() {
        if (QListWidgetItem* item = m_sessions->currentItem())
            removeSession(item);
    });
    m_sessions->addAction(deleteKey);
    m_showArchived->setObjectName(QStringLiteral("showArchivedCheck"));
    connect(m_showArchived, &QCheckBox::toggled, this, &ChatDock::reloadSessions);
    sessionsLayout->addWidget(m_sessions);
    sessionsLayout->addWidget(m_showArchived);

    auto* conversation = new QWidget;
    auto* conversationLayout = new QVBoxLayout(conversation);
    conversationLayout->setContentsMargins(0, 0, 0, 0);
    conversationLayout->setSpacing(4);
    conversationLayout->addWidget(m_transcript, 1);
    m_suggestions->setObjectName(QStringLiteral("chatSuggestions"));
    auto* suggestionsLayout = new QVBoxLayout(m_suggestions);
    suggestionsLayout->setContentsMargins(0, 0, 0, 0);
    suggestionsLayout->setSpacing(2);
    conversationLayout->addWidget(m_suggestions);
    m_proposals->setObjectName(QStringLiteral("chatProposals"));
    auto* proposalsLayout = new QVBoxLayout(m_proposals);
    proposalsLayout->setContentsMargins(0, 0, 0, 0);
    proposalsLayout->setSpacing(2);
    conversationLayout->addWidget(m_proposals);

    auto* splitter = new QSplitter(Qt::Vertical);
    splitter->setObjectName(QStringLiteral("chatSplitter"));
    splitter->addWidget(sessionsPane);
    splitter->addWidget(conversation);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 4);
    splitter->setChildrenCollapsible(true);
    layout->addWidget(splitter, 1);

    m_progress->setObjectName(QStringLiteral("chatProgress"));
    m_progress->setWordWrap(true);
    m_progress->setEnabled(false);
    m_progress->hide();
    layout->addWidget(m_progress);

    auto* input = new QHBoxLayout;
    m_question->setObjectName(QStringLiteral("chatQuestion"));
    m_question->setPlaceholderText(tr("Ask about your money…"));
    m_question->setAccessibleName(tr("Question"));
    m_question->setClearButtonEnabled(true);
    m_question->setMaxLength(4000);
    connect(m_question, &QLineEdit::returnPressed, this, &ChatDock::send);
    m_send->setObjectName(QStringLiteral("chatSendButton"));
    connect(m_send, &QPushButton::clicked, this, [this]() {
        if (m_controller->isBusy())
            m_controller->stop();
        else
            send();
    });
    auto* stopKey = new QAction(this);
    stopKey->setShortcut(QKeySequence(Qt::Key_Escape));
    stopKey->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(stopKey, &QAction::triggered, m_controller, &ChatController::stop);
    addAction(stopKey);
    input->addWidget(m_question, 1);
    input->addWidget(m_send);
    layout->addLayout(input);
    setWidget(content);

    connect(m_transcript, &ChatTranscript::transactionsRequested, this, &ChatDock::transactionsRequested);
    connect(m_controller, &ChatController::conversationReset, this, &ChatDock::onConversationReset);
    connect(m_controller, &ChatController::messageAdded, this, [this](const ChatMessage& message) {
        m_transcript->appendMessage(message);
        m_progress->hide();
        updateSuggestions();
        updateProposals();
    });
    connect(m_controller, &ChatController::pendingTextChanged, m_transcript, &ChatTranscript::setPending);
    connect(m_controller, &ChatController::progress, this, [this](const QString& message) {
        m_progress->setText(message);
        m_progress->setVisible(!message.isEmpty());
    });
    connect(m_controller, &ChatController::failed, this, [this](const QString& message) {
        m_progress->hide();
        m_transcript->setNotice(message, true);
    });
    connect(m_controller, &ChatController::busyChanged, this, &ChatDock::onBusyChanged);
    // The repository's change signal rebuilt the list before the controller knew the new session's id.
    connect(m_controller, &ChatController::sessionCreated, this, &ChatDock::selectCurrentSession);
    connect(m_sessionStore, &ChatSessionRepository::changed, this, [this](qint64 changedUser) {
        if (changedUser == m_userId)
            reloadSessions();
    });

    onBusyChanged(false);
    reloadSessions();
    onConversationReset();
}

QStringList ChatDock::suggestedQuestions()
{
    return {tr("How much did I spend last month?"),
            tr("What did I spend on eating out this month compared with last month?"),
            tr("What are my top 5 merchants this year?"),
            tr("Am I over budget?"),
            tr("Which subscriptions am I paying for?"),
            tr("What were my biggest expenses in the last 30 days?")};
}

void ChatDock::focusQuestion(const QString& question)
{
    show();
    raise();
    if (!question.isEmpty())
        m_question->setText(question);
    m_question->setFocus(Qt::ShortcutFocusReason);
    m_question->selectAll();
}

void ChatDock::send()
{
    const QString question = m_question->text();
    const auto asked = m_controller->ask(question);
    if (!asked) {
        m_transcript->setNotice(asked.error().message, true);
        return;
    }
    m_question->clear();
}

void ChatDock::setNotice(const QString& notice)
{
    updateAssistantLabel();
    m_transcript->setNotice(notice);
}

void ChatDock::copyLastAnswer()
{
    const QString text = m_transcript->lastAnswerText();
    if (!text.isEmpty())
        QApplication::clipboard()->setText(text);
}

void ChatDock::reloadSessions()
{
    const auto sessions = m_sessionStore->list(m_userId);
    if (!sessions) {
        m_transcript->setNotice(sessions.error().message, true);
        return;
    }
    m_reloading = true;
    m_sessions->clear();
    const QLocale locale;
    for (const ChatSession& session : *sessions) {
        const bool archived = session.status == ChatSessionStatus::Archived;
        if (archived && !m_showArchived->isChecked())
            continue;
        auto* item = new QListWidgetItem(session.title.isEmpty() ? tr("Untitled conversation") : session.title);
        item->setData(SessionIdRole, session.id);
        item->setData(ArchivedRole, archived);
        item->setFlags(item->flags() | Qt::ItemIsEditable);
        item->setToolTip(tr("%1 — last used %2")
                             .arg(ChatSessionEnums::displayName(session.status),
                                  locale.toString(session.updatedAt.toLocalTime(), QLocale::ShortFormat)));
        if (archived)
            item->setForeground(palette().color(QPalette::PlaceholderText));
        m_sessions->addItem(item);
    }
    m_reloading = false;
    selectCurrentSession();
}

void ChatDock::selectCurrentSession()
{
    const QSignalBlocker blocker(m_sessions);
    m_sessions->clearSelection();
    for (int i = 0; i < m_sessions->count(); ++i) {
        QListWidgetItem* item = m_sessions->item(i);
        if (item->data(SessionIdRole).toLongLong() == m_controller->sessionId()) {
            m_sessions->setCurrentItem(item);
            return;
        }
    }
}

void ChatDock::onSessionActivated(QListWidgetItem* item)
{
    if (!item)
        return;
    const qint64 id = item->data(SessionIdRole).toLongLong();
    if (id == m_controller->sessionId())
        return;
    const auto opened = m_controller->openSession(id);
    if (!opened)
        m_transcript->setNotice(opened.error().message, true);
}

void ChatDock::showSessionMenu(const QPoint& pos)
{
    QListWidgetItem* item = m_sessions->itemAt(pos);
    if (!item)
        return;
    QMenu menu(this);
    menu.addAction(tr("&Rename"), this, [this, item]() { renameSession(item); });
    const bool archived = item->data(ArchivedRole).toBool();
    menu.addAction(archived ? tr("Restore from &Archive") : tr("&Archive"), this,
                   [this, item, archived]() { setArchived(item, !archived); });
    menu.addSeparator();
    menu.addAction(tr("&Delete…"), this, [this, item]() { removeSession(item); });
    menu.exec(m_sessions->viewport()->mapToGlobal(pos));
}

void ChatDock::renameSession(QListWidgetItem* item)
{
    m_sessions->editItem(item);
}

void ChatDock::setArchived(QListWidgetItem* item, bool archived)
{
    const qint64 id = item->data(SessionIdRole).toLongLong();
    const auto changed
        = m_sessionStore->setStatus(m_userId, id, archived ? ChatSessionStatus::Archived : ChatSessionStatus::Active);
    if (!changed)
        MessageBox::warning(this, tr("Archive Conversation"), changed.error().message);
}

void ChatDock::removeSession(QListWidgetItem* item)
{
    const qint64 id = item->data(SessionIdRole).toLongLong();
    const QString title = item->text();
    if (MessageBox::question(this, tr("Delete Conversation"),
                             tr("Delete the conversation “%1” and all its messages?").arg(title),
                             QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
        != QMessageBox::Yes)
        return;
    const auto removed = m_sessionStore->remove(m_userId, id);
    if (!removed) {
        MessageBox::warning(this, tr("Delete Conversation"), removed.error().message);
        return;
    }
    m_controller->sessionRemoved(id);
}

void ChatDock::onBusyChanged(bool busy)
{
    m_send->setText(busy ? tr("Stop") : tr("Send"));
    m_send->setToolTip(busy ? tr("Stop the answer (Esc)") : tr("Send the question (Enter)"));
    m_question->setReadOnly(busy);
    if (!busy)
        m_progress->hide();
    updateAssistantLabel();
}

void ChatDock::updateAssistantLabel()
{
    Assistant* assistant = m_controller->assistant();
    m_assistantLabel->setText(assistant ? assistant->displayName() : tr("No assistant"));
}

void ChatDock::updateSuggestions()
{
    auto* layout = m_suggestions->layout();
    clearLayout(layout);
    const bool empty = m_controller->messages().isEmpty();
    m_suggestions->setVisible(empty);
    if (!empty)
        return;
    auto* title = new QLabel(tr("Try asking:"));
    title->setEnabled(false);
    layout->addWidget(title);
    for (const QString& question : suggestedQuestions()) {
        auto* button = new QPushButton(question);
        button->setObjectName(QStringLiteral("suggestionButton"));
        button->setFlat(true);
        button->setStyleSheet(QStringLiteral("text-align: left; padding: 2px 4px;"));
        // Long questions are cut at the dock's edge rather than widening it; the tooltip has them whole.
        button->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
        button->setToolTip(question);
        connect(button, &QPushButton::clicked, this, [this, question]() {
            m_question->setText(question);
            send();
        });
        layout->addWidget(button);
    }
}

void ChatDock::updateProposals()
{
    auto* layout = m_proposals->layout();
    clearLayout(layout);
    const QList<ChatMessage>& messages = m_controller->messages();
    QList<ProposedAction> proposals;
    if (!messages.isEmpty() && messages.constLast().role == ChatRole::Assistant)
        proposals = AssistantAnswer::fromJson(messages.constLast().metadata).proposals;
    m_proposals->setVisible(!proposals.isEmpty());
    for (const ProposedAction& action : proposals) {
        auto* button = new QPushButton(action.label);
        button->setObjectName(QStringLiteral("proposalButton"));
        button->setToolTip(tr("%1 — nothing changes until you confirm").arg(action.label));
        button->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
        connect(button, &QPushButton::clicked, this, [this, action]() { Q_EMIT proposalActivated(action); });
        layout->addWidget(button);
    }
}

void ChatDock::onConversationReset()
{
    m_transcript->setMessages(m_controller->messages());
    selectCurrentSession();
    updateSuggestions();
    updateProposals();
    updateAssistantLabel();
}

} // namespace Moniagent
