#pragma once

#include "core/result.h"
#include "mail/parsedemail.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace Moniagent {

// Reads MIME messages (RFC 5322/2045) with GMime into ParsedEmail: headers decoded (RFC 2047, any charset), bodies
// decoded from quoted-printable/base64 and converted to UTF-8 from their declared charset (UTF-8, then
// windows-1252 when the declaration is missing or wrong), attachments and inline images with their bytes, and the
// text of forwarded messages (message/rfc822) appended to the bodies. Safe from any thread; GMime is initialised
// once per process. Linear in the size of the message (a 25 MB attachment is copied a constant number of times).
class MimeParser
{
    Q_DECLARE_TR_FUNCTIONS(Moniagent::MimeParser)

public:
    // A whole message. Fails with InvalidInput for empty input, input without headers, or a truncated message.
    static Result<ParsedEmail> parse(const QByteArray& raw);
    // A bare HTML body (no headers), as some exports and test corpora store an email.
    static ParsedEmail fromHtml(const QString& html);
    // A bare body without headers: quoted-printable soft breaks and escapes undone when the text is evidently
    // encoded so, the charset sniffed (a <meta charset>, else UTF-8, else windows-1252), HTML when it has markup.
    static ParsedEmail fromBareBody(const QByteArray& raw);
    // What a file holds: a message when it starts with header fields, otherwise a bare body (fromBareBody).
    // Fails for empty input and for binary data that is neither.
    static Result<ParsedEmail> parseAny(const QByteArray& raw);

    // Whether `raw` starts with RFC 5322 header fields (or an mbox "From " line).
    static bool looksLikeMessage(const QByteArray& raw);
    // Bytes in `charset` as text; UTF-8 then windows-1252 when the charset is empty, unknown or wrong.
    static QString decodeText(const QByteArray& bytes, const QByteArray& charset);
};

} // namespace Moniagent
