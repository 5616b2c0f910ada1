#pragma once

#include <QObject>
#include <QPointer>

class QCheckBox;
class QCloseEvent;
class QWidget;

namespace Moniagent {

class TrayIcon;

// Closing the main window keeps Moniagent running in the tray when a tray is available and the setting
// "window/closeToTray" is on (the default). The first time, a tray message says so. Quitting (the tray's Quit,
// the end of the desktop session) really closes the window and quits.
//
// Installs itself as an event filter on the window, so the window's own closeEvent() runs only when the window
// really closes; a window can instead call handleClose() from its closeEvent().
class CloseToTray : public QObject
{
    Q_OBJECT
public:
    CloseToTray(QWidget* window, TrayIcon* tray, QObject* parent = nullptr);
    ~CloseToTray() override;

    // The setting (QSettings "window/closeToTray", on unless the user switched it off).
    static bool isEnabled();
    static void setEnabled(bool enabled);
    // Whether the "still running in the tray" message was shown once already ("window/closeToTrayNoticeShown").
    static bool noticeShown();
    // A check box for a settings page, set from the setting; store its state with setEnabled() when the page
    // is accepted. Disabled, with a tooltip saying why, where there is no tray.
    static QCheckBox* createCheckBox(QWidget* parent);

    // Whether closing the window now hides it instead.
    bool hidesOnClose() const;
    bool isQuitting() const { return m_quitting; }
    void setQuitting(bool quitting) { m_quitting = quitting; }

    // For a window's closeEvent(): hides the window and ignores the event when it should stay in the tray;
    // returns whether it did.
    bool handleClose(QCloseEvent* event);

public Q_SLOTS:
    // Quits for real: closes the window (its closeEvent saves what it saves) and ends the event loop.
    void quit();

Q_SIGNALS:
    // The window was hidden instead of closed.
    void hiddenToTray();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QPointer<QWidget> m_window;
    TrayIcon* m_tray;
    bool m_quitting = false;
};

} // namespace Moniagent
