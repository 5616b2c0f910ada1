#include "scancommand.h"

#include "core/money.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QtConcurrent/QtConcurrentMap>

namespace Moniagent {

namespace {

QString decimal(qint64 minor, const Currency& currency)
{
    return Money(minor, currency.isValid() ? currency : Currency::fromCode(u"XXX")).toDecimalString();
}

} // namespace

QString ScanCommand::summary() const
{
    return tr("Read receipts (images, PDFs) and print merchant, date, total and items; no database needed.");
}

void ScanCommand::addOptions(QCommandLineParser& parser) const
{
    parser.addOptions({
        {QStringLiteral("lang"), tr("OCR languages joined by '+', e.g. eng+deu (default: eng)."), tr("languages")},
        {QStringLiteral("currency"), tr("The currency of receipts that name none (default: the system locale's)."),
         tr("code")},
    });
    parser.addPositionalArgument(QStringLiteral("files"), tr("The receipt images or PDFs."), tr("FILE…"));
}

Result<OcrOptions> ScanCommand::ocrOptions(const QCommandLineParser& parser)
{
    OcrOptions options;
    if (!parser.isSet(QStringLiteral("lang")))
        return options;
    const QStringList wanted = parser.value(QStringLiteral("lang")).split(u'+', Qt::SkipEmptyParts);
    const QStringList installed = DocumentReader::installedLanguages();
    for (const QString& language : wanted) {
        if (!installed.contains(language)) {
            return Error::invalidInput(tr("The OCR language “%1” is not installed. Installed: %2.")
                                           .arg(language, installed.join(QStringLiteral(", "))));
        }
    }
    if (wanted.isEmpty())
        return Error::invalidInput(tr("Name at least one OCR language, e.g. --lang eng."));
    options.languages = wanted;
    return options;
}

QJsonObject ScanCommand::toJson(const QString& file, const Result<ReceiptReading>& reading)
{
    QJsonObject entry {{QStringLiteral("file"), file}};
    if (!reading) {
        entry.insert(QStringLiteral("status"), QStringLiteral("failed"));
        entry.insert(QStringLiteral("error"), reading.error().message);
        return entry;
    }
    const ReceiptDraft& draft = reading->draft;
    entry.insert(QStringLiteral("status"), QStringLiteral("ok"));
    entry.insert(QStringLiteral("merchant"), draft.merchant.isEmpty() ? QJsonValue() : QJsonValue(draft.merchant));
    entry.insert(QStringLiteral("date"),
                 draft.date.isValid() ? QJsonValue(draft.date.toString(Qt::ISODate)) : QJsonValue());
    if (draft.time.isValid())
        entry.insert(QStringLiteral("time"), draft.time.toString(QStringLiteral("HH:mm")));
    entry.insert(QStringLiteral("total"),
                 draft.totalMinor ? QJsonValue(decimal(*draft.totalMinor, draft.currency)) : QJsonValue());
    entry.insert(QStringLiteral("currency"),
                 draft.currency.isValid() ? QJsonValue(draft.currency.code()) : QJsonValue());
    entry.insert(QStringLiteral("tax"),
                 draft.taxMinor ? QJsonValue(decimal(*draft.taxMinor, draft.currency)) : QJsonValue());
    if (draft.subtotalMinor)
        entry.insert(QStringLiteral("subtotal"), decimal(*draft.subtotalMinor, draft.currency));
    if (!draft.paymentMethod.isEmpty())
        entry.insert(QStringLiteral("payment"), draft.paymentMethod);
    QJsonArray items;
    for (const ReceiptItem& item : draft.items) {
        items.append(QJsonObject {
            {QStringLiteral("description"), item.description},
            {QStringLiteral("quantity"), item.quantity.isEmpty() ? QJsonValue() : QJsonValue(item.quantity)},
            {QStringLiteral("amount"), decimal(item.amountMinor, draft.currency)}});
    }
    entry.insert(QStringLiteral("items"), items);
    QJsonObject confidence;
    for (auto it = draft.sources.cbegin(); it != draft.sources.cend(); ++it)
        confidence.insert(it.key(), qRound(it.value().confidence * 100) / 100.0);
    entry.insert(QStringLiteral("confidence"), confidence);
    if (!draft.codes.isEmpty())
        entry.insert(QStringLiteral("codes"), draft.codes);
    if (!draft.warnings.isEmpty())
        entry.insert(QStringLiteral("warnings"), QJsonArray::fromStringList(draft.warnings));
    entry.insert(QStringLiteral("ms"), reading->milliseconds);
    return entry;
}

QString ScanCommand::describe(const QString& file, const Result<ReceiptReading>& reading, const QLocale& locale)
{
    if (!reading)
        return tr("%1: failed: %2").arg(file, reading.error().message);
    const ReceiptDraft& draft = reading->draft;
    const QString unknown = tr("?");
    const QString total = draft.totalMinor && draft.currency.isValid()
        ? Money(*draft.totalMinor, draft.currency).toString(locale)
        : unknown;
    return tr("%1: %2, %3, %4 (%n item(s), %5 ms)", nullptr, int(draft.items.size()))
        .arg(file, draft.merchant.isEmpty() ? unknown : draft.merchant,
             draft.date.isValid() ? locale.toString(draft.date, QLocale::ShortFormat) : unknown, total)
        .arg(reading->milliseconds);
}

ExitCode ScanCommand::run(CliContext& context)
{
    if (context.arguments.isEmpty())
        return badInput(context, tr("Name at least one receipt image or PDF to read."));
    auto ocr = ocrOptions(*context.options);
    if (!ocr)
        return fail(context, ocr.error());
    ReceiptParseOptions parse;
    parse.today = QDate::currentDate();
    parse.defaultCurrency = Currency::forLocale(QLocale());
    if (context.options->isSet(QStringLiteral("currency"))) {
        parse.defaultCurrency = Currency::fromCode(context.options->value(QStringLiteral("currency")));
        if (!parse.defaultCurrency.isValid())
            return badInput(context,
                            tr("“%1” is not a currency code.").arg(context.options->value(QStringLiteral("currency"))));
    }
    const OcrOptions options = *ocr;
    const QList<Result<ReceiptReading>> readings = QtConcurrent::blockingMapped<QList<Result<ReceiptReading>>>(
        context.arguments,
        [options, parse](const QString& file) { return ReceiptReader::forThisThread(options, parse).read(file); });
    QJsonArray report;
    bool anyBadInput = false;
    bool anyFailed = false;
    for (qsizetype i = 0; i < readings.size(); ++i) {
        const Result<ReceiptReading>& reading = readings.at(i);
        if (!reading)
            (reading.error().code == Error::Code::InvalidInput ? anyBadInput : anyFailed) = true;
        if (context.json)
            report.append(toJson(context.arguments.at(i), reading));
        else
            (reading ? *context.out : *context.err) << describe(context.arguments.at(i), reading, QLocale()) << '\n';
    }
    if (context.json)
        *context.out << QJsonDocument(report).toJson(QJsonDocument::Indented);
    if (anyFailed)
        return ExitCode::Failure;
    return anyBadInput ? ExitCode::BadInput : ExitCode::Ok;
}

} // namespace Moniagent
