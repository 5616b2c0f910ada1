#include "budgets/budgetcolors.h"
#include "budgets/budgeteditdialog.h"
#include "budgets/budgetroles.h"
#include "budgets/budgetspage.h"
#include "budgets/budgetstatusmodel.h"
#include "common/messagebox.h"
#include "demo/demogenerator.h"
#include "guitest.h"
#include "i18n/translations.h"
#include "session/session.h"
#include "testdatabase.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStackedLayout>
#include <QStandardPaths>
#include <QStyleFactory>
#include <QTest>
#include <QToolButton>
#include <QTreeView>
#include <QUndoStack>

using namespace Moniagent;
using Moniagent::Test::screenshot;

class TestBudgetsPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void emptyState();
    void createThroughDialogAndWatchSpending();
    void otherCurrencyIsListedNotCounted();
    void validationMessages();
    void conflictOnSaveStaysInDialog();
    void suggestFillsAverageOfThreeMonths();
    void editThroughDialogIsUndoable();
    void navigationMovesTheWindow();
    void mixedPeriodsStepByMonth();
    void deleteAsksAndIsUndoable();
    void ledgerRequestedWithBudgetFilter();
    void showBudgetSelectsRow();
    void screenshotsOfStates();
    void screenshotWithDemoData();

private:
    qint64 user() const { return m_session->userId(); }
    qint64 category(const QString& name) const;
    qint64 addExpense(qint64 minor, const QString& categoryName, QDate date,
                      const QString& currency = QStringLiteral("USD"));
    qint64 addBudget(const QString& categoryName, qint64 minor, BudgetPeriod period = BudgetPeriod::Monthly,
                     double threshold = 0.8);
    BudgetStatusModel* model() const { return m_page->model(); }
    bool settled() const;
    int rowOf(qint64 budgetId) const { return model()->rowOf(budgetId); }
    QString text(qint64 budgetId, int column, int role = Qt::DisplayRole) const;
    BudgetEditDialog* openNewDialog();
    void chooseCategory(BudgetEditDialog* dialog, const QString& name);
    void typeAmount(BudgetEditDialog* dialog, const QString& amount);
    QPushButton* okButton(BudgetEditDialog* dialog) const;
    QString problem(BudgetEditDialog* dialog) const;
    void select(qint64 budgetId);

    Translations m_translations;
    std::unique_ptr<Test::ManualClock> m_clock;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<QUndoStack> m_undo;
    std::unique_ptr<BudgetsPage> m_page;
};

void TestBudgetsPage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    m_translations.install(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestBudgetsPage::init()
{
    m_clock = std::make_unique<Test::ManualClock>(); // Sunday, November 22, 2026, noon UTC
    m_dir = std::make_unique<QTemporaryDir>();
    auto session = Test::openSamSession(m_dir->filePath(QStringLiteral("moniagent.sqlite")), *m_clock);
    QVERIFY(session.ok());
    m_session = std::move(*session);
    m_undo = std::make_unique<QUndoStack>();
    m_page = std::make_unique<BudgetsPage>(m_session.get(), m_undo.get());
    new QAbstractItemModelTester(m_page->model(), QAbstractItemModelTester::FailureReportingMode::QtTest, m_page.get());
    m_page->resize(1060, 420);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    QVERIFY(settled());
}

void TestBudgetsPage::cleanup()
{
    m_page.reset();
    m_undo.reset();
    m_session.reset();
    m_dir.reset();
}

qint64 TestBudgetsPage::category(const QString& name) const
{
    auto c = m_session->categories()->findByName(user(), name);
    return c ? c->id : 0;
}

qint64 TestBudgetsPage::addExpense(qint64 minor, const QString& categoryName, QDate date, const QString& currency)
{
    Transaction t = Test::TestDatabase::expense(minor, QStringLiteral("Shop"), date, currency);
    t.categoryId = category(categoryName);
    t.categorizedBy = CategorizedBy::User;
    t.categoryConfidence = 1.0;
    t.confirmedByUser = true;
    auto id = m_session->transactions()->add(user(), t);
    return id ? *id : 0;
}

qint64 TestBudgetsPage::addBudget(const QString& categoryName, qint64 minor, BudgetPeriod period, double threshold)
{
    Budget budget;
    if (!categoryName.isEmpty())
        budget.categoryId = category(categoryName);
    budget.limit = Money::fromMinor(minor, u"USD");
    budget.period = period;
    budget.alertThreshold = threshold;
    auto id = m_session->budgets()->add(user(), budget);
    return id ? *id : 0;
}

bool TestBudgetsPage::settled() const
{
    return QTest::qWaitFor([this]() { return model()->hasLoaded() && !model()->isLoading(); }, 10000);
}

QString TestBudgetsPage::text(qint64 budgetId, int column, int role) const
{
    const int row = rowOf(budgetId);
    return row < 0 ? QString() : model()->index(row, column).data(role).toString();
}

BudgetEditDialog* TestBudgetsPage::openNewDialog()
{
    m_page->newBudgetAction()->trigger();
    BudgetEditDialog* dialog = m_page->editDialog();
    if (dialog)
        (void)QTest::qWaitForWindowExposed(dialog);
    return dialog;
}

void TestBudgetsPage::chooseCategory(BudgetEditDialog* dialog, const QString& name)
{
    auto* combo = dialog->findChild<QComboBox*>(QStringLiteral("budgetCategory"));
    QVERIFY(combo);
    const int index = combo->findText(name);
    QVERIFY2(index >= 0, qPrintable(name));
    combo->setCurrentIndex(index);
}

void TestBudgetsPage::typeAmount(BudgetEditDialog* dialog, const QString& amount)
{
    auto* edit = dialog->findChild<QLineEdit*>(QStringLiteral("budgetAmount"));
    QVERIFY(edit);
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, amount);
}

