#include "mimeparser.h"

#include "mail/htmltext.h"

#include <QRegularExpression>
#include <QStringDecoder>

#include <array>
#include <mutex>

// GLib's type-check macros are C casts.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wold-style-cast"
#undef signals // GLib uses the word as a struct member; Qt defines it as a keyword
#include <gmime/gmime.h>

using namespace Qt::Literals::StringLiterals;

namespace Moniagent {

namespace {

void ensureGMime()
{
    static std::once_flag once;
    std::call_once(once, [] { g_mime_init(); });
}

// Owns a GObject reference.
template <typename T> class GRef
{
public:
    explicit GRef(T* object = nullptr)
        : m_object(object)
    { }
    ~GRef()
    {
        if (m_object)
            g_object_unref(m_object);
    }
    GRef(const GRef&) = delete;
    GRef& operator=(const GRef&) = delete;
    T* get() const { return m_object; }
    explicit operator bool() const { return m_object != nullptr; }

private:
    T* m_object;
};

struct ParseWarnings
{
    bool truncated = false;
};

void onParserWarning(gint64, GMimeParserWarning code, const gchar*, gpointer data)
{
    auto* warnings = static_cast<ParseWarnings*>(data);
    if (code == GMIME_WARN_TRUNCATED_MESSAGE)
        warnings->truncated = true;
}

QString fromUtf8(const char* text)
{
    return text ? QString::fromUtf8(text) : QString();
}

constexpr std::array<char16_t, 32> kWindows1252High {
    u'€', 0x81, u'‚', u'ƒ', u'„', u'…', u'†', u'‡', u'ˆ', u'‰', u'Š', u'‹', u'Œ', 0x8D, u'Ž', 0x8F,
    0x90, u'‘', u'’', u'“', u'”', u'•', u'–', u'—', u'˜', u'™', u'š', u'›', u'œ', 0x9D, u'ž', u'Ÿ',
};

QString fromWindows1252(const QByteArray& bytes)
{
    QString text(bytes.size(), Qt::Uninitialized);
    QChar* out = text.data();
    for (const char c : bytes) {
        const auto b = static_cast<unsigned char>(c);
        *out++ = QChar(b >= 0x80 && b < 0xA0 ? kWindows1252High.at(b - 0x80) : char16_t(b));
    }
    return text;
}

std::optional<QString> strictUtf8(const QByteArray& bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decoder(bytes);
    if (decoder.hasError())
        return std::nullopt;
    return text;
}

std::optional<QString> viaIconv(const QByteArray& bytes, const QByteArray& charset)
{
    const char* name = g_mime_charset_iconv_name(charset.constData());
    gsize written = 0;
    GError* error = nullptr;
    gchar* converted = g_convert(bytes.constData(), bytes.size(), "UTF-8", name ? name : charset.constData(), nullptr,
                                 &written, &error);
    if (!converted) {
        g_clear_error(&error);
        return std::nullopt;
    }
    QString text = QString::fromUtf8(converted, qsizetype(written));
    g_free(converted);
    return text;
}

// The decoded bytes of a leaf part (quoted-printable and base64 undone), in one buffer.
QByteArray partContent(GMimePart* part)
{
    GMimeDataWrapper* wrapper = g_mime_part_get_content(part);
    if (!wrapper)
        return {};
    GByteArray* array = g_byte_array_new();
    {
        GRef<GMimeStream> stream(g_mime_stream_mem_new_with_byte_array(array));
        g_mime_stream_mem_set_owner(GMIME_STREAM_MEM(stream.get()), FALSE);
        g_mime_data_wrapper_write_to_stream(wrapper, stream.get());
    }
    QByteArray bytes(reinterpret_cast<const char*>(array->data), qsizetype(array->len));
    g_byte_array_free(array, TRUE);
    return bytes;
}

// Walks the MIME tree and fills the email: the text/plain and text/html parts (concatenated when a message has
// several, forwarded messages after their own summary), attachments with their bytes.
class PartWalker
{
public:
    explicit PartWalker(ParsedEmail& email)
        : m_email(email)
    { }

    void walk(GMimeObject* object, int depth)
    {
        if (!object || depth > 32)
            return;
        if (GMIME_IS_MESSAGE_PART(object)) {
            GMimeMessage* inner = g_mime_message_part_get_message(GMIME_MESSAGE_PART(object));
            if (inner)
                forwarded(inner, depth);
            return;
        }
        if (GMIME_IS_MULTIPART(object)) {
            if (GMIME_IS_MULTIPART_ENCRYPTED(object))
                return;
            GMimeMultipart* multipart = GMIME_MULTIPART(object);
            const int count = g_mime_multipart_get_count(multipart);
            for (int i = 0; i < count; ++i)
                walk(g_mime_multipart_get_part(multipart, i), depth + 1);
            return;
        }
        if (GMIME_IS_PART(object))
            leaf(GMIME_PART(object));
    }

