#include "core/defaultcategories.h"
#include "db/bulkinsert.h"
#include "db/categoryrepository.h"
#include "db/ledgerpager.h"
#include "db/rolerepository.h"
#include "db/sql.h"
#include "db/transactionrepository.h"
#include "db/userrepository.h"
#include "testdatabase.h"

#include <QSignalSpy>
#include <QTest>
#include <QTranslator>

using namespace Moniagent;
using Test::TestDatabase;

// Users, categories and the ledger repositories: behaviour, validation, and that one profile never
// sees or changes another's rows.
class TestRepositories : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void firstProfileIsAdminWithDefaults();
    void defaultCategoriesAreLocalized();
    void profileValidation_data();
    void profileValidation();
    void profileVisibility();
    void categoryCrud();
    void categoryDeleteReassigns();
    void systemCategoryCannotBeDeleted();
    void transactionRoundTrip();
    void transactionValidation_data();
    void transactionValidation();
    void transactionScoping();
    void filterAndSort();
    void searchUsesFullText();
    void totalsPerCurrency();
    void bulkInsertAllOrNothing();
    void bulkLoadRebuildsIndexes();
    void restoreKeepsIdentity();
    void keysetPaging();
    void searchPlansAgree();
    void changeSignals();
};

void TestRepositories::firstProfileIsAdminWithDefaults()
{
    TestDatabase db;
    UserRepository users(db.database());
    QCOMPARE(*users.hasProfiles(), false);
    QVERIFY(!users.firstProfileId().ok());
    const qint64 first = db.createUser(QStringLiteral("alice"));
    const qint64 second = db.createUser(QStringLiteral("bob"));
    QCOMPARE(*users.hasProfiles(), true);
    QCOMPARE(*users.firstProfileId(), first);
    QVERIFY(users.find(first, first)->isAdmin());
    QVERIFY(!users.find(second, second)->isAdmin());
    QCOMPARE(*users.findIdByUsername(QStringLiteral("BOB")), second);

    CategoryRepository categories(db.database());
    const auto list = categories.list(first);
    QVERIFY(list.ok());
    QCOMPARE(list->size(), DefaultCategories::entries().size());
    int income = 0;
    int expense = 0;
    int both = 0;
    for (const Category& c : *list) {
        QVERIFY(c.isSystem);
        QVERIFY(!c.systemKey.isEmpty());
        QVERIFY(!c.icon.isEmpty());
        QVERIFY(c.color.startsWith(u'#'));
        income += c.type == CategoryType::Income;
        expense += c.type == CategoryType::Expense;
        both += c.type == CategoryType::Both;
    }
    QCOMPARE(expense, 23);
    QCOMPARE(both, 2);
    QCOMPARE(income, 5);
    QCOMPARE(list->first().systemKey, QStringLiteral("Groceries")); // display order follows DESIGN.md
}

void TestRepositories::defaultCategoriesAreLocalized()
{
    QTranslator german;
    QVERIFY2(german.load(QStringLiteral(":/i18n/moniagent_de.qm")),
             "the German translation is embedded in the models library");
    QCoreApplication::installTranslator(&german);
    TestDatabase db;
    const qint64 user = db.createUser(QStringLiteral("jonas"));
    QCoreApplication::removeTranslator(&german);

    CategoryRepository categories(db.database());
    auto groceries = categories.findByName(user, QStringLiteral("Groceries")); // by stable key
    QVERIFY(groceries.ok());
    QCOMPARE(groceries->name, QStringLiteral("Lebensmittel"));
    QCOMPARE(groceries->systemKey, QStringLiteral("Groceries"));
    QCOMPARE(categories.findByName(user, QStringLiteral("lebensmittel"))->id, groceries->id); // by name, any case
}

void TestRepositories::profileValidation_data()
{
    QTest::addColumn<QString>("username");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<QString>("email");
    QTest::newRow("empty name") << "  "
                                << "EUR"
                                << "";
    QTest::newRow("long name") << QString(65, u'x') << "EUR"
                               << "";
    QTest::newRow("bad currency") << "x"
                                  << "EURO"
                                  << "";
    QTest::newRow("bad email") << "x"
                               << "EUR"
                               << "not-an-address";
}

void TestRepositories::profileValidation()
{
    QFETCH(QString, username);
    QFETCH(QString, currency);
    QFETCH(QString, email);
    TestDatabase db;
    UserRepository users(db.database());
    UserRepository::NewProfile profile;
    profile.username = username;
    profile.baseCurrency = currency;
    profile.primaryEmail = email;
    auto created = users.createProfile(profile);
    QVERIFY(!created.ok());
    QCOMPARE(created.error().code, Error::Code::InvalidInput);
    QCOMPARE(*users.hasProfiles(), false);
}

