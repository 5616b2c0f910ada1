#include "common/messagebox.h"
#include "dialogs/categoriesdialog.h"
#include "dialogs/categoryeditdialog.h"
#include "dialogs/firstrundialog.h"
#include "dialogs/reassigndialog.h"
#include "guitest.h"
#include "i18n/translations.h"
#include "itemmodels/categorymodel.h"
#include "itemmodels/transactionmodel.h"
#include "ledger/filterbar.h"
#include "ledger/ledgerpage.h"
#include "ledger/ledgerview.h"
#include "ledger/quickentrywidget.h"
#include "mainwindow.h"
#include "session/session.h"
#include "testdatabase.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

using namespace Moniagent;
using Moniagent::Test::screenshot;
using Moniagent::Test::settled;

namespace { } // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void quickEntryEditCategoryUndo();
    void quickEntryRefusesWhatItCannotRead();
    void filtersAndTotals();
    void deleteWithUndo();
    void categoriesEditor();
    void remembersWindowState();
    void firstRunDialog();

private:
    Translations m_translations;
    std::unique_ptr<Test::ManualClock> m_clock;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<MainWindow> m_window;
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("MoniagentTest"));
    QCoreApplication::setApplicationName(QStringLiteral("MoniagentGuiTest"));
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    m_translations.install(QLocale(QLocale::English, QLocale::UnitedStates)); // as the application does
}

