#include "csvdialect.h"

#include "csvamount.h"
#include "csvcolumnroles.h"
#include "csvdateformat.h"
#include "csvdecoder.h"
#include "csvrecordstream.h"
#include "csvtokenizer.h"

#include <QHash>
#include <QIODevice>
#include <QSet>

#include <algorithm>

namespace Moniagent {

namespace {

constexpr int MaxSampleRecords = 300;

struct Record
{
    QStringList fields;
    int line = 0;
    bool blank = false;
};

QList<Record> tokenize(QStringView text, QChar delimiter)
{
    QList<Record> records;
    CsvTokenizer tokenizer(delimiter, u'"');
    qsizetype pos = 0;
    int line = 1;
    while (records.size() < MaxSampleRecords && tokenizer.next(text, pos, true) == CsvTokenizer::Status::Record) {
        Record r;
        r.line = line;
        line += 1 + tokenizer.embeddedLineBreaks();
        r.blank = true;
        for (qsizetype i = 0; i < tokenizer.fieldCount(); ++i) {
            r.fields << tokenizer.fieldString(i);
            if (!r.fields.last().trimmed().isEmpty())
                r.blank = false;
        }
        records << r;
    }
    return records;
}

// The most frequent field count of at least 2 among non-blank records (the larger on a tie) and how often.
std::pair<int, int> dominantFieldCount(const QList<Record>& records)
{
    QHash<int, int> frequency;
    for (const Record& r : records) {
        if (!r.blank && r.fields.size() >= 2)
            ++frequency[int(r.fields.size())];
    }
    int best = 0;
    int count = 0;
    for (auto it = frequency.constBegin(); it != frequency.constEnd(); ++it) {
        if (it.value() > count || (it.value() == count && it.key() > best)) {
            best = it.key();
            count = it.value();
        }
    }
    return {best, count};
}

bool isControl(char16_t c)
{
    return (c < 0x20 && c != u'\t' && c != u'\n' && c != u'\r' && c != u'\f' && c != 0x1A) || c == 0x7F;
}

bool validUtf8(QByteArrayView bytes, bool complete)
{
    const auto* p = reinterpret_cast<const quint8*>(bytes.data());
    const auto* end = p + bytes.size();
    while (p < end) {
        const quint8 c = *p;
        int follow = 0;
        if (c < 0x80)
            follow = 0;
        else if ((c & 0xE0) == 0xC0 && c >= 0xC2)
            follow = 1;
        else if ((c & 0xF0) == 0xE0)
            follow = 2;
        else if ((c & 0xF8) == 0xF0 && c <= 0xF4)
            follow = 3;
        else
            return false;
        if (end - p <= follow)
            return !complete && end - p - 1 < follow; // a sequence cut by the end of the sample
        for (int k = 1; k <= follow; ++k) {
            if ((p[k] & 0xC0) != 0x80)
                return false;
        }
        p += follow + 1;
    }
    return true;
}

// 31.03.2019, 2019.03.31: not a number with thousands separators.
bool looksLikeDottedDate(QStringView value)
{
    const auto parts = value.trimmed().split(u'.');
    if (parts.size() != 3)
        return false;
    for (QStringView part : parts) {
        if (part.isEmpty() || part.size() > 4
            || !std::all_of(part.begin(), part.end(), [](QChar c) { return c.isDigit(); }))
            return false;
    }
    return parts[0].size() == 4 || parts[2].size() == 4 || parts[2].size() == 2;
}

// '.' or ',' as the decimal separator, by what the numbers show: the last of two different marks, a mark
// seen several times is the thousands separator, a single mark followed by other than three digits is decimal.
QChar voteDecimal(const QList<Record>& rows, const QLocale& locale)
{
    int point = 0;
    int comma = 0;
    for (const Record& r : rows) {
        for (const QString& value : r.fields) {
            if (value.size() > 40)
                continue;
            qsizetype points = 0;
            qsizetype commas = 0;
            qsizetype last = -1;
            bool digit = false;
            bool other = false;
            int letters = 0;
            for (qsizetype i = 0; i < value.size(); ++i) {
                const QChar c = value.at(i);
                if (c.isDigit()) {
                    digit = true;
                } else if (c.isLetter()) {
                    other = ++letters > 3; // text, not an amount with a currency code
                } else if (c == u'.') {
                    ++points;
                    last = i;
                } else if (c == u',') {
                    ++commas;
                    last = i;
                } else if (c == u'/' || c == u':'
                           || (c == u'-' && i > 0 && i + 1 < value.size() && value.at(i - 1).isDigit()
                               && value.at(i + 1).isDigit())) {
                    other = true; // dates, times
                }
            }
            if (!digit || other || last < 0 || looksLikeDottedDate(value))
                continue;
            qsizetype after = 0;
            for (qsizetype i = last + 1; i < value.size() && value.at(i).isDigit(); ++i)
                ++after;
            const QChar mark = value.at(last);
            if (points && commas) {
                (mark == u'.' ? point : comma) += 2;
            } else if ((mark == u'.' ? points : commas) > 1) {
                (mark == u'.' ? comma : point) += 1;
            } else if (after != 3 && after > 0) {
                (mark == u'.' ? point : comma) += 1;
            }
        }
    }
    if (point != comma)
        return point > comma ? u'.' : u',';
    return locale.decimalPoint() == u"," ? u',' : u'.';
}

bool localeDayFirst(const QLocale& locale)
{
    const QString format = locale.dateFormat(QLocale::ShortFormat);
    const qsizetype d = format.indexOf(u'd');
    const qsizetype m = format.indexOf(u'M');
    return d < 0 || m < 0 || d < m;
}

// Makes the chosen format read like the values: "yy" when no year has four digits, "d/M" when some day or
// month has one digit. Parsing is the same either way; this is what the wizard shows.
QString tidyFormat(QString format, const QStringList& values)
{
    bool fourDigitYear = false;
    bool singleDigit = false;
    for (const QString& value : values) {
        int run = 0;
        for (qsizetype i = 0; i <= value.size(); ++i) {
            if (i < value.size() && value.at(i).isDigit()) {
                ++run;
                continue;
            }
            if (run >= 4)
                fourDigitYear = true;
            if (run == 1)
                singleDigit = true;
            run = 0;
        }
    }
    if (!fourDigitYear && format.contains(QStringLiteral("yyyy")) && !format.contains(QStringLiteral("yyyyMMdd")))
        format.replace(QStringLiteral("yyyy"), QStringLiteral("yy"));
    if (singleDigit && !format.contains(QStringLiteral("yyyyMMdd"))) {
        format.replace(QStringLiteral("dd"), QStringLiteral("d"));
        if (!format.contains(QStringLiteral("MMM")))
            format.replace(QStringLiteral("MM"), QStringLiteral("M"));
    }
    return format;
}

struct DateChoice
{
    QString format;
    int count = 0;
    bool ambiguous = false;
};

DateChoice chooseDateFormat(const QStringList& values, const QList<CsvDateFormat>& formats, bool dayFirst)
{
    DateChoice best;
    if (values.isEmpty())
        return best;
    QList<int> counts;
    for (const CsvDateFormat& format : formats) {
        int ok = 0;
        for (const QString& value : values) {
            CsvDateFormat::Outcome outcome;
            format.parse(value, &outcome);
            if (outcome == CsvDateFormat::Outcome::Ok)
                ++ok;
        }
        counts << ok;
    }
    const int top = *std::max_element(counts.cbegin(), counts.cend());
    if (top == 0)
        return best;
    int chosen = -1;
    bool otherOrder = false;
    for (qsizetype i = 0; i < formats.size(); ++i) {
        if (counts[i] != top)
            continue;
        if (chosen < 0 || (formats[i].dayFirst() == dayFirst && formats[chosen].dayFirst() != dayFirst))
            chosen = int(i);
    }
    for (qsizetype i = 0; i < formats.size(); ++i) {
        if (counts[i] == top && formats[i].dayFirst() != formats[chosen].dayFirst())
            otherOrder = true;
    }
    best.format = tidyFormat(formats[chosen].format(), values);
    best.count = top;
    best.ambiguous = otherOrder;
    return best;
}

QList<CsvColumnStats> columnStats(const QList<Record>& rows, int columns, const CsvAmount::Format& amountFormat,
                                  const QLocale& locale)
{
    static const QList<CsvDateFormat> formats = [] {
        QList<CsvDateFormat> list;
        for (const QString& f : CsvDialect::candidateDateFormats())
            list << *CsvDateFormat::compile(f);
        return list;
    }();
    const bool dayFirst = localeDayFirst(locale);
    QList<CsvColumnStats> stats(columns);
    for (int c = 0; c < columns; ++c) {
        CsvColumnStats& s = stats[c];
        QStringList values;
        QSet<QString> distinct;
        for (const Record& r : rows) {
            if (c >= r.fields.size())
                continue;
            const QString value = r.fields.at(c).trimmed();
            if (value.isEmpty())
                continue;
            values << value;
            distinct.insert(value);
            s.textLength += value.size();
            if (std::any_of(value.cbegin(), value.cend(), [](QChar ch) { return ch.isLetter(); }))
                ++s.withLetters;
            qint64 minor = 0;
            if (CsvAmount::parse(value, amountFormat, &minor) == CsvAmount::Outcome::Ok) {
                ++s.amounts;
                if (value.contains(amountFormat.decimal))
                    ++s.withDecimals;
                if (minor < 0)
                    ++s.negatives;
            }
            const int direction = CsvColumnRoles::directionOf(value);
            s.debitWords += direction < 0;
            s.creditWords += direction > 0;
            if (value.size() == 3 && std::all_of(value.cbegin(), value.cend(), [](QChar ch) {
                    return ch.unicode() < 0x80 && ch.isLetter();
                }))
                ++s.currencyCodes;
        }
        s.values = int(values.size());
        s.distinct = int(distinct.size());
        const DateChoice date = chooseDateFormat(values, formats, dayFirst);
        s.dates = date.count;
        s.dateFormat = date.format;
        s.dateAmbiguous = date.ambiguous;
    }
    return stats;
}

bool rowLooksLikeData(const Record& row, const QList<CsvColumnStats>& stats, const CsvAmount::Format& amountFormat)
{
    for (qsizetype c = 0; c < row.fields.size() && c < stats.size(); ++c) {
        const CsvColumnStats& s = stats[c];
        const QString value = row.fields.at(c).trimmed();
        if (value.isEmpty() || s.values == 0)
            continue;
        if (s.dates * 5 >= s.values * 4) {
            if (auto format = CsvDateFormat::compile(s.dateFormat); format && format->parse(value).isValid())
                return true;
        }
        qint64 minor = 0;
        if (s.amounts * 5 >= s.values * 4 && s.withDecimals > 0
            && CsvAmount::parse(value, amountFormat, &minor) == CsvAmount::Outcome::Ok)
            return true;
    }
    return false;
}

} // namespace

QStringList CsvDialect::candidateDateFormats()
{
    return {QStringLiteral("yyyy-MM-dd"),   QStringLiteral("dd.MM.yyyy"),  QStringLiteral("dd/MM/yyyy"),
            QStringLiteral("MM/dd/yyyy"),   QStringLiteral("dd-MM-yyyy"),  QStringLiteral("MM-dd-yyyy"),
            QStringLiteral("yyyy/MM/dd"),   QStringLiteral("yyyy.MM.dd"),  QStringLiteral("yyyyMMdd"),
            QStringLiteral("dd MMM yyyy"),  QStringLiteral("dd-MMM-yyyy"), QStringLiteral("dd/MMM/yyyy"),
            QStringLiteral("dd. MMM yyyy"), QStringLiteral("MMM d, yyyy"), QStringLiteral("MMM d yyyy")};
}

CsvDialect::EncodingGuess CsvDialect::detectEncoding(QByteArrayView head)
{
    const auto* b = reinterpret_cast<const quint8*>(head.data());
    const qsizetype n = head.size();
    if (n >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF)
        return {CsvEncoding::Utf8, true, true};
    if (n >= 2 && b[0] == 0xFF && b[1] == 0xFE)
        return {CsvEncoding::Utf16LE, true, true};
    if (n >= 2 && b[0] == 0xFE && b[1] == 0xFF)
        return {CsvEncoding::Utf16BE, true, true};
    // UTF-16 without a BOM: Latin text has a NUL in every other byte.
    const qsizetype pairs = qMin<qsizetype>(n, 4096) / 2;
    if (pairs >= 2) {
        qsizetype evenZeros = 0;
        qsizetype oddZeros = 0;
        for (qsizetype i = 0; i < pairs; ++i) {
            evenZeros += b[2 * i] == 0;
            oddZeros += b[2 * i + 1] == 0;
        }
        if (oddZeros * 10 >= pairs * 3 && evenZeros * 20 < pairs)
            return {CsvEncoding::Utf16LE, false, true};
        if (evenZeros * 10 >= pairs * 3 && oddZeros * 20 < pairs)
            return {CsvEncoding::Utf16BE, false, true};
    }
    if (validUtf8(head, n < SniffBytes))
        return {CsvEncoding::Utf8, false, false};
    for (qsizetype i = 0; i < n; ++i) {
        // 0x81, 0x8D, 0x8F, 0x90 and 0x9D are the gaps of Windows-1252.
        if (b[i] >= 0x80 && b[i] <= 0x9F && b[i] != 0x81 && b[i] != 0x8D && b[i] != 0x8F && b[i] != 0x90
            && b[i] != 0x9D)
            return {CsvEncoding::Windows1252, false, false};
    }
    return {CsvEncoding::Latin1, false, false};
}

bool CsvDialect::looksBinary(QByteArrayView head, CsvEncoding encoding)
{
    if (head.isEmpty())
        return false;
    qsizetype controls = 0;
    qsizetype total = 0;
    if (encoding == CsvEncoding::Utf16LE || encoding == CsvEncoding::Utf16BE) {
        QString text;
        CsvDecoder(encoding).decode(head, text);
        for (QChar c : std::as_const(text)) {
            if (c.unicode() == 0)
                return true;
            controls += isControl(c.unicode());
        }
        total = text.size();
    } else {
        for (char c : head) {
            if (c == 0)
                return true;
            controls += isControl(quint8(c));
        }
        total = head.size();
    }
    return controls * 100 > total;
}

Result<CsvSniff> CsvDialect::sniff(QIODevice& device, const QLocale& locale)
{
    if (!device.isOpen() || !device.isReadable())
        return Error {Error::Code::Io, tr("The file is not open for reading."), CsvRecordStream::fileNameOf(device)};
    const QByteArray head = device.peek(SniffBytes);
    const bool complete = head.size() < SniffBytes || (!device.isSequential() && device.size() <= head.size());
    auto result = sniff(head, complete, locale);
    if (!result && result.error().code == Error::Code::InvalidInput) {
        const QString name = CsvRecordStream::fileNameOf(device);
        if (!name.isEmpty() && CsvDialect::looksBinary(head, detectEncoding(head).encoding))
            return Error::invalidInput(tr("“%1” is not a text file.").arg(name), result.error().detail);
    }
    return result;
}

Result<CsvSniff> CsvDialect::sniff(QByteArrayView head, bool complete, const QLocale& locale)
{
    const EncodingGuess encoding = detectEncoding(head);
    if (looksBinary(head, encoding.encoding))
        return Error::invalidInput(tr("The file is not a text file."), QStringLiteral("binary content"));
    QString text;
    CsvDecoder(encoding.encoding).decode(head, text);
    if (!complete) {
        // The sample ends in the middle of a line: drop that line.
        const qsizetype cut = qMax(text.lastIndexOf(u'\n'), text.lastIndexOf(u'\r'));
        if (cut > 0)
            text.truncate(cut + 1);
    }
    if (text.trimmed().isEmpty())
        return Error::invalidInput(tr("The file is empty."));

    // The delimiter that splits the most records into the same number (≥ 2) of fields.
    QChar delimiter;
    QList<Record> records;
    int fieldCount = 0;
    int consistency = 0;
    for (QChar candidate : {u',', u';', u'\t', u'|'}) {
        QList<Record> split = tokenize(text, candidate);
        const auto [count, frequency] = dominantFieldCount(split);
        if (count >= 2 && (frequency > consistency || (frequency == consistency && count > fieldCount))) {
            delimiter = candidate;
            records = std::move(split);
            fieldCount = count;
            consistency = frequency;
        }
    }
    if (delimiter.isNull())
        return Error::invalidInput(tr("The file does not look like a table: no comma, semicolon, tab or bar "
                                      "splits its lines into columns."));

    // The table starts at the first record of the dominant width followed by another one (a header may
    // differ by one trailing field); the lines above it are account details.
    QList<Record> nonBlank;
    for (const Record& r : std::as_const(records)) {
        if (!r.blank)
            nonBlank << r;
    }
    qsizetype start = 0;
    for (; start < nonBlank.size(); ++start) {
        const int width = int(nonBlank[start].fields.size());
        const bool nextFits = start + 1 >= nonBlank.size() || nonBlank[start + 1].fields.size() == fieldCount;
        if (width == fieldCount && nextFits)
            break;
        if (qAbs(width - fieldCount) == 1 && start + 1 < nonBlank.size()
            && nonBlank[start + 1].fields.size() == fieldCount)
            break;
    }
    if (start >= nonBlank.size())
        start = 0;

    QList<Record> body;
    for (qsizetype i = start + 1; i < nonBlank.size(); ++i) {
        // Rows of the table's width, without a repetition of its first row (a header repeated at the end).
        if (nonBlank[i].fields.size() == fieldCount && nonBlank[i].fields != nonBlank[start].fields)
            body << nonBlank[i];
    }
    const QList<Record> all = QList<Record> {nonBlank[start]} + body;

    CsvAmount::Format amountFormat;
    amountFormat.decimal = voteDecimal(all, locale);
    amountFormat.thousands = amountFormat.decimal == u'.' ? u',' : u'.';
    QList<CsvColumnStats> bodyStats = columnStats(body, fieldCount, amountFormat, locale);

    // A header row: its fields are text where the rows below have dates and amounts.
    const Record& first = nonBlank[start];
    bool hasHeader = !rowLooksLikeData(first, bodyStats, amountFormat);
    if (hasHeader && body.isEmpty()) {
        hasHeader = std::any_of(first.fields.cbegin(), first.fields.cend(),
                                [](const QString& f) { return CsvColumnRoles::roleFromHeader(f) != CsvRole::None; });
    }

    CsvSniff result;
    CsvMapping& mapping = result.mapping;
    mapping.encoding = encoding.encoding;
    mapping.delimiter = delimiter;
    mapping.quote = u'"';
    mapping.skipLines = first.line - 1;
    mapping.hasHeader = hasHeader;
    mapping.decimalSeparator = amountFormat.decimal;
    mapping.thousandsSeparator = amountFormat.thousands;
    const QList<Record>& data = hasHeader ? body : all;
    const QList<CsvColumnStats> stats = hasHeader ? bodyStats : columnStats(all, fieldCount, amountFormat, locale);
    if (hasHeader)
        result.header = first.fields;
    CsvColumnRoles::assign(result.header, stats, mapping);

    for (const Record& r : std::as_const(records)) {
        if (r.line >= first.line)
            break;
        result.skippedLines << r.fields.join(delimiter);
    }
    for (qsizetype i = 0; i < data.size() && i < 20; ++i)
        result.sampleRows << data[i].fields;
    result.dateAmbiguous = mapping.columns.date >= 0 && stats[mapping.columns.date].dateAmbiguous;
    result.complete = mapping.validate().ok();
    return result;
}

} // namespace Moniagent
