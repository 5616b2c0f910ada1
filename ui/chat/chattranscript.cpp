#include "chattranscript.h"

#include <QPalette>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFrame>
#include <QUrlQuery>

namespace Moniagent {

namespace {

const QString LinkScheme = QStringLiteral("moniagent");

QString escaped(const QString& text)
{
    return text.toHtmlEscaped();
}

} // namespace

ChatTranscript::ChatTranscript(QWidget* parent)
    : QTextBrowser(parent)
{
    setObjectName(QStringLiteral("chatTranscript"));
    setOpenLinks(false);
    setOpenExternalLinks(false);
    setUndoRedoEnabled(false);
    setAccessibleName(tr("Conversation"));
    document()->setDocumentMargin(8);
    connect(this, &QTextBrowser::anchorClicked, this, &ChatTranscript::onAnchor);
}

void ChatTranscript::setMessages(const QList<ChatMessage>& messages)
{
    m_messages = messages;
    m_pending.clear();
    m_notice.clear();
    render();
}

void ChatTranscript::appendMessage(const ChatMessage& message)
{
    m_messages.append(message);
    m_pending.clear();
    if (message.role == ChatRole::User)
        m_notice.clear();
    render();
}

void ChatTranscript::setPending(const QString& text)
{
    if (text == m_pending)
        return;
    m_pending = text;
    redrawTail();
}

void ChatTranscript::setNotice(const QString& text, bool error)
{
    m_notice = text;
    m_noticeIsError = error;
    redrawTail();
}

void ChatTranscript::redrawTail()
{
    // Only the tail changes while an answer streams in: replace what follows the stored messages.
    QTextCursor cursor(document());
    cursor.setPosition(std::min(m_fixedEnd, document()->characterCount() - 1));
    cursor.movePosition(QTextCursor::End, QTextCursor::KeepAnchor);
    cursor.removeSelectedText();
    if (!m_pending.isEmpty()) {
        cursor.insertBlock();
        cursor.insertMarkdown(m_pending);
    }
    if (!m_notice.isEmpty()) {
        cursor.insertBlock();
        cursor.insertHtml(
            QStringLiteral("<p style=\"color:%1\">%2</p>")
                .arg(m_noticeIsError ? QStringLiteral("#b3261e") : palette().color(QPalette::PlaceholderText).name(),
                     escaped(m_notice)));
    }
    scrollToEnd();
}

QString ChatTranscript::lastAnswerText() const
{
    for (auto it = m_messages.crbegin(); it != m_messages.crend(); ++it) {
        if (it->role == ChatRole::Assistant)
            return it->content;
    }
    return {};
}

QString ChatTranscript::tableHtml(const AnswerTable& table)
{
    QString html = QStringLiteral("<table cellspacing=\"0\" cellpadding=\"3\" border=\"0\" width=\"100%\">");
    if (!table.headers.isEmpty()) {
        html += QStringLiteral("<tr>");
        for (int column = 0; column < table.headers.size(); ++column) {
            html += QStringLiteral("<th align=\"%1\">%2</th>")
                        .arg(table.numericColumns.contains(column) ? QStringLiteral("right") : QStringLiteral("left"),
                             escaped(table.headers.at(column)));
        }
        html += QStringLiteral("</tr>");
    }
    for (const QStringList& row : table.rows) {
        html += QStringLiteral("<tr>");
        for (int column = 0; column < row.size(); ++column) {
            html += QStringLiteral("<td align=\"%1\">%2</td>")
                        .arg(table.numericColumns.contains(column) ? QStringLiteral("right") : QStringLiteral("left"),
                             escaped(row.at(column)));
        }
        html += QStringLiteral("</tr>");
    }
    html += QStringLiteral("</table>");
    return html;
}

void ChatTranscript::insertMessage(QTextCursor& cursor, const ChatMessage& message, int index)
{
    if (index > 0)
        cursor.insertBlock();
    if (message.role == ChatRole::User) {
        QTextBlockFormat format;
        format.setBackground(palette().color(QPalette::AlternateBase));
        format.setTopMargin(index > 0 ? 10 : 0);
        format.setBottomMargin(4);
        format.setLeftMargin(4);
        format.setRightMargin(4);
        cursor.setBlockFormat(format);
        QTextCharFormat bold;
        bold.setFontWeight(QFont::DemiBold);
        cursor.insertText(message.content, bold);
        cursor.setBlockFormat(QTextBlockFormat());
        cursor.setCharFormat(QTextCharFormat());
        return;
    }
    cursor.setBlockFormat(QTextBlockFormat());
    cursor.setCharFormat(QTextCharFormat());
    cursor.insertMarkdown(message.content);
    const AssistantAnswer answer = AssistantAnswer::fromJson(message.metadata);
    if (!answer.table.isEmpty()) {
        cursor.insertBlock();
        cursor.insertHtml(tableHtml(answer.table));
    }
    if (answer.transactions) {
        cursor.insertBlock();
        QUrl url;
        url.setScheme(LinkScheme);
        url.setPath(QStringLiteral("transactions"));
        url.setQuery(QStringLiteral("message=%1").arg(index));
        cursor.insertHtml(QStringLiteral("<a href=\"%1\">%2</a>")
                              .arg(url.toString().toHtmlEscaped(), escaped(tr("Show transactions"))));
    }
    if (message.metadata.value(QStringLiteral("stopped")).toBool()) {
        cursor.insertBlock();
        cursor.insertHtml(QStringLiteral("<i>%1</i>").arg(escaped(tr("(stopped)"))));
    }
}

void ChatTranscript::render()
{
    document()->clear();
    QTextCursor cursor(document());
    for (int i = 0; i < m_messages.size(); ++i)
        insertMessage(cursor, m_messages.at(i), i);
    cursor.movePosition(QTextCursor::End);
    m_fixedEnd = cursor.position();
    redrawTail();
}

void ChatTranscript::onAnchor(const QUrl& url)
{
    if (url.scheme() != LinkScheme || url.path() != QLatin1String("transactions"))
        return;
    const int index = QUrlQuery(url).queryItemValue(QStringLiteral("message")).toInt();
    if (index < 0 || index >= m_messages.size())
        return;
    const AssistantAnswer answer = AssistantAnswer::fromJson(m_messages.at(index).metadata);
    if (answer.transactions)
        Q_EMIT transactionsRequested(*answer.transactions);
}

void ChatTranscript::scrollToEnd()
{
    verticalScrollBar()->setValue(verticalScrollBar()->maximum());
}

} // namespace Moniagent
