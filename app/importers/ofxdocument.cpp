#include "ofxdocument.h"

#include <QRegularExpression>

namespace Moniagent {

namespace {

bool isNameStart(QChar c)
{
    return (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z');
}

bool isNameChar(QChar c)
{
    return isNameStart(c) || (c >= u'0' && c <= u'9') || c == u'.' || c == u'_' || c == u'-';
}

// The character a named or numeric reference stands for, or nullopt when it is not one we know.
std::optional<char32_t> entityValue(QStringView name)
{
    if (name.startsWith(u'#')) {
        bool ok = false;
        const uint code = (name.size() > 1 && (name.at(1) == u'x' || name.at(1) == u'X')) ? name.mid(2).toUInt(&ok, 16)
                                                                                          : name.mid(1).toUInt(&ok, 10);
        if (!ok || code == 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
            return std::nullopt;
        return char32_t(code);
    }
    if (name == u"amp")
        return U'&';
    if (name == u"lt")
        return U'<';
    if (name == u"gt")
        return U'>';
    if (name == u"quot")
        return U'"';
    if (name == u"apos")
        return U'\'';
    if (name == u"nbsp")
        return U'\u00A0';
    return std::nullopt;
}

// The length of the reference name after '&' at `at` ("amp" in "&amp;"), or 0 when no ';'-terminated
// reference starts there.
qsizetype referenceLength(QStringView text, qsizetype at)
{
    qsizetype end = at + 1;
    while (end < text.size() && end - at <= 10 && (text.at(end).isLetterOrNumber() || text.at(end) == u'#'))
        ++end;
    if (end >= text.size() || text.at(end) != u';' || end == at + 1)
        return 0;
    return end - at - 1;
}

// SGML knows only &amp; &lt; &gt; here: other references become their character, a bare '&' ("AT&T")
// becomes &amp; so that OpenSP does not take "&T" for an undefined entity and drop the text.
QString canonicalAmpersands(const QString& text)
{
    if (!text.contains(u'&'))
        return text;
    QString out;
    out.reserve(text.size() + 16);
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c != u'&') {
            out.append(c);
            continue;
        }
        const qsizetype length = referenceLength(text, i);
        const QStringView name = QStringView(text).mid(i + 1, length);
        const std::optional<char32_t> value = length > 0 ? entityValue(name) : std::nullopt;
        if (!value) {
            out.append(u"&amp;");
        } else if (*value == U'&' || *value == U'<' || *value == U'>') {
            out.append(QStringView(text).mid(i, length + 2));
            i += length + 1;
        } else {
            const char32_t ucs4[1] = {*value};
            out.append(QString::fromUcs4(ucs4, 1));
            i += length + 1;
        }
    }
    return out;
}

QString upperCaseTagNames(const QString& text)
{
    QString out = text;
    for (qsizetype i = 0; i < out.size(); ++i) {
        if (out.at(i) != u'<')
            continue;
        qsizetype j = i + 1;
        if (j < out.size() && out.at(j) == u'/')
            ++j;
        if (j >= out.size() || !isNameStart(out.at(j)))
            continue;
        for (; j < out.size() && isNameChar(out.at(j)); ++j)
            out[j] = out.at(j).toUpper();
        i = j - 1;
    }
    return out;
}

} // namespace

QString OfxDocument::decodeEntities(QStringView text)
{
    if (!text.contains(u'&'))
        return text.toString();
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const qsizetype length = text.at(i) == u'&' ? referenceLength(text, i) : 0;
        const std::optional<char32_t> value = length > 0 ? entityValue(text.mid(i + 1, length)) : std::nullopt;
        if (!value) {
            out.append(text.at(i));
            continue;
        }
        const char32_t ucs4[1] = {*value};
        out.append(QString::fromUcs4(ucs4, 1));
        i += length + 1;
    }
    return out;
}

