#include "budgetstatusmodel.h"

#include "budgetroles.h"
#include "budgettext.h"
#include "common/categoryicons.h"
#include "session/session.h"

#include <QFont>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace Moniagent {

namespace {

constexpr int RefreshDelayMs = 150;

QDate shifted(QDate date, BudgetPeriod period, int steps)
{
    switch (period) {
    case BudgetPeriod::Weekly:
        return date.addDays(7 * qint64(steps));
    case BudgetPeriod::Monthly:
        return date.addMonths(steps);
    case BudgetPeriod::Yearly:
        return date.addYears(steps);
    }
    return date;
}

} // namespace

BudgetStatusModel::BudgetStatusModel(Session* session, QObject* parent)
    : QAbstractTableModel(parent)
    , m_session(session)
    , m_userId(session->userId())
    , m_locale(session->locale())
    , m_today(session->clock().today())
{
    m_pool.setMaxThreadCount(1);
    m_delay.setSingleShot(true);
    m_delay.setInterval(RefreshDelayMs);
    connect(&m_delay, &QTimer::timeout, this, &BudgetStatusModel::start);
    m_dayCheck.setInterval(60 * 1000);
    connect(&m_dayCheck, &QTimer::timeout, this, &BudgetStatusModel::checkDate);
    m_dayCheck.start();
    connect(&m_watcher, &QFutureWatcher<Result<Snapshot>>::finished, this, &BudgetStatusModel::finished);
    // The repositories may report from worker threads; `this` as context makes these queued.
    const auto changed = [this](qint64 user) {
        if (user == m_userId)
            refresh();
    };
    const auto rowsChanged = [this](qint64 user, const QList<qint64>&) {
        if (user == m_userId)
            refresh();
    };
    connect(session->budgets(), &BudgetRepository::changed, this, changed);
    connect(session->categories(), &CategoryRepository::changed, this, changed);
    connect(session->transactions(), &TransactionRepository::inserted, this, rowsChanged);
    connect(session->transactions(), &TransactionRepository::updated, this, rowsChanged);
    connect(session->transactions(), &TransactionRepository::removed, this, rowsChanged);
    start();
}

BudgetStatusModel::~BudgetStatusModel()
{
    m_watcher.disconnect(this);
    m_pool.waitForDone();
}

int BudgetStatusModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_statuses.size());
}

int BudgetStatusModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BudgetStatusModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Budget");
    case ProgressColumn:
        return tr("Progress");
    case SpentColumn:
        return tr("Spent");
    case RemainingColumn:
        return tr("Remaining");
    case ProjectionColumn:
        return tr("End of period");
    }
    return {};
}

QString BudgetStatusModel::nameAt(int row) const
{
    const BudgetStatus* status = statusAt(row);
    return status ? name(status->budget) : QString();
}

QString BudgetStatusModel::name(const Budget& budget) const
{
    return BudgetText::budgetName(budget.categoryId ? m_categories.value(*budget.categoryId).name : QString(),
                                  budget.isOverall());
}

QVariant BudgetStatusModel::displayData(const BudgetStatus& status, int column) const
{
    switch (column) {
    case NameColumn:
        return name(status.budget);
    case ProgressColumn:
        return BudgetText::percent(status.used(), m_locale);
    case SpentColumn:
        return BudgetText::spent(status, m_locale);
    case RemainingColumn:
        return BudgetText::remaining(status, m_locale);
    case ProjectionColumn:
        return BudgetText::projection(status, m_locale);
    }
    return {};
}

QVariant BudgetStatusModel::secondaryData(const BudgetStatus& status, int column) const
{
    switch (column) {
    case NameColumn:
        return tr("%1 · %2", "budget period · its window")
            .arg(BudgetEnums::displayName(status.budget.period),
                 BudgetText::window(status.budget.period, status.window, m_locale));
    case ProgressColumn:
        return BudgetStates::displayName(status.state);
    case SpentColumn:
        return BudgetText::notCounted(status, m_locale);
    case RemainingColumn:
        return {};
    case ProjectionColumn:
        return BudgetText::projectionDetail(status, m_locale);
    }
    return {};
}

