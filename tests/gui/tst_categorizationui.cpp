#include "categorize/categorizer.h"
#include "common/messagebox.h"
#include "db/categorizationfeedbackrepository.h"
#include "db/categorizationstaterepository.h"
#include "dialogs/ruleeditdialog.h"
#include "dialogs/rulesdialog.h"
#include "dialogs/ruletablemodel.h"
#include "dialogs/settingsdialog.h"
#include "guitest.h"
#include "i18n/translations.h"
#include "itemmodels/transactionmodel.h"
#include "ledger/categorydelegate.h"
#include "ledger/filterbar.h"
#include "ledger/ledgerpage.h"
#include "ledger/ledgerview.h"
#include "ledger/reviewbar.h"
#include "mainwindow.h"
#include "session/session.h"
#include "testdatabase.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QScopeGuard>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>
#include <QUndoStack>

using namespace Moniagent;
using Moniagent::Test::screenshot;
using Moniagent::Test::settled;

namespace {

int rowOf(TransactionModel* model, const QString& merchant)
{
    for (int r = 0; r < model->rowCount(); ++r) {
        if (model->index(r, TransactionModel::MerchantColumn).data().toString() == merchant)
            return r;
    }
    return -1;
}

QStringList merchants(TransactionModel* model)
{
    QStringList list;
    for (int r = 0; r < model->rowCount(); ++r)
        list << model->index(r, TransactionModel::MerchantColumn).data().toString();
    list.sort();
    return list;
}

QAction* findAction(QMenu* menu, const QString& text)
{
    for (QAction* action : menu->actions()) {
        if (action->text() == text)
            return action;
    }
    return nullptr;
}

} // namespace

class TestCategorizationUi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void reviewQueueAcceptAndCorrect();
    void acceptAllVisibleIsOneUndoStep();
    void ruleFromContextMenu();
    void rulesDialogPreviewAndReapply();
    void rulesDialogEditAndDelete();
    void enterWithoutSuggestionOpensEditor();
    void settingsPersist();

private:
    qint64 user() const { return m_session->userId(); }
    qint64 category(const QString& name) const;
    // Adds an expense with a suggested (unconfirmed) category, a confirmed one, or none.
    qint64 suggested(const QString& merchant, const QString& category, double confidence, QDate date,
                     CategorizedBy by = CategorizedBy::Model);
    qint64 confirmed(const QString& merchant, const QString& category, QDate date);
    qint64 uncategorized(const QString& merchant, QDate date);
    Transaction stored(qint64 id) const;
    TransactionModel* model() const { return m_window->ledgerModel(); }
    LedgerView* view() const { return m_window->ledgerPage()->view(); }
    QToolButton* reviewToggle() const { return m_window->ledgerPage()->filterBar()->reviewButton(); }
    void enterReview();

    Translations m_translations;
    std::unique_ptr<Test::ManualClock> m_clock;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<MainWindow> m_window;
};

