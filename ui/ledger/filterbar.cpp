#include "filterbar.h"

#include "common/categoryicons.h"
#include "itemmodels/categorymodel.h"

#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QToolButton>

namespace Moniagent {

namespace {
constexpr qint64 UncategorizedId = -1;
constexpr qint64 CategoryGroupId = -2;
} // namespace

FilterBar::FilterBar(CategoryModel* categories, QDate today, QWidget* parent)
    : QWidget(parent)
    , m_categories(categories)
    , m_today(today)
    , m_period(new QComboBox(this))
    , m_from(new QDateEdit(this))
    , m_to(new QDateEdit(this))
    , m_category(new QComboBox(this))
    , m_type(new QComboBox(this))
    , m_source(new QComboBox(this))
    , m_search(new QLineEdit(this))
    , m_review(new QToolButton(this))
    , m_clear(new QToolButton(this))
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    m_period->setObjectName(QStringLiteral("periodFilter"));
    m_period->setToolTip(tr("Period"));
    m_period->addItem(tr("All time"), int(DateRange::Preset::AllTime));
    m_period->addItem(tr("This month"), int(DateRange::Preset::ThisMonth));
    m_period->addItem(tr("Last month"), int(DateRange::Preset::LastMonth));
    m_period->addItem(tr("Last 30 days"), int(DateRange::Preset::Last30Days));
    m_period->addItem(tr("Last 3 months"), int(DateRange::Preset::Last3Months));
    m_period->addItem(tr("This year"), int(DateRange::Preset::ThisYear));
    m_period->addItem(tr("Last year"), int(DateRange::Preset::LastYear));
    m_period->addItem(tr("Custom range…"), int(DateRange::Preset::Custom));

    for (QDateEdit* edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(locale().dateFormat(QLocale::ShortFormat));
        edit->setVisible(false);
    }
    m_from->setObjectName(QStringLiteral("fromDate"));
    m_to->setObjectName(QStringLiteral("toDate"));
    m_from->setToolTip(tr("From"));
    m_to->setToolTip(tr("To"));
    m_from->setDate(QDate(today.year(), today.month(), 1));
    m_to->setDate(today);

    m_category->setObjectName(QStringLiteral("categoryFilter"));
    m_category->setToolTip(tr("Category"));
    m_category->setMinimumContentsLength(14);
    m_category->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    rebuildCategories();
    connect(m_categories, &QAbstractItemModel::modelReset, this, &FilterBar::rebuildCategories);

    m_type->setObjectName(QStringLiteral("typeFilter"));
    m_type->setToolTip(tr("Type"));
    m_type->addItem(tr("Income and expenses"), -1);
    m_type->addItem(tr("Expenses"), int(TransactionType::Expense));
    m_type->addItem(tr("Income"), int(TransactionType::Income));

    m_source->setObjectName(QStringLiteral("sourceFilter"));
    m_source->setToolTip(tr("Source"));
    m_source->addItem(tr("All sources"), -1);
    for (TransactionSource source : TransactionEnums::allSources())
        m_source->addItem(TransactionEnums::displayName(source), int(source));

