#pragma once

// The fixed ledger the assistant tests answer from (Sunday 22 November 2026). Expected numbers in the tests are
// computed by hand from the rows below; bob's rows must never count for alice.

#include "budget/budgetengine.h"
#include "db/budgetrepository.h"
#include "db/transactionrepository.h"
#include "testdatabase.h"

#include <QTest>

#include <memory>

namespace Moniagent::Test {

class AssistantFixture
{
public:
    bool build()
    {
        db = std::make_unique<TestDatabase>();
        if (!db->isValid())
            return false;
        alice = db->createUser(QStringLiteral("alice"));
        bob = db->createUser(QStringLiteral("bob"));
        if (alice <= 0 || bob <= 0)
            return false;
        transactions = std::make_unique<TransactionRepository>(db->database());
        budgetRepository = std::make_unique<BudgetRepository>(db->database());
        engine = std::make_unique<BudgetEngine>(db->database(), budgetRepository.get(), clock, Qt::Monday);
        const auto add = [&](qint64 user, const char* category, qint64 minor, const char* merchant, QDate date,
                             const char* currency = "EUR", bool income = false) {
            Transaction t = income
                ? TestDatabase::income(minor, QString::fromUtf8(merchant), date, QString::fromLatin1(currency))
                : TestDatabase::expense(minor, QString::fromUtf8(merchant), date, QString::fromLatin1(currency));
            if (category)
                t.categoryId = db->categoryId(user, QString::fromUtf8(category));
            return transactions->add(user, t).ok();
        };
        const char* groceries = "Groceries";
        const char* dining = "Dining & Drinks";
        bool ok = true;
        ok &= add(alice, groceries, 4520, "Tesco", {2026, 10, 3});
        ok &= add(alice, groceries, 3080, "Tesco", {2026, 10, 17});
        ok &= add(alice, groceries, 2210, "Lidl", {2026, 10, 25});
        ok &= add(alice, groceries, 5150, "Tesco", {2026, 11, 2});
        ok &= add(alice, groceries, 1899, "Lidl", {2026, 11, 20});
        ok &= add(alice, groceries, 4000, "Tesco", {2025, 11, 10});
        ok &= add(alice, dining, 2500, "Pizza Roma", {2026, 9, 12});
        ok &= add(alice, dining, 2800, "Pizza Roma", {2026, 10, 5});
        ok &= add(alice, dining, 450, "Corner Café", {2026, 10, 21});
        ok &= add(alice, dining, 3400, "Pizza Roma", {2026, 11, 8});
        ok &= add(alice, dining, 520, "Corner Café", {2026, 11, 21});
        for (int month = 6; month <= 11; ++month)
            ok &= add(alice, "Subscriptions", 1299, "Netflix", {2026, month, 15});
        ok &= add(alice, "Transport & Car", 5500, "Shell", {2026, 10, 9});
        ok &= add(alice, "Transport & Car", 6000, "Shell", {2026, 11, 12});
        ok &= add(alice, "Shopping", 2499, "Amazon", {2026, 10, 28});
        ok &= add(alice, "Shopping", 12999, "Amazon", {2026, 11, 5});
        ok &= add(alice, "Shopping", 3500, "Amazon", {2026, 11, 14}, "USD");
        for (int month = 9; month <= 11; ++month)
            ok &= add(alice, "Housing", 95000, "Landlord", {2026, month, 1});
        ok &= add(alice, nullptr, 1000, "Mystery Shop", {2026, 11, 18});
        ok &= add(alice, "Salary", 320000, "ACME", {2026, 9, 28}, "EUR", true);
        ok &= add(alice, "Salary", 320000, "ACME", {2026, 10, 28}, "EUR", true);
        ok &= add(alice, "Salary", 50000, "ACME Bonus", {2026, 11, 15}, "EUR", true);
        // Bob: the same merchants and months, never counted for alice.
        ok &= add(bob, groceries, 99999, "Tesco", {2026, 11, 3});
        ok &= add(bob, groceries, 77777, "Tesco", {2026, 10, 10});
        ok &= add(bob, "Housing", 88888, "Landlord", {2026, 11, 1});
        ok &= add(bob, "Salary", 100000, "Bob Corp", {2026, 11, 1}, "EUR", true);
        const auto budget = [&](qint64 user, const char* category, qint64 limit, double threshold) {
            Budget b;
            b.categoryId = db->categoryId(user, QString::fromUtf8(category));
            b.limit = Money::fromMinor(limit, u"EUR");
            b.alertThreshold = threshold;
            return budgetRepository->add(user, b).ok();
        };
        ok &= budget(alice, groceries, 10000, 0.8);
        ok &= budget(alice, dining, 5000, 0.75);
        ok &= budget(alice, "Shopping", 10000, 0.8);
        ok &= budget(bob, groceries, 100, 0.8);
        return ok;
    }

    ManualClock clock {QDateTime(QDate(2026, 11, 22), QTime(12, 0), Qt::UTC)};
    QLocale locale {QLocale::English, QLocale::UnitedKingdom};
    std::unique_ptr<TestDatabase> db;
    std::unique_ptr<TransactionRepository> transactions;
    std::unique_ptr<BudgetRepository> budgetRepository;
    std::unique_ptr<BudgetEngine> engine;
    qint64 alice = 0;
    qint64 bob = 0;
};

} // namespace Moniagent::Test