QPushButton* TestBudgetsPage::okButton(BudgetEditDialog* dialog) const
{
    auto* buttons = dialog->findChild<QDialogButtonBox*>(QStringLiteral("buttons"));
    return buttons ? buttons->button(QDialogButtonBox::Ok) : nullptr;
}

QString TestBudgetsPage::problem(BudgetEditDialog* dialog) const
{
    auto* label = dialog->findChild<QLabel*>(QStringLiteral("budgetError"));
    return label ? label->text() : QStringLiteral("<no label>");
}

void TestBudgetsPage::select(qint64 budgetId)
{
    const int row = rowOf(budgetId);
    QVERIFY(row >= 0);
    QTreeView* view = m_page->view();
    const QRect rect = view->visualRect(model()->index(row, BudgetStatusModel::NameColumn));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.center());
    QCOMPARE(m_page->currentBudgetId(), std::optional<qint64>(budgetId));
}

void TestBudgetsPage::emptyState()
{
    auto* stack = m_page->findChild<QWidget*>(QStringLiteral("emptyBudgets"));
    QVERIFY(stack);
    QVERIFY(stack->isVisible());
    QVERIFY(!m_page->view()->isVisible());
    QVERIFY(!m_page->editBudgetAction()->isEnabled());
    screenshot(m_page.get(), QStringLiteral("budgets-empty"));

    // Suggest opens the new-budget dialog and asks for the average right away.
    addExpense(9000, QStringLiteral("Groceries"), QDate(2026, 10, 5));
    auto* suggest = m_page->findChild<QPushButton*>(QStringLiteral("emptySuggestButton"));
    QVERIFY(suggest);
    QTest::mouseClick(suggest, Qt::LeftButton);
    BudgetEditDialog* dialog = m_page->editDialog();
    QVERIFY(dialog);
    auto* label = dialog->findChild<QLabel*>(QStringLiteral("suggestionLabel"));
    QVERIFY(QTest::qWaitFor([&]() { return label->text().contains(QStringLiteral("$30.00")); }));
    QCOMPARE(dialog->findChild<QLineEdit*>(QStringLiteral("budgetAmount"))->text(), QStringLiteral("30.00"));
    QCOMPARE(dialog->findChild<QComboBox*>(QStringLiteral("budgetCategory"))->currentText(),
             QStringLiteral("All spending"));
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    QVERIFY(QTest::qWaitFor([&]() { return model()->rowCount() == 1 && !model()->isLoading(); }));
    QVERIFY(m_page->view()->isVisible());
    QVERIFY(!stack->isVisible());
}

