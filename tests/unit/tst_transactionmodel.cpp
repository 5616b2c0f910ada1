#include "core/categorizationreason.h"
#include "db/categoryrepository.h"
#include "db/transactionrepository.h"
#include "itemmodels/transactionmodel.h"
#include "testdatabase.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <QTranslator>
#include <QUndoStack>

using namespace Moniagent;
using Test::TestDatabase;

namespace {

// Waits until the model has applied its latest query and has loaded `rows` rows from the top.
bool settle(TransactionModel& model, int rows = 1)
{
    return QTest::qWaitFor(
        [&]() {
            if (model.isLoading())
                return false;
            const int n = std::min(rows, model.rowCount());
            for (int r = 0; r < n; ++r) {
                if (!model.data(model.index(r, 0), TransactionModel::LoadedRole).toBool())
                    return false;
            }
            return true;
        },
        10000);
}

QString merchantAt(TransactionModel& model, int row)
{
    const QModelIndex index = model.index(row, TransactionModel::MerchantColumn);
    if (!QTest::qWaitFor([&]() { return model.data(index, TransactionModel::LoadedRole).toBool(); }, 10000))
        return QStringLiteral("<not loaded>");
    return model.data(index).toString();
}

} // namespace

class TestTransactionModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void emptyLedger();
    void loadsPagesOnDemand();
    void jumpToEndAndBack();
    void sorts_data();
    void sorts();
    void sortByCategory();
    void filtersAndSearch();
    void totals();
    void displayAndRawRoles();
    void editsThroughUndoStack();
    void invalidEditsChangeNothing();
    void addAndRemoveWithUndo();
    void outsideChangesRefresh();
    void locate();
    void idsForUnloadedRows();
    void userScoping();

private:
    QTranslator m_english;
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<TransactionRepository> m_transactions;
    std::unique_ptr<CategoryRepository> m_categories;
    qint64 m_alice = 0;
    qint64 m_bob = 0;

    void addMany(qint64 user, int count);
};

void TestTransactionModel::initTestCase()
{
    // English plural forms come from the English translation, as in the application.
    QVERIFY(m_english.load(QStringLiteral(":/i18n/moniagent_en.qm")));
    QCoreApplication::installTranslator(&m_english);
}

void TestTransactionModel::init()
{
    m_db = std::make_unique<TestDatabase>();
    m_transactions = std::make_unique<TransactionRepository>(m_db->database());
    m_categories = std::make_unique<CategoryRepository>(m_db->database());
    m_alice = m_db->createUser(QStringLiteral("alice"));
    m_bob = m_db->createUser(QStringLiteral("bob"));
    QVERIFY(m_alice && m_bob);
}

void TestTransactionModel::cleanup()
{
    m_transactions.reset();
    m_categories.reset();
    m_db.reset();
}

void TestTransactionModel::addMany(qint64 user, int count)
{
    const qint64 groceries = m_db->categoryId(user, QStringLiteral("Groceries"));
    const qint64 dining = m_db->categoryId(user, QStringLiteral("Dining & Drinks"));
    QList<Transaction> rows;
    for (int i = 0; i < count; ++i) {
        Transaction t
            = TestDatabase::expense(100 + (i * 37) % 9000, QStringLiteral("Shop %1").arg(i, 5, 10, QLatin1Char('0')),
                                    QDate(2020, 1, 1).addDays(i % 1500));
        t.categoryId = i % 3 == 0 ? std::optional<qint64>(groceries)
                                  : (i % 3 == 1 ? std::optional<qint64>(dining) : std::nullopt);
        if (i % 10 == 0)
            t.type = TransactionType::Income;
        rows << t;
    }
    QVERIFY(m_transactions->addMany(user, rows).ok());
}

void TestTransactionModel::emptyLedger()
{
    TransactionModel model(m_transactions.get(), m_categories.get(), m_alice);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.isLoading());
    QVERIFY(settle(model));
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), int(TransactionModel::ColumnCount));
    QCOMPARE(model.headerData(TransactionModel::AmountColumn, Qt::Horizontal).toString(), QStringLiteral("Amount"));
    QVERIFY(QTest::qWaitFor([&]() { return model.totalsKnown(); }));
    QCOMPARE(model.totals().count(), qint64(0));
}

