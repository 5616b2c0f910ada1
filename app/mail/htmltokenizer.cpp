#include "htmltokenizer.h"

#include <QHash>

#include <array>

using namespace Qt::Literals::StringLiterals;

namespace Moniagent {

namespace {

struct NamedEntity
{
    const char* name;
    char32_t codePoint;
};

// The entities that occur in email bodies; HTML's full table has 2,000 names, most never seen in mail.
constexpr std::array kEntities {
    NamedEntity {"amp", U'&'},         NamedEntity {"lt", U'<'},        NamedEntity {"gt", U'>'},
    NamedEntity {"quot", U'"'},        NamedEntity {"apos", U'\''},     NamedEntity {"nbsp", U'\u00A0'},
    NamedEntity {"euro", U'€'},        NamedEntity {"pound", U'£'},     NamedEntity {"yen", U'¥'},
    NamedEntity {"cent", U'¢'},        NamedEntity {"curren", U'¤'},    NamedEntity {"copy", U'©'},
    NamedEntity {"reg", U'®'},         NamedEntity {"trade", U'™'},     NamedEntity {"hellip", U'…'},
    NamedEntity {"mdash", U'—'},       NamedEntity {"ndash", U'–'},     NamedEntity {"minus", U'−'},
    NamedEntity {"lsquo", U'‘'},       NamedEntity {"rsquo", U'’'},     NamedEntity {"sbquo", U'‚'},
    NamedEntity {"ldquo", U'“'},       NamedEntity {"rdquo", U'”'},     NamedEntity {"bdquo", U'„'},
    NamedEntity {"laquo", U'«'},       NamedEntity {"raquo", U'»'},     NamedEntity {"lsaquo", U'‹'},
    NamedEntity {"rsaquo", U'›'},      NamedEntity {"bull", U'•'},      NamedEntity {"middot", U'·'},
    NamedEntity {"times", U'×'},       NamedEntity {"divide", U'÷'},    NamedEntity {"deg", U'°'},
    NamedEntity {"sect", U'§'},        NamedEntity {"para", U'¶'},      NamedEntity {"iexcl", U'¡'},
    NamedEntity {"iquest", U'¿'},      NamedEntity {"plusmn", U'±'},    NamedEntity {"frac12", U'½'},
    NamedEntity {"frac14", U'¼'},      NamedEntity {"frac34", U'¾'},    NamedEntity {"sup2", U'²'},
    NamedEntity {"sup3", U'³'},        NamedEntity {"micro", U'µ'},     NamedEntity {"ordf", U'ª'},
    NamedEntity {"ordm", U'º'},        NamedEntity {"shy", U'\u00AD'},  NamedEntity {"zwnj", U'\u200C'},
    NamedEntity {"zwj", U'\u200D'},    NamedEntity {"lrm", U'\u200E'},  NamedEntity {"rlm", U'\u200F'},
    NamedEntity {"thinsp", U'\u2009'}, NamedEntity {"ensp", U'\u2002'}, NamedEntity {"emsp", U'\u2003'},
    NamedEntity {"rarr", U'→'},        NamedEntity {"larr", U'←'},      NamedEntity {"check", U'✓'},
    NamedEntity {"Auml", U'Ä'},        NamedEntity {"Ouml", U'Ö'},      NamedEntity {"Uuml", U'Ü'},
    NamedEntity {"auml", U'ä'},        NamedEntity {"ouml", U'ö'},      NamedEntity {"uuml", U'ü'},
    NamedEntity {"szlig", U'ß'},       NamedEntity {"Agrave", U'À'},    NamedEntity {"Aacute", U'Á'},
    NamedEntity {"Acirc", U'Â'},       NamedEntity {"Atilde", U'Ã'},    NamedEntity {"Aring", U'Å'},
    NamedEntity {"AElig", U'Æ'},       NamedEntity {"Ccedil", U'Ç'},    NamedEntity {"Egrave", U'È'},
    NamedEntity {"Eacute", U'É'},      NamedEntity {"Ecirc", U'Ê'},     NamedEntity {"Euml", U'Ë'},
    NamedEntity {"Igrave", U'Ì'},      NamedEntity {"Iacute", U'Í'},    NamedEntity {"Icirc", U'Î'},
    NamedEntity {"Iuml", U'Ï'},        NamedEntity {"Ntilde", U'Ñ'},    NamedEntity {"Ograve", U'Ò'},
    NamedEntity {"Oacute", U'Ó'},      NamedEntity {"Ocirc", U'Ô'},     NamedEntity {"Otilde", U'Õ'},
    NamedEntity {"Oslash", U'Ø'},      NamedEntity {"Ugrave", U'Ù'},    NamedEntity {"Uacute", U'Ú'},
    NamedEntity {"Ucirc", U'Û'},       NamedEntity {"Yacute", U'Ý'},    NamedEntity {"agrave", U'à'},
    NamedEntity {"aacute", U'á'},      NamedEntity {"acirc", U'â'},     NamedEntity {"atilde", U'ã'},
    NamedEntity {"aring", U'å'},       NamedEntity {"aelig", U'æ'},     NamedEntity {"ccedil", U'ç'},
    NamedEntity {"egrave", U'è'},      NamedEntity {"eacute", U'é'},    NamedEntity {"ecirc", U'ê'},
    NamedEntity {"euml", U'ë'},        NamedEntity {"igrave", U'ì'},    NamedEntity {"iacute", U'í'},
    NamedEntity {"icirc", U'î'},       NamedEntity {"iuml", U'ï'},      NamedEntity {"ntilde", U'ñ'},
    NamedEntity {"ograve", U'ò'},      NamedEntity {"oacute", U'ó'},    NamedEntity {"ocirc", U'ô'},
    NamedEntity {"otilde", U'õ'},      NamedEntity {"oslash", U'ø'},    NamedEntity {"ugrave", U'ù'},
    NamedEntity {"uacute", U'ú'},      NamedEntity {"ucirc", U'û'},     NamedEntity {"yacute", U'ý'},
    NamedEntity {"yuml", U'ÿ'},        NamedEntity {"oelig", U'œ'},     NamedEntity {"OElig", U'Œ'},
    NamedEntity {"scaron", U'š'},      NamedEntity {"Scaron", U'Š'},    NamedEntity {"zcaron", U'ž'},
    NamedEntity {"Zcaron", U'Ž'},
};

const QHash<QString, char32_t>& entityTable()
{
    static const QHash<QString, char32_t> table = [] {
        QHash<QString, char32_t> t;
        for (const NamedEntity& e : kEntities)
            t.insert(QString::fromLatin1(e.name), e.codePoint);
        return t;
    }();
    return table;
}

// HTML maps numeric references 128–159 to windows-1252, as browsers do.
constexpr std::array<char16_t, 32> kWindows1252High {
    u'€', 0x81, u'‚', u'ƒ', u'„', u'…', u'†', u'‡', u'ˆ', u'‰', u'Š', u'‹', u'Œ', 0x8D, u'Ž', 0x8F,
    0x90, u'‘', u'’', u'“', u'”', u'•', u'–', u'—', u'˜', u'™', u'š', u'›', u'œ', 0x9D, u'ž', u'Ÿ',
};

void appendCodePoint(QString& out, char32_t cp)
{
    if (cp >= 0x80 && cp < 0xA0)
        cp = kWindows1252High.at(cp - 0x80);
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        cp = 0xFFFD;
    const char32_t one[1] = {cp};
    out += QString::fromUcs4(one, 1);
}

bool isNameChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'-' || c == u':' || c == u'_';
}

bool isSpace(QChar c)
{
    return c == u' ' || c == u'\n' || c == u'\t' || c == u'\r' || c == u'\f';
}

} // namespace

