#include "dashboardpage.h"

#include "chartpanel.h"
#include "chartstyle.h"
#include "dashboard/dashboardloader.h"
#include "report/monthlyreport.h"
#include "session/session.h"
#include "summarytiles.h"

#include <QAction>
#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QDateEdit>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QStandardPaths>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace Moniagent {

namespace {

constexpr int DebounceMs = 300;

QDate firstOfMonth(QDate date)
{
    return QDate(date.year(), date.month(), 1);
}

} // namespace

DashboardPage::DashboardPage(Session* session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_month(firstOfMonth(session->clock().today()))
    , m_debounce(new QTimer(this))
    , m_previous(new QToolButton(this))
    , m_next(new QToolButton(this))
    , m_monthEdit(new QDateEdit(this))
    , m_thisMonth(new QPushButton(tr("This &Month"), this))
    , m_report(new QPushButton(tr("Monthly &Report…"), this))
    , m_currencyNote(new QLabel(this))
    , m_tiles(new SummaryTiles(this))
{
    setObjectName(QStringLiteral("dashboardPage"));
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(DebounceMs);
    connect(m_debounce, &QTimer::timeout, this, &DashboardPage::reload);

    m_previous->setObjectName(QStringLiteral("previousMonth"));
    m_previous->setArrowType(Qt::LeftArrow);
    m_previous->setAutoRaise(true);
    m_previous->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Left));
    m_previous->setToolTip(tr("Previous month (%1)").arg(m_previous->shortcut().toString(QKeySequence::NativeText)));
    m_previous->setAccessibleName(tr("Previous month"));
    m_next->setObjectName(QStringLiteral("nextMonth"));
    m_next->setArrowType(Qt::RightArrow);
    m_next->setAutoRaise(true);
    m_next->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Right));
    m_next->setToolTip(tr("Next month (%1)").arg(m_next->shortcut().toString(QKeySequence::NativeText)));
    m_next->setAccessibleName(tr("Next month"));
    m_monthEdit->setObjectName(QStringLiteral("monthEdit"));
    m_monthEdit->setDisplayFormat(QStringLiteral("MMMM yyyy"));
    m_monthEdit->setLocale(session->locale());
    m_monthEdit->setAccessibleName(tr("Month"));
    m_monthEdit->setToolTip(tr("The month the dashboard shows"));
    m_monthEdit->setCalendarPopup(true);
    m_monthEdit->setMinimumDate(QDate(1900, 1, 1));
    QFont monthFont = m_monthEdit->font();
    monthFont.setPointSizeF(monthFont.pointSizeF() * 1.15);
    monthFont.setBold(true);
    m_monthEdit->setFont(monthFont);
    m_monthEdit->setDate(m_month);
    m_thisMonth->setObjectName(QStringLiteral("thisMonth"));
    m_report->setObjectName(QStringLiteral("monthlyReport"));
    m_report->setToolTip(tr("Save this month's report (summary, charts, budgets, largest expenses) as a PDF"));
    m_currencyNote->setObjectName(QStringLiteral("currencyNote"));
    m_currencyNote->setWordWrap(true);

    auto* bar = new QHBoxLayout;
    bar->setSpacing(4);
    bar->addWidget(m_previous);
    bar->addWidget(m_monthEdit);
    bar->addWidget(m_next);
    bar->addSpacing(8);
    bar->addWidget(m_thisMonth);
    bar->addStretch(1);
    bar->addWidget(m_report);

    auto* content = new QWidget;
    content->setObjectName(QStringLiteral("dashboardContent"));
    auto* grid = new QGridLayout(content);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(12);
    for (DashboardCharts::Kind kind : DashboardCharts::allKinds()) {
        auto* panel = new ChartPanel(kind, content);
        m_panels.insert(kind, panel);
        connect(panel, &ChartPanel::statusMessage, this, &DashboardPage::statusMessage);
        panel->setContextMenuPolicy(Qt::ActionsContextMenu);
        auto* ask = new QAction(tr("Ask the Assistant About This…"), panel);
        ask->setObjectName(QStringLiteral("askAboutChartAction"));
        connect(ask, &QAction::triggered, this, [this, kind]() { Q_EMIT askRequested(questionAbout(kind)); });
        panel->addAction(ask);
    }
    using Kind = DashboardCharts::Kind;
    grid->addWidget(m_tiles, 0, 0, 1, 2);
    grid->addWidget(m_currencyNote, 1, 0, 1, 2);
    grid->addWidget(m_panels.value(Kind::Categories), 2, 0);
    grid->addWidget(m_panels.value(Kind::Budgets), 2, 1);
    grid->addWidget(m_panels.value(Kind::Trend), 3, 0, 1, 2);
    grid->addWidget(m_panels.value(Kind::Daily), 4, 0);
    grid->addWidget(m_panels.value(Kind::Merchants), 4, 1);
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 1);
    m_panels.value(Kind::Categories)->view()->setMinimumHeight(300);
    m_panels.value(Kind::Budgets)->view()->setMinimumHeight(300);
    m_panels.value(Kind::Trend)->view()->setMinimumHeight(340);
    m_panels.value(Kind::Daily)->view()->setMinimumHeight(300);
    m_panels.value(Kind::Merchants)->view()->setMinimumHeight(300);

    auto* scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("dashboardScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 8);
    layout->setSpacing(8);
    layout->addLayout(bar);
    layout->addWidget(scroll, 1);

    connect(m_previous, &QToolButton::clicked, this, &DashboardPage::previousMonth);
    connect(m_next, &QToolButton::clicked, this, &DashboardPage::nextMonth);
    connect(m_thisMonth, &QPushButton::clicked, this, &DashboardPage::showThisMonth);
    connect(m_report, &QPushButton::clicked, this, &DashboardPage::exportReport);
    connect(m_monthEdit, &QDateEdit::dateChanged, this, &DashboardPage::setMonth);
    connect(&m_watcher, &QFutureWatcher<Result<DashboardData>>::finished, this, &DashboardPage::loadFinished);

    // Repositories may signal from worker threads: the page's context makes these queued.
    const auto changed = [this](qint64 userId) {
        if (userId == m_session->userId())
            scheduleReload();
    };
    connect(session->transactions(), &TransactionRepository::inserted, this,
            [changed](qint64 userId, const QList<qint64>&) { changed(userId); });
    connect(session->transactions(), &TransactionRepository::updated, this,
            [changed](qint64 userId, const QList<qint64>&) { changed(userId); });
    connect(session->transactions(), &TransactionRepository::removed, this,
            [changed](qint64 userId, const QList<qint64>&) { changed(userId); });
    connect(session->budgets(), &BudgetRepository::changed, this, changed);
    connect(session->categories(), &CategoryRepository::changed, this, changed);

    QPalette muted = palette();
    muted.setColor(QPalette::WindowText, muted.color(QPalette::PlaceholderText));
    m_currencyNote->setPalette(muted);
    updateNavigation();
    rebuildCharts();
    reload();
}