void TestBudgetsPage::createThroughDialogAndWatchSpending()
{
    BudgetEditDialog* dialog = openNewDialog();
    QVERIFY(dialog);
    QVERIFY(!okButton(dialog)->isEnabled()); // nothing typed yet
    chooseCategory(dialog, QStringLiteral("Groceries"));
    typeAmount(dialog, QStringLiteral("400"));
    QCOMPARE(problem(dialog), QString());
    QVERIFY(okButton(dialog)->isEnabled());
    QCOMPARE(dialog->findChild<QComboBox*>(QStringLiteral("budgetCurrency"))->currentText(), QStringLiteral("USD"));
    QCOMPARE(dialog->findChild<QSpinBox*>(QStringLiteral("budgetThreshold"))->value(), 80);
    screenshot(dialog, QStringLiteral("budget-dialog-new"));
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);

    auto stored = m_session->budgets()->findForCategory(user(), category(QStringLiteral("Groceries")));
    QVERIFY(stored.ok() && stored->has_value());
    const Budget budget = **stored;
    QCOMPARE(budget.limit, Money::fromMinor(40000, u"USD"));
    QCOMPARE(budget.period, BudgetPeriod::Monthly);
    QCOMPARE(budget.alertThreshold, 0.8);
    QCOMPARE(m_undo->count(), 1);
    QVERIFY(QTest::qWaitFor([&]() { return rowOf(budget.id) >= 0; }));
    QCOMPARE(m_page->currentBudgetId(), std::optional<qint64>(budget.id));
    QCOMPARE(text(budget.id, BudgetStatusModel::NameColumn), QStringLiteral("Groceries"));
    QCOMPARE(text(budget.id, BudgetStatusModel::NameColumn, BudgetRoles::SecondaryTextRole),
             QStringLiteral("Monthly · November 2026"));
    QCOMPARE(text(budget.id, BudgetStatusModel::SpentColumn), QStringLiteral("$0.00 of $400.00"));
    QCOMPARE(m_page->windowLabel(), QStringLiteral("November 2026"));

    const auto state = [&]() {
        return BudgetState(model()->index(rowOf(budget.id), 0).data(BudgetStatusModel::StateRole).toInt());
    };
    const auto spent = [&]() {
        return text(budget.id, BudgetStatusModel::SpentColumn);
    };

    addExpense(30000, QStringLiteral("Groceries"), QDate(2026, 11, 10));
    QVERIFY(QTest::qWaitFor([&]() { return spent() == QStringLiteral("$300.00 of $400.00"); }));
    QCOMPARE(state(), BudgetState::Ok);
    QCOMPARE(text(budget.id, BudgetStatusModel::ProgressColumn), QStringLiteral("75 %"));
    QCOMPARE(text(budget.id, BudgetStatusModel::RemainingColumn), QStringLiteral("$100.00 left"));
    QCOMPARE(model()->index(rowOf(budget.id), 0).data(BudgetStatusModel::UsedRole).toDouble(), 0.75);
    // 22 of 30 days passed: the pace mark sits at 22/30 and $300 projects to $409.09.
    QCOMPARE(model()->index(rowOf(budget.id), 0).data(BudgetStatusModel::PaceRole).toDouble(), 22.0 / 30.0);
    QCOMPARE(text(budget.id, BudgetStatusModel::ProjectionColumn), QStringLiteral("projected $409.09"));
    QVERIFY(
        model()->index(rowOf(budget.id), BudgetStatusModel::ProjectionColumn).data(Qt::FontRole).value<QFont>().bold());

    // Spending elsewhere or in another month does not count.
    addExpense(5000, QStringLiteral("Dining & Drinks"), QDate(2026, 11, 11));
    addExpense(5000, QStringLiteral("Groceries"), QDate(2026, 10, 31));
    addExpense(2500, QStringLiteral("Groceries"), QDate(2026, 11, 12));
    QVERIFY(QTest::qWaitFor([&]() { return spent() == QStringLiteral("$325.00 of $400.00"); }));
    QCOMPARE(state(), BudgetState::Warning);
    QCOMPARE(text(budget.id, BudgetStatusModel::ProgressColumn, BudgetRoles::SecondaryTextRole),
             QStringLiteral("Warning"));
    screenshot(m_page.get(), QStringLiteral("budgets-warning"));

    addExpense(10000, QStringLiteral("Groceries"), QDate(2026, 11, 21));
    QVERIFY(QTest::qWaitFor([&]() { return spent() == QStringLiteral("$425.00 of $400.00"); }));
    QCOMPARE(state(), BudgetState::Exceeded);
    QCOMPARE(text(budget.id, BudgetStatusModel::RemainingColumn), QStringLiteral("over by $25.00"));
    QCOMPARE(text(budget.id, BudgetStatusModel::ProgressColumn), QStringLiteral("106 %"));
    QCOMPARE(model()->index(rowOf(budget.id), BudgetStatusModel::RemainingColumn).data(BudgetRoles::ToneRole).toInt(),
             int(BudgetTone::Bad));
    screenshot(m_page.get(), QStringLiteral("budgets-exceeded"));
}

void TestBudgetsPage::otherCurrencyIsListedNotCounted()
{
    const qint64 id = addBudget(QStringLiteral("Travel"), 100000);
    addExpense(20000, QStringLiteral("Travel"), QDate(2026, 11, 3));
    addExpense(1200, QStringLiteral("Travel"), QDate(2026, 11, 4), QStringLiteral("EUR"));
    QVERIFY(QTest::qWaitFor(
        [&]() { return text(id, BudgetStatusModel::SpentColumn) == QStringLiteral("$200.00 of $1,000.00"); }));
    const QString notCounted = text(id, BudgetStatusModel::SpentColumn, BudgetRoles::SecondaryTextRole);
    QVERIFY2(notCounted.startsWith(QStringLiteral("+ ")) && notCounted.contains(QStringLiteral("EUR"))
                 && notCounted.contains(QStringLiteral("12.00")) && notCounted.endsWith(QStringLiteral("not counted")),
             qPrintable(notCounted));
    // Without other currencies there is nothing to say.
    const qint64 other = addBudget(QStringLiteral("Pets"), 5000);
    QVERIFY(QTest::qWaitFor([&]() { return rowOf(other) >= 0; }));
    QCOMPARE(text(other, BudgetStatusModel::SpentColumn, BudgetRoles::SecondaryTextRole), QString());
}