void TestTransactionModel::loadsPagesOnDemand()
{
    addMany(m_alice, 2000);
    TransactionModel model(m_transactions.get(), m_categories.get(), m_alice);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(settle(model));
    QCOMPARE(model.rowCount(), 2000);
    // Rows far down are not loaded until asked for, then arrive with dataChanged.
    const QModelIndex far = model.index(1500, TransactionModel::MerchantColumn);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QCOMPARE(model.data(far, TransactionModel::LoadedRole).toBool(), false);
    QVERIFY(model.data(far).isNull());
    QVERIFY(QTest::qWaitFor([&]() { return model.data(far, TransactionModel::LoadedRole).toBool(); }));
    QVERIFY(!changed.isEmpty());
    QVERIFY(!model.data(far).toString().isEmpty());
    // Default order: newest first, ties by id.
    const auto expected = m_transactions->list(m_alice, {}, {}, 1, 1500);
    QCOMPARE(model.data(far, TransactionModel::IdRole).toLongLong(), expected->first().id);
}

void TestTransactionModel::jumpToEndAndBack()
{
    addMany(m_alice, 3000);
    TransactionModel model(m_transactions.get(), m_categories.get(), m_alice);
    QVERIFY(settle(model));
    const auto all = m_transactions->list(m_alice, {}, {}, 5000);
    QCOMPARE(all->size(), 3000);
    for (int r : {2999, 2900, 0, 1555, 128, 127, 2048}) {
        const QModelIndex index = model.index(r, 0);
        QVERIFY(QTest::qWaitFor([&]() { return model.data(index, TransactionModel::LoadedRole).toBool(); }));
        QCOMPARE(model.data(index, TransactionModel::IdRole).toLongLong(), all->at(r).id);
    }
}

void TestTransactionModel::sorts_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<int>("order");
    QTest::addColumn<int>("key");
    for (auto [column, key] : {std::pair {int(TransactionModel::DateColumn), int(TransactionSortKey::Date)},
                               std::pair {int(TransactionModel::MerchantColumn), int(TransactionSortKey::Merchant)},
                               std::pair {int(TransactionModel::AmountColumn), int(TransactionSortKey::Amount)}}) {
        QTest::addRow("column %d asc", column) << column << int(Qt::AscendingOrder) << key;
        QTest::addRow("column %d desc", column) << column << int(Qt::DescendingOrder) << key;
    }
}

void TestTransactionModel::sorts()
{
    QFETCH(int, column);
    QFETCH(int, order);
    QFETCH(int, key);
    addMany(m_alice, 700);
    TransactionModel model(m_transactions.get(), m_categories.get(), m_alice);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(settle(model));
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.sort(column, Qt::SortOrder(order));
    QVERIFY(settle(model));
    const bool isDefault = column == TransactionModel::DateColumn && order == Qt::DescendingOrder;
    QCOMPARE(reset.count(), isDefault ? 0 : 1);
    const auto expected = m_transactions->list(m_alice, {}, {TransactionSortKey(key), Qt::SortOrder(order)}, 1000);
    for (int r : {0, 1, 350, 699}) {
        const QModelIndex index = model.index(r, 0);
        QVERIFY(QTest::qWaitFor([&]() { return model.data(index, TransactionModel::LoadedRole).toBool(); }));
        QCOMPARE(model.data(index, TransactionModel::IdRole).toLongLong(), expected->at(r).id);
    }
    // Raw values are ordered as the sort says.
    const QModelIndex first = model.index(0, column);
    const QModelIndex last = model.index(699, column);
    if (key == int(TransactionSortKey::Amount)) {
        const qint64 a = model.data(first, TransactionModel::RawValueRole).toLongLong();
        const qint64 b = model.data(last, TransactionModel::RawValueRole).toLongLong();
        QVERIFY(order == Qt::AscendingOrder ? a <= b : a >= b);
    }
}

