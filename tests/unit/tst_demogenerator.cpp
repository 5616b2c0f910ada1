#include "core/defaultcategories.h"
#include "db/sql.h"
#include "db/transactionrepository.h"
#include "demo/demogenerator.h"
#include "testdatabase.h"

#include <QSet>
#include <QSqlQuery>
#include <QTest>

#include <memory>

using namespace Moniagent;

// The demo generator against real database files: exact counts, dates, categories, currencies,
// user scoping, all-or-nothing cancel, and the same ledger for the same seed.
class TestDemoGenerator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void exactCount_data();
    void exactCount();
    void deterministicForSeed();
    void datesWithinRange_data();
    void datesWithinRange();
    void everyDefaultCategoryUsed();
    void manyDistinctMerchants();
    void incomeExpenseAndMonthlySalary();
    void reviewQueueAndMetadata();
    void seasonality();
    void amountsInCurrency();
    void zeroDecimalCurrency();
    void onlyForTheGivenUser();
    void cancelLeavesLedgerEmpty_data();
    void cancelLeavesLedgerEmpty();
    void zeroAddsNothing();
    void invalidOptions_data();
    void invalidOptions();
    void generateWithoutDatabase();

private:
    static DemoGenerator::Options options(qint64 transactions, quint64 seed = 42,
                                          const QString& currency = QStringLiteral("EUR"));
    static qint64 scalar(Test::TestDatabase& db, const QString& sql, const QVariantList& params = {});

    // A 20,000-row demo shared by the tests that only read it.
    std::unique_ptr<Test::TestDatabase> m_shared;
    qint64 m_sharedUser = 0;
};

void TestDemoGenerator::initTestCase()
{
    m_shared = std::make_unique<Test::TestDatabase>();
    QVERIFY(m_shared->isValid());
    m_sharedUser = m_shared->createUser(QStringLiteral("alice"));
    QVERIFY(m_sharedUser);
    auto added = DemoGenerator::populate(m_shared->database(), m_sharedUser, options(20000));
    QVERIFY2(added.ok(), qPrintable(added.ok() ? QString() : added.error().toString()));
    QCOMPARE(*added, qint64(20000));
}

DemoGenerator::Options TestDemoGenerator::options(qint64 transactions, quint64 seed, const QString& currency)
{
    DemoGenerator::Options o;
    o.transactions = transactions;
    o.seed = seed;
    o.endDate = QDate(2026, 11, 22);
    o.currency = currency;
    return o;
}

qint64 TestDemoGenerator::scalar(Test::TestDatabase& db, const QString& sql, const QVariantList& params)
{
    auto value = Sql::scalar(db.database()->connection(), sql, params);
    if (!value) {
        qWarning() << value.error().toString();
        return -1;
    }
    return value->toLongLong();
}

void TestDemoGenerator::exactCount_data()
{
    QTest::addColumn<qint64>("transactions");
    QTest::addColumn<int>("years");
    QTest::addColumn<int>("chunk");
    QTest::newRow("one") << qint64(1) << 0 << 20000;
    QTest::newRow("seven") << qint64(7) << 0 << 20000;
    QTest::newRow("fewer than the recurring payments") << qint64(150) << 0 << 20000;
    QTest::newRow("odd, small chunks") << qint64(4321) << 0 << 1000;
    QTest::newRow("busy, two years") << qint64(16000) << 2 << 7000;
    QTest::newRow("one year, chunk of one row") << qint64(50) << 1 << 1;
}

void TestDemoGenerator::exactCount()
{
    QFETCH(qint64, transactions);
    QFETCH(int, years);
    QFETCH(int, chunk);
    Test::TestDatabase db;
    const qint64 user = db.createUser(QStringLiteral("alice"));
    QVERIFY(user);
    DemoGenerator::Options o = options(transactions);
    o.years = years;
    o.chunkSize = chunk;
    qint64 lastDone = -1;
    auto added = DemoGenerator::populate(db.database(), user, o, [&](qint64 done, qint64 total) {
        if (done < lastDone || total != transactions)
            return false;
        lastDone = done;
        return true;
    });
    QVERIFY2(added.ok(), qPrintable(added.ok() ? QString() : added.error().toString()));
    QCOMPARE(*added, transactions);
    QCOMPARE(lastDone, transactions);
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM transactions WHERE user_id = ?"), {user}), transactions);
    // The full-text index knows every row.
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM transactions_fts")), transactions);
}

