#include "dashboard/chartpanel.h"
#include "dashboard/dashboardpage.h"
#include "dashboard/summarytiles.h"
#include "dashboardledger.h"
#include "db/dashboardqueries.h"
#include "db/sql.h"
#include "guitest.h"
#include "i18n/translations.h"

#include <QAbstractBarSeries>
#include <QApplication>
#include <QAreaSeries>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QDateEdit>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLineSeries>
#include <QPieSeries>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStyle>
#include <QStyleFactory>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QtMath>

using namespace Moniagent;
using Moniagent::Test::screenshot;

namespace {

using Kind = DashboardCharts::Kind;

template <typename T> T* seriesOf(ChartPanel* panel, int index = 0)
{
    const auto series = panel->chart()->series();
    return index < series.size() ? qobject_cast<T*>(series.at(index)) : nullptr;
}

QPieSlice* sliceNamed(QPieSeries* pie, const QString& name)
{
    for (QPieSlice* slice : pie->slices()) {
        if (slice->label().startsWith(name + QStringLiteral(" ·")))
            return slice;
    }
    return nullptr;
}

QBarSet* setNamed(QAbstractBarSeries* series, const QString& name)
{
    for (QBarSet* set : series->barSets()) {
        if (set->label() == name)
            return set;
    }
    return nullptr;
}

QLineSeries* lineNamed(QChart* chart, const QString& name)
{
    for (QAbstractSeries* series : chart->series()) {
        auto* line = qobject_cast<QLineSeries*>(series);
        if (line && line->name().startsWith(name))
            return line;
    }
    return nullptr;
}

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x1E, 0x1F, 0x22);
    const QColor base(0x26, 0x28, 0x2C);
    const QColor text(0xE6, 0xE7, 0xE9);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x2E, 0x30, 0x35));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x33, 0x35, 0x3A));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::Highlight, QColor(0x3B, 0x82, 0xF6));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::PlaceholderText, QColor(0x9C, 0xA3, 0xAF));
    p.setColor(QPalette::Mid, QColor(0x44, 0x46, 0x4C));
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    return p;
}

} // namespace

class TestDashboardPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void chartsShowTheQueries();
    void clickingASliceOpensTheLedger();
    void clickingBarsAndLinesOpensTheLedger();
    void changingTheMonthReloads();
    void manyBudgetsShowTheFurthestAlong();
    void reloadsAfterChanges();
    void exportsPngAndSvg();
    void emptyProfile();
    void demoScreenshots();

private:
    bool waitLoaded();

    Translations m_translations;
    std::unique_ptr<Test::ManualClock> m_clock;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<DashboardPage> m_page;
    Test::DashboardLedger m_ledger;
};

void TestDashboardPage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("MoniagentTest"));
    QCoreApplication::setApplicationName(QStringLiteral("MoniagentDashboardTest"));
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    m_translations.install(QLocale(QLocale::English, QLocale::UnitedStates));
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
}

void TestDashboardPage::init()
{
    QSettings().clear();
    m_clock = std::make_unique<Test::ManualClock>(); // Sunday 22 November 2026
    m_dir = std::make_unique<QTemporaryDir>();
    auto session = Test::openSamSession(m_dir->filePath(QStringLiteral("moniagent.sqlite")), *m_clock);
    QVERIFY(session.ok());
    m_session = std::move(*session);
    QVERIFY(m_ledger.fill(*m_session));
    m_page = std::make_unique<DashboardPage>(m_session.get());
    m_page->resize(1280, 1320);
    m_page->show();
    QVERIFY(waitLoaded());
}

void TestDashboardPage::cleanup()
{
    m_page.reset();
    m_session.reset();
    m_dir.reset();
}

bool TestDashboardPage::waitLoaded()
{
    return QTest::qWaitFor([&]() { return !m_page->isLoading() && m_page->data().month == m_page->month(); }, 15000);
}

