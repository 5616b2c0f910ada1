#include "budgetscommand.h"

#include "budget/budgetengine.h"
#include "cliparsing.h"
#include "session/session.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace Moniagent {

namespace {

const QLatin1String AllSpending("all");

QString budgetName(const Budget& budget, const QHash<qint64, QString>& names)
{
    return budget.categoryId ? names.value(*budget.categoryId)
                             : QCoreApplication::translate("Moniagent::BudgetsCommand", "All spending");
}

QString percent(double share, const QLocale& locale)
{
    return locale.toString(std::round(share * 100.0), 'f', 0) + u'%';
}

} // namespace

QString BudgetsCommand::summary() const
{
    return tr("Show every budget's window, spent, remaining, pace, projection and status; “budgets set Groceries 400 "
              "--period monthly” creates or changes one, “budgets remove Groceries” deletes it (“all” is the budget "
              "for all spending).");
}

void BudgetsCommand::addOptions(QCommandLineParser& parser) const
{
    parser.addOptions({
        {QStringLiteral("date"), tr("Evaluate the budgets on this day instead of today (YYYY-MM-DD)."), tr("date")},
        {QStringLiteral("period"), tr("With “set”: weekly, monthly (default) or yearly."), tr("period")},
        {QStringLiteral("threshold"),
         tr("With “set”: warn when this share of the limit is spent: 0–1 or a percentage such as 80% (default 0.8)."),
         tr("share")},
        {QStringLiteral("currency"), tr("With “set”: the budget's currency (default: the profile's)."), tr("code")},
    });
}

ExitCode BudgetsCommand::run(CliContext& context)
{
    const QStringList& arguments = context.arguments;
    if (arguments.isEmpty())
        return list(context);
    const QString action = arguments.at(0);
    if (action == QLatin1String("set") && arguments.size() == 3)
        return set(context);
    if (action == QLatin1String("remove") && arguments.size() == 2)
        return remove(context);
    if (action == QLatin1String("list") && arguments.size() == 1)
        return list(context);
    return badInput(context,
                    tr("Use “budgets”, “budgets set CATEGORY AMOUNT [--period monthly] [--threshold 0.8]” "
                       "or “budgets remove CATEGORY”."));
}

Result<std::optional<qint64>> BudgetsCommand::categoryFor(CliContext& context, const QString& name)
{
    Session& session = *context.session;
    auto category = session.categories()->findByName(session.userId(), name);
    if (category)
        return std::optional<qint64>(category->id);
    if (name.compare(AllSpending, Qt::CaseInsensitive) == 0)
        return std::optional<qint64>();
    return Error::invalidInput(category.error().message);
}

ExitCode BudgetsCommand::list(CliContext& context)
{
    Session& session = *context.session;
    QDate date = session.clock().today();
    if (context.options->isSet(QStringLiteral("date"))) {
        auto parsed = CliParsing::date(context.options->value(QStringLiteral("date")), date, session.locale());
        if (!parsed)
            return badInput(context, parsed.error().message);
        date = *parsed;
    }
    auto statuses = session.budgetEngine()->evaluateAll(session.userId(), date);
    if (!statuses)
        return fail(context, statuses.error());
    auto names = categoryNames(session);
    if (!names)
        return fail(context, names.error());
    if (!context.json) {
        printTable(context, *statuses, *names);
        return ExitCode::Ok;
    }
    QJsonArray array;
    for (const BudgetStatus& status : std::as_const(*statuses)) {
        QJsonArray notCounted;
        for (const Money& money : status.notCounted)
            notCounted.append(QJsonObject {{QStringLiteral("amount"), money.toDecimalString()},
                                           {QStringLiteral("currency"), money.currency().code()}});
        array.append(QJsonObject {
            {QStringLiteral("id"), status.budget.id},
            {QStringLiteral("category"),
             status.budget.categoryId ? QJsonValue(names->value(*status.budget.categoryId))
                                      : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("period"), BudgetEnums::key(status.budget.period)},
            {QStringLiteral("window_start"), status.window.start.toString(Qt::ISODate)},
            {QStringLiteral("window_end"), status.window.end.toString(Qt::ISODate)},
            {QStringLiteral("as_of"), status.asOf.toString(Qt::ISODate)},
            {QStringLiteral("currency"), status.budget.limit.currency().code()},
            {QStringLiteral("limit"), status.budget.limit.toDecimalString()},
            {QStringLiteral("spent"), status.spent.toDecimalString()},
            {QStringLiteral("remaining"), status.remaining().toDecimalString()},
            {QStringLiteral("used"), status.used()},
            {QStringLiteral("pace"), status.pace()},
            {QStringLiteral("projected"), status.projected().toDecimalString()},
            {QStringLiteral("alert_threshold"), status.budget.alertThreshold},
            {QStringLiteral("status"), BudgetStates::key(status.state)},
            {QStringLiteral("transactions"), status.rowCount},
            {QStringLiteral("not_counted"), notCounted},
        });
    }
    *context.out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
    context.out->flush();
    return ExitCode::Ok;
}