void TestDemoGenerator::deterministicForSeed()
{
    const QString rows = QStringLiteral(
        "SELECT t.type, t.amount_minor, t.currency, t.occurred_on, t.merchant_name, t.description, t.source, "
        "coalesce(c.system_key, ''), coalesce(t.categorized_by, ''), t.confirmed_by_user, "
        "coalesce(t.category_confidence, -1), t.source_metadata "
        "FROM transactions t LEFT JOIN categories c ON c.id = t.category_id WHERE t.user_id = ? ORDER BY t.id");
    const auto dump = [&](quint64 seed, int chunk) {
        Test::TestDatabase db;
        const qint64 user = db.createUser(QStringLiteral("alice"));
        DemoGenerator::Options o = options(6000, seed);
        o.chunkSize = chunk;
        auto added = DemoGenerator::populate(db.database(), user, o);
        QStringList lines;
        if (!added)
            return lines;
        auto query = Sql::exec(db.database()->connection(), rows, {user});
        while (query && query->next()) {
            QStringList fields;
            for (int i = 0; i < 12; ++i)
                fields << query->value(i).toString();
            lines << fields.join(u'|');
        }
        return lines;
    };
    // The chunk size changes how the rows are written, not which.
    const QStringList first = dump(7, 2500);
    const QStringList second = dump(7, 20000);
    const QStringList other = dump(8, 2500);
    QCOMPARE(first.size(), 6000);
    QCOMPARE(second.size(), 6000);
    for (int i = 0; i < first.size(); ++i)
        QCOMPARE(second[i], first[i]);
    QVERIFY(other != first);

    // Uuids are random: a second run of the same seed gets new ones.
    Test::TestDatabase db;
    const qint64 user = db.createUser(QStringLiteral("alice"));
    QVERIFY(DemoGenerator::populate(db.database(), user, options(500, 7)).ok());
    QVERIFY(DemoGenerator::populate(db.database(), user, options(500, 7)).ok());
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(DISTINCT uuid) FROM transactions WHERE user_id = ?"), {user}),
             qint64(1000));
}

void TestDemoGenerator::datesWithinRange_data()
{
    QTest::addColumn<qint64>("transactions");
    QTest::addColumn<int>("years");
    QTest::addColumn<int>("expectedYears");
    QTest::newRow("small: 3 years") << qint64(5000) << 0 << 3;
    QTest::newRow("medium: 5 years") << qint64(30000) << 0 << 5;
    QTest::newRow("explicit: 1 year, busy") << qint64(12000) << 1 << 1;
}

void TestDemoGenerator::datesWithinRange()
{
    QFETCH(qint64, transactions);
    QFETCH(int, years);
    QFETCH(int, expectedYears);
    DemoGenerator::Options o = options(transactions);
    o.years = years;
    QCOMPARE(DemoGenerator::effectiveYears(o), expectedYears);
    const DateRange range = DemoGenerator::dateRange(o);
    QCOMPARE(range.to, o.endDate);
    QCOMPARE(range.from, QDate(2026 - expectedYears, 12, 1));

    Test::TestDatabase db;
    const qint64 user = db.createUser(QStringLiteral("alice"));
    QVERIFY(DemoGenerator::populate(db.database(), user, o).ok());
    auto query
        = Sql::exec(db.database()->connection(),
                    QStringLiteral("SELECT min(occurred_on), max(occurred_on), count(DISTINCT substr(occurred_on, "
                                   "1, 7)) FROM transactions WHERE user_id = ?"),
                    {user});
    QVERIFY(query && query->next());
    const QDate first = QDate::fromString(query->value(0).toString(), Qt::ISODate);
    const QDate last = QDate::fromString(query->value(1).toString(), Qt::ISODate);
    QVERIFY2(first >= range.from && first <= range.from.addDays(3), qPrintable(first.toString(Qt::ISODate)));
    QVERIFY2(last <= range.to && last >= range.to.addDays(-3), qPrintable(last.toString(Qt::ISODate)));
    QCOMPARE(query->value(2).toInt(), expectedYears * 12); // every month has rows
}

