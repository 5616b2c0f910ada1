#include "importcommand.h"

#include "importers/csvpresetstore.h"
#include "importers/statementfile.h"
#include "importers/statementformatdetector.h"
#include "importers/statementimporter.h"
#include "receipts/receiptservice.h"
#include "scancommand.h"
#include "session/session.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Moniagent {

QString ImportCommand::summary() const
{
    return tr("Import bank statements (CSV, OFX/QFX, QIF, CAMT.053) without creating duplicates, and receipts "
              "(images, PDFs) as expenses to review.");
}

void ImportCommand::addOptions(QCommandLineParser& parser) const
{
    parser.addOptions({
        {QStringLiteral("preset"), tr("Read CSV files with this saved or built-in column preset."), tr("name")},
        {QStringLiteral("dry-run"), tr("Only show what would be imported.")},
    });
    parser.addOptions({
        {QStringLiteral("lang"), tr("OCR languages for receipts joined by '+', e.g. eng+deu (default: eng)."),
         tr("languages")},
    });
    parser.addPositionalArgument(QStringLiteral("files"), tr("The statement or receipt files."), tr("FILE…"));
}

bool ImportCommand::isReceipt(const QString& path)
{
    QFile file(path);
    const QByteArray head = file.open(QIODevice::ReadOnly) ? file.read(64) : QByteArray();
    return StatementFormatDetector::isReceiptFile(QFileInfo(path).fileName(), head);
}

QJsonObject ImportCommand::importReceipt(CliContext& context, const QString& path, bool dryRun)
{
    Session& session = *context.session;
    QJsonObject entry {{QStringLiteral("file"), path}, {QStringLiteral("kind"), QStringLiteral("receipt")}};
    const auto failed = [&](const Error& error) {
        entry.insert(QStringLiteral("error"), error.message);
        entry.insert(QStringLiteral("badInput"), error.code == Error::Code::InvalidInput);
        if (!context.json)
            *context.err << tr("%1: %2").arg(path, error.toString()) << '\n';
        return entry;
    };
    auto ocr = ScanCommand::ocrOptions(*context.options);
    if (!ocr)
        return failed(ocr.error());
    ReceiptParseOptions parse;
    parse.today = session.clock().today();
    parse.defaultCurrency = session.baseCurrency();
    ReceiptService* receipts = session.receipts();

    Invoice invoice;
    if (!dryRun) {
        auto stored = receipts->store(session.userId(), path);
        if (!stored)
            return failed(stored.error());
        invoice = stored->invoice;
        entry.insert(QStringLiteral("invoiceId"), invoice.id);
        if (stored->alreadyImported) {
            entry.insert(QStringLiteral("alreadyImported"), true);
            if (!context.json)
                *context.out << tr("%1: already imported as “%2”").arg(path, invoice.filename) << '\n';
            return entry;
        }
    }
    auto reading = ReceiptReader::forThisThread(*ocr, parse).read(dryRun ? path : invoice.filePath);
    if (!reading) {
        if (!dryRun)
            (void)receipts->markFailed(session.userId(), invoice.id, reading.error().message);
        return failed(reading.error());
    }
    const QJsonObject fields = ScanCommand::toJson(path, reading);
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        if (it.key() != QLatin1String("file"))
            entry.insert(it.key(), it.value());
    }
    if (!context.json)
        *context.out << ScanCommand::describe(path, reading, session.locale()) << '\n';
    if (dryRun)
        return entry;
    auto saved = receipts->saveReading(session.userId(), invoice.id, *reading);
    if (!saved)
        return failed(saved.error());
    const auto acceptance = ReceiptService::acceptanceFrom(*saved, reading->draft, session.baseCurrency());
    if (!acceptance) {
        entry.insert(QStringLiteral("transactions"), QJsonArray());
        if (!context.json)
            *context.out << tr("  no total or date found: finish it in the Receipts view") << '\n';
        return entry;
    }
    auto similar = receipts->findSimilar(session.userId(), *acceptance);
    if (similar && similar->has_value()) {
        entry.insert(QStringLiteral("similarTransaction"), (*similar)->id);
        if (!context.json)
            *context.out << tr("  looks like a transaction already in the ledger: left for review in the Receipts view")
                         << '\n';
        return entry;
    }
    auto ids = receipts->accept(session.userId(), *acceptance, false);
    if (!ids)
        return failed(ids.error());
    QJsonArray transactions;
    for (qint64 id : std::as_const(*ids))
        transactions.append(id);
    entry.insert(QStringLiteral("transactions"), transactions);
    if (!context.json)
        *context.out << tr("  added %n expense(s) to review", nullptr, int(ids->size())) << '\n';
    return entry;
}