void TestRepositories::profileVisibility()
{
    TestDatabase db;
    const qint64 admin = db.createUser(QStringLiteral("admin"));
    const qint64 alice = db.createUser(QStringLiteral("alice"));
    const qint64 bob = db.createUser(QStringLiteral("bob"));
    UserRepository users(db.database());
    QCOMPARE(users.list(admin)->size(), 3);
    const auto aliceSees = users.list(alice);
    QCOMPARE(aliceSees->size(), 1);
    QCOMPARE(aliceSees->first().id, alice);
    QVERIFY(!users.find(alice, bob).ok());

    // Only an admin changes or deletes other profiles; nobody deletes themselves.
    User bobRecord = *users.find(admin, bob);
    bobRecord.firstName = QStringLiteral("Robert");
    QVERIFY(!users.updateProfile(alice, bobRecord).ok());
    QVERIFY(users.updateProfile(admin, bobRecord).ok());
    QCOMPARE(users.find(bob, bob)->firstName, QStringLiteral("Robert"));
    QVERIFY(!users.remove(alice, bob).ok());
    QVERIFY(!users.remove(admin, admin).ok());
    QVERIFY(users.remove(admin, bob).ok());
    QCOMPARE(users.list(admin)->size(), 2);
    QCOMPARE(RoleRepository(db.database()).list()->size(), 2);
}

void TestRepositories::categoryCrud()
{
    TestDatabase db;
    const qint64 alice = db.createUser(QStringLiteral("alice"));
    const qint64 bob = db.createUser(QStringLiteral("bob"));
    CategoryRepository categories(db.database());
    Category hobby;
    hobby.name = QStringLiteral("  Model trains ");
    hobby.icon = QStringLiteral("train");
    hobby.color = QStringLiteral("#112233");
    auto id = categories.add(alice, hobby);
    QVERIFY(id.ok());
    auto stored = categories.find(alice, *id);
    QCOMPARE(stored->name, QStringLiteral("Model trains"));
    QVERIFY(!stored->isSystem);
    QVERIFY(stored->displayOrder > categories.list(alice)->at(categories.list(alice)->size() - 2).displayOrder);

    // Duplicate names are refused with a clear message, regardless of case.
    Category duplicate = hobby;
    duplicate.name = QStringLiteral("MODEL TRAINS");
    auto refused = categories.add(alice, duplicate);
    QVERIFY(!refused.ok());
    QVERIFY(refused.error().message.contains(QStringLiteral("already exists")));
    QVERIFY(categories.add(bob, duplicate).ok()); // another user may have it

    // Validation.
    Category bad = hobby;
    bad.name = QString();
    QCOMPARE(categories.add(alice, bad).error().code, Error::Code::InvalidInput);
    bad = hobby;
    bad.color = QStringLiteral("blue");
    QCOMPARE(categories.add(alice, bad).error().code, Error::Code::InvalidInput);

    // Bob can neither see, change nor delete Alice's category.
    QVERIFY(!categories.find(bob, *id).ok());
    Category hijack = *stored;
    hijack.name = QStringLiteral("Hijacked");
    QCOMPARE(categories.update(bob, hijack).error().code, Error::Code::NotFound);
    QVERIFY(!categories.remove(bob, *id).ok());
    QCOMPARE(categories.find(alice, *id)->name, QStringLiteral("Model trains"));

    // Reorder puts the new category first.
    QList<qint64> order {*id};
    for (const Category& c : *categories.list(alice)) {
        if (c.id != *id)
            order << c.id;
    }
    QVERIFY(categories.reorder(alice, order).ok());
    QCOMPARE(categories.list(alice)->first().id, *id);
    QVERIFY(categories.reorder(bob, {*id}).ok()); // silently touches nothing of Alice's
    QCOMPARE(categories.list(alice)->first().id, *id);
}

void TestRepositories::categoryDeleteReassigns()
{
    TestDatabase db;
    const qint64 alice = db.createUser(QStringLiteral("alice"));
    CategoryRepository categories(db.database());
    TransactionRepository ledger(db.database());
    Category hobby;
    hobby.name = QStringLiteral("Hobby");
    const qint64 hobbyId = *categories.add(alice, hobby);
    const qint64 shopping = db.categoryId(alice, QStringLiteral("Shopping"));
    Transaction t = TestDatabase::expense(1299, QStringLiteral("Hobby shop"), QDate(2024, 5, 1));
    t.categoryId = hobbyId;
    const qint64 a = *ledger.add(alice, t);
    const qint64 b = *ledger.add(alice, t);
    QCOMPARE(*categories.usageCount(alice, hobbyId), 2);
    QVERIFY(!categories.remove(alice, hobbyId, hobbyId).ok()); // not into itself
    QVERIFY(categories.remove(alice, hobbyId, shopping).ok());
    QCOMPARE(ledger.find(alice, a)->categoryId, std::optional<qint64>(shopping));
    QCOMPARE(ledger.find(alice, b)->categoryId, std::optional<qint64>(shopping));

    // Without a target the transactions become uncategorized.
    const qint64 other = *categories.add(alice, hobby);
    t.categoryId = other;
    const qint64 c = *ledger.add(alice, t);
    QVERIFY(categories.remove(alice, other).ok());
    QVERIFY(!ledger.find(alice, c)->categoryId.has_value());
}