void TestDashboardPage::chartsShowTheQueries()
{
    QCOMPARE(m_page->month(), QDate(2026, 11, 1));
    QCOMPARE(m_page->monthEdit()->date(), QDate(2026, 11, 1));
    const qint64 user = m_session->userId();
    const DashboardQueries queries(m_session->database());
    const DateRange november {QDate(2026, 11, 1), QDate(2026, 11, 30)};

    // Spending by category: one slice per category of the month, in dollars; the euro expense is left out.
    auto byCategory = queries.spendingByCategory(user, november, QStringLiteral("USD"));
    QVERIFY(byCategory);
    QCOMPARE(byCategory->totalMinor(), 5000 + 7000 + 4550 + 3000);
    ChartPanel* categories = m_page->panel(Kind::Categories);
    QVERIFY(!categories->isEmpty());
    auto* pie = seriesOf<QPieSeries>(categories);
    QVERIFY(pie);
    QCOMPARE(pie->count(), byCategory->categories.size());
    for (int i = 0; i < pie->count(); ++i)
        QCOMPARE(qRound64(pie->slices().at(i)->value() * 100), byCategory->categories.at(i).amountMinor);
    QVERIFY(sliceNamed(pie, QStringLiteral("Groceries")));
    QVERIFY(sliceNamed(pie, QStringLiteral("Uncategorized")));
    QVERIFY(sliceNamed(pie, QStringLiteral("Groceries"))->label().contains(QStringLiteral("$120 ")));
    QVERIFY(categories->footnoteLabel()->text().contains(QStringLiteral("€20.00")));
    QVERIFY(categories->footnoteLabel()->isVisibleTo(m_page.get()));

    // Budgets: share of the limit per budget, coloured by state; the threshold markers where set.
    ChartPanel* budgets = m_page->panel(Kind::Budgets);
    auto* bars = seriesOf<QAbstractBarSeries>(budgets);
    QVERIFY(bars);
    auto statuses = m_session->budgetEngine()->evaluateAll(user, m_clock->today());
    QVERIFY(statuses);
    QCOMPARE(statuses->size(), 3);
    QBarSet* ok = setNamed(bars, BudgetStates::displayName(BudgetState::Ok));
    QBarSet* over = setNamed(bars, BudgetStates::displayName(BudgetState::Exceeded));
    QVERIFY(ok && over);
    QCOMPARE(ok->count(), 3);
    for (int i = 0; i < statuses->size(); ++i) {
        const BudgetStatus& status = statuses->at(statuses->size() - 1 - i); // the first budget is on top
        QBarSet* set = status.state == BudgetState::Exceeded ? over : ok;
        QCOMPARE(set->at(i), status.used() * 100);
    }
    QCOMPARE(over->sum(), 4550.0 / 4000.0 * 100); // dining: $45.50 of $40.00

    // The trend: income per month as a line, expenses stacked by category.
    ChartPanel* trendPanel = m_page->panel(Kind::Trend);
    auto trend = queries.monthlyTrend(user, QDate(2026, 11, 1), QStringLiteral("USD"));
    QVERIFY(trend);
    QLineSeries* income = lineNamed(trendPanel->chart(), QStringLiteral("Income"));
    QLineSeries* net = lineNamed(trendPanel->chart(), QStringLiteral("Net"));
    QVERIFY(income && net);
    QCOMPARE(income->count(), 12);
    for (int m = 0; m < 12; ++m) {
        QCOMPARE(qRound64(income->at(m).y() * 100), trend->incomeMinor.at(m));
        QCOMPARE(qRound64(net->at(m).y() * 100), trend->netMinor.at(m));
    }
    QCOMPARE(trend->months.at(3), QDate(2026, 3, 1));
    QCOMPARE(qRound64(income->at(3).y() * 100), 280000);
    auto* stacked = seriesOf<QAbstractBarSeries>(trendPanel);
    QVERIFY(stacked);
    QBarSet* groceries = setNamed(stacked, QStringLiteral("Groceries"));
    QVERIFY(groceries);
    QCOMPARE(groceries->at(11), 120.0);
    QCOMPARE(groceries->at(10), 80.0);
    QCOMPARE(groceries->at(3), 120.0);

    // Spending through the month: cumulative up to today, and the overall budget's pace.
    ChartPanel* daily = m_page->panel(Kind::Daily);
    auto* area = seriesOf<QAreaSeries>(daily);
    QVERIFY(area);
    const QList<QPointF> points = area->upperSeries()->points();
    QCOMPARE(points.size(), 22);
    QCOMPARE(points.at(0).y(), 0.0);
    QCOMPARE(points.at(1).y(), 50.0);
    QCOMPARE(points.at(14).y(), 165.5); // $50 on the 2nd, $45.50 on the 10th, $70 on the 15th
    QCOMPARE(points.last().y(), 195.5);
    QLineSeries* pace = lineNamed(daily->chart(), QStringLiteral("Budget pace"));
    QVERIFY(pace);
    QCOMPARE(pace->at(pace->count() - 1), QPointF(30, 1000));
    QVERIFY(daily->footnoteLabel()->text().contains(QStringLiteral("overall budget")));

    // Top merchants, largest on top.
    ChartPanel* merchants = m_page->panel(Kind::Merchants);
    auto top = queries.topMerchants(user, november, QStringLiteral("USD"));
    QVERIFY(top);
    auto* merchantBars = seriesOf<QAbstractBarSeries>(merchants);
    QVERIFY(merchantBars);
    QBarSet* spent = merchantBars->barSets().first();
    QCOMPARE(spent->count(), top->merchants.size());
    for (int i = 0; i < top->merchants.size(); ++i)
        QCOMPARE(qRound64(spent->at(spent->count() - 1 - i) * 100), top->merchants.at(i).amountMinor);
    QCOMPARE(top->merchants.first().merchant, QStringLiteral("Fresh Market"));

    // The month in numbers.
    SummaryTiles* tiles = m_page->summaryTiles();
    QCOMPARE(tiles->valueLabel(SummaryTiles::Expenses)->text(), QStringLiteral("$195.50"));
    QCOMPARE(tiles->valueLabel(SummaryTiles::Income)->text(), QStringLiteral("$3,000.00"));
    QCOMPARE(tiles->valueLabel(SummaryTiles::Net)->text(), QStringLiteral("$2,804.50"));
    QCOMPARE(tiles->valueLabel(SummaryTiles::Count)->text(), QStringLiteral("5"));
    QVERIFY(tiles->changeLabel(SummaryTiles::Expenses)->text().contains(QStringLiteral("October")));
    screenshot(m_page.get(), QStringLiteral("dashboard-small"));
}