QString HtmlToken::attribute(QStringView attributeName) const
{
    for (const auto& attr : attributes) {
        if (attr.first == attributeName)
            return attr.second;
    }
    return {};
}

bool HtmlToken::hasAttribute(QStringView attributeName) const
{
    for (const auto& attr : attributes) {
        if (attr.first == attributeName)
            return true;
    }
    return false;
}

bool HtmlTokenizer::isVoid(QStringView name)
{
    static const QStringList voids {u"br"_s,   u"img"_s, u"meta"_s,  u"link"_s,  u"hr"_s,     u"input"_s, u"area"_s,
                                    u"base"_s, u"col"_s, u"embed"_s, u"param"_s, u"source"_s, u"track"_s, u"wbr"_s};
    return voids.contains(name);
}

QString HtmlTokenizer::decodeEntities(QStringView text)
{
    if (!text.contains(u'&'))
        return text.toString();
    QString out;
    out.reserve(text.size());
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text.at(i);
        if (c != u'&' || i + 1 >= n) {
            out += c;
            continue;
        }
        qsizetype j = i + 1;
        if (text.at(j) == u'#') {
            ++j;
            const bool hex = j < n && (text.at(j) == u'x' || text.at(j) == u'X');
            if (hex)
                ++j;
            const qsizetype digitsStart = j;
            char32_t value = 0;
            while (j < n && j - digitsStart < 8) {
                const char16_t d = text.at(j).toLower().unicode();
                int digit = -1;
                if (d >= u'0' && d <= u'9')
                    digit = d - u'0';
                else if (hex && d >= u'a' && d <= u'f')
                    digit = 10 + (d - u'a');
                if (digit < 0)
                    break;
                value = value * (hex ? 16 : 10) + char32_t(digit);
                ++j;
            }
            if (j == digitsStart) {
                out += c;
                continue;
            }
            appendCodePoint(out, value);
            if (j < n && text.at(j) == u';')
                ++j;
            i = j - 1;
            continue;
        }
        while (j < n && j - i <= 10 && text.at(j).isLetterOrNumber())
            ++j;
        QString name = text.mid(i + 1, j - i - 1).toString();
        auto found = entityTable().constFind(name);
        // Without a semicolon the name may run into the text ("&euro5"): the longest known prefix, as browsers do.
        while (found == entityTable().cend() && name.size() > 2 && (j >= n || text.at(j) != u';')) {
            name.chop(1);
            --j;
            found = entityTable().constFind(name);
        }
        if (found == entityTable().cend()) {
            out += c;
            continue;
        }
        appendCodePoint(out, found.value());
        if (j < n && text.at(j) == u';')
            ++j;
        i = j - 1;
    }
    return out;
}

