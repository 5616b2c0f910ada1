#pragma once

// A small known ledger for the dashboard and report tests: Sam (USD, en_US) on Sunday 22 November 2026.

#include "budget/budgetengine.h"
#include "core/budget.h"
#include "db/budgetrepository.h"
#include "db/categoryrepository.h"
#include "db/transactionrepository.h"
#include "demo/demogenerator.h"
#include "session/session.h"
#include "testdatabase.h"

#include <QTest>

namespace Moniagent::Test {

struct DashboardLedger
{
    qint64 groceries = 0;
    qint64 dining = 0;
    qint64 transport = 0;
    qint64 salary = 0;

    // Adds the rows and budgets; false (with a test failure) when something could not be written.
    bool fill(Session& session)
    {
        const qint64 user = session.userId();
        CategoryRepository* categories = session.categories();
        const auto id = [&](const QString& name) {
            auto category = categories->findByName(user, name);
            return category ? category->id : qint64(0);
        };
        groceries = id(QStringLiteral("Groceries"));
        dining = id(QStringLiteral("Dining & Drinks"));
        transport = id(QStringLiteral("Transport & Car"));
        salary = id(QStringLiteral("Salary"));
        if (!groceries || !dining || !transport || !salary)
            return false;
        const auto add = [&](Transaction t, std::optional<qint64> category) {
            t.categoryId = category;
            t.confirmedByUser = true; // as the user entered it: the categorizer leaves it alone
            t.categorizedBy = category ? CategorizedBy::User : CategorizedBy::None;
            return session.transactions()->add(user, t).ok();
        };
        const QString usd = QStringLiteral("USD");
        bool ok = true;
        // November 2026 (this month).
        ok &= add(TestDatabase::expense(5000, QStringLiteral("Fresh Market"), QDate(2026, 11, 2), usd), groceries);
        ok &= add(TestDatabase::expense(7000, QStringLiteral("Fresh Market"), QDate(2026, 11, 15), usd), groceries);
        ok &= add(TestDatabase::expense(4550, QStringLiteral("Cafe Luna"), QDate(2026, 11, 10), usd), dining);
        ok &= add(TestDatabase::expense(3000, QStringLiteral("Mystery Shop"), QDate(2026, 11, 20), usd), std::nullopt);
        ok &= add(TestDatabase::income(300000, QStringLiteral("Employer"), QDate(2026, 11, 1), usd), salary);
        ok &= add(
            TestDatabase::expense(2000, QStringLiteral("Paris Bakery"), QDate(2026, 11, 5), QStringLiteral("EUR")),
            groceries);
        // October 2026.
        ok &= add(TestDatabase::expense(8000, QStringLiteral("Fresh Market"), QDate(2026, 10, 5), usd), groceries);
        ok &= add(TestDatabase::expense(2500, QStringLiteral("Metro"), QDate(2026, 10, 12), usd), transport);
        ok &= add(TestDatabase::income(300000, QStringLiteral("Employer"), QDate(2026, 10, 1), usd), salary);
        // Earlier in the year.
        ok &= add(TestDatabase::expense(12000, QStringLiteral("Fresh Market"), QDate(2026, 3, 9), usd), groceries);
        ok &= add(TestDatabase::income(280000, QStringLiteral("Employer"), QDate(2026, 3, 1), usd), salary);

        Budget food;
        food.categoryId = groceries;
        food.limit = Money::fromMinor(20000, usd);
        ok &= session.budgets()->add(user, food).ok();
        Budget eating;
        eating.categoryId = dining;
        eating.limit = Money::fromMinor(4000, usd);
        eating.alertThreshold = 0.5;
        ok &= session.budgets()->add(user, eating).ok();
        Budget everything;
        everything.limit = Money::fromMinor(100000, usd);
        ok &= session.budgets()->add(user, everything).ok();
        return ok;
    }
};

// A new profile "Demo" (USD, en_US) with `rows` demo transactions up to the clock's today and five category
// budgets near (some under, some over) their usual monthly spending; opened in the session.
inline bool fillDemo(Session& session, qint64 rows)
{
    UserRepository::NewProfile profile;
    profile.username = QStringLiteral("Demo");
    profile.baseCurrency = QStringLiteral("USD");
    profile.locale = QStringLiteral("en_US");
    auto id = session.users()->createProfile(profile);
    if (!id || !session.setUser(*id))
        return false;
    DemoGenerator::Options options;
    options.transactions = rows;
    options.endDate = session.clock().today();
    options.currency = QStringLiteral("USD");
    if (!DemoGenerator::populate(session.database(), *id, options))
        return false;
    const QList<std::pair<QString, int>> plans {{QStringLiteral("Groceries"), 95},
                                                {QStringLiteral("Dining & Drinks"), 130},
                                                {QStringLiteral("Transport & Car"), 110},
                                                {QStringLiteral("Shopping"), 70},
                                                {QStringLiteral("Entertainment & Leisure"), 120}};
    const Currency usd = Currency::fromCode(u"USD");
    for (const auto& [name, percent] : plans) {
        auto category = session.categories()->findByName(*id, name);
        if (!category)
            return false;
        auto suggested = session.budgetEngine()->suggestLimit(*id, category->id, BudgetPeriod::Monthly, usd);
        if (!suggested || !suggested->has_value())
            return false;
        Budget budget;
        budget.categoryId = category->id;
        budget.limit = Money((**suggested).minor() * percent / 100 / 100 * 100, usd); // whole dollars
        if (!session.budgets()->add(*id, budget))
            return false;
    }
    return true;
}

} // namespace Moniagent::Test
