#pragma once

// Running the real `moniagent` binary from the integration tests.

#include <QProcess>
#include <QString>
#include <QStringList>

namespace Moniagent::Test {

struct CliRun
{
    int code = -1; // -2: crashed; -1: did not finish in time
    QString out;
    QString err;
};

// Runs `binary --db <database> <arguments>` offscreen with a fixed locale (C.UTF-8, en_GB messages) and time
// zone (UTC), and, when `home` is given, HOME and the XDG folders inside it.
inline CliRun runMoniagent(const QString& binary, const QString& database, const QStringList& arguments,
                           const QString& home = {})
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!home.isEmpty()) {
        env.insert(QStringLiteral("HOME"), home);
        env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/data"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/config"));
    }
    env.insert(QStringLiteral("LANG"), QStringLiteral("en_GB.UTF-8"));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("TZ"), QStringLiteral("UTC"));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    process.setProcessEnvironment(env);
    process.start(binary, QStringList {QStringLiteral("--db"), database} + arguments);
    if (!process.waitForFinished(120'000)) {
        process.kill();
        return {};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2,
            QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

} // namespace Moniagent::Test
