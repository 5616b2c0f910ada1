#include "budgeteditdialog.h"

#include "budgetcolors.h"
#include "budgettext.h"
#include "common/categoryicons.h"
#include "session/session.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <cmath>

namespace Moniagent {

namespace {
constexpr qint64 AllSpending = -1; // the category combo's data for the overall budget
} // namespace

BudgetEditDialog::BudgetEditDialog(Session* session, const Budget& budget, QWidget* parent)
    : QDialog(parent)
    , m_session(session)
    , m_original(budget)
    , m_category(new QComboBox(this))
    , m_amount(new QLineEdit(this))
    , m_currency(new QComboBox(this))
    , m_suggest(new QPushButton(tr("&Suggest"), this))
    , m_suggestion(new QLabel(this))
    , m_period(new QComboBox(this))
    , m_threshold(new QSpinBox(this))
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    m_pool.setMaxThreadCount(1);
    setObjectName(QStringLiteral("budgetEditDialog"));
    setWindowTitle(isNew() ? tr("New Budget") : tr("Edit Budget"));
    const QLocale locale = session->locale();

    m_category->setObjectName(QStringLiteral("budgetCategory"));
    m_category->setAccessibleName(tr("Budget for"));
    m_category->setIconSize(QSize(20, 20));
    m_category->setMinimumContentsLength(22);
    loadTaken();
    fillCategories();

    m_amount->setObjectName(QStringLiteral("budgetAmount"));
    m_amount->setAccessibleName(tr("Limit"));
    m_amount->setPlaceholderText(tr("e.g. %1").arg(Money(40000, session->baseCurrency()).toNumberString(locale)));
    m_amount->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_amount->setMaxLength(24);
    m_currency->setObjectName(QStringLiteral("budgetCurrency"));
    m_currency->setAccessibleName(tr("Currency"));
    QStringList codes = Currency::commonCodes();
    const QString currency = budget.limit.isValid() ? budget.limit.currency().code() : session->baseCurrency().code();
    if (!codes.contains(currency))
        codes.prepend(currency);
    for (const QString& code : std::as_const(codes)) {
        m_currency->addItem(code, code);
        m_currency->setItemData(m_currency->count() - 1, Currency::fromCode(code).displayName(locale), Qt::ToolTipRole);
    }
    m_currency->setCurrentIndex(m_currency->findData(currency));
    if (budget.limit.isValid() && budget.limit.minor() > 0)
        m_amount->setText(budget.limit.toNumberString(locale));

    m_suggest->setObjectName(QStringLiteral("suggestButton"));
    m_suggest->setToolTip(tr("Fill in the average spending of the last three periods"));
    m_suggest->setAutoDefault(false);
    m_suggestion->setObjectName(QStringLiteral("suggestionLabel"));
    m_suggestion->setWordWrap(true);
    QPalette muted = m_suggestion->palette();
    muted.setColor(QPalette::WindowText, muted.color(QPalette::PlaceholderText));
    m_suggestion->setPalette(muted);
    m_suggestion->setVisible(false);

    m_period->setObjectName(QStringLiteral("budgetPeriod"));
    m_period->setAccessibleName(tr("Period"));
    for (BudgetPeriod period : BudgetEnums::allPeriods())
        m_period->addItem(BudgetEnums::displayName(period), int(period));
    m_period->setCurrentIndex(m_period->findData(int(budget.period)));

    m_threshold->setObjectName(QStringLiteral("budgetThreshold"));
    m_threshold->setAccessibleName(tr("Warn at"));
    m_threshold->setRange(0, 100);
    m_threshold->setSuffix(tr(" %", "percent suffix of a spin box"));
    m_threshold->setValue(int(std::lround(std::clamp(budget.alertThreshold, 0.0, 1.0) * 100.0)));
    m_threshold->setToolTip(tr("Moniagent warns you when spending reaches this share of the limit"));

    m_problem->setObjectName(QStringLiteral("budgetError"));
    m_problem->setWordWrap(true);
    m_problem->setTextFormat(Qt::PlainText);
    QPalette bad = m_problem->palette();
    bad.setColor(QPalette::WindowText, BudgetColors::forTone(BudgetTone::Bad, bad));
    m_problem->setPalette(bad);
    m_problem->setMinimumHeight(m_problem->fontMetrics().height() * 2);
    m_problem->setAlignment(Qt::AlignLeft | Qt::AlignTop);

