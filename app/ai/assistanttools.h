#pragma once

#include "ai/toolset.h"
#include "core/category.h"
#include "core/currency.h"
#include "core/daterange.h"

#include <QCoreApplication>
#include <QLocale>

#include <memory>

namespace Moniagent {

class BudgetEngine;
class CategoryRepository;
class Clock;
class Database;
class Session;

// The assistant's read-only tools over one profile (DESIGN.md §4): spending_summary, list_transactions,
// top_merchants, budget_status, compare_periods, income_vs_expense, recurring_payments and list_categories.
// Arguments are JSON as a model sends them (dates "YYYY-MM-DD" as "from"/"to", a category by name or id); results
// are JSON with every amount as {"minor": 1230, "currency": "EUR", "text": "€12.30"}, amounts in several
// currencies listed per currency with the profile's currency first (never converted). Every query is scoped to
// the profile and answered with SQL aggregates, so a call costs about the same at a million transactions.
// call() is thread-safe: it uses the calling thread's connection.
class AssistantTools : public ToolSet
{
    Q_DECLARE_TR_FUNCTIONS(Moniagent::AssistantTools)

public:
    // `budgets` may be null (budget_status then says budgets are not available).
    AssistantTools(Database* database, qint64 userId, const Clock& clock, QLocale locale, Currency baseCurrency,
                   const BudgetEngine* budgets = nullptr);
    // The tools over the session's current profile.
    explicit AssistantTools(const Session& session);
    ~AssistantTools() override;

    QList<ToolDefinition> definitions() const override;
    Result<QJsonObject> call(const QString& name, const QJsonObject& arguments) const override;

    // {"minor", "currency", "text"} with the text in the tools' locale.
    QJsonObject amount(qint64 minor, const QString& currency) const;
    QString formatAmount(qint64 minor, const QString& currency) const;

    qint64 userId() const { return m_userId; }
    const QLocale& locale() const { return m_locale; }
    const Currency& baseCurrency() const { return m_baseCurrency; }
    const Clock& clock() const { return m_clock; }
    // The profile's categories (display order).
    Result<QList<Category>> categories() const;

    // How far back recurring_payments looks by default, in months.
    static constexpr int DefaultRecurringMonths = 13;

private:
    Result<QJsonObject> spendingSummary(const QJsonObject& arguments) const;
    Result<QJsonObject> listTransactions(const QJsonObject& arguments) const;
    Result<QJsonObject> topMerchants(const QJsonObject& arguments) const;
    Result<QJsonObject> budgetStatus(const QJsonObject& arguments) const;
    Result<QJsonObject> comparePeriods(const QJsonObject& arguments) const;
    Result<QJsonObject> incomeVsExpense(const QJsonObject& arguments) const;
    Result<QJsonObject> recurringPayments(const QJsonObject& arguments) const;
    Result<QJsonObject> listCategories(const QJsonObject& arguments) const;

    Database* m_database;
    qint64 m_userId;
    const Clock& m_clock;
    QLocale m_locale;
    Currency m_baseCurrency;
    const BudgetEngine* m_budgets;
    std::unique_ptr<CategoryRepository> m_categories;
};

} // namespace Moniagent