ExitCode ImportCommand::run(CliContext& context)
{
    Session& session = *context.session;
    QTextStream& out = *context.out;
    if (context.arguments.isEmpty())
        return badInput(context, tr("Name at least one statement file to import."));
    const bool dryRun = context.options->isSet(QStringLiteral("dry-run"));
    CsvPresetStore presets(session.database());
    std::optional<CsvPreset> chosen;
    if (context.options->isSet(QStringLiteral("preset"))) {
        const QString name = context.options->value(QStringLiteral("preset"));
        auto list = presets.list(session.userId());
        if (!list)
            return fail(context, list.error());
        for (const CsvPreset& preset : *list) {
            if (preset.name.compare(name, Qt::CaseInsensitive) == 0) {
                chosen = preset;
                break;
            }
        }
        if (!chosen)
            return badInput(context, tr("There is no CSV preset called “%1”.").arg(name));
    }
    StatementImporter importer(session.transactions(), session.categories(), session.imports(), session.userId());
    StatementReadOptions options;
    options.defaultCurrency = session.baseCurrency().code();
    options.locale = session.locale();

    QJsonArray report;
    bool anyFailed = false;
    bool anyBadInput = false;
    for (const QString& path : std::as_const(context.arguments)) {
        if (isReceipt(path)) {
            QJsonObject entry = importReceipt(context, path, dryRun);
            if (entry.contains(QStringLiteral("error")))
                (entry.value(QStringLiteral("badInput")).toBool() ? anyBadInput : anyFailed) = true;
            entry.remove(QStringLiteral("badInput"));
            report.append(entry);
            continue;
        }
        QJsonObject entry {{QStringLiteral("file"), path}};
        auto file = StatementFile::open(path, &presets, session.userId(), session.locale());
        std::optional<CsvMapping> mapping;
        if (file && file->format == StatementFormat::Csv) {
            if (chosen)
                mapping = CsvPresetStore::mappingFor(*chosen, file->sniff);
            else if (!file->csvReady)
                file = Error::invalidInput(tr("The columns of “%1” could not be recognised; import it in the window "
                                              "to choose them, or name a preset with --preset.")
                                               .arg(file->fileName));
        }
        Result<ImportPreview> preview = file ? importer.preview(file->source(mapping ? &*mapping : nullptr), options)
                                             : Result<ImportPreview>(file.error());
        Result<ImportResult> applied = ImportResult();
        if (preview && !dryRun)
            applied = importer.apply(*preview);
        if (!preview || !applied) {
            const Error& error = preview ? applied.error() : preview.error();
            (error.code == Error::Code::InvalidInput ? anyBadInput : anyFailed) = true;
            entry.insert(QStringLiteral("error"), error.message);
            if (!context.json)
                *context.err << tr("%1: %2").arg(path, error.toString()) << '\n';
            report.append(entry);
            continue;
        }
        const ImportCounts& counts = preview->counts;
        entry.insert(QStringLiteral("format"), StatementImporter::formatKey(preview->format));
        entry.insert(QStringLiteral("lines"), counts.total);
        entry.insert(QStringLiteral("new"), counts.fresh);
        entry.insert(QStringLiteral("duplicates"), counts.duplicates);
        entry.insert(QStringLiteral("probableMatches"), counts.probable);
        entry.insert(QStringLiteral("errors"), counts.errors);
        entry.insert(QStringLiteral("from"), preview->from.toString(Qt::ISODate));
        entry.insert(QStringLiteral("to"), preview->to.toString(Qt::ISODate));
        if (!dryRun) {
            entry.insert(QStringLiteral("added"), applied->added);
            entry.insert(QStringLiteral("linked"), applied->linked);
            entry.insert(QStringLiteral("importId"), applied->importId);
        }
        QJsonArray rowErrors;
        if (counts.errors > 0) {
            auto errors = preview->staging->page(0, 50, ImportRowStatus::Error);
            if (errors) {
                for (const StagedRow& row : *errors)
                    rowErrors.append(row.error);
            }
        }
        entry.insert(QStringLiteral("rowErrors"), rowErrors);
        report.append(entry);
        if (context.json)
            continue;
        out << tr("%1 (%2, %3 to %4): %n line(s)", nullptr, int(counts.total))
                   .arg(path, StatementFile::formatName(preview->format),
                        session.locale().toString(preview->from, QLocale::ShortFormat),
                        session.locale().toString(preview->to, QLocale::ShortFormat))
            << '\n';
        out << (dryRun ? tr("  would add %n new transaction(s)", nullptr, int(counts.includedNew))
                       : tr("  added %n transaction(s)", nullptr, int(applied->added)))
            << '\n';
        if (counts.probable > 0) {
            out << (dryRun ? tr("  would join %n line(s) to transactions already in the ledger", nullptr,
                                int(counts.probable))
                           : tr("  joined %n line(s) to transactions already in the ledger", nullptr,
                                int(applied->linked)))
                << '\n';
        }
        if (counts.duplicates > 0)
            out << tr("  skipped %n duplicate(s)", nullptr, int(counts.duplicates)) << '\n';
        if (counts.errors > 0) {
            out << tr("  %n line(s) could not be read:", nullptr, int(counts.errors)) << '\n';
            for (const auto& error : std::as_const(rowErrors))
                out << "    " << error.toString() << '\n';
        }
        if (preview->earlierImport) {
            out << tr("  this file was imported before, on %1")
                       .arg(session.locale().toString(preview->earlierImport->createdAt.toLocalTime(),
                                                      QLocale::ShortFormat))
                << '\n';
        }
        for (const QString& warning : std::as_const(preview->info.warnings))
            out << "  " << warning << '\n';
    }
    if (context.json)
        out << QJsonDocument(report).toJson(QJsonDocument::Indented);
    if (anyFailed)
        return ExitCode::Failure;
    return anyBadInput ? ExitCode::BadInput : ExitCode::Ok;
}

} // namespace Moniagent