    QString plain() const { return m_plain.join(u"\n\n"_s); }
    QString html() const { return m_html.join(u"\n"_s); }

private:
    void leaf(GMimePart* part)
    {
        GMimeContentType* type = g_mime_object_get_content_type(GMIME_OBJECT(part));
        const QString media = type ? fromUtf8(g_mime_content_type_get_media_type(type)).toLower() : u"text"_s;
        const QString subtype = type ? fromUtf8(g_mime_content_type_get_media_subtype(type)).toLower() : u"plain"_s;
        const QString mimeType = media + u'/' + subtype;
        if (mimeType == u"application/pgp-signature" || mimeType == u"application/pkcs7-signature"
            || mimeType == u"application/x-pkcs7-signature")
            return;
        const bool attachment = g_mime_part_is_attachment(part);
        const QString fileName = fromUtf8(g_mime_part_get_filename(part));
        const bool text = media == u"text" && (subtype == u"plain" || subtype == u"html");
        if (text && !attachment && fileName.isEmpty()) {
            const QByteArray charset = g_mime_object_get_content_type_parameter(GMIME_OBJECT(part), "charset");
            const QString decoded = MimeParser::decodeText(partContent(part), charset);
            (subtype == u"html" ? m_html : m_plain).append(decoded);
            return;
        }
        EmailAttachment file;
        file.fileName = fileName;
        file.mimeType = mimeType;
        file.data = partContent(part);
        GMimeContentDisposition* disposition = g_mime_object_get_content_disposition(GMIME_OBJECT(part));
        const QString dispositionName
            = disposition ? fromUtf8(g_mime_content_disposition_get_disposition(disposition)).toLower() : QString();
        file.isInline = dispositionName == u"inline"
            || (dispositionName.isEmpty() && g_mime_part_get_content_id(part) != nullptr);
        m_email.attachments.append(std::move(file));
    }

    // A message/rfc822 part: a short header block, then its bodies.
    void forwarded(GMimeMessage* inner, int depth)
    {
        QStringList header {u"---------- Forwarded message ----------"_s};
        InternetAddressList* from = g_mime_message_get_from(inner);
        if (from && internet_address_list_length(from) > 0) {
            gchar* text = internet_address_list_to_string(from, nullptr, FALSE);
            header.append(u"From: "_s + fromUtf8(text));
            g_free(text);
        }
        if (GDateTime* date = g_mime_message_get_date(inner)) {
            header.append(u"Date: "_s
                          + QDateTime::fromSecsSinceEpoch(g_date_time_to_unix(date), Qt::UTC).toString(Qt::ISODate));
        }
        header.append(u"Subject: "_s + fromUtf8(g_mime_message_get_subject(inner)));
        PartWalker innerWalker(m_email);
        innerWalker.walk(g_mime_message_get_mime_part(inner), depth + 1);
        QString innerText = innerWalker.plain();
        if (innerText.trimmed().isEmpty() && !innerWalker.m_html.isEmpty())
            innerText = HtmlText::toText(innerWalker.html());
        m_plain.append(header.join(u'\n') + u"\n\n"_s + innerText);
        m_html.append(innerWalker.m_html);
    }