void TestDemoGenerator::everyDefaultCategoryUsed()
{
    Test::TestDatabase db;
    const qint64 user = db.createUser(QStringLiteral("alice"));
    QVERIFY(DemoGenerator::populate(db.database(), user, options(5000)).ok());
    for (const DefaultCategories::Entry& entry : DefaultCategories::entries()) {
        const QString key = QString::fromUtf8(entry.key);
        const qint64 count = scalar(db,
                                    QStringLiteral("SELECT count(*) FROM transactions t JOIN categories c ON c.id = "
                                                   "t.category_id WHERE t.user_id = ? AND c.system_key = ?"),
                                    {user, key});
        QVERIFY2(count > 0, qPrintable(key));
    }
}

void TestDemoGenerator::manyDistinctMerchants()
{
    Test::TestDatabase& db = *m_shared;
    const qint64 user = m_sharedUser;
    const qint64 merchants = scalar(
        db, QStringLiteral("SELECT count(DISTINCT merchant_name) FROM transactions WHERE user_id = ?"), {user});
    QVERIFY2(merchants >= 300, qPrintable(QString::number(merchants)));
    // Bank-statement spellings beside the clean names.
    QVERIFY(scalar(db,
                   QStringLiteral("SELECT count(*) FROM transactions WHERE user_id = ? AND source = 'import' AND "
                                  "description LIKE 'AMZN Mktp %*%' AND merchant_name = 'Amazon'"),
                   {user})
            > 0);
    QVERIFY(scalar(db,
                   QStringLiteral("SELECT count(*) FROM transactions WHERE user_id = ? AND description LIKE 'CARD "
                                  "PAYMENT %' AND description <> upper(merchant_name)"),
                   {user})
            > 0);
    QCOMPARE(scalar(db,
                    QStringLiteral("SELECT count(*) FROM transactions WHERE user_id = ? AND source = 'import' AND "
                                   "description = ''"),
                    {user}),
             qint64(0));
    QCOMPARE(scalar(db,
                    QStringLiteral("SELECT count(*) FROM transactions WHERE user_id = ? AND source NOT IN ('import', "
                                   "'manual')"),
                    {user}),
             qint64(0));
    // Groceries come mostly from a handful of favourite stores.
    auto query
        = Sql::exec(db.database()->connection(),
                    QStringLiteral("SELECT count(*) FROM transactions t JOIN categories c ON c.id = t.category_id "
                                   "WHERE t.user_id = ? AND c.system_key = 'Groceries' GROUP BY t.merchant_name "
                                   "ORDER BY count(*) DESC"),
                    {user});
    QVERIFY(query);
    QList<qint64> counts;
    while (query->next())
        counts << query->value(0).toLongLong();
    QVERIFY(counts.size() > 8);
    qint64 all = 0;
    qint64 topFive = 0;
    for (int i = 0; i < counts.size(); ++i) {
        all += counts[i];
        if (i < 5)
            topFive += counts[i];
    }
    QVERIFY2(topFive * 100 / all >= 60, qPrintable(QString::number(topFive * 100 / all)));
}

void TestDemoGenerator::incomeExpenseAndMonthlySalary()
{
    Test::TestDatabase db;
    const qint64 user = db.createUser(QStringLiteral("alice"));
    const DemoGenerator::Options o = options(5000);
    QVERIFY(DemoGenerator::populate(db.database(), user, o).ok());
    const qint64 income
        = scalar(db, QStringLiteral("SELECT count(*) FROM transactions WHERE user_id = ? AND type = 'income'"), {user});
    const qint64 expense = scalar(
        db, QStringLiteral("SELECT count(*) FROM transactions WHERE user_id = ? AND type = 'expense'"), {user});
    QVERIFY(income > 0);
    QVERIFY(expense > income);
    // Income is a real household's: more than the spending would be odd, far less too.
    const qint64 incomeSum = scalar(
        db, QStringLiteral("SELECT sum(amount_minor) FROM transactions WHERE user_id = ? AND type = 'income'"), {user});
    const qint64 expenseSum = scalar(
        db, QStringLiteral("SELECT sum(amount_minor) FROM transactions WHERE user_id = ? AND type = 'expense'"),
        {user});
    QVERIFY2(incomeSum * 10 > expenseSum * 7 && incomeSum * 10 < expenseSum * 16,
             qPrintable(QStringLiteral("%1 vs %2").arg(incomeSum).arg(expenseSum)));

    // A salary in every complete month of the range.
    const DateRange range = DemoGenerator::dateRange(o);
    for (QDate month = range.from; month.addMonths(1) <= range.to; month = month.addMonths(1)) {
        const qint64 salaries = scalar(
            db,
            QStringLiteral("SELECT count(*) FROM transactions t JOIN categories c ON c.id = t.category_id WHERE "
                           "t.user_id = ? AND t.type = 'income' AND c.system_key = 'Salary' AND "
                           "substr(t.occurred_on, 1, 7) = ?"),
            {user, month.toString(QStringLiteral("yyyy-MM"))});
        QVERIFY2(salaries >= 1, qPrintable(month.toString(Qt::ISODate)));
    }
    // Rent or mortgage is paid on the 1st.
    QVERIFY(scalar(db,
                   QStringLiteral("SELECT count(*) FROM transactions t JOIN categories c ON c.id = t.category_id "
                                  "WHERE t.user_id = ? AND c.system_key = 'Housing' AND substr(t.occurred_on, 9) = "
                                  "'01'"),
                   {user})
            >= 30);
}