void TestRepositories::systemCategoryCannotBeDeleted()
{
    TestDatabase db;
    const qint64 alice = db.createUser(QStringLiteral("alice"));
    CategoryRepository categories(db.database());
    const qint64 groceries = db.categoryId(alice, QStringLiteral("Groceries"));
    auto refused = categories.remove(alice, groceries);
    QVERIFY(!refused.ok());
    QVERIFY(refused.error().message.contains(QStringLiteral("default category")));
    QVERIFY(categories.find(alice, groceries).ok());
    // It can be renamed and keeps its stable key.
    Category renamed = *categories.find(alice, groceries);
    renamed.name = QStringLiteral("Food shopping");
    QVERIFY(categories.update(alice, renamed).ok());
    QCOMPARE(categories.find(alice, groceries)->systemKey, QStringLiteral("Groceries"));
    QCOMPARE(categories.findByName(alice, QStringLiteral("Groceries"))->id, groceries);
}

void TestRepositories::transactionRoundTrip()
{
    TestDatabase db;
    const qint64 alice = db.createUser(QStringLiteral("alice"));
    TransactionRepository ledger(db.database());
    Transaction t = TestDatabase::expense(2390, QStringLiteral(" Uber "), QDate(2024, 2, 29));
    t.categoryId = db.categoryId(alice, QStringLiteral("Transport & Car"));
    t.description = QStringLiteral("UBER *TRIP HELP.UBER.COM");
    t.notes = QStringLiteral("airport");
    t.source = TransactionSource::Text;
    t.sourceMetadata = QJsonObject {{QStringLiteral("typed"), QStringLiteral("uber 23,90 €")}};
    t.externalId = QStringLiteral("ext-1");
    t.confirmedByUser = true;
    t.categoryConfidence = 0.75;
    t.categorizedBy = CategorizedBy::Model;
    auto id = ledger.add(alice, t);
    QVERIFY(id.ok());
    auto stored = ledger.find(alice, *id);
    QVERIFY(stored.ok());
    QCOMPARE(stored->userId, alice);
    QCOMPARE(stored->uuid.size(), 36);
    QCOMPARE(stored->amount, Money::fromMinor(2390, u"EUR"));
    QCOMPARE(stored->signedMinor(), qint64(-2390));
    QCOMPARE(stored->occurredOn, QDate(2024, 2, 29));
    QCOMPARE(stored->merchant, QStringLiteral("Uber"));
    QCOMPARE(stored->description, t.description);
    QCOMPARE(stored->notes, t.notes);
    QCOMPARE(stored->source, TransactionSource::Text);
    QCOMPARE(stored->sourceMetadata, t.sourceMetadata);
    QCOMPARE(stored->externalId, t.externalId);
    QVERIFY(stored->confirmedByUser);
    QCOMPARE(*stored->categoryConfidence, 0.75);
    QCOMPARE(stored->categorizedBy, CategorizedBy::Model);
    QCOMPARE(stored->categoryId, t.categoryId);
    QVERIFY(stored->createdAt.isValid());

    Transaction edited = *stored;
    edited.type = TransactionType::Income;
    edited.amount = Money::fromMinor(100000, u"JPY");
    edited.categoryId.reset();
    edited.notes.clear();
    QVERIFY(ledger.update(alice, edited).ok());
    stored = ledger.find(alice, *id);
    QCOMPARE(stored->type, TransactionType::Income);
    QCOMPARE(stored->amount, Money::fromMinor(100000, u"JPY"));
    QVERIFY(!stored->categoryId);
    QCOMPARE(stored->notes, QString());

    QVERIFY(ledger.remove(alice, {*id}).ok());
    QCOMPARE(ledger.find(alice, *id).error().code, Error::Code::NotFound);
}

void TestRepositories::transactionValidation_data()
{
    QTest::addColumn<qint64>("minor");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<QDate>("date");
    QTest::addColumn<QString>("merchant");
    QTest::newRow("zero") << qint64(0) << "EUR" << QDate(2024, 1, 1) << "x";
    QTest::newRow("negative") << qint64(-100) << "EUR" << QDate(2024, 1, 1) << "x";
    QTest::newRow("no currency") << qint64(100) << "" << QDate(2024, 1, 1) << "x";
    QTest::newRow("no date") << qint64(100) << "EUR" << QDate() << "x";
    QTest::newRow("ancient date") << qint64(100) << "EUR" << QDate(1066, 10, 14) << "x";
    QTest::newRow("huge text") << qint64(100) << "EUR" << QDate(2024, 1, 1) << QString(5000, u'x');
}

