#include "db/categoryrepository.h"
#include "db/ledgersummary.h"
#include "db/sql.h"
#include "db/transactionquery.h"
#include "db/transactionrepository.h"
#include "db/userrepository.h"
#include "testdatabase.h"

#include <QRandomGenerator>
#include <QTest>

using namespace Moniagent;
using Test::TestDatabase;

// The monthly summary must always equal what a full scan of the ledger says, whatever happened to it.
class TestLedgerSummary : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void split_data();
    void split();
    void coversOnlyWhatItKnows();
    void matchesTheLedgerThroughEveryChange();

private:
    static void compareWithLedger(TestDatabase& db, qint64 userId, const QList<qint64>& categories);
};

void TestLedgerSummary::split_data()
{
    QTest::addColumn<QDate>("from");
    QTest::addColumn<QDate>("to");
    QTest::addColumn<QString>("months");
    QTest::addColumn<QString>("partial");
    QTest::newRow("open") << QDate() << QDate() << "0000-00..9999-99"
                          << "";
    QTest::newRow("whole month") << QDate(2024, 2, 1) << QDate(2024, 2, 29) << "2024-02..2024-02"
                                 << "";
    QTest::newRow("whole year") << QDate(2024, 1, 1) << QDate(2024, 12, 31) << "2024-01..2024-12"
                                << "";
    QTest::newRow("inside one month") << QDate(2024, 2, 3) << QDate(2024, 2, 20) << ""
                                      << "2024-02-03..2024-02-20";
    QTest::newRow("to the month end") << QDate(2024, 2, 3) << QDate(2024, 2, 29) << ""
                                      << "2024-02-03..2024-02-29";
    QTest::newRow("from a month start") << QDate(2024, 2, 1) << QDate(2024, 2, 20) << ""
                                        << "2024-02-01..2024-02-20";
    QTest::newRow("last 30 days") << QDate(2026, 10, 24) << QDate(2026, 11, 22) << ""
                                  << "2026-10-24..2026-10-31 2026-11-01..2026-11-22";
    QTest::newRow("across a year") << QDate(2023, 11, 15) << QDate(2024, 3, 10) << "2023-12..2024-02"
                                   << "2023-11-15..2023-11-30 2024-03-01..2024-03-10";
    QTest::newRow("open start") << QDate() << QDate(2024, 3, 10) << "0000-00..2024-02"
                                << "2024-03-01..2024-03-10";
    QTest::newRow("open end") << QDate(2024, 3, 10) << QDate() << "2024-04..9999-99"
                              << "2024-03-10..2024-03-31";
    QTest::newRow("empty") << QDate(2024, 3, 10) << QDate(2024, 3, 9) << ""
                           << "";
}

void TestLedgerSummary::split()
{
    QFETCH(QDate, from);
    QFETCH(QDate, to);
    QFETCH(QString, months);
    QFETCH(QString, partial);
    const auto s = LedgerSummary::split({from, to});
    QCOMPARE(s.firstMonth.isEmpty() ? QString() : s.firstMonth + QStringLiteral("..") + s.lastMonth, months);
    QStringList parts;
    for (const DateRange& r : s.partial)
        parts << r.from.toString(Qt::ISODate) + QStringLiteral("..") + r.to.toString(Qt::ISODate);
    QCOMPARE(parts.join(u' '), partial);
}

void TestLedgerSummary::coversOnlyWhatItKnows()
{
    TransactionFilter f;
    QVERIFY(LedgerSummary::covers(f));
    f.dates = {QDate(2024, 1, 5), QDate(2024, 5, 3)};
    f.categoryIds = {1, 2};
    f.uncategorized = true;
    f.type = TransactionType::Income;
    QVERIFY(LedgerSummary::covers(f));
    TransactionFilter search;
    search.search = QStringLiteral("coffee");
    QVERIFY(!LedgerSummary::covers(search));
    TransactionFilter sources;
    sources.sources = {TransactionSource::Import};
    QVERIFY(!LedgerSummary::covers(sources));
    TransactionFilter review;
    review.confirmed = false;
    QVERIFY(!LedgerSummary::covers(review));
}

void TestLedgerSummary::compareWithLedger(TestDatabase& db, qint64 userId, const QList<qint64>& categories)
{
    QSqlDatabase c = db.database()->connection();
    QList<TransactionFilter> filters;
    const QList<DateRange> ranges = {
        {},
        {QDate(2023, 1, 1), QDate(2023, 12, 31)},
        {QDate(2023, 2, 14), QDate(2023, 9, 3)},
        {QDate(2022, 12, 31), QDate(2023, 1, 1)},
        {QDate(), QDate(2023, 6, 15)},
        {QDate(2023, 6, 15), QDate()},
        {QDate(2023, 3, 1), QDate(2023, 3, 31)},
        {QDate(2023, 3, 5), QDate(2023, 3, 5)},
    };
    for (const DateRange& range : ranges) {
        TransactionFilter f;
        f.dates = range;
        filters << f;
        TransactionFilter cat = f;
        cat.categoryIds = {categories.at(0), categories.at(1)};
        filters << cat;
        TransactionFilter none = f;
        none.uncategorized = true;
        filters << none;
        TransactionFilter income = f;
        income.type = TransactionType::Income;
        filters << income;
    }
    for (const TransactionFilter& f : std::as_const(filters)) {
        // The summary's answer …
        auto count = LedgerSummary::count(c, userId, f);
        auto totals = LedgerSummary::totals(c, userId, f);
        QVERIFY(count.ok() && totals.ok());
        // … against a scan of the ledger.
        const TransactionQuery query(userId, f);
        const auto [countSql, countParams] = query.countSql();
        QCOMPARE(*count, Sql::scalar(c, countSql, countParams)->toLongLong());
        const auto [sumSql, sumParams] = query.totalsSql();
        auto scan = Sql::exec(c, sumSql, sumParams);
        LedgerTotals expected;
        while (scan->next()) {
            const QString currency = scan->value(0).toString();
            if (expected.currencies.isEmpty() || expected.currencies.last().currency != currency)
                expected.currencies.append(CurrencyTotals {currency, 0, 0, 0});
            (scan->value(1).toString() == QLatin1String("income") ? expected.currencies.last().incomeMinor
                                                                  : expected.currencies.last().expenseMinor)
                = scan->value(2).toLongLong();
            expected.currencies.last().count += scan->value(3).toLongLong();
        }
        QCOMPARE(totals->currencies.size(), expected.currencies.size());
        for (qsizetype i = 0; i < expected.currencies.size(); ++i) {
            QCOMPARE(totals->currencies.at(i).currency, expected.currencies.at(i).currency);
            QCOMPARE(totals->currencies.at(i).incomeMinor, expected.currencies.at(i).incomeMinor);
            QCOMPARE(totals->currencies.at(i).expenseMinor, expected.currencies.at(i).expenseMinor);
            QCOMPARE(totals->currencies.at(i).count, expected.currencies.at(i).count);
        }
    }
}

