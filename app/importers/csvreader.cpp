#include "csvreader.h"

#include "csvamount.h"
#include "csvdateformat.h"
#include "csvrecordstream.h"

#include <QIODevice>
#include <QtNumeric>

namespace Moniagent {

namespace {

// Everything about the mapping that can be worked out once instead of per row.
struct RowMapper
{
    const CsvMapping& mapping;
    CsvDateFormat date;
    CsvAmount::Format amountFormat;
    Currency defaultCurrency;
    Currency rowCurrency; // the last currency read from the currency column, reused while it repeats
    QString rowCurrencyCode;
    QStringList header;
    int required = 0;
    QString scratch; // unescaped field text; views into it live until the next field() call
    QString headerScratch; // isRepeatedHeader() runs while a view into `scratch` is still needed

    QString columnLabel(int column) const
    {
        const QString name = header.value(column).trimmed();
        return name.isEmpty() ? CsvReader::tr("column %1").arg(column + 1) : name;
    }

    QString text(const CsvTokenizer& record, int column)
    {
        if (column < 0 || column >= record.fieldCount())
            return {};
        return record.field(column, scratch).trimmed().toString();
    }

    bool isRepeatedHeader(const CsvTokenizer& record)
    {
        if (header.isEmpty() || record.fieldCount() != header.size())
            return false;
        for (qsizetype i = 0; i < record.fieldCount(); ++i) {
            if (record.field(i, headerScratch).trimmed() != QStringView(header.at(i)).trimmed())
                return false;
        }
        return true;
    }

    // The amount of one column: false with `error` set when it cannot be read; `empty` when it has nothing.
    bool amount(const CsvTokenizer& record, int line, int column, const Currency& currency, qint64* minor, bool* empty,
                QString* error)
    {
        const QStringView value = record.field(column, scratch).trimmed();
        CsvAmount::Format format = amountFormat;
        format.minorDigits = currency.minorDigits();
        switch (CsvAmount::parse(value, format, minor)) {
        case CsvAmount::Outcome::Ok:
            *empty = false;
            return true;
        case CsvAmount::Outcome::Empty:
            *empty = true;
            *minor = 0;
            return true;
        case CsvAmount::Outcome::NotAnAmount:
            *error = CsvReader::tr("Line %1: “%2” in the column “%3” is not an amount.")
                         .arg(line)
                         .arg(value)
                         .arg(columnLabel(column));
            return false;
        case CsvAmount::Outcome::TooManyDecimals:
            *error = CsvReader::tr("Line %1: “%2” in the column “%3” has more decimals than %4 allows.")
                         .arg(line)
                         .arg(value)
                         .arg(columnLabel(column), currency.code());
            return false;
        case CsvAmount::Outcome::TooLarge:
            *error = CsvReader::tr("Line %1: the amount “%2” is too large.").arg(line).arg(value);
            return false;
        }
        return false;
    }

    bool isWord(QStringView value, const QStringList& words) const
    {
        for (const QString& word : words) {
            if (value.compare(word, Qt::CaseInsensitive) == 0)
                return true;
        }
        return false;
    }