void TestDemoGenerator::reviewQueueAndMetadata()
{
    Test::TestDatabase& db = *m_shared;
    const qint64 user = m_sharedUser;
    const qint64 total = 20000;
    const qint64 review = scalar(db,
                                 QStringLiteral("SELECT count(*) FROM transactions WHERE user_id = ? AND "
                                                "confirmed_by_user = 0 AND categorized_by = 'model' AND category_id "
                                                "IS NOT NULL AND category_confidence BETWEEN 0.3 AND 0.95"),
                                 {user});
    const qint64 uncategorized = scalar(db,
                                        QStringLiteral("SELECT count(*) FROM transactions WHERE user_id = ? AND "
                                                       "category_id IS NULL AND categorized_by IS NULL AND "
                                                       "confirmed_by_user = 0"),
                                        {user});
    const qint64 confirmed = scalar(db,
                                    QStringLiteral("SELECT count(*) FROM transactions WHERE user_id = ? AND "
                                                   "confirmed_by_user = 1 AND categorized_by = 'user' AND category_id "
                                                   "IS NOT NULL AND category_confidence IS NULL"),
                                    {user});
    QVERIFY2(review * 1000 / total >= 35 && review * 1000 / total <= 70, qPrintable(QString::number(review)));
    QVERIFY2(uncategorized * 1000 / total >= 5 && uncategorized * 1000 / total <= 20,
             qPrintable(QString::number(uncategorized)));
    QCOMPARE(review + uncategorized + confirmed, total);
    QCOMPARE(scalar(db,
                    QStringLiteral("SELECT count(*) FROM transactions WHERE user_id = ? AND "
                                   "json_extract(source_metadata, '$.demo') = 1"),
                    {user}),
             total);
}

void TestDemoGenerator::seasonality()
{
    Test::TestDatabase& db = *m_shared;
    const qint64 user = m_sharedUser;
    const auto perMonth = [&](const QString& key, const QString& months, const QString& type) {
        return scalar(db,
                      QStringLiteral("SELECT count(*) FROM transactions t JOIN categories c ON c.id = t.category_id "
                                     "WHERE t.user_id = ? AND c.system_key = ? AND t.type = ? AND "
                                     "instr(?, substr(t.occurred_on, 6, 2)) > 0"),
                      {user, key, type, months});
    };
    const auto sumPerMonth = [&](const QString& key, const QString& months) {
        return scalar(db,
                      QStringLiteral("SELECT coalesce(sum(t.amount_minor), 0) FROM transactions t JOIN categories c ON "
                                     "c.id = t.category_id WHERE t.user_id = ? AND c.system_key = ? AND "
                                     "instr(?, substr(t.occurred_on, 6, 2)) > 0"),
                      {user, key, months});
    };
    const QString expense = QStringLiteral("expense");
    // More gifts in December than in a typical month (Dec vs. the average of Mar, Jun, Sep).
    QVERIFY(perMonth(QStringLiteral("Gifts & Donations"), QStringLiteral("12"), expense) * 3
            > 2 * perMonth(QStringLiteral("Gifts & Donations"), QStringLiteral("03 06 09"), expense));
    // More spent on bills in winter (Jan, Feb) than in summer (Jul, Aug).
    QVERIFY(sumPerMonth(QStringLiteral("Bills & Utilities"), QStringLiteral("01 02"))
            > sumPerMonth(QStringLiteral("Bills & Utilities"), QStringLiteral("07 08")) * 5 / 4);
    // Travel in bursts: flights and hotels, and more travel rows in summer than in winter.
    QVERIFY(perMonth(QStringLiteral("Travel"), QStringLiteral("07 08"), expense)
            > perMonth(QStringLiteral("Travel"), QStringLiteral("01 02"), expense));
    // Restaurants abroad only on the days of a few trips a year.
    const QString abroad = QStringLiteral(
        "FROM transactions WHERE user_id = ? AND merchant_name IN ('Trattoria da Enzo', 'Osteria del Ponte', "
        "'Taverna Mykonos', 'Le Petit Bistro', 'Chez Marcel', 'Tapas Bar El Sol', 'La Bodega Vieja', "
        "'Izakaya Hanabi', 'Sushi Zanmai', 'Cervejaria Ramiro')");
    const qint64 abroadRows = scalar(db, QStringLiteral("SELECT count(*) ") + abroad, {user});
    const qint64 abroadDays = scalar(db, QStringLiteral("SELECT count(DISTINCT occurred_on) ") + abroad, {user});
    const DateRange range = DemoGenerator::dateRange(options(20000));
    const qint64 days = range.from.daysTo(range.to) + 1;
    QVERIFY2(abroadRows >= 50, qPrintable(QString::number(abroadRows)));
    QVERIFY2(abroadDays * 100 >= days * 2 && abroadDays * 100 <= days * 30, qPrintable(QString::number(abroadDays)));
    QVERIFY(perMonth(QStringLiteral("Dining & Drinks"), QStringLiteral("01 02 03 04 05 06 07 08 09 10 11 12"), expense)
            > 0);
}

