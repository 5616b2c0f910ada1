#include "benchsupport.h"

#include "demo/demogenerator.h"
#include "session/session.h"

#include <QElapsedTimer>
#include <QFile>
#include <QList>
#include <QSysInfo>
#include <QThread>

#include <cstdio>

namespace Moniagent::Bench {

namespace {

struct Row
{
    QString what;
    QString result;
    QString target;
};

QList<Row>& rows()
{
    static QList<Row> table;
    return table;
}

QString cpuModel()
{
    QFile info(QStringLiteral("/proc/cpuinfo"));
    if (info.open(QIODevice::ReadOnly)) {
        for (const QByteArray& line : info.readAll().split('\n')) {
            if (line.startsWith("model name"))
                return QString::fromUtf8(line.mid(line.indexOf(':') + 1).trimmed());
        }
    }
    return QSysInfo::currentCpuArchitecture();
}

} // namespace

QTextStream& out()
{
    static QTextStream stream(stdout);
    return stream;
}

void report(const QString& what, const QString& result, const QString& target)
{
    rows().append({what, result, target});
    out() << "  " << what << ": " << result << Qt::endl;
}

void printTable()
{
    out() << Qt::endl << "| measurement | result | target |" << Qt::endl << "|---|---|---|" << Qt::endl;
    for (const Row& row : std::as_const(rows()))
        out() << "| " << row.what << " | " << row.result << " | " << row.target << " |" << Qt::endl;
}

QString ms(double value)
{
    return QString::number(value, 'f', value < 10 ? 1 : 0) + QStringLiteral(" ms");
}

void printMachine(const QString& name)
{
    out() << "Moniagent " << name << " benchmark — " << QSysInfo::prettyProductName() << ", " << cpuModel() << ", "
          << QThread::idealThreadCount() << " cores" << Qt::endl;
}

double createDemoDatabase(const QString& path, qint64 rows, const char* program)
{
    for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(path + suffix);
    auto session = Session::open(path);
    if (!session || !(*session)->createDefaultProfile(QLocale(QLocale::English, QLocale::UnitedStates))) {
        std::fprintf(stderr, "%s: cannot create %s\n", program, qPrintable(path));
        return -1;
    }
    DemoGenerator::Options options;
    options.transactions = rows;
    options.endDate = QDate::currentDate();
    options.currency = (*session)->baseCurrency().code();
    out() << "Creating " << rows << " demo transactions in " << path << " …" << Qt::endl;
    QElapsedTimer timer;
    timer.start();
    auto added = DemoGenerator::populate((*session)->database(), (*session)->userId(), options);
    const double seconds = timer.nsecsElapsed() / 1e9;
    if (!added) {
        std::fprintf(stderr, "%s: %s\n", program, qPrintable(added.error().toString()));
        return -1;
    }
    return seconds;
}

} // namespace Moniagent::Bench
