#pragma once

#include "budget/budgetstatus.h"
#include "core/category.h"
#include "core/result.h"

#include <QAbstractTableModel>
#include <QFutureWatcher>
#include <QHash>
#include <QLocale>
#include <QThreadPool>
#include <QTimer>

namespace Moniagent {

class Session;

// Every budget of the profile evaluated for one reference date: a row per budget (all spending first, then the
// categories in display order) with the spent / limit share, pace, remaining and projection. Each budget shows its
// own window (week, month, year) that contains the reference date, counted up to today: a past window whole, a
// future one empty. Evaluation runs on a worker thread with its own connection and runs again shortly after the
// budgets, categories or transactions change (bursts are evaluated once).
class BudgetStatusModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        NameColumn,
        ProgressColumn,
        SpentColumn,
        RemainingColumn,
        ProjectionColumn,
        ColumnCount
    };
    enum Role
    {
        BudgetIdRole = Qt::UserRole + 1, // qint64
        StatusRole, // QVariant<BudgetStatus>
        StateRole, // int(BudgetState)
        UsedRole, // double: spent / limit, may exceed 1
        PaceRole, // double: share of the window passed
        ThresholdRole, // double: the alert threshold
        IconKeyRole, // QString: the category's icon key (empty for all spending)
        ColorRole, // QColor: the category's color
        CurrentWindowRole, // bool: the window contains today
    };

    explicit BudgetStatusModel(Session* session, QObject* parent = nullptr);
    ~BudgetStatusModel() override;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The date whose windows are shown; invalid follows today (the clock), also across midnight.
    QDate referenceDate() const;
    bool followsToday() const { return !m_reference.isValid(); }
    void setReferenceDate(QDate date);
    // The step of Previous / Next: the budgets' period when they all share one, otherwise a month.
    BudgetPeriod navigationPeriod() const;
    // Moves the reference date by `steps` navigation periods; landing in today's window follows today again.
    void step(int steps);
    // "November 2026", or the week / year, for the navigation period and the reference date.
    QString windowLabel() const;
    // Whether the budgets have different periods (each row then shows its own window).
    bool hasMixedPeriods() const;

    void setLocale(const QLocale& locale);

    bool isLoading() const { return m_running || m_delay.isActive(); }
    // Whether a first evaluation has arrived.
    bool hasLoaded() const { return m_loaded; }
    int rowOf(qint64 budgetId) const;
    const BudgetStatus* statusAt(int row) const;
    QString nameAt(int row) const;

public Q_SLOTS:
    // Evaluates again after a short delay (changes arriving together are evaluated once).
    void refresh();
    // Evaluates again when the clock's date moved on since the last evaluation (checked every minute, so the
    // current period and its pace follow midnight).
    void checkDate();

Q_SIGNALS:
    void refreshed();
    void referenceDateChanged();
    void errorOccurred(const QString& message);

private:
    struct Snapshot
    {
        QList<BudgetStatus> statuses;
        QHash<qint64, Category> categories;
        QDate reference;
        QDate today;
    };

    void start();
    void finished();
    static Result<Snapshot> evaluate(Session* session, qint64 userId, QDate reference);
    QString name(const Budget& budget) const;
    QVariant displayData(const BudgetStatus& status, int column) const;
    QVariant secondaryData(const BudgetStatus& status, int column) const;
    QVariant toneData(const BudgetStatus& status, int column) const;

    QThreadPool m_pool; // first, so it is destroyed last: waits for a running evaluation
    Session* m_session;
    qint64 m_userId;
    QLocale m_locale;
    QDate m_reference;
    QDate m_today;
    QList<BudgetStatus> m_statuses;
    QHash<qint64, Category> m_categories;
    bool m_loaded = false;
    bool m_running = false; // from start() until its result is handled (the watcher's own state ends earlier)
    bool m_again = false;
    QTimer m_delay;
    QTimer m_dayCheck;
    QFutureWatcher<Result<Snapshot>> m_watcher;
};

} // namespace Moniagent
