#include "addcommand.h"

#include "cliparsing.h"
#include "session/session.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace Moniagent {

QString AddCommand::summary() const
{
    return tr("Add one transaction.");
}

void AddCommand::addOptions(QCommandLineParser& parser) const
{
    parser.addOptions({
        {QStringLiteral("amount"), tr("The amount, e.g. 12.50 (always positive; use --income for money in)."),
         tr("amount")},
        {QStringLiteral("merchant"), tr("Who was paid, or who paid you."), tr("name")},
        {QStringLiteral("date"), tr("The date (YYYY-MM-DD, “today”, “yesterday”); default today."), tr("date")},
        {QStringLiteral("category"), tr("A category name of the profile."), tr("name")},
        {QStringLiteral("income"), tr("Record money received instead of spent.")},
        {QStringLiteral("currency"), tr("ISO 4217 code; default the profile's currency."), tr("code")},
        {QStringLiteral("notes"), tr("A note to keep with it."), tr("text")},
    });
}

ExitCode AddCommand::run(CliContext& context)
{
    const QCommandLineParser& options = *context.options;
    Session& session = *context.session;
    const QLocale locale = session.locale();
    if (!options.isSet(QStringLiteral("amount")))
        return badInput(context, tr("Give the amount with --amount, e.g. --amount 12.50."));
    if (options.value(QStringLiteral("merchant")).trimmed().isEmpty())
        return badInput(context, tr("Say what it was with --merchant, e.g. --merchant \"Corner Café\"."));

    Currency currency = session.baseCurrency();
    if (options.isSet(QStringLiteral("currency"))) {
        currency = Currency::fromCode(options.value(QStringLiteral("currency")));
        if (!currency.isValid())
            return badInput(
                context,
                tr("“%1” is not a currency code such as EUR or USD.").arg(options.value(QStringLiteral("currency"))));
    }
    auto amount = Money::parse(options.value(QStringLiteral("amount")), currency, locale);
    if (!amount)
        return fail(context, amount.error());
    if (amount->minor() <= 0)
        return badInput(context, tr("The amount must be more than zero; use --income for money received."));

    Transaction t;
    t.amount = *amount;
    t.type = options.isSet(QStringLiteral("income")) ? TransactionType::Income : TransactionType::Expense;
    t.merchant = options.value(QStringLiteral("merchant")).trimmed();
    t.notes = options.value(QStringLiteral("notes"));
    t.source = TransactionSource::Manual;
    t.occurredOn = session.clock().today();
    if (options.isSet(QStringLiteral("date"))) {
        auto date = CliParsing::date(options.value(QStringLiteral("date")), session.clock().today(), locale);
        if (!date)
            return fail(context, date.error());
        t.occurredOn = *date;
    }
    if (options.isSet(QStringLiteral("category"))) {
        auto category = session.categories()->findByName(session.userId(), options.value(QStringLiteral("category")));
        if (!category)
            return badInput(context, category.error().message);
        t.categoryId = category->id;
        t.categorizedBy = CategorizedBy::User;
        t.confirmedByUser = true;
    }
    auto id = session.transactions()->add(session.userId(), t);
    if (!id)
        return fail(context, id.error());
    if (context.json) {
        *context.out << QString::fromUtf8(
            QJsonDocument(QJsonObject {{QStringLiteral("id"), *id}}).toJson(QJsonDocument::Compact))
                     << Qt::endl;
    } else {
        *context.out << tr("Added %1 on %2 (id %3).")
                            .arg(Money(t.signedMinor(), t.amount.currency()).toString(locale),
                                 locale.toString(t.occurredOn, QLocale::ShortFormat))
                            .arg(*id)
                     << Qt::endl;
    }
    return ExitCode::Ok;
}

} // namespace Moniagent