    m_search->setObjectName(QStringLiteral("searchField"));
    m_search->setPlaceholderText(tr("Search merchant, description, notes…"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(220);

    m_review->setObjectName(QStringLiteral("reviewToggle"));
    m_review->setCheckable(true);
    m_review->setToolButtonStyle(Qt::ToolButtonTextOnly);
    updateReviewButton();

    m_clear->setObjectName(QStringLiteral("clearFilters"));
    m_clear->setText(tr("Clear filters"));
    m_clear->setToolTip(tr("Show all transactions"));
    m_clear->setAutoRaise(true);
    m_clear->setVisible(false);

    layout->addWidget(m_period);
    layout->addWidget(m_from);
    layout->addWidget(m_to);
    layout->addWidget(m_category);
    layout->addWidget(m_type);
    layout->addWidget(m_source);
    layout->addWidget(m_search, 1);
    layout->addWidget(m_review);
    layout->addWidget(m_clear);

    m_searchDelay.setSingleShot(true);
    m_searchDelay.setInterval(250);
    connect(&m_searchDelay, &QTimer::timeout, this, &FilterBar::emitChanged);
    connect(m_search, &QLineEdit::textChanged, this, [this]() { m_searchDelay.start(); });
    connect(m_search, &QLineEdit::returnPressed, this, &FilterBar::emitChanged);
    connect(m_period, &QComboBox::currentIndexChanged, this, &FilterBar::periodChanged);
    connect(m_from, &QDateEdit::dateChanged, this, &FilterBar::emitChanged);
    connect(m_to, &QDateEdit::dateChanged, this, &FilterBar::emitChanged);
    connect(m_category, &QComboBox::currentIndexChanged, this, &FilterBar::emitChanged);
    connect(m_type, &QComboBox::currentIndexChanged, this, &FilterBar::emitChanged);
    connect(m_source, &QComboBox::currentIndexChanged, this, &FilterBar::emitChanged);
    connect(m_clear, &QToolButton::clicked, this, &FilterBar::clear);
    connect(m_review, &QToolButton::toggled, this, [this](bool on) {
        updateReviewButton();
        emitChanged();
        Q_EMIT reviewModeChanged(on);
    });
}

void FilterBar::rebuildCategories()
{
    const QVariant current = m_category->currentData();
    const QSignalBlocker blocker(m_category);
    m_category->clear();
    m_category->addItem(tr("All categories"), QVariant());
    if (!m_categoryGroup.isEmpty() || m_groupUncategorized) {
        const int count = int(m_categoryGroup.size()) + (m_groupUncategorized ? 1 : 0);
        m_category->addItem(tr("%n categories", nullptr, count), CategoryGroupId);
    }
    m_category->addItem(CategoryIcons::icon(QStringLiteral("dots"), QColor(0x94, 0xA3, 0xB8)), tr("Uncategorized"),
                        UncategorizedId);
    for (int row = 0; row < m_categories->rowCount(); ++row) {
        const auto c = m_categories->categoryAt(row);
        if (!c)
            continue;
        m_category->addItem(CategoryIcons::icon(c->icon, QColor(c->color)), c->name, c->id);
    }
    const int index = m_category->findData(current);
    m_category->setCurrentIndex(index >= 0 ? index : 0);
}

DateRange::Preset FilterBar::period() const
{
    return DateRange::Preset(m_period->currentData().toInt());
}

void FilterBar::setPeriod(DateRange::Preset preset)
{
    const int index = m_period->findData(int(preset));
    if (index >= 0)
        m_period->setCurrentIndex(index);
}

void FilterBar::setToday(QDate today)
{
    m_today = today;
    emitChanged();
}

void FilterBar::periodChanged()
{
    const bool custom = period() == DateRange::Preset::Custom;
    m_from->setVisible(custom);
    m_to->setVisible(custom);
    emitChanged();
}

TransactionFilter FilterBar::filter() const
{
    TransactionFilter filter;
    if (period() == DateRange::Preset::Custom) {
        filter.dates = {std::min(m_from->date(), m_to->date()), std::max(m_from->date(), m_to->date())};
    } else {
        filter.dates = DateRange::forPreset(period(), m_today);
    }
    const QVariant category = m_category->currentData();
    if (category.isValid()) {
        if (category.toLongLong() == UncategorizedId) {
            filter.uncategorized = true;
        } else if (category.toLongLong() == CategoryGroupId) {
            filter.categoryIds = m_categoryGroup;
            filter.uncategorized = m_groupUncategorized;
        } else {
            filter.categoryIds = {category.toLongLong()};
        }
    }
    if (m_type->currentData().toInt() >= 0)
        filter.type = TransactionType(m_type->currentData().toInt());
    if (m_source->currentData().toInt() >= 0)
        filter.sources = {TransactionSource(m_source->currentData().toInt())};
    filter.search = m_search->text().trimmed();
    if (m_review->isChecked())
        filter.reviewBelow = m_reviewThreshold;
    return filter;
}

bool FilterBar::reviewMode() const
{
    return m_review->isChecked();
}

void FilterBar::setReviewMode(bool on)
{
    m_review->setChecked(on); // emits through toggled
}

void FilterBar::setReviewThreshold(double threshold)
{
    if (qFuzzyCompare(threshold, m_reviewThreshold))
        return;
    m_reviewThreshold = threshold;
    updateReviewButton();
    emitChanged();
}

void FilterBar::setReviewCount(qint64 count)
{
    m_reviewCount = count;
    updateReviewButton();
}

void FilterBar::updateReviewButton()
{
    m_review->setText(m_reviewCount >= 0 ? tr("Needs review (%1)").arg(locale().toString(m_reviewCount))
                                         : tr("Needs review"));
    const QString percent = locale().toString(qRound(m_reviewThreshold * 100)) + locale().percent();
    m_review->setToolTip(tr("Show only transactions whose category you have not confirmed and that are "
                            "uncategorized or were suggested with less than %1 confidence")
                             .arg(percent));
}

void FilterBar::emitChanged()
{
    m_searchDelay.stop();
    const TransactionFilter current = filter();
    m_clear->setVisible(!(current == TransactionFilter()));
    if (current == m_last)
        return;
    m_last = current;
    Q_EMIT filterChanged(current);
}

void FilterBar::clear()
{
    setFilter(TransactionFilter());
}

void FilterBar::setFilter(const TransactionFilter& filter)
{
    {
        const QSignalBlocker b1(m_period);
        const QSignalBlocker b2(m_category);
        const QSignalBlocker b3(m_type);
        const QSignalBlocker b4(m_source);
        const QSignalBlocker b5(m_search);
        const QSignalBlocker b6(m_from);
        const QSignalBlocker b7(m_to);
        const bool custom = filter.dates.from.isValid() || filter.dates.to.isValid();
        setPeriod(custom ? DateRange::Preset::Custom : DateRange::Preset::AllTime);
        if (custom) {
            m_from->setDate(filter.dates.from.isValid() ? filter.dates.from : m_from->minimumDate());
            m_to->setDate(filter.dates.to.isValid() ? filter.dates.to : m_today);
        }
        m_from->setVisible(custom);
        m_to->setVisible(custom);
        QVariant category;
        const bool several = filter.categoryIds.size() + (filter.uncategorized ? 1 : 0) > 1;
        m_categoryGroup = several ? filter.categoryIds : QList<qint64>();
        m_groupUncategorized = several && filter.uncategorized;
        rebuildCategories();
        if (several)
            category = CategoryGroupId;
        else if (!filter.categoryIds.isEmpty())
            category = filter.categoryIds.first();
        else if (filter.uncategorized)
            category = UncategorizedId;
        m_category->setCurrentIndex(std::max(0, m_category->findData(category)));
        m_type->setCurrentIndex(std::max(0, m_type->findData(filter.type ? int(*filter.type) : -1)));
        m_source->setCurrentIndex(0);
        m_search->setText(filter.search);
    }
    const bool wasReviewing = m_review->isChecked();
    if (wasReviewing) {
        const QSignalBlocker blocker(m_review);
        m_review->setChecked(false);
        updateReviewButton();
    }
    emitChanged();
    if (wasReviewing)
        Q_EMIT reviewModeChanged(false);
}

void FilterBar::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

} // namespace Moniagent
