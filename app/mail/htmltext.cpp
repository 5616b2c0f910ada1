#include "htmltext.h"

#include "htmltokenizer.h"

using namespace Qt::Literals::StringLiterals;

namespace Moniagent {

namespace {

bool isBlock(QStringView name)
{
    static const QStringList blocks {
        u"p"_s,      u"div"_s,        u"br"_s,       u"tr"_s,      u"li"_s,      u"h1"_s,     u"h2"_s,
        u"h3"_s,     u"h4"_s,         u"h5"_s,       u"h6"_s,      u"table"_s,   u"ul"_s,     u"ol"_s,
        u"dl"_s,     u"dt"_s,         u"dd"_s,       u"section"_s, u"article"_s, u"header"_s, u"footer"_s,
        u"hr"_s,     u"blockquote"_s, u"pre"_s,      u"address"_s, u"center"_s,  u"form"_s,   u"tbody"_s,
        u"thead"_s,  u"tfoot"_s,      u"caption"_s,  u"body"_s,    u"html"_s,    u"main"_s,   u"nav"_s,
        u"figure"_s, u"figcaption"_s, u"fieldset"_s, u"legend"_s,  u"aside"_s,
    };
    return blocks.contains(name);
}

bool isInvisible(char16_t c)
{
    return c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 || c == 0xFEFF || c == 0x00AD || c == 0x034F
        || c == 0x200E || c == 0x200F;
}

bool isHidden(const HtmlToken& token)
{
    QString style = token.attribute(u"style");
    if (style.isEmpty())
        return token.hasAttribute(u"hidden");
    style.remove(u' ');
    style = style.toLower();
    return style.contains(u"display:none") || style.contains(u"visibility:hidden") || style.contains(u"max-height:0")
        || style.contains(u"mso-hide:all");
}

// Builds the text line by line.
class TextBuilder
{
public:
    void text(QStringView text, bool preformatted)
    {
        for (const QChar c : text) {
            const char16_t u = c.unicode();
            if (isInvisible(u))
                continue;
            if (preformatted && u == u'\n') {
                newLine();
                continue;
            }
            if (c.isSpace()) {
                m_pendingSpace = !m_line.isEmpty();
                continue;
            }
            if (m_pendingCell && !m_line.isEmpty()) {
                m_line += u" | "_s;
                m_pendingSpace = false;
            }
            m_pendingCell = false;
            if (m_pendingSpace)
                m_line += u' ';
            m_pendingSpace = false;
            m_line += c;
        }
    }
    void cell() { m_pendingCell = true; }
    void newLine()
    {
        m_pendingSpace = false;
        m_pendingCell = false;
        if (m_line.isEmpty()) {
            ++m_emptyLines;
            return;
        }
        if (!m_out.isEmpty())
            m_out += m_emptyLines > 1 ? u"\n\n"_s : u"\n"_s;
        m_out += m_line;
        m_line.clear();
        m_emptyLines = 0;
    }
    QString finish()
    {
        newLine();
        return m_out;
    }

private:
    QString m_out;
    QString m_line;
    int m_emptyLines = 0;
    bool m_pendingSpace = false;
    bool m_pendingCell = false;
};

} // namespace

QString HtmlText::toText(QStringView html)
{
    TextBuilder builder;
    HtmlTokenizer tokenizer(html);
    HtmlToken token;
    bool inHead = false;
    int skipRaw = 0; // inside script/style/title
    QString hiddenTag; // the element hidden with display:none being skipped
    int hiddenNesting = 0;
    int preformatted = 0;
    while (tokenizer.next(token)) {
        if (!hiddenTag.isEmpty()) {
            if (token.name == hiddenTag && token.kind == HtmlToken::Kind::StartTag && !token.selfClosing)
                ++hiddenNesting;
            else if (token.name == hiddenTag && token.kind == HtmlToken::Kind::EndTag && --hiddenNesting == 0)
                hiddenTag.clear();
            continue;
        }
        switch (token.kind) {
        case HtmlToken::Kind::Text:
            if (!inHead && skipRaw == 0)
                builder.text(token.text, preformatted > 0);
            break;
        case HtmlToken::Kind::StartTag:
            if (token.name == u"head") {
                inHead = true;
            } else if (token.name == u"body") {
                inHead = false;
            } else if (token.name == u"script" || token.name == u"style" || token.name == u"title") {
                skipRaw = 1;
            } else if (isHidden(token) && !HtmlTokenizer::isVoid(token.name) && !token.selfClosing) {
                hiddenTag = token.name;
                hiddenNesting = 1;
            } else if (token.name == u"td" || token.name == u"th") {
                builder.cell();
            } else if (token.name == u"pre") {
                ++preformatted;
                builder.newLine();
            } else if (token.name == u"img" && !inHead) {
                // Some receipts show a word only as an image's alternative text; leave decorative images out.
            } else if (isBlock(token.name)) {
                builder.newLine();
            }
            break;
        case HtmlToken::Kind::EndTag:
            if (token.name == u"head")
                inHead = false;
            else if (token.name == u"script" || token.name == u"style" || token.name == u"title")
                skipRaw = 0;
            else if (token.name == u"pre")
                preformatted = std::max(0, preformatted - 1);
            if (token.name == u"td" || token.name == u"th")
                builder.cell();
            else if (isBlock(token.name) || token.name == u"pre")
                builder.newLine();
            break;
        }
    }
    return builder.finish();
}

QString HtmlText::title(QStringView html)
{
    HtmlTokenizer tokenizer(html);
    HtmlToken token;
    bool inTitle = false;
    while (tokenizer.next(token)) {
        if (token.kind == HtmlToken::Kind::StartTag && token.name == u"title")
            inTitle = true;
        else if (inTitle && token.kind == HtmlToken::Kind::Text)
            return token.text.simplified();
        else if (token.kind == HtmlToken::Kind::StartTag && token.name == u"body")
            break;
    }
    return {};
}

QStringList HtmlText::jsonLdBlocks(QStringView html)
{
    QStringList blocks;
    if (!html.contains(u"ld+json", Qt::CaseInsensitive))
        return blocks;
    HtmlTokenizer tokenizer(html);
    HtmlToken token;
    bool inJsonLd = false;
    while (tokenizer.next(token)) {
        if (token.kind == HtmlToken::Kind::StartTag && token.name == u"script")
            inJsonLd = token.attribute(u"type").trimmed().compare(u"application/ld+json", Qt::CaseInsensitive) == 0;
        else if (inJsonLd && token.kind == HtmlToken::Kind::Text)
            blocks.append(token.text);
        else if (token.kind == HtmlToken::Kind::EndTag && token.name == u"script")
            inJsonLd = false;
    }
    return blocks;
}

} // namespace Moniagent
