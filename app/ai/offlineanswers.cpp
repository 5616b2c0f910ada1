#include "offlineanswers.h"

#include "assistanttools.h"
#include "core/clock.h"
#include "core/money.h"

#include <QJsonArray>

namespace Moniagent {

namespace {

using Kind = QuestionIntent::Kind;

QString bold(const QString& text)
{
    return QStringLiteral("**") + text + QStringLiteral("**");
}

QString text(const QJsonValue& amount)
{
    return amount.toObject().value(QStringLiteral("text")).toString();
}

qint64 minor(const QJsonValue& amount)
{
    return amount.toObject().value(QStringLiteral("minor")).toInteger();
}

// "€12.00, $3.00": amounts in several currencies, never added up.
QString join(const QJsonArray& amounts, const QString& key = {})
{
    QStringList parts;
    for (const QJsonValue& value : amounts)
        parts << text(key.isEmpty() ? value : value.toObject().value(key));
    return parts.join(QStringLiteral(", "));
}

QJsonObject rangeArguments(const DateRange& range)
{
    QJsonObject args;
    if (range.from.isValid())
        args.insert(QStringLiteral("from"), range.from.toString(Qt::ISODate));
    if (range.to.isValid())
        args.insert(QStringLiteral("to"), range.to.toString(Qt::ISODate));
    return args;
}

class Run
{
public:
    Run(const AssistantTools& tools, const std::atomic<bool>* cancelled, AssistantAnswer& answer)
        : m_tools(tools)
        , m_cancelled(cancelled)
        , m_answer(answer)
    { }