void TestCategorizationUi::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("MoniagentTest"));
    QCoreApplication::setApplicationName(QStringLiteral("MoniagentCategorizationUiTest"));
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    m_translations.install(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestCategorizationUi::init()
{
    QSettings().clear();
    m_clock = std::make_unique<Test::ManualClock>();
    m_dir = std::make_unique<QTemporaryDir>();
    auto session = Test::openSamSession(m_dir->filePath(QStringLiteral("moniagent.sqlite")), *m_clock);
    QVERIFY(session.ok());
    m_session = std::move(*session);
    QVERIFY(m_session->categorizer());
    m_window = std::make_unique<MainWindow>(m_session.get());
    m_window->resize(1180, 640);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY(settled(model()));
}

void TestCategorizationUi::cleanup()
{
    m_window.reset();
    m_session.reset();
    m_dir.reset();
}

qint64 TestCategorizationUi::category(const QString& name) const
{
    auto c = m_session->categories()->findByName(user(), name);
    return c ? c->id : 0;
}

qint64 TestCategorizationUi::suggested(const QString& merchant, const QString& name, double confidence, QDate date,
                                       CategorizedBy by)
{
    Transaction t = Test::TestDatabase::expense(1234, merchant, date, QStringLiteral("USD"));
    t.categoryId = category(name);
    t.categorizedBy = by;
    t.categoryConfidence = confidence;
    auto id = m_session->transactions()->add(user(), t);
    return id ? *id : 0;
}

qint64 TestCategorizationUi::confirmed(const QString& merchant, const QString& name, QDate date)
{
    Transaction t = Test::TestDatabase::expense(2500, merchant, date, QStringLiteral("USD"));
    t.categoryId = category(name);
    t.categorizedBy = CategorizedBy::User;
    t.categoryConfidence = 1.0;
    t.confirmedByUser = true;
    auto id = m_session->transactions()->add(user(), t);
    return id ? *id : 0;
}

qint64 TestCategorizationUi::uncategorized(const QString& merchant, QDate date)
{
    auto id = m_session->transactions()->add(user(),
                                             Test::TestDatabase::expense(990, merchant, date, QStringLiteral("USD")));
    return id ? *id : 0;
}

Transaction TestCategorizationUi::stored(qint64 id) const
{
    auto t = m_session->transactions()->find(user(), id);
    return t ? *t : Transaction();
}

void TestCategorizationUi::enterReview()
{
    QTest::keyClick(m_window.get(), Qt::Key_R, Qt::ControlModifier); // View › Needs Review
    QVERIFY(reviewToggle()->isChecked());
    QVERIFY(m_window->ledgerPage()->reviewBar()->isVisible());
    QVERIFY(QTest::qWaitFor([&]() { return model()->filter().reviewBelow.has_value() && !model()->isLoading(); }));
    QVERIFY(settled(model()));
}

void TestCategorizationUi::reviewQueueAcceptAndCorrect()
{
    const QDate day(2026, 11, 20);
    const qint64 corner = suggested(QStringLiteral("Corner Shop"), QStringLiteral("Groceries"), 0.62, day);
    const qint64 fuel = suggested(QStringLiteral("Fuel Station"), QStringLiteral("Transport & Car"), 0.95,
                                  day.addDays(-1)); // applied: above the 90 % threshold
    confirmed(QStringLiteral("Bookstore"), QStringLiteral("Shopping"), day.addDays(-2));
    const qint64 bakery = suggested(QStringLiteral("Bakery Rossi"), QStringLiteral("Groceries"), 0.7, day.addDays(-3));
    const qint64 mystery = uncategorized(QStringLiteral("Zqxv Holdings"), day.addDays(-4));
    QVERIFY(corner && fuel && bakery && mystery);
    QVERIFY(QTest::qWaitFor([&]() { return model()->rowCount() == 5 && !model()->isLoading(); }));
    QVERIFY(settled(model()));

    // The queue: unconfirmed and uncategorized or below the threshold, whatever the categorizer made of the
    // uncategorized row on arrival.
    QStringList expected {QStringLiteral("Bakery Rossi"), QStringLiteral("Corner Shop")};
    const Transaction m = stored(mystery);
    if (!m.categoryId || m.categoryConfidence.value_or(0) < 0.9)
        expected << QStringLiteral("Zqxv Holdings");
    expected.sort();
    QVERIFY(QTest::qWaitFor(
        [&]() { return reviewToggle()->text() == QStringLiteral("Needs review (%1)").arg(expected.size()); }));
    screenshot(m_window.get(), QStringLiteral("cat-01-ledger-confidence"));
    enterReview();
    QCOMPARE(merchants(model()), expected);
    // Suggestions show their confidence in review mode.
    QVERIFY(view()->categoryDelegate()->showsConfidenceText());
    screenshot(m_window.get(), QStringLiteral("cat-02-review-queue"));

    // Enter accepts the current row's suggestion and moves on; the row leaves the queue.
    view()->setFocus();
    const int cornerRow = rowOf(model(), QStringLiteral("Corner Shop"));
    QVERIFY(cornerRow >= 0);
    view()->setCurrentIndex(model()->index(cornerRow, TransactionModel::MerchantColumn));
    QTest::keyClick(view(), Qt::Key_Return);
    Transaction accepted = stored(corner);
    QVERIFY(accepted.confirmedByUser);
    QCOMPARE(accepted.categoryId, std::optional<qint64>(category(QStringLiteral("Groceries"))));
    QCOMPARE(accepted.categorizedBy, CategorizedBy::Model); // who suggested it stays on record
    QVERIFY(
        QTest::qWaitFor([&]() { return model()->rowCount() == int(expected.size()) - 1 && !model()->isLoading(); }));
    QVERIFY(settled(model()));
    QCOMPARE(rowOf(model(), QStringLiteral("Corner Shop")), -1);
    QVERIFY(QTest::qWaitFor(
        [&]() { return reviewToggle()->text() == QStringLiteral("Needs review (%1)").arg(expected.size() - 1); }));
    auto feedback = m_session->categorizer()->feedbackRepository()->listForTransaction(user(), corner);
    QVERIFY(feedback.ok());
    QCOMPARE(feedback->size(), 1);
    QCOMPARE(feedback->first().type, FeedbackType::Confirmation);
    QCOMPARE(m_window->undoStack()->undoText(), QStringLiteral("Accept “Groceries” for “Corner Shop”"));

    // Typing on a row opens the category editor with what was typed; the completer picks the category.
    const int bakeryRow = rowOf(model(), QStringLiteral("Bakery Rossi"));
    QVERIFY(bakeryRow >= 0);
    view()->setCurrentIndex(model()->index(bakeryRow, TransactionModel::MerchantColumn));
    QTest::keyClick(view(), Qt::Key_D);
    auto* combo = view()->findChild<QComboBox*>(QStringLiteral("categoryEditor"));
    QVERIFY(combo);
    QCOMPARE(view()->currentIndex().column(), int(TransactionModel::CategoryColumn));
    QCOMPARE(combo->lineEdit()->text(), QStringLiteral("d")); // the typed letter replaced the old name
    QTest::keyClicks(combo->lineEdit(), QStringLiteral("ining"));
    QAbstractItemView* popup = combo->completer()->popup();
    QVERIFY(QTest::qWaitFor([&]() { return popup->isVisible(); }));
    screenshot(m_window.get(), QStringLiteral("cat-03-type-ahead"));
    screenshot(popup, QStringLiteral("cat-03-type-ahead-popup"));
    QTest::keyClick(popup, Qt::Key_Down);
    QTest::keyClick(popup, Qt::Key_Return);
    QVERIFY(QTest::qWaitFor([&]() { return !view()->findChild<QComboBox*>(QStringLiteral("categoryEditor")); }));
    const Transaction corrected = stored(bakery);
    QCOMPARE(corrected.categoryId, std::optional<qint64>(category(QStringLiteral("Dining & Drinks"))));
    QCOMPARE(corrected.categorizedBy, CategorizedBy::User);
    QVERIFY(corrected.confirmedByUser);
    QCOMPARE(corrected.categoryConfidence, std::optional<double>(1.0));
    feedback = m_session->categorizer()->feedbackRepository()->listForTransaction(user(), bakery);
    QVERIFY(feedback.ok());
    QCOMPARE(feedback->size(), 1);
    QCOMPARE(feedback->first().type, FeedbackType::Correction);
    QCOMPARE(feedback->first().suggestedCategoryId, std::optional<qint64>(category(QStringLiteral("Groceries"))));
    QVERIFY(
        QTest::qWaitFor([&]() { return rowOf(model(), QStringLiteral("Bakery Rossi")) < 0 && !model()->isLoading(); }));

    // Leaving review mode shows the whole ledger again.
    // (The offscreen platform does not give the window back its activation when the completer popup closes.)
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QTest::keyClick(m_window.get(), Qt::Key_R, Qt::ControlModifier);
    QVERIFY(!reviewToggle()->isChecked());
    QVERIFY(QTest::qWaitFor([&]() { return model()->rowCount() == 5 && !model()->isLoading(); }));
}

void TestCategorizationUi::acceptAllVisibleIsOneUndoStep()
{
    // More rows than fit in the loaded pages: the ones never scrolled into view are accepted as well.
    QList<Transaction> rows;
    for (int i = 0; i < 300; ++i) {
        Transaction t = Test::TestDatabase::expense(100 + i, QStringLiteral("Market %1").arg(i),
                                                    QDate(2026, 1, 1).addDays(i % 300), QStringLiteral("USD"));
        t.categoryId = category(i % 2 ? QStringLiteral("Groceries") : QStringLiteral("Shopping"));
        t.categorizedBy = CategorizedBy::Model;
        t.categoryConfidence = 0.5 + (i % 30) / 100.0;
        rows << t;
    }
    QVERIFY(m_session->transactions()->addMany(user(), rows).ok());
    const qint64 done = confirmed(QStringLiteral("Settled Store"), QStringLiteral("Shopping"), QDate(2026, 11, 1));
    QVERIFY(done);
    QVERIFY(QTest::qWaitFor([&]() { return model()->rowCount() == 301 && !model()->isLoading(); }));
    enterReview();
    QCOMPARE(model()->rowCount(), 300);
    QVERIFY(QTest::qWaitFor([&]() { return reviewToggle()->text() == QStringLiteral("Needs review (300)"); }));

    TransactionFilter unconfirmed;
    unconfirmed.confirmed = false;
    QCOMPARE(*m_session->transactions()->count(user(), unconfirmed), qint64(300));
    auto* acceptAll = m_window->ledgerPage()->reviewBar()->acceptAllButton();
    QVERIFY(acceptAll->isEnabled());
    screenshot(m_window.get(), QStringLiteral("cat-04-accept-all"));
    view()->setFocus();
    QTest::keyClick(view(), Qt::Key_Return, Qt::ControlModifier | Qt::ShiftModifier); // Accept All Visible
    QCOMPARE(*m_session->transactions()->count(user(), unconfirmed), qint64(0));
    QCOMPARE(m_window->undoStack()->count(), 1);
    QCOMPARE(m_window->undoStack()->undoText(), QStringLiteral("Accept 300 suggestions"));
    QVERIFY(QTest::qWaitFor([&]() { return model()->rowCount() == 0 && !model()->isLoading(); }));
    QVERIFY(QTest::qWaitFor([&]() { return reviewToggle()->text() == QStringLiteral("Needs review (0)"); }));
    // Nothing left: the page says so.
    auto* hint = m_window->findChild<QLabel*>(QStringLiteral("emptyLedgerHint"));
    QVERIFY(QTest::qWaitFor([&]() { return hint->isVisible(); }));
    QVERIFY(hint->text().startsWith(QStringLiteral("Nothing to review")));
    screenshot(m_window.get(), QStringLiteral("cat-05-review-empty"));
    // Categories and who suggested them are unchanged: only the confirmation is new.
    auto all = m_session->transactions()->list(user(), {}, {}, 400);
    QVERIFY(all.ok());
    QCOMPARE(all->size(), 301);
    for (const Transaction& t : std::as_const(*all)) {
        QVERIFY(t.confirmedByUser);
        QVERIFY(t.categoryId);
        if (t.id != done)
            QCOMPARE(t.categorizedBy, CategorizedBy::Model);
    }

    m_window->findChild<QAction*>(QStringLiteral("undoAction"))->trigger();
    QCOMPARE(*m_session->transactions()->count(user(), unconfirmed), qint64(300));
    QVERIFY(stored(done).confirmedByUser); // was confirmed before, stays so
    QVERIFY(QTest::qWaitFor([&]() { return model()->rowCount() == 300 && !model()->isLoading(); }));
    QVERIFY(QTest::qWaitFor([&]() { return reviewToggle()->text() == QStringLiteral("Needs review (300)"); }));

    // The same through the selection: Select All, then Edit › Accept Suggestion (rows never loaded included).
    QVERIFY(settled(model()));
    view()->setFocus();
    QTest::keyClick(view(), Qt::Key_A, Qt::ControlModifier);
    QCOMPARE(view()->selectedRows().size(), 300);
    QTest::keyClick(view(), Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(*m_session->transactions()->count(user(), unconfirmed), qint64(0));
    QCOMPARE(m_window->undoStack()->undoText(), QStringLiteral("Accept 300 suggestions"));
}

void TestCategorizationUi::ruleFromContextMenu()
{
    const QDate day(2026, 11, 10);
    const QString store = QStringLiteral("TESCO STORES 3297");
    QList<qint64> open;
    open << suggested(store, QStringLiteral("Shopping"), 0.55, day);
    open << suggested(store, QStringLiteral("Shopping"), 0.6, day.addDays(-1));
    open << suggested(store, QStringLiteral("Housing"), 0.4, day.addDays(-2));
    const qint64 mine = confirmed(store, QStringLiteral("Shopping"), day.addDays(-3));
    const qint64 other = suggested(QStringLiteral("Lidl"), QStringLiteral("Shopping"), 0.5, day.addDays(-4));
    QVERIFY(QTest::qWaitFor([&]() { return model()->rowCount() == 5 && !model()->isLoading(); }));
    QVERIFY(settled(model()));

    const int row = rowOf(model(), store);
    const QModelIndex index = model()->index(row, TransactionModel::MerchantColumn);
    view()->setCurrentIndex(index);
    std::unique_ptr<QMenu> menu = view()->createContextMenu(index);
    auto* always = menu->findChild<QMenu*>(QStringLiteral("alwaysCategorizeMenu"));
    QVERIFY(always);
    QCOMPARE(always->title(), QStringLiteral("Always Categorize “%1” As").arg(store));
    QVERIFY(findAction(always, QStringLiteral("Groceries")));
    QVERIFY(!findAction(always, QStringLiteral("Salary"))); // only categories for expenses
    QVERIFY(menu->findChild<QAction*>(QStringLiteral("acceptSuggestion")));

    // The rule is made; the question tells how many unconfirmed transactions it would change.
    MessageBox::setNextAnswer(QMessageBox::Yes);
    findAction(always, QStringLiteral("Groceries"))->trigger();
    QVERIFY2(MessageBox::lastText().contains(QStringLiteral("Also change the 3 transactions")),
             qPrintable(MessageBox::lastText()));
    auto rules = m_session->categorizer()->listRules();
    QVERIFY(rules.ok());
    QCOMPARE(rules->size(), 1);
    QCOMPARE(rules->first().type, RuleType::ExactMatch);
    QCOMPARE(rules->first().pattern, store);
    QCOMPARE(rules->first().categoryId, category(QStringLiteral("Groceries")));
    QCOMPARE(rules->first().origin, RuleOrigin::User);

    // Applied as one step: the three suggestions changed, the confirmed row and the other store did not.
    for (qint64 id : open) {
        const Transaction t = stored(id);
        QCOMPARE(t.categoryId, std::optional<qint64>(category(QStringLiteral("Groceries"))));
        QCOMPARE(t.categorizedBy, CategorizedBy::Rule);
        QVERIFY(!t.confirmedByUser);
    }
    QCOMPARE(stored(mine).categoryId, std::optional<qint64>(category(QStringLiteral("Shopping"))));
    QCOMPARE(stored(other).categoryId, std::optional<qint64>(category(QStringLiteral("Shopping"))));
    QCOMPARE(m_window->undoStack()->count(), 1);
    QCOMPARE(m_window->undoStack()->undoText(),
             QStringLiteral("Categorize 3 transactions from “%1” as Groceries").arg(store));

    // The tooltip says why, and so does "Why this category?".
    QVERIFY(QTest::qWaitFor([&]() {
        const int r = rowOf(model(), store);
        return r >= 0
            && model()
                   ->index(r, TransactionModel::CategoryColumn)
                   .data(Qt::ToolTipRole)
                   .toString()
                   .contains(QStringLiteral("rule: store is “%1”").arg(store));
    }));
    const int ruled = rowOf(model(), store);
    std::unique_ptr<QMenu> second = view()->createContextMenu(model()->index(ruled, 0));
    auto* why = second->findChild<QAction*>(QStringLiteral("explainCategory"));
    QVERIFY(why);
    MessageBox::setNextAnswer(QMessageBox::Ok);
    why->trigger();
    QVERIFY2(MessageBox::lastText().contains(QStringLiteral("Groceries")), qPrintable(MessageBox::lastText()));

    // A real right click shows the same menu.
    QTimer::singleShot(50, this, [&]() {
        auto* popup = qobject_cast<QMenu*>(QApplication::activePopupWidget());
        QVERIFY(popup);
        screenshot(m_window.get(), QStringLiteral("cat-06-context-menu-window"));
        screenshot(popup, QStringLiteral("cat-06-context-menu"));
        QVERIFY(popup->findChild<QMenu*>(QStringLiteral("alwaysCategorizeMenu")));
        popup->close();
    });
    const QRect cell = view()->visualRect(model()->index(ruled, TransactionModel::MerchantColumn));
    QContextMenuEvent event(QContextMenuEvent::Mouse, cell.center(), view()->viewport()->mapToGlobal(cell.center()));
    QApplication::sendEvent(view()->viewport(), &event);

    // Undo restores the three rows.
    m_window->findChild<QAction*>(QStringLiteral("undoAction"))->trigger();
    QCOMPARE(stored(open.at(0)).categoryId, std::optional<qint64>(category(QStringLiteral("Shopping"))));
    QCOMPARE(stored(open.at(2)).categoryId, std::optional<qint64>(category(QStringLiteral("Housing"))));
    QCOMPARE(stored(open.at(2)).categorizedBy, CategorizedBy::Model);
}

void TestCategorizationUi::rulesDialogPreviewAndReapply()
{
    const QDate day(2026, 10, 1);
    QList<qint64> coffee;
    coffee << suggested(QStringLiteral("Starbucks Main St"), QStringLiteral("Shopping"), 0.5, day);
    coffee << suggested(QStringLiteral("STARBUCKS 0042"), QStringLiteral("Groceries"), 0.6, day.addDays(1));
    coffee << suggested(QStringLiteral("Starbucks Airport"), QStringLiteral("Travel"), 0.7, day.addDays(2));
    const qint64 mine = confirmed(QStringLiteral("Starbucks Reserve"), QStringLiteral("Shopping"), day.addDays(3));
    const qint64 other = suggested(QStringLiteral("Peet's Coffee"), QStringLiteral("Shopping"), 0.5, day.addDays(4));
    QVERIFY(QTest::qWaitFor([&]() { return model()->rowCount() == 5 && !model()->isLoading(); }));

    RulesDialog dialog(m_session->categorizer(), m_session->categories(), model(), m_window.get());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QCOMPARE(dialog.model()->rowCount(), 0);

    // Add a keyword rule; the preview counts while typing.
    bool checked = false;
    QTimer::singleShot(0, this, [&]() {
        auto* edit = qobject_cast<RuleEditDialog*>(QApplication::activeModalWidget());
        QVERIFY(edit);
        auto* type = edit->findChild<QComboBox*>(QStringLiteral("ruleType"));
        auto* pattern = edit->findChild<QLineEdit*>(QStringLiteral("rulePattern"));
        auto* categoryBox = edit->findChild<QComboBox*>(QStringLiteral("ruleCategory"));
        auto* ok = edit->findChild<QPushButton*>(QStringLiteral("ruleOk"));
        auto* error = edit->findChild<QLabel*>(QStringLiteral("ruleError"));
        QVERIFY(type && pattern && categoryBox && ok && error);
        QCOMPARE(edit->findChild<QSpinBox*>(QStringLiteral("ruleConfidence"))->value(), 100);
        QVERIFY(!ok->isEnabled()); // nothing typed yet
        type->setCurrentIndex(type->findData(int(RuleType::Keyword)));
        categoryBox->setCurrentIndex(categoryBox->findText(QStringLiteral("Dining & Drinks")));
        pattern->setFocus();
        QTest::keyClicks(pattern, QStringLiteral("starbucks"));
        QTRY_COMPARE_WITH_TIMEOUT(edit->previewText(), QStringLiteral("Matches 4 transactions, would change 3."), 5000);
        QCOMPARE(edit->findChild<QTreeWidget*>(QStringLiteral("rulePreviewSamples"))->topLevelItemCount(), 3);
        QVERIFY(ok->isEnabled());
        screenshot(edit, QStringLiteral("cat-07-rule-edit-preview"));

        // An invalid regular expression: the validator's message under the pattern, OK disabled.
        type->setCurrentIndex(type->findData(int(RuleType::Regex)));
        pattern->clear();
        QTest::keyClicks(pattern, QStringLiteral("star(bucks"));
        QVERIFY(!ok->isEnabled());
        QVERIFY(error->isVisible());
        QVERIFY2(!edit->validationMessage().isEmpty(), "no message for an invalid regular expression");
        screenshot(edit, QStringLiteral("cat-08-rule-edit-invalid"));

        type->setCurrentIndex(type->findData(int(RuleType::Keyword)));
        pattern->clear();
        QTest::keyClicks(pattern, QStringLiteral("starbucks"));
        QVERIFY(ok->isEnabled());
        QVERIFY(!error->isVisible());
        checked = true;
        ok->click();
    });
    dialog.addRule();
    QVERIFY(checked);
    QCOMPARE(dialog.model()->rowCount(), 1);
    auto rules = m_session->categorizer()->listRules();
    QCOMPARE(rules->size(), 1);
    QCOMPARE(rules->first().pattern, QStringLiteral("starbucks"));
    QCOMPARE(rules->first().type, RuleType::Keyword);
    QCOMPARE(rules->first().confidenceThreshold, 1.0);
    QCOMPARE(dialog.model()->index(0, RuleTableModel::CategoryColumn).data().toString(),
             QStringLiteral("Dining & Drinks"));
    QCOMPARE(dialog.model()->index(0, RuleTableModel::OriginColumn).data().toString(), QStringLiteral("You"));
    screenshot(&dialog, QStringLiteral("cat-09-rules-dialog"));

    // Re-apply: one question with the summary, then one undo step.
    MessageBox::setNextAnswer(QMessageBox::Yes);
    dialog.findChild<QPushButton*>(QStringLiteral("reapplyRules"))->click();
    QVERIFY2(MessageBox::lastText().startsWith(QStringLiteral("3 transactions will change: 3 → Dining & Drinks")),
             qPrintable(MessageBox::lastText()));
    for (qint64 id : coffee)
        QCOMPARE(stored(id).categoryId, std::optional<qint64>(category(QStringLiteral("Dining & Drinks"))));
    QCOMPARE(stored(mine).categoryId, std::optional<qint64>(category(QStringLiteral("Shopping"))));
    QCOMPARE(stored(other).categoryId, std::optional<qint64>(category(QStringLiteral("Shopping"))));
    QCOMPARE(m_window->undoStack()->count(), 1);
    QCOMPARE(m_window->undoStack()->undoText(), QStringLiteral("Re-apply rules to 3 transactions"));
    auto* report = dialog.findChild<QLabel*>(QStringLiteral("reapplyReport"));
    QVERIFY(report && report->text().contains(QStringLiteral("3 transactions changed")));
    screenshot(&dialog, QStringLiteral("cat-10-rules-reapplied"));

    // Turning the rule off is remembered.
    dialog.view()->selectRow(0);
    dialog.findChild<QPushButton*>(QStringLiteral("toggleRule"))->click();
    QVERIFY(!m_session->categorizer()->listRules()->first().isActive);
    QCOMPARE(dialog.model()->index(0, RuleTableModel::ActiveColumn).data(Qt::CheckStateRole).toInt(),
             int(Qt::Unchecked));

    dialog.close();
    m_window->findChild<QAction*>(QStringLiteral("undoAction"))->trigger();
    QCOMPARE(stored(coffee.at(0)).categoryId, std::optional<qint64>(category(QStringLiteral("Shopping"))));
    QCOMPARE(stored(coffee.at(1)).categoryId, std::optional<qint64>(category(QStringLiteral("Groceries"))));
    QCOMPARE(stored(coffee.at(2)).categoryId, std::optional<qint64>(category(QStringLiteral("Travel"))));
}

void TestCategorizationUi::rulesDialogEditAndDelete()
{
    CategorizationRule rule;
    rule.type = RuleType::ExactMatch;
    rule.pattern = QStringLiteral("Netflix");
    rule.categoryId = category(QStringLiteral("Shopping"));
    rule.confidenceThreshold = 1.0;
    auto id = m_session->categorizer()->addRule(rule);
    QVERIFY(id.ok());
    RulesDialog dialog(m_session->categorizer(), m_session->categories(), model(), m_window.get());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QCOMPARE(dialog.model()->rowCount(), 1);
    dialog.view()->selectRow(0);

    // Edit: the dialog opens with the rule's values; a new category is saved.
    bool edited = false;
    QTimer::singleShot(0, this, [&]() {
        auto* edit = qobject_cast<RuleEditDialog*>(QApplication::activeModalWidget());
        QVERIFY(edit);
        QCOMPARE(edit->findChild<QLineEdit*>(QStringLiteral("rulePattern"))->text(), QStringLiteral("Netflix"));
        auto* categoryBox = edit->findChild<QComboBox*>(QStringLiteral("ruleCategory"));
        QCOMPARE(categoryBox->currentText(), QStringLiteral("Shopping"));
        categoryBox->setCurrentIndex(categoryBox->findText(QStringLiteral("Subscriptions")));
        edit->findChild<QSpinBox*>(QStringLiteral("rulePriority"))->setValue(5);
        edited = true;
        edit->findChild<QPushButton*>(QStringLiteral("ruleOk"))->click();
    });
    dialog.findChild<QPushButton*>(QStringLiteral("editRule"))->click();
    QVERIFY(edited);
    auto rules = m_session->categorizer()->listRules();
    QCOMPARE(rules->size(), 1);
    QCOMPARE(rules->first().id, *id);
    QCOMPARE(rules->first().categoryId, category(QStringLiteral("Subscriptions")));
    QCOMPARE(rules->first().priority, 5);
    QCOMPARE(dialog.model()->index(0, RuleTableModel::CategoryColumn).data().toString(),
             QStringLiteral("Subscriptions"));

    // Delete asks first; "No" keeps the rule, "Yes" removes it.
    MessageBox::setNextAnswer(QMessageBox::No);
    dialog.findChild<QPushButton*>(QStringLiteral("deleteRule"))->click();
    QVERIFY(MessageBox::lastText().contains(QStringLiteral("Netflix")));
    QCOMPARE(m_session->categorizer()->listRules()->size(), 1);
    MessageBox::setNextAnswer(QMessageBox::Yes);
    dialog.findChild<QPushButton*>(QStringLiteral("deleteRule"))->click();
    QCOMPARE(m_session->categorizer()->listRules()->size(), 0);
    QCOMPARE(dialog.model()->rowCount(), 0);
    QVERIFY(!dialog.findChild<QPushButton*>(QStringLiteral("editRule"))->isEnabled());
}

void TestCategorizationUi::enterWithoutSuggestionOpensEditor()
{
    // A row the categorizer had nothing for (made so by hand: arrivals are categorized when it can).
    const qint64 id = uncategorized(QStringLiteral("Unknown Vendor"), QDate(2026, 11, 3));
    Transaction t = stored(id);
    t.categoryId.reset();
    t.categoryConfidence.reset();
    t.categorizedBy = CategorizedBy::None;
    QVERIFY(m_session->transactions()->update(user(), t).ok());
    QVERIFY(QTest::qWaitFor([&]() { return model()->rowCount() == 1 && !model()->isLoading(); }));
    enterReview();
    QCOMPARE(model()->rowCount(), 1);
    QCOMPARE(model()->index(0, TransactionModel::CategoryColumn).data().toString(), QStringLiteral("Uncategorized"));
    view()->setFocus();
    view()->setCurrentIndex(model()->index(0, TransactionModel::DateColumn));
    QTest::keyClick(view(), Qt::Key_Return); // nothing to accept: choose a category
    auto* combo = view()->findChild<QComboBox*>(QStringLiteral("categoryEditor"));
    QVERIFY(combo);
    QCOMPARE(view()->currentIndex().column(), int(TransactionModel::CategoryColumn));
    QVERIFY(!stored(id).confirmedByUser);
    QTest::keyClick(combo->lineEdit(), Qt::Key_Escape);
    QVERIFY(QTest::qWaitFor([&]() { return !view()->findChild<QComboBox*>(QStringLiteral("categoryEditor")); }));
    QVERIFY(!stored(id).categoryId);
    QCOMPARE(m_window->undoStack()->count(), 0);
}

void TestCategorizationUi::settingsPersist()
{
    const qint64 eighty = suggested(QStringLiteral("Pharmacy Plus"), QStringLiteral("Health"), 0.8, QDate(2026, 11, 2));
    QVERIFY(eighty);
    QVERIFY(QTest::qWaitFor([&]() { return reviewToggle()->text() == QStringLiteral("Needs review (1)"); }));

    bool checked = false;
    QTimer::singleShot(0, this, [&]() {
        auto* dialog = qobject_cast<SettingsDialog*>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        // A failed check below returns early: close the dialog anyway so the test does not hang.
        const auto closer = qScopeGuard([dialog, &checked]() {
            if (!checked)
                dialog->reject();
        });
        auto* tabs = dialog->findChild<QTabWidget*>(QStringLiteral("settingsTabs"));
        QVERIFY(tabs);
        tabs->setCurrentWidget(dialog->findChild<QWidget*>(QStringLiteral("categorizationSettings"))->parentWidget());
        auto* threshold = dialog->findChild<QSpinBox*>(QStringLiteral("autoApplyThreshold"));
        auto* learn = dialog->findChild<QSpinBox*>(QStringLiteral("learnRuleAfter"));
        auto* llm = dialog->findChild<QCheckBox*>(QStringLiteral("useLlm"));
        QVERIFY(threshold && learn && llm);
        QCOMPARE(threshold->value(), 90);
        QCOMPARE(threshold->minimum(), 50);
        QCOMPARE(threshold->maximum(), 100);
        QCOMPARE(learn->value(), 2);
        QVERIFY(!llm->isEnabled());
        QVERIFY(dialog->findChild<QLabel*>(QStringLiteral("useLlmNote"))
                    ->text()
                    .contains(QStringLiteral("Configure an AI provider first")));
        // Rebuild the learned model, with a busy indicator meanwhile.
        auto* rebuild = dialog->findChild<QPushButton*>(QStringLiteral("rebuildModel"));
        auto* info = dialog->findChild<QLabel*>(QStringLiteral("modelInfo"));
        rebuild->click();
        QVERIFY(dialog->findChild<QProgressBar*>(QStringLiteral("rebuildBusy"))->isVisible());
        QTRY_VERIFY(rebuild->isEnabled());
        QVERIFY2(info->text().startsWith(QStringLiteral("Learned from")), qPrintable(info->text()));
        screenshot(dialog, QStringLiteral("cat-11-settings"));
        threshold->selectAll();
        QTest::keyClicks(threshold, QStringLiteral("75"));
        learn->setValue(3);
        checked = true;
        dialog->accept();
    });
    m_window->showSettings();
    QVERIFY(checked);
    QCOMPARE(m_session->categorizer()->settings().autoApplyThreshold, 0.75);
    QCOMPARE(m_session->categorizer()->settings().learnRuleAfter, 3);
    // Stored, not only in memory.
    CategorizationStateRepository state(m_session->database());
    QCOMPARE(state.settings(user())->autoApplyThreshold, 0.75);
    QCOMPARE(state.settings(user())->learnRuleAfter, 3);
    // The review queue follows the new threshold: 80 % is now sure enough.
    QVERIFY(QTest::qWaitFor([&]() { return reviewToggle()->text() == QStringLiteral("Needs review (0)"); }));
}

QTEST_MAIN(TestCategorizationUi)
#include "tst_categorizationui.moc"