void TestMainWindow::init()
{
    QSettings().clear();
    // Sunday 22 November 2026, noon.
    m_clock = std::make_unique<Test::ManualClock>();
    m_dir = std::make_unique<QTemporaryDir>();
    auto session = Test::openSamSession(m_dir->filePath(QStringLiteral("moniagent.sqlite")), *m_clock);
    QVERIFY(session.ok());
    m_session = std::move(*session);
    m_window = std::make_unique<MainWindow>(m_session.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY(settled(m_window->ledgerModel()));
}

void TestMainWindow::cleanup()
{
    m_window.reset();
    m_session.reset();
    m_dir.reset();
}

void TestMainWindow::quickEntryEditCategoryUndo()
{
    MainWindow* window = m_window.get();
    TransactionModel* model = window->ledgerModel();
    QuickEntryWidget* entry = window->ledgerPage()->quickEntry();
    LedgerView* view = window->ledgerPage()->view();
    QCOMPARE(model->rowCount(), 0);
    screenshot(window, QStringLiteral("01-empty"));

    // Type the way a person does; the preview says what will be saved.
    QTest::keyClick(window, Qt::Key_N, Qt::ControlModifier); // File › Quick Add
    QVERIFY(entry->lineEdit()->hasFocus());
    QTest::keyClicks(entry->lineEdit(), QStringLiteral("coffee 4.50 yesterday"));
    QVERIFY2(entry->previewText().contains(QStringLiteral("$4.50")), qPrintable(entry->previewText()));
    QVERIFY(entry->previewText().contains(QStringLiteral("Coffee")));
    screenshot(window, QStringLiteral("02-quick-entry-preview"));
    QTest::keyClick(entry->lineEdit(), Qt::Key_Return);
    QVERIFY(entry->lineEdit()->text().isEmpty());

    // It is in the database, as typed…
    auto stored = m_session->transactions()->list(m_session->userId(), {}, {}, 10);
    QVERIFY(stored.ok());
    QCOMPARE(stored->size(), 1);
    const Transaction added = stored->first();
    QCOMPARE(added.amount, Money::fromMinor(450, u"USD"));
    QCOMPARE(added.type, TransactionType::Expense);
    QCOMPARE(added.occurredOn, QDate(2026, 11, 21));
    QCOMPARE(added.merchant, QStringLiteral("Coffee"));
    QCOMPARE(added.source, TransactionSource::Text);
    QCOMPARE(added.sourceMetadata.value(QStringLiteral("text")).toString(), QStringLiteral("coffee 4.50 yesterday"));
    // … and in the ledger.
    QVERIFY(QTest::qWaitFor([&]() { return model->rowCount() == 1 && !model->isLoading(); }));
    QVERIFY(settled(model));
    QCOMPARE(model->data(model->index(0, TransactionModel::AmountColumn)).toString(), QStringLiteral("-$4.50"));

    // It arrived categorized by the categorizer (built-in knowledge of coffee), not yet confirmed.
    QVERIFY(added.categoryId.has_value());
    QVERIFY(added.categorizedBy == CategorizedBy::Model || added.categorizedBy == CategorizedBy::Rule);
    QVERIFY(!added.confirmedByUser);

    // Change its category in the table, with the category editor.
    const QModelIndex categoryCell = model->index(0, TransactionModel::CategoryColumn);
    view->setCurrentIndex(categoryCell);
    view->edit(categoryCell);
    auto* combo = view->findChild<QComboBox*>(QStringLiteral("categoryEditor"));
    QVERIFY(combo);
    const int shopping = combo->findText(QStringLiteral("Shopping"));
    QVERIFY(shopping > 0);
    QVERIFY(combo->findText(QStringLiteral("Salary")) < 0); // income categories are not offered for an expense
    combo->setCurrentIndex(shopping);
    Q_EMIT combo->activated(shopping);
    const qint64 shoppingId = combo->itemData(shopping, CategoryModel::IdRole).toLongLong();
    QVERIFY(QTest::qWaitFor([&]() { return !view->findChild<QComboBox*>(QStringLiteral("categoryEditor")); }));
    auto after = m_session->transactions()->find(m_session->userId(), added.id);
    QCOMPARE(after->categoryId, std::optional<qint64>(shoppingId));
    QCOMPARE(after->categorizedBy, CategorizedBy::User);
    QVERIFY(after->confirmedByUser);
    QVERIFY(QTest::qWaitFor([&]() { return categoryCell.data().toString() == QStringLiteral("Shopping"); }));
    screenshot(window, QStringLiteral("03-categorized"));

    // Undo restores the category, a second undo removes the transaction; redo brings both back.
    QAction* undo = window->findChild<QAction*>(QStringLiteral("undoAction"));
    QAction* redo = window->findChild<QAction*>(QStringLiteral("redoAction"));
    QVERIFY(undo && redo);
    QVERIFY(undo->text().contains(QStringLiteral("category")));
    undo->trigger();
    const auto undone = m_session->transactions()->find(m_session->userId(), added.id);
    QCOMPARE(undone->categoryId, added.categoryId); // the suggestion it arrived with
    QVERIFY(!undone->confirmedByUser);
    QVERIFY(QTest::qWaitFor([&]() {
        return model->index(0, TransactionModel::CategoryColumn).data().toString() != QStringLiteral("Shopping");
    }));
    undo->trigger();
    QVERIFY(!m_session->transactions()->find(m_session->userId(), added.id).ok());
    QVERIFY(QTest::qWaitFor([&]() { return model->rowCount() == 0; }));
    redo->trigger();
    redo->trigger();
    after = m_session->transactions()->find(m_session->userId(), added.id);
    QVERIFY(after.ok());
    QCOMPARE(after->uuid, added.uuid);
    QCOMPARE(after->categoryId, std::optional<qint64>(shoppingId));
}

void TestMainWindow::quickEntryRefusesWhatItCannotRead()
{
    QuickEntryWidget* entry = m_window->ledgerPage()->quickEntry();
    entry->lineEdit()->setFocus();
    QTest::keyClicks(entry->lineEdit(), QStringLiteral("coffee yesterday"));
    QVERIFY2(entry->previewText().contains(QStringLiteral("amount")), qPrintable(entry->previewText()));
    auto* add = m_window->findChild<QPushButton*>(QStringLiteral("quickEntryAdd"));
    QVERIFY(!add->isEnabled());
    QTest::keyClick(entry->lineEdit(), Qt::Key_Return);
    QCOMPARE(entry->lineEdit()->text(), QStringLiteral("coffee yesterday")); // kept for fixing
    QCOMPARE(*m_session->transactions()->count(m_session->userId(), {}), qint64(0));
    screenshot(m_window.get(), QStringLiteral("04-quick-entry-error"));
}

void TestMainWindow::filtersAndTotals()
{
    TransactionRepository* repo = m_session->transactions();
    const qint64 user = m_session->userId();
    QVERIFY(repo->add(user,
                      Test::TestDatabase::income(320000, QStringLiteral("ACME Payroll"), QDate(2026, 11, 1),
                                                 QStringLiteral("USD")))
                .ok());
    QVERIFY(repo->add(user,
                      Test::TestDatabase::expense(145000, QStringLiteral("Landlord"), QDate(2026, 11, 1),
                                                  QStringLiteral("USD")))
                .ok());
    QVERIFY(repo->add(user,
                      Test::TestDatabase::expense(6320, QStringLiteral("Whole Foods"), QDate(2026, 10, 28),
                                                  QStringLiteral("USD")))
                .ok());
    QVERIFY(repo->add(user,
                      Test::TestDatabase::expense(990, QStringLiteral("Café Lisboa"), QDate(2026, 9, 3),
                                                  QStringLiteral("EUR")))
                .ok());
    TransactionModel* model = m_window->ledgerModel();
    QVERIFY(QTest::qWaitFor([&]() { return model->rowCount() == 4 && !model->isLoading(); }));
    QLabel* totals = m_window->totalsLabel();
    QVERIFY(QTest::qWaitFor([&]() { return totals->text().contains(QStringLiteral("$3,200.00")); }));
    QVERIFY(totals->text().contains(QStringLiteral("-$1,513.20")));
    QVERIFY(totals->text().contains(QStringLiteral("$1,686.80")));
    QVERIFY(totals->text().contains(QStringLiteral("other currency"))); // euros are not added to dollars
    QVERIFY(totals->toolTip().contains(QStringLiteral("EUR")));
    screenshot(m_window.get(), QStringLiteral("05-ledger"));

    // Search (accent-insensitive) through the filter bar.
    FilterBar* filters = m_window->ledgerPage()->filterBar();
    QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier);
    QVERIFY(filters->searchField()->hasFocus());
    QTest::keyClicks(filters->searchField(), QStringLiteral("cafe"));
    QVERIFY(QTest::qWaitFor([&]() { return model->rowCount() == 1 && !model->isLoading(); }));
    QVERIFY(settled(model));
    QCOMPARE(model->data(model->index(0, TransactionModel::MerchantColumn)).toString(), QStringLiteral("Café Lisboa"));
    QVERIFY(QTest::qWaitFor([&]() { return totals->text().contains(QStringLiteral("€")); }));

    // Period: this month.
    filters->clear();
    auto* period = m_window->findChild<QComboBox*>(QStringLiteral("periodFilter"));
    period->setCurrentIndex(period->findText(QStringLiteral("This month")));
    QVERIFY(QTest::qWaitFor([&]() { return model->rowCount() == 2 && !model->isLoading(); }));
    // Type: income only.
    auto* type = m_window->findChild<QComboBox*>(QStringLiteral("typeFilter"));
    type->setCurrentIndex(type->findText(QStringLiteral("Income")));
    QVERIFY(QTest::qWaitFor([&]() { return model->rowCount() == 1 && !model->isLoading(); }));
    QVERIFY(settled(model));
    QCOMPARE(model->data(model->index(0, TransactionModel::MerchantColumn)).toString(), QStringLiteral("ACME Payroll"));
    screenshot(m_window.get(), QStringLiteral("06-filtered"));

    // Sorting by clicking the Amount header: the biggest expense first.
    filters->clear();
    QVERIFY(QTest::qWaitFor([&]() { return model->rowCount() == 4 && !model->isLoading(); }));
    auto* view = m_window->ledgerPage()->view();
    view->sortByColumn(TransactionModel::AmountColumn, Qt::AscendingOrder);
    QVERIFY(
        QTest::qWaitFor([&]() { return model->sortOrder().key == TransactionSortKey::Amount && !model->isLoading(); }));
    QVERIFY(settled(model));
    QCOMPARE(model->data(model->index(0, TransactionModel::MerchantColumn)).toString(), QStringLiteral("Landlord"));
}

