#pragma once

#include "i18n/translations.h"

#include <QObject>

#include <memory>

class QCoreApplication;

namespace Moniagent {

class MainWindow;
class Session;

// The composition root of the window: opens the database (explaining and offering another file when it
// cannot), makes sure there is a profile (first start: empty or demo data), installs the translations,
// builds the services and hands them to the main window.
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

    std::unique_ptr<Session> m_session;
    std::unique_ptr<MainWindow> m_window;
    Translations m_translations;
};

} // namespace Moniagent
