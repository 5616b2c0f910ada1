#pragma once

#include "core/budget.h"
#include "core/result.h"

#include <QDialog>
#include <QFutureWatcher>
#include <QSet>
#include <QThreadPool>

#include <optional>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace Moniagent {

class Session;

// Creates or edits one budget: what it watches (all spending or one expense category without a budget yet), the
// limit in a currency (the profile's by default, typed in the profile's number format), the period and the share of
// the limit at which it warns. "Suggest" fills in the average spending of the last three periods, computed on a
// worker thread. Problems are shown in the dialog as they arise; OK stays disabled until the budget is valid, and
// saving goes through the session's budget repository (a refusal, such as a budget created meanwhile for the same
// category, is shown in the dialog, which stays open).
class BudgetEditDialog : public QDialog
{
    Q_OBJECT
public:
    // A new budget when `budget.id` is 0 (its category, limit, period and threshold are preselected when set),
    // otherwise that budget.
    explicit BudgetEditDialog(Session* session, const Budget& budget = {}, QWidget* parent = nullptr);
    ~BudgetEditDialog() override;

    bool isNew() const { return m_original.id == 0; }
    const Budget& originalBudget() const { return m_original; }
    // The budget as saved (with its id), once the dialog was accepted.
    const Budget& savedBudget() const { return m_saved; }
    // What the chosen category is called ("All spending" for the overall budget).
    QString budgetName() const;
    // The problem shown, empty when none.
    QString problem() const;
    bool isSuggesting() const { return m_suggestWatcher.isRunning(); }

public Q_SLOTS:
    // Fills in the limit from the average of the last three periods of the chosen category and period.
    void suggest();
    // Saves; stays open and shows why when the budget cannot be saved.
    void accept() override;

Q_SIGNALS:
    void suggestionFinished();

private:
    struct Request
    {
        std::optional<qint64> categoryId;
        BudgetPeriod period = BudgetPeriod::Monthly;
        QString currency;
        friend bool operator==(const Request&, const Request&) = default;
    };

    void loadTaken();
    void fillCategories();
    std::optional<qint64> selectedCategory() const;
    Request currentRequest() const;
    // The budget as entered, or nothing with the reason in `problem` (empty while the limit is not typed yet).
    std::optional<Budget> entered(QString* problem) const;
    void validate();
    void showProblem(const QString& problem);
    void suggestionArrived();

    QThreadPool m_pool; // first, so it is destroyed last: waits for a running suggestion
    Session* m_session;
    Budget m_original;
    Budget m_saved;
    QSet<qint64> m_takenCategories;
    bool m_overallTaken = false;
    QComboBox* m_category;
    QLineEdit* m_amount;
    QComboBox* m_currency;
    QPushButton* m_suggest;
    QLabel* m_suggestion;
    QComboBox* m_period;
    QSpinBox* m_threshold;
    QLabel* m_problem;
    QDialogButtonBox* m_buttons;
    Request m_request;
    QFutureWatcher<Result<std::optional<Money>>> m_suggestWatcher;
};

} // namespace Moniagent