void TestDemoGenerator::amountsInCurrency()
{
    Test::TestDatabase db;
    const qint64 user = db.createUser(QStringLiteral("alice"), QStringLiteral("USD"));
    QVERIFY(DemoGenerator::populate(db.database(), user, options(5000, 3, QStringLiteral("USD"))).ok());
    QCOMPARE(
        scalar(db, QStringLiteral("SELECT count(*) FROM transactions WHERE user_id = ? AND currency = 'USD'"), {user}),
        qint64(5000));
    QCOMPARE(
        scalar(db, QStringLiteral("SELECT count(*) FROM transactions WHERE user_id = ? AND amount_minor <= 0"), {user}),
        qint64(0));
    // Cents vary: most card payments are not whole dollars.
    QVERIFY(scalar(db,
                   QStringLiteral("SELECT count(*) FROM transactions WHERE user_id = ? AND amount_minor % 100 <> 0"),
                   {user})
            > 2500);
    // A coffee costs a few dollars, rent a thousand or two.
    QVERIFY(scalar(db,
                   QStringLiteral("SELECT max(amount_minor) FROM transactions WHERE user_id = ? AND merchant_name = "
                                  "'Starbucks'"),
                   {user})
            < 5000);
}

void TestDemoGenerator::zeroDecimalCurrency()
{
    const auto totals = [](const QString& currency, qint64* minimum, qint64* coffee) {
        Test::TestDatabase db;
        const qint64 user = db.createUser(QStringLiteral("alice"), currency);
        if (!DemoGenerator::populate(db.database(), user, options(4000, 11, currency)).ok())
            return qint64(-1);
        *minimum = scalar(db, QStringLiteral("SELECT min(amount_minor) FROM transactions WHERE user_id = ?"), {user});
        *coffee = scalar(db,
                         QStringLiteral("SELECT CAST(avg(t.amount_minor) AS INTEGER) FROM transactions t WHERE "
                                        "t.user_id = ? AND t.merchant_name IN ('Starbucks', 'Costa Coffee', "
                                        "'Blue Bottle Coffee', 'Caffè Nero', 'The Daily Grind')"),
                         {user});
        if (scalar(db, QStringLiteral("SELECT count(*) FROM transactions WHERE user_id = ? AND currency <> ?"),
                   {user, currency})
            != 0)
            return qint64(-1);
        return scalar(db, QStringLiteral("SELECT sum(amount_minor) FROM transactions WHERE user_id = ?"), {user});
    };
    qint64 euroMinimum = 0, euroCoffee = 0, yenMinimum = 0, yenCoffee = 0;
    const qint64 cents = totals(QStringLiteral("EUR"), &euroMinimum, &euroCoffee);
    const qint64 yen = totals(QStringLiteral("JPY"), &yenMinimum, &yenCoffee);
    QVERIFY(cents > 0 && yen > 0);
    // Yen have no minor unit: about 160 yen for a euro, i.e. 1.6 yen for a cent, never a fraction of a yen.
    QVERIFY2(yen * 10 > cents * 14 && yen * 10 < cents * 18, qPrintable(QStringLiteral("%1 %2").arg(yen).arg(cents)));
    QVERIFY2(yenMinimum >= 10, qPrintable(QString::number(yenMinimum)));
    QVERIFY2(yenCoffee >= 300 && yenCoffee <= 1500, qPrintable(QString::number(yenCoffee)));
    QVERIFY2(euroCoffee >= 200 && euroCoffee <= 900, qPrintable(QString::number(euroCoffee)));
    QVERIFY(!Money::fromMinor(yenCoffee, u"JPY").toDecimalString().contains(u'.'));
}