    Result<QJsonObject> call(const QString& name, const QJsonObject& arguments)
    {
        if (m_cancelled && m_cancelled->load())
            return Error::cancelled();
        auto result = m_tools.call(name, arguments);
        if (!result)
            return result.error();
        m_answer.toolCalls.append(QJsonObject {{QStringLiteral("tool"), name},
                                               {QStringLiteral("arguments"), arguments},
                                               {QStringLiteral("result"), *result}});
        return result;
    }

private:
    const AssistantTools& m_tools;
    const std::atomic<bool>* m_cancelled;
    AssistantAnswer& m_answer;
};

TransactionFilter expenses(const QuestionIntent& intent, const DateRange& range)
{
    TransactionFilter filter;
    filter.dates = range;
    filter.type = TransactionType::Expense;
    if (intent.categoryId)
        filter.categoryIds = {*intent.categoryId};
    filter.search = intent.merchant;
    return filter;
}

} // namespace

OfflineAnswers::OfflineAnswers(const AssistantTools& tools)
    : m_tools(tools)
{ }

QStringList OfflineAnswers::exampleQuestions()
{
    return {
        tr("How much did I spend on groceries last month?"),
        tr("How much did I spend at Tesco this year?"),
        tr("How much did I spend on eating out last month compared with October?"),
        tr("What are my top 5 merchants this year?"),
        tr("Where does my money go this month, by category?"),
        tr("What were my biggest expenses in the last 30 days?"),
        tr("How are my budgets?"),
        tr("What was my income and spending this year, per month?"),
        tr("Which subscriptions do I have?"),
        tr("Show my latest transactions at Amazon"),
        tr("Set a monthly budget of 300 for groceries"),
        tr("Always categorize Netflix as Subscriptions"),
    };
}

QString OfflineAnswers::helpText()
{
    QString help = tr("I did not understand that question. I can answer questions about your spending and income "
                      "by category, merchant and period (“last month”, “in October”, “since 1 March”, “last 30 "
                      "days”), top merchants and categories, biggest expenses, comparisons between periods, budgets "
                      "and subscriptions. For example:");
    for (const QString& example : exampleQuestions())
        help += QStringLiteral("\n- ") + example;
    return help;
}

QString OfflineAnswers::describe(const DateRange& range) const
{
    const QLocale& locale = m_tools.locale();
    const QDate today = m_tools.clock().today();
    const QDate from = range.from;
    const QDate to = range.to;
    const QString longFormat = QStringLiteral("d MMMM yyyy");
    if (!from.isValid() && !to.isValid())
        return tr("in all time");
    if (!from.isValid())
        return tr("until %1").arg(locale.toString(to, longFormat));
    if (!to.isValid())
        return tr("since %1").arg(locale.toString(from, longFormat));
    if (from == to) {
        if (from == today)
            return tr("today");
        if (from == today.addDays(-1))
            return tr("yesterday");
        return tr("on %1").arg(locale.toString(from, longFormat));
    }
    const bool wholeStart = from.day() == 1;
    const bool sameMonth = from.year() == to.year() && from.month() == to.month();
    if (wholeStart && sameMonth && (to.day() == to.daysInMonth() || to == today))
        return tr("in %1").arg(locale.toString(from, QStringLiteral("MMMM yyyy")));
    if (from.month() == 1 && from.day() == 1 && from.year() == to.year()
        && ((to.month() == 12 && to.day() == 31) || to == today))
        return tr("in %1").arg(from.year());
    return tr("from %1 to %2").arg(locale.toString(from, longFormat), locale.toString(to, longFormat));
}

Result<AssistantAnswer> OfflineAnswers::answer(const QuestionIntent& intent, const std::atomic<bool>* cancelled) const
{
    AssistantAnswer answer;
    Run run(m_tools, cancelled, answer);
    const QLocale& locale = m_tools.locale();
    const QString period = describe(intent.period);
    const auto categoryArgs = [&](QJsonObject args) {
        if (intent.categoryId)
            args.insert(QStringLiteral("category"), *intent.categoryId);
        return args;
    };
    // "on Groceries at “Tesco”"
    QString what;
    if (!intent.categoryName.isEmpty())
        what += tr(" on %1").arg(intent.categoryName);
    if (!intent.merchant.isEmpty())
        what += tr(" at “%1”").arg(intent.merchant);

    switch (intent.kind) {
    case Kind::Unknown:
        answer.understood = false;
        answer.text = helpText();
        return answer;

    case Kind::Spending: {
        QJsonObject args = categoryArgs(rangeArguments(intent.period));
        if (!intent.merchant.isEmpty())
            args.insert(QStringLiteral("merchant"), intent.merchant);
        if (intent.grouping == QuestionIntent::Grouping::Category)
            args.insert(QStringLiteral("group_by"), QStringLiteral("category"));
        else if (intent.grouping == QuestionIntent::Grouping::Month)
            args.insert(QStringLiteral("group_by"), QStringLiteral("month"));
        else if (intent.grouping == QuestionIntent::Grouping::Merchant)
            args.insert(QStringLiteral("group_by"), QStringLiteral("merchant"));
        auto result = run.call(QStringLiteral("spending_summary"), args);
        if (!result)
            return result.error();
        const QJsonArray totals = result->value(QStringLiteral("totals")).toArray();
        const qint64 count
            = totals.isEmpty() ? 0 : totals.first().toObject().value(QStringLiteral("count")).toInteger();
        if (totals.isEmpty()) {
            answer.text = tr("You spent nothing%1 %2.").arg(what, period);
        } else {
            answer.text = tr("You spent %1%2 %3 (%n transaction(s)).", nullptr, int(count))
                              .arg(bold(text(totals.first())), what, period);
            if (totals.size() > 1) {
                QJsonArray others = totals;
                others.removeFirst();
                answer.text += u' ' + tr("In other currencies (not converted): %1.").arg(join(others));
            }
        }
        const QJsonArray groups = result->value(QStringLiteral("groups")).toArray();
        if (!groups.isEmpty()) {
            QString header = tr("Category");
            if (intent.grouping == QuestionIntent::Grouping::Month)
                header = tr("Month");
            else if (intent.grouping == QuestionIntent::Grouping::Merchant)
                header = tr("Merchant");
            answer.table.headers = {header, tr("Spent"), tr("Transactions")};
            for (const QJsonValue& value : groups) {
                const QJsonObject group = value.toObject();
                answer.table.rows.append({group.value(QStringLiteral("label")).toString(),
                                          text(group.value(QStringLiteral("amount"))),
                                          locale.toString(group.value(QStringLiteral("count")).toInteger())});
            }
        } else {
            answer.table.headers = {tr("Period"), tr("Spent"), tr("Transactions")};
            for (const QJsonValue& total : totals)
                answer.table.rows.append(
                    {period, text(total),
                     locale.toString(total.toObject().value(QStringLiteral("count")).toInteger())});
        }
        answer.table.numericColumns = {1, 2};
        answer.transactions = expenses(intent, intent.period);
        return answer;
    }

    case Kind::TopCategories: {
        QJsonObject args = rangeArguments(intent.period);
        args.insert(QStringLiteral("group_by"), QStringLiteral("category"));
        args.insert(QStringLiteral("limit"), intent.limit > 0 ? intent.limit : 5);
        auto result = run.call(QStringLiteral("spending_summary"), args);
        if (!result)
            return result.error();
        const QJsonArray totals = result->value(QStringLiteral("totals")).toArray();
        const QJsonArray groups = result->value(QStringLiteral("groups")).toArray();
        if (groups.isEmpty()) {
            answer.text = tr("You spent nothing %1.").arg(period);
        } else {
            const QJsonObject first = groups.first().toObject();
            answer.text = tr("Most of your spending %1 went to %2: %3 of %4.")
                              .arg(period, bold(first.value(QStringLiteral("label")).toString()),
                                   bold(text(first.value(QStringLiteral("amount")))), text(totals.first()));
        }
        answer.table.headers = {tr("Category"), tr("Spent"), tr("Share")};
        const qint64 total = totals.isEmpty() ? 0 : minor(totals.first());
        const QString base
            = totals.isEmpty() ? QString() : totals.first().toObject().value(QStringLiteral("currency")).toString();
        for (const QJsonValue& value : groups) {
            const QJsonObject group = value.toObject();
            const QJsonObject amount = group.value(QStringLiteral("amount")).toObject();
            const qint64 spent = amount.value(QStringLiteral("minor")).toInteger();
            const bool sameCurrency = amount.value(QStringLiteral("currency")).toString() == base;
            answer.table.rows.append(
                {group.value(QStringLiteral("label")).toString(), text(amount),
                 sameCurrency && total > 0 ? locale.toString((spent * 200 + total) / (2 * total)) + u'%' : QString()});
        }
        answer.table.numericColumns = {1, 2};
        answer.transactions = expenses(intent, intent.period);
        return answer;
    }

    case Kind::TopMerchants: {
        QJsonObject args = categoryArgs(rangeArguments(intent.period));
        args.insert(QStringLiteral("limit"), intent.limit > 0 ? intent.limit : 5);
        auto result = run.call(QStringLiteral("top_merchants"), args);
        if (!result)
            return result.error();
        const QJsonArray merchants = result->value(QStringLiteral("merchants")).toArray();
        if (merchants.isEmpty()) {
            answer.text = tr("You spent nothing at any merchant%1 %2.").arg(what, period);
        } else {
            const QJsonObject first = merchants.first().toObject();
            answer.text = tr("Your top merchant%1 %2 was %3 with %4.")
                              .arg(what, period, bold(first.value(QStringLiteral("merchant")).toString()),
                                   bold(text(first.value(QStringLiteral("amount")))));
        }
        answer.table.headers = {tr("#"), tr("Merchant"), tr("Spent"), tr("Transactions")};
        int rank = 0;
        for (const QJsonValue& value : merchants) {
            const QJsonObject merchant = value.toObject();
            answer.table.rows.append({locale.toString(++rank), merchant.value(QStringLiteral("merchant")).toString(),
                                      text(merchant.value(QStringLiteral("amount"))),
                                      locale.toString(merchant.value(QStringLiteral("count")).toInteger())});
        }
        answer.table.numericColumns = {0, 2, 3};
        answer.transactions = expenses(intent, intent.period);
        return answer;
    }

    case Kind::BiggestExpenses:
    case Kind::ListTransactions: {
        const bool biggest = intent.kind == Kind::BiggestExpenses;
        QJsonObject args = categoryArgs(rangeArguments(intent.period));
        if (!intent.merchant.isEmpty())
            args.insert(QStringLiteral("search"), intent.merchant);
        args.insert(QStringLiteral("order"), biggest ? QStringLiteral("largest") : QStringLiteral("newest"));
        args.insert(QStringLiteral("limit"), intent.limit > 0 ? intent.limit : (biggest ? 5 : 10));
        auto result = run.call(QStringLiteral("list_transactions"), args);
        if (!result)
            return result.error();
        const QJsonArray rows = result->value(QStringLiteral("transactions")).toArray();
        if (rows.isEmpty()) {
            answer.text = tr("I found no expenses%1 %2.").arg(what, period);
        } else if (biggest) {
            const QJsonObject first = rows.first().toObject();
            answer.text = tr("Your biggest expense%1 %2 was %3 at %4 on %5.")
                              .arg(what, period, bold(text(first.value(QStringLiteral("amount")))),
                                   first.value(QStringLiteral("merchant")).toString(),
                                   locale.toString(
                                       QDate::fromString(first.value(QStringLiteral("date")).toString(), Qt::ISODate),
                                       QLocale::ShortFormat));
        } else {
            answer.text = tr("Your latest %n expense(s)%1 %2:", nullptr, int(rows.size())).arg(what, period);
        }
        answer.table.headers = {tr("Date"), tr("Merchant"), tr("Category"), tr("Amount")};
        for (const QJsonValue& value : rows) {
            const QJsonObject row = value.toObject();
            answer.table.rows.append(
                {locale.toString(QDate::fromString(row.value(QStringLiteral("date")).toString(), Qt::ISODate),
                                 QLocale::ShortFormat),
                 row.value(QStringLiteral("merchant")).toString(), row.value(QStringLiteral("category")).toString(),
                 text(row.value(QStringLiteral("amount")))});
        }
        answer.table.numericColumns = {3};
        answer.transactions = expenses(intent, intent.period);
        return answer;
    }

    case Kind::Compare: {
        QJsonObject args = categoryArgs(rangeArguments(intent.period));
        args.insert(QStringLiteral("compare_from"), intent.baseline.from.toString(Qt::ISODate));
        args.insert(QStringLiteral("compare_to"), intent.baseline.to.toString(Qt::ISODate));
        if (!intent.merchant.isEmpty())
            args.insert(QStringLiteral("merchant"), intent.merchant);
        auto result = run.call(QStringLiteral("compare_periods"), args);
        if (!result)
            return result.error();
        const QString baseline = describe(intent.baseline);
        const QJsonArray a
            = result->value(QStringLiteral("period")).toObject().value(QStringLiteral("totals")).toArray();
        const QJsonArray b
            = result->value(QStringLiteral("baseline")).toObject().value(QStringLiteral("totals")).toArray();
        const QJsonArray differences = result->value(QStringLiteral("differences")).toArray();
        const QJsonObject difference = differences.first().toObject();
        const qint64 diff = minor(difference.value(QStringLiteral("difference")));
        const QString currency = difference.value(QStringLiteral("currency")).toString();
        const QString absolute = m_tools.formatAmount(std::abs(diff), currency);
        const QJsonValue percent = difference.value(QStringLiteral("percent"));
        QString change;
        if (diff == 0)
            change = tr("the same");
        else if (percent.isNull())
            change = diff > 0 ? tr("%1 more").arg(bold(absolute)) : tr("%1 less").arg(bold(absolute));
        else
            change = (diff > 0 ? tr("%1 more (%2)") : tr("%1 less (%2)"))
                         .arg(bold(absolute), locale.toString(percent.toDouble(), 'f', 1) + QStringLiteral(" %"));
        answer.text = tr("You spent %1%2 %3, compared with %4 %5: %6.")
                          .arg(bold(text(a.first())), what, period, bold(text(b.first())), baseline, change);
        answer.table.headers = {tr("Period"), tr("Spent")};
        answer.table.rows.append({period, join(a)});
        answer.table.rows.append({baseline, join(b)});
        answer.table.rows.append({tr("Difference"), join(differences, QStringLiteral("difference"))});
        answer.table.numericColumns = {1};
        answer.transactions = expenses(intent, intent.period);
        return answer;
    }

    case Kind::BudgetStatus: {
        auto result = run.call(QStringLiteral("budget_status"), {});
        if (!result)
            return result.error();
        QJsonArray budgets = result->value(QStringLiteral("budgets")).toArray();
        if (intent.categoryId) {
            QJsonArray only;
            for (const QJsonValue& value : std::as_const(budgets)) {
                if (value.toObject().value(QStringLiteral("category_id")).toInteger(-1) == *intent.categoryId)
                    only.append(value);
            }
            budgets = only;
        }
        QStringList over;
        QStringList warning;
        for (const QJsonValue& value : std::as_const(budgets)) {
            const QJsonObject budget = value.toObject();
            const QString line
                = tr("%1 (%2 of %3)")
                      .arg(budget.value(QStringLiteral("category")).toString(),
                           text(budget.value(QStringLiteral("spent"))), text(budget.value(QStringLiteral("limit"))));
            const QString state = budget.value(QStringLiteral("state")).toString();
            if (state == u"exceeded")
                over << line;
            else if (state == u"warning")
                warning << line;
            answer.table.rows.append(
                {budget.value(QStringLiteral("category")).toString(), text(budget.value(QStringLiteral("spent"))),
                 text(budget.value(QStringLiteral("limit"))), text(budget.value(QStringLiteral("remaining"))),
                 locale.toString(budget.value(QStringLiteral("percent_used")).toInteger()) + u'%',
                 state == u"exceeded" ? tr("Over") : (state == u"warning" ? tr("Close") : tr("OK"))});
        }
        if (budgets.isEmpty()) {
            answer.text = intent.categoryId ? tr("You have no budget for %1 yet.").arg(intent.categoryName)
                                            : tr("You have no budgets yet.");
            return answer;
        }
        answer.table.headers = {tr("Budget"), tr("Spent"), tr("Limit"), tr("Left"), tr("Used"), tr("Status")};
        answer.table.numericColumns = {1, 2, 3, 4};
        if (!over.isEmpty())
            answer.text = tr("%n budget(s) over the limit: %1.", nullptr, int(over.size()))
                              .arg(over.join(QStringLiteral(", ")));
        else
            answer.text = tr("All %n budget(s) are within their limits.", nullptr, int(budgets.size()));
        if (!warning.isEmpty())
            answer.text += u' ' + tr("Close to the limit: %1.").arg(warning.join(QStringLiteral(", ")));
        return answer;
    }

    case Kind::Income:
    case Kind::IncomeVsExpense: {
        QJsonObject args = rangeArguments(intent.period);
        const bool byMonth = intent.grouping == QuestionIntent::Grouping::Month;
        if (byMonth)
            args.insert(QStringLiteral("by_month"), true);
        auto result = run.call(QStringLiteral("income_vs_expense"), args);
        if (!result)
            return result.error();
        const QJsonArray totals = result->value(QStringLiteral("totals")).toArray();
        const QJsonObject base = totals.first().toObject();
        if (intent.kind == Kind::Income) {
            answer.text = tr("Your income %1 was %2.").arg(period, bold(text(base.value(QStringLiteral("income")))));
        } else {
            const qint64 net = minor(base.value(QStringLiteral("net")));
            answer.text
                = (net >= 0 ? tr("%1 you earned %2 and spent %3: you kept %4.")
                            : tr("%1 you earned %2 and spent %3: %4 more than you earned."))
                      .arg(
                          period.left(1).toUpper() + period.mid(1), bold(text(base.value(QStringLiteral("income")))),
                          bold(text(base.value(QStringLiteral("expenses")))),
                          bold(m_tools.formatAmount(std::abs(net), base.value(QStringLiteral("currency")).toString())));
        }
        if (totals.size() > 1)
            answer.text += u' ' + tr("Other currencies are listed separately (not converted).");
        const QJsonArray months = result->value(QStringLiteral("months")).toArray();
        if (byMonth) {
            answer.table.headers = {tr("Month"), tr("Income"), tr("Expenses"), tr("Net")};
            for (const QJsonValue& value : months) {
                const QJsonObject month = value.toObject();
                answer.table.rows.append(
                    {month.value(QStringLiteral("label")).toString(), text(month.value(QStringLiteral("income"))),
                     text(month.value(QStringLiteral("expenses"))), text(month.value(QStringLiteral("net")))});
            }
        } else {
            answer.table.headers = {tr("Currency"), tr("Income"), tr("Expenses"), tr("Net")};
            for (const QJsonValue& value : totals) {
                const QJsonObject total = value.toObject();
                answer.table.rows.append(
                    {total.value(QStringLiteral("currency")).toString(), text(total.value(QStringLiteral("income"))),
                     text(total.value(QStringLiteral("expenses"))), text(total.value(QStringLiteral("net")))});
            }
        }
        answer.table.numericColumns = {1, 2, 3};
        TransactionFilter filter;
        filter.dates = intent.period;
        if (intent.kind == Kind::Income)
            filter.type = TransactionType::Income;
        answer.transactions = filter;
        return answer;
    }

    case Kind::Subscriptions: {
        auto result = run.call(QStringLiteral("recurring_payments"), {});
        if (!result)
            return result.error();
        const QJsonArray payments = result->value(QStringLiteral("payments")).toArray();
        const QJsonArray monthly = result->value(QStringLiteral("monthly_totals")).toArray();
        if (payments.isEmpty()) {
            answer.text = tr("I found no recurring payments in the last %n month(s).", nullptr,
                             AssistantTools::DefaultRecurringMonths);
            return answer;
        }
        answer.text = tr("I found %n recurring payment(s), about %1 a month in total.", nullptr, int(payments.size()))
                          .arg(bold(join(monthly)));
        answer.table.headers
            = {tr("Merchant"), tr("Every"), tr("Amount"), tr("Per month"), tr("Last charge"), tr("Next")};
        for (const QJsonValue& value : payments) {
            const QJsonObject payment = value.toObject();
            const QString interval = payment.value(QStringLiteral("interval")).toString();
            answer.table.rows.append(
                {payment.value(QStringLiteral("merchant")).toString(),
                 interval == u"weekly" ? tr("week") : (interval == u"yearly" ? tr("year") : tr("month")),
                 text(payment.value(QStringLiteral("amount"))), text(payment.value(QStringLiteral("monthly"))),
                 locale.toString(QDate::fromString(payment.value(QStringLiteral("last_date")).toString(), Qt::ISODate),
                                 QLocale::ShortFormat),
                 locale.toString(QDate::fromString(payment.value(QStringLiteral("next_date")).toString(), Qt::ISODate),
                                 QLocale::ShortFormat)});
        }
        answer.table.numericColumns = {2, 3};
        return answer;
    }

    case Kind::Categories: {
        auto result = run.call(QStringLiteral("list_categories"), {});
        if (!result)
            return result.error();
        const QJsonArray categories = result->value(QStringLiteral("categories")).toArray();
        answer.text = tr("You have %n categories.", nullptr, int(categories.size()));
        answer.table.headers = {tr("Category"), tr("For")};
        for (const QJsonValue& value : categories) {
            const QJsonObject category = value.toObject();
            const QString type = category.value(QStringLiteral("type")).toString();
            answer.table.rows.append(
                {category.value(QStringLiteral("name")).toString(),
                 type == u"income" ? tr("Income") : (type == u"both" ? tr("Both") : tr("Expenses"))});
        }
        return answer;
    }

    case Kind::ProposeBudget: {
        const QString currency = m_tools.baseCurrency().code();
        const QString limit = m_tools.formatAmount(intent.amountMinor, currency);
        const QString target = intent.categoryName.isEmpty() ? tr("all spending") : intent.categoryName;
        QString periodName = tr("monthly");
        if (intent.budgetPeriod == BudgetPeriod::Weekly)
            periodName = tr("weekly");
        else if (intent.budgetPeriod == BudgetPeriod::Yearly)
            periodName = tr("yearly");
        // What was spent in the last full month, for context.
        const QDate today = m_tools.clock().today();
        const QDate first = QDate(today.year(), today.month(), 1).addMonths(-1);
        const DateRange lastMonth {first, first.addDays(first.daysInMonth() - 1)};
        auto result = run.call(QStringLiteral("spending_summary"), categoryArgs(rangeArguments(lastMonth)));
        if (!result)
            return result.error();
        const QJsonArray totals = result->value(QStringLiteral("totals")).toArray();
        ProposedAction action;
        action.kind = ProposedAction::Kind::CreateBudget;
        action.label = tr("Create a %1 budget of %2 for %3").arg(periodName, limit, target);
        action.parameters
            = {{QStringLiteral("categoryId"), intent.categoryId ? QJsonValue(*intent.categoryId) : QJsonValue()},
               {QStringLiteral("limitMinor"), intent.amountMinor},
               {QStringLiteral("currency"), currency},
               {QStringLiteral("period"), BudgetEnums::key(intent.budgetPeriod)}};
        answer.proposals.append(action);
        answer.text = tr("I can create a %1 budget of %2 for %3; confirm with the button. %4 you spent %5 on it.")
                          .arg(periodName, bold(limit), target,
                               describe(lastMonth).left(1).toUpper() + describe(lastMonth).mid(1),
                               totals.isEmpty() ? m_tools.formatAmount(0, currency) : text(totals.first()));
        return answer;
    }

    case Kind::ProposeRule: {
        ProposedAction rule;
        rule.kind = ProposedAction::Kind::CreateRule;
        rule.label = tr("Always categorize “%1” as %2").arg(intent.pattern, intent.categoryName);
        rule.parameters
            = {{QStringLiteral("pattern"), intent.pattern},
               {QStringLiteral("ruleType"), QStringLiteral("keyword")},
               {QStringLiteral("categoryId"), intent.categoryId ? QJsonValue(*intent.categoryId) : QJsonValue()}};
        ProposedAction move;
        move.kind = ProposedAction::Kind::RecategorizeMerchant;
        move.label = tr("Move past “%1” transactions to %2").arg(intent.pattern, intent.categoryName);
        move.parameters
            = {{QStringLiteral("merchant"), intent.pattern},
               {QStringLiteral("categoryId"), intent.categoryId ? QJsonValue(*intent.categoryId) : QJsonValue()}};
        answer.proposals = {rule, move};
        answer.text = tr("I can add a rule that puts transactions matching “%1” into %2, and move the past ones "
                         "there too. Nothing changes until you confirm.")
                          .arg(intent.pattern, intent.categoryName);
        TransactionFilter filter;
        filter.search = intent.pattern;
        answer.transactions = filter;
        return answer;
    }
    }
    return answer;
}

} // namespace Moniagent
