#include "listcommand.h"

#include "cliparsing.h"
#include "session/session.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Moniagent {

QString ListCommand::summary() const
{
    return tr("List transactions, newest first.");
}

void ListCommand::addOptions(QCommandLineParser& parser) const
{
    parser.addOptions({
        {QStringLiteral("from"), tr("Only transactions on or after this date (YYYY-MM-DD)."), tr("date")},
        {QStringLiteral("to"), tr("Only transactions on or before this date."), tr("date")},
        {QStringLiteral("category"), tr("Only this category (name); “none” for uncategorized."), tr("name")},
        {QStringLiteral("search"), tr("Only transactions whose merchant, description or notes match."), tr("text")},
        {QStringLiteral("type"), tr("Only “income” or “expense”."), tr("type")},
        {QStringLiteral("sort"), tr("Sort by date (default), amount or merchant."), tr("key")},
        {QStringLiteral("ascending"), tr("Sort ascending instead of descending.")},
        {QStringLiteral("limit"), tr("At most this many rows (default 50; 0 for all)."), tr("n"), QStringLiteral("50")},
    });
}

ExitCode ListCommand::run(CliContext& context)
{
    const QCommandLineParser& options = *context.options;
    Session& session = *context.session;
    const QLocale locale = session.locale();
    TransactionFilter filter;
    if (options.isSet(QStringLiteral("from"))) {
        auto from = CliParsing::date(options.value(QStringLiteral("from")), session.clock().today(), locale);
        if (!from)
            return fail(context, from.error());
        filter.dates.from = *from;
    }
    if (options.isSet(QStringLiteral("to"))) {
        auto to = CliParsing::date(options.value(QStringLiteral("to")), session.clock().today(), locale);
        if (!to)
            return fail(context, to.error());
        filter.dates.to = *to;
    }
    if (options.isSet(QStringLiteral("category"))) {
        const QString name = options.value(QStringLiteral("category"));
        if (name.compare(QLatin1String("none"), Qt::CaseInsensitive) == 0) {
            filter.uncategorized = true;
        } else {
            auto category = session.categories()->findByName(session.userId(), name);
            if (!category)
                return badInput(context, category.error().message);
            filter.categoryIds = {category->id};
        }
    }
    filter.search = options.value(QStringLiteral("search"));
    if (options.isSet(QStringLiteral("type"))) {
        auto type = TransactionEnums::typeFromKey(options.value(QStringLiteral("type")).toLower());
        if (!type)
            return badInput(context, tr("--type is “income” or “expense”."));
        filter.type = *type;
    }
    TransactionSort sort;
    const QString key = options.value(QStringLiteral("sort")).toLower();
    if (key == QLatin1String("amount"))
        sort.key = TransactionSortKey::Amount;
    else if (key == QLatin1String("merchant"))
        sort.key = TransactionSortKey::Merchant;
    else if (!key.isEmpty() && key != QLatin1String("date"))
        return badInput(context, tr("--sort is “date”, “amount” or “merchant”."));
    sort.order = options.isSet(QStringLiteral("ascending")) ? Qt::AscendingOrder : Qt::DescendingOrder;
    auto limit = CliParsing::positiveInt(options.value(QStringLiteral("limit")), QStringLiteral("limit"));
    if (!limit)
        return fail(context, limit.error());

    auto rows = session.transactions()->list(session.userId(), filter, sort,
                                             *limit == 0 ? std::numeric_limits<int>::max() : *limit);
    if (!rows)
        return fail(context, rows.error());
    auto categoryNames = CliCommand::categoryNames(session);
    if (!categoryNames)
        return fail(context, categoryNames.error());
    const QHash<qint64, QString>& names = *categoryNames;

    if (context.json) {
        QJsonArray array;
        for (const Transaction& t : std::as_const(*rows)) {
            const Money signedAmount(t.signedMinor(), t.amount.currency());
            array.append(QJsonObject {
                {QStringLiteral("id"), t.id},
                {QStringLiteral("uuid"), t.uuid},
                {QStringLiteral("date"), t.occurredOn.toString(Qt::ISODate)},
                {QStringLiteral("type"), TransactionEnums::key(t.type)},
                {QStringLiteral("amount"), signedAmount.toDecimalString()},
                {QStringLiteral("amount_minor"), t.signedMinor()},
                {QStringLiteral("currency"), t.amount.currency().code()},
                {QStringLiteral("merchant"), t.merchant},
                {QStringLiteral("description"), t.description},
                {QStringLiteral("category"), t.categoryId ? QJsonValue(names.value(*t.categoryId)) : QJsonValue()},
                {QStringLiteral("notes"), t.notes},
                {QStringLiteral("source"), TransactionEnums::key(t.source)},
            });
        }
        *context.out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
        return ExitCode::Ok;
    }

    // A plain table for people: date, merchant, category, amount.
    QList<QStringList> table;
    for (const Transaction& t : std::as_const(*rows)) {
        table.append({locale.toString(t.occurredOn, QLocale::ShortFormat),
                      t.merchant.isEmpty() ? t.description : t.merchant,
                      t.categoryId ? names.value(*t.categoryId) : QString(),
                      Money(t.signedMinor(), t.amount.currency()).toString(locale)});
    }
    qsizetype widths[4] = {0, 0, 0, 0};
    for (const QStringList& line : std::as_const(table)) {
        for (int i = 0; i < 4; ++i)
            widths[i] = std::max(widths[i], std::min<qsizetype>(line.at(i).size(), i == 1 ? 40 : 28));
    }
    for (const QStringList& line : std::as_const(table)) {
        *context.out << line.at(0).leftJustified(widths[0]) << "  " << line.at(1).leftJustified(widths[1], u' ', true)
                     << "  " << line.at(2).leftJustified(widths[2], u' ', true) << "  "
                     << line.at(3).rightJustified(widths[3]) << '\n';
    }
    context.out->flush();
    if (table.isEmpty())
        *context.err << tr("No transactions match.") << Qt::endl;
    return ExitCode::Ok;
}

} // namespace Moniagent
