#include "ai/questionparser.h"
#include "ai/questionperiods.h"
#include "core/defaultcategories.h"

#include <QTest>

using namespace Moniagent;
using namespace Qt::Literals::StringLiterals;

Q_DECLARE_METATYPE(QuestionIntent::Kind)

// The offline assistant's question parser on English and German questions, on Sunday 22 November 2026.
class TestQuestionParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void parse_data();
    void parse();
    void compare_data();
    void compare();
    void proposals();
    void periodsNeverOverlap();
    void userCategoryNames();

private:
    QuestionParser parser() const { return QuestionParser(m_categories, m_today, m_locale); }
    QString keyOf(const std::optional<qint64>& id) const;

    QList<Category> m_categories;
    const QDate m_today {2026, 11, 22};
    const QLocale m_locale {QLocale::English, QLocale::UnitedKingdom};
};

void TestQuestionParser::initTestCase()
{
    m_categories = DefaultCategories::forNewProfile();
    for (qsizetype i = 0; i < m_categories.size(); ++i)
        m_categories[i].id = i + 1;
}

QString TestQuestionParser::keyOf(const std::optional<qint64>& id) const
{
    if (!id)
        return {};
    for (const Category& c : m_categories) {
        if (c.id == *id)
            return c.systemKey;
    }
    return QStringLiteral("?");
}

