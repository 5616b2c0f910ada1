#pragma once

#include "i18n/translations.h"

#include <QObject>
#include <QStringList>

#include <memory>

class QCoreApplication;

namespace Moniagent {

class CloseToTray;
class MainWindow;
class Session;
class SingleInstance;
class TrayIcon;

// The composition root of the window: hands over to a Moniagent already running with the same database (single
// instance), opens the database (explaining and offering another file when it cannot), makes sure there is a
// profile (first start: empty or demo data), installs the translations, builds the services and hands them to
// the main window and the tray icon.
class Application : public QObject
{
    Q_OBJECT
public:
    Application();
    ~Application() override;

    // Organization, application name and version, used by QSettings and QStandardPaths.
    static void setIdentity();
    // Translations for the command line (system locale).
    static void installTranslations(QCoreApplication* app);
    // Runs a command-line command that draws (`report`): a GUI application, on the offscreen platform when
    // there is no display, with the UI's renderers given to the command line. Returns the exit code.
    static int runDrawingCommand(int& argc, char** argv);

    int run();

private:
    QString databasePath() const;
    bool openDatabase(QString path);
    bool ensureProfile();
    bool fillWithDemoData();
    void watchStartup();
    // True when a Moniagent running with this database took `files` over; otherwise this one listens for later
    // starts from now on.
    bool handOverToRunningInstance(const QString& databasePath, const QStringList& files);
    void createTray();
    // Brings the window to the front and imports `files` (a later start handed them over, or the command line).
    void activate(const QStringList& files);
    void showWindow();

    std::unique_ptr<SingleInstance> m_instance;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<MainWindow> m_window;
    TrayIcon* m_tray = nullptr;
    CloseToTray* m_closeToTray = nullptr;
    QStringList m_pendingFiles; // handed over before the window existed
    bool m_pendingActivation = false;
    Translations m_translations;
};

} // namespace Moniagent
