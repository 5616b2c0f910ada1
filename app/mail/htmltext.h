#pragma once

#include <QJsonArray>
#include <QString>
#include <QStringList>
#include <QStringView>

namespace Moniagent {

// HTML email bodies as readable text, and the structured data they carry, without a browser engine.
class HtmlText
{
public:
    // Readable text: <head>, <script>, <style> and elements hidden with display:none dropped; block elements, <br>
    // and table rows on lines of their own; the non-empty cells of a row joined by " | "; entities decoded;
    // zero-width characters removed; runs of spaces collapsed, lines trimmed, at most one empty line in a row.
    static QString toText(QStringView html);
    // The <title>, simplified; empty when there is none.
    static QString title(QStringView html);
    // The content of every <script type="application/ld+json"> block, as written.
    static QStringList jsonLdBlocks(QStringView html);
    // The top-level microdata items (itemscope/itemtype/itemprop) as JSON-LD-like objects: "@type" holds the
    // itemtype's last path segment ("Order" for https://schema.org/Order), each itemprop a value (the content,
    // href, src, datetime or value attribute, else the element's text) or a nested object; repeated properties
    // become arrays.
    static QJsonArray microdata(QStringView html);
};

} // namespace Moniagent