void TestTransactionModel::sortByCategory()
{
    addMany(m_alice, 600);
    TransactionModel model(m_transactions.get(), m_categories.get(), m_alice);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(settle(model));
    model.sort(TransactionModel::CategoryColumn, Qt::AscendingOrder);
    QVERIFY(settle(model));
    QCOMPARE(model.rowCount(), 600);
    // Uncategorized first, then categories by name ("Dining & Drinks" < "Groceries"), newest first inside each.
    QStringList seen;
    QDate previous;
    QString previousCategory;
    for (int r = 0; r < model.rowCount(); ++r) {
        const QModelIndex index = model.index(r, TransactionModel::CategoryColumn);
        QVERIFY(QTest::qWaitFor([&]() { return model.data(index, TransactionModel::LoadedRole).toBool(); }));
        const QString category = model.data(index).toString();
        const QDate date
            = model.data(model.index(r, TransactionModel::DateColumn), TransactionModel::RawValueRole).toDate();
        if (category != previousCategory) {
            QVERIFY2(!seen.contains(category), qPrintable(category));
            seen << category;
        } else {
            QVERIFY(date <= previous);
        }
        previous = date;
        previousCategory = category;
    }
    QCOMPARE(seen,
             (QStringList {QStringLiteral("Uncategorized"), QStringLiteral("Dining & Drinks"),
                           QStringLiteral("Groceries")}));
    model.sort(TransactionModel::CategoryColumn, Qt::DescendingOrder);
    QVERIFY(settle(model));
    QCOMPARE(model.data(model.index(0, TransactionModel::CategoryColumn)).toString(), QStringLiteral("Groceries"));
}

void TestTransactionModel::filtersAndSearch()
{
    addMany(m_alice, 900);
    Transaction special = TestDatabase::expense(4321, QStringLiteral("Zürich Bäckerei"), QDate(2021, 6, 1));
    special.notes = QStringLiteral("birthday cake");
    QVERIFY(m_transactions->add(m_alice, special).ok());
    TransactionModel model(m_transactions.get(), m_categories.get(), m_alice);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(settle(model));
    QCOMPARE(model.rowCount(), 901);

    TransactionFilter filter;
    filter.search = QStringLiteral("zurich cake");
    model.setFilter(filter);
    QVERIFY(settle(model));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(merchantAt(model, 0), QStringLiteral("Zürich Bäckerei"));

    filter = {};
    filter.categoryIds = {m_db->categoryId(m_alice, QStringLiteral("Groceries"))};
    model.setFilter(filter);
    QVERIFY(settle(model));
    QCOMPARE(model.rowCount(), int(*m_transactions->count(m_alice, filter)));
    QCOMPARE(model.rowCount(), 300);

    filter = {};
    filter.type = TransactionType::Income;
    filter.dates = {QDate(2020, 1, 1), QDate(2020, 12, 31)};
    model.setFilter(filter);
    QVERIFY(settle(model));
    QCOMPARE(model.rowCount(), int(*m_transactions->count(m_alice, filter)));
    QVERIFY(model.rowCount() > 0);
    for (int r = 0; r < model.rowCount(); ++r) {
        const QModelIndex index = model.index(r, 0);
        QVERIFY(QTest::qWaitFor([&]() { return model.data(index, TransactionModel::LoadedRole).toBool(); }));
        QCOMPARE(model.data(index, TransactionModel::TypeRole).toInt(), int(TransactionType::Income));
        QCOMPARE(model.data(index, TransactionModel::RawValueRole).toDate().year(), 2020);
    }
    filter.search = QStringLiteral("nothing-matches-this");
    model.setFilter(filter);
    QVERIFY(settle(model));
    QCOMPARE(model.rowCount(), 0);
}

void TestTransactionModel::totals()
{
    QVERIFY(m_transactions->add(m_alice, TestDatabase::expense(1250, QStringLiteral("a"), QDate(2024, 1, 1))).ok());
    QVERIFY(m_transactions->add(m_alice, TestDatabase::income(300000, QStringLiteral("b"), QDate(2024, 1, 2))).ok());
    QVERIFY(m_transactions->add(m_alice, TestDatabase::expense(500, QStringLiteral("c"), QDate(2024, 2, 1))).ok());
    TransactionModel model(m_transactions.get(), m_categories.get(), m_alice);
    QSignalSpy totalsChanged(&model, &TransactionModel::totalsChanged);
    QVERIFY(QTest::qWaitFor([&]() { return model.totalsKnown() && !model.isLoading(); }));
    const CurrencyTotals* eur = model.totals().find(QStringLiteral("EUR"));
    QVERIFY(eur);
    QCOMPARE(eur->expenseMinor, qint64(1750));
    QCOMPARE(eur->incomeMinor, qint64(300000));
    TransactionFilter january;
    january.dates = {QDate(2024, 1, 1), QDate(2024, 1, 31)};
    totalsChanged.clear();
    model.setFilter(january);
    QVERIFY(totalsChanged.wait(10000));
    QCOMPARE(model.totals().find(QStringLiteral("EUR"))->expenseMinor, qint64(1250));
}