DashboardPage::~DashboardPage()
{
    // The worker uses the session's database: let it finish before the session can go.
    m_watcher.waitForFinished();
}

QDate DashboardPage::thisMonth() const
{
    return firstOfMonth(m_session->clock().today());
}

bool DashboardPage::isLoading() const
{
    return m_watcher.isRunning() || m_pending || m_debounce->isActive();
}

void DashboardPage::setMonth(QDate month)
{
    if (!month.isValid())
        return;
    month = std::min(firstOfMonth(month), thisMonth());
    if (m_monthEdit->date() != month && firstOfMonth(m_monthEdit->date()) != month) {
        const QSignalBlocker blocker(m_monthEdit);
        m_monthEdit->setDate(month);
    }
    if (month == m_month)
        return;
    m_month = month;
    updateNavigation();
    reload();
}

void DashboardPage::previousMonth()
{
    setMonth(m_month.addMonths(-1));
}

void DashboardPage::nextMonth()
{
    setMonth(m_month.addMonths(1));
}

void DashboardPage::showThisMonth()
{
    setMonth(thisMonth());
}

void DashboardPage::updateNavigation()
{
    const QDate current = thisMonth();
    m_monthEdit->setMaximumDate(current.addDays(current.daysInMonth() - 1));
    m_next->setEnabled(m_month < current);
    m_thisMonth->setEnabled(m_month != current);
}

void DashboardPage::scheduleReload()
{
    m_debounce->start();
}

void DashboardPage::reload()
{
    m_debounce->stop();
    if (!isVisible()) {
        m_stale = true;
        return;
    }
    if (m_watcher.isRunning()) {
        m_pending = true;
        return;
    }
    m_stale = false;
    m_pending = false;
    DashboardRequest request;
    request.userId = m_session->userId();
    request.month = m_month;
    request.today = m_session->clock().today();
    request.currency = m_session->baseCurrency();
    request.largestExpenses = MonthlyReport::LargestExpenses;
    const DashboardLoader loader(m_session->database(), m_session->categories(), m_session->budgetEngine());
    m_watcher.setFuture(QtConcurrent::run([loader, request]() { return loader.load(request); }));
}