void TestDashboardPage::clickingASliceOpensTheLedger()
{
    ChartPanel* panel = m_page->panel(Kind::Categories);
    QChart* chart = panel->chart();
    auto* pie = seriesOf<QPieSeries>(panel);
    QVERIFY(pie);
    QPieSlice* slice = sliceNamed(pie, QStringLiteral("Groceries"));
    QVERIFY(slice);
    // The middle of the slice's ring.
    const QRectF area = chart->plotArea();
    const QPointF centre(area.left() + area.width() * pie->horizontalPosition(),
                         area.top() + area.height() * pie->verticalPosition());
    // Pie and hole sizes are both shares of the largest circle the plot area holds.
    const double ring = std::min(area.width(), area.height()) / 2 * (pie->pieSize() + pie->holeSize()) / 2;
    const double angle = qDegreesToRadians(slice->startAngle() + slice->angleSpan() / 2);
    const QPointF inChart(centre.x() + ring * std::sin(angle), centre.y() - ring * std::cos(angle));
    const QPoint at = panel->view()->mapFromScene(chart->mapToScene(inChart));
    QSignalSpy requested(m_page.get(), &DashboardPage::ledgerRequested);
    QTest::mouseMove(panel->view()->viewport(), at);
    QTest::mouseClick(panel->view()->viewport(), Qt::LeftButton, {}, at);
    QTRY_COMPARE(requested.count(), 1);
    const auto filter = requested.first().first().value<TransactionFilter>();
    QCOMPARE(filter.categoryIds, QList<qint64> {m_ledger.groceries});
    QVERIFY(!filter.uncategorized);
    QCOMPARE(filter.dates, (DateRange {QDate(2026, 11, 1), QDate(2026, 11, 30)}));
    QCOMPARE(filter.type, std::optional<TransactionType>(TransactionType::Expense));

    // The uncategorized slice asks for the rows without a category.
    QPieSlice* none = sliceNamed(pie, QStringLiteral("Uncategorized"));
    QVERIFY(none);
    Q_EMIT none->clicked();
    QCOMPARE(requested.count(), 2);
    const auto uncategorized = requested.last().first().value<TransactionFilter>();
    QVERIFY(uncategorized.uncategorized);
    QVERIFY(uncategorized.categoryIds.isEmpty());
}