void TestQuestionParser::parse_data()
{
    QTest::addColumn<QString>("question");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QDate>("from");
    QTest::addColumn<QDate>("to");
    QTest::addColumn<QString>("category");
    QTest::addColumn<QString>("merchant");
    QTest::addColumn<int>("limit");

    const QDate nov1(2026, 11, 1);
    const QDate today(2026, 11, 22);
    const QDate oct1(2026, 10, 1);
    const QDate oct31(2026, 10, 31);
    const QString none;
    const auto row = [](const char* name) -> QTestData& {
        return QTest::newRow(name);
    };
    // English: amounts by category, merchant and period.
    row("groceries last month") << u"How much did I spend on groceries last month?"_s << u"spending"_s << oct1 << oct31
                                << u"Groceries"_s << none << 0;
    row("eating out in October") << u"how much did I spend on eating out in October"_s << u"spending"_s << oct1 << oct31
                                 << u"Dining & Drinks"_s << none << 0;
    row("restaurants October 2025") << u"What did I spend on restaurants in October 2025?"_s << u"spending"_s
                                    << QDate(2025, 10, 1) << QDate(2025, 10, 31) << u"Dining & Drinks"_s << none << 0;
    row("this year") << u"How much have I spent this year?"_s << u"spending"_s << QDate(2026, 1, 1) << today << none
                     << none << 0;
    row("last year") << u"total spending last year"_s << u"spending"_s << QDate(2025, 1, 1) << QDate(2025, 12, 31)
                     << none << none << 0;
    row("since 1 March") << u"How much did I spend on fuel since 1 March?"_s << u"spending"_s << QDate(2026, 3, 1)
                         << today << u"Transport & Car"_s << none << 0;
    row("since March 1st") << u"spent on food shopping since March 1st"_s << u"spending"_s << QDate(2026, 3, 1) << today
                           << u"Groceries"_s << none << 0;
    row("last 30 days") << u"How much did I spend in the last 30 days?"_s << u"spending"_s << QDate(2026, 10, 24)
                        << today << none << none << 0;
    row("past 2 weeks") << u"spending on coffee over the past two weeks"_s << u"spending"_s << QDate(2026, 11, 9)
                        << today << u"Dining & Drinks"_s << none << 0;
    row("this week") << u"what did I spend this week"_s << u"spending"_s << QDate(2026, 11, 16) << today << none << none
                     << 0;
    row("last week") << u"How much did I spend last week?"_s << u"spending"_s << QDate(2026, 11, 9)
                     << QDate(2026, 11, 15) << none << none << 0;
    row("yesterday") << u"How much did I spend yesterday?"_s << u"spending"_s << QDate(2026, 11, 21)
                     << QDate(2026, 11, 21) << none << none << 0;
    row("today") << u"how much did i spend today"_s << u"spending"_s << today << today << none << none << 0;
    row("default period") << u"How much did I spend on rent?"_s << u"spending"_s << nov1 << today << u"Housing"_s
                          << none << 0;
    row("at Tesco") << u"How much did I spend at Tesco this year?"_s << u"spending"_s << QDate(2026, 1, 1) << today
                    << none << u"Tesco"_s << 0;
    row("at Tesco no period") << u"how much did I spend at Tesco"_s << u"spending"_s << nov1 << today << none
                              << u"Tesco"_s << 0;
    row("on Netflix") << u"How much did I spend on Netflix in 2025?"_s << u"spending"_s << QDate(2025, 1, 1)
                      << QDate(2025, 12, 31) << none << u"Netflix"_s << 0;
    row("at two-word merchant") << u"How much did I spend at Corner Café last month?"_s << u"spending"_s << oct1
                                << oct31 << none << u"Corner Café"_s << 0;
    row("category and merchant") << u"How much did I spend on groceries at Lidl in October?"_s << u"spending"_s << oct1
                                 << oct31 << u"Groceries"_s << u"Lidl"_s << 0;
    row("month before last") << u"spending the month before last"_s << u"spending"_s << QDate(2026, 9, 1)
                             << QDate(2026, 9, 30) << none << none << 0;
    row("last 3 months") << u"How much did I spend on travel in the last 3 months?"_s << u"spending"_s
                         << QDate(2026, 8, 23) << today << u"Travel"_s << none << 0;
    row("ISO range") << u"spending from 2026-01-01 to 2026-03-31"_s << u"spending"_s << QDate(2026, 1, 1)
                     << QDate(2026, 3, 31) << none << none << 0;
    row("December is last year") << u"how much did I spend in December"_s << u"spending"_s << QDate(2025, 12, 1)
                                 << QDate(2025, 12, 31) << none << none << 0;
    row("current month name") << u"spending in November"_s << u"spending"_s << nov1 << QDate(2026, 11, 30) << none
                              << none << 0;
    row("by category") << u"Where did my money go last month by category?"_s << u"top_categories"_s << oct1 << oct31
                       << none << none << 0;
    row("category only") << u"Groceries last month?"_s << u"spending"_s << oct1 << oct31 << u"Groceries"_s << none << 0;
    row("subscriptions category spend") << u"How much did I spend on subscriptions this year?"_s << u"spending"_s
                                        << QDate(2026, 1, 1) << today << u"Subscriptions"_s << none << 0;
    // Top N, biggest, lists.
    row("top merchants") << u"What are my top 5 merchants this year?"_s << u"top_merchants"_s << QDate(2026, 1, 1)
                         << today << none << none << 5;
    row("top three stores") << u"top three stores last month"_s << u"top_merchants"_s << oct1 << oct31 << none << none
                            << 3;
    row("where do I spend most") << u"Where do I spend the most?"_s << u"top_merchants"_s << nov1 << today << none
                                 << none << 0;
    row("top categories") << u"What are my top categories this month?"_s << u"top_categories"_s << nov1 << today << none
                          << none << 0;
    row("biggest expenses") << u"What were my biggest expenses in the last 30 days?"_s << u"biggest_expenses"_s
                            << QDate(2026, 10, 24) << today << none << none << 0;
    row("3 largest purchases") << u"Show the 3 largest purchases in October"_s << u"biggest_expenses"_s << oct1 << oct31
                               << none << none << 3;
    row("most expensive") << u"most expensive purchase last year"_s << u"biggest_expenses"_s << QDate(2025, 1, 1)
                          << QDate(2025, 12, 31) << none << none << 0;
    row("list transactions") << u"Show my transactions at Amazon last month"_s << u"list_transactions"_s << oct1
                             << oct31 << none << u"Amazon"_s << 0;
    row("recent transactions") << u"list my recent transactions"_s << u"list_transactions"_s << nov1 << today << none
                               << none << 0;
    // Income, budgets, subscriptions, categories.
    row("income") << u"What was my income last month?"_s << u"income"_s << oct1 << oct31 << none << none << 0;
    row("earned") << u"How much did I earn this year?"_s << u"income"_s << QDate(2026, 1, 1) << today << none << none
                  << 0;
    row("income vs expenses") << u"income vs expenses this year"_s << u"income_vs_expense"_s << QDate(2026, 1, 1)
                              << today << none << none << 0;
    row("saved") << u"How much did I save last month?"_s << u"income_vs_expense"_s << oct1 << oct31 << none << none
                 << 0;
    row("budgets") << u"How are my budgets?"_s << u"budget_status"_s << nov1 << today << none << none << 0;
    row("over budget") << u"Am I over budget?"_s << u"budget_status"_s << nov1 << today << none << none << 0;
    row("subscriptions") << u"Which subscriptions do I have?"_s << u"subscriptions"_s << nov1 << today << none << none
                         << 0;
    row("recurring") << u"show my recurring payments"_s << u"subscriptions"_s << nov1 << today << none << none << 0;
    row("categories") << u"Which categories do I have?"_s << u"categories"_s << nov1 << today << none << none << 0;
    // German.
    row("de letzten Monat") << u"Wie viel habe ich letzten Monat für Lebensmittel ausgegeben?"_s << u"spending"_s
                            << oct1 << oct31 << u"Groceries"_s << none << 0;
    row("de im Oktober") << u"Wieviel habe ich im Oktober für Restaurants ausgegeben?"_s << u"spending"_s << oct1
                         << oct31 << u"Dining & Drinks"_s << none << 0;
    row("de dieses Jahr") << u"Was habe ich dieses Jahr bei Rewe ausgegeben?"_s << u"spending"_s << QDate(2026, 1, 1)
                          << today << none << u"Rewe"_s << 0;
    row("de seit 1. März") << u"Wie viel habe ich seit 1. März für Tanken ausgegeben?"_s << u"spending"_s
                           << QDate(2026, 3, 1) << today << u"Transport & Car"_s << none << 0;
    row("de letzten 30 Tagen") << u"Ausgaben in den letzten 30 Tagen"_s << u"spending"_s << QDate(2026, 10, 24) << today
                               << none << none << 0;
    row("de Oktober 2025") << u"Ausgaben für Miete im Oktober 2025"_s << u"spending"_s << QDate(2025, 10, 1)
                           << QDate(2025, 10, 31) << u"Housing"_s << none << 0;
    row("de gestern") << u"Wie viel habe ich gestern ausgegeben?"_s << u"spending"_s << QDate(2026, 11, 21)
                      << QDate(2026, 11, 21) << none << none << 0;
    row("de diese Woche") << u"Wie viel habe ich diese Woche ausgegeben?"_s << u"spending"_s << QDate(2026, 11, 16)
                          << today << none << none << 0;
    row("de letztes Jahr") << u"Wie viel habe ich letztes Jahr für Urlaub ausgegeben?"_s << u"spending"_s
                           << QDate(2025, 1, 1) << QDate(2025, 12, 31) << u"Travel"_s << none << 0;
    row("de Händler") << u"Was sind meine Top 5 Händler dieses Jahr?"_s << u"top_merchants"_s << QDate(2026, 1, 1)
                      << today << none << none << 5;
    row("de größten Ausgaben") << u"Was waren meine größten Ausgaben im Oktober?"_s << u"biggest_expenses"_s << oct1
                               << oct31 << none << none << 0;
    row("de Einnahmen") << u"Wie hoch waren meine Einnahmen letzten Monat?"_s << u"income"_s << oct1 << oct31 << none
                        << none << 0;
    row("de Budget") << u"Wie stehen meine Budgets?"_s << u"budget_status"_s << nov1 << today << none << none << 0;
    row("de Abos") << u"Welche Abos habe ich?"_s << u"subscriptions"_s << nov1 << today << none << none << 0;
    row("de seit Januar") << u"Ausgaben seit Januar"_s << u"spending"_s << QDate(2026, 1, 1) << today << none << none
                          << 0;
    // Not understood.
    row("weather") << u"What is the weather like?"_s << u"unknown"_s << nov1 << today << none << none << 0;
    row("greeting") << u"hello there"_s << u"unknown"_s << nov1 << today << none << none << 0;
}

