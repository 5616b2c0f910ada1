#include "mailcommand.h"

#include "mail/emailextractor.h"
#include "mail/mimeparser.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

using namespace Qt::Literals::StringLiterals;

namespace Moniagent {

QString MailCommand::summary() const
{
    return tr("Email receipts: “mail extract FILE.eml…” prints the purchase, refund or payout each email records.");
}

void MailCommand::addOptions(QCommandLineParser& parser) const
{
    parser.addOptions({
        {u"currency"_s, tr("The currency of amounts printed without one (default: the system locale's)."), tr("code")},
        {u"account"_s, tr("mail sync: only this account (its email address)."), tr("email")},
    });
    parser.addPositionalArgument(u"subcommand"_s, tr("extract or sync"), tr("extract|sync"));
    parser.addPositionalArgument(u"files"_s, tr("The saved emails (.eml) or HTML bodies to read."), tr("FILE…"));
}

bool MailCommand::needsDatabaseFor(const QStringList& arguments) const
{
    // The subcommands that work on the profile's database; `extract` and unknown names do not, so a typo is
    // reported as such instead of opening (and creating) a database.
    static const QStringList databaseSubcommands {u"sync"_s};
    return !arguments.isEmpty() && databaseSubcommands.contains(arguments.first());
}

ExitCode MailCommand::run(CliContext& context)
{
    if (context.arguments.isEmpty())
        return badInput(context, tr("Name a mail subcommand: extract or sync."));
    const QString subcommand = context.arguments.first();
    const QStringList rest = context.arguments.mid(1);
    if (subcommand == u"extract")
        return runExtract(context, rest);
    if (subcommand == u"sync")
        return rest.isEmpty() ? runSync(context) : badInput(context, tr("mail sync takes no files."));
    return badInput(context, tr("“%1” is not a mail subcommand. Use: extract or sync.").arg(subcommand));
}

QJsonObject MailCommand::extractJson(const QString& file, const EmailReading& reading)
{
    const bool success = reading.status == EmailReading::Status::Success;
    QJsonArray items;
    for (const ExtractedEmailItem& item : reading.items) {
        items.append(
            QJsonObject {{u"name"_s, item.name},
                         {u"quantity"_s, item.quantity},
                         {u"amount"_s, item.amount ? QJsonValue(item.amount->toDecimalString()) : QJsonValue()}});
    }
    return QJsonObject {
        {u"file"_s, file},
        {u"status"_s, EmailReading::statusKey(reading.status)},
        {u"merchant"_s, reading.merchant.isEmpty() ? QJsonValue() : QJsonValue(reading.merchant)},
        {u"amount"_s, reading.amount ? QJsonValue(reading.amount->toDecimalString()) : QJsonValue()},
        {u"currency"_s, reading.amount ? QJsonValue(reading.amount->currency().code()) : QJsonValue()},
        {u"date"_s, success && reading.date.isValid() ? QJsonValue(reading.date.toString(Qt::ISODate)) : QJsonValue()},
        {u"type"_s,
         success ? QJsonValue(reading.type == TransactionType::Income ? u"income"_s : u"expense"_s) : QJsonValue()},
        {u"items"_s, items},
    };
}

QString MailCommand::describe(const QString& file, const EmailReading& reading)
{
    const QString status = EmailReading::statusKey(reading.status);
    if (reading.status != EmailReading::Status::Success)
        return tr("%1: %2: %3").arg(file, status, reading.reason);
    const QString unknown = tr("?");
    return tr("%1: %2: %3, %4 %5, %6, %7, items: %8")
        .arg(file, status, reading.merchant.isEmpty() ? unknown : reading.merchant,
             reading.amount ? reading.amount->toDecimalString() : unknown,
             reading.amount ? reading.amount->currency().code() : QString(),
             reading.date.isValid() ? reading.date.toString(Qt::ISODate) : unknown,
             reading.type == TransactionType::Income ? tr("income") : tr("expense"))
        .arg(reading.items.size());
}

ExitCode MailCommand::runExtract(CliContext& context, const QStringList& files)
{
    if (files.isEmpty())
        return badInput(context, tr("Name at least one email file to read, e.g. mail extract receipt.eml."));
    Currency fallback = Currency::forLocale(QLocale());
    if (context.options->isSet(u"currency"_s)) {
        fallback = Currency::fromCode(context.options->value(u"currency"_s));
        if (!fallback.isValid())
            return badInput(context, tr("“%1” is not a currency code.").arg(context.options->value(u"currency"_s)));
    }
    const EmailExtractor extractor(fallback);
    QJsonArray report;
    bool anyBadInput = false;
    for (const QString& file : files) {
        QFile in(file);
        Result<ParsedEmail> parsed = in.open(QIODevice::ReadOnly)
            ? MimeParser::parseAny(in.readAll())
            : Result<ParsedEmail>(Error::invalidInput(tr("cannot be read: %1").arg(in.errorString())));
        if (!parsed)
            parsed = Error::invalidInput(tr("%1: %2").arg(file, parsed.error().message));
        if (!parsed) {
            anyBadInput = true;
            *context.err << parsed.error().message << '\n';
            if (context.json) {
                EmailReading failed;
                failed.status = EmailReading::Status::Failed;
                report.append(extractJson(file, failed));
            }
            continue;
        }
        const EmailReading reading = extractor.extract(*parsed);
        if (context.json)
            report.append(extractJson(file, reading));
        else
            *context.out << describe(file, reading) << '\n';
    }
    if (context.json)
        *context.out << QJsonDocument(report).toJson(QJsonDocument::Indented);
    context.err->flush();
    return anyBadInput ? ExitCode::BadInput : ExitCode::Ok;
}

} // namespace Moniagent