void TestDemoGenerator::onlyForTheGivenUser()
{
    Test::TestDatabase db;
    const qint64 alice = db.createUser(QStringLiteral("alice"));
    const qint64 bob = db.createUser(QStringLiteral("bob"));
    QVERIFY(alice && bob);
    QVERIFY(DemoGenerator::populate(db.database(), alice, options(3000)).ok());
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM transactions WHERE user_id = ?"), {bob}), qint64(0));
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM transactions WHERE user_id = ?"), {alice}), qint64(3000));
    // Every category is alice's own.
    QCOMPARE(scalar(db,
                    QStringLiteral("SELECT count(*) FROM transactions t JOIN categories c ON c.id = t.category_id "
                                   "WHERE c.user_id <> t.user_id")),
             qint64(0));
    // A profile that does not exist gets nothing and an error.
    auto missing = DemoGenerator::populate(db.database(), 9999, options(100));
    QVERIFY(!missing.ok());
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM transactions")), qint64(3000));
}

void TestDemoGenerator::cancelLeavesLedgerEmpty_data()
{
    QTest::addColumn<qint64>("cancelAfter");
    QTest::newRow("before the first row") << qint64(0);
    QTest::newRow("inside the first chunk") << qint64(1);
    QTest::newRow("after two chunks") << qint64(2000);
    QTest::newRow("at the very end") << qint64(5000);
}

void TestDemoGenerator::cancelLeavesLedgerEmpty()
{
    QFETCH(qint64, cancelAfter);
    Test::TestDatabase db;
    const qint64 user = db.createUser(QStringLiteral("alice"));
    // Earlier rows of the user survive a cancelled demo.
    QVERIFY(DemoGenerator::populate(db.database(), user, options(10)).ok());
    DemoGenerator::Options o = options(5000);
    o.chunkSize = 1000;
    qint64 seen = -1;
    auto added = DemoGenerator::populate(db.database(), user, o, [&](qint64 done, qint64) {
        seen = done;
        return done < cancelAfter;
    });
    QVERIFY(!added.ok());
    QCOMPARE(added.error().code, Error::Code::Cancelled);
    QVERIFY(!added.error().message.isEmpty());
    QCOMPARE(seen, cancelAfter == 1 ? qint64(1000) : cancelAfter);
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM transactions")), qint64(10));
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM transactions_fts")), qint64(10));
    // The database is usable afterwards: no transaction is left open.
    QVERIFY(DemoGenerator::populate(db.database(), user, options(20)).ok());
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM transactions")), qint64(30));
}

void TestDemoGenerator::zeroAddsNothing()
{
    Test::TestDatabase db;
    const qint64 user = db.createUser(QStringLiteral("alice"));
    int calls = 0;
    auto added = DemoGenerator::populate(db.database(), user, options(0), [&](qint64, qint64) {
        ++calls;
        return true;
    });
    QVERIFY(added.ok());
    QCOMPARE(*added, qint64(0));
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM transactions")), qint64(0));
    int chunks = 0;
    auto generated = DemoGenerator::generate(options(0), {}, [&](const QList<Transaction>&) -> Result<void> {
        ++chunks;
        return {};
    });
    QVERIFY(generated.ok());
    QCOMPARE(*generated, qint64(0));
    QCOMPARE(chunks, 0);
    QCOMPARE(calls, 0);
}