QVariant BudgetStatusModel::toneData(const BudgetStatus& status, int column) const
{
    switch (column) {
    case RemainingColumn:
        return int(status.remaining().isNegative() ? BudgetTone::Bad : BudgetTone::Normal);
    case ProjectionColumn:
        if (status.projectedOver())
            return int(BudgetTone::Warning);
        return int(status.asOf < status.window.end ? BudgetTone::Normal : BudgetTone::Muted);
    default:
        return int(BudgetTone::Normal);
    }
}

QVariant BudgetStatusModel::data(const QModelIndex& index, int role) const
{
    const BudgetStatus* status = index.isValid() ? statusAt(index.row()) : nullptr;
    if (!status)
        return {};
    const Budget& budget = status->budget;
    switch (role) {
    case Qt::DisplayRole:
        return displayData(*status, index.column());
    case Qt::AccessibleTextRole: {
        const QString second = secondaryData(*status, index.column()).toString();
        const QString first = displayData(*status, index.column()).toString();
        return second.isEmpty() ? first : first + QStringLiteral(", ") + second;
    }
    case BudgetRoles::SecondaryTextRole:
        return secondaryData(*status, index.column());
    case BudgetRoles::ToneRole:
        return toneData(*status, index.column());
    case BudgetRoles::SecondaryToneRole:
        if (index.column() == ProgressColumn)
            return int(status->state == BudgetState::Ok            ? BudgetTone::Good
                           : status->state == BudgetState::Warning ? BudgetTone::Warning
                                                                   : BudgetTone::Bad);
        if (index.column() == SpentColumn)
            return int(BudgetTone::Warning);
        return int(BudgetTone::Muted);
    case Qt::FontRole:
        if (index.column() == ProjectionColumn && status->projectedOver()) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == ProgressColumn)
            return BudgetText::progressToolTip(*status, m_locale);
        if (index.column() == SpentColumn && !status->notCounted.isEmpty())
            return tr("Expenses in other currencies are listed, not added: Moniagent does not convert currencies.");
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == SpentColumn || index.column() == RemainingColumn || index.column() == ProjectionColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::DecorationRole:
        if (index.column() != NameColumn)
            return {};
        if (budget.categoryId) {
            const Category category = m_categories.value(*budget.categoryId);
            return CategoryIcons::icon(category.icon, QColor(category.color));
        }
        return CategoryIcons::icon(QStringLiteral("wallet"), QColor(0x47, 0x55, 0x69));
    case BudgetIdRole:
        return budget.id;
    case StatusRole:
        return QVariant::fromValue(*status);
    case StateRole:
        return int(status->state);
    case UsedRole:
        return status->used();
    case PaceRole:
        return status->pace();
    case ThresholdRole:
        return budget.alertThreshold;
    case IconKeyRole:
        return budget.categoryId ? m_categories.value(*budget.categoryId).icon : QString();
    case ColorRole:
        return budget.categoryId ? QColor(m_categories.value(*budget.categoryId).color) : QColor();
    case CurrentWindowRole:
        return status->window.contains(m_today);
    }
    return {};
}

QDate BudgetStatusModel::referenceDate() const
{
    return m_reference.isValid() ? m_reference : m_session->clock().today();
}

void BudgetStatusModel::setReferenceDate(QDate date)
{
    const QDate today = m_session->clock().today();
    // Today's window (of the navigation period) follows the clock rather than staying on a fixed date.
    const BudgetPeriod period = navigationPeriod();
    const Qt::DayOfWeek first = m_session->budgetEngine() ? m_session->budgetEngine()->firstDayOfWeek() : Qt::Monday;
    if (date.isValid()
        && BudgetWindow::containing(period, date, first) == BudgetWindow::containing(period, today, first))
        date = QDate();
    if (date == m_reference)
        return;
    m_reference = date;
    Q_EMIT referenceDateChanged();
    m_delay.stop();
    start();
}

BudgetPeriod BudgetStatusModel::navigationPeriod() const
{
    if (m_statuses.isEmpty() || hasMixedPeriods())
        return BudgetPeriod::Monthly;
    return m_statuses.first().budget.period;
}

bool BudgetStatusModel::hasMixedPeriods() const
{
    return std::any_of(m_statuses.cbegin(), m_statuses.cend(), [this](const BudgetStatus& status) {
        return status.budget.period != m_statuses.first().budget.period;
    });
}