void TestBudgetsPage::validationMessages()
{
    BudgetEditDialog* dialog = openNewDialog();
    QVERIFY(dialog);
    chooseCategory(dialog, QStringLiteral("Groceries"));
    typeAmount(dialog, QStringLiteral("0"));
    QVERIFY2(problem(dialog).contains(QStringLiteral("more than zero")), qPrintable(problem(dialog)));
    QVERIFY(!okButton(dialog)->isEnabled());
    screenshot(dialog, QStringLiteral("budget-dialog-zero"));
    typeAmount(dialog, QStringLiteral("12.345")); // more digits than dollars have
    QVERIFY(!problem(dialog).isEmpty());
    QVERIFY(!okButton(dialog)->isEnabled());
    typeAmount(dialog, QStringLiteral("lots"));
    QVERIFY(!problem(dialog).isEmpty());
    QVERIFY(!okButton(dialog)->isEnabled());
    typeAmount(dialog, QStringLiteral("1,250.50"));
    QCOMPARE(problem(dialog), QString());
    QVERIFY(okButton(dialog)->isEnabled());

    // A budget saved for the same category meanwhile takes it: the dialog says so at once.
    QVERIFY(addBudget(QStringLiteral("Groceries"), 30000) > 0);
    QCOMPARE(problem(dialog), QStringLiteral("There is already a budget for “Groceries”."));
    QVERIFY(!okButton(dialog)->isEnabled());
    screenshot(dialog, QStringLiteral("budget-dialog-duplicate"));
    dialog->reject();
    QVERIFY(QTest::qWaitFor([&]() { return m_page->editDialog() == nullptr; }));

    // A new dialog does not offer categories that have a budget (nor income categories).
    dialog = openNewDialog();
    QVERIFY(dialog);
    auto* combo = dialog->findChild<QComboBox*>(QStringLiteral("budgetCategory"));
    QCOMPARE(combo->findText(QStringLiteral("Groceries")), -1);
    QCOMPARE(combo->findText(QStringLiteral("Salary")), -1);
    QVERIFY(combo->findText(QStringLiteral("Transfers")) >= 0); // "both" categories can have a budget
    QCOMPARE(combo->itemText(0), QStringLiteral("All spending"));
    dialog->reject();
}

void TestBudgetsPage::conflictOnSaveStaysInDialog()
{
    BudgetEditDialog* dialog = openNewDialog();
    QVERIFY(dialog);
    chooseCategory(dialog, QStringLiteral("Health"));
    typeAmount(dialog, QStringLiteral("80"));
    QVERIFY(okButton(dialog)->isEnabled());
    {
        // Saved where the dialog cannot hear of it: the repository refuses the duplicate on OK.
        const QSignalBlocker quiet(m_session->budgets());
        QVERIFY(addBudget(QStringLiteral("Health"), 9000) > 0);
    }
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    QCOMPARE(problem(dialog), QStringLiteral("There is already a budget for “Health”."));
    QVERIFY(dialog->isVisible());
    QCOMPARE(m_undo->count(), 0);
    dialog->reject();
}

void TestBudgetsPage::suggestFillsAverageOfThreeMonths()
{
    // August, September and October: $100.00 + $200.00 + $300.50 → an average of $200.17, rounded up to $201.
    addExpense(10000, QStringLiteral("Groceries"), QDate(2026, 8, 1));
    addExpense(20000, QStringLiteral("Groceries"), QDate(2026, 9, 30));
    addExpense(30050, QStringLiteral("Groceries"), QDate(2026, 10, 15));
    // Outside the three months: July and the current month.
    addExpense(50000, QStringLiteral("Groceries"), QDate(2026, 7, 31));
    addExpense(99900, QStringLiteral("Groceries"), QDate(2026, 11, 2));

    BudgetEditDialog* dialog = openNewDialog();
    QVERIFY(dialog);
    chooseCategory(dialog, QStringLiteral("Groceries"));
    QSignalSpy finished(dialog, &BudgetEditDialog::suggestionFinished);
    auto* suggest = dialog->findChild<QPushButton*>(QStringLiteral("suggestButton"));
    auto* label = dialog->findChild<QLabel*>(QStringLiteral("suggestionLabel"));
    auto* amount = dialog->findChild<QLineEdit*>(QStringLiteral("budgetAmount"));
    QTest::mouseClick(suggest, Qt::LeftButton);
    QVERIFY(finished.wait(5000) || finished.count() == 1);
    QCOMPARE(amount->text(), QStringLiteral("201.00"));
    QCOMPARE(label->text(), QStringLiteral("Average of the last 3 months: $201.00"));
    QVERIFY(okButton(dialog)->isEnabled());
    screenshot(dialog, QStringLiteral("budget-dialog-suggested"));

    // A category without spending in those months says so and leaves the amount alone.
    chooseCategory(dialog, QStringLiteral("Pets"));
    QVERIFY(label->text().isEmpty());
    QTest::mouseClick(suggest, Qt::LeftButton);
    QVERIFY(finished.wait(5000) || finished.count() == 2);
    QCOMPARE(label->text(), QStringLiteral("No spending in the last 3 months to suggest a limit from."));
    QCOMPARE(amount->text(), QStringLiteral("201.00"));

    // All spending over the same months is the same here (everything is groceries).
    chooseCategory(dialog, QStringLiteral("All spending"));
    QTest::mouseClick(suggest, Qt::LeftButton);
    QVERIFY(finished.wait(5000) || finished.count() == 3);
    QCOMPARE(amount->text(), QStringLiteral("201.00"));
    dialog->reject();
}

