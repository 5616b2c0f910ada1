#include "budget/budgetalertmonitor.h"
#include "budgets/budgeteditdialog.h"
#include "budgets/budgetspage.h"
#include "budgets/budgetstatusmodel.h"
#include "budgets/notificationsbutton.h"
#include "budgets/notificationspopup.h"
#include "common/messagebox.h"
#include "core/notificationpreferences.h"
#include "dashboard/dashboardpage.h"
#include "dialogs/settingsdialog.h"
#include "guitest.h"
#include "i18n/translations.h"
#include "ledger/filterbar.h"
#include "ledger/ledgerpage.h"
#include "ledger/quickentrywidget.h"
#include "mainwindow.h"
#include "testdatabase.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Moniagent;
using Test::screenshot;

// The whole budget story in the main window: a budget created from the File menu, expenses typed into quick
// entry pushing it past 80 % and 100 %, the alerts arriving in the status bar and the bell, the budget row
// changing, a click on an alert opening the budget, the ledger showing what a budget counted, preferences
// silencing warnings, and a restart staying quiet.
class TestBudgetAlerts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void budgetAlertsFromTypingExpenses();
    void preferencesSilenceWarnings();
    void pagesAndTheLedgerFilterTheyAskFor();
    void mutedBudgetStaysQuiet();
    void undoingADeletionDoesNotAlertAgain();

private:
    void openWindow();
    void type(const QString& text);
    BudgetStatusModel* budgetModel() const { return m_window->budgetsPage()->model(); }
    int rowOf(qint64 budgetId) const;
    BudgetState stateOf(qint64 budgetId) const;
    qint64 createGroceriesBudget(const QString& amount);

    Translations m_translations;
    std::unique_ptr<Test::ManualClock> m_clock;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<MainWindow> m_window;
};

