#include "exportcommand.h"

#include "cliparsing.h"
#include "importers/backup.h"
#include "importers/statementexporter.h"
#include "session/session.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace Moniagent {

namespace {

const QString Csv = QStringLiteral("csv");
const QString Ofx = QStringLiteral("ofx");
const QString Qif = QStringLiteral("qif");
const QString Json = QStringLiteral("json");

QStringList columnKeys()
{
    QStringList keys;
    for (CsvColumn column : CsvExportOptions::allColumns())
        keys << CsvExportOptions::key(column);
    return keys;
}

} // namespace

QString ExportCommand::summary() const
{
    return tr("Export the ledger as CSV, OFX or QIF, or back up the whole profile as JSON.");
}

void ExportCommand::addOptions(QCommandLineParser& parser) const
{
    parser.addOptions({
        {QStringLiteral("format"), tr("csv, ofx, qif, or json for a full backup that “restore” reads."), tr("format")},
        {QStringLiteral("from"), tr("Only transactions on or after this date (YYYY-MM-DD)."), tr("date")},
        {QStringLiteral("to"), tr("Only transactions on or before this date."), tr("date")},
        {QStringLiteral("columns"),
         tr("CSV columns in this order, separated by commas: %1 (default: all).").arg(columnKeys().join(u',')),
         tr("list")},
        {QStringLiteral("iso"),
         tr("CSV for programs: dates as YYYY-MM-DD, “.” as decimal separator, “,” between fields (default: the "
            "profile's language and region).")},
        {QStringLiteral("bom"), tr("Start the CSV file with a byte-order mark, which Excel needs to read UTF-8.")},
    });
    parser.addPositionalArgument(QStringLiteral("file"), tr("The file to write."));
}

ExitCode ExportCommand::run(CliContext& context)
{
    const QCommandLineParser& options = *context.options;
    Session& session = *context.session;
    if (context.arguments.size() != 1)
        return badInput(context, tr("Name one file to write, e.g. “moniagent export --format csv ledger.csv”."));
    const QString path = context.arguments.constFirst();
    const QString format = options.value(QStringLiteral("format")).trimmed().toLower();
    if (!QStringList {Csv, Ofx, Qif, Json}.contains(format))
        return badInput(context, tr("--format is “csv”, “ofx”, “qif” or “json”."));
    const bool csvOnly = options.isSet(QStringLiteral("columns")) || options.isSet(QStringLiteral("iso"))
        || options.isSet(QStringLiteral("bom"));
    if (format == Json && (csvOnly || options.isSet(QStringLiteral("from")) || options.isSet(QStringLiteral("to"))))
        return badInput(context,
                        tr("A backup always holds the whole profile: --from, --to, --columns, --iso and "
                           "--bom are for csv, ofx and qif."));
    if (format != Csv && csvOnly)
        return badInput(context, tr("--columns, --iso and --bom are for csv."));

    const QLocale locale = session.locale();
    ExportSource source;
    source.transactions = session.transactions();
    source.categories = session.categories();
    source.userId = session.userId();
    for (const char* name : {"from", "to"}) {
        if (!options.isSet(QLatin1String(name)))
            continue;
        auto date = CliParsing::date(options.value(QLatin1String(name)), session.clock().today(), locale);
        if (!date)
            return fail(context, date.error());
        (qstrcmp(name, "from") == 0 ? source.filter.dates.from : source.filter.dates.to) = *date;
    }
    CsvExportOptions csv;
    csv.style = options.isSet(QStringLiteral("iso")) ? CsvExportOptions::Style::Iso : CsvExportOptions::Style::Locale;
    csv.locale = locale;
    csv.byteOrderMark = options.isSet(QStringLiteral("bom"));
    if (options.isSet(QStringLiteral("columns"))) {
        csv.columns.clear();
        for (const QString& key : options.value(QStringLiteral("columns")).split(u',', Qt::SkipEmptyParts)) {
            const auto column = CsvExportOptions::columnFromKey(key);
            if (!column) {
                return badInput(context,
                                tr("“%1” is not a column; choose from %2.")
                                    .arg(key.trimmed(), columnKeys().join(QStringLiteral(", "))));
            }
            csv.columns << *column;
        }
    }

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return fail(context, Error {Error::Code::Io, tr("“%1” cannot be written.").arg(path), file.errorString()});
    }
    // Progress on the error stream for exports that take a while.
    const auto progress = percentPrinter(context, 20000);
    Result<qint64> written = qint64(0);
    std::optional<BackupCounts> backup;
    if (format == Json) {
        auto counts = Backup::write(file, session.transactions(), session.userId(), progress);
        if (counts)
            backup = *counts;
        written = counts ? Result<qint64>(counts->transactions) : Result<qint64>(counts.error());
    } else if (format == Csv) {
        written = StatementExporter::writeCsv(file, source, csv, progress);
    } else if (format == Ofx) {
        OfxExportOptions ofx;
        ofx.serverTime = session.clock().nowUtc();
        ofx.defaultCurrency = session.baseCurrency().code();
        written = StatementExporter::writeOfx(file, source, ofx, progress);
    } else {
        written = StatementExporter::writeQif(file, source, {}, progress);
    }
    if (!written) {
        file.cancelWriting();
        return fail(context, written.error());
    }
    if (!file.commit())
        return fail(context, Error {Error::Code::Io, tr("“%1” cannot be written.").arg(path), file.errorString()});

    if (context.json) {
        QJsonObject result {{QStringLiteral("file"), path},
                            {QStringLiteral("format"), format},
                            {QStringLiteral("transactions"), *written}};
        if (backup) {
            result.insert(QStringLiteral("categories"), backup->categories);
            result.insert(QStringLiteral("budgets"), backup->budgets);
            result.insert(QStringLiteral("rules"), backup->rules);
            result.insert(QStringLiteral("invoices"), backup->invoices);
        }
        *context.out << QString::fromUtf8(QJsonDocument(result).toJson(QJsonDocument::Compact)) << Qt::endl;
    } else if (backup) {
        *context.out << tr("Backed up %n transaction(s) to %1, with %2 categories, %3 budgets, %4 rules and %5 "
                           "receipts.",
                           nullptr, int(qMin<qint64>(*written, std::numeric_limits<int>::max())))
                            .arg(path, locale.toString(backup->categories), locale.toString(backup->budgets),
                                 locale.toString(backup->rules), locale.toString(backup->invoices))
                     << Qt::endl;
    } else {
        *context.out << tr("Exported %n transaction(s) to %1.", nullptr,
                           int(qMin<qint64>(*written, std::numeric_limits<int>::max())))
                            .arg(path)
                     << Qt::endl;
    }
    return ExitCode::Ok;
}

} // namespace Moniagent
