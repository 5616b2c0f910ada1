#include "mimeparser.h"

#include "mail/htmltext.h"

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
        // An mbox "From " separator line is no header: the message starts after it.
        const qsizetype start = raw.startsWith("From ") ? raw.indexOf('\n') + 1 : 0;
        GRef<GMimeStream> stream(
            g_mime_stream_mem_new_with_buffer(raw.constData() + start, size_t(raw.size() - start)));
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

} // namespace Moniagent

#pragma GCC diagnostic pop