void TestRepositories::transactionValidation()
{
    QFETCH(qint64, minor);
    QFETCH(QString, currency);
    QFETCH(QDate, date);
    QFETCH(QString, merchant);
    TestDatabase db;
    const qint64 alice = db.createUser(QStringLiteral("alice"));
    TransactionRepository ledger(db.database());
    Transaction t = TestDatabase::expense(minor, merchant, date, currency);
    auto result = ledger.add(alice, t);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, Error::Code::InvalidInput);
    QVERIFY(!result.error().message.isEmpty());
    QCOMPARE(*ledger.count(alice, {}), qint64(0));
    QVERIFY(!ledger.addMany(alice, {TestDatabase::expense(100, QStringLiteral("ok"), QDate(2024, 1, 1)), t}).ok());
    QCOMPARE(*ledger.count(alice, {}), qint64(0));
}

void TestRepositories::transactionScoping()
{
    TestDatabase db;
    const qint64 alice = db.createUser(QStringLiteral("alice"));
    const qint64 bob = db.createUser(QStringLiteral("bob"));
    TransactionRepository ledger(db.database());
    const qint64 aliceTx
        = *ledger.add(alice, TestDatabase::expense(999, QStringLiteral("Secret shop"), QDate(2024, 3, 1)));
    const qint64 bobTx = *ledger.add(bob, TestDatabase::expense(111, QStringLiteral("Bob shop"), QDate(2024, 3, 1)));

    // Reads.
    QVERIFY(!ledger.find(bob, aliceTx).ok());
    QVERIFY(ledger.findMany(bob, {aliceTx, bobTx})->size() == 1);
    QCOMPARE(*ledger.count(bob, {}), qint64(1));
    TransactionFilter search;
    search.search = QStringLiteral("secret");
    QCOMPARE(*ledger.count(bob, search), qint64(0));
    QCOMPARE(*ledger.count(alice, search), qint64(1));
    QCOMPARE(ledger.totals(bob, {})->currencies.first().expenseMinor, qint64(111));
    for (const Transaction& t : *ledger.list(bob, {}, {}, 100))
        QCOMPARE(t.userId, bob);

    // Writes by id.
    Transaction stolen = *ledger.find(alice, aliceTx);
    stolen.amount = Money::fromMinor(1, u"EUR");
    QCOMPARE(ledger.update(bob, stolen).error().code, Error::Code::NotFound);
    QVERIFY(ledger.remove(bob, {aliceTx}).ok()); // deletes nothing of Alice's
    QCOMPARE(ledger.find(alice, aliceTx)->amount.minor(), qint64(999));
    // A transaction cannot be pointed at another user's category.
    Transaction sneaky = TestDatabase::expense(5, QStringLiteral("x"), QDate(2024, 1, 1));
    sneaky.categoryId = db.categoryId(alice, QStringLiteral("Groceries"));
    QVERIFY(!ledger.add(bob, sneaky).ok());
    // Nor restored into another profile.
    Transaction copy = *ledger.find(alice, aliceTx);
    QVERIFY(!ledger.restore(bob, {copy}).ok());
}

void TestRepositories::filterAndSort()
{
    TestDatabase db;
    const qint64 alice = db.createUser(QStringLiteral("alice"));
    TransactionRepository ledger(db.database());
    const qint64 groceries = db.categoryId(alice, QStringLiteral("Groceries"));
    const qint64 salary = db.categoryId(alice, QStringLiteral("Salary"));
    Transaction a = TestDatabase::expense(500, QStringLiteral("aldi"), QDate(2024, 1, 10));
    a.categoryId = groceries;
    Transaction b = TestDatabase::expense(7000, QStringLiteral("Zara"), QDate(2024, 2, 5));
    Transaction c = TestDatabase::income(320000, QStringLiteral("ACME Corp"), QDate(2024, 1, 31));
    c.categoryId = salary;
    c.source = TransactionSource::Import;
    Transaction d = TestDatabase::expense(1200, QStringLiteral("Bakery"), QDate(2023, 12, 31));
    d.categoryId = groceries;
    for (const Transaction& t : {a, b, c, d})
        QVERIFY(ledger.add(alice, t).ok());

    auto merchants = [&](const TransactionFilter& filter, TransactionSort sort) {
        QStringList names;
        for (const Transaction& t : *ledger.list(alice, filter, sort, 100))
            names << t.merchant;
        return names;
    };
    QCOMPARE(merchants({}, {}),
             (QStringList {QStringLiteral("Zara"), QStringLiteral("ACME Corp"), QStringLiteral("aldi"),
                           QStringLiteral("Bakery")}));
    QCOMPARE(merchants({}, {TransactionSortKey::Merchant, Qt::AscendingOrder}),
             (QStringList {QStringLiteral("ACME Corp"), QStringLiteral("aldi"), QStringLiteral("Bakery"),
                           QStringLiteral("Zara")}));
    // Amount sorts by signed value: the biggest expense first, income last.
    QCOMPARE(merchants({}, {TransactionSortKey::Amount, Qt::AscendingOrder}),
             (QStringList {QStringLiteral("Zara"), QStringLiteral("Bakery"), QStringLiteral("aldi"),
                           QStringLiteral("ACME Corp")}));

    TransactionFilter january;
    january.dates = {QDate(2024, 1, 1), QDate(2024, 1, 31)};
    QCOMPARE(merchants(january, {}), (QStringList {QStringLiteral("ACME Corp"), QStringLiteral("aldi")}));
    TransactionFilter groceriesOnly;
    groceriesOnly.categoryIds = {groceries};
    QCOMPARE(*ledger.count(alice, groceriesOnly), qint64(2));
    TransactionFilter uncategorized;
    uncategorized.uncategorized = true;
    QCOMPARE(merchants(uncategorized, {}), QStringList {QStringLiteral("Zara")});
    TransactionFilter incomeOnly;
    incomeOnly.type = TransactionType::Income;
    QCOMPARE(merchants(incomeOnly, {}), QStringList {QStringLiteral("ACME Corp")});
    TransactionFilter imported;
    imported.sources = {TransactionSource::Import};
    QCOMPARE(*ledger.count(alice, imported), qint64(1));
    TransactionFilter combined = january;
    combined.categoryIds = {groceries};
    combined.uncategorized = true;
    combined.type = TransactionType::Expense;
    QCOMPARE(merchants(combined, {}), QStringList {QStringLiteral("aldi")});
}