void BudgetStatusModel::step(int steps)
{
    if (steps != 0)
        setReferenceDate(shifted(referenceDate(), navigationPeriod(), steps));
}

QString BudgetStatusModel::windowLabel() const
{
    const BudgetPeriod period = navigationPeriod();
    const Qt::DayOfWeek first = m_session->budgetEngine() ? m_session->budgetEngine()->firstDayOfWeek() : Qt::Monday;
    return BudgetText::window(period, BudgetWindow::containing(period, referenceDate(), first), m_locale);
}

void BudgetStatusModel::setLocale(const QLocale& locale)
{
    m_locale = locale;
    if (!m_statuses.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int BudgetStatusModel::rowOf(qint64 budgetId) const
{
    for (int row = 0; row < m_statuses.size(); ++row) {
        if (m_statuses.at(row).budget.id == budgetId)
            return row;
    }
    return -1;
}

const BudgetStatus* BudgetStatusModel::statusAt(int row) const
{
    return row >= 0 && row < m_statuses.size() ? &m_statuses.at(row) : nullptr;
}

void BudgetStatusModel::refresh()
{
    m_delay.start();
}

void BudgetStatusModel::checkDate()
{
    if (m_session->clock().today() != m_today)
        refresh();
}

void BudgetStatusModel::start()
{
    if (m_running) {
        m_again = true;
        return;
    }
    m_running = true;
    Session* session = m_session;
    const qint64 user = m_userId;
    const QDate reference = m_reference;
    m_watcher.setFuture(QtConcurrent::run(
        &m_pool, [session, user, reference]() -> Result<Snapshot> { return evaluate(session, user, reference); }));
}

Result<BudgetStatusModel::Snapshot> BudgetStatusModel::evaluate(Session* session, qint64 userId, QDate reference)
{
    const BudgetEngine* engine = session->budgetEngine();
    if (!engine)
        return Error::invalidInput(tr("No profile is open."));
    Snapshot snapshot;
    snapshot.reference = reference;
    snapshot.today = session->clock().today();
    auto categories = session->categories()->list(userId);
    if (!categories)
        return categories.error();
    for (const Category& category : std::as_const(*categories))
        snapshot.categories.insert(category.id, category);
    if (!reference.isValid()) {
        // Today: every budget's current window, counted up to today.
        auto statuses = engine->evaluateAll(userId, snapshot.today);
        if (!statuses)
            return statuses.error();
        snapshot.statuses = std::move(*statuses);
        return snapshot;
    }
    // Another date: each budget's window containing it, counted up to today (a past window counts whole, a future
    // one is empty).
    auto budgets = session->budgets()->list(userId);
    if (!budgets)
        return budgets.error();
    for (const Budget& budget : std::as_const(*budgets)) {
        const BudgetWindow window = BudgetWindow::containing(budget.period, reference, engine->firstDayOfWeek());
        auto status = engine->evaluateWindow(userId, budget, window, snapshot.today);
        if (!status)
            return status.error();
        snapshot.statuses << *status;
    }
    return snapshot;
}

void BudgetStatusModel::finished()
{
    Result<Snapshot> result = m_watcher.result();
    m_running = false;
    if (m_again) {
        m_again = false;
        start();
    }
    if (!result) {
        Q_EMIT errorOccurred(result.error().message);
        return;
    }
    Snapshot& snapshot = *result;
    if (snapshot.reference != m_reference)
        return; // the reference date moved meanwhile: its evaluation is on its way
    m_today = snapshot.today;
    m_categories = std::move(snapshot.categories);
    const bool sameRows
        = std::equal(m_statuses.cbegin(), m_statuses.cend(), snapshot.statuses.cbegin(), snapshot.statuses.cend(),
                     [](const BudgetStatus& a, const BudgetStatus& b) { return a.budget.id == b.budget.id; });
    if (sameRows) {
        m_statuses = std::move(snapshot.statuses);
        if (!m_statuses.isEmpty())
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    } else {
        beginResetModel();
        m_statuses = std::move(snapshot.statuses);
        endResetModel();
    }
    m_loaded = true;
    Q_EMIT refreshed();
}

} // namespace Moniagent