void TestDashboardPage::clickingBarsAndLinesOpensTheLedger()
{
    QSignalSpy requested(m_page.get(), &DashboardPage::ledgerRequested);
    // A merchant: a search for its name in the month.
    auto* merchants = seriesOf<QAbstractBarSeries>(m_page->panel(Kind::Merchants));
    QVERIFY(merchants);
    QBarSet* spent = merchants->barSets().first();
    Q_EMIT spent->clicked(spent->count() - 1); // the top bar
    QCOMPARE(requested.count(), 1);
    auto filter = requested.last().first().value<TransactionFilter>();
    QCOMPARE(filter.search, QStringLiteral("Fresh Market"));
    QCOMPARE(filter.dates, (DateRange {QDate(2026, 11, 1), QDate(2026, 11, 30)}));

    // A budget: its category in its window.
    auto* budgets = seriesOf<QAbstractBarSeries>(m_page->panel(Kind::Budgets));
    QBarSet* over = setNamed(budgets, BudgetStates::displayName(BudgetState::Exceeded));
    QVERIFY(over);
    Q_EMIT over->clicked(0); // dining: the last budget, at the bottom
    filter = requested.last().first().value<TransactionFilter>();
    QCOMPARE(filter.categoryIds, QList<qint64> {m_ledger.dining});
    QCOMPARE(filter.dates, (DateRange {QDate(2026, 11, 1), QDate(2026, 11, 30)}));

    // A month of a category in the trend.
    auto* stacked = seriesOf<QAbstractBarSeries>(m_page->panel(Kind::Trend));
    QBarSet* groceries = setNamed(stacked, QStringLiteral("Groceries"));
    QVERIFY(groceries);
    Q_EMIT groceries->clicked(3); // March
    filter = requested.last().first().value<TransactionFilter>();
    QCOMPARE(filter.categoryIds, QList<qint64> {m_ledger.groceries});
    QCOMPARE(filter.dates, (DateRange {QDate(2026, 3, 1), QDate(2026, 3, 31)}));
    // The income line: the month's income.
    QLineSeries* income = lineNamed(m_page->panel(Kind::Trend)->chart(), QStringLiteral("Income"));
    Q_EMIT income->clicked(QPointF(10.2, 3000));
    filter = requested.last().first().value<TransactionFilter>();
    QCOMPARE(filter.type, std::optional<TransactionType>(TransactionType::Income));
    QCOMPARE(filter.dates, (DateRange {QDate(2026, 10, 1), QDate(2026, 10, 31)}));
    // The cumulative line: the expenses up to that day.
    auto* area = seriesOf<QAreaSeries>(m_page->panel(Kind::Daily));
    Q_EMIT area->clicked(QPointF(14.8, 120));
    filter = requested.last().first().value<TransactionFilter>();
    QCOMPARE(filter.dates, (DateRange {QDate(2026, 11, 1), QDate(2026, 11, 15)}));
    QCOMPARE(requested.count(), 5);
}