void TestRepositories::searchUsesFullText()
{
    TestDatabase db;
    const qint64 alice = db.createUser(QStringLiteral("alice"));
    TransactionRepository ledger(db.database());
    Transaction t = TestDatabase::expense(450, QStringLiteral("Café de Flore"), QDate(2024, 1, 1));
    t.notes = QStringLiteral("croissant with Marie");
    QVERIFY(ledger.add(alice, t).ok());
    QVERIFY(ledger.add(alice, TestDatabase::expense(100, QStringLiteral("Cafeteria Uni"), QDate(2024, 1, 2))).ok());
    QVERIFY(ledger.add(alice, TestDatabase::expense(100, QStringLiteral("Tesco"), QDate(2024, 1, 3))).ok());
    auto count = [&](const QString& text) {
        TransactionFilter filter;
        filter.search = text;
        return *ledger.count(alice, filter);
    };
    QCOMPARE(count(QStringLiteral("cafe")), qint64(2)); // prefix and accent-insensitive
    QCOMPARE(count(QStringLiteral("café flore")), qint64(1)); // all words must match
    QCOMPARE(count(QStringLiteral("MARIE")), qint64(1)); // notes too
    QCOMPARE(count(QStringLiteral("\"flore")), qint64(1)); // quotes cannot break the query
    QCOMPARE(count(QStringLiteral("flore OR tesco")), qint64(0)); // operators are words, not syntax
    QCOMPARE(count(QStringLiteral("*)(")), qint64(0));
    QCOMPARE(count(QStringLiteral("   ")), qint64(3));
    QCOMPARE(TransactionQuery::ftsQuery(QStringLiteral("Café  d'Flore")),
             QStringLiteral("\"Café\"* \"d\"* \"Flore\"*"));
}

void TestRepositories::totalsPerCurrency()
{
    TestDatabase db;
    const qint64 alice = db.createUser(QStringLiteral("alice"));
    TransactionRepository ledger(db.database());
    QVERIFY(ledger.add(alice, TestDatabase::expense(1000, QStringLiteral("a"), QDate(2024, 1, 1))).ok());
    QVERIFY(ledger.add(alice, TestDatabase::expense(250, QStringLiteral("b"), QDate(2024, 1, 2))).ok());
    QVERIFY(ledger.add(alice, TestDatabase::income(5000, QStringLiteral("c"), QDate(2024, 1, 3))).ok());
    QVERIFY(ledger.add(alice, TestDatabase::expense(800, QStringLiteral("d"), QDate(2024, 1, 4), QStringLiteral("JPY")))
                .ok());
    auto totals = ledger.totals(alice, {});
    QVERIFY(totals.ok());
    QCOMPARE(totals->currencies.size(), 2);
    const CurrencyTotals* eur = totals->find(QStringLiteral("EUR"));
    QVERIFY(eur);
    QCOMPARE(eur->expenseMinor, qint64(1250));
    QCOMPARE(eur->incomeMinor, qint64(5000));
    QCOMPARE(eur->netMinor(), qint64(3750));
    QCOMPARE(eur->count, qint64(3));
    QCOMPARE(totals->find(QStringLiteral("JPY"))->expenseMinor, qint64(800));
    QCOMPARE(totals->count(), qint64(4));
}