void TestBudgetAlerts::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("MoniagentTest"));
    QCoreApplication::setApplicationName(QStringLiteral("MoniagentBudgetAlertsTest"));
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    m_translations.install(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestBudgetAlerts::init()
{
    QSettings().clear();
    m_clock = std::make_unique<Test::ManualClock>(); // Sunday 22 November 2026, noon
    m_dir = std::make_unique<QTemporaryDir>();
    auto session = Test::openSamSession(m_dir->filePath(QStringLiteral("moniagent.sqlite")), *m_clock);
    QVERIFY(session.ok());
    m_session = std::move(*session);
    openWindow();
}

void TestBudgetAlerts::cleanup()
{
    m_window.reset();
    m_session.reset();
    m_dir.reset();
}

void TestBudgetAlerts::openWindow()
{
    m_window = std::make_unique<MainWindow>(m_session.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY(Test::settled(m_window->ledgerModel()));
    QSignalSpy checked(m_window->budgetMonitor(), &BudgetAlertMonitor::checked);
    QVERIFY(checked.wait(5000) || !m_window->budgetMonitor()->isChecking());
}

void TestBudgetAlerts::type(const QString& text)
{
    m_window->activateWindow(); // after a dialog closed
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QTest::keyClick(m_window.get(), Qt::Key_N, Qt::ControlModifier); // File › Quick Add, from any page
    QuickEntryWidget* entry = m_window->ledgerPage()->quickEntry();
    QCOMPARE(m_window->pages()->currentWidget(), m_window->ledgerPage());
    QVERIFY(entry->lineEdit()->hasFocus());
    QTest::keyClicks(entry->lineEdit(), text);
    QTest::keyClick(entry->lineEdit(), Qt::Key_Return);
    QVERIFY2(entry->lineEdit()->text().isEmpty(), qPrintable(entry->previewText()));
}

int TestBudgetAlerts::rowOf(qint64 budgetId) const
{
    for (int row = 0; row < budgetModel()->rowCount(); ++row) {
        if (budgetModel()->index(row, 0).data(BudgetStatusModel::BudgetIdRole).toLongLong() == budgetId)
            return row;
    }
    return -1;
}

BudgetState TestBudgetAlerts::stateOf(qint64 budgetId) const
{
    const int row = rowOf(budgetId);
    return row < 0 ? BudgetState::Ok
                   : BudgetState(budgetModel()->index(row, 0).data(BudgetStatusModel::StateRole).toInt());
}

qint64 TestBudgetAlerts::createGroceriesBudget(const QString& amount)
{
    QAction* newBudget = m_window->findChild<QAction*>(QStringLiteral("newBudgetAction"));
    if (!newBudget)
        return 0;
    newBudget->trigger();
    BudgetEditDialog* dialog = m_window->budgetsPage()->editDialog();
    if (!dialog || !QTest::qWaitForWindowExposed(dialog))
        return 0;
    if (m_window->pages()->currentWidget() != m_window->budgetsPage())
        return 0;
    auto* category = dialog->findChild<QComboBox*>(QStringLiteral("budgetCategory"));
    auto* edit = dialog->findChild<QLineEdit*>(QStringLiteral("budgetAmount"));
    auto* buttons = dialog->findChild<QDialogButtonBox*>(QStringLiteral("buttons"));
    if (!category || !edit || !buttons || category->findText(QStringLiteral("Groceries")) < 0)
        return 0;
    category->setCurrentIndex(category->findText(QStringLiteral("Groceries")));
    QTest::keyClicks(edit, amount);
    screenshot(dialog, QStringLiteral("alerts-01-new-budget"));
    QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
    const qint64 groceries = m_session->categories()->findByName(m_session->userId(), QStringLiteral("Groceries"))->id;
    auto stored = m_session->budgets()->findForCategory(m_session->userId(), groceries);
    return stored.ok() && stored->has_value() ? (*stored)->id : 0;
}

void TestBudgetAlerts::budgetAlertsFromTypingExpenses()
{
    QSignalSpy raised(m_window->budgetMonitor(), &BudgetAlertMonitor::alertRaised);
    NotificationsButton* bell = m_window->notificationsButton();
    QVERIFY(bell->isVisible());
    const qint64 budget = createGroceriesBudget(QStringLiteral("100"));
    QVERIFY(budget);
    QVERIFY(QTest::qWaitFor([&]() { return rowOf(budget) >= 0; }));
    QCOMPARE(stateOf(budget), BudgetState::Ok);

    // 79 % is quiet; 85 % warns.
    type(QStringLiteral("Fresh market 79 #groceries"));
    QVERIFY(QTest::qWaitFor([&]() { return !m_window->budgetMonitor()->isChecking(); }));
    QTest::qWait(400); // longer than the monitor's debounce: nothing may come
    QVERIFY(QTest::qWaitFor([&]() { return !m_window->budgetMonitor()->isChecking(); }));
    QCOMPARE(raised.size(), 0);
    type(QStringLiteral("Fresh market 6 #groceries"));
    QVERIFY(raised.wait(5000));
    QCOMPARE(raised.size(), 1);
    const auto warning = raised.at(0).at(0).value<RaisedAlert>();
    QCOMPARE(warning.alert.level, BudgetAlertLevel::Warning);
    QCOMPARE(warning.alert.budgetId, budget);
    QVERIFY2(m_window->statusBar()->currentMessage().contains(QStringLiteral("Groceries: 85% of the monthly budget")),
             qPrintable(m_window->statusBar()->currentMessage()));
    QVERIFY(QTest::qWaitFor([&]() { return bell->unreadCount() == 1; }));
    QCOMPARE(bell->badgeText(), QStringLiteral("1"));

    // Over the limit: exceeded, once.
    type(QStringLiteral("Fresh market 20 #groceries"));
    QVERIFY(raised.wait(5000));
    QCOMPARE(raised.size(), 2);
    QCOMPARE(raised.at(1).at(0).value<RaisedAlert>().alert.level, BudgetAlertLevel::Exceeded);
    QVERIFY2(m_window->statusBar()->currentMessage().contains(QStringLiteral("$5.00 over")),
             qPrintable(m_window->statusBar()->currentMessage()));
    QVERIFY(QTest::qWaitFor([&]() { return bell->unreadCount() == 2; }));
    type(QStringLiteral("Fresh market 3 #groceries"));
    QTest::qWait(400);
    QVERIFY(QTest::qWaitFor([&]() { return !m_window->budgetMonitor()->isChecking(); }));
    QCOMPARE(raised.size(), 2);

    // The budget row shows it.
    m_window->pages()->setCurrentWidget(m_window->budgetsPage());
    QVERIFY(QTest::qWaitFor([&]() { return stateOf(budget) == BudgetState::Exceeded; }));
    QCOMPARE(budgetModel()->index(rowOf(budget), BudgetStatusModel::SpentColumn).data().toString(),
             QStringLiteral("$108.00 of $100.00"));
    screenshot(m_window.get(), QStringLiteral("alerts-02-exceeded"));

    // A click on the exceeded alert opens its budget.
    m_window->pages()->setCurrentWidget(m_window->ledgerPage());
    QTest::mouseClick(bell, Qt::LeftButton);
    NotificationsPopup* popup = bell->popup();
    QVERIFY(QTest::qWaitForWindowExposed(popup));
    auto* list = popup->findChild<QListView*>(QStringLiteral("notificationsList"));
    QVERIFY(list);
    QVERIFY(QTest::qWaitFor([&]() { return list->model()->rowCount() == 2; }));
    screenshot(popup, QStringLiteral("alerts-03-bell"));
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(list->model()->index(0, 0)).center());
    QCOMPARE(m_window->pages()->currentWidget(), m_window->budgetsPage());
    QCOMPARE(m_window->budgetsPage()->currentBudgetId(), std::optional<qint64>(budget));
    QVERIFY(QTest::qWaitFor([&]() { return bell->unreadCount() == 1; }));

    // Show Transactions: the ledger narrowed to November's groceries.
    m_window->budgetsPage()->showTransactionsAction()->trigger();
    QCOMPARE(m_window->pages()->currentWidget(), m_window->ledgerPage());
    const TransactionFilter filter = m_window->ledgerPage()->filterBar()->filter();
    QCOMPARE(filter.dates, (DateRange {QDate(2026, 11, 1), QDate(2026, 11, 30)}));
    QCOMPARE(filter.type, std::optional<TransactionType>(TransactionType::Expense));
    QCOMPARE(filter.categoryIds.size(), 1);
    QVERIFY(QTest::qWaitFor([&]() { return m_window->ledgerModel()->rowCount() == 4; }));
    screenshot(m_window.get(), QStringLiteral("alerts-04-ledger"));

    // A restart raises nothing again.
    m_window.reset();
    openWindow();
    QSignalSpy again(m_window->budgetMonitor(), &BudgetAlertMonitor::alertRaised);
    m_window->budgetMonitor()->scheduleCheck();
    QSignalSpy checked(m_window->budgetMonitor(), &BudgetAlertMonitor::checked);
    QVERIFY(checked.wait(5000));
    QCOMPARE(again.size(), 0);
    QVERIFY(QTest::qWaitFor([&]() { return m_window->notificationsButton()->unreadCount() == 1; }));
}

void TestBudgetAlerts::preferencesSilenceWarnings()
{
    bool changed = false;
    QTimer::singleShot(0, this, [&]() {
        auto* dialog = qobject_cast<SettingsDialog*>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        // A failed check below returns early: close the dialog anyway so the test does not hang.
        const auto closer = qScopeGuard([dialog, &changed]() {
            if (!changed)
                dialog->reject();
        });
        auto* warnings = dialog->findChild<QCheckBox*>(QStringLiteral("budgetWarnings"));
        auto* exceeded = dialog->findChild<QCheckBox*>(QStringLiteral("budgetExceeded"));
        QVERIFY(warnings && exceeded);
        QVERIFY(warnings->isChecked() && exceeded->isChecked());
        auto* tabs = dialog->findChild<QTabWidget*>(QStringLiteral("settingsTabs"));
        QVERIFY(tabs);
        tabs->setCurrentIndex(tabs->count() - 1); // Notifications
        QCOMPARE(tabs->tabText(tabs->currentIndex()), QStringLiteral("&Notifications"));
        QVERIFY(warnings->isVisible());
        QTest::mouseClick(warnings, Qt::LeftButton, {}, QPoint(8, warnings->height() / 2));
        QVERIFY(!warnings->isChecked());
        screenshot(dialog, QStringLiteral("alerts-05-settings"));
        changed = true;
        dialog->accept();
    });
    m_window->showSettings();
    QVERIFY(changed);

    QSignalSpy raised(m_window->budgetMonitor(), &BudgetAlertMonitor::alertRaised);
    const qint64 budget = createGroceriesBudget(QStringLiteral("100"));
    QVERIFY(budget);
    type(QStringLiteral("Fresh market 90 #groceries"));
    QVERIFY(QTest::qWaitFor([&]() { return stateOf(budget) == BudgetState::Warning; }));
    QTest::qWait(400);
    QVERIFY(QTest::qWaitFor([&]() { return !m_window->budgetMonitor()->isChecking(); }));
    QCOMPARE(raised.size(), 0); // recorded, silently
    QCOMPARE(*m_session->budgetAlerts()->unseenCount(m_session->userId()), qint64(0));
    type(QStringLiteral("Fresh market 20 #groceries"));
    QVERIFY(raised.wait(5000));
    QCOMPARE(raised.at(0).at(0).value<RaisedAlert>().alert.level, BudgetAlertLevel::Exceeded);
    QVERIFY(QTest::qWaitFor([&]() { return m_window->notificationsButton()->unreadCount() == 1; }));
}

void TestBudgetAlerts::pagesAndTheLedgerFilterTheyAskFor()
{
    // Ctrl+1…3 switch pages; the dashboard is the third.
    QTest::keyClick(m_window.get(), Qt::Key_3, Qt::ControlModifier);
    QCOMPARE(m_window->pages()->currentWidget(), m_window->dashboardPage());
    QTest::keyClick(m_window.get(), Qt::Key_2, Qt::ControlModifier);
    QCOMPARE(m_window->pages()->currentWidget(), m_window->budgetsPage());

    // A chart's "others": several categories and the uncategorized rows, in a date range, expenses only.
    const qint64 groceries = m_session->categories()->findByName(m_session->userId(), QStringLiteral("Groceries"))->id;
    const qint64 transport
        = m_session->categories()->findByName(m_session->userId(), QStringLiteral("Transport & Car"))->id;
    for (const auto& [category, minor] : {std::pair {groceries, 1000}, std::pair {transport, 2000}}) {
        Transaction t = Test::TestDatabase::expense(minor, QStringLiteral("Shop"), QDate(2026, 11, 3), u"USD"_qs);
        t.categoryId = category;
        QVERIFY(m_session->transactions()->add(m_session->userId(), t).ok());
    }
    QVERIFY(m_session->transactions()
                ->add(m_session->userId(),
                      Test::TestDatabase::expense(3000, QStringLiteral("Kiosk"), QDate(2026, 11, 4), u"USD"_qs))
                .ok());
    QVERIFY(m_session->transactions()
                ->add(m_session->userId(),
                      Test::TestDatabase::expense(4000, QStringLiteral("Kiosk"), QDate(2026, 10, 4), u"USD"_qs))
                .ok());
    TransactionFilter others;
    others.dates = {QDate(2026, 11, 1), QDate(2026, 11, 30)};
    others.categoryIds = {groceries, transport};
    others.uncategorized = true;
    others.type = TransactionType::Expense;
    m_window->showLedger(others);
    QCOMPARE(m_window->pages()->currentWidget(), m_window->ledgerPage());
    FilterBar* bar = m_window->ledgerPage()->filterBar();
    QCOMPARE(bar->filter(), others);
    QCOMPARE(bar->findChild<QComboBox*>(QStringLiteral("categoryFilter"))->currentText(),
             QStringLiteral("3 categories"));
    QVERIFY(QTest::qWaitFor([&]() { return m_window->ledgerModel()->rowCount() == 3; }));
    screenshot(m_window.get(), QStringLiteral("alerts-06-ledger-others"));
    // Clearing the filters forgets the group.
    bar->clear();
    QCOMPARE(bar->filter(), TransactionFilter());
    QCOMPARE(bar->findChild<QComboBox*>(QStringLiteral("categoryFilter"))->findData(-2), -1);
    QVERIFY(QTest::qWaitFor([&]() { return m_window->ledgerModel()->rowCount() == 4; }));
}

void TestBudgetAlerts::mutedBudgetStaysQuiet()
{
    QSignalSpy raised(m_window->budgetMonitor(), &BudgetAlertMonitor::alertRaised);
    const qint64 budget = createGroceriesBudget(QStringLiteral("50"));
    QVERIFY(budget);
    BudgetsPage* page = m_window->budgetsPage();
    QVERIFY(QTest::qWaitFor([&]() { return rowOf(budget) >= 0; }));
    page->showBudget(budget);
    QAction* mute = page->muteAlertsAction();
    QVERIFY(mute->isEnabled());
    QVERIFY(!mute->isChecked());
    mute->trigger();
    QVERIFY(mute->isChecked());
    QVERIFY(NotificationPreferences::fromJson(m_session->user().notificationPreferences).mutedBudgets.contains(budget));

    type(QStringLiteral("Fresh market 60 #groceries"));
    QVERIFY(QTest::qWaitFor([&]() { return stateOf(budget) == BudgetState::Exceeded; }));
    QTest::qWait(400);
    QVERIFY(QTest::qWaitFor([&]() { return !m_window->budgetMonitor()->isChecking(); }));
    QCOMPARE(raised.size(), 0);
    QCOMPARE(*m_session->budgetAlerts()->unseenCount(m_session->userId()), qint64(0));
    auto recorded = m_session->budgetAlerts()->list(m_session->userId());
    QVERIFY(recorded.ok());
    QCOMPARE(recorded->size(), 2); // both levels recorded, as read

    // Unmuted, the next window alerts again.
    m_window->pages()->setCurrentWidget(page);
    page->showBudget(budget);
    QVERIFY(mute->isChecked());
    mute->trigger();
    QVERIFY(!mute->isChecked());
    QVERIFY(NotificationPreferences::fromJson(m_session->user().notificationPreferences).mutedBudgets.isEmpty());
    m_clock->set(QDateTime(QDate(2026, 12, 1), QTime(9, 0), Qt::UTC));
    type(QStringLiteral("Fresh market 45 #groceries"));
    QVERIFY(raised.wait(5000));
    QCOMPARE(raised.at(0).at(0).value<RaisedAlert>().alert.periodStart, QDate(2026, 12, 1));
}

void TestBudgetAlerts::undoingADeletionDoesNotAlertAgain()
{
    QSignalSpy raised(m_window->budgetMonitor(), &BudgetAlertMonitor::alertRaised);
    const qint64 budget = createGroceriesBudget(QStringLiteral("50"));
    QVERIFY(budget);
    type(QStringLiteral("Fresh market 60 #groceries"));
    QVERIFY(raised.wait(5000));
    QCOMPARE(raised.size(), 1); // exceeded (the warning recorded silently)
    auto before = m_session->budgetAlerts()->list(m_session->userId());
    QVERIFY(before.ok());
    QCOMPARE(before->size(), 2);

    BudgetsPage* page = m_window->budgetsPage();
    m_window->pages()->setCurrentWidget(page);
    QVERIFY(QTest::qWaitFor([&]() { return rowOf(budget) >= 0; }));
    page->showBudget(budget);
    MessageBox::setNextAnswer(QMessageBox::Yes);
    page->deleteBudgetAction()->trigger();
    QVERIFY(QTest::qWaitFor([&]() { return rowOf(budget) < 0; }));
    QCOMPARE(m_session->budgetAlerts()->list(m_session->userId())->size(), 0);

    m_window->undoStack()->undo();
    auto budgets = m_session->budgets()->list(m_session->userId());
    QVERIFY(budgets.ok());
    QCOMPARE(budgets->size(), 1);
    const qint64 again = budgets->first().id;
    auto after = m_session->budgetAlerts()->list(m_session->userId());
    QVERIFY(after.ok());
    QCOMPARE(after->size(), 2);
    for (int i = 0; i < 2; ++i) {
        QCOMPARE(after->at(i).budgetId, again);
        QCOMPARE(after->at(i).level, before->at(i).level);
        QCOMPARE(after->at(i).periodStart, before->at(i).periodStart);
        QCOMPARE(after->at(i).isSeen(), before->at(i).isSeen());
    }
    // The monitor checks the re-added budget and stays quiet.
    QSignalSpy checked(m_window->budgetMonitor(), &BudgetAlertMonitor::checked);
    QVERIFY(checked.wait(5000));
    QVERIFY(QTest::qWaitFor([&]() { return !m_window->budgetMonitor()->isChecking(); }));
    QCOMPARE(raised.size(), 1);
}

QTEST_MAIN(TestBudgetAlerts)
#include "tst_budgetalerts.moc"