    // Reads one data record into `line`; returns false when the record is to be left out (a repeated header).
    bool map(const CsvTokenizer& record, int lineNumber, StatementLine& line)
    {
        line.record = lineNumber;
        if (record.unterminatedQuote()) {
            line.error = CsvReader::tr("Line %1: a quoted value is not closed before the end of the file; the "
                                       "file may be cut off.")
                             .arg(lineNumber);
            return true;
        }
        if (record.fieldCount() < required) {
            if (isRepeatedHeader(record))
                return false;
            line.error
                = CsvReader::tr("Line %1 has %n field(s); the mapping needs %2.", nullptr, int(record.fieldCount()))
                      .arg(lineNumber)
                      .arg(required);
            return true;
        }
        const CsvColumns& c = mapping.columns;
        line.memo = text(record, c.description);
        line.payee = text(record, c.payee);
        line.notes = text(record, c.notes);
        line.categoryName = text(record, c.category);
        line.externalId = text(record, c.externalId);

        const QStringView dateText = record.field(c.date, scratch).trimmed();
        CsvDateFormat::Outcome outcome;
        line.date = date.parse(dateText, &outcome);
        if (outcome != CsvDateFormat::Outcome::Ok) {
            if (isRepeatedHeader(record))
                return false;
            if (dateText.isEmpty())
                line.error = CsvReader::tr("Line %1: the date is empty.").arg(lineNumber);
            else if (outcome == CsvDateFormat::Outcome::NoSuchDate)
                line.error = CsvReader::tr("Line %1: the date “%2” does not exist.").arg(lineNumber).arg(dateText);
            else
                line.error = CsvReader::tr("Line %1: “%2” in the column “%3” is not a date in the format %4.")
                                 .arg(lineNumber)
                                 .arg(dateText)
                                 .arg(columnLabel(c.date), mapping.dateFormat);
            return true;
        }

        const Currency* currency = &defaultCurrency;
        if (c.currency >= 0) {
            const QStringView code = record.field(c.currency, scratch).trimmed();
            if (!code.isEmpty()) {
                if (code != rowCurrencyCode) {
                    const Currency parsed = Currency::fromCode(code);
                    if (!parsed.isValid()) {
                        line.error = CsvReader::tr("Line %1: “%2” in the column “%3” is not a currency code.")
                                         .arg(lineNumber)
                                         .arg(code)
                                         .arg(columnLabel(c.currency));
                        return true;
                    }
                    rowCurrency = parsed;
                    rowCurrencyCode = code.toString();
                }
                currency = &rowCurrency;
            }
        }

        qint64 minor = 0;
        bool empty = false;
        switch (mapping.amountMode) {
        case CsvAmountMode::Signed:
            if (!amount(record, lineNumber, c.amount, *currency, &minor, &empty, &line.error))
                return true;
            if (empty) {
                line.error = CsvReader::tr("Line %1: the amount is empty.").arg(lineNumber);
                return true;
            }
            break;
        case CsvAmountMode::DebitCredit: {
            qint64 debit = 0;
            qint64 credit = 0;
            bool noDebit = false;
            bool noCredit = false;
            if (!amount(record, lineNumber, c.debit, *currency, &debit, &noDebit, &line.error)
                || !amount(record, lineNumber, c.credit, *currency, &credit, &noCredit, &line.error))
                return true;
            if (noDebit && noCredit) {
                line.error
                    = CsvReader::tr("Line %1: neither the debit nor the credit column has an amount.").arg(lineNumber);
                return true;
            }
            // Some banks write debits as negative numbers, some as positive ones: the column says which it is.
            if (qSubOverflow(qAbs(credit), qAbs(debit), &minor)) {
                line.error = CsvReader::tr("Line %1: the amount is too large.").arg(lineNumber);
                return true;
            }
            break;
        }
        case CsvAmountMode::Direction: {
            if (!amount(record, lineNumber, c.amount, *currency, &minor, &empty, &line.error))
                return true;
            if (empty) {
                line.error = CsvReader::tr("Line %1: the amount is empty.").arg(lineNumber);
                return true;
            }
            const QStringView word = record.field(c.direction, scratch).trimmed();
            if (isWord(word, mapping.debitWords)) {
                minor = -qAbs(minor);
            } else if (isWord(word, mapping.creditWords)) {
                minor = qAbs(minor);
            } else {
                line.error = CsvReader::tr("Line %1: “%2” in the column “%3” says neither debit nor credit.")
                                 .arg(lineNumber)
                                 .arg(word)
                                 .arg(columnLabel(c.direction));
                return true;
            }
            break;
        }
        }
        if (mapping.invertSign)
            minor = -minor;
        line.amount = Money(minor, *currency);
        return true;
    }
};

bool allFieldsEmpty(const CsvTokenizer& record, QString& scratch)
{
    for (qsizetype i = 0; i < record.fieldCount(); ++i) {
        if (!record.field(i, scratch).trimmed().isEmpty())
            return false;
    }
    return true;
}

QStringList fieldsOf(const CsvTokenizer& record)
{
    QStringList fields;
    fields.reserve(record.fieldCount());
    for (qsizetype i = 0; i < record.fieldCount(); ++i)
        fields << record.fieldString(i);
    return fields;
}

} // namespace

Result<StatementInfo> CsvReader::read(QIODevice& device, const CsvMapping& mapping, const StatementReadOptions& options,
                                      const StatementSink& sink)
{
    auto valid = mapping.validate();
    if (!valid)
        return valid.error();
    const Currency defaultCurrency
        = Currency::fromCode(mapping.currency.isEmpty() ? options.defaultCurrency : mapping.currency);
    if (!defaultCurrency.isValid())
        return Error::invalidInput(tr("“%1” is not a currency code.").arg(options.defaultCurrency));

    CsvRecordStream stream(device, mapping);
    auto opened = stream.open();
    if (!opened)
        return opened.error();

    RowMapper mapper {mapping, *CsvDateFormat::compile(mapping.dateFormat), {}, defaultCurrency, {}, {}, {}, 0, {}, {}};
    mapper.amountFormat.decimal = mapping.decimalSeparator;
    mapper.amountFormat.thousands = mapping.thousandsSeparator;
    mapper.required = mapping.requiredFieldCount();

    StatementInfo info;
    info.format = StatementFormat::Csv;
    info.currency = mapping.currency;
    bool needHeader = mapping.hasHeader;
    for (;;) {
        auto more = stream.next();
        if (!more)
            return more.error();
        if (!*more)
            break;
        const CsvTokenizer& record = stream.record();
        if (record.isBlank()
            || (record.field(0, mapper.scratch).trimmed().isEmpty() && allFieldsEmpty(record, mapper.scratch)))
            continue;
        if (needHeader) {
            mapper.header = fieldsOf(record);
            needHeader = false;
            continue;
        }
        StatementLine line;
        if (!mapper.map(record, stream.line(), line))
            continue;
        ++info.lineCount;
        if (!sink(std::move(line)))
            break;
    }
    if (stream.hadDecodingErrors())
        info.warnings << tr("Some characters are not valid %1 and were replaced; if names look wrong, choose "
                            "another encoding.")
                             .arg(CsvMapping::encodingDisplayName(stream.encoding()));
    return info;
}

Result<CsvPreview> CsvReader::preview(QIODevice& device, const CsvMapping& mapping, int maxRows)
{
    CsvRecordStream stream(device, mapping);
    auto opened = stream.open();
    if (!opened)
        return opened.error();
    CsvPreview preview;
    preview.skippedLines = stream.skippedLines();
    bool needHeader = mapping.hasHeader;
    QString scratch;
    for (;;) {
        auto more = stream.next();
        if (!more)
            return more.error();
        if (!*more) {
            preview.endOfFile = true;
            break;
        }
        const CsvTokenizer& record = stream.record();
        if (record.isBlank() || allFieldsEmpty(record, scratch))
            continue;
        if (needHeader) {
            preview.header = fieldsOf(record);
            needHeader = false;
            continue;
        }
        if (preview.rows.size() >= maxRows)
            break; // one record past the limit: the file has more
        preview.rows << fieldsOf(record);
        preview.lineNumbers << stream.line();
    }
    return preview;
}

} // namespace Moniagent