void TestRepositories::bulkInsertAllOrNothing()
{
    TestDatabase db;
    const qint64 alice = db.createUser(QStringLiteral("alice"));
    TransactionRepository ledger(db.database());
    QVERIFY(ledger.add(alice, TestDatabase::expense(1, QStringLiteral("before"), QDate(2024, 1, 1))).ok());
    QList<Transaction> batch;
    for (int i = 0; i < 10000; ++i)
        batch << TestDatabase::expense(100 + i, QStringLiteral("Shop %1").arg(i), QDate(2024, 1, 1).addDays(i % 300));
    // Cancel half way: nothing added.
    auto cancelled = ledger.addMany(alice, batch, [](qint64 done, qint64) { return done < 5000; });
    QVERIFY(!cancelled.ok());
    QCOMPARE(cancelled.error().code, Error::Code::Cancelled);
    QCOMPARE(*ledger.count(alice, {}), qint64(1));
    // A duplicate external id in the middle fails the whole batch.
    QList<Transaction> clash = batch.mid(0, 10);
    clash[3].externalId = QStringLiteral("dup");
    clash[7].externalId = QStringLiteral("dup");
    QVERIFY(!ledger.addMany(alice, clash).ok());
    QCOMPARE(*ledger.count(alice, {}), qint64(1));
    // A full run adds everything and indexes it for search.
    qint64 lastProgress = 0;
    auto added = ledger.addMany(alice, batch, [&](qint64 done, qint64 total) {
        lastProgress = done;
        return total == 10000;
    });
    QVERIFY(added.ok());
    QCOMPARE(*added, qint64(10000));
    QCOMPARE(lastProgress, qint64(10000));
    QCOMPARE(*ledger.count(alice, {}), qint64(10001));
    TransactionFilter search;
    search.search = QStringLiteral("9999");
    QCOMPARE(*ledger.count(alice, search), qint64(1));
    QVERIFY(Sql::exec(db.database()->connection(),
                      QStringLiteral("INSERT INTO transactions_fts (transactions_fts) VALUES ('integrity-check')"))
                .ok());
    // The insert trigger is back: a single add is searchable at once.
    QVERIFY(ledger.add(alice, TestDatabase::expense(1, QStringLiteral("Zanzibar"), QDate(2024, 1, 1))).ok());
    search.search = QStringLiteral("zanzi");
    QCOMPARE(*ledger.count(alice, search), qint64(1));
}

void TestRepositories::bulkLoadRebuildsIndexes()
{
    TestDatabase db;
    const qint64 alice = db.createUser(QStringLiteral("alice"));
    const qint64 bob = db.createUser(QStringLiteral("bob"));
    TransactionRepository ledger(db.database());
    QSqlDatabase c = db.database()->connection();
    const auto schema = [&]() {
        QStringList objects;
        auto q = Sql::exec(c,
                           QStringLiteral("SELECT type || ' ' || name || ' ' || coalesce(sql, '') FROM sqlite_master "
                                          "ORDER BY type, name"));
        while (q->next())
            objects << q->value(0).toString();
        return objects;
    };
    const QStringList before = schema();
    const qint64 groceries = db.categoryId(alice, QStringLiteral("Groceries"));
    const int n = int(BulkInsert::RebuildThreshold) + 777;
    QVERIFY(*BulkInsert::rebuildsIndexes(c, n));
    QVERIFY(!*BulkInsert::rebuildsIndexes(c, 100));
    QList<Transaction> batch;
    for (int i = 0; i < n; ++i) {
        Transaction t = TestDatabase::expense(100 + i, QStringLiteral("Store %1").arg(i % 250),
                                              QDate(2020, 1, 1).addDays(i % 2000));
        if (i % 3 == 0)
            t.categoryId = groceries;
        batch << t;
    }

    // Another profile's category anywhere in the batch refuses all of it.
    QList<Transaction> foreign = batch;
    foreign[n - 5].categoryId = db.categoryId(bob, QStringLiteral("Groceries"));
    auto refused = ledger.addMany(alice, foreign);
    QVERIFY(!refused.ok());
    QCOMPARE(*ledger.count(alice, {}), qint64(0));
    QCOMPARE(schema(), before);
    // So does a duplicate at the very end, after the indexes were dropped: everything is rolled back.
    QList<Transaction> duplicate = batch;
    duplicate[1].externalId = QStringLiteral("same");
    duplicate[n - 1].externalId = QStringLiteral("same");
    QVERIFY(!ledger.addMany(alice, duplicate).ok());
    QCOMPARE(*ledger.count(alice, {}), qint64(0));
    QCOMPARE(schema(), before);

    // The real load: every row, the same schema afterwards, a consistent search index, working orders.
    auto added = ledger.addMany(alice, batch);
    QVERIFY2(added.ok(), qPrintable(added.ok() ? QString() : added.error().toString()));
    QCOMPARE(*added, qint64(n));
    QCOMPARE(schema(), before);
    QCOMPARE(*ledger.count(alice, {}), qint64(n));
    QVERIFY(Sql::exec(c, QStringLiteral("INSERT INTO transactions_fts (transactions_fts) VALUES ('integrity-check')"))
                .ok());
    QVERIFY(Sql::exec(c, QStringLiteral("PRAGMA integrity_check")).ok());
    QCOMPARE(Sql::scalar(c, QStringLiteral("PRAGMA integrity_check"))->toString(), QStringLiteral("ok"));
    TransactionFilter search;
    search.search = QStringLiteral("store 249");
    QCOMPARE(*ledger.count(alice, search), qint64(n / 250 + (n % 250 > 249 ? 1 : 0)));
    TransactionFilter byCategory;
    byCategory.categoryIds = {groceries};
    QCOMPARE(*ledger.count(alice, byCategory), qint64((n + 2) / 3));
    // The per-row rules are back: a single insert pointing at Bob's category is refused by the trigger.
    Transaction sneaky = TestDatabase::expense(1, QStringLiteral("x"), QDate(2024, 1, 1));
    sneaky.categoryId = db.categoryId(bob, QStringLiteral("Groceries"));
    QVERIFY(!ledger.add(alice, sneaky).ok());
    // A small batch into the now big ledger keeps the indexes in place (and is still all or nothing).
    QVERIFY(!*BulkInsert::rebuildsIndexes(c, 500));
    QVERIFY(ledger.addMany(alice, batch.mid(0, 500)).ok());
    QCOMPARE(*ledger.count(alice, {}), qint64(n + 500));
}

