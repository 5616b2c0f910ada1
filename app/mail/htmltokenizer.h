#pragma once

#include <QList>
#include <QPair>
#include <QString>
#include <QStringView>

namespace Moniagent {

// One piece of HTML: a run of text (entities decoded), a start tag or an end tag.
struct HtmlToken
{
    enum class Kind
    {
        Text,
        StartTag,
        EndTag,
    };
    Kind kind = Kind::Text;
    QString name; // lower case tag name
    QList<QPair<QString, QString>> attributes; // lower case names, values with entities decoded
    QString text; // Text: entities decoded; raw for the content of <script> and <style>
    bool selfClosing = false;

    QString attribute(QStringView attributeName) const;
    bool hasAttribute(QStringView attributeName) const;
};

// A forgiving HTML tokenizer for email bodies (no tree, no browser engine): comments, doctypes and processing
// instructions are dropped, the content of <script>, <style> and <title> comes as one Text token (raw for script
// and style), a stray '<' is text. Malformed input never fails; everything is read in one pass.
class HtmlTokenizer
{
public:
    explicit HtmlTokenizer(QStringView html)
        : m_html(html)
    { }

    // The next token, or false at the end.
    bool next(HtmlToken& token);

    // Whether `name` is a void element (no end tag: br, img, meta …).
    static bool isVoid(QStringView name);
    // "&amp;", "&euro;", "&#8364;", "&#x20AC;" (also without the semicolon) decoded; unknown entities are kept.
    static QString decodeEntities(QStringView text);

private:
    enum class TagRead
    {
        NoTag,
        Skipped,
        Tag,
    };
    TagRead readTag(HtmlToken& token);
    void skipPast(QStringView terminator);

    QStringView m_html;
    qsizetype m_pos = 0;
    QString m_rawTextEnd; // after <script>/<style>/<title>: the end tag that closes its raw text
};

} // namespace Moniagent