void TestLedgerSummary::matchesTheLedgerThroughEveryChange()
{
    TestDatabase db;
    const qint64 alice = db.createUser(QStringLiteral("alice"));
    const qint64 bob = db.createUser(QStringLiteral("bob"));
    TransactionRepository ledger(db.database());
    CategoryRepository categories(db.database());
    Category hobby;
    hobby.name = QStringLiteral("Hobby");
    const qint64 hobbyId = *categories.add(alice, hobby);
    const QList<qint64> aliceCategories
        = {db.categoryId(alice, QStringLiteral("Groceries")), hobbyId, db.categoryId(alice, QStringLiteral("Salary"))};
    QRandomGenerator random(42);
    auto makeRows = [&](int n, qint64 user, const QList<qint64>& cats) {
        QList<Transaction> rows;
        for (int i = 0; i < n; ++i) {
            Transaction t
                = TestDatabase::expense(1 + random.bounded(100000), QStringLiteral("Shop %1").arg(i % 37),
                                        QDate(2022, 11, 1).addDays(random.bounded(500)),
                                        random.bounded(10) == 0 ? QStringLiteral("USD") : QStringLiteral("EUR"));
            if (random.bounded(4) == 0)
                t.type = TransactionType::Income;
            const int pick = random.bounded(cats.size() + 1);
            if (pick < cats.size())
                t.categoryId = cats.at(pick);
            rows << t;
        }
        return rows;
    };
    // Row by row, a small batch, and a large batch that rebuilds the indexes.
    for (const Transaction& t : makeRows(50, alice, aliceCategories))
        QVERIFY(ledger.add(alice, t).ok());
    QVERIFY(ledger.addMany(alice, makeRows(500, alice, aliceCategories)).ok());
    QVERIFY(ledger.addMany(bob, makeRows(300, bob, {db.categoryId(bob, QStringLiteral("Groceries"))})).ok());
    compareWithLedger(db, alice, aliceCategories);
    QVERIFY(ledger.addMany(alice, makeRows(25000, alice, aliceCategories)).ok());
    compareWithLedger(db, alice, aliceCategories);

    // Edits of every summarized field, deletes and undo of deletes.
    auto some = ledger.list(alice, {}, {}, 200, 100);
    for (int i = 0; i < some->size(); ++i) {
        Transaction t = some->at(i);
        switch (i % 6) {
        case 0:
            t.amount = Money(t.amount.minor() + 7, t.amount.currency());
            break;
        case 1:
            t.occurredOn = t.occurredOn.addMonths(3);
            break;
        case 2:
            t.categoryId = aliceCategories.at(i % 3);
            break;
        case 3:
            t.type = t.type == TransactionType::Income ? TransactionType::Expense : TransactionType::Income;
            break;
        case 4:
            t.amount = Money(t.amount.minor(), Currency::fromCode(u"JPY"));
            break;
        case 5:
            t.categoryId.reset();
            break;
        }
        QVERIFY(ledger.update(alice, t).ok());
    }
    const auto removed = ledger.list(alice, {}, {}, 40, 3000);
    QList<qint64> ids;
    for (const Transaction& t : *removed)
        ids << t.id;
    QVERIFY(ledger.remove(alice, ids).ok());
    compareWithLedger(db, alice, aliceCategories);
    QVERIFY(ledger.restore(alice, *removed).ok());
    compareWithLedger(db, alice, aliceCategories);

    // Deleting a category moves its sums to "uncategorized" (the foreign key's SET NULL fires the trigger).
    QVERIFY(categories.remove(alice, hobbyId).ok());
    compareWithLedger(db, alice, aliceCategories);
    // Bob's summary never moved.
    compareWithLedger(db, bob, {db.categoryId(bob, QStringLiteral("Groceries")), 0, 0});
    // Deleting a profile takes its summary.
    QVERIFY(UserRepository(db.database()).remove(alice, bob).ok());
    QCOMPARE(Sql::scalar(db.database()->connection(),
                         QStringLiteral("SELECT count(*) FROM transaction_totals WHERE user_id = ?"), {bob})
                 ->toInt(),
             0);
}

QTEST_GUILESS_MAIN(TestLedgerSummary)
#include "tst_ledgersummary.moc"
