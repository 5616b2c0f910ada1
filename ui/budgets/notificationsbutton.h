#pragma once

#include <QDate>
#include <QToolButton>

namespace Moniagent {

class NotificationListModel;
class NotificationsPopup;
class Session;

// The bell: a tool button with the number of unread budget alerts on a badge. Clicking it opens the notification
// list; clicking an alert there marks it read and asks for its budget (budgetRequested), "Mark All Read" marks the
// rest. Follows the alerts as they are recorded, also from worker threads.
class NotificationsButton : public QToolButton
{
    Q_OBJECT
public:
    explicit NotificationsButton(Session* session, QWidget* parent = nullptr);

    NotificationListModel* model() const { return m_model; }
    NotificationsPopup* popup() const { return m_popup; }
    // Negative until the first count arrives.
    qint64 unreadCount() const;
    // What the badge shows ("3", "99+"); empty when nothing is unread.
    QString badgeText() const;

    QSize sizeHint() const override;

public Q_SLOTS:
    void showPopup();

Q_SIGNALS:
    // The user chose an alert: show this budget, in the period starting on `periodStart`.
    void budgetRequested(qint64 budgetId, QDate periodStart);

protected:
    void paintEvent(QPaintEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void updateIcon();
    void updateCount();
    void alertActivated(int row);

    NotificationListModel* m_model;
    NotificationsPopup* m_popup;
};

} // namespace Moniagent