void TestMainWindow::deleteWithUndo()
{
    TransactionRepository* repo = m_session->transactions();
    const qint64 user = m_session->userId();
    for (int i = 0; i < 5; ++i)
        QVERIFY(repo->add(user,
                          Test::TestDatabase::expense(100 + i, QStringLiteral("Shop %1").arg(i), QDate(2026, 11, 1 + i),
                                                      QStringLiteral("USD")))
                    .ok());
    TransactionModel* model = m_window->ledgerModel();
    QVERIFY(QTest::qWaitFor([&]() { return model->rowCount() == 5 && !model->isLoading(); }));
    QVERIFY(settled(model));
    LedgerView* view = m_window->ledgerPage()->view();
    view->setFocus();
    view->selectionModel()->select(
        QItemSelection(model->index(1, 0), model->index(2, TransactionModel::ColumnCount - 1)),
        QItemSelectionModel::ClearAndSelect);
    QTest::keyClick(view, Qt::Key_Delete);
    QCOMPARE(*repo->count(user, {}), qint64(3));
    QVERIFY(QTest::qWaitFor([&]() { return model->rowCount() == 3; }));
    QCOMPARE(m_window->undoStack()->undoText(), QStringLiteral("Delete 2 transactions"));
    m_window->findChild<QAction*>(QStringLiteral("undoAction"))->trigger();
    QCOMPARE(*repo->count(user, {}), qint64(5));
    QVERIFY(QTest::qWaitFor([&]() { return model->rowCount() == 5; }));
}