void TestTransactionModel::displayAndRawRoles()
{
    Transaction t = TestDatabase::expense(123456, QStringLiteral("Apple Store"), QDate(2024, 3, 9));
    t.categoryId = m_db->categoryId(m_alice, QStringLiteral("Shopping"));
    t.categorizedBy = CategorizedBy::Rule;
    t.categoryConfidence = 0.9;
    t.description = QStringLiteral("APPLE STORE R123 MUNICH");
    CategorizationRule rule;
    rule.pattern = QStringLiteral("APPLE");
    rule.type = RuleType::Keyword;
    t.sourceMetadata.insert(CategorizationReason::MetadataKey, CategorizationReason::rule(rule));
    QVERIFY(m_transactions->add(m_alice, t).ok());
    TransactionModel model(m_transactions.get(), m_categories.get(), m_alice);
    model.setLocale(QLocale(QLocale::German, QLocale::Germany));
    QVERIFY(settle(model));
    const auto at = [&](int column, int role) {
        return model.data(model.index(0, column), role);
    };
    QCOMPARE(at(TransactionModel::AmountColumn, Qt::DisplayRole).toString(), QStringLiteral("-1.234,56\u00A0€"));
    QCOMPARE(at(TransactionModel::AmountColumn, TransactionModel::RawValueRole).toLongLong(), qint64(-123456));
    QCOMPARE(at(TransactionModel::AmountColumn, Qt::EditRole).toString(), QStringLiteral("-1.234,56"));
    QCOMPARE(at(TransactionModel::DateColumn, Qt::DisplayRole).toString(),
             QLocale(QLocale::German, QLocale::Germany).toString(QDate(2024, 3, 9), QLocale::ShortFormat));
    QCOMPARE(at(TransactionModel::DateColumn, TransactionModel::RawValueRole).toDate(), QDate(2024, 3, 9));
    QCOMPARE(at(TransactionModel::CategoryColumn, Qt::DisplayRole).toString(), QStringLiteral("Shopping"));
    QCOMPARE(at(TransactionModel::CategoryColumn, TransactionModel::CategoryIconRole).toString(),
             QStringLiteral("bag"));
    // How the category was set, then the reason the categorizer stored with it.
    const QString tip = at(TransactionModel::CategoryColumn, Qt::ToolTipRole).toString();
    QVERIFY2(tip.startsWith(QStringLiteral("Set by a rule")), qPrintable(tip));
    QVERIFY2(tip.endsWith(QStringLiteral("\nrule: contains “APPLE”")), qPrintable(tip));
    QCOMPARE(at(TransactionModel::MerchantColumn, Qt::ToolTipRole).toString(), t.description);
    QCOMPARE(at(TransactionModel::SourceColumn, Qt::DisplayRole).toString(), QStringLiteral("Manual"));
    QCOMPARE(at(0, TransactionModel::CurrencyRole).toString(), QStringLiteral("EUR"));
    QCOMPARE(at(0, TransactionModel::TransactionRole).value<Transaction>().merchant, t.merchant);
    QVERIFY(!(model.flags(model.index(0, TransactionModel::SourceColumn)) & Qt::ItemIsEditable));
    QVERIFY(model.flags(model.index(0, TransactionModel::AmountColumn)) & Qt::ItemIsEditable);
}