void TestBudgetsPage::editThroughDialogIsUndoable()
{
    const qint64 id = addBudget(QStringLiteral("Groceries"), 40000);
    QVERIFY(QTest::qWaitFor([&]() { return rowOf(id) >= 0; }));
    const int row = rowOf(id);
    QTreeView* view = m_page->view();
    const QRect rect = view->visualRect(model()->index(row, BudgetStatusModel::SpentColumn));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.center());
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, rect.center());
    BudgetEditDialog* dialog = m_page->editDialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->windowTitle(), QStringLiteral("Edit Budget"));
    QCOMPARE(dialog->findChild<QComboBox*>(QStringLiteral("budgetCategory"))->currentText(),
             QStringLiteral("Groceries"));
    QCOMPARE(dialog->findChild<QLineEdit*>(QStringLiteral("budgetAmount"))->text(), QStringLiteral("400.00"));
    QCOMPARE(problem(dialog), QString()); // its own category is not a duplicate
    typeAmount(dialog, QStringLiteral("500"));
    auto* period = dialog->findChild<QComboBox*>(QStringLiteral("budgetPeriod"));
    period->setCurrentIndex(period->findData(int(BudgetPeriod::Weekly)));
    dialog->findChild<QSpinBox*>(QStringLiteral("budgetThreshold"))->setValue(90);
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);

    auto stored = m_session->budgets()->find(user(), id);
    QVERIFY(stored.ok());
    QCOMPARE(stored->limit.minor(), 50000);
    QCOMPARE(stored->period, BudgetPeriod::Weekly);
    QCOMPARE(stored->alertThreshold, 0.9);
    QVERIFY(QTest::qWaitFor(
        [&]() { return text(id, BudgetStatusModel::SpentColumn) == QStringLiteral("$0.00 of $500.00"); }));
    // One weekly budget: the page steps by weeks, which start on Sunday in the profile's locale (en_US).
    QCOMPARE(m_page->windowLabel(), QStringLiteral("Nov 22 – Nov 28, 2026"));
    QCOMPARE(m_undo->undoText(), QStringLiteral("Edit Budget for Groceries"));

    m_undo->undo();
    stored = m_session->budgets()->find(user(), id);
    QCOMPARE(stored->limit.minor(), 40000);
    QCOMPARE(stored->period, BudgetPeriod::Monthly);
    QVERIFY(QTest::qWaitFor(
        [&]() { return text(id, BudgetStatusModel::SpentColumn) == QStringLiteral("$0.00 of $400.00"); }));
    m_undo->redo();
    QCOMPARE(m_session->budgets()->find(user(), id)->limit.minor(), 50000);
    QVERIFY(QTest::qWaitFor([&]() { return m_page->editDialog() == nullptr; }));

    // Enter on the row edits it too.
    m_page->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_page.get()));
    view->setFocus();
    QTest::keyClick(view, Qt::Key_Return);
    dialog = m_page->editDialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->findChild<QLineEdit*>(QStringLiteral("budgetAmount"))->text(), QStringLiteral("500.00"));
    dialog->reject();
}