void HtmlTokenizer::skipPast(QStringView terminator)
{
    const qsizetype at = m_html.indexOf(terminator, m_pos, Qt::CaseInsensitive);
    m_pos = at < 0 ? m_html.size() : at + terminator.size();
}

bool HtmlTokenizer::next(HtmlToken& token)
{
    token = HtmlToken();
    const qsizetype n = m_html.size();
    if (!m_rawTextEnd.isEmpty()) {
        const qsizetype end = m_html.indexOf(m_rawTextEnd, m_pos, Qt::CaseInsensitive);
        const qsizetype stop = end < 0 ? n : end;
        const QStringView raw = m_html.mid(m_pos, stop - m_pos);
        token.kind = HtmlToken::Kind::Text;
        token.text = m_rawTextEnd == u"</title"_s ? decodeEntities(raw) : raw.toString();
        m_pos = stop;
        m_rawTextEnd.clear();
        if (!token.text.isEmpty())
            return true;
    }
    while (m_pos < n) {
        if (m_html.at(m_pos) == u'<') {
            const TagRead read = readTag(token);
            if (read == TagRead::Tag)
                return true;
            if (read == TagRead::Skipped)
                continue;
        }
        // Text up to the next '<' that starts a tag (a stray '<' is text).
        qsizetype end = m_pos + 1;
        while (end < n) {
            end = m_html.indexOf(u'<', end);
            if (end < 0) {
                end = n;
                break;
            }
            const QChar after = end + 1 < n ? m_html.at(end + 1) : QChar();
            if (after.isLetter() || after == u'/' || after == u'!' || after == u'?')
                break;
            ++end;
        }
        token.kind = HtmlToken::Kind::Text;
        token.text = decodeEntities(m_html.mid(m_pos, end - m_pos));
        m_pos = end;
        return true;
    }
    return false;
}

