#pragma once

#include "core/budget.h"
#include "core/category.h"
#include "core/currency.h"
#include "core/daterange.h"

#include <QDate>
#include <QList>
#include <QLocale>
#include <QString>

#include <optional>

namespace Moniagent {

// What a question asks, as the offline assistant understands it.
struct QuestionIntent
{
    enum class Kind
    {
        Unknown,
        Spending, // how much was spent (optionally of a category, at a merchant, grouped)
        TopMerchants,
        TopCategories,
        BiggestExpenses,
        ListTransactions,
        Compare, // spending in `period` against `baseline`
        BudgetStatus,
        Income,
        IncomeVsExpense,
        Subscriptions,
        Categories, // the list of categories
        ProposeBudget, // "set a budget for groceries of 300"
        ProposeRule, // "always categorize Netflix as Subscriptions"
    };
    enum class Grouping
    {
        None,
        Category,
        Merchant,
        Month
    };

    Kind kind = Kind::Unknown;
    DateRange period;
    bool periodGiven = false; // false: `period` is the default (this month so far)
    DateRange baseline; // Compare
    std::optional<qint64> categoryId;
    QString categoryName;
    QString merchant; // words to search in merchant, description and notes
    int limit = 0; // top-N; 0 when the question gives none
    Grouping grouping = Grouping::None;
    qint64 amountMinor = 0; // ProposeBudget: the limit in the profile's currency
    BudgetPeriod budgetPeriod = BudgetPeriod::Monthly; // ProposeBudget
    QString pattern; // ProposeRule: the merchant text to match
    bool german = false; // the question reads as German

    static QString kindKey(Kind kind); // "spending", "top_merchants", … for tests and logs
};

// Maps a question in English or German to a QuestionIntent: periods (QuestionPeriods), categories by their
// (localized) names, English keys and common synonyms ("eating out" → Dining & Drinks, "food shopping" →
// Groceries), merchants ("at Tesco", "bei Rewe", "on Netflix" when that is no category), top-N, comparisons, budget
// status, income, subscriptions and proposals. Pure: no database, no clock (today is given).
class QuestionParser
{
public:
    QuestionParser(QList<Category> categories, QDate today, QLocale locale = QLocale(QLocale::English),
                   Currency currency = Currency::fromCode(u"EUR"));

    QuestionIntent parse(const QString& question) const;

private:
    struct CategoryHit
    {
        const Category* category = nullptr;
        qsizetype start = -1;
        qsizetype length = 0;
    };
    CategoryHit findCategory(const QString& text) const;

    QList<Category> m_categories;
    QDate m_today;
    QLocale m_locale;
    Currency m_currency;
};

} // namespace Moniagent