void TestBudgetsPage::navigationMovesTheWindow()
{
    const qint64 id = addBudget(QStringLiteral("Groceries"), 40000);
    addExpense(15000, QStringLiteral("Groceries"), QDate(2026, 10, 3));
    addExpense(5000, QStringLiteral("Groceries"), QDate(2026, 11, 20));
    const auto spent = [&]() {
        return text(id, BudgetStatusModel::SpentColumn);
    };
    QVERIFY(QTest::qWaitFor([&]() { return spent() == QStringLiteral("$50.00 of $400.00"); }));
    QCOMPARE(m_page->windowLabel(), QStringLiteral("November 2026"));
    QVERIFY(!m_page->todayAction()->isEnabled());

    auto* previous = m_page->findChild<QToolButton*>(QStringLiteral("previousPeriodButton"));
    QTest::mouseClick(previous, Qt::LeftButton);
    QCOMPARE(m_page->windowLabel(), QStringLiteral("October 2026"));
    QVERIFY(QTest::qWaitFor([&]() { return spent() == QStringLiteral("$150.00 of $400.00"); }));
    QCOMPARE(text(id, BudgetStatusModel::ProjectionColumn), QStringLiteral("period ended"));
    QCOMPARE(text(id, BudgetStatusModel::NameColumn, BudgetRoles::SecondaryTextRole),
             QStringLiteral("Monthly · October 2026"));
    QVERIFY(m_page->todayAction()->isEnabled());

    // Alt+Right with the focus in the page: back to November, which follows today again.
    m_page->view()->setFocus();
    QTest::keyClick(m_page->view(), Qt::Key_Right, Qt::AltModifier);
    QCOMPARE(m_page->windowLabel(), QStringLiteral("November 2026"));
    QVERIFY(m_page->model()->followsToday());
    QVERIFY(!m_page->todayAction()->isEnabled());
    QVERIFY(QTest::qWaitFor([&]() { return spent() == QStringLiteral("$50.00 of $400.00"); }));

    m_page->nextPeriodAction()->trigger();
    QCOMPARE(m_page->windowLabel(), QStringLiteral("December 2026"));
    QVERIFY(QTest::qWaitFor([&]() { return spent() == QStringLiteral("$0.00 of $400.00"); }));
    QCOMPARE(text(id, BudgetStatusModel::ProjectionColumn), QStringLiteral("not started"));

    auto* today = m_page->findChild<QToolButton*>(QStringLiteral("todayButton"));
    QTest::mouseClick(today, Qt::LeftButton);
    QCOMPARE(m_page->windowLabel(), QStringLiteral("November 2026"));
    QVERIFY(QTest::qWaitFor([&]() { return spent() == QStringLiteral("$50.00 of $400.00"); }));
    QCOMPARE(m_page->currentBudgetId(), std::optional<qint64>(id)); // the row stays selected throughout

    // Midnight into December: "today" follows the clock.
    m_clock->advanceDays(10);
    model()->checkDate();
    QVERIFY(QTest::qWaitFor([&]() { return m_page->windowLabel() == QStringLiteral("December 2026"); }));
    QVERIFY(QTest::qWaitFor([&]() { return spent() == QStringLiteral("$0.00 of $400.00"); }));
    QVERIFY(!m_page->todayAction()->isEnabled());
}

void TestBudgetsPage::mixedPeriodsStepByMonth()
{
    const qint64 monthly = addBudget(QStringLiteral("Groceries"), 40000);
    const qint64 weekly = addBudget(QStringLiteral("Dining & Drinks"), 10000, BudgetPeriod::Weekly);
    const qint64 yearly = addBudget(QStringLiteral("Travel"), 300000, BudgetPeriod::Yearly);
    addExpense(4000, QStringLiteral("Dining & Drinks"), QDate(2026, 10, 20));
    QVERIFY(QTest::qWaitFor([&]() { return rowOf(yearly) >= 0 && !model()->isLoading(); }));
    QCOMPARE(model()->navigationPeriod(), BudgetPeriod::Monthly);
    QCOMPARE(m_page->windowLabel(), QStringLiteral("November 2026"));
    auto* hint = m_page->findChild<QLabel*>(QStringLiteral("budgetWindowHint"));
    QVERIFY2(hint->text().contains(QStringLiteral("own week, month or year")), qPrintable(hint->text()));
    QCOMPARE(text(weekly, BudgetStatusModel::NameColumn, BudgetRoles::SecondaryTextRole),
             QStringLiteral("Weekly · Nov 22 – Nov 28, 2026")); // weeks start on Sunday in en_US
    QCOMPARE(text(yearly, BudgetStatusModel::NameColumn, BudgetRoles::SecondaryTextRole),
             QStringLiteral("Yearly · 2026"));

    m_page->previousPeriodAction()->trigger(); // one month back: October 22
    QCOMPARE(m_page->windowLabel(), QStringLiteral("October 2026"));
    QVERIFY(QTest::qWaitFor([&]() {
        return text(weekly, BudgetStatusModel::NameColumn, BudgetRoles::SecondaryTextRole)
            == QStringLiteral("Weekly · Oct 18 – Oct 24, 2026");
    }));
    QCOMPARE(text(weekly, BudgetStatusModel::SpentColumn), QStringLiteral("$40.00 of $100.00"));
    QCOMPARE(text(monthly, BudgetStatusModel::NameColumn, BudgetRoles::SecondaryTextRole),
             QStringLiteral("Monthly · October 2026"));
    QCOMPARE(text(yearly, BudgetStatusModel::NameColumn, BudgetRoles::SecondaryTextRole),
             QStringLiteral("Yearly · 2026"));
    screenshot(m_page.get(), QStringLiteral("budgets-mixed-october"));
}

