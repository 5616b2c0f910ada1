#pragma once

#include <QDialog>

class QPushButton;
class QTableView;

namespace Moniagent {

class CategoryModel;
class Session;

// The category editor: the profile's categories in display order, with add, edit, delete (asking where
// the transactions go) and reordering. Default categories can be renamed and recolored, not deleted.
class CategoriesDialog : public QDialog
{
    Q_OBJECT
public:
    explicit CategoriesDialog(Session* session, QWidget* parent = nullptr);

    QTableView* view() const { return m_view; }

public Q_SLOTS:
    void addCategory();
    void editCurrent();
    void deleteCurrent();
    void moveCurrent(int delta);

private:
    void updateButtons();
    int currentRow() const;
    void showError(const QString& message, const QString& detail = {});

    Session* m_session;
    CategoryModel* m_model;
    QTableView* m_view;
    QPushButton* m_edit;
    QPushButton* m_delete;
    QPushButton* m_up;
    QPushButton* m_down;
};

} // namespace Moniagent
