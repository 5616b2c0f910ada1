// HtmlText::microdata: schema.org microdata (itemscope/itemtype/itemprop) read with the forgiving tokenizer.
#include "htmltext.h"
#include "htmltokenizer.h"

#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace Moniagent {

namespace {

constexpr qsizetype kMaxDepth = 256;

struct Frame
{
    QString tag;
    QStringList props; // itemprop names of this element
    bool scope = false;
    QJsonObject item; // when scope
    QString text; // collected text, when a property without an attribute value
    bool collecting = false;
};

QString typeName(const QString& itemtype)
{
    QString type = itemtype.trimmed().section(u' ', 0, 0);
    while (type.endsWith(u'/'))
        type.chop(1);
    const qsizetype cut = std::max(type.lastIndexOf(u'/'), type.lastIndexOf(u'#'));
    return cut >= 0 ? type.mid(cut + 1) : type;
}

// The value an element gives its itemprop through an attribute, or a null string.
QString attributeValue(const HtmlToken& token)
{
    if (token.hasAttribute(u"content"))
        return token.attribute(u"content");
    if ((token.name == u"a" || token.name == u"link" || token.name == u"area") && token.hasAttribute(u"href"))
        return token.attribute(u"href");
    if ((token.name == u"img" || token.name == u"source" || token.name == u"audio" || token.name == u"video")
        && token.hasAttribute(u"src"))
        return token.attribute(u"src");
    if (token.name == u"time" && token.hasAttribute(u"datetime"))
        return token.attribute(u"datetime");
    if ((token.name == u"data" || token.name == u"meter") && token.hasAttribute(u"value"))
        return token.attribute(u"value");
    return QString();
}

void addProperty(QJsonObject& item, const QString& name, const QJsonValue& value)
{
    const auto existing = item.find(name);
    if (existing == item.end()) {
        item.insert(name, value);
        return;
    }
    QJsonArray values = existing->isArray() ? existing->toArray() : QJsonArray {*existing};
    values.append(value);
    item.insert(name, values);
}

class MicrodataReader
{
public:
    QJsonArray read(QStringView html)
    {
        HtmlTokenizer tokenizer(html);
        HtmlToken token;
        while (tokenizer.next(token)) {
            switch (token.kind) {
            case HtmlToken::Kind::Text:
                for (Frame& frame : m_stack) {
                    if (frame.collecting)
                        frame.text += token.text + u' ';
                }
                break;
            case HtmlToken::Kind::StartTag:
                start(token);
                break;
            case HtmlToken::Kind::EndTag:
                end(token.name);
                break;
            }
        }
        while (!m_stack.isEmpty())
            pop();
        return m_items;
    }

private:
    void start(const HtmlToken& token)
    {
        Frame frame;
        frame.tag = token.name;
        frame.props = token.attribute(u"itemprop").split(u' ', Qt::SkipEmptyParts);
        frame.scope = token.hasAttribute(u"itemscope");
        if (frame.scope && token.hasAttribute(u"itemtype"))
            frame.item.insert(u"@type"_s, typeName(token.attribute(u"itemtype")));
        if (!frame.scope && !frame.props.isEmpty()) {
            const QString value = attributeValue(token);
            if (!value.isNull() || HtmlTokenizer::isVoid(token.name) || token.selfClosing) {
                for (const QString& prop : std::as_const(frame.props))
                    addToScope(prop, value);
                frame.props.clear();
            } else {
                frame.collecting = true;
            }
        }
        if (HtmlTokenizer::isVoid(token.name) || token.selfClosing) {
            if (frame.scope) {
                m_stack.append(frame);
                pop();
            }
            return;
        }
        // Elements left open by sloppy markup nest without end; past a sane depth they are not tracked.
        if (frame.tag == u"script" || frame.tag == u"style" || m_stack.size() >= kMaxDepth)
            return;
        m_stack.append(std::move(frame));
    }

    void end(const QString& name)
    {
        qsizetype at = m_stack.size() - 1;
        while (at >= 0 && m_stack.at(at).tag != name)
            --at;
        if (at < 0)
            return; // an end tag without its start: ignored
        while (m_stack.size() > at)
            pop();
    }

    void pop()
    {
        Frame frame = m_stack.takeLast();
        if (frame.scope) {
            if (frame.props.isEmpty()) {
                if (!frame.item.isEmpty())
                    m_items.append(frame.item);
            } else {
                for (const QString& prop : std::as_const(frame.props))
                    addToScope(prop, frame.item);
            }
        } else if (frame.collecting) {
            for (const QString& prop : std::as_const(frame.props))
                addToScope(prop, frame.text.simplified());
        }
    }

    void addToScope(const QString& prop, const QJsonValue& value)
    {
        for (qsizetype i = m_stack.size() - 1; i >= 0; --i) {
            if (m_stack.at(i).scope) {
                addProperty(m_stack[i].item, prop, value);
                return;
            }
        }
    }

    QList<Frame> m_stack;
    QJsonArray m_items;
};

} // namespace

QJsonArray HtmlText::microdata(QStringView html)
{
    if (!html.contains(u"itemscope", Qt::CaseInsensitive))
        return {};
    return MicrodataReader().read(html);
}

} // namespace Moniagent
