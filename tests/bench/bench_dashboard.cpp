// The dashboard benchmark of DESIGN.md §8: builds (or reuses) a demo database, gives the profile 10–20 budgets,
// then measures the dashboard's data refresh (every query of one month, the 12-month trend and the budget
// evaluation, as the page loads them on its worker thread), the budget evaluation alone, each query on its own,
// drawing the charts from the loaded data, and the monthly PDF report. Prints a table; nothing is asserted.
//
//   bench_dashboard --db FILE [--transactions N] [--fresh] [--runs N] [--budgets N]

#include "benchsupport.h"
#include "budget/budgetengine.h"
#include "dashboard/chartstyle.h"
#include "dashboard/dashboardcharts.h"
#include "dashboard/dashboardloader.h"
#include "db/dashboardqueries.h"
#include "db/sql.h"
#include "demo/demogenerator.h"
#include "i18n/translations.h"
#include "report/monthlyreport.h"
#include "session/session.h"

#include <QApplication>
#include <QBuffer>
#include <QChart>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QSysInfo>
#include <QTextStream>
#include <QThread>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace Moniagent;
using namespace Moniagent::Bench;

namespace {

struct Timing
{
    double median = 0;
    double worst = 0;
    bool failed = false;
};

// Runs `work` once to warm up, then `runs` times; the median and the slowest run in milliseconds.
Timing measure(int runs, const std::function<bool()>& work)
{
    Timing timing;
    if (!work()) {
        timing.failed = true;
        return timing;
    }
    QList<double> times;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        if (!work()) {
            timing.failed = true;
            return timing;
        }
        times << timer.nsecsElapsed() / 1e6;
    }
    std::sort(times.begin(), times.end());
    timing.median = times.at(times.size() / 2);
    timing.worst = times.last();
    return timing;
}

QString describe(const Timing& timing)
{
    if (timing.failed)
        return QStringLiteral("failed");
    return ms(timing.median) + QStringLiteral(" (slowest ") + ms(timing.worst) + u')';
}

