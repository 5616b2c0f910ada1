#pragma once

#include <QFrame>

class QLabel;
class QListView;
class QPushButton;
class QStackedLayout;

namespace Moniagent {

class NotificationListModel;

// The list the bell opens: a small popup with the budget alerts, newest first, unread ones in bold, and
// "Mark all read". Clicking an alert (or Enter on it) reports its row and closes the popup.
class NotificationsPopup : public QFrame
{
    Q_OBJECT
public:
    NotificationsPopup(NotificationListModel* model, QWidget* parent = nullptr);

    QListView* list() const { return m_list; }
    QPushButton* markAllButton() const { return m_markAll; }
    // Opens under `anchor`, right-aligned with it and kept on its screen.
    void popup(QWidget* anchor);

Q_SIGNALS:
    void alertActivated(int row);

protected:
    void keyPressEvent(QKeyEvent* event) override;

private:
    void activate(const QModelIndex& index);
    void update();

    NotificationListModel* m_model;
    QListView* m_list;
    QLabel* m_empty;
    QPushButton* m_markAll;
    QStackedLayout* m_stack;
};

} // namespace Moniagent