    ParsedEmail& m_email;
    QStringList m_plain;
    QStringList m_html;
};

bool hasAnyHeader(GMimeMessage* message)
{
    GMimeHeaderList* headers = g_mime_object_get_header_list(GMIME_OBJECT(message));
    if (!headers)
        return false;
    static const std::array kKnown {"From",         "To",       "Subject",     "Date",   "Message-ID", "Content-Type",
                                    "MIME-Version", "Received", "Return-Path", "Sender", "Reply-To"};
    for (const char* name : kKnown) {
        if (g_mime_header_list_contains(headers, name))
            return true;
    }
    return false;
}

} // namespace

QString MimeParser::decodeText(const QByteArray& bytes, const QByteArray& charset)
{
    const QByteArray name = charset.trimmed().toLower();
    const bool unicode = name == "utf-8" || name == "utf8";
    const bool western = name.isEmpty() || name == "us-ascii" || name == "ascii" || name == "iso-8859-1"
        || name == "latin1" || name == "iso_8859-1" || name == "windows-1252" || name == "cp1252";
    if (!unicode && !western) {
        if (auto text = viaIconv(bytes, charset))
            return *text;
    }
    // UTF-8 when declared, undeclared, or declared as something unknown; ISO-8859-1 labels go straight to 1252.
    if (unicode || !western || name.isEmpty() || name == "us-ascii" || name == "ascii") {
        if (auto text = strictUtf8(bytes))
            return *text;
    }
    // ISO-8859-1 and US-ASCII labels usually mean windows-1252, as browsers read them.
    return fromWindows1252(bytes);
}

bool MimeParser::looksLikeMessage(const QByteArray& raw)
{
    qsizetype start = 0;
    if (raw.startsWith("\xEF\xBB\xBF"))
        start = 3;
    while (start < raw.size() && (raw.at(start) == '\r' || raw.at(start) == '\n'))
        ++start;
    const QByteArray firstLine = raw.mid(start, std::min<qsizetype>(raw.indexOf('\n', start) - start, 1000));
    if (firstLine.startsWith("From "))
        return true;
    static const QRegularExpression field(u"^[A-Za-z0-9][A-Za-z0-9_-]*[ \\t]*:"_s);
    return field.match(QString::fromLatin1(firstLine)).hasMatch();
}

Result<ParsedEmail> MimeParser::parse(const QByteArray& raw)
{
    if (raw.trimmed().isEmpty())
        return Error::invalidInput(tr("The email is empty."));
    if (!looksLikeMessage(raw))
        return Error::invalidInput(tr("This is not an email message: it does not start with header fields."));
    ensureGMime();
    ParseWarnings warnings;
    GMimeParserOptions* options = g_mime_parser_options_new();
    const char* fallback[] = {"UTF-8", "windows-1252", nullptr};
    g_mime_parser_options_set_fallback_charsets(options, fallback);
    g_mime_parser_options_set_rfc2047_compliance_mode(options, GMIME_RFC_COMPLIANCE_LOOSE);
    g_mime_parser_options_set_warning_callback(options, onParserWarning, &warnings);
    ParsedEmail email;
    QString failure;
    {
        GRef<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(raw.constData(), size_t(raw.size())));
        GRef<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
        g_mime_parser_set_format(parser.get(), GMIME_FORMAT_MESSAGE);
        GRef<GMimeMessage> message(g_mime_parser_construct_message(parser.get(), options));
        if (!message || !hasAnyHeader(message.get())) {
            failure = tr("This is not an email message: no header could be read.");
        } else if (warnings.truncated) {
            failure = tr("The email is truncated: it ends in the middle of a part.");
        } else {
            GMimeMessage* m = message.get();
            email.messageId = fromUtf8(g_mime_message_get_message_id(m));
            email.subject = fromUtf8(g_mime_message_get_subject(m)).simplified();
            InternetAddressList* from = g_mime_message_get_from(m);
            if (from && internet_address_list_length(from) > 0) {
                InternetAddress* address = internet_address_list_get_address(from, 0);
                if (INTERNET_ADDRESS_IS_GROUP(address)) {
                    InternetAddressList* members = internet_address_group_get_members(INTERNET_ADDRESS_GROUP(address));
                    address = members && internet_address_list_length(members) > 0
                        ? internet_address_list_get_address(members, 0)
                        : nullptr;
                }
                if (address) {
                    email.fromName = fromUtf8(internet_address_get_name(address)).simplified();
                    if (INTERNET_ADDRESS_IS_MAILBOX(address)) {
                        email.fromAddress
                            = fromUtf8(internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(address))).toLower();
                    }
                }
            }
            InternetAddressList* to = g_mime_message_get_addresses(m, GMIME_ADDRESS_TYPE_TO);
            if (to && internet_address_list_length(to) > 0) {
                gchar* text = internet_address_list_to_string(to, nullptr, FALSE);
                email.to = fromUtf8(text);
                g_free(text);
            }
            if (GDateTime* date = g_mime_message_get_date(m))
                email.date = QDateTime::fromSecsSinceEpoch(g_date_time_to_unix(date), Qt::UTC);
            PartWalker walker(email);
            walker.walk(g_mime_message_get_mime_part(m), 0);
            email.textBody = walker.plain();
            email.htmlBody = walker.html();
            if (!email.htmlBody.isEmpty())
                email.htmlText = HtmlText::toText(email.htmlBody);
        }
    }
    g_mime_parser_options_free(options);
    if (!failure.isEmpty())
        return Error::invalidInput(failure);
    return email;
}

