#pragma once

#include <QDialog>

class QLabel;
class QPushButton;
class QTableView;

namespace Moniagent {

class Categorizer;
class CategoryRepository;
class RuleTableModel;
class TransactionModel;

// Tools › Categorization Rules: the profile's rules (yours and learned ones) in matching order, to add, edit,
// delete and turn on or off, and "Re-apply Rules" to bring the categories of existing transactions the user
// has not confirmed in line with the rules, as one undoable step.
class RulesDialog : public QDialog
{
    Q_OBJECT
public:
    RulesDialog(Categorizer* categorizer, CategoryRepository* categories, TransactionModel* ledger,
                QWidget* parent = nullptr);

    QTableView* view() const { return m_view; }
    RuleTableModel* model() const { return m_model; }

public Q_SLOTS:
    void addRule();
    void editCurrent();
    void deleteCurrent();
    void toggleCurrent();
    void reapplyRules();

Q_SIGNALS:
    void statusMessage(const QString& message);

private:
    void updateButtons();
    int currentRow() const;
    void showError(const QString& message, const QString& detail = {});

    Categorizer* m_categorizer;
    CategoryRepository* m_categories;
    TransactionModel* m_ledger;
    RuleTableModel* m_model;
    QTableView* m_view;
    QPushButton* m_edit;
    QPushButton* m_delete;
    QPushButton* m_toggle;
    QLabel* m_report;
};

} // namespace Moniagent
