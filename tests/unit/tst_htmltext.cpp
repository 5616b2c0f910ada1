#include "mail/htmltext.h"
#include "mail/htmltokenizer.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace Moniagent;
using namespace Qt::Literals::StringLiterals;

// HTML email bodies as text, and their JSON-LD and microdata, with the forgiving tokenizer.
class TestHtmlText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void text_data();
    void text();
    void entities_data();
    void entities();
    void tokenizerSurvivesBrokenMarkup();
    void title();
    void jsonLd();
    void microdata();
};

void TestHtmlText::text_data()
{
    QTest::addColumn<QString>("html");
    QTest::addColumn<QString>("expected");
    QTest::newRow("paragraphs") << u"<p>Hello</p><p>World</p>"_s << u"Hello\nWorld"_s;
    QTest::newRow("br") << u"Line one<br>Line two<br/>three"_s << u"Line one\nLine two\nthree"_s;
    QTest::newRow("inline elements stay on the line")
        << u"<p>Total: <b>$5</b> <i>paid</i></p>"_s << u"Total: $5 paid"_s;
    QTest::newRow("table cells") << u"<table><tr><td>Total</td><td></td><td> $12.00 </td></tr>"
                                    "<tr><th>Tax</th><td>$1.00</td></tr></table>"_s
                                 << u"Total | $12.00\nTax | $1.00"_s;
    QTest::newRow("nested table in a cell") << u"<table><tr><td><table><tr><td>A</td><td>1</td></tr></table></td>"
                                               "<td>B</td></tr></table>"_s
                                            << u"A | 1\nB"_s;
    QTest::newRow("whitespace collapsed")
        << u"  <div>\n  Order   \t number\n</div>\n\n\n<div>42</div>"_s << u"Order number\n42"_s;
    QTest::newRow("head script style dropped")
        << u"<html><head><title>T</title><style>p{color:red}</style><meta charset=utf-8></head>"
           "<body><script>if (a < b) document.write('<p>x</p>');</script><p>Body</p></body></html>"_s
        << u"Body"_s;
    QTest::newRow("hidden elements dropped")
        << u"<div style=\"display: none; max-height:0\">preheader <div>nested</div> text</div><p>Shown</p>"_s
        << u"Shown"_s;
    QTest::newRow("comments and conditional comments")
        << u"<!-- a comment with <p>tags</p> --><!--[if mso]><p>mso</p><![endif]--><p>Kept</p>"_s << u"Kept"_s;
    QTest::newRow("zero-width characters removed") << u"<p>A&zwnj;&#8203;B&shy;C</p>"_s << u"ABC"_s;
    QTest::newRow("list items") << u"<ul><li>One</li><li>Two</li></ul>"_s << u"One\nTwo"_s;
    QTest::newRow("preformatted keeps lines") << u"<pre>a  b\nc</pre>"_s << u"a b\nc"_s;
    QTest::newRow("at most one empty line") << u"<p>A</p><br><br><br><br><p>B</p>"_s << u"A\n\nB"_s;
}

void TestHtmlText::text()
{
    QFETCH(QString, html);
    QFETCH(QString, expected);
    QCOMPARE(HtmlText::toText(html), expected);
}

void TestHtmlText::entities_data()
{
    QTest::addColumn<QString>("html");
    QTest::addColumn<QString>("expected");
    QTest::newRow("named") << u"&amp; &lt; &gt; &quot; &euro; &pound; &auml;&ouml;&uuml;&szlig;"_s
                           << u"& < > \" € £ äöüß"_s;
    QTest::newRow("numeric") << u"&#8364; &#x20AC; &#X20ac; &#39;"_s << u"€ € € '"_s;
    QTest::newRow("windows-1252 range") << u"&#150; &#128;"_s << u"– €"_s;
    QTest::newRow("astral") << u"&#x1F600;"_s << u"😀"_s;
    QTest::newRow("without semicolon") << u"&amp &euro5"_s << u"& €5"_s;
    QTest::newRow("unknown kept") << u"&bogus; & alone"_s << u"&bogus; & alone"_s;
    QTest::newRow("invalid code point") << u"&#0;&#xD800;"_s << u"\uFFFD\uFFFD"_s;
}

void TestHtmlText::entities()
{
    QFETCH(QString, html);
    QFETCH(QString, expected);
    QCOMPARE(HtmlTokenizer::decodeEntities(html), expected);
}

