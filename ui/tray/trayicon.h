#pragma once

#include "budget/budgetstatus.h"

#include <QIcon>
#include <QList>
#include <QObject>
#include <QSystemTrayIcon>

class QAction;
class QMenu;

namespace Moniagent {

// The one owner of Moniagent's system-tray icon (STYLE habit 12): its menu (Open Moniagent, Quick Add Expense…,
// Import…, a one-line budget summary, Quit), the icon's warning state while any budget is exceeded, and the
// notifications. Everything leaves through signals; where the desktop has no tray, notify() still emits
// notified() so the window can list the alert.
class TrayIcon : public QObject
{
    Q_OBJECT
public:
    explicit TrayIcon(QObject* parent = nullptr);
    ~TrayIcon() override;

    // Whether the desktop shows tray icons right now (a tray may appear later; Qt then shows the icon).
    static bool isAvailable();

    void show();
    void hide();

    QSystemTrayIcon* systemTrayIcon() const { return m_tray; }
    QMenu* menu() const { return m_menu; }
    QString summaryText() const;
    bool isWarning() const { return m_warning; }
    QIcon icon() const;

    // "Budgets: 2 on track, 1 warning, 1 exceeded", or "No budgets".
    static QString summaryFor(const QList<BudgetStatus>& statuses);
    // The application icon, with a red badge when `warning`.
    static QIcon applicationIcon(bool warning);

public Q_SLOTS:
    // The current statuses of every budget: updates the summary line, the tooltip and the icon.
    void setBudgetStatuses(const QList<BudgetStatus>& statuses);
    // A budget notification: shown by the tray when there is one, and always announced through notified().
    // Clicking the shown message emits budgetRequested(budgetId).
    void notify(const QString& title, const QString& message, qint64 budgetId,
                QSystemTrayIcon::MessageIcon icon = QSystemTrayIcon::Warning);
    // A message that is not about a budget (clicking it emits openRequested()); nothing without a tray.
    void showMessage(const QString& title, const QString& message,
                     QSystemTrayIcon::MessageIcon icon = QSystemTrayIcon::Information);

Q_SIGNALS:
    void openRequested();
    void quickAddRequested();
    void importRequested();
    void quitRequested();
    // The user clicked the notification shown for this budget.
    void budgetRequested(qint64 budgetId);
    // notify() was called (whether or not a tray showed it).
    void notified(const QString& title, const QString& message, qint64 budgetId);
    // The tray was asked to show this message.
    void messageShown(const QString& title, const QString& message);

private:
    void showTrayMessage(const QString& title, const QString& message, QSystemTrayIcon::MessageIcon icon);
    void onMessageClicked();
    void updateToolTip();

    QSystemTrayIcon* m_tray;
    QMenu* m_menu;
    QAction* m_summary;
    bool m_warning = false;
    qint64 m_messageBudgetId = 0; // the budget of the latest message (0: none)
};

} // namespace Moniagent