// Gives the profile `count` budgets (the overall one and the largest expense categories), each near the
// category's usual monthly spending, unless it has that many already.
bool ensureBudgets(Session& session, int count)
{
    const qint64 user = session.userId();
    auto existing = session.budgets()->list(user);
    if (!existing)
        return false;
    if (existing->size() >= count)
        return true;
    const Currency currency = session.baseCurrency();
    auto categories = session.categories()->list(user);
    if (!categories)
        return false;
    QList<std::optional<qint64>> wanted {std::nullopt};
    for (const Category& c : *categories) {
        if (c.type == CategoryType::Expense)
            wanted << c.id;
    }
    int have = int(existing->size());
    for (const std::optional<qint64>& category : wanted) {
        if (have >= count)
            break;
        if (std::any_of(existing->cbegin(), existing->cend(),
                        [&](const Budget& b) { return b.categoryId == category; }))
            continue;
        auto suggested = session.budgetEngine()->suggestLimit(user, category, BudgetPeriod::Monthly, currency);
        if (!suggested)
            return false;
        Budget budget;
        budget.categoryId = category;
        budget.limit = suggested->value_or(Money(100 * currency.minorPerMajor(), currency));
        budget.period = have % 5 == 4 ? BudgetPeriod::Weekly : BudgetPeriod::Monthly;
        if (budget.period == BudgetPeriod::Weekly)
            budget.limit = Money(std::max<qint64>(budget.limit.minor() / 4, currency.minorPerMajor()), currency);
        if (!session.budgets()->add(user, budget))
            return false;
        ++have;
    }
    return true;
}

} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("MoniagentBench"));
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("db"), QStringLiteral("The benchmark database."), QStringLiteral("file")},
        {QStringLiteral("transactions"), QStringLiteral("Rows of demo data (default 1000000)."), QStringLiteral("n"),
         QStringLiteral("1000000")},
        {QStringLiteral("fresh"), QStringLiteral("Delete and rebuild the database even if it exists.")},
        {QStringLiteral("runs"), QStringLiteral("Repetitions of each measurement (default 15)."), QStringLiteral("n"),
         QStringLiteral("15")},
        {QStringLiteral("budgets"), QStringLiteral("Budgets the profile gets (default 15)."), QStringLiteral("n"),
         QStringLiteral("15")},
    });
    parser.process(app);
    const QString path = parser.value(QStringLiteral("db"));
    const qint64 rows = parser.value(QStringLiteral("transactions")).toLongLong();
    const int runs = std::max(1, parser.value(QStringLiteral("runs")).toInt());
    const int budgetCount = std::clamp(parser.value(QStringLiteral("budgets")).toInt(), 1, 25);
    if (path.isEmpty()) {
        std::fprintf(stderr, "bench_dashboard: --db FILE is required\n");
        return 2;
    }
    Translations translations;
    translations.install(QLocale(QLocale::English, QLocale::UnitedStates));
    printMachine(QStringLiteral("dashboard"));

    if (parser.isSet(QStringLiteral("fresh")) || !QFile::exists(path)) {
        if (createDemoDatabase(path, rows, "bench_dashboard") < 0)
            return 1;
    }
    auto opened = Session::open(path);
    if (!opened || !(*opened)->selectUser()) {
        std::fprintf(stderr, "bench_dashboard: cannot open %s\n", qPrintable(path));
        return 1;
    }
    Session& session = **opened;
    if (!ensureBudgets(session, budgetCount)) {
        std::fprintf(stderr, "bench_dashboard: cannot create the budgets\n");
        return 1;
    }
    const qint64 user = session.userId();
    const Currency currency = session.baseCurrency();
    const QString code = currency.code();
    auto count = Sql::scalar(session.database()->connection(),
                             QStringLiteral("SELECT count(*) FROM transactions WHERE user_id = ?"), {user});
    auto newest = Sql::scalar(session.database()->connection(),
                              QStringLiteral("SELECT max(occurred_on) FROM transactions WHERE user_id = ?"), {user});
    auto budgets = session.budgets()->list(user);
    if (!count || !newest || !budgets) {
        std::fprintf(stderr, "bench_dashboard: cannot read the ledger\n");
        return 1;
    }
    // "Today" is the ledger's last day, so the month shown is its newest, busiest one.
    const QDate today = Sql::parseIsoDate(*newest);
    const QDate month(today.year(), today.month(), 1);
    const DateRange range {month, month.addDays(month.daysInMonth() - 1)};
    out() << "Ledger: " << count->toLongLong() << " transactions, " << budgets->size() << " budgets; month "
          << month.toString(QStringLiteral("yyyy-MM")) << ", today " << today.toString(Qt::ISODate) << Qt::endl;

    const DashboardLoader loader(session.database(), session.categories(), session.budgetEngine());
    DashboardRequest request;
    request.userId = user;
    request.month = month;
    request.today = today;
    request.currency = currency;
    request.largestExpenses = MonthlyReport::LargestExpenses;
    DashboardData data;
    const auto load = [&](const DashboardRequest& r) {
        auto loaded = loader.load(r);
        if (loaded)
            data = *loaded;
        return loaded.ok();
    };

    // The whole refresh runs on a worker thread with its own connection, as on the page.
    Timing refresh;
    QThread* worker = QThread::create([&]() { refresh = measure(runs, [&]() { return load(request); }); });
    worker->start();
    worker->wait();
    delete worker;
    report(
        QStringLiteral("dashboard refresh: one month, 12-month trend, %1 budgets (worker thread)").arg(budgets->size()),
        describe(refresh), QStringLiteral("≤ 150 ms"));
    DashboardRequest past = request;
    past.month = month.addMonths(-5);
    report(QStringLiteral("dashboard refresh, a past month"), describe(measure(runs, [&]() { return load(past); })),
           QStringLiteral("≤ 150 ms"));
    load(request);

    const BudgetEngine* engine = session.budgetEngine();
    report(QStringLiteral("budgets: evaluateAll, %1 budgets").arg(budgets->size()),
           describe(measure(runs, [&]() { return engine->evaluateAll(user, today).ok(); })), QStringLiteral("≤ 20 ms"));

    const DashboardQueries queries(session.database());
    report(QStringLiteral("  spending by category (month)"),
           describe(measure(runs, [&]() { return queries.spendingByCategory(user, range, code).ok(); })),
           QStringLiteral("—"));
    report(QStringLiteral("  12-month trend"),
           describe(measure(runs, [&]() { return queries.monthlyTrend(user, month, code).ok(); })),
           QStringLiteral("—"));
    report(QStringLiteral("  daily spending (month)"),
           describe(measure(runs, [&]() { return queries.dailySpending(user, month, code).ok(); })),
           QStringLiteral("—"));
    report(QStringLiteral("  top merchants (month)"),
           describe(measure(runs, [&]() { return queries.topMerchants(user, range, code).ok(); })),
           QStringLiteral("—"));
    const DateRange year {month.addMonths(-11), range.to};
    report(QStringLiteral("  top merchants (12 months)"),
           describe(measure(runs, [&]() { return queries.topMerchants(user, year, code).ok(); })), QStringLiteral("—"));
    report(QStringLiteral("  summary (month and the one before)"),
           describe(measure(runs,
                            [&]() {
                                return queries.summary(user, range, code).ok()
                                    && queries.summary(user, {month.addMonths(-1), month.addDays(-1)}, code).ok();
                            })),
           QStringLiteral("—"));
    report(QStringLiteral("  largest expenses (month)"),
           describe(measure(runs, [&]() { return queries.largestExpenses(user, range, code).ok(); })),
           QStringLiteral("—"));

    // On the GUI thread after a load: the five charts from the data.
    const ChartStyle style(app.palette(), session.locale(), currency);
    report(QStringLiteral("drawing the five charts from the data (GUI thread)"),
           describe(measure(runs,
                            [&]() {
                                for (DashboardCharts::Kind kind : DashboardCharts::allKinds())
                                    delete DashboardCharts::build(kind, data, style).chart;
                                return true;
                            })),
           QStringLiteral("—"));
    report(
        QStringLiteral("monthly report PDF (from loaded data)"),
        describe(measure(std::min(runs, 5),
                         [&]() {
                             QBuffer buffer;
                             buffer.open(QIODevice::WriteOnly);
                             return MonthlyReport::write(data, session.user().username, session.locale(), &buffer).ok();
                         })),
        QStringLiteral("—"));

    printTable();
    return 0;
}