void TestBudgetsPage::deleteAsksAndIsUndoable()
{
    const qint64 groceries = addBudget(QStringLiteral("Groceries"), 40000);
    const qint64 pets = addBudget(QStringLiteral("Pets"), 6000);
    QVERIFY(QTest::qWaitFor([&]() { return rowOf(pets) >= 0 && rowOf(groceries) >= 0; }));
    QVERIFY(m_session->budgetAlerts()->record(user(), groceries, QDate(2026, 11, 1), BudgetAlertLevel::Warning).ok());
    select(groceries);

    MessageBox::setNextAnswer(QMessageBox::No);
    QTest::keyClick(m_page->view(), Qt::Key_Delete);
    QVERIFY2(MessageBox::lastText().contains(QStringLiteral("“Groceries”")), qPrintable(MessageBox::lastText()));
    QVERIFY(m_session->budgets()->find(user(), groceries).ok());

    MessageBox::setNextAnswer(QMessageBox::Yes);
    QTest::keyClick(m_page->view(), Qt::Key_Delete);
    QVERIFY(!m_session->budgets()->find(user(), groceries).ok());
    QCOMPARE(*m_session->budgetAlerts()->unseenCount(user()), 0);
    QVERIFY(QTest::qWaitFor([&]() { return rowOf(groceries) < 0 && !model()->isLoading(); }));
    QCOMPARE(model()->rowCount(), 1);
    QCOMPARE(m_undo->undoText(), QStringLiteral("Delete Budget for Groceries"));

    // Undo brings it back (under a new id), redo deletes it again.
    m_undo->undo();
    auto restored = m_session->budgets()->findForCategory(user(), category(QStringLiteral("Groceries")));
    QVERIFY(restored.ok() && restored->has_value());
    QCOMPARE((*restored)->limit.minor(), 40000);
    QVERIFY(QTest::qWaitFor([&]() { return model()->rowCount() == 2; }));
    m_undo->redo();
    QVERIFY(!m_session->budgets()->findForCategory(user(), category(QStringLiteral("Groceries")))->has_value());
    QVERIFY(QTest::qWaitFor([&]() { return model()->rowCount() == 1; }));

    // The last one gone: the empty state.
    select(pets);
    MessageBox::setNextAnswer(QMessageBox::Yes);
    m_page->deleteBudgetAction()->trigger();
    QVERIFY(QTest::qWaitFor([&]() { return model()->rowCount() == 0 && !model()->isLoading(); }));
    QVERIFY(m_page->findChild<QWidget*>(QStringLiteral("emptyBudgets"))->isVisible());
}

void TestBudgetsPage::ledgerRequestedWithBudgetFilter()
{
    const qint64 groceries = addBudget(QStringLiteral("Groceries"), 40000);
    const qint64 overall = addBudget(QString(), 250000);
    QVERIFY(QTest::qWaitFor([&]() { return rowOf(groceries) >= 0 && rowOf(overall) >= 0; }));
    QCOMPARE(rowOf(overall), 0); // all spending first
    QSignalSpy requested(m_page.get(), &BudgetsPage::ledgerRequested);

    select(groceries);
    m_page->showTransactionsAction()->trigger();
    QCOMPARE(requested.count(), 1);
    auto filter = requested.takeFirst().at(0).value<TransactionFilter>();
    QCOMPARE(filter.categoryIds, QList<qint64>({category(QStringLiteral("Groceries"))}));
    QCOMPARE(filter.dates.from, QDate(2026, 11, 1));
    QCOMPARE(filter.dates.to, QDate(2026, 11, 30));
    QVERIFY(filter.type == TransactionType::Expense);

    // Of a shown past period, for all spending: no category filter, that month's dates.
    m_page->previousPeriodAction()->trigger();
    QVERIFY(QTest::qWaitFor([&]() { return !model()->isLoading(); }));
    select(overall);
    QTest::keyClick(m_page->view(), Qt::Key_L, Qt::ControlModifier);
    QCOMPARE(requested.count(), 1);
    filter = requested.takeFirst().at(0).value<TransactionFilter>();
    QVERIFY(filter.categoryIds.isEmpty());
    QCOMPARE(filter.dates.from, QDate(2026, 10, 1));
    QCOMPARE(filter.dates.to, QDate(2026, 10, 31));
    QVERIFY(filter.type == TransactionType::Expense);
}

void TestBudgetsPage::showBudgetSelectsRow()
{
    const qint64 groceries = addBudget(QStringLiteral("Groceries"), 40000);
    const qint64 pets = addBudget(QStringLiteral("Pets"), 6000);
    QVERIFY(QTest::qWaitFor([&]() { return rowOf(pets) >= 0 && rowOf(groceries) >= 0 && !model()->isLoading(); }));
    m_page->showBudget(pets);
    QCOMPARE(m_page->currentBudgetId(), std::optional<qint64>(pets));
    // With the start of an alert's period: that period, then the row.
    m_page->showBudget(groceries, QDate(2026, 9, 1));
    QCOMPARE(m_page->windowLabel(), QStringLiteral("September 2026"));
    QVERIFY(QTest::qWaitFor([&]() { return m_page->currentBudgetId() == std::optional<qint64>(groceries); }));
}