ParsedEmail MimeParser::fromHtml(const QString& html)
{
    ParsedEmail email;
    email.htmlBody = html;
    email.htmlText = HtmlText::toText(html);
    email.subject = HtmlText::title(html);
    return email;
}

namespace {

// Undoes quoted-printable: "=3D" escapes and "=" soft line breaks. `indented`: the continuation lines were indented
// by whatever stored the body, so the indentation after a soft break is dropped too.
QByteArray decodeQuotedPrintable(const QByteArray& raw, bool indented)
{
    const auto hex = [](char h) {
        if (h >= '0' && h <= '9')
            return h - '0';
        if (h >= 'A' && h <= 'F')
            return h - 'A' + 10;
        if (h >= 'a' && h <= 'f')
            return h - 'a' + 10;
        return -1;
    };
    QByteArray out;
    out.reserve(raw.size());
    const qsizetype n = raw.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char c = raw.at(i);
        if (c != '=') {
            out += c;
            continue;
        }
        qsizetype j = i + 1;
        while (j < n && (raw.at(j) == ' ' || raw.at(j) == '\t'))
            ++j;
        if (j < n && (raw.at(j) == '\n' || raw.at(j) == '\r')) {
            if (raw.at(j) == '\r' && j + 1 < n && raw.at(j + 1) == '\n')
                ++j;
            while (indented && j + 1 < n && (raw.at(j + 1) == ' ' || raw.at(j + 1) == '\t'))
                ++j;
            i = j;
            continue;
        }
        if (i + 2 < n && hex(raw.at(i + 1)) >= 0 && hex(raw.at(i + 2)) >= 0) {
            out += char(hex(raw.at(i + 1)) * 16 + hex(raw.at(i + 2)));
            i += 2;
            continue;
        }
        out += c;
    }
    return out;
}

// Whether most lines after a soft line break start with spaces (a body indented after encoding).
bool indentedContinuations(const QByteArray& raw)
{
    int continuations = 0;
    int indented = 0;
    for (qsizetype i = 0; i + 2 < raw.size(); ++i) {
        if (raw.at(i) != '=' || raw.at(i + 1) != '\n')
            continue;
        ++continuations;
        if (raw.at(i + 2) == ' ' || raw.at(i + 2) == '\t')
            ++indented;
    }
    return continuations >= 3 && indented * 10 >= continuations * 8;
}

bool looksQuotedPrintable(const QByteArray& raw)
{
    int escapes = 0;
    int softBreaks = 0;
    for (qsizetype i = 0; i + 2 < raw.size(); ++i) {
        if (raw.at(i) != '=')
            continue;
        if (raw.at(i + 1) == '\n' || (raw.at(i + 1) == '\r' && raw.at(i + 2) == '\n'))
            ++softBreaks;
        else if (raw.at(i + 1) == '3' && raw.at(i + 2) == 'D')
            ++escapes;
    }
    return escapes + softBreaks >= 3;
}

} // namespace

ParsedEmail MimeParser::fromBareBody(const QByteArray& raw)
{
    QByteArray bytes = raw.startsWith("\xEF\xBB\xBF") ? raw.mid(3) : raw;
    if (looksQuotedPrintable(bytes))
        bytes = decodeQuotedPrintable(bytes, indentedContinuations(bytes));
    static const QRegularExpression charsetPattern(u"charset\\s*=\\s*[\"']?([A-Za-z0-9_.:-]+)"_s,
                                                   QRegularExpression::CaseInsensitiveOption);
    const auto match = charsetPattern.match(QString::fromLatin1(bytes.left(4096)));
    const QString text = decodeText(bytes, match.hasMatch() ? match.captured(1).toLatin1() : QByteArray());
    static const QRegularExpression markup(u"<(html|body|div|table|p|br|span|td|a|img)\\b"_s,
                                           QRegularExpression::CaseInsensitiveOption);
    if (markup.match(text).hasMatch())
        return fromHtml(text);
    ParsedEmail email;
    email.textBody = text;
    return email;
}

Result<ParsedEmail> MimeParser::parseAny(const QByteArray& raw)
{
    if (raw.trimmed().isEmpty())
        return Error::invalidInput(tr("The email is empty."));
    if (looksLikeMessage(raw))
        return parse(raw);
    if (raw.left(8192).contains('\0'))
        return Error::invalidInput(tr("This is neither an email message nor an HTML or text body."));
    ParsedEmail email = fromBareBody(raw);
    if (email.readableText().trimmed().isEmpty())
        return Error::invalidInput(tr("This is neither an email message nor an HTML or text body."));
    return email;
}

} // namespace Moniagent

#pragma GCC diagnostic pop