    auto* limitRow = new QHBoxLayout;
    limitRow->setSpacing(6);
    limitRow->addWidget(m_amount, 1);
    limitRow->addWidget(m_currency);
    limitRow->addWidget(m_suggest);
    auto* thresholdRow = new QHBoxLayout;
    thresholdRow->addWidget(m_threshold);
    thresholdRow->addWidget(new QLabel(tr("of the limit"), this), 1);

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("&Budget for:"), m_category);
    form->addRow(tr("&Limit:"), limitRow);
    form->addRow(QString(), m_suggestion);
    form->addRow(tr("&Period:"), m_period);
    form->addRow(tr("&Warn at:"), thresholdRow);
    // The labels' buddies give Alt shortcuts to the fields.
    static_cast<QLabel*>(form->labelForField(limitRow))->setBuddy(m_amount);
    static_cast<QLabel*>(form->labelForField(thresholdRow))->setBuddy(m_threshold);

    m_buttons->setObjectName(QStringLiteral("buttons"));
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    setMinimumWidth(440);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &BudgetEditDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_suggest, &QPushButton::clicked, this, &BudgetEditDialog::suggest);
    connect(&m_suggestWatcher, &QFutureWatcher<Result<std::optional<Money>>>::finished, this,
            &BudgetEditDialog::suggestionArrived);
    const auto choiceChanged = [this]() {
        m_suggestion->clear();
        m_suggestion->setVisible(false);
        validate();
    };
    connect(m_category, &QComboBox::currentIndexChanged, this, choiceChanged);
    connect(m_period, &QComboBox::currentIndexChanged, this, choiceChanged);
    connect(m_currency, &QComboBox::currentIndexChanged, this, choiceChanged);
    connect(m_amount, &QLineEdit::textChanged, this, &BudgetEditDialog::validate);
    connect(m_threshold, &QSpinBox::valueChanged, this, &BudgetEditDialog::validate);
    // A budget saved elsewhere meanwhile (another window, the command line) takes its category.
    connect(session->budgets(), &BudgetRepository::changed, this, [this](qint64 user) {
        if (user == m_session->userId()) {
            loadTaken();
            validate();
        }
    });

    m_amount->setFocus(Qt::OtherFocusReason);
    validate();
}

BudgetEditDialog::~BudgetEditDialog()
{
    m_suggestWatcher.disconnect(this);
    m_pool.waitForDone();
}

void BudgetEditDialog::loadTaken()
{
    m_takenCategories.clear();
    m_overallTaken = false;
    auto budgets = m_session->budgets()->list(m_session->userId());
    if (!budgets) {
        showProblem(budgets.error().message);
        return;
    }
    for (const Budget& budget : std::as_const(*budgets)) {
        if (budget.id == m_original.id)
            continue;
        if (budget.categoryId)
            m_takenCategories.insert(*budget.categoryId);
        else
            m_overallTaken = true;
    }
}

void BudgetEditDialog::fillCategories()
{
    const bool editingOverall = !isNew() && m_original.isOverall();
    if (!m_overallTaken || editingOverall)
        m_category->addItem(CategoryIcons::icon(QStringLiteral("wallet"), QColor(0x47, 0x55, 0x69)),
                            BudgetText::budgetName({}, true), AllSpending);
    auto categories = m_session->categories()->list(m_session->userId());
    if (!categories) {
        showProblem(categories.error().message);
        return;
    }
    for (const Category& category : std::as_const(*categories)) {
        const bool own = m_original.categoryId == category.id;
        if (!category.appliesToExpenses() || (m_takenCategories.contains(category.id) && !own))
            continue;
        m_category->addItem(CategoryIcons::icon(category.icon, QColor(category.color)), category.name, category.id);
    }
    const int current = m_category->findData(m_original.categoryId ? *m_original.categoryId : AllSpending);
    m_category->setCurrentIndex(current >= 0 ? current : 0);
}

std::optional<qint64> BudgetEditDialog::selectedCategory() const
{
    const qint64 id = m_category->currentData().toLongLong();
    return id == AllSpending ? std::nullopt : std::optional<qint64>(id);
}

QString BudgetEditDialog::budgetName() const
{
    return m_category->currentText();
}

QString BudgetEditDialog::problem() const
{
    return m_problem->text();
}

BudgetEditDialog::Request BudgetEditDialog::currentRequest() const
{
    return {selectedCategory(), BudgetPeriod(m_period->currentData().toInt()), m_currency->currentData().toString()};
}