void TestRepositories::restoreKeepsIdentity()
{
    TestDatabase db;
    const qint64 alice = db.createUser(QStringLiteral("alice"));
    TransactionRepository ledger(db.database());
    const qint64 id = *ledger.add(alice, TestDatabase::expense(4200, QStringLiteral("Keep me"), QDate(2024, 6, 1)));
    const Transaction original = *ledger.find(alice, id);
    QVERIFY(ledger.remove(alice, {id}).ok());
    QVERIFY(ledger.restore(alice, {original}).ok());
    const Transaction back = *ledger.find(alice, id);
    QCOMPARE(back.uuid, original.uuid);
    QCOMPARE(back.createdAt, original.createdAt);
    QCOMPARE(back.amount, original.amount);
    TransactionFilter search;
    search.search = QStringLiteral("keep");
    QCOMPARE(*ledger.count(alice, search), qint64(1));
    QVERIFY(!ledger.restore(alice, {original}).ok()); // it exists again
}

void TestRepositories::keysetPaging()
{
    // Walking the ledger page by page, forwards by key and backwards from the end, meets every row once in order.
    TestDatabase db;
    const qint64 alice = db.createUser(QStringLiteral("alice"));
    TransactionRepository ledger(db.database());
    QList<Transaction> rows;
    for (int i = 0; i < 1000; ++i) {
        // Many equal dates, amounts and names: ties must be broken by id.
        Transaction t = TestDatabase::expense(100 + (i % 7) * 50, QStringLiteral("Shop %1").arg(i % 13),
                                              QDate(2024, 1, 1).addDays(i % 17));
        if (i % 5 == 0)
            t.type = TransactionType::Income;
        rows << t;
    }
    QVERIFY(ledger.addMany(alice, rows).ok());
    for (TransactionSortKey key :
         {TransactionSortKey::Date, TransactionSortKey::Amount, TransactionSortKey::Merchant}) {
        for (Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
            const TransactionQuery query(alice, {}, {key, order});
            const auto all = ledger.list(alice, {}, {key, order}, 2000);
            QCOMPARE(all->size(), 1000);
            QList<qint64> expected;
            for (const Transaction& t : *all)
                expected << t.id;

            QList<qint64> forward;
            TransactionQuery::PageSpec spec;
            spec.limit = 64;
            while (true) {
                auto page = ledger.page(query, spec);
                QVERIFY(page.ok());
                for (const Transaction& t : *page)
                    forward << t.id;
                if (page->size() < spec.limit)
                    break;
                spec.after = query.cursorOf(page->last());
            }
            QCOMPARE(forward, expected);

            QList<qint64> backward;
            spec = {};
            spec.limit = 64;
            spec.reverse = true;
            while (true) {
                auto page = ledger.page(query, spec);
                for (const Transaction& t : *page)
                    backward.prepend(t.id);
                if (page->size() < spec.limit)
                    break;
                spec.after = query.cursorOf(page->last());
            }
            QCOMPARE(backward, expected);

            // An offset from a cursor lands on the same rows as a plain offset.
            spec = {};
            spec.limit = 10;
            spec.offset = 500;
            QList<qint64> direct;
            for (const Transaction& t : *ledger.page(query, spec))
                direct << t.id;
            QCOMPARE(direct, expected.mid(500, 10));
        }
    }
}