void TestTransactionModel::editsThroughUndoStack()
{
    const qint64 id
        = *m_transactions->add(m_alice, TestDatabase::expense(450, QStringLiteral("coffee"), QDate(2024, 1, 1)));
    QUndoStack stack;
    TransactionModel model(m_transactions.get(), m_categories.get(), m_alice);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setUndoStack(&stack);
    QVERIFY(settle(model));
    const qint64 dining = m_db->categoryId(m_alice, QStringLiteral("Dining & Drinks"));

    QVERIFY(model.setData(model.index(0, TransactionModel::CategoryColumn), dining));
    // The view sees the change at once, before the refresh confirms it.
    QCOMPARE(model.data(model.index(0, TransactionModel::CategoryColumn)).toString(),
             QStringLiteral("Dining & Drinks"));
    auto stored = m_transactions->find(m_alice, id);
    QCOMPARE(stored->categoryId, std::optional<qint64>(dining));
    QCOMPARE(stored->categorizedBy, CategorizedBy::User);
    QVERIFY(stored->confirmedByUser);

    QVERIFY(model.setData(model.index(0, TransactionModel::AmountColumn), QStringLiteral("+5.20")));
    stored = m_transactions->find(m_alice, id);
    QCOMPARE(stored->amount.minor(), qint64(520));
    QCOMPARE(stored->type, TransactionType::Income);
    QVERIFY(model.setData(model.index(0, TransactionModel::DateColumn), QDate(2024, 2, 2)));
    QVERIFY(model.setData(model.index(0, TransactionModel::NotesColumn), QStringLiteral("with Sam")));
    QCOMPARE(stack.count(), 4);
    QCOMPARE(stack.undoText(), QStringLiteral("Change notes of “coffee”"));

    stack.undo();
    stack.undo();
    stack.undo();
    stored = m_transactions->find(m_alice, id);
    QCOMPARE(stored->amount.minor(), qint64(450));
    QCOMPARE(stored->type, TransactionType::Expense);
    QCOMPARE(stored->occurredOn, QDate(2024, 1, 1));
    QCOMPARE(stored->categoryId, std::optional<qint64>(dining));
    stack.undo();
    QVERIFY(!m_transactions->find(m_alice, id)->categoryId);
    // The model follows the database after undo.
    QVERIFY(QTest::qWaitFor([&]() {
        return model.data(model.index(0, TransactionModel::CategoryColumn)).toString()
            == QStringLiteral("Uncategorized");
    }));
    stack.redo();
    QCOMPARE(m_transactions->find(m_alice, id)->categoryId, std::optional<qint64>(dining));
}

void TestTransactionModel::invalidEditsChangeNothing()
{
    const qint64 id
        = *m_transactions->add(m_alice, TestDatabase::expense(450, QStringLiteral("coffee"), QDate(2024, 1, 1)));
    QUndoStack stack;
    TransactionModel model(m_transactions.get(), m_categories.get(), m_alice);
    model.setUndoStack(&stack);
    QVERIFY(settle(model));
    QSignalSpy errors(&model, &TransactionModel::errorOccurred);
    QVERIFY(!model.setData(model.index(0, TransactionModel::AmountColumn), QStringLiteral("abc")));
    QVERIFY(!model.setData(model.index(0, TransactionModel::AmountColumn), QStringLiteral("0")));
    QVERIFY(!model.setData(model.index(0, TransactionModel::AmountColumn), QStringLiteral("USD 5")));
    QVERIFY(!model.setData(model.index(0, TransactionModel::DateColumn), QStringLiteral("31/31/31")));
    QVERIFY(!model.setData(model.index(0, TransactionModel::CategoryColumn), qint64(999999)));
    QVERIFY(!model.setData(model.index(0, TransactionModel::SourceColumn), QStringLiteral("api")));
    QCOMPARE(errors.count(), 4);
    QCOMPARE(stack.count(), 0);
    QCOMPARE(m_transactions->find(m_alice, id)->amount.minor(), qint64(450));
}

void TestTransactionModel::addAndRemoveWithUndo()
{
    addMany(m_alice, 300);
    QUndoStack stack;
    TransactionModel model(m_transactions.get(), m_categories.get(), m_alice);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setUndoStack(&stack);
    QVERIFY(settle(model));

    auto added = model.addTransaction(TestDatabase::expense(999, QStringLiteral("New one"), QDate(2030, 1, 1)));
    QVERIFY(added.ok());
    QVERIFY(QTest::qWaitFor([&]() { return model.rowCount() == 301 && !model.isLoading(); }));
    QCOMPARE(merchantAt(model, 0), QStringLiteral("New one")); // newest first
    const QString uuid = m_transactions->find(m_alice, *added)->uuid;
    stack.undo();
    QVERIFY(QTest::qWaitFor([&]() { return model.rowCount() == 300 && !model.isLoading(); }));
    QVERIFY(!m_transactions->find(m_alice, *added).ok());
    stack.redo();
    QVERIFY(QTest::qWaitFor([&]() { return model.rowCount() == 301 && !model.isLoading(); }));
    QCOMPARE(m_transactions->find(m_alice, *added)->uuid, uuid);

    auto ids = model.idsForRows({0, 1, 2});
    QVERIFY(ids.ok());
    QVERIFY(model.removeTransactions(*ids).ok());
    QCOMPARE(stack.undoText(), QStringLiteral("Delete 3 transactions"));
    QVERIFY(QTest::qWaitFor([&]() { return model.rowCount() == 298 && !model.isLoading(); }));
    stack.undo();
    QVERIFY(QTest::qWaitFor([&]() { return model.rowCount() == 301 && !model.isLoading(); }));
    QCOMPARE(*m_transactions->count(m_alice, {}), qint64(301));
}