// Reads the tag at m_pos ('<'): NoTag (m_pos unchanged) when the '<' starts no tag, Skipped past a comment or
// declaration, Tag with m_pos past the tag. Iterative, so that any number of comments in a row is fine.
HtmlTokenizer::TagRead HtmlTokenizer::readTag(HtmlToken& token)
{
    const qsizetype n = m_html.size();
    const qsizetype start = m_pos;
    const QChar first = start + 1 < n ? m_html.at(start + 1) : QChar();
    if (first == u'!') {
        m_pos = start + 2;
        if (m_html.mid(m_pos).startsWith(u"--"))
            skipPast(u"-->");
        else
            skipPast(u">");
        return TagRead::Skipped;
    }
    if (first == u'?') {
        m_pos = start + 2;
        skipPast(u">");
        return TagRead::Skipped;
    }
    const bool end = first == u'/';
    qsizetype i = start + (end ? 2 : 1);
    if (i >= n || !m_html.at(i).isLetter())
        return TagRead::NoTag;
    const qsizetype nameStart = i;
    while (i < n && isNameChar(m_html.at(i)))
        ++i;
    token.kind = end ? HtmlToken::Kind::EndTag : HtmlToken::Kind::StartTag;
    token.name = m_html.mid(nameStart, i - nameStart).toString().toLower();
    // Attributes.
    while (i < n) {
        while (i < n && (isSpace(m_html.at(i)) || m_html.at(i) == u'/')) {
            if (m_html.at(i) == u'/')
                token.selfClosing = true;
            ++i;
        }
        if (i >= n || m_html.at(i) == u'>')
            break;
        token.selfClosing = false;
        const qsizetype attrStart = i;
        while (i < n && !isSpace(m_html.at(i)) && m_html.at(i) != u'=' && m_html.at(i) != u'>' && m_html.at(i) != u'/')
            ++i;
        if (i == attrStart) {
            ++i; // a stray character
            continue;
        }
        QString attrName = m_html.mid(attrStart, i - attrStart).toString().toLower();
        while (i < n && isSpace(m_html.at(i)))
            ++i;
        QString value;
        if (i < n && m_html.at(i) == u'=') {
            ++i;
            while (i < n && isSpace(m_html.at(i)))
                ++i;
            if (i < n && (m_html.at(i) == u'"' || m_html.at(i) == u'\'')) {
                const QChar quote = m_html.at(i);
                const qsizetype valueEnd = m_html.indexOf(quote, i + 1);
                const qsizetype stop = valueEnd < 0 ? n : valueEnd;
                value = decodeEntities(m_html.mid(i + 1, stop - i - 1));
                i = valueEnd < 0 ? n : valueEnd + 1;
            } else {
                const qsizetype valueStart = i;
                while (i < n && !isSpace(m_html.at(i)) && m_html.at(i) != u'>')
                    ++i;
                value = decodeEntities(m_html.mid(valueStart, i - valueStart));
            }
        }
        if (!end)
            token.attributes.append({std::move(attrName), std::move(value)});
    }
    m_pos = i < n ? i + 1 : n;
    if (!end && !token.selfClosing && (token.name == u"script" || token.name == u"style" || token.name == u"title"))
        m_rawTextEnd = u"</"_s + token.name;
    return TagRead::Tag;
}

} // namespace Moniagent
