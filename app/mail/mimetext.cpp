// MimeParser's text side: charsets, bare bodies without headers, and telling the two apart.
#include "mail/htmltext.h"
#include "mimeparser.h"

#include <QRegularExpression>
#include <QStringDecoder>

#include <array>

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wold-style-cast"
#undef signals // GLib uses the word as a struct member; Qt defines it as a keyword
#include <gmime/gmime.h>

using namespace Qt::Literals::StringLiterals;

namespace Moniagent {

namespace {

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
