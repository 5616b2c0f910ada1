#include "csvtokenizer.h"

namespace Moniagent {

CsvTokenizer::CsvTokenizer(QChar delimiter, QChar quote)
    : m_delimiter(delimiter.unicode())
    , m_quote(quote.unicode())
{
    m_fields.reserve(32);
}

CsvTokenizer::Status CsvTokenizer::next(QStringView text, qsizetype& pos, bool atEnd)
{
    m_text = text;
    m_fields.clear();
    m_embeddedLineBreaks = 0;
    m_unterminatedQuote = false;

    const char16_t* const base = text.utf16();
    const qsizetype n = text.size();
    const char16_t delimiter = m_delimiter;
    const char16_t quote = m_quote;
    qsizetype i = pos;
    if (i >= n)
        return atEnd ? Status::End : Status::NeedMore;

    for (;;) {
        const qsizetype fieldStart = i;
        qsizetype j = i;
        while (j < n && base[j] == u' ') // `a, "b,c"`: spaces before an opening quote are tolerated
            ++j;
        if (quote && j < n && base[j] == quote) {
            qsizetype k = j + 1;
            bool complex = false;
            int breaks = 0;
            for (;;) {
                while (k < n && base[k] != quote) {
                    if (base[k] == u'\n') {
                        ++breaks;
                    } else if (base[k] == u'\r') {
                        complex = true; // normalized to \n by unescape()
                        if (k + 1 < n && base[k + 1] != u'\n')
                            ++breaks;
                    }
                    ++k;
                }
                if (k >= n) {
                    if (!atEnd)
                        return Status::NeedMore;
                    // The file ends inside quotes (a truncated file): keep what is there and say so.
                    m_unterminatedQuote = true;
                    m_embeddedLineBreaks += breaks;
                    m_fields.push_back({fieldStart, n - fieldStart, true, true});
                    pos = n;
                    return Status::Record;
                }
                if (k + 1 < n && base[k + 1] == quote) {
                    complex = true;
                    k += 2;
                    continue;
                }
                if (k + 1 >= n && !atEnd)
                    return Status::NeedMore; // the quote might be the first half of a doubled one
                break;
            }
            const qsizetype close = k;
            k = close + 1;
            const qsizetype after = k;
            while (k < n && base[k] != delimiter && base[k] != u'\n' && base[k] != u'\r')
                ++k;
            for (qsizetype x = after; x < k && !complex; ++x)
                complex = base[x] != u' ';
            if (complex)
                m_fields.push_back({fieldStart, k - fieldStart, true, true});
            else
                m_fields.push_back({j + 1, close - (j + 1), true, false});
            m_embeddedLineBreaks += breaks;
            i = k;
        } else {
            qsizetype k = i;
            while (k < n) {
                const char16_t c = base[k];
                if (c == delimiter || c == u'\n' || c == u'\r')
                    break;
                ++k;
            }
            m_fields.push_back({i, k - i, false, false});
            i = k;
        }

        if (i >= n) {
            if (!atEnd)
                return Status::NeedMore;
            pos = n;
            return Status::Record;
        }
        const char16_t c = base[i];
        if (c == delimiter) {
            ++i;
            continue;
        }
        if (c == u'\r') {
            if (i + 1 >= n) {
                if (!atEnd)
                    return Status::NeedMore; // CR LF split between two reads
            } else if (base[i + 1] == u'\n') {
                ++i;
            }
        }
        pos = i + 1;
        return Status::Record;
    }
}

void CsvTokenizer::unescape(const Span& span, QString& out) const
{
    const QStringView raw = m_text.mid(span.start, span.length);
    qsizetype i = 0;
    while (i < raw.size() && raw.at(i) == u' ')
        ++i;
    ++i; // the opening quote
    out.reserve(out.size() + raw.size());
    while (i < raw.size()) {
        const char16_t c = raw.at(i).unicode();
        if (c == m_quote) {
            if (i + 1 < raw.size() && raw.at(i + 1) == m_quote) {
                out.append(QChar(m_quote));
                i += 2;
                continue;
            }
            ++i;
            break;
        }
        if (c == u'\r') {
            out.append(u'\n');
            if (i + 1 < raw.size() && raw.at(i + 1) == u'\n')
                ++i;
        } else {
            out.append(QChar(c));
        }
        ++i;
    }
    // Text after the closing quote (`"abc"def`) is kept, as Python's csv module does.
    if (i < raw.size())
        out.append(raw.mid(i).trimmed());
}

QStringView CsvTokenizer::field(qsizetype index, QString& scratch) const
{
    const Span& span = m_fields[size_t(index)];
    if (!span.complex)
        return m_text.mid(span.start, span.length);
    scratch.resize(0); // keeps the allocation for the next field
    unescape(span, scratch);
    return scratch;
}

QString CsvTokenizer::fieldString(qsizetype index) const
{
    const Span& span = m_fields[size_t(index)];
    if (!span.complex)
        return m_text.mid(span.start, span.length).toString();
    QString out;
    unescape(span, out);
    return out;
}

} // namespace Moniagent