void TestDashboardPage::changingTheMonthReloads()
{
    QToolButton* previous = m_page->findChild<QToolButton*>(QStringLiteral("previousMonth"));
    QToolButton* next = m_page->findChild<QToolButton*>(QStringLiteral("nextMonth"));
    QVERIFY(previous && next);
    QVERIFY(!next->isEnabled()); // nothing after this month
    QSignalSpy loaded(m_page.get(), &DashboardPage::loaded);
    QTest::mouseClick(previous, Qt::LeftButton);
    QCOMPARE(m_page->month(), QDate(2026, 10, 1));
    QCOMPARE(m_page->monthEdit()->date().month(), 10);
    QVERIFY(waitLoaded());
    QVERIFY(loaded.count() >= 1);
    QVERIFY(next->isEnabled());
    auto* pie = seriesOf<QPieSeries>(m_page->panel(Kind::Categories));
    QVERIFY(pie);
    QCOMPARE(pie->count(), 2);
    QCOMPARE(pie->sum(), 105.0); // $80 groceries + $25 transport
    auto* area = seriesOf<QAreaSeries>(m_page->panel(Kind::Daily));
    QCOMPARE(area->upperSeries()->count(), 31); // a past month runs to its end
    QCOMPARE(m_page->summaryTiles()->valueLabel(SummaryTiles::Expenses)->text(), QStringLiteral("$105.00"));

    // Typing a month in the editor, then Alt+Right, then back to this month.
    m_page->monthEdit()->setDate(QDate(2026, 3, 1));
    QVERIFY(waitLoaded());
    QCOMPARE(m_page->data().month, QDate(2026, 3, 1));
    QCOMPARE(seriesOf<QPieSeries>(m_page->panel(Kind::Categories))->sum(), 120.0);
    m_page->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_page.get()));
    QTest::keyClick(m_page.get(), Qt::Key_Right, Qt::AltModifier);
    QTRY_COMPARE(m_page->month(), QDate(2026, 4, 1)); // a shortcut animates the button's click
    QVERIFY(waitLoaded());
    QVERIFY(m_page->panel(Kind::Categories)->isEmpty());
    QVERIFY(m_page->panel(Kind::Categories)->emptyLabel()->text().contains(QStringLiteral("April 2026")));
    QPushButton* thisMonth = m_page->findChild<QPushButton*>(QStringLiteral("thisMonth"));
    QTest::mouseClick(thisMonth, Qt::LeftButton);
    QVERIFY(waitLoaded());
    QCOMPARE(m_page->data().month, QDate(2026, 11, 1));
    QVERIFY(!thisMonth->isEnabled());
}

void TestDashboardPage::manyBudgetsShowTheFurthestAlong()
{
    // Enough budgets that their names would not fit: the chart keeps the eight furthest along and says so.
    QSignalSpy loaded(m_page.get(), &DashboardPage::loaded);
    auto categories = m_session->categories()->list(m_session->userId());
    QVERIFY(categories);
    qint64 limit = 100000;
    for (const Category& category : std::as_const(*categories)) {
        if (category.type == CategoryType::Income
            || m_session->budgets()->findForCategory(m_session->userId(), category.id)->has_value())
            continue;
        Budget budget;
        budget.categoryId = category.id;
        budget.limit = Money::fromMinor(limit += 1000, u"USD");
        QVERIFY(m_session->budgets()->add(m_session->userId(), budget));
    }
    QVERIFY(loaded.wait(5000));
    QVERIFY(waitLoaded());
    const QList<BudgetStatus>& statuses = m_page->data().budgets;
    QVERIFY(statuses.size() > 8);
    auto* bars = seriesOf<QAbstractBarSeries>(m_page->panel(Kind::Budgets));
    QCOMPARE(bars->barSets().first()->count(), 8);
    QVERIFY2(m_page->panel(Kind::Budgets)
                 ->footnoteLabel()
                 ->text()
                 .contains(QStringLiteral("The 8 budgets furthest along of %1").arg(statuses.size())),
             qPrintable(m_page->panel(Kind::Budgets)->footnoteLabel()->text()));
    // The shown shares are the eight largest.
    QList<double> used;
    for (const BudgetStatus& status : statuses)
        used << (status.budget.isOverall() ? 1e9 : status.used() * 100);
    std::sort(used.begin(), used.end(), std::greater<>());
    const double eighth = std::min(used.at(7), 200.0);
    for (int i = 0; i < 8; ++i) {
        double shown = 0;
        for (QBarSet* set : bars->barSets())
            shown += set->at(i);
        QVERIFY2(shown >= eighth - 1e-9 || shown == 200.0, qPrintable(QString::number(shown)));
    }
    screenshot(m_page.get(), QStringLiteral("dashboard-many-budgets"));
}