std::optional<OfxDocument> OfxDocument::parse(const QByteArray& bytes)
{
    StatementText::Decoded decoded = StatementText::decode(bytes);
    static const QRegularExpression start(QStringLiteral("<\\s*OFX\\s*>"), QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression end(QStringLiteral("<\\s*/\\s*OFX\\s*>"),
                                        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch startMatch = start.match(decoded.text);
    if (!startMatch.hasMatch())
        return std::nullopt;

    OfxDocument document;
    document.m_encoding = decoded.encoding;
    const qsizetype from = startMatch.capturedStart();
    qsizetype to = decoded.text.size();
    QRegularExpressionMatchIterator ends = end.globalMatch(decoded.text, from);
    while (ends.hasNext()) {
        to = ends.next().capturedEnd();
        document.m_complete = true;
    }
    QString body = decoded.text.mid(from, to - from);
    body.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    body.replace(u'\r', u'\n');
    // libofx finds the body by the exact text "<OFX>" and ignores a lower-case or spaced variant.
    body.replace(0, startMatch.capturedLength(), QStringLiteral("<OFX>"));
    document.m_body = canonicalAmpersands(upperCaseTagNames(body));
    document.scan();
    return document;
}

QByteArray OfxDocument::libofxInput() const
{
    // VERSION 102 SGML with UTF-8: libofx then converts UTF-8 to UTF-8 (a no-op) for SGML and XML bodies alike.
    QByteArray out("OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\nSECURITY:NONE\nENCODING:UTF-8\nCHARSET:NONE\n"
                   "COMPRESSION:NONE\nOLDFILEUID:NONE\nNEWFILEUID:NONE\n\n");
    out += m_body.toUtf8();
    out += '\n';
    return out;
}

void OfxDocument::scan()
{
    qsizetype transaction = -1;
    qsizetype account = -1;
    bool inCurrency = false;
    bool inPayee = false;
    QList<QStringView> open; // the aggregates open at this point, outermost first
    const QStringView body(m_body);
    qsizetype i = body.indexOf(u'<');
    while (i >= 0) {
        const qsizetype close = body.indexOf(u'>', i + 1);
        if (close < 0)
            break;
        QStringView tag = body.mid(i + 1, close - i - 1).trimmed();
        const bool closing = tag.startsWith(u'/');
        if (closing)
            tag = tag.mid(1).trimmed();
        const qsizetype next = body.indexOf(u'<', close + 1);
        const QStringView rawValue = body.mid(close + 1, next < 0 ? -1 : next - close - 1);
        i = next;

        if (closing) {
            const qsizetype at = open.lastIndexOf(tag);
            if (at >= 0)
                open.resize(at);
        } else if (next >= 0 && rawValue.trimmed().isEmpty()) {
            open.append(tag);
            m_maximumDepth = qMax(m_maximumDepth, int(open.size()));
        }

        if (tag == u"STMTTRN") {
            if (!closing) {
                m_transactions.append(Transaction());
                transaction = m_transactions.size() - 1;
            } else {
                transaction = -1;
            }
            inCurrency = false;
            inPayee = false;
            continue;
        }
        if (tag == u"BANKACCTFROM" || tag == u"CCACCTFROM" || tag == u"INVACCTFROM") {
            if (!closing) {
                m_accounts.append(Account {{}, {}, tag.toString()});
                account = m_accounts.size() - 1;
            } else {
                account = -1;
            }
            continue;
        }
        if (tag == u"CURRENCY") {
            inCurrency = !closing;
            continue;
        }
        if (tag == u"PAYEE") {
            inPayee = !closing;
            continue;
        }
        if (closing)
            continue;
        if (transaction >= 0) {
            Transaction& t = m_transactions[transaction];
            if (tag == u"TRNAMT" && !t.amount)
                t.amount = decodeEntities(rawValue.trimmed());
            else if (tag == u"DTPOSTED" && !t.datePosted)
                t.datePosted = decodeEntities(rawValue.trimmed());
            else if (tag == u"FITID" && t.fitId.isEmpty())
                t.fitId = decodeEntities(rawValue.trimmed());
            else if (tag == u"CURSYM" && inCurrency)
                t.currency = decodeEntities(rawValue.trimmed());
            else if (tag == u"NAME" && inPayee && t.payeeName.isEmpty())
                t.payeeName = decodeEntities(rawValue.trimmed());
        } else if (account >= 0) {
            Account& a = m_accounts[account];
            if (tag == u"ACCTID" && a.accountId.isEmpty())
                a.accountId = decodeEntities(rawValue.trimmed());
            else if (tag == u"ACCTTYPE" && a.accountType.isEmpty())
                a.accountType = decodeEntities(rawValue.trimmed());
        }
    }
}

} // namespace Moniagent
