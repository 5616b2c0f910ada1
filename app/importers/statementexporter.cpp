#include "statementexporter.h"

#include "db/transactionrepository.h"
#include "exportoutput.h"

namespace Moniagent {

namespace {

struct ColumnName
{
    CsvColumn column;
    const char* key;
};

constexpr ColumnName ColumnKeys[] = {
    {CsvColumn::Date, "date"},           {CsvColumn::Type, "type"},
    {CsvColumn::Amount, "amount"},       {CsvColumn::Currency, "currency"},
    {CsvColumn::Merchant, "merchant"},   {CsvColumn::Description, "description"},
    {CsvColumn::Notes, "notes"},         {CsvColumn::Category, "category"},
    {CsvColumn::Source, "source"},       {CsvColumn::ExternalId, "external_id"},
    {CsvColumn::Confirmed, "confirmed"},
};

// RFC 4180: quoted when the field holds the delimiter, a quote or a line break; quotes doubled.
QString csvField(const QString& value, QChar delimiter)
{
    bool quote = false;
    for (QChar c : value) {
        if (c == delimiter || c == u'"' || c == u'\n' || c == u'\r') {
            quote = true;
            break;
        }
    }
    if (!quote)
        return value;
    QString text = value;
    text.replace(u'"', QStringLiteral("\"\""));
    return u'"' + text + u'"';
}

class CsvRowWriter
{
public:
    CsvRowWriter(const CsvExportOptions& options, const QHash<qint64, QString>& categories)
        : m_options(options)
        , m_categories(categories)
        , m_locale(options.locale)
        , m_delimiter(options.delimiter())
        , m_iso(options.style == CsvExportOptions::Style::Iso)
    {
        // Numbers in a data file carry no group separators: "1234,56", never "1.234,56".
        m_locale.setNumberOptions(m_locale.numberOptions() | QLocale::OmitGroupSeparator);
    }

    QString header() const
    {
        QStringList names;
        for (CsvColumn column : m_options.columns)
            names << csvField(CsvExportOptions::header(column, m_options.style), m_delimiter);
        return names.join(m_delimiter) + QStringLiteral("\r\n");
    }

    QString row(const Transaction& t) const
    {
        QString line;
        bool first = true;
        for (CsvColumn column : m_options.columns) {
            if (!first)
                line += m_delimiter;
            first = false;
            line += csvField(value(t, column), m_delimiter);
        }
        line += QStringLiteral("\r\n");
        return line;
    }

private:
    QString value(const Transaction& t, CsvColumn column) const
    {
        switch (column) {
        case CsvColumn::Date:
            return m_iso ? t.occurredOn.toString(Qt::ISODate) : m_locale.toString(t.occurredOn, QLocale::ShortFormat);
        case CsvColumn::Type:
            return m_iso ? TransactionEnums::key(t.type) : TransactionEnums::displayName(t.type);
        case CsvColumn::Amount: {
            const Money amount(t.signedMinor(), t.amount.currency());
            return m_iso ? amount.toDecimalString() : amount.toNumberString(m_locale);
        }
        case CsvColumn::Currency:
            return t.amount.currency().code();
        case CsvColumn::Merchant:
            return t.merchant;
        case CsvColumn::Description:
            return t.description;
        case CsvColumn::Notes:
            return t.notes;
        case CsvColumn::Category:
            return t.categoryId ? m_categories.value(*t.categoryId) : QString();
        case CsvColumn::Source:
            return m_iso ? TransactionEnums::key(t.source) : TransactionEnums::displayName(t.source);
        case CsvColumn::ExternalId:
            return t.externalId;
        case CsvColumn::Confirmed:
            if (m_iso)
                return t.confirmedByUser ? QStringLiteral("true") : QStringLiteral("false");
            return t.confirmedByUser ? QCoreApplication::translate("Moniagent::CsvExportOptions", "yes")
                                     : QCoreApplication::translate("Moniagent::CsvExportOptions", "no");
        }
        return {};
    }

