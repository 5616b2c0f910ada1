#pragma once

#include "core/daterange.h"
#include "core/transactionfilter.h"

#include <QTimer>
#include <QWidget>

class QComboBox;
class QDateEdit;
class QLineEdit;
class QToolButton;

namespace Moniagent {

class CategoryModel;

// The row of filters above the ledger: period (presets or a custom range), category, type, source, a
// search box (applied after a short pause in typing) and the "Needs review" toggle that narrows the ledger
// to the review queue. Emits the complete filter whenever it changes.
class FilterBar : public QWidget
{
    Q_OBJECT
public:
    FilterBar(CategoryModel* categories, QDate today, QWidget* parent = nullptr);

    TransactionFilter filter() const;
    DateRange::Preset period() const;
    void setPeriod(DateRange::Preset preset);
    void setToday(QDate today);
    QLineEdit* searchField() const { return m_search; }
    QToolButton* reviewButton() const { return m_review; }

    bool reviewMode() const;
    // The review queue holds unconfirmed rows below this confidence (the user's auto-apply threshold).
    void setReviewThreshold(double threshold);
    // The size of the whole review queue, shown on the toggle; negative while unknown.
    void setReviewCount(qint64 count);

public Q_SLOTS:
    void clear();
    // Shows what `filter` selects (a chart or budget asked for "the transactions behind this"): its dates as a
    // custom range (or all time), its first category, type and search; source and review are reset.
    void setFilter(const Moniagent::TransactionFilter& filter);
    void focusSearch();
    void setReviewMode(bool on);

Q_SIGNALS:
    void filterChanged(const Moniagent::TransactionFilter& filter);
    void reviewModeChanged(bool on);

private:
    void periodChanged();
    void rebuildCategories();
    void emitChanged();
    void updateReviewButton();

    CategoryModel* m_categories;
    QDate m_today;
    QComboBox* m_period;
    QDateEdit* m_from;
    QDateEdit* m_to;
    QComboBox* m_category;
    QComboBox* m_type;
    QComboBox* m_source;
    QLineEdit* m_search;
    QToolButton* m_review;
    QToolButton* m_clear;
    QTimer m_searchDelay;
    double m_reviewThreshold = 0.9;
    qint64 m_reviewCount = -1;
    TransactionFilter m_last;
    // Several categories at once (a chart's "others"), shown as one extra entry of the category box.
    QList<qint64> m_categoryGroup;
    bool m_groupUncategorized = false;
};

} // namespace Moniagent
