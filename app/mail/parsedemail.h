#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

namespace Moniagent {

// A file attached to an email (or an inline image), decoded from its transfer encoding.
struct EmailAttachment
{
    QString fileName; // from Content-Disposition or Content-Type name; may be empty
    QString mimeType; // lower case, e.g. "application/pdf"
    QByteArray data;
    bool isInline = false;
};

// A MIME message read by MimeParser: headers decoded (RFC 2047) and bodies converted to UTF-8 text.
struct ParsedEmail
{
    QString messageId; // without angle brackets; empty when the message has none
    QString subject;
    QString fromName;
    QString fromAddress; // lower case
    QString to;
    QDateTime date; // UTC; invalid when missing or unreadable
    QString textBody; // the text/plain part(s), when there are; a forwarded message (message/rfc822) follows as a
                      // "Forwarded message" block with its From/Date/Subject and its text (its HTML as text)
    QString htmlBody; // the text/html part(s), when there are
    QString htmlText; // htmlBody as readable text (block elements on their own lines, entities decoded)
    QList<EmailAttachment> attachments;

    // The body to read: text/plain when it has content, else the HTML converted to text.
    QString readableText() const { return textBody.trimmed().isEmpty() ? htmlText : textBody; }
};

} // namespace Moniagent