void TestDemoGenerator::invalidOptions_data()
{
    QTest::addColumn<qint64>("transactions");
    QTest::addColumn<QDate>("endDate");
    QTest::addColumn<int>("years");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<int>("chunk");
    const QDate today(2026, 11, 22);
    QTest::newRow("negative count") << qint64(-1) << today << 0 << QStringLiteral("EUR") << 100;
    QTest::newRow("too many") << DemoGenerator::MaxTransactions + 1 << today << 0 << QStringLiteral("EUR") << 100;
    QTest::newRow("no end date") << qint64(10) << QDate() << 0 << QStringLiteral("EUR") << 100;
    QTest::newRow("negative years") << qint64(10) << today << -1 << QStringLiteral("EUR") << 100;
    QTest::newRow("too many years") << qint64(10) << today << 51 << QStringLiteral("EUR") << 100;
    QTest::newRow("before 1900") << qint64(10) << QDate(1901, 1, 1) << 5 << QStringLiteral("EUR") << 100;
    QTest::newRow("bad currency") << qint64(10) << today << 0 << QStringLiteral("E1") << 100;
    QTest::newRow("zero chunk") << qint64(10) << today << 0 << QStringLiteral("EUR") << 0;
}

void TestDemoGenerator::invalidOptions()
{
    QFETCH(qint64, transactions);
    QFETCH(QDate, endDate);
    QFETCH(int, years);
    QFETCH(QString, currency);
    QFETCH(int, chunk);
    DemoGenerator::Options o;
    o.transactions = transactions;
    o.endDate = endDate;
    o.years = years;
    o.currency = currency;
    o.chunkSize = chunk;
    const auto valid = DemoGenerator::validate(o);
    QVERIFY(!valid.ok());
    QCOMPARE(valid.error().code, Error::Code::InvalidInput);
    QVERIFY(valid.error().message.endsWith(u'.'));

    Test::TestDatabase db;
    const qint64 user = db.createUser(QStringLiteral("alice"));
    auto added = DemoGenerator::populate(db.database(), user, o);
    QVERIFY(!added.ok());
    QCOMPARE(added.error().code, Error::Code::InvalidInput);
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM transactions")), qint64(0));
}

void TestDemoGenerator::generateWithoutDatabase()
{
    // Chunks arrive in date order, bounded in size, and every row is valid for the repository.
    DemoGenerator::Options o = options(12345);
    o.chunkSize = 1000;
    QHash<QString, qint64> ids;
    qint64 next = 100;
    for (const DefaultCategories::Entry& entry : DefaultCategories::entries())
        ids.insert(QString::fromUtf8(entry.key), next++);
    QDate previous;
    QString previousUuid;
    qint64 rows = 0;
    int largest = 0;
    QSet<qint64> used;
    auto generated = DemoGenerator::generate(o, ids, [&](const QList<Transaction>& chunk) -> Result<void> {
        largest = std::max(largest, int(chunk.size()));
        for (const Transaction& t : chunk) {
            if (previous.isValid() && t.occurredOn < previous)
                return Error::invalidInput(QStringLiteral("out of order"));
            previous = t.occurredOn;
            auto valid = TransactionRepository::validate(t);
            if (!valid)
                return valid;
            if (t.categoryId)
                used.insert(*t.categoryId);
            if (t.uuid.size() != 36 || t.uuid[14] != u'7' || t.merchant.isEmpty())
                return Error::invalidInput(QStringLiteral("bad row"));
            // Time-ordered uuids: each one sorts after the previous (they append to the uuid index).
            if (t.uuid <= previousUuid)
                return Error::invalidInput(QStringLiteral("uuid out of order: ") + t.uuid);
            previousUuid = t.uuid;
            ++rows;
        }
        return {};
    });
    QVERIFY2(generated.ok(), qPrintable(generated.ok() ? QString() : generated.error().toString()));
    QCOMPARE(*generated, qint64(12345));
    QCOMPARE(rows, qint64(12345));
    QCOMPARE(largest, 1000);
    QCOMPARE(used.size(), qsizetype(DefaultCategories::entries().size()));

    // An error from the sink stops the generation and comes back.
    int calls = 0;
    auto stopped = DemoGenerator::generate(o, ids, [&](const QList<Transaction>&) -> Result<void> {
        ++calls;
        return Error::database(QStringLiteral("Disk on fire."));
    });
    QVERIFY(!stopped.ok());
    QCOMPARE(stopped.error().message, QStringLiteral("Disk on fire."));
    QCOMPARE(calls, 1);
}

QTEST_GUILESS_MAIN(TestDemoGenerator)
#include "tst_demogenerator.moc"