void DashboardPage::loadFinished()
{
    Result<DashboardData> result = m_watcher.result();
    const bool outdated = result && result->month != m_month; // the month changed meanwhile
    if (m_pending || outdated) {
        m_pending = false;
        reload();
        if (outdated)
            return;
    }
    if (!result) {
        m_currencyNote->setText(result.error().message);
        Q_EMIT statusMessage(result.error().message);
        return;
    }
    m_data = std::move(*result);
    m_hasData = true;
    rebuildCharts();
    Q_EMIT loaded();
}

void DashboardPage::rebuildCharts()
{
    const ChartStyle style(palette(), m_session->locale(), m_session->baseCurrency());
    const QString suffix = m_month.toString(QStringLiteral("yyyy-MM"));
    for (ChartPanel* panel : std::as_const(m_panels))
        panel->setExportName(DashboardCharts::fileStem(panel->kind()) + u'-' + suffix);
    if (!m_hasData) {
        for (ChartPanel* panel : std::as_const(m_panels)) {
            ChartContent content;
            content.chart = style.newChart();
            content.empty = true;
            content.emptyText = tr("Loading…");
            style.apply(content.chart, DashboardCharts::title(panel->kind()));
            panel->setContent(content);
        }
        m_tiles->clear();
        return;
    }
    const LedgerRequest request = [this](const TransactionFilter& filter) {
        Q_EMIT ledgerRequested(filter);
    };
    for (ChartPanel* panel : std::as_const(m_panels))
        panel->setContent(DashboardCharts::build(panel->kind(), m_data, style, request));
    m_tiles->setSummary(m_data.summary, m_data.previousSummary, m_data.month.addMonths(-1), style);

    const Currency& currency = m_data.currency;
    QString note = tr("Amounts in %1 (%2).").arg(currency.displayName(m_session->locale()), currency.code());
    QStringList leftOut;
    if (!m_data.summary.leftOutExpenses.isEmpty())
        leftOut << tr("expenses of %1")
                       .arg(DashboardCharts::leftOutText(m_data.summary.leftOutExpenses, m_session->locale()));
    if (!m_data.summary.leftOutIncome.isEmpty())
        leftOut
            << tr("income of %1").arg(DashboardCharts::leftOutText(m_data.summary.leftOutIncome, m_session->locale()));
    if (!leftOut.isEmpty())
        note += u' ' + tr("Not included, being in other currencies: %1.").arg(leftOut.join(QStringLiteral("; ")));
    m_currencyNote->setText(note);
}

Result<int> DashboardPage::saveReport(const QString& path)
{
    if (!m_hasData || m_data.month != m_month)
        return Error::invalidInput(tr("The month is still loading."));
    return MonthlyReport::write(m_data, m_session->user().username, m_session->locale(), path);
}

void DashboardPage::exportReport()
{
    QSettings settings;
    const QString folder = settings
                               .value(QStringLiteral("dashboard/reportFolder"),
                                      QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                               .toString();
    const QString name = tr("moniagent-report-%1").arg(m_month.toString(QStringLiteral("yyyy-MM")));
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Monthly Report"), folder + u'/' + name + u".pdf",
                                                      tr("PDF documents (*.pdf)"));
    if (path.isEmpty())
        return;
    settings.setValue(QStringLiteral("dashboard/reportFolder"), QFileInfo(path).absolutePath());
    QApplication::setOverrideCursor(Qt::WaitCursor);
    auto written = saveReport(path);
    QApplication::restoreOverrideCursor();
    Q_EMIT statusMessage(written ? tr("Report saved to %1.").arg(QFileInfo(path).fileName()) : written.error().message);
}

void DashboardPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_stale)
        reload();
}

void DashboardPage::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        QPalette muted = palette();
        muted.setColor(QPalette::WindowText, muted.color(QPalette::PlaceholderText));
        m_currencyNote->setPalette(muted);
        rebuildCharts();
    }
}

QString DashboardPage::questionAbout(DashboardCharts::Kind kind) const
{
    const QString month = m_session->locale().toString(m_month, QStringLiteral("MMMM yyyy"));
    switch (kind) {
    case DashboardCharts::Kind::Categories:
        return tr("What did I spend per category in %1?").arg(month);
    case DashboardCharts::Kind::Budgets:
        return tr("How are my budgets doing?");
    case DashboardCharts::Kind::Trend:
        return tr("Compare my spending in %1 with the month before.").arg(month);
    case DashboardCharts::Kind::Daily:
        return tr("How much did I spend in %1?").arg(month);
    case DashboardCharts::Kind::Merchants:
        return tr("What were my top merchants in %1?").arg(month);
    }
    return {};
}

} // namespace Moniagent