void TestDashboardPage::reloadsAfterChanges()
{
    QSignalSpy loaded(m_page.get(), &DashboardPage::loaded);
    Transaction t = Test::TestDatabase::expense(10000, QStringLiteral("Hardware Store"), QDate(2026, 11, 21),
                                                QStringLiteral("USD"));
    t.confirmedByUser = true;
    QVERIFY(m_session->transactions()->add(m_session->userId(), t));
    QVERIFY(loaded.wait(5000));
    QVERIFY(waitLoaded());
    QCOMPARE(seriesOf<QPieSeries>(m_page->panel(Kind::Categories))->sum(), 295.5);
    QCOMPARE(m_page->summaryTiles()->valueLabel(SummaryTiles::Expenses)->text(), QStringLiteral("$295.50"));

    // A budget change reloads the budget chart.
    auto list = m_session->budgets()->list(m_session->userId());
    QVERIFY(list);
    const qsizetype before = m_page->data().budgets.size();
    QVERIFY(m_session->budgets()->remove(m_session->userId(), list->first().id));
    QVERIFY(loaded.wait(5000));
    QVERIFY(waitLoaded());
    QCOMPARE(m_page->data().budgets.size(), before - 1);
    QCOMPARE(seriesOf<QAbstractBarSeries>(m_page->panel(Kind::Budgets))->barSets().first()->count(), before - 1);

    // Hidden, the page waits until it is shown again.
    m_page->hide();
    const int count = int(loaded.count());
    QVERIFY(m_session->transactions()->add(m_session->userId(), t));
    QTest::qWait(600);
    QCOMPARE(loaded.count(), count);
    m_page->show();
    QVERIFY(loaded.wait(5000));
    QVERIFY(waitLoaded());
    QCOMPARE(seriesOf<QPieSeries>(m_page->panel(Kind::Categories))->sum(), 395.5);
}

void TestDashboardPage::exportsPngAndSvg()
{
    ChartPanel* panel = m_page->panel(Kind::Trend);
    const QString png = m_dir->filePath(QStringLiteral("trend.png"));
    const QString svg = m_dir->filePath(QStringLiteral("trend.svg"));
    QVERIFY(panel->exportTo(png));
    QVERIFY(panel->exportTo(svg));
    QImage image(png);
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), (panel->chart()->size() * 2).toSize());
    // Not a blank picture: the chart's card and its bars differ in colour.
    QSet<QRgb> colours;
    for (int x = 0; x < image.width(); x += 7)
        colours.insert(image.pixel(x, image.height() / 2));
    QVERIFY(colours.size() > 3);
    QFile file(svg);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY(text.startsWith("<?xml"));
    QVERIFY(text.contains("<svg"));
    QVERIFY(text.contains("Last 12 months"));
    QSvgRenderer renderer(svg);
    QVERIFY(renderer.isValid());
    QVERIFY(!renderer.viewBoxF().isEmpty());

    // Bad names and empty charts are refused; nothing is left behind.
    QVERIFY(!panel->exportTo(m_dir->filePath(QStringLiteral("trend.gif"))));
    const auto unwritable = panel->exportTo(m_dir->filePath(QStringLiteral("missing/trend.png")));
    QVERIFY(!unwritable);
    QCOMPARE(unwritable.error().code, Error::Code::Io);
    m_page->setMonth(QDate(2026, 4, 1));
    QVERIFY(waitLoaded());
    ChartPanel* empty = m_page->panel(Kind::Merchants);
    QVERIFY(empty->isEmpty());
    QVERIFY(!empty->exportButton()->isEnabled());
    QVERIFY(!empty->exportTo(m_dir->filePath(QStringLiteral("empty.png"))));
    QVERIFY(!QFile::exists(m_dir->filePath(QStringLiteral("empty.png"))));
}