void TestTransactionModel::outsideChangesRefresh()
{
    addMany(m_alice, 200);
    TransactionModel model(m_transactions.get(), m_categories.get(), m_alice);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(settle(model, 50));
    // A change through the repository (another view, an import) shows without anyone telling the model.
    Transaction first = *model.transactionAt(0);
    first.merchant = QStringLiteral("Renamed elsewhere");
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QVERIFY(m_transactions->update(m_alice, first).ok());
    QVERIFY(QTest::qWaitFor([&]() { return merchantAt(model, 0) == QStringLiteral("Renamed elsewhere"); }));
    QCOMPARE(reset.count(), 0); // same number of rows: updated in place
    // A change for another user is ignored.
    QVERIFY(m_transactions->add(m_bob, TestDatabase::expense(1, QStringLiteral("bob"), QDate(2024, 1, 1))).ok());
    QTest::qWait(50);
    QCOMPARE(model.rowCount(), 200);
    // A bulk insert changes the row count.
    addMany(m_alice, 10);
    QVERIFY(QTest::qWaitFor([&]() { return model.rowCount() == 210; }));
}

void TestTransactionModel::locate()
{
    addMany(m_alice, 1000);
    TransactionModel model(m_transactions.get(), m_categories.get(), m_alice);
    QVERIFY(settle(model));
    const auto expected = m_transactions->list(m_alice, {}, {}, 1, 777);
    QSignalSpy located(&model, &TransactionModel::located);
    model.locate(expected->first().id);
    QVERIFY(located.wait(10000));
    QCOMPARE(located.first().at(0).toLongLong(), expected->first().id);
    QCOMPARE(located.first().at(1).toInt(), 777);
    // Under a filter that hides it, the answer is -1.
    TransactionFilter filter;
    filter.search = QStringLiteral("nothing-like-this");
    model.setFilter(filter);
    QVERIFY(settle(model));
    located.clear();
    model.locate(expected->first().id);
    QVERIFY(located.wait(10000));
    QCOMPARE(located.first().at(1).toInt(), -1);
    // With the category sort too.
    model.setFilter({});
    model.sort(TransactionModel::CategoryColumn, Qt::AscendingOrder);
    QVERIFY(settle(model));
    located.clear();
    model.locate(expected->first().id);
    QVERIFY(located.wait(10000));
    const int row = located.first().at(1).toInt();
    const QModelIndex index = model.index(row, 0);
    QVERIFY(QTest::qWaitFor([&]() { return model.data(index, TransactionModel::LoadedRole).toBool(); }));
    QCOMPARE(model.data(index, TransactionModel::IdRole).toLongLong(), expected->first().id);
}

void TestTransactionModel::idsForUnloadedRows()
{
    addMany(m_alice, 1200);
    TransactionModel model(m_transactions.get(), m_categories.get(), m_alice);
    QVERIFY(settle(model));
    const auto all = m_transactions->list(m_alice, {}, {}, 2000);
    auto ids = model.idsForRows({0, 1, 900, 901, 902, 1199});
    QVERIFY(ids.ok());
    QCOMPARE(ids->size(), 6);
    for (int r : {0, 1, 900, 901, 902, 1199})
        QVERIFY(ids->contains(all->at(r).id));
}

void TestTransactionModel::userScoping()
{
    addMany(m_alice, 50);
    addMany(m_bob, 70);
    TransactionModel aliceModel(m_transactions.get(), m_categories.get(), m_alice);
    TransactionModel bobModel(m_transactions.get(), m_categories.get(), m_bob);
    QVERIFY(settle(aliceModel, 50));
    QVERIFY(settle(bobModel, 70));
    QCOMPARE(aliceModel.rowCount(), 50);
    QCOMPARE(bobModel.rowCount(), 70);
    for (int r = 0; r < bobModel.rowCount(); ++r)
        QCOMPARE(bobModel.transactionAt(r)->userId, m_bob);
    // Bob's model cannot delete Alice's rows even when handed their ids.
    const qint64 aliceId = aliceModel.transactionAt(0)->id;
    QVERIFY(!bobModel.removeTransactions({aliceId}).ok() || m_transactions->find(m_alice, aliceId).ok());
    QVERIFY(m_transactions->find(m_alice, aliceId).ok());
}

QTEST_GUILESS_MAIN(TestTransactionModel)
#include "tst_transactionmodel.moc"