void TestRepositories::searchPlansAgree()
{
    TestDatabase db;
    const qint64 alice = db.createUser(QStringLiteral("alice"));
    const qint64 bob = db.createUser(QStringLiteral("bob"));
    TransactionRepository ledger(db.database());
    QList<Transaction> rows;
    for (int i = 0; i < 9000; ++i) {
        rows << TestDatabase::expense(100 + i % 500,
                                      i % 3 ? QStringLiteral("Coffee Bar %1").arg(i % 40) : QStringLiteral("Bakery"),
                                      QDate(2021, 1, 1).addDays(i % 900));
    }
    rows[4242].merchant = QStringLiteral("Zanzibar Spices");
    QVERIFY(ledger.addMany(alice, rows).ok());
    QVERIFY(ledger.addMany(bob, rows.mid(0, 7000)).ok()); // bob's matches must not count for alice

    // The bounded probe: 6000 coffee rows for alice, one Zanzibar.
    QVERIFY(*ledger.searchMatchesAtLeast(alice, QStringLiteral("coffee"), LedgerPager::DenseSearch));
    QVERIFY(!*ledger.searchMatchesAtLeast(alice, QStringLiteral("zanzibar"), LedgerPager::DenseSearch));
    QVERIFY(!*ledger.searchMatchesAtLeast(alice, QStringLiteral("coffee"), 6001));

    // Both plans give the same rows in the same order, forwards, backwards and from an offset.
    for (const QString& text : {QStringLiteral("coffee"), QStringLiteral("bar 1"), QStringLiteral("zanzibar")}) {
        TransactionFilter filter;
        filter.search = text;
        for (TransactionSortKey key : {TransactionSortKey::Date, TransactionSortKey::Amount}) {
            const TransactionSort sort {key, Qt::DescendingOrder};
            const TransactionQuery fromMatches(alice, filter, sort, TransactionQuery::SearchPlan::FromMatches);
            const TransactionQuery fromIndex(alice, filter, sort, TransactionQuery::SearchPlan::FromIndex);
            for (bool reverse : {false, true}) {
                TransactionQuery::PageSpec spec;
                spec.limit = 100;
                spec.reverse = reverse;
                spec.offset = 250;
                QList<qint64> a;
                QList<qint64> b;
                for (const Transaction& t : *ledger.page(fromMatches, spec))
                    a << t.id;
                for (const Transaction& t : *ledger.page(fromIndex, spec))
                    b << t.id;
                QCOMPARE(a, b);
                for (const Transaction& t : *ledger.page(fromIndex, spec))
                    QCOMPARE(t.userId, alice);
            }
        }
        // And the pager, which picks a plan by itself, agrees with a plain list.
        LedgerPager::Spec spec;
        spec.userId = alice;
        spec.filter = filter;
        LedgerPager pager(&ledger, spec);
        const auto all = ledger.list(alice, filter, {}, 100000);
        auto paged = pager.rows(0, 100000);
        QVERIFY(paged.ok());
        QCOMPARE(paged->size(), all->size());
        for (qsizetype i = 0; i < all->size(); i += 97)
            QCOMPARE(paged->at(i).id, all->at(i).id);
    }
}

void TestRepositories::changeSignals()
{
    TestDatabase db;
    const qint64 alice = db.createUser(QStringLiteral("alice"));
    TransactionRepository ledger(db.database());
    CategoryRepository categories(db.database());
    QSignalSpy inserted(&ledger, &TransactionRepository::inserted);
    QSignalSpy updated(&ledger, &TransactionRepository::updated);
    QSignalSpy removed(&ledger, &TransactionRepository::removed);
    QSignalSpy categoriesChanged(&categories, &CategoryRepository::changed);
    const qint64 id = *ledger.add(alice, TestDatabase::expense(1, QStringLiteral("x"), QDate(2024, 1, 1)));
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.first().at(0).toLongLong(), alice);
    QCOMPARE(inserted.first().at(1).value<QList<qint64>>(), QList<qint64> {id});
    Transaction t = *ledger.find(alice, id);
    t.notes = QStringLiteral("n");
    QVERIFY(ledger.update(alice, t).ok());
    QCOMPARE(updated.count(), 1);
    QVERIFY(ledger.remove(alice, {id}).ok());
    QCOMPARE(removed.count(), 1);
    // Failed writes stay silent.
    QVERIFY(!ledger.update(alice, t).ok());
    QCOMPARE(updated.count(), 1);
    Category c;
    c.name = QStringLiteral("New");
    QVERIFY(categories.add(alice, c).ok());
    QCOMPARE(categoriesChanged.count(), 1);
}

QTEST_GUILESS_MAIN(TestRepositories)
#include "tst_repositories.moc"