void TestDashboardPage::emptyProfile()
{
    m_page.reset();
    UserRepository::NewProfile profile;
    profile.username = QStringLiteral("Nobody");
    profile.baseCurrency = QStringLiteral("USD");
    profile.locale = QStringLiteral("en_US");
    auto id = m_session->users()->createProfile(profile);
    QVERIFY(id);
    QVERIFY(m_session->setUser(*id));
    m_page = std::make_unique<DashboardPage>(m_session.get());
    m_page->resize(1280, 1320);
    m_page->show();
    QVERIFY(waitLoaded());
    for (Kind kind : DashboardCharts::allKinds()) {
        ChartPanel* panel = m_page->panel(kind);
        QVERIFY2(panel->isEmpty(), qPrintable(DashboardCharts::title(kind)));
        QVERIFY(panel->emptyLabel()->isVisibleTo(m_page.get()));
        QVERIFY(!panel->emptyLabel()->text().isEmpty());
        QVERIFY(panel->chart()->series().isEmpty());
    }
    QVERIFY(m_page->panel(Kind::Budgets)->emptyLabel()->text().contains(QStringLiteral("budget")));
    QVERIFY(m_page->panel(Kind::Daily)->footnoteLabel()->text().contains(QStringLiteral("No budget")));
    QCOMPARE(m_page->summaryTiles()->valueLabel(SummaryTiles::Expenses)->text(), QStringLiteral("$0.00"));
    screenshot(m_page.get(), QStringLiteral("dashboard-empty"));
}

void TestDashboardPage::demoScreenshots()
{
    // A demo profile of 100,000 transactions and budgets near their usual spending.
    m_page.reset();
    QVERIFY(Test::fillDemo(*m_session, 100000));
    m_page = std::make_unique<DashboardPage>(m_session.get());
    m_page->resize(1280, 1320);
    m_page->show();
    QVERIFY(waitLoaded());
    for (Kind kind : DashboardCharts::allKinds())
        QVERIFY2(!m_page->panel(kind)->isEmpty(), qPrintable(DashboardCharts::title(kind)));
    QCOMPARE(seriesOf<QPieSeries>(m_page->panel(Kind::Categories))->count(), 9); // 8 categories and the rest
    QVERIFY(lineNamed(m_page->panel(Kind::Daily)->chart(), QStringLiteral("Budget pace")));
    QVERIFY(m_page->panel(Kind::Daily)->footnoteLabel()->text().contains(QStringLiteral("5 category budgets")));
    screenshot(m_page.get(), QStringLiteral("dashboard-demo-light"));

    const QPalette light = QApplication::palette();
    QApplication::setPalette(darkPalette());
    QTRY_VERIFY(m_page->panel(Kind::Trend)->chart()->backgroundBrush().color().lightnessF() < 0.3);
    screenshot(m_page.get(), QStringLiteral("dashboard-demo-dark"));
    QApplication::setPalette(light);
    QTRY_VERIFY(m_page->panel(Kind::Trend)->chart()->backgroundBrush().color().lightnessF() > 0.7);
    m_page->setMonth(QDate(2026, 10, 1));
    QVERIFY(waitLoaded());
    screenshot(m_page.get(), QStringLiteral("dashboard-demo-october"));
    m_page->resize(1000, 700); // a small window: the charts scroll
    // The donut shrinks to stay in the left half of its narrower chart, beside the legend.
    QChart* donut = m_page->panel(Kind::Categories)->chart();
    auto* pie = seriesOf<QPieSeries>(m_page->panel(Kind::Categories));
    QTRY_VERIFY(std::min(donut->plotArea().width(), donut->plotArea().height()) * pie->pieSize() / 2
                <= donut->plotArea().width() / 4 + 1);
    QVERIFY(pie->holeSize() < pie->pieSize() * 0.7); // still a ring
    screenshot(m_page.get(), QStringLiteral("dashboard-demo-small-window"));
}

QTEST_MAIN(TestDashboardPage)
#include "tst_dashboardpage.moc"
