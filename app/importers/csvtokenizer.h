#pragma once

#include <QString>
#include <QStringView>

#include <vector>

namespace Moniagent {

// Splits decoded CSV text into records, RFC 4180 style: fields in quotes may hold the delimiter, doubled
// quotes and line breaks; lines end in CRLF, LF or a lone CR. It works on a window of text that grows as the
// file is read: next() says NeedMore instead of guessing when a record may continue past the window.
// Fields are spans into the text (no copies) until field() is asked for one.
class CsvTokenizer
{
public:
    enum class Status
    {
        Record, // a record was read; pos is past its line break
        NeedMore, // the window ends inside the record: append text and call again from the same pos
        End, // pos is at the end and no more text comes
    };

    CsvTokenizer(QChar delimiter, QChar quote);

    // Reads the record at `pos` in `text`. `atEnd`: the text is the end of the file.
    Status next(QStringView text, qsizetype& pos, bool atEnd);

    qsizetype fieldCount() const { return qsizetype(m_fields.size()); }
    // True for a line with nothing on it (one empty, unquoted field).
    bool isBlank() const { return m_fields.size() == 1 && m_fields.front().length == 0 && !m_fields.front().quoted; }
    // Line breaks inside the record's quoted fields (its last line is its first line plus this).
    int embeddedLineBreaks() const { return m_embeddedLineBreaks; }
    // The record reached the end of the file inside a quoted field.
    bool unterminatedQuote() const { return m_unterminatedQuote; }

    // The field's text without its quotes. A view into the text when nothing needs unescaping, otherwise
    // into `scratch`. Valid until the window changes or the next call with the same scratch.
    QStringView field(qsizetype index, QString& scratch) const;
    QString fieldString(qsizetype index) const;

private:
    struct Span
    {
        qsizetype start; // relative to m_text; the inside of the quotes for a clean quoted field
        qsizetype length;
        bool quoted = false;
        bool complex = false; // doubled quotes, CR inside quotes or text after the closing quote: see unescape()
    };

    void unescape(const Span& span, QString& out) const;

    char16_t m_delimiter;
    char16_t m_quote;
    QStringView m_text;
    std::vector<Span> m_fields;
    int m_embeddedLineBreaks = 0;
    bool m_unterminatedQuote = false;
};

} // namespace Moniagent