void BudgetsCommand::printTable(CliContext& context, const QList<BudgetStatus>& statuses,
                                const QHash<qint64, QString>& names)
{
    QTextStream& out = *context.out;
    const QLocale locale = context.session->locale();
    if (statuses.isEmpty()) {
        *context.err << tr("No budgets yet; add one with “budgets set CATEGORY AMOUNT”.") << Qt::endl;
        return;
    }
    const QStringList headers {tr("Budget"),    tr("Period"), tr("Window"), tr("Spent"),     tr("Limit"),
                               tr("Remaining"), tr("Used"),   tr("Pace"),   tr("Projected"), tr("Status")};
    QList<QStringList> rows;
    for (const BudgetStatus& status : statuses) {
        rows << QStringList {
            budgetName(status.budget, names),
            BudgetEnums::displayName(status.budget.period),
            locale.toString(status.window.start, QLocale::ShortFormat) + QStringLiteral(" – ")
                + locale.toString(status.window.end, QLocale::ShortFormat),
            status.spent.toString(locale),
            status.budget.limit.toString(locale),
            status.remaining().toString(locale),
            percent(status.used(), locale),
            percent(status.pace(), locale),
            status.projected().toString(locale),
            BudgetStates::displayName(status.state),
        };
    }
    QList<qsizetype> widths(headers.size(), 0);
    for (qsizetype c = 0; c < headers.size(); ++c) {
        widths[c] = headers.at(c).size();
        for (const QStringList& row : std::as_const(rows))
            widths[c] = std::max(widths[c], row.at(c).size());
    }
    auto printRow = [&](const QStringList& row) {
        QString line;
        for (qsizetype c = 0; c < row.size(); ++c) {
            const bool number = c >= 3 && c <= 8;
            line += number ? row.at(c).rightJustified(widths[c]) : row.at(c).leftJustified(widths[c]);
            if (c + 1 < row.size())
                line += QStringLiteral("  ");
        }
        out << line.trimmed() << '\n';
    };
    printRow(headers);
    for (qsizetype i = 0; i < rows.size(); ++i) {
        printRow(rows.at(i));
        const BudgetStatus& status = statuses.at(i);
        if (!status.notCounted.isEmpty()) {
            QStringList amounts;
            for (const Money& money : status.notCounted)
                amounts << money.toString(locale, Money::SymbolStyle::Code);
            out << QStringLiteral("  ")
                << tr("not counted (other currencies, no conversion yet): %1").arg(amounts.join(QStringLiteral(", ")))
                << '\n';
        }
    }
    out.flush();
}

ExitCode BudgetsCommand::set(CliContext& context)
{
    Session& session = *context.session;
    const QCommandLineParser& options = *context.options;
    auto category = categoryFor(context, context.arguments.at(1));
    if (!category)
        return badInput(context, category.error().message);
    Currency currency = session.baseCurrency();
    if (options.isSet(QStringLiteral("currency"))) {
        currency = Currency::fromCode(options.value(QStringLiteral("currency")).trimmed().toUpper());
        if (!currency.isValid())
            return badInput(
                context,
                tr("“%1” is not a currency code such as EUR or USD.").arg(options.value(QStringLiteral("currency"))));
    }
    auto amount = Money::parse(context.arguments.at(2), currency, session.locale());
    if (!amount)
        return badInput(context, amount.error().message);

    auto existing = session.budgets()->findForCategory(session.userId(), *category);
    if (!existing)
        return fail(context, existing.error());
    Budget budget = existing->value_or(Budget());
    budget.categoryId = *category;
    budget.limit = *amount;
    if (options.isSet(QStringLiteral("period"))) {
        const auto period = BudgetEnums::periodFromKey(options.value(QStringLiteral("period")).trimmed().toLower());
        if (!period)
            return badInput(context, tr("--period is weekly, monthly or yearly."));
        budget.period = *period;
    }
    if (options.isSet(QStringLiteral("threshold"))) {
        QString text = options.value(QStringLiteral("threshold")).trimmed();
        const bool percentage = text.endsWith(u'%');
        if (percentage)
            text.chop(1);
        bool ok = false;
        double threshold = text.toDouble(&ok);
        if (ok && percentage)
            threshold /= 100.0;
        if (!ok || !std::isfinite(threshold) || threshold < 0.0 || threshold > 1.0)
            return badInput(context,
                            tr("--threshold is a share of the limit from 0 to 1, or a percentage such as 80%."));
        budget.alertThreshold = threshold;
    }
    Result<void> saved;
    if (existing->has_value()) {
        saved = session.budgets()->update(session.userId(), budget);
    } else {
        auto id = session.budgets()->add(session.userId(), budget);
        if (id)
            budget.id = *id;
        else
            saved = id.error();
    }
    if (!saved)
        return fail(context, saved.error());
    if (context.json) {
        *context.out << QString::fromUtf8(QJsonDocument(QJsonObject {{QStringLiteral("id"), budget.id}}).toJson());
    } else {
        auto names = categoryNames(session);
        const QString name = budgetName(budget, names ? *names : QHash<qint64, QString>());
        *context.out << (existing->has_value() ? tr("Budget for %1 changed: %2 %3.") : tr("Budget for %1 set: %2 %3."))
                            .arg(name, budget.limit.toString(session.locale()),
                                 BudgetEnums::displayName(budget.period).toLower())
                     << '\n';
    }
    context.out->flush();
    return ExitCode::Ok;
}

ExitCode BudgetsCommand::remove(CliContext& context)
{
    Session& session = *context.session;
    auto category = categoryFor(context, context.arguments.at(1));
    if (!category)
        return badInput(context, category.error().message);
    auto existing = session.budgets()->findForCategory(session.userId(), *category);
    if (!existing)
        return fail(context, existing.error());
    if (!existing->has_value())
        return badInput(context, tr("There is no budget for “%1”.").arg(context.arguments.at(1)));
    auto removed = session.budgets()->remove(session.userId(), (*existing)->id);
    if (!removed)
        return fail(context, removed.error());
    if (!context.json)
        *context.out << tr("Budget for “%1” removed.").arg(context.arguments.at(1)) << '\n';
    context.out->flush();
    return ExitCode::Ok;
}

} // namespace Moniagent
