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

// The row of filters above the ledger: period (presets or a custom range), category, type, source and a
// search box (applied after a short pause in typing). Emits the complete filter whenever it changes.
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

public Q_SLOTS:
    void clear();
    void focusSearch();

Q_SIGNALS:
    void filterChanged(const Moniagent::TransactionFilter& filter);

private:
    void periodChanged();
    void rebuildCategories();
    void emitChanged();

    CategoryModel* m_categories;
    QDate m_today;
    QComboBox* m_period;
    QDateEdit* m_from;
    QDateEdit* m_to;
    QComboBox* m_category;
    QComboBox* m_type;
    QComboBox* m_source;
    QLineEdit* m_search;
    QToolButton* m_clear;
    QTimer m_searchDelay;
    TransactionFilter m_last;
};

} // namespace Moniagent