    const CsvExportOptions& m_options;
    const QHash<qint64, QString>& m_categories;
    QLocale m_locale;
    QChar m_delimiter;
    bool m_iso;
};

} // namespace

QList<CsvColumn> CsvExportOptions::allColumns()
{
    QList<CsvColumn> columns;
    for (const ColumnName& c : ColumnKeys)
        columns << c.column;
    return columns;
}

QString CsvExportOptions::key(CsvColumn column)
{
    for (const ColumnName& c : ColumnKeys) {
        if (c.column == column)
            return QString::fromLatin1(c.key);
    }
    return {};
}

std::optional<CsvColumn> CsvExportOptions::columnFromKey(QStringView key)
{
    QString normalized = key.trimmed().toString().toLower();
    normalized.replace(u'-', u'_');
    if (normalized == QLatin1String("externalid"))
        normalized = QStringLiteral("external_id");
    for (const ColumnName& c : ColumnKeys) {
        if (normalized == QLatin1String(c.key))
            return c.column;
    }
    return std::nullopt;
}

QString CsvExportOptions::header(CsvColumn column, Style style)
{
    // The ISO style's headers are fixed English names that Moniagent's CSV reader and other programs map by
    // themselves; the locale style's are for people.
    const bool iso = style == Style::Iso;
    switch (column) {
    case CsvColumn::Date:
        return iso ? QStringLiteral("Date") : tr("Date");
    case CsvColumn::Type:
        return iso ? QStringLiteral("Type") : tr("Type");
    case CsvColumn::Amount:
        return iso ? QStringLiteral("Amount") : tr("Amount");
    case CsvColumn::Currency:
        return iso ? QStringLiteral("Currency") : tr("Currency");
    case CsvColumn::Merchant:
        return iso ? QStringLiteral("Merchant") : tr("Merchant");
    case CsvColumn::Description:
        return iso ? QStringLiteral("Description") : tr("Description");
    case CsvColumn::Notes:
        return iso ? QStringLiteral("Notes") : tr("Notes");
    case CsvColumn::Category:
        return iso ? QStringLiteral("Category") : tr("Category");
    case CsvColumn::Source:
        return iso ? QStringLiteral("Source") : tr("Source");
    case CsvColumn::ExternalId:
        return iso ? QStringLiteral("Transaction ID") : tr("Transaction ID");
    case CsvColumn::Confirmed:
        return iso ? QStringLiteral("Confirmed") : tr("Confirmed");
    }
    return {};
}

QChar CsvExportOptions::delimiter() const
{
    if (style == Style::Locale && locale.decimalPoint() == QLatin1String(","))
        return u';';
    return u',';
}

Result<qint64> StatementExporter::writeCsv(QIODevice& device, const ExportSource& source,
                                           const CsvExportOptions& options, const Progress& progress)
{
    if (options.columns.isEmpty())
        return Error::invalidInput(tr("Choose at least one column to export."));
    auto names = ExportOutput::categoryNames(source.categories, source.userId);
    if (!names)
        return names.error();
    LedgerRows rows(source.transactions, source.userId, source.filter, source.pageSize);
    auto total = rows.count();
    if (!total)
        return total.error();

    const CsvRowWriter writer(options, *names);
    ExportOutput out(device);
    if (options.byteOrderMark)
        out.write(QByteArrayLiteral("\xEF\xBB\xBF"));
    out.write(writer.header());
    qint64 done = 0;
    for (;;) {
        auto page = rows.next();
        if (!page)
            return page.error();
        if (page->isEmpty())
            break;
        for (const Transaction& t : std::as_const(*page))
            out.write(writer.row(t));
        done += page->size();
        if (auto flushed = out.flush(); !flushed)
            return flushed.error();
        if (progress && !progress(done, *total))
            return ExportOutput::cancelled();
    }
    if (auto flushed = out.flush(); !flushed)
        return flushed.error();
    return done;
}

} // namespace Moniagent