void TestQuestionParser::parse()
{
    QFETCH(QString, question);
    QFETCH(QString, kind);
    QFETCH(QDate, from);
    QFETCH(QDate, to);
    QFETCH(QString, category);
    QFETCH(QString, merchant);
    QFETCH(int, limit);
    const QuestionIntent intent = parser().parse(question);
    QCOMPARE(QuestionIntent::kindKey(intent.kind), kind);
    QCOMPARE(intent.period.from, from);
    QCOMPARE(intent.period.to, to);
    QCOMPARE(keyOf(intent.categoryId), category);
    QCOMPARE(intent.merchant, merchant);
    QCOMPARE(intent.limit, limit);
}

void TestQuestionParser::compare_data()
{
    QTest::addColumn<QString>("question");
    QTest::addColumn<QDate>("from");
    QTest::addColumn<QDate>("to");
    QTest::addColumn<QDate>("baseFrom");
    QTest::addColumn<QDate>("baseTo");
    QTest::addColumn<QString>("category");
    QTest::newRow("issue example") << u"How much did I spend on eating out last month compared with October 2025?"_s
                                   << QDate(2026, 10, 1) << QDate(2026, 10, 31) << QDate(2025, 10, 1)
                                   << QDate(2025, 10, 31) << u"Dining & Drinks"_s;
    QTest::newRow("vs") << u"groceries this month vs last month"_s << QDate(2026, 11, 1) << QDate(2026, 11, 22)
                        << QDate(2026, 10, 1) << QDate(2026, 10, 31) << u"Groceries"_s;
    QTest::newRow("than") << u"Did I spend more this year than last year?"_s << QDate(2026, 1, 1) << QDate(2026, 11, 22)
                          << QDate(2025, 1, 1) << QDate(2025, 12, 31) << u""_s;
    QTest::newRow("one period: the month before to the same day")
        << u"compare my spending this month"_s << QDate(2026, 11, 1) << QDate(2026, 11, 22) << QDate(2026, 10, 1)
        << QDate(2026, 10, 22) << u""_s;
    QTest::newRow("one full month") << u"compare dining in October"_s << QDate(2026, 10, 1) << QDate(2026, 10, 31)
                                    << QDate(2026, 9, 1) << QDate(2026, 9, 30) << u"Dining & Drinks"_s;
    QTest::newRow("de verglichen") << u"Lebensmittel im Oktober verglichen mit September"_s << QDate(2026, 10, 1)
                                   << QDate(2026, 10, 31) << QDate(2026, 9, 1) << QDate(2026, 9, 30) << u"Groceries"_s;
    QTest::newRow("last 30 days") << u"compare the last 30 days"_s << QDate(2026, 10, 24) << QDate(2026, 11, 22)
                                  << QDate(2026, 9, 24) << QDate(2026, 10, 23) << u""_s;
}