std::optional<Budget> BudgetEditDialog::entered(QString* problem) const
{
    problem->clear();
    if (m_category->currentIndex() < 0) {
        *problem = tr("Every category has a budget already: edit one of them instead.");
        return std::nullopt;
    }
    Budget budget = m_original;
    budget.userId = m_session->userId();
    budget.categoryId = selectedCategory();
    budget.period = BudgetPeriod(m_period->currentData().toInt());
    budget.alertThreshold = m_threshold->value() / 100.0;
    const QString text = m_amount->text().trimmed();
    if (text.isEmpty())
        return std::nullopt; // nothing typed yet: OK waits without scolding
    auto limit = Money::parse(text, Currency::fromCode(m_currency->currentData().toString()), m_session->locale());
    if (!limit) {
        *problem = limit.error().message;
        return std::nullopt;
    }
    budget.limit = *limit;
    if (auto valid = BudgetRepository::validate(budget); !valid) {
        *problem = valid.error().message;
        return std::nullopt;
    }
    if (budget.categoryId ? m_takenCategories.contains(*budget.categoryId) : m_overallTaken) {
        *problem = budget.categoryId ? tr("There is already a budget for “%1”.").arg(budgetName())
                                     : tr("There is already a budget for all spending.");
        return std::nullopt;
    }
    return budget;
}

void BudgetEditDialog::validate()
{
    QString problem;
    const bool valid = entered(&problem).has_value();
    showProblem(problem);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(valid);
}

void BudgetEditDialog::showProblem(const QString& problem)
{
    m_problem->setText(problem);
    m_problem->setAccessibleDescription(problem);
}

void BudgetEditDialog::accept()
{
    QString problem;
    const std::optional<Budget> budget = entered(&problem);
    if (!budget) {
        showProblem(problem);
        return;
    }
    const qint64 user = m_session->userId();
    Budget saved = *budget;
    if (isNew()) {
        auto id = m_session->budgets()->add(user, saved);
        if (!id) {
            showProblem(id.error().message);
            return;
        }
        saved.id = *id;
    } else {
        auto updated = m_session->budgets()->update(user, saved);
        if (!updated) {
            showProblem(updated.error().message);
            return;
        }
    }
    m_saved = saved;
    QDialog::accept();
}

void BudgetEditDialog::suggest()
{
    const BudgetEngine* engine = m_session->budgetEngine();
    if (!engine || m_suggestWatcher.isRunning())
        return;
    m_request = currentRequest();
    m_suggest->setEnabled(false);
    m_suggestion->setText(tr("Looking at the last three periods…"));
    m_suggestion->setVisible(true);
    const qint64 user = m_session->userId();
    const QDate today = m_session->clock().today();
    const Request request = m_request;
    m_suggestWatcher.setFuture(QtConcurrent::run(&m_pool, [engine, user, today, request]() {
        return engine->suggestLimit(user, request.categoryId, request.period, Currency::fromCode(request.currency),
                                    today);
    }));
}

void BudgetEditDialog::suggestionArrived()
{
    m_suggest->setEnabled(true);
    const Result<std::optional<Money>> result = m_suggestWatcher.result();
    if (!(currentRequest() == m_request)) {
        // The category, period or currency changed meanwhile: this average is about something else.
        m_suggestion->clear();
        m_suggestion->setVisible(false);
    } else if (!result) {
        m_suggestion->setText(result.error().message);
    } else if (!*result) {
        switch (m_request.period) {
        case BudgetPeriod::Weekly:
            m_suggestion->setText(tr("No spending in the last 3 weeks to suggest a limit from."));
            break;
        case BudgetPeriod::Monthly:
            m_suggestion->setText(tr("No spending in the last 3 months to suggest a limit from."));
            break;
        case BudgetPeriod::Yearly:
            m_suggestion->setText(tr("No spending in the last 3 years to suggest a limit from."));
            break;
        }
    } else {
        const Money average = **result;
        const QString amount = average.toString(m_session->locale());
        m_amount->setText(average.toNumberString(m_session->locale()));
        switch (m_request.period) {
        case BudgetPeriod::Weekly:
            m_suggestion->setText(tr("Average of the last 3 weeks: %1").arg(amount));
            break;
        case BudgetPeriod::Monthly:
            m_suggestion->setText(tr("Average of the last 3 months: %1").arg(amount));
            break;
        case BudgetPeriod::Yearly:
            m_suggestion->setText(tr("Average of the last 3 years: %1").arg(amount));
            break;
        }
    }
    Q_EMIT suggestionFinished();
}

} // namespace Moniagent