void TestMainWindow::categoriesEditor()
{
    const qint64 user = m_session->userId();
    CategoriesDialog dialog(m_session.get(), m_window.get());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTableView* view = dialog.view();
    QCOMPARE(view->model()->rowCount(), 30);
    screenshot(&dialog, QStringLiteral("07-categories"));

    // A default category cannot be deleted.
    view->selectRow(0);
    QVERIFY(!dialog.findChild<QPushButton*>(QStringLiteral("deleteCategory"))->isEnabled());

    // Add "Hobbies" through the edit dialog.
    QTimer::singleShot(0, this, [&]() {
        auto* edit = qobject_cast<CategoryEditDialog*>(QApplication::activeModalWidget());
        QVERIFY(edit);
        auto* name = edit->findChild<QLineEdit*>(QStringLiteral("categoryName"));
        QTest::keyClicks(name, QStringLiteral("Hobbies"));
        auto* icons = edit->findChild<QListWidget*>(QStringLiteral("categoryIcons"));
        icons->setCurrentRow(icons->count() - 3);
        screenshot(edit, QStringLiteral("08-category-edit"));
        edit->accept();
    });
    dialog.addCategory();
    auto hobbies = m_session->categories()->findByName(user, QStringLiteral("Hobbies"));
    QVERIFY(hobbies.ok());
    QVERIFY(!hobbies->isSystem);
    QCOMPARE(view->model()->rowCount(), 31);

    // Use it, then delete it and move its transactions to Shopping.
    Transaction t
        = Test::TestDatabase::expense(2599, QStringLiteral("Model kit"), QDate(2026, 11, 20), QStringLiteral("USD"));
    t.categoryId = hobbies->id;
    const qint64 id = *m_session->transactions()->add(user, t);
    view->selectRow(static_cast<CategoryModel*>(view->model())->rowOf(hobbies->id));
    QVERIFY(dialog.findChild<QPushButton*>(QStringLiteral("deleteCategory"))->isEnabled());
    const qint64 shopping = m_session->categories()->findByName(user, QStringLiteral("Shopping"))->id;
    QTimer::singleShot(0, this, [&]() {
        auto* ask = qobject_cast<ReassignDialog*>(QApplication::activeModalWidget());
        QVERIFY(ask);
        auto* target = ask->findChild<QComboBox*>(QStringLiteral("reassignTarget"));
        target->setCurrentIndex(target->findText(QStringLiteral("Shopping")));
        screenshot(ask, QStringLiteral("09-reassign"));
        ask->findChild<QPushButton*>(QStringLiteral("confirmDelete"))->click();
    });
    dialog.deleteCurrent();
    QVERIFY(!m_session->categories()->findByName(user, QStringLiteral("Hobbies")).ok());
    QCOMPARE(m_session->transactions()->find(user, id)->categoryId, std::optional<qint64>(shopping));
    QCOMPARE(view->model()->rowCount(), 30);
}

void TestMainWindow::remembersWindowState()
{
    m_window->resize(1000, 640);
    LedgerView* view = m_window->ledgerPage()->view();
    view->setColumnHidden(TransactionModel::NotesColumn, true);
    m_window->close();
    m_window = std::make_unique<MainWindow>(m_session.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QCOMPARE(m_window->size(), QSize(1000, 640));
    QVERIFY(m_window->ledgerPage()->view()->isColumnHidden(TransactionModel::NotesColumn));
}

void TestMainWindow::firstRunDialog()
{
    FirstRunDialog dialog(QString(), QStringLiteral("JPY"));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto* empty = dialog.findChild<QPushButton*>(QStringLiteral("startEmpty"));
    auto* demo = dialog.findChild<QPushButton*>(QStringLiteral("startDemo"));
    QVERIFY(!empty->isEnabled() && !demo->isEnabled()); // a profile needs a name
    QCOMPARE(dialog.currency(), QStringLiteral("JPY"));
    QTest::keyClicks(dialog.findChild<QLineEdit*>(QStringLiteral("profileName")), QStringLiteral("  Ana "));
    QVERIFY(empty->isEnabled() && demo->isEnabled());
    screenshot(&dialog, QStringLiteral("10-first-run"));
    demo->click();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.choice(), FirstRunDialog::Choice::Demo);
    QCOMPARE(dialog.profileName(), QStringLiteral("Ana"));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