void TestQuestionParser::compare()
{
    QFETCH(QString, question);
    QFETCH(QDate, from);
    QFETCH(QDate, to);
    QFETCH(QDate, baseFrom);
    QFETCH(QDate, baseTo);
    QFETCH(QString, category);
    const QuestionIntent intent = parser().parse(question);
    QCOMPARE(QuestionIntent::kindKey(intent.kind), QStringLiteral("compare"));
    QCOMPARE(intent.period.from, from);
    QCOMPARE(intent.period.to, to);
    QCOMPARE(intent.baseline.from, baseFrom);
    QCOMPARE(intent.baseline.to, baseTo);
    QCOMPARE(keyOf(intent.categoryId), category);
}

void TestQuestionParser::proposals()
{
    QuestionIntent budget = parser().parse(QStringLiteral("Set a budget for groceries of 300"));
    QCOMPARE(budget.kind, QuestionIntent::Kind::ProposeBudget);
    QCOMPARE(keyOf(budget.categoryId), QStringLiteral("Groceries"));
    QCOMPARE(budget.amountMinor, 30000);
    QCOMPARE(budget.budgetPeriod, BudgetPeriod::Monthly);

    budget = parser().parse(QStringLiteral("create a weekly budget of €45.50 for eating out"));
    QCOMPARE(budget.kind, QuestionIntent::Kind::ProposeBudget);
    QCOMPARE(keyOf(budget.categoryId), QStringLiteral("Dining & Drinks"));
    QCOMPARE(budget.amountMinor, 4550);
    QCOMPARE(budget.budgetPeriod, BudgetPeriod::Weekly);

    budget = parser().parse(QStringLiteral("Setze ein Budget von 1.200,00 für Miete"));
    QCOMPARE(budget.kind, QuestionIntent::Kind::ProposeBudget);
    QCOMPARE(keyOf(budget.categoryId), QStringLiteral("Housing"));
    QCOMPARE(budget.amountMinor, 120000);

    budget = parser().parse(QStringLiteral("set an overall budget of 2000"));
    QCOMPARE(budget.kind, QuestionIntent::Kind::ProposeBudget);
    QVERIFY(!budget.categoryId);
    QCOMPARE(budget.amountMinor, 200000);

    QuestionIntent rule = parser().parse(QStringLiteral("Always categorize Netflix as Subscriptions"));
    QCOMPARE(rule.kind, QuestionIntent::Kind::ProposeRule);
    QCOMPARE(rule.pattern, QStringLiteral("Netflix"));
    QCOMPARE(keyOf(rule.categoryId), QStringLiteral("Subscriptions"));

    rule = parser().parse(QStringLiteral("always put Corner Café under eating out"));
    QCOMPARE(rule.kind, QuestionIntent::Kind::ProposeRule);
    QCOMPARE(rule.pattern, QStringLiteral("Corner Café"));
    QCOMPARE(keyOf(rule.categoryId), QStringLiteral("Dining & Drinks"));

    rule = parser().parse(QStringLiteral("Shell immer als Transport & Car kategorisieren"));
    QCOMPARE(rule.kind, QuestionIntent::Kind::ProposeRule);
    QCOMPARE(rule.pattern, QStringLiteral("Shell"));
    QCOMPARE(keyOf(rule.categoryId), QStringLiteral("Transport & Car"));

    // A rule to an unknown category is not proposed.
    rule = parser().parse(QStringLiteral("always categorize Netflix as Blorbs"));
    QVERIFY(rule.kind != QuestionIntent::Kind::ProposeRule);
}

