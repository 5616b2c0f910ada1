#include "sqlscript.h"

#include <QRegularExpression>

namespace Moniagent {

namespace {

bool isTrigger(const QString& statement)
{
    static const QRegularExpression re(QStringLiteral(R"(^\s*CREATE\s+(TEMP\s+|TEMPORARY\s+)?TRIGGER\b)"),
                                       QRegularExpression::CaseInsensitiveOption);
    return re.match(statement).hasMatch();
}

bool endsWithEnd(const QString& statement)
{
    static const QRegularExpression re(QStringLiteral(R"(\bEND\s*$)"), QRegularExpression::CaseInsensitiveOption);
    return re.match(statement).hasMatch();
}

// The statement without its comments, to decide whether it is empty or a trigger.
QString withoutComments(const QString& text)
{
    QString out;
    out.reserve(text.size());
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == u'-' && i + 1 < text.size() && text.at(i + 1) == u'-') {
            while (i < text.size() && text.at(i) != u'\n')
                ++i;
            out.append(u'\n');
            continue;
        }
        if (c == u'/' && i + 1 < text.size() && text.at(i + 1) == u'*') {
            i += 2;
            while (i + 1 < text.size() && !(text.at(i) == u'*' && text.at(i + 1) == u'/'))
                ++i;
            ++i;
            out.append(u' ');
            continue;
        }
        out.append(c);
    }
    return out;
}

} // namespace

QStringList SqlScript::split(const QString& script)
{
    QStringList statements;
    QString current;
    QChar quote; // active quote character: ' " ` or [
    bool lineComment = false;
    bool blockComment = false;

    auto flush = [&]() {
        const QString code = withoutComments(current).trimmed();
        if (!code.isEmpty())
            statements.append(current.trimmed());
        current.clear();
    };

    for (int i = 0; i < script.size(); ++i) {
        const QChar c = script.at(i);
        const QChar next = i + 1 < script.size() ? script.at(i + 1) : QChar();
        if (lineComment) {
            current.append(c);
            if (c == u'\n')
                lineComment = false;
            continue;
        }
        if (blockComment) {
            current.append(c);
            if (c == u'*' && next == u'/') {
                current.append(next);
                ++i;
                blockComment = false;
            }
            continue;
        }
        if (!quote.isNull()) {
            current.append(c);
            const QChar closing = quote == u'[' ? QChar(u']') : quote;
            if (c == closing) {
                if (closing != u']' && next == closing) { // doubled quote inside a string
                    current.append(next);
                    ++i;
                } else {
                    quote = QChar();
                }
            }
            continue;
        }
        if (c == u'-' && next == u'-') {
            lineComment = true;
            current.append(c);
            continue;
        }
        if (c == u'/' && next == u'*') {
            blockComment = true;
            current.append(c);
            current.append(next);
            ++i;
            continue;
        }
        if (c == u'\'' || c == u'"' || c == u'`' || c == u'[') {
            quote = c;
            current.append(c);
            continue;
        }
        if (c == u';') {
            const QString code = withoutComments(current);
            if (isTrigger(code) && !endsWithEnd(code.trimmed())) {
                current.append(c); // a statement inside the trigger body
                continue;
            }
            flush();
            continue;
        }
        current.append(c);
    }
    flush();
    return statements;
}

} // namespace Moniagent
