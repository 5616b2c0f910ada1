#include "assistanttools.h"

#include "ai/assistantanswer.h"
#include "budget/budgetengine.h"
#include "core/clock.h"
#include "core/money.h"
#include "db/assistantqueries.h"
#include "db/categoryrepository.h"
#include "session/session.h"

#include <QJsonArray>
#include <QMap>

#include <algorithm>

namespace Moniagent {

namespace {

using Arguments = QJsonObject;

QString str(const char* text)
{
    return QString::fromLatin1(text);
}

QJsonObject property(const char* type, const QString& description)
{
    return {{QStringLiteral("type"), str(type)}, {QStringLiteral("description"), description}};
}

QJsonObject enumProperty(const QStringList& values, const QString& description)
{
    QJsonObject object = property("string", description);
    object.insert(QStringLiteral("enum"), QJsonArray::fromStringList(values));
    return object;
}

QJsonObject schema(const QJsonObject& properties, const QStringList& required = {})
{
    return {{QStringLiteral("type"), QStringLiteral("object")},
            {QStringLiteral("properties"), properties},
            {QStringLiteral("required"), QJsonArray::fromStringList(required)},
            {QStringLiteral("additionalProperties"), false}};
}

Error invalid(const QString& message)
{
    return Error::invalidInput(message);
}

// Refuses arguments the tool does not know, so a model hears about a misspelt name.
Result<void> checkKeys(const Arguments& arguments, const QStringList& allowed)
{
    for (auto it = arguments.begin(); it != arguments.end(); ++it) {
        if (!allowed.contains(it.key()))
            return invalid(AssistantTools::tr("Unknown argument “%1”; this tool takes: %2.")
                               .arg(it.key(), allowed.join(QStringLiteral(", "))));
    }
    return {};
}

Result<QDate> dateArgument(const Arguments& arguments, const QString& key)
{
    const QJsonValue value = arguments.value(key);
    if (value.isUndefined() || value.isNull())
        return QDate();
    const QDate date = QDate::fromString(value.toString(), Qt::ISODate);
    if (!value.isString() || !date.isValid())
        return invalid(AssistantTools::tr("“%1” must be a date as YYYY-MM-DD.").arg(key));
    return date;
}

Result<DateRange> rangeArgument(const Arguments& arguments, const QString& fromKey, const QString& toKey,
                                bool required = false)
{
    auto from = dateArgument(arguments, fromKey);
    if (!from)
        return from.error();
    auto to = dateArgument(arguments, toKey);
    if (!to)
        return to.error();
    if (required && (!from->isValid() || !to->isValid()))
        return invalid(AssistantTools::tr("“%1” and “%2” are required.").arg(fromKey, toKey));
    if (from->isValid() && to->isValid() && *from > *to)
        return invalid(AssistantTools::tr("“%1” is after “%2”.").arg(fromKey, toKey));
    return DateRange {*from, *to};
}

Result<int> intArgument(const Arguments& arguments, const QString& key, int fallback, int minimum, int maximum)
{
    const QJsonValue value = arguments.value(key);
    if (value.isUndefined() || value.isNull())
        return fallback;
    const double number = value.toDouble(-1e18);
    if (!value.isDouble() || number != double(qint64(number)) || number < minimum || number > maximum)
        return invalid(
            AssistantTools::tr("“%1” must be a whole number from %2 to %3.").arg(key).arg(minimum).arg(maximum));
    return int(number);
}

Result<QString> enumArgument(const Arguments& arguments, const QString& key, const QStringList& allowed,
                             const QString& fallback)
{
    const QJsonValue value = arguments.value(key);
    if (value.isUndefined() || value.isNull())
        return fallback;
    if (!value.isString() || !allowed.contains(value.toString()))
        return invalid(AssistantTools::tr("“%1” must be one of: %2.").arg(key, allowed.join(QStringLiteral(", "))));
    return value.toString();
}

Result<QString> stringArgument(const Arguments& arguments, const QString& key)
{
    const QJsonValue value = arguments.value(key);
    if (value.isUndefined() || value.isNull())
        return QString();
    if (!value.isString())
        return invalid(AssistantTools::tr("“%1” must be text.").arg(key));
    return value.toString().trimmed();
}

Result<bool> boolArgument(const Arguments& arguments, const QString& key)
{
    const QJsonValue value = arguments.value(key);
    if (value.isUndefined() || value.isNull())
        return false;
    if (!value.isBool())
        return invalid(AssistantTools::tr("“%1” must be true or false.").arg(key));
    return value.toBool();
}

// A category named by id or by name (its display name or the default category's English key, ignoring case).
Result<std::optional<Category>> categoryArgument(const Arguments& arguments, const QString& key,
                                                 const QList<Category>& categories)
{
    const QJsonValue value = arguments.value(key);
    if (value.isUndefined() || value.isNull() || (value.isString() && value.toString().trimmed().isEmpty()))
        return std::optional<Category>();
    if (value.isDouble()) {
        const qint64 id = value.toInteger(-1);
        for (const Category& category : categories) {
            if (category.id == id)
                return std::optional<Category>(category);
        }
        return invalid(AssistantTools::tr("There is no category with id %1.").arg(id));
    }
    if (!value.isString())
        return invalid(AssistantTools::tr("“%1” must be a category name or id.").arg(key));
    const QString name = value.toString().trimmed();
    for (const Category& category : categories) {
        if (category.name.compare(name, Qt::CaseInsensitive) == 0)
            return std::optional<Category>(category);
    }
    for (const Category& category : categories) {
        if (!category.systemKey.isEmpty() && category.systemKey.compare(name, Qt::CaseInsensitive) == 0)
            return std::optional<Category>(category);
    }
    return invalid(AssistantTools::tr("There is no category named “%1”; list_categories gives the names.").arg(name));
}

QJsonValue dateValue(QDate date)
{
    return date.isValid() ? QJsonValue(date.toString(Qt::ISODate)) : QJsonValue();
}

// Percent change of `value` against `baseline` with one decimal, exact up to the rounding (null without a baseline).
QJsonValue percentChange(qint64 value, qint64 baseline)
{
    if (baseline == 0)
        return QJsonValue();
    const qint64 diff = value - baseline;
    // tenths of a percent, rounded half away from zero
    const qint64 numerator = diff * 1000;
    qint64 tenths = numerator / baseline;
    const qint64 rest = numerator % baseline;
    if (2 * std::abs(rest) >= std::abs(baseline))
        tenths += ((numerator < 0) != (baseline < 0)) ? -1 : 1;
    return double(tenths) / 10.0;
}

QString categoryLabel(const std::optional<qint64>& id, const QHash<qint64, QString>& names)
{
    if (!id)
        return AssistantTools::tr("Uncategorized");
    return names.value(*id, AssistantTools::tr("Category %1").arg(*id));
}

} // namespace

AssistantTools::AssistantTools(Database* database, qint64 userId, const Clock& clock, QLocale locale,
                               Currency baseCurrency, const BudgetEngine* budgets)
    : m_database(database)
    , m_userId(userId)
    , m_clock(clock)
    , m_locale(std::move(locale))
    , m_baseCurrency(std::move(baseCurrency))
    , m_budgets(budgets)
    , m_categories(std::make_unique<CategoryRepository>(database))
{ }

AssistantTools::AssistantTools(const Session& session)
    : AssistantTools(session.database(), session.userId(), session.clock(), session.locale(), session.baseCurrency(),
                     session.budgetEngine())
{ }

AssistantTools::~AssistantTools() = default;

Result<QList<Category>> AssistantTools::categories() const
{
    return m_categories->list(m_userId);
}

QString AssistantTools::formatAmount(qint64 minor, const QString& currency) const
{
    return Money::fromMinor(minor, currency).toString(m_locale);
}

QJsonObject AssistantTools::amount(qint64 minor, const QString& currency) const
{
    return {{QStringLiteral("minor"), minor},
            {QStringLiteral("currency"), currency},
            {QStringLiteral("text"), formatAmount(minor, currency)}};
}

QList<ToolDefinition> AssistantTools::definitions() const
{
    const QJsonObject from = property("string", tr("First day, YYYY-MM-DD (inclusive). Omit for no lower bound."));
    const QJsonObject to = property("string", tr("Last day, YYYY-MM-DD (inclusive). Omit for no upper bound."));
    QJsonObject category = property("string", tr("A category name (see list_categories) or its numeric id."));
    category.insert(QStringLiteral("type"), QJsonArray {QStringLiteral("string"), QStringLiteral("integer")});
    const QJsonObject merchant = property("string", tr("Words to find in the merchant, description or notes."));
    const QString today = tr(" Today is %1.").arg(m_clock.today().toString(Qt::ISODate));
    return {
        {QStringLiteral("spending_summary"),
         tr("Total expenses in a period, optionally of one category and/or merchant, optionally grouped by "
            "category, merchant or month. Amounts per currency, the profile's currency first.")
             + today,
         schema({{QStringLiteral("from"), from},
                 {QStringLiteral("to"), to},
                 {QStringLiteral("category"), category},
                 {QStringLiteral("merchant"), merchant},
                 {QStringLiteral("group_by"),
                  enumProperty({QStringLiteral("none"), QStringLiteral("category"), QStringLiteral("merchant"),
                                QStringLiteral("month")},
                               tr("How to group the total (default none)."))},
                 {QStringLiteral("limit"), property("integer", tr("At most this many groups, 1–200 (default 50)."))}})},
        {QStringLiteral("list_transactions"),
         tr("Transactions matching a filter, the largest or the newest first.") + today,
         schema(
             {{QStringLiteral("from"), from},
              {QStringLiteral("to"), to},
              {QStringLiteral("category"), category},
              {QStringLiteral("search"), merchant},
              {QStringLiteral("type"),
               enumProperty({QStringLiteral("expense"), QStringLiteral("income"), QStringLiteral("any")},
                            tr("Direction (default expense)."))},
              {QStringLiteral("order"),
               enumProperty({QStringLiteral("largest"), QStringLiteral("newest")}, tr("Sort order (default newest)."))},
              {QStringLiteral("limit"), property("integer", tr("1–100 (default 10)."))}})},
        {QStringLiteral("top_merchants"), tr("The merchants with the most expenses in a period, per currency.") + today,
         schema({{QStringLiteral("from"), from},
                 {QStringLiteral("to"), to},
                 {QStringLiteral("category"), category},
                 {QStringLiteral("limit"), property("integer", tr("1–50 (default 5)."))}})},
        {QStringLiteral("budget_status"),
         tr("Every budget on a day: limit, spent, remaining, share used, state (ok, warning, exceeded) and "
            "projection for the period.")
             + today,
         schema({{QStringLiteral("date"), property("string", tr("The day, YYYY-MM-DD (default today)."))}})},
        {QStringLiteral("compare_periods"),
         tr("Expenses of a period against a baseline period, optionally of one category or merchant: both totals, "
            "the difference (period minus baseline) and the change in percent.")
             + today,
         schema({{QStringLiteral("from"), from},
                 {QStringLiteral("to"), to},
                 {QStringLiteral("compare_from"), property("string", tr("Baseline's first day, YYYY-MM-DD."))},
                 {QStringLiteral("compare_to"), property("string", tr("Baseline's last day, YYYY-MM-DD."))},
                 {QStringLiteral("category"), category},
                 {QStringLiteral("merchant"), merchant}},
                {QStringLiteral("from"), QStringLiteral("to"), QStringLiteral("compare_from"),
                 QStringLiteral("compare_to")})},
        {QStringLiteral("income_vs_expense"), tr("Income, expenses and net in a period, optionally per month.") + today,
         schema({{QStringLiteral("from"), from},
                 {QStringLiteral("to"), to},
                 {QStringLiteral("by_month"), property("boolean", tr("Also give each month (default false)."))}})},
        {QStringLiteral("recurring_payments"),
         tr("Subscriptions and other recurring payments: merchants charged at regular weekly, monthly or yearly "
            "intervals with similar amounts in recent months.")
             + today,
         schema({{QStringLiteral("months"),
                  property("integer",
                           tr("How many months back to look, 2–36 (default %1).").arg(DefaultRecurringMonths))}})},
        {QStringLiteral("list_categories"), tr("The profile's categories with their ids and types."),
         schema({{QStringLiteral("type"),
                  enumProperty({QStringLiteral("expense"), QStringLiteral("income"), QStringLiteral("any")},
                               tr("Only categories for this direction (default any)."))}})},
    };
}

Result<QJsonObject> AssistantTools::call(const QString& name, const QJsonObject& arguments) const
{
    using Handler = Result<QJsonObject> (AssistantTools::*)(const QJsonObject&) const;
    static const QMap<QString, Handler> handlers {
        {QStringLiteral("spending_summary"), &AssistantTools::spendingSummary},
        {QStringLiteral("list_transactions"), &AssistantTools::listTransactions},
        {QStringLiteral("top_merchants"), &AssistantTools::topMerchants},
        {QStringLiteral("budget_status"), &AssistantTools::budgetStatus},
        {QStringLiteral("compare_periods"), &AssistantTools::comparePeriods},
        {QStringLiteral("income_vs_expense"), &AssistantTools::incomeVsExpense},
        {QStringLiteral("recurring_payments"), &AssistantTools::recurringPayments},
        {QStringLiteral("list_categories"), &AssistantTools::listCategories},
    };
    const auto handler = handlers.value(name);
    if (!handler)
        return invalid(tr("There is no tool named “%1”; the tools are: %2.")
                           .arg(name, QStringList(handlers.keys()).join(QStringLiteral(", "))));
    return (this->*handler)(arguments);
}

namespace {

// Orders currencies: the base currency first, then by code.
struct CurrencyOrder
{
    QString base;
    bool operator()(const QString& a, const QString& b) const
    {
        if ((a == base) != (b == base))
            return a == base;
        return a < b;
    }
};

TransactionFilter expenseFilter(const DateRange& range, const std::optional<Category>& category,
                                const QString& merchant)
{
    TransactionFilter filter;
    filter.dates = range;
    filter.type = TransactionType::Expense;
    if (category)
        filter.categoryIds = {category->id};
    filter.search = merchant;
    return filter;
}

QJsonObject rangeJson(const DateRange& range)
{
    return {{QStringLiteral("from"), dateValue(range.from)}, {QStringLiteral("to"), dateValue(range.to)}};
}

} // namespace

Result<QJsonObject> AssistantTools::spendingSummary(const QJsonObject& arguments) const
{
    if (auto keys = checkKeys(arguments,
                              {QStringLiteral("from"), QStringLiteral("to"), QStringLiteral("category"),
                               QStringLiteral("merchant"), QStringLiteral("group_by"), QStringLiteral("limit")});
        !keys)
        return keys.error();
    auto range = rangeArgument(arguments, QStringLiteral("from"), QStringLiteral("to"));
    if (!range)
        return range.error();
    auto categories = this->categories();
    if (!categories)
        return categories.error();
    auto category = categoryArgument(arguments, QStringLiteral("category"), *categories);
    if (!category)
        return category.error();
    auto merchant = stringArgument(arguments, QStringLiteral("merchant"));
    if (!merchant)
        return merchant.error();
    auto groupBy = enumArgument(
        arguments, QStringLiteral("group_by"),
        {QStringLiteral("none"), QStringLiteral("category"), QStringLiteral("merchant"), QStringLiteral("month")},
        QStringLiteral("none"));
    if (!groupBy)
        return groupBy.error();
    auto limit = intArgument(arguments, QStringLiteral("limit"), 50, 1, 200);
    if (!limit)
        return limit.error();
    AggregateGroup group = AggregateGroup::None;
    if (*groupBy == QLatin1String("category"))
        group = AggregateGroup::Category;
    else if (*groupBy == QLatin1String("merchant"))
        group = AggregateGroup::Merchant;
    else if (*groupBy == QLatin1String("month"))
        group = AggregateGroup::Month;

    const TransactionFilter filter = expenseFilter(*range, *category, *merchant);
    auto rows = AssistantQueries(m_database).totals(m_userId, filter, group);
    if (!rows)
        return rows.error();
    QHash<qint64, QString> names;
    for (const Category& c : std::as_const(*categories))
        names.insert(c.id, c.name);

    const CurrencyOrder order {m_baseCurrency.code()};
    QMap<QString, std::pair<qint64, qint64>> totals;
    for (const AggregateRow& row : std::as_const(*rows)) {
        totals[row.currency].first += row.amountMinor;
        totals[row.currency].second += row.count;
    }
    QStringList currencies = totals.keys();
    std::sort(currencies.begin(), currencies.end(), order);
    QJsonArray totalArray;
    qint64 count = 0;
    for (const QString& currency : std::as_const(currencies)) {
        QJsonObject entry = amount(totals.value(currency).first, currency);
        entry.insert(QStringLiteral("count"), totals.value(currency).second);
        totalArray.append(entry);
        count += totals.value(currency).second;
    }
    QJsonObject result = rangeJson(*range);
    if (*category)
        result.insert(
            QStringLiteral("category"),
            QJsonObject {{QStringLiteral("id"), (*category)->id}, {QStringLiteral("name"), (*category)->name}});
    if (!merchant->isEmpty())
        result.insert(QStringLiteral("merchant"), *merchant);
    result.insert(QStringLiteral("totals"), totalArray);
    result.insert(QStringLiteral("count"), count);
    if (group != AggregateGroup::None) {
        QList<AggregateRow> sorted = *rows;
        std::sort(sorted.begin(), sorted.end(), [&](const AggregateRow& a, const AggregateRow& b) {
            if (a.currency != b.currency)
                return order(a.currency, b.currency);
            if (group == AggregateGroup::Month)
                return a.month < b.month;
            if (a.amountMinor != b.amountMinor)
                return a.amountMinor > b.amountMinor;
            return a.merchant < b.merchant || (a.merchant == b.merchant && a.categoryId < b.categoryId);
        });
        QJsonArray groups;
        int more = 0;
        for (const AggregateRow& row : std::as_const(sorted)) {
            if (groups.size() >= *limit) {
                ++more;
                continue;
            }
            QJsonObject entry;
            if (group == AggregateGroup::Category) {
                entry.insert(QStringLiteral("category_id"),
                             row.categoryId ? QJsonValue(*row.categoryId) : QJsonValue());
                entry.insert(QStringLiteral("label"), categoryLabel(row.categoryId, names));
            } else if (group == AggregateGroup::Merchant) {
                entry.insert(QStringLiteral("label"), row.merchant);
            } else {
                entry.insert(QStringLiteral("month"), row.month);
                entry.insert(QStringLiteral("label"),
                             m_locale.toString(QDate::fromString(row.month, u"yyyy-MM"), QStringLiteral("MMMM yyyy")));
            }
            entry.insert(QStringLiteral("amount"), amount(row.amountMinor, row.currency));
            entry.insert(QStringLiteral("count"), row.count);
            groups.append(entry);
        }
        result.insert(QStringLiteral("group_by"), *groupBy);
        result.insert(QStringLiteral("groups"), groups);
        if (more > 0)
            result.insert(QStringLiteral("more_groups"), more);
    }
    return result;
}

Result<QJsonObject> AssistantTools::listTransactions(const QJsonObject& arguments) const
{
    if (auto keys
        = checkKeys(arguments,
                    {QStringLiteral("from"), QStringLiteral("to"), QStringLiteral("category"), QStringLiteral("search"),
                     QStringLiteral("type"), QStringLiteral("order"), QStringLiteral("limit")});
        !keys)
        return keys.error();
    auto range = rangeArgument(arguments, QStringLiteral("from"), QStringLiteral("to"));
    if (!range)
        return range.error();
    auto categories = this->categories();
    if (!categories)
        return categories.error();
    auto category = categoryArgument(arguments, QStringLiteral("category"), *categories);
    if (!category)
        return category.error();
    auto search = stringArgument(arguments, QStringLiteral("search"));
    if (!search)
        return search.error();
    auto type = enumArgument(arguments, QStringLiteral("type"),
                             {QStringLiteral("expense"), QStringLiteral("income"), QStringLiteral("any")},
                             QStringLiteral("expense"));
    if (!type)
        return type.error();
    auto order = enumArgument(arguments, QStringLiteral("order"), {QStringLiteral("largest"), QStringLiteral("newest")},
                              QStringLiteral("newest"));
    if (!order)
        return order.error();
    auto limit = intArgument(arguments, QStringLiteral("limit"), 10, 1, 100);
    if (!limit)
        return limit.error();

    TransactionFilter filter;
    filter.dates = *range;
    if (*category)
        filter.categoryIds = {(*category)->id};
    filter.search = *search;
    if (*type != QLatin1String("any"))
        filter.type = TransactionEnums::typeFromKey(*type);
    auto rows = AssistantQueries(m_database).transactions(m_userId, filter, *order == QLatin1String("largest"), *limit);
    if (!rows)
        return rows.error();
    QHash<qint64, QString> names;
    for (const Category& c : std::as_const(*categories))
        names.insert(c.id, c.name);
    QJsonArray list;
    for (const Transaction& t : std::as_const(*rows)) {
        list.append(QJsonObject {
            {QStringLiteral("id"), t.id},
            {QStringLiteral("date"), t.occurredOn.toString(Qt::ISODate)},
            {QStringLiteral("merchant"), t.merchant},
            {QStringLiteral("description"), t.description},
            {QStringLiteral("category"), t.categoryId ? QJsonValue(categoryLabel(t.categoryId, names)) : QJsonValue()},
            {QStringLiteral("category_id"), t.categoryId ? QJsonValue(*t.categoryId) : QJsonValue()},
            {QStringLiteral("type"), TransactionEnums::key(t.type)},
            {QStringLiteral("amount"), amount(t.amount.minor(), t.amount.currency().code())},
        });
    }
    QJsonObject result = rangeJson(*range);
    result.insert(QStringLiteral("transactions"), list);
    result.insert(QStringLiteral("filter"), filterToJson(filter));
    return result;
}

Result<QJsonObject> AssistantTools::topMerchants(const QJsonObject& arguments) const
{
    if (auto keys = checkKeys(
            arguments,
            {QStringLiteral("from"), QStringLiteral("to"), QStringLiteral("category"), QStringLiteral("limit")});
        !keys)
        return keys.error();
    auto range = rangeArgument(arguments, QStringLiteral("from"), QStringLiteral("to"));
    if (!range)
        return range.error();
    auto categories = this->categories();
    if (!categories)
        return categories.error();
    auto category = categoryArgument(arguments, QStringLiteral("category"), *categories);
    if (!category)
        return category.error();
    auto limit = intArgument(arguments, QStringLiteral("limit"), 5, 1, 50);
    if (!limit)
        return limit.error();
    auto rows
        = AssistantQueries(m_database).totals(m_userId, expenseFilter(*range, *category, {}), AggregateGroup::Merchant);
    if (!rows)
        return rows.error();
    const CurrencyOrder order {m_baseCurrency.code()};
    QList<AggregateRow> sorted = *rows;
    std::sort(sorted.begin(), sorted.end(), [&](const AggregateRow& a, const AggregateRow& b) {
        if (a.currency != b.currency)
            return order(a.currency, b.currency);
        if (a.amountMinor != b.amountMinor)
            return a.amountMinor > b.amountMinor;
        return a.merchant < b.merchant;
    });
    QJsonArray merchants;
    QHash<QString, int> perCurrency;
    for (const AggregateRow& row : std::as_const(sorted)) {
        if (perCurrency[row.currency]++ >= *limit)
            continue;
        merchants.append(QJsonObject {{QStringLiteral("merchant"), row.merchant},
                                      {QStringLiteral("amount"), amount(row.amountMinor, row.currency)},
                                      {QStringLiteral("count"), row.count}});
    }
    QJsonObject result = rangeJson(*range);
    if (*category)
        result.insert(QStringLiteral("category"), (*category)->name);
    result.insert(QStringLiteral("merchants"), merchants);
    return result;
}

Result<QJsonObject> AssistantTools::budgetStatus(const QJsonObject& arguments) const
{
    if (auto keys = checkKeys(arguments, {QStringLiteral("date")}); !keys)
        return keys.error();
    auto date = dateArgument(arguments, QStringLiteral("date"));
    if (!date)
        return date.error();
    if (!m_budgets)
        return invalid(tr("Budgets are not available here."));
    const QDate day = date->isValid() ? *date : m_clock.today();
    auto statuses = m_budgets->evaluateAll(m_userId, day);
    if (!statuses)
        return statuses.error();
    auto categories = this->categories();
    if (!categories)
        return categories.error();
    QHash<qint64, QString> names;
    for (const Category& c : std::as_const(*categories))
        names.insert(c.id, c.name);
    QJsonArray budgets;
    int exceeded = 0;
    int warning = 0;
    for (const BudgetStatus& status : std::as_const(*statuses)) {
        const QString currency = status.budget.limit.currency().code();
        const qint64 limit = status.budget.limit.minor();
        exceeded += status.state == BudgetState::Exceeded ? 1 : 0;
        warning += status.state == BudgetState::Warning ? 1 : 0;
        QJsonArray notCounted;
        for (const Money& money : status.notCounted)
            notCounted.append(amount(money.minor(), money.currency().code()));
        budgets.append(QJsonObject {
            {QStringLiteral("id"), status.budget.id},
            {QStringLiteral("category"),
             status.budget.categoryId ? categoryLabel(status.budget.categoryId, names) : tr("All spending")},
            {QStringLiteral("category_id"),
             status.budget.categoryId ? QJsonValue(*status.budget.categoryId) : QJsonValue()},
            {QStringLiteral("period"), BudgetEnums::key(status.budget.period)},
            {QStringLiteral("from"), status.window.start.toString(Qt::ISODate)},
            {QStringLiteral("to"), status.window.end.toString(Qt::ISODate)},
            {QStringLiteral("limit"), amount(limit, currency)},
            {QStringLiteral("spent"), amount(status.spent.minor(), currency)},
            {QStringLiteral("remaining"), amount(status.remaining().minor(), currency)},
            // whole percent, rounded half up
            {QStringLiteral("percent_used"), limit > 0 ? (status.spent.minor() * 200 + limit) / (2 * limit) : 0},
            {QStringLiteral("state"), BudgetStates::key(status.state)},
            {QStringLiteral("projected"), amount(status.projected().minor(), currency)},
            {QStringLiteral("projected_over"), status.projectedOver()},
            {QStringLiteral("not_counted"), notCounted},
        });
    }
    return QJsonObject {{QStringLiteral("date"), day.toString(Qt::ISODate)},
                        {QStringLiteral("budgets"), budgets},
                        {QStringLiteral("exceeded"), exceeded},
                        {QStringLiteral("warning"), warning}};
}

Result<QJsonObject> AssistantTools::comparePeriods(const QJsonObject& arguments) const
{
    if (auto keys = checkKeys(arguments,
                              {QStringLiteral("from"), QStringLiteral("to"), QStringLiteral("compare_from"),
                               QStringLiteral("compare_to"), QStringLiteral("category"), QStringLiteral("merchant")});
        !keys)
        return keys.error();
    auto period = rangeArgument(arguments, QStringLiteral("from"), QStringLiteral("to"), true);
    if (!period)
        return period.error();
    auto baseline = rangeArgument(arguments, QStringLiteral("compare_from"), QStringLiteral("compare_to"), true);
    if (!baseline)
        return baseline.error();
    auto categories = this->categories();
    if (!categories)
        return categories.error();
    auto category = categoryArgument(arguments, QStringLiteral("category"), *categories);
    if (!category)
        return category.error();
    auto merchant = stringArgument(arguments, QStringLiteral("merchant"));
    if (!merchant)
        return merchant.error();
    const AssistantQueries queries(m_database);
    QMap<QString, std::pair<qint64, qint64>> sums; // currency -> (period, baseline)
    const auto sumInto = [&](const DateRange& range, bool first) -> Result<void> {
        auto rows = queries.totals(m_userId, expenseFilter(range, *category, *merchant), AggregateGroup::None);
        if (!rows)
            return rows.error();
        for (const AggregateRow& row : std::as_const(*rows))
            (first ? sums[row.currency].first : sums[row.currency].second) += row.amountMinor;
        return {};
    };
    if (auto done = sumInto(*period, true); !done)
        return done.error();
    if (auto done = sumInto(*baseline, false); !done)
        return done.error();
    QStringList currencies = sums.keys();
    if (currencies.isEmpty())
        currencies << m_baseCurrency.code();
    std::sort(currencies.begin(), currencies.end(), CurrencyOrder {m_baseCurrency.code()});
    QJsonArray periodTotals;
    QJsonArray baselineTotals;
    QJsonArray differences;
    for (const QString& currency : std::as_const(currencies)) {
        const auto [a, b] = sums.value(currency);
        periodTotals.append(amount(a, currency));
        baselineTotals.append(amount(b, currency));
        differences.append(QJsonObject {{QStringLiteral("currency"), currency},
                                        {QStringLiteral("difference"), amount(a - b, currency)},
                                        {QStringLiteral("percent"), percentChange(a, b)}});
    }
    QJsonObject first = rangeJson(*period);
    first.insert(QStringLiteral("totals"), periodTotals);
    QJsonObject second = rangeJson(*baseline);
    second.insert(QStringLiteral("totals"), baselineTotals);
    QJsonObject result {{QStringLiteral("period"), first},
                        {QStringLiteral("baseline"), second},
                        {QStringLiteral("differences"), differences}};
    if (*category)
        result.insert(QStringLiteral("category"), (*category)->name);
    if (!merchant->isEmpty())
        result.insert(QStringLiteral("merchant"), *merchant);
    return result;
}

Result<QJsonObject> AssistantTools::incomeVsExpense(const QJsonObject& arguments) const
{
    if (auto keys = checkKeys(arguments, {QStringLiteral("from"), QStringLiteral("to"), QStringLiteral("by_month")});
        !keys)
        return keys.error();
    auto range = rangeArgument(arguments, QStringLiteral("from"), QStringLiteral("to"));
    if (!range)
        return range.error();
    auto byMonth = boolArgument(arguments, QStringLiteral("by_month"));
    if (!byMonth)
        return byMonth.error();
    TransactionFilter filter;
    filter.dates = *range;
    auto rows = AssistantQueries(m_database)
                    .totals(m_userId, filter, *byMonth ? AggregateGroup::Month : AggregateGroup::None);
    if (!rows)
        return rows.error();
    struct Sums
    {
        qint64 income = 0;
        qint64 expenses = 0;
        qint64 count = 0;
    };
    QMap<QString, Sums> totals;
    QMap<std::pair<QString, QString>, Sums> months; // (month, currency)
    for (const AggregateRow& row : std::as_const(*rows)) {
        Sums& total = totals[row.currency];
        Sums& month = months[{row.month, row.currency}];
        (row.type == TransactionType::Income ? total.income : total.expenses) += row.amountMinor;
        (row.type == TransactionType::Income ? month.income : month.expenses) += row.amountMinor;
        total.count += row.count;
        month.count += row.count;
    }
    const CurrencyOrder order {m_baseCurrency.code()};
    QStringList currencies = totals.keys();
    if (currencies.isEmpty())
        currencies << m_baseCurrency.code();
    std::sort(currencies.begin(), currencies.end(), order);
    QJsonArray totalArray;
    for (const QString& currency : std::as_const(currencies)) {
        const Sums sums = totals.value(currency);
        totalArray.append(QJsonObject {{QStringLiteral("currency"), currency},
                                       {QStringLiteral("income"), amount(sums.income, currency)},
                                       {QStringLiteral("expenses"), amount(sums.expenses, currency)},
                                       {QStringLiteral("net"), amount(sums.income - sums.expenses, currency)},
                                       {QStringLiteral("count"), sums.count}});
    }
    QJsonObject result = rangeJson(*range);
    result.insert(QStringLiteral("totals"), totalArray);
    if (*byMonth) {
        QList<std::pair<QString, QString>> keys = months.keys();
        std::sort(keys.begin(), keys.end(), [&](const auto& a, const auto& b) {
            if (a.second != b.second)
                return order(a.second, b.second);
            return a.first < b.first;
        });
        QJsonArray monthArray;
        for (const auto& key : std::as_const(keys)) {
            const Sums sums = months.value(key);
            monthArray.append(
                QJsonObject {{QStringLiteral("month"), key.first},
                             {QStringLiteral("label"),
                              m_locale.toString(QDate::fromString(key.first, u"yyyy-MM"), QStringLiteral("MMMM yyyy"))},
                             {QStringLiteral("currency"), key.second},
                             {QStringLiteral("income"), amount(sums.income, key.second)},
                             {QStringLiteral("expenses"), amount(sums.expenses, key.second)},
                             {QStringLiteral("net"), amount(sums.income - sums.expenses, key.second)}});
        }
        result.insert(QStringLiteral("months"), monthArray);
    }
    return result;
}

namespace {

enum class Interval
{
    Weekly,
    Monthly,
    Yearly
};

struct IntervalRule
{
    Interval interval;
    const char* key;
    int minDays;
    int maxDays;
    int minCharges;
    int activeDays; // the last charge is at most this old
};

constexpr IntervalRule Rules[] = {
    {Interval::Weekly, "weekly", 6, 8, 4, 14},
    {Interval::Monthly, "monthly", 26, 35, 3, 45},
    {Interval::Yearly, "yearly", 350, 380, 2, 400},
};

qint64 median(QList<qint64> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

// Most (3 of 4) of `values` satisfy `ok`.
template <typename T, typename F> bool mostly(const QList<T>& values, F ok)
{
    const auto good = std::count_if(values.cbegin(), values.cend(), ok);
    return good * 4 >= qsizetype(values.size()) * 3;
}

} // namespace

Result<QJsonObject> AssistantTools::recurringPayments(const QJsonObject& arguments) const
{
    if (auto keys = checkKeys(arguments, {QStringLiteral("months")}); !keys)
        return keys.error();
    auto months = intArgument(arguments, QStringLiteral("months"), DefaultRecurringMonths, 2, 36);
    if (!months)
        return months.error();
    const QDate today = m_clock.today();
    const DateRange range {today.addMonths(-*months).addDays(1), today};
    // A weekly charge at most: about 4.4 a month, and a few more for doubled charges.
    auto merchants = AssistantQueries(m_database).repeatedCharges(m_userId, range, 2, *months * 5 + 5);
    if (!merchants)
        return merchants.error();
    struct Found
    {
        QString merchant;
        QString currency;
        const IntervalRule* rule;
        qint64 typical;
        qint64 last;
        qint64 monthly;
        int count;
        QDate lastDate;
        QDate nextDate;
    };
    QList<Found> found;
    for (const MerchantCharges& charges : std::as_const(*merchants)) {
        // Charges on the same day count once (a split or a correction).
        QList<QDate> dates;
        QList<qint64> amounts;
        for (qsizetype i = 0; i < charges.dates.size(); ++i) {
            if (!dates.isEmpty() && dates.last() == charges.dates.at(i))
                continue;
            dates << charges.dates.at(i);
            amounts << charges.amountsMinor.at(i);
        }
        if (dates.size() < 2)
            continue;
        QList<qint64> gaps;
        for (qsizetype i = 1; i < dates.size(); ++i)
            gaps << dates.at(i - 1).daysTo(dates.at(i));
        const qint64 gap = median(gaps);
        const IntervalRule* rule = nullptr;
        for (const IntervalRule& candidate : Rules) {
            if (gap >= candidate.minDays && gap <= candidate.maxDays)
                rule = &candidate;
        }
        if (!rule || dates.size() < rule->minCharges || dates.last().daysTo(today) > rule->activeDays)
            continue;
        if (!mostly(gaps, [&](qint64 g) { return g >= rule->minDays && g <= rule->maxDays; }))
            continue;
        const qint64 typical = median(amounts);
        // Similar amounts: within a fifth of the typical one (a price change now and then is fine).
        if (typical <= 0 || !mostly(amounts, [&](qint64 a) { return std::abs(a - typical) * 5 <= typical; }))
            continue;
        const qint64 last = amounts.last();
        qint64 monthly = last;
        QDate next = dates.last();
        switch (rule->interval) {
        case Interval::Weekly:
            monthly = (last * 52 + 6) / 12;
            next = next.addDays(7);
            break;
        case Interval::Monthly:
            next = next.addMonths(1);
            break;
        case Interval::Yearly:
            monthly = (last + 6) / 12;
            next = next.addYears(1);
            break;
        }
        found << Found {charges.merchant, charges.currency,  rule,         typical, last,
                        monthly,          int(dates.size()), dates.last(), next};
    }
    const CurrencyOrder order {m_baseCurrency.code()};
    std::sort(found.begin(), found.end(), [&](const Found& a, const Found& b) {
        if (a.currency != b.currency)
            return order(a.currency, b.currency);
        if (a.monthly != b.monthly)
            return a.monthly > b.monthly;
        return a.merchant < b.merchant;
    });
    QJsonArray payments;
    QMap<QString, qint64> monthlyTotals;
    for (const Found& f : std::as_const(found)) {
        monthlyTotals[f.currency] += f.monthly;
        payments.append(QJsonObject {{QStringLiteral("merchant"), f.merchant},
                                     {QStringLiteral("interval"), str(f.rule->key)},
                                     {QStringLiteral("amount"), amount(f.last, f.currency)},
                                     {QStringLiteral("typical"), amount(f.typical, f.currency)},
                                     {QStringLiteral("monthly"), amount(f.monthly, f.currency)},
                                     {QStringLiteral("count"), f.count},
                                     {QStringLiteral("last_date"), f.lastDate.toString(Qt::ISODate)},
                                     {QStringLiteral("next_date"), f.nextDate.toString(Qt::ISODate)}});
    }
    QStringList currencies = monthlyTotals.keys();
    std::sort(currencies.begin(), currencies.end(), order);
    QJsonArray totals;
    for (const QString& currency : std::as_const(currencies))
        totals.append(amount(monthlyTotals.value(currency), currency));
    QJsonObject result = rangeJson(range);
    result.insert(QStringLiteral("payments"), payments);
    result.insert(QStringLiteral("monthly_totals"), totals);
    return result;
}

Result<QJsonObject> AssistantTools::listCategories(const QJsonObject& arguments) const
{
    if (auto keys = checkKeys(arguments, {QStringLiteral("type")}); !keys)
        return keys.error();
    auto type = enumArgument(arguments, QStringLiteral("type"),
                             {QStringLiteral("expense"), QStringLiteral("income"), QStringLiteral("any")},
                             QStringLiteral("any"));
    if (!type)
        return type.error();
    auto categories = this->categories();
    if (!categories)
        return categories.error();
    QJsonArray list;
    for (const Category& category : std::as_const(*categories)) {
        if (*type == QLatin1String("expense") && !category.appliesToExpenses())
            continue;
        if (*type == QLatin1String("income") && !category.appliesToIncome())
            continue;
        list.append(QJsonObject {{QStringLiteral("id"), category.id},
                                 {QStringLiteral("name"), category.name},
                                 {QStringLiteral("type"), CategoryEnums::key(category.type)},
                                 {QStringLiteral("system"), category.isSystem}});
    }
    return QJsonObject {{QStringLiteral("categories"), list}};
}

} // namespace Moniagent
