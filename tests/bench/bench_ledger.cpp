// The ledger benchmark of DESIGN.md §8: builds (or reuses) a demo database, then measures what a user
// waits for, through the same code the window uses, and prints a table. Timing belongs here, not in tests.
//
//   bench_ledger --db FILE [--transactions N] [--fresh] [--moniagent PATH] [--runs N]

#include "benchsupport.h"
#include "demo/demogenerator.h"
#include "i18n/translations.h"
#include "itemmodels/transactionmodel.h"
#include "ledger/ledgerpage.h"
#include "ledger/ledgerview.h"
#include "mainwindow.h"
#include "session/session.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QScrollBar>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>

#include <algorithm>
#include <cstdio>
#include <sys/resource.h>
#include <sys/wait.h>

using namespace Moniagent;
using namespace Moniagent::Bench;

namespace {

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

// Runs the event loop until `done` or a minute passes; returns the elapsed milliseconds (or -1).
template <typename Done> double waitFor(const QElapsedTimer& timer, Done done)
{
    QElapsedTimer limit;
    limit.start();
    while (!done()) {
        if (limit.elapsed() > 60000)
            return -1;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        QThread::usleep(100);
    }
    return timer.nsecsElapsed() / 1e6;
}

bool rowLoaded(TransactionModel* model, int row)
{
    return row < model->rowCount() && model->data(model->index(row, 0), TransactionModel::LoadedRole).toBool();
}

qint64 peakRssKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (status.open(QIODevice::ReadOnly)) {
        for (const QByteArray& line : status.readAll().split('\n')) {
            if (line.startsWith("VmHWM:"))
                return line.mid(6).trimmed().split(' ').first().toLongLong();
        }
    }
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
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
        {QStringLiteral("moniagent"), QStringLiteral("The moniagent binary, for the start-up time."),
         QStringLiteral("path")},
        {QStringLiteral("runs"), QStringLiteral("Repetitions of each measurement (default 5)."), QStringLiteral("n"),
         QStringLiteral("5")},
        {QStringLiteral("search"), QStringLiteral("The text to search (default: coffee)."), QStringLiteral("text"),
         QStringLiteral("coffee")},
        {QStringLiteral("prepare-only"),
         QStringLiteral("Only build the database (so the measuring process starts clean).")},
        {QStringLiteral("exercise"),
         QStringLiteral("Use the window like a person (scroll to the end, sort, search, "
                        "filter) and print the peak memory; run as a child process.")},
    });
    parser.process(app);
    const QString path = parser.value(QStringLiteral("db"));
    const qint64 rows = parser.value(QStringLiteral("transactions")).toLongLong();
    const int runs = std::max(1, parser.value(QStringLiteral("runs")).toInt());
    if (path.isEmpty()) {
        std::fprintf(stderr, "bench_ledger: --db FILE is required\n");
        return 2;
    }
    Translations translations;
    translations.install(QLocale(QLocale::English, QLocale::UnitedStates));
    printMachine(QStringLiteral("ledger"));

    // 1. Bulk insert: the demo generator through TransactionBulkWriter.
    bool built = false;
    if (parser.isSet(QStringLiteral("fresh")) || !QFile::exists(path)) {
        const double seconds = createDemoDatabase(path, rows, "bench_ledger");
        if (seconds < 0)
            return 1;
        report(QStringLiteral("bulk insert (demo, %1 rows)").arg(rows),
               QStringLiteral("%1 rows/s (%2 s)").arg(qint64(rows / seconds)).arg(seconds, 0, 'f', 1),
               QStringLiteral("≥ 300,000 rows/s"));
        built = true;
    }
    if (parser.isSet(QStringLiteral("prepare-only"))) {
        printTable();
        return 0;
    }
    if (!built)
        report(QStringLiteral("bulk insert"), QStringLiteral("(reused the existing database)"), {});

    // 2. Start-up: process start to the first paint of the main window, in a separate process.
    const QString binary = parser.value(QStringLiteral("moniagent"));
    if (!binary.isEmpty()) {
        QTemporaryDir home;
        QList<double> startups;
        QList<double> withRows;
        for (int i = 0; i < runs + 1; ++i) {
            QProcess process;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("MONIAGENT_BENCH_STARTUP"), QStringLiteral("1"));
            env.insert(QStringLiteral("HOME"), home.path());
            env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
            env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
            if (!env.contains(QStringLiteral("DISPLAY")) && !env.contains(QStringLiteral("WAYLAND_DISPLAY")))
                env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
            process.setProcessEnvironment(env);
            QElapsedTimer timer;
            timer.start();
            process.start(binary, {QStringLiteral("--db"), path});
            if (!process.waitForStarted(10000))
                break;
            double shown = -1;
            double rowsShown = -1;
            while (process.state() != QProcess::NotRunning && timer.elapsed() < 30000 && rowsShown < 0) {
                process.waitForReadyRead(2);
                while (process.canReadLine()) {
                    const QByteArray line = process.readLine();
                    if (line.contains("window shown"))
                        shown = timer.nsecsElapsed() / 1e6;
                    if (line.contains("rows shown"))
                        rowsShown = timer.nsecsElapsed() / 1e6;
                }
            }
            process.waitForFinished(30000);
            if (shown > 0 && rowsShown > 0 && i > 0) { // the first run warms the file cache
                startups << shown;
                withRows << rowsShown;
            }
        }
        rusage children {};
        getrusage(RUSAGE_CHILDREN, &children);
        report(QStringLiteral("process start → main window shown (median of %1)").arg(startups.size()),
               startups.isEmpty() ? QStringLiteral("failed") : ms(median(startups)), QStringLiteral("≤ 400 ms"));
        report(QStringLiteral("process start → window painted with the first rows"),
               withRows.isEmpty() ? QStringLiteral("failed") : ms(median(withRows)), QStringLiteral("—"));
        report(QStringLiteral("peak memory, window at start"), QStringLiteral("%1 MB").arg(children.ru_maxrss / 1024),
               QStringLiteral("≤ 200 MB"));
    }

    // 3. The ledger in a real main window (offscreen), through the model the window uses.
    auto session = Session::open(path);
    if (!session || !(*session)->selectUser()) {
        std::fprintf(stderr, "bench_ledger: cannot open %s\n", qPrintable(path));
        return 1;
    }
    MainWindow window(session->get());
    window.resize(1280, 800);
    window.show();
    TransactionModel* model = window.ledgerModel();
    LedgerView* view = window.ledgerPage()->view();
    QElapsedTimer timer;

    if (parser.isSet(QStringLiteral("exercise"))) {
        const auto settle = [&]() {
            waitFor(timer, [&]() { return !model->isLoading() && rowLoaded(model, 0); });
        };
        settle();
        for (int step = 0; step < 20; ++step) { // scroll through the ledger in big jumps, to the end
            view->scrollTo(model->index(int(qint64(model->rowCount() - 1) * step / 19), 0));
            waitFor(timer, [&]() { return rowLoaded(model, view->rowAt(0) < 0 ? 0 : view->rowAt(0)); });
        }
        view->sortByColumn(TransactionModel::AmountColumn, Qt::AscendingOrder);
        settle();
        view->scrollToBottom();
        waitFor(timer, [&]() { return rowLoaded(model, model->rowCount() - 1); });
        view->sortByColumn(TransactionModel::CategoryColumn, Qt::AscendingOrder);
        settle();
        TransactionFilter search;
        search.search = parser.value(QStringLiteral("search"));
        model->setFilter(search);
        settle();
        model->setFilter({});
        settle();
        view->sortByColumn(TransactionModel::DateColumn, Qt::DescendingOrder);
        settle();
        waitFor(timer, [&]() { return model->totalsKnown(); });
        std::fprintf(stdout, "peak %lld\n", peakRssKiB());
        return 0;
    }

    // First page: a fresh model over the whole ledger, until its first rows are there.
    QList<double> firstPages;
    for (int i = 0; i < runs; ++i) {
        timer.start();
        TransactionModel fresh((*session)->transactions(), (*session)->categories(), (*session)->userId());
        firstPages << waitFor(timer, [&]() { return !fresh.isLoading() && rowLoaded(&fresh, 0); });
    }
    waitFor(timer, [&]() { return !model->isLoading() && rowLoaded(model, 0); });
    const int count = model->rowCount();
    report(QStringLiteral("ledger first page (%1 rows, count included)").arg(count), ms(median(firstPages)),
           QStringLiteral("≤ 50 ms"));

    // Jump to the last row (End key / dragging the scroll bar to the bottom) on a model that has only
    // loaded its first page.
    QList<double> jumps;
    for (int i = 0; i < runs; ++i) {
        TransactionModel fresh((*session)->transactions(), (*session)->categories(), (*session)->userId());
        waitFor(timer, [&]() { return !fresh.isLoading() && rowLoaded(&fresh, 0); });
        const int last = fresh.rowCount() - 1;
        timer.start();
        (void)fresh.data(fresh.index(last, 0));
        jumps << waitFor(timer, [&]() { return rowLoaded(&fresh, last); });
    }
    report(QStringLiteral("jump to last row"), ms(median(jumps)), QStringLiteral("≤ 50 ms"));
    view->scrollToBottom();
    waitFor(timer, [&]() { return rowLoaded(model, model->rowCount() - 1); });
    view->scrollToTop();

    // Jump into the middle: the pager walks from the nearest known page boundary.
    QList<double> middles;
    for (int i = 0; i < runs; ++i) {
        model->refresh();
        waitFor(timer, [&]() { return !model->isLoading(); });
        timer.start();
        const int row = count / 2 + i * 997;
        view->scrollTo(model->index(row, 0), QAbstractItemView::PositionAtCenter);
        middles << waitFor(timer, [&]() { return rowLoaded(model, row); });
    }
    report(QStringLiteral("jump to the middle"), ms(median(middles)), QStringLiteral("—"));

    // Sort by amount, then back to date.
    QList<double> sorts;
    for (int i = 0; i < runs; ++i) {
        timer.start();
        view->sortByColumn(TransactionModel::AmountColumn, i % 2 ? Qt::DescendingOrder : Qt::AscendingOrder);
        sorts << waitFor(timer, [&]() { return !model->isLoading() && rowLoaded(model, 0); });
    }
    report(QStringLiteral("sort by amount"), ms(median(sorts)), QStringLiteral("≤ 300 ms"));
    QList<double> categorySorts;
    for (int i = 0; i < runs; ++i) {
        timer.start();
        view->sortByColumn(TransactionModel::CategoryColumn, i % 2 ? Qt::DescendingOrder : Qt::AscendingOrder);
        categorySorts << waitFor(timer, [&]() { return !model->isLoading() && rowLoaded(model, 0); });
    }
    report(QStringLiteral("sort by category"), ms(median(categorySorts)), QStringLiteral("—"));
    view->sortByColumn(TransactionModel::DateColumn, Qt::DescendingOrder);
    waitFor(timer, [&]() { return !model->isLoading(); });

    // Full-text search, category filter and the status-bar totals for each.
    const QString text = parser.value(QStringLiteral("search"));
    QList<double> searches;
    QList<double> searchTotals;
    int matches = 0;
    for (int i = 0; i < runs; ++i) {
        TransactionFilter filter;
        filter.search = i % 2 ? text.left(text.size() - 1) : text; // prefix and whole word
        timer.start();
        model->setFilter(filter);
        searches << waitFor(timer,
                            [&]() { return !model->isLoading() && (model->rowCount() == 0 || rowLoaded(model, 0)); });
        searchTotals << waitFor(timer,
                                [&]() { return model->totalsKnown() && model->totals().count() == model->rowCount(); });
        matches = model->rowCount();
        model->setFilter({});
        waitFor(timer, [&]() { return !model->isLoading(); });
    }
    report(QStringLiteral("text search “%1” (%2 matches)").arg(text).arg(matches), ms(median(searches)),
           QStringLiteral("≤ 100 ms"));

    auto groceries = (*session)->categories()->findByName((*session)->userId(), QStringLiteral("Groceries"));
    QList<double> filters;
    QList<double> filterTotals;
    int inCategory = 0;
    for (int i = 0; i < runs && groceries; ++i) {
        TransactionFilter filter;
        filter.categoryIds = {groceries->id};
        timer.start();
        model->setFilter(filter);
        filters << waitFor(timer, [&]() { return !model->isLoading() && rowLoaded(model, 0); });
        filterTotals << waitFor(timer, [&]() { return model->totals().count() == model->rowCount(); });
        inCategory = model->rowCount();
        model->setFilter({});
        waitFor(timer, [&]() { return !model->isLoading(); });
    }
    report(QStringLiteral("category filter “Groceries” (%1 rows)").arg(inCategory), ms(median(filters)),
           QStringLiteral("—"));

    QList<double> totals;
    int totalsSeen = 0;
    QObject::connect(model, &TransactionModel::totalsChanged, model, [&]() { ++totalsSeen; });
    for (int i = 0; i < runs; ++i) {
        const int seen = totalsSeen;
        timer.start();
        model->refresh();
        totals << waitFor(timer, [&]() { return totalsSeen > seen && model->totals().count() == count; });
    }
    report(QStringLiteral("status-bar totals, whole ledger"), ms(median(totals)), QStringLiteral("—"));
    report(QStringLiteral("status-bar totals, search / category"),
           ms(median(searchTotals)) + QStringLiteral(" / ") + ms(median(filterTotals)), QStringLiteral("—"));
    // Peak memory of a process that used the window on the million-row ledger like a person would.
    QProcess child;
    child.start(QCoreApplication::applicationFilePath(),
                {QStringLiteral("--db"), path, QStringLiteral("--exercise"), QStringLiteral("--search"), text});
    child.waitForFinished(300000);
    const QByteArray output = child.readAllStandardOutput();
    const qsizetype at = output.indexOf("peak ");
    report(QStringLiteral("peak memory, window after scrolling to the end, sorting, searching"),
           at < 0 ? QStringLiteral("failed")
                  : QStringLiteral("%1 MB").arg(output.mid(at + 5).trimmed().toLongLong() / 1024),
           QStringLiteral("≤ 200 MB"));
    printTable();
    return 0;
}