void TestBudgetsPage::screenshotsOfStates()
{
    const qint64 overall = addBudget(QString(), 250000);
    const qint64 groceries = addBudget(QStringLiteral("Groceries"), 40000);
    const qint64 dining = addBudget(QStringLiteral("Dining & Drinks"), 15000, BudgetPeriod::Monthly, 0.75);
    const qint64 transport = addBudget(QStringLiteral("Transport & Car"), 20000);
    const qint64 travel = addBudget(QStringLiteral("Travel"), 300000, BudgetPeriod::Yearly);
    addExpense(21000, QStringLiteral("Groceries"), QDate(2026, 11, 14)); // 52 %: ok, on pace
    addExpense(12000, QStringLiteral("Dining & Drinks"), QDate(2026, 11, 18)); // 80 %: warning
    addExpense(23500, QStringLiteral("Transport & Car"), QDate(2026, 11, 5)); // 117 %: exceeded
    addExpense(140000, QStringLiteral("Travel"), QDate(2026, 6, 5));
    addExpense(4500, QStringLiteral("Travel"), QDate(2026, 8, 5), QStringLiteral("EUR"));
    QVERIFY(QTest::qWaitFor([&]() {
        return rowOf(travel) >= 0 && !model()->isLoading()
            && text(transport, BudgetStatusModel::SpentColumn) == QStringLiteral("$235.00 of $200.00");
    }));
    const auto state = [&](qint64 id) {
        return BudgetState(model()->index(rowOf(id), 0).data(BudgetStatusModel::StateRole).toInt());
    };
    QCOMPARE(state(overall), BudgetState::Ok);
    QCOMPARE(state(groceries), BudgetState::Ok);
    QCOMPARE(state(dining), BudgetState::Warning);
    QCOMPARE(state(transport), BudgetState::Exceeded);
    QCOMPARE(state(travel), BudgetState::Ok);
    QCOMPARE(m_page->view()->header()->sectionSize(BudgetStatusModel::ProgressColumn) > 150, true);
    m_page->resize(1100, 420);
    screenshot(m_page.get(), QStringLiteral("budgets-states"));

    // Dark mode: the same page with a dark palette.
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x2B, 0x2D, 0x31));
    dark.setColor(QPalette::WindowText, QColor(0xE6, 0xE6, 0xE6));
    dark.setColor(QPalette::Base, QColor(0x1F, 0x21, 0x24));
    dark.setColor(QPalette::AlternateBase, QColor(0x2B, 0x2D, 0x31));
    dark.setColor(QPalette::Text, QColor(0xE6, 0xE6, 0xE6));
    dark.setColor(QPalette::Button, QColor(0x33, 0x36, 0x3A));
    dark.setColor(QPalette::ButtonText, QColor(0xE6, 0xE6, 0xE6));
    dark.setColor(QPalette::PlaceholderText, QColor(0x9A, 0x9E, 0xA6));
    dark.setColor(QPalette::Highlight, QColor(0x3D, 0x6F, 0xB4));
    dark.setColor(QPalette::HighlightedText, Qt::white);
    m_page->setPalette(dark);
    QVERIFY(BudgetColors::isDark(m_page->view()->palette()));
    screenshot(m_page.get(), QStringLiteral("budgets-states-dark"));
}

void TestBudgetsPage::screenshotWithDemoData()
{
    DemoGenerator::Options options;
    options.transactions = 4000;
    options.endDate = m_clock->today();
    options.currency = QStringLiteral("USD");
    auto populated = DemoGenerator::populate(m_session->database(), user(), options);
    QVERIFY2(populated.ok(), populated.ok() ? "" : qPrintable(populated.error().message));
    m_session->transactions()->notifyBulkInsert(user());
    // Budgets near what the household usually spends, as Suggest would propose them (some a little lower).
    const BudgetEngine* engine = m_session->budgetEngine();
    const struct
    {
        const char* category;
        int percent;
    } plans[] = {{"", 105},
                 {"Groceries", 100},
                 {"Dining & Drinks", 80},
                 {"Transport & Car", 110},
                 {"Shopping", 70},
                 {"Entertainment & Leisure", 95},
                 {"Subscriptions", 100}};
    for (const auto& plan : plans) {
        const QString name = QString::fromUtf8(plan.category);
        std::optional<qint64> categoryId;
        if (!name.isEmpty())
            categoryId = category(name);
        auto suggestion = engine->suggestLimit(user(), categoryId, BudgetPeriod::Monthly, Currency::fromCode(u"USD"));
        QVERIFY(suggestion.ok());
        if (!suggestion->has_value())
            continue;
        Budget budget;
        budget.categoryId = categoryId;
        const Money limit = *(*suggestion)->multipliedBy(plan.percent, 100);
        budget.limit = Money(limit.minor() / 100 * 100, limit.currency()); // whole dollars
        QVERIFY(m_session->budgets()->add(user(), budget).ok());
    }
    QVERIFY(QTest::qWaitFor([&]() { return model()->rowCount() >= 5 && !model()->isLoading(); }, 10000));
    m_page->resize(1100, 460);
    screenshot(m_page.get(), QStringLiteral("budgets-demo"));
}

QTEST_MAIN(TestBudgetsPage)
#include "tst_budgetspage.moc"