void TestHtmlText::tokenizerSurvivesBrokenMarkup()
{
    // A stray '<', an attribute with '>' in quotes, unclosed tags and an unterminated comment and tag.
    QCOMPARE(HtmlText::toText(u"<p>a < b and 3<4</p><a title=\"x > y\">link</a><div>open"_s),
             u"a < b and 3<4\nlink\nopen"_s);
    QCOMPARE(HtmlText::toText(u"<p>before<!-- never closed <p>x"_s), u"before"_s);
    QCOMPARE(HtmlText::toText(u"<p>before<div class=\"unterminated"_s), u"before"_s);
    QCOMPARE(HtmlText::toText(u"</td></tr></table>text"_s), u"text"_s);
    QCOMPARE(HtmlText::toText(QString()), QString());
    // Many comments in a row and deeply unclosed markup stay linear and within the stack.
    const QString comments = u"<!-- c -->"_s.repeated(200000) + u"<p>end</p>"_s;
    QCOMPARE(HtmlText::toText(comments), u"end"_s);
    const QString deep = u"<div itemscope itemtype=\"https://schema.org/Order\">"_s + u"<p><span>x"_s.repeated(50000);
    QCOMPARE(HtmlText::microdata(deep).size(), 1);

    HtmlTokenizer tokenizer(u"<IMG SRC='a.png' Alt=\"A &amp; B\" hidden/><br>"_s);
    HtmlToken token;
    QVERIFY(tokenizer.next(token));
    QCOMPARE(token.kind, HtmlToken::Kind::StartTag);
    QCOMPARE(token.name, u"img"_s);
    QCOMPARE(token.attribute(u"src"), u"a.png"_s);
    QCOMPARE(token.attribute(u"alt"), u"A & B"_s);
    QVERIFY(token.hasAttribute(u"hidden"));
    QVERIFY(token.selfClosing);
    QVERIFY(tokenizer.next(token));
    QCOMPARE(token.name, u"br"_s);
    QVERIFY(!tokenizer.next(token));
}

void TestHtmlText::title()
{
    QCOMPARE(HtmlText::title(u"<html><head><title> Your  order &amp; receipt </title></head></html>"_s),
             u"Your order & receipt"_s);
    QCOMPARE(HtmlText::title(u"<p>no title</p>"_s), QString());
}

void TestHtmlText::jsonLd()
{
    const QString html = uR"(<head><script type="application/ld+json">{"@type": "Order", "x": "<b>"}</script>
<script>var notJson = 1;</script><script type=" Application/LD+JSON ">[1, 2]</script></head>)"_s;
    const QStringList blocks = HtmlText::jsonLdBlocks(html);
    QCOMPARE(blocks.size(), 2);
    QCOMPARE(blocks.at(0), u"{\"@type\": \"Order\", \"x\": \"<b>\"}"_s);
    QCOMPARE(blocks.at(1), u"[1, 2]"_s);
    QVERIFY(HtmlText::jsonLdBlocks(u"<p>none</p>"_s).isEmpty());
}

void TestHtmlText::microdata()
{
    const QString html = uR"(<div itemscope itemtype="http://schema.org/Order">
  <meta itemprop="orderNumber" content="A-1">
  <div itemprop="seller" itemscope itemtype="http://schema.org/Organization"><b itemprop="name">Shop <i>One</i></b></div>
  <div itemprop="acceptedOffer" itemscope itemtype="http://schema.org/Offer">
    <span itemprop="itemOffered" itemscope itemtype="http://schema.org/Product"><span itemprop="name">Pen</span></span>
    <span itemprop="price">1.50</span>
  </div>
  <div itemprop="acceptedOffer" itemscope itemtype="http://schema.org/Offer"><span itemprop="price">2.00</span></div>
  <link itemprop="orderStatus" href="http://schema.org/OrderProcessing">
  <time itemprop="orderDate" datetime="2024-01-02T10:00:00Z">2 Jan</time>
  <p>Not a property</p>
</div>
<span itemscope itemtype="https://schema.org/Thing"><span itemprop="name">Second</span></span>)"_s;
    const QJsonArray items = HtmlText::microdata(html);
    QCOMPARE(items.size(), 2);
    const QJsonObject order = items.at(0).toObject();
    QCOMPARE(order.value(u"@type").toString(), u"Order"_s);
    QCOMPARE(order.value(u"orderNumber").toString(), u"A-1"_s);
    QCOMPARE(order.value(u"seller").toObject().value(u"name").toString(), u"Shop One"_s);
    QCOMPARE(order.value(u"orderStatus").toString(), u"http://schema.org/OrderProcessing"_s);
    QCOMPARE(order.value(u"orderDate").toString(), u"2024-01-02T10:00:00Z"_s);
    const QJsonArray offers = order.value(u"acceptedOffer").toArray();
    QCOMPARE(offers.size(), 2);
    QCOMPARE(offers.at(0).toObject().value(u"itemOffered").toObject().value(u"name").toString(), u"Pen"_s);
    QCOMPARE(offers.at(1).toObject().value(u"price").toString(), u"2.00"_s);
    QCOMPARE(items.at(1).toObject().value(u"name").toString(), u"Second"_s);
    QVERIFY(HtmlText::microdata(u"<p>plain</p>"_s).isEmpty());
}

QTEST_GUILESS_MAIN(TestHtmlText)
#include "tst_htmltext.moc"
