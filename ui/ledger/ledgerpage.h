#pragma once

#include <QWidget>

class QLabel;
class QStackedLayout;

namespace Moniagent {

class CategoryModel;
class FilterBar;
class LedgerView;
class QuickEntryWidget;
class Session;
class TransactionModel;

// The main page: filters on top, the quick-entry line, and the ledger table (or a friendly hint while
// there is nothing to show).
class LedgerPage : public QWidget
{
    Q_OBJECT
public:
    LedgerPage(Session* session, TransactionModel* model, QWidget* parent = nullptr);

    FilterBar* filterBar() const { return m_filters; }
    LedgerView* view() const { return m_view; }
    QuickEntryWidget* quickEntry() const { return m_quickEntry; }

Q_SIGNALS:
    void statusMessage(const QString& message);

private:
    void updateEmptyState();

    Session* m_session;
    TransactionModel* m_model;
    CategoryModel* m_categories;
    FilterBar* m_filters;
    QuickEntryWidget* m_quickEntry;
    LedgerView* m_view;
    QLabel* m_empty;
    QStackedLayout* m_stack;
};

} // namespace Moniagent
