#include "application.h"
#include "cli/commandline.h"
#include "ocr/documentreader.h"

#include <QApplication>
#include <QTextStream>

#include <cstdio>

int main(int argc, char* argv[])
{
    Moniagent::DocumentReader::configureProcess();
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    Moniagent::Application::setIdentity();

    if (Moniagent::CommandLine::wantsCommandLine(arguments)) {
        if (Moniagent::CommandLine::needsGui(arguments))
            return Moniagent::Application::runDrawingCommand(argc, argv);
        QCoreApplication app(argc, argv);
        Moniagent::Application::installTranslations(&app);
        QTextStream out(stdout);
        QTextStream err(stderr);
        return Moniagent::CommandLine().run(app.arguments(), out, err);
    }

    QApplication app(argc, argv);
    Moniagent::Application application;
    return application.run();
}
