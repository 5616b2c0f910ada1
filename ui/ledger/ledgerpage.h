#pragma once

#include <QWidget>

class QLabel;
class QStackedLayout;

namespace Moniagent {

class CategorizationActions;
class Categorizer;
class CategoryModel;
class FilterBar;
class LedgerView;
class QuickEntryWidget;
class ReviewBar;
class ReviewCounter;
class Session;
class TransactionModel;

// The main page: filters on top, the quick-entry line, and the ledger table (or a friendly hint while
// there is nothing to show). "Needs review" narrows the ledger to the review queue, with a strip that says
// how to work through it.
class LedgerPage : public QWidget
{
    Q_OBJECT
public:
    LedgerPage(Session* session, TransactionModel* model, Categorizer* categorizer, QWidget* parent = nullptr);

    FilterBar* filterBar() const { return m_filters; }
    LedgerView* view() const { return m_view; }
    QuickEntryWidget* quickEntry() const { return m_quickEntry; }
    ReviewBar* reviewBar() const { return m_reviewBar; }
    CategorizationActions* categorizationActions() const { return m_actions; }
    ReviewCounter* reviewCounter() const { return m_reviewCounter; }

    bool reviewMode() const;

public Q_SLOTS:
    void setReviewMode(bool on);
    void acceptAllVisible();

Q_SIGNALS:
    void statusMessage(const QString& message);
    void reviewModeChanged(bool on);

private:
    void updateEmptyState();
    void reviewModeToggled(bool on);
    void updateThreshold();
    void focusFirstRow();

    Session* m_session;
    TransactionModel* m_model;
    Categorizer* m_categorizer;
    CategoryModel* m_categories;
    FilterBar* m_filters;
    QuickEntryWidget* m_quickEntry;
    LedgerView* m_view;
    ReviewBar* m_reviewBar;
    CategorizationActions* m_actions;
    ReviewCounter* m_reviewCounter;
    QLabel* m_empty;
    QStackedLayout* m_stack;
};

} // namespace Moniagent