void TestQuestionParser::periodsNeverOverlap()
{
    const auto matches = QuestionPeriods::find(QStringLiteral("since 1 March 2026 and in October 2025 and last week"),
                                               m_today, Qt::Monday);
    QCOMPARE(matches.size(), 3);
    QCOMPARE(matches.at(0).range, (DateRange {QDate(2026, 3, 1), m_today}));
    QCOMPARE(matches.at(1).range, (DateRange {QDate(2025, 10, 1), QDate(2025, 10, 31)}));
    QCOMPARE(matches.at(2).range, (DateRange {QDate(2026, 11, 9), QDate(2026, 11, 15)}));
    for (qsizetype i = 1; i < matches.size(); ++i)
        QVERIFY(matches.at(i - 1).start + matches.at(i - 1).length <= matches.at(i).start);
    // A Sunday-first locale starts the week on Sunday.
    const auto us = QuestionPeriods::find(QStringLiteral("this week"), m_today, Qt::Sunday);
    QCOMPARE(us.size(), 1);
    QCOMPARE(us.first().range.from, m_today);
    // "may" alone is a verb.
    QVERIFY(QuestionPeriods::find(QStringLiteral("may I ask"), m_today).isEmpty());
    QCOMPARE(QuestionPeriods::find(QStringLiteral("in May"), m_today).size(), 1);
}

void TestQuestionParser::userCategoryNames()
{
    QList<Category> categories = m_categories;
    Category own;
    own.id = 99;
    own.name = QStringLiteral("Climbing Gym");
    categories << own;
    categories[0].name = QStringLiteral("Lebensmittel"); // a German profile's Groceries
    const QuestionParser german(categories, m_today, QLocale(QLocale::German, QLocale::Germany));
    QuestionIntent intent = german.parse(QStringLiteral("How much for climbing gym last month?"));
    QCOMPARE(intent.kind, QuestionIntent::Kind::Spending);
    QCOMPARE(intent.categoryId, std::optional<qint64>(99));
    intent = german.parse(QStringLiteral("Ausgaben für Lebensmittel diesen Monat"));
    QCOMPARE(intent.categoryId, std::optional<qint64>(1));
    QCOMPARE(intent.period.from, QDate(2026, 11, 1));
    // An English key still finds the renamed category.
    intent = german.parse(QStringLiteral("groceries this month"));
    QCOMPARE(intent.categoryId, std::optional<qint64>(1));
}

QTEST_GUILESS_MAIN(TestQuestionParser)
#include "tst_questionparser.moc"
