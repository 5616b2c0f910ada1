#include "closetotray.h"

#include "trayicon.h"

#include <QCheckBox>
#include <QCloseEvent>
#include <QGuiApplication>
#include <QSettings>
#include <QWidget>

namespace Moniagent {

namespace {
const QString enabledKey = QStringLiteral("window/closeToTray");
const QString noticeKey = QStringLiteral("window/closeToTrayNoticeShown");
} // namespace

CloseToTray::CloseToTray(QWidget* window, TrayIcon* tray, QObject* parent)
    : QObject(parent)
    , m_window(window)
    , m_tray(tray)
{
    setObjectName(QStringLiteral("closeToTray"));
    window->installEventFilter(this);
    // The desktop session ending or the application quitting must not be stopped by a window that hides.
    if (auto* app = qobject_cast<QGuiApplication*>(QCoreApplication::instance())) {
        connect(app, &QGuiApplication::commitDataRequest, this, [this]() { m_quitting = true; });
        connect(app, &QCoreApplication::aboutToQuit, this, [this]() { m_quitting = true; });
    }
}

CloseToTray::~CloseToTray()
{
    if (m_window)
        m_window->removeEventFilter(this);
}

bool CloseToTray::isEnabled()
{
    return QSettings().value(enabledKey, true).toBool();
}

void CloseToTray::setEnabled(bool enabled)
{
    QSettings().setValue(enabledKey, enabled);
}

bool CloseToTray::noticeShown()
{
    return QSettings().value(noticeKey, false).toBool();
}

QCheckBox* CloseToTray::createCheckBox(QWidget* parent)
{
    auto* box = new QCheckBox(tr("&Keep Moniagent running in the system tray when the window is closed"), parent);
    box->setObjectName(QStringLiteral("closeToTrayCheck"));
    box->setToolTip(tr("Budget alerts keep coming while the window is closed. Quit from the tray icon's menu."));
    const bool available = TrayIcon::isAvailable();
    box->setChecked(isEnabled());
    box->setEnabled(available);
    if (!available)
        box->setToolTip(tr("This desktop shows no system tray: closing the window quits Moniagent."));
    return box;
}

bool CloseToTray::hidesOnClose() const
{
    return !m_quitting && isEnabled() && TrayIcon::isAvailable() && m_tray->systemTrayIcon()->isVisible();
}

bool CloseToTray::handleClose(QCloseEvent* event)
{
    if (!hidesOnClose() || !m_window)
        return false;
    event->ignore();
    m_window->hide();
    if (!noticeShown()) {
        m_tray->showMessage(tr("Moniagent is still running"),
                            tr("Moniagent keeps watching your budgets from the system tray. To quit, choose Quit "
                               "in the menu of its tray icon."));
        QSettings().setValue(noticeKey, true);
    }
    emit hiddenToTray();
    return true;
}

void CloseToTray::quit()
{
    m_quitting = true;
    if (m_window)
        m_window->close();
    QCoreApplication::quit();
}

bool CloseToTray::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_window && event->type() == QEvent::Close)
        return handleClose(static_cast<QCloseEvent*>(event));
    return QObject::eventFilter(watched, event);
}

} // namespace Moniagent
