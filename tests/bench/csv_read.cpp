// The CSV statement reader's speed (DESIGN.md §8: a CSV import runs at ≥ 300,000 rows/s end to end, so the
// reader alone aims at ≥ 1,000,000 rows/s on one core). Generates a typical six-column bank export, then
// times sniffing, parse + map from memory, and parse + map from a file on disk.
//
//   csv_read [--rows N] [--runs N] [--keep FILE]

#include "importers/csvdialect.h"
#include "importers/csvreader.h"

#include <QBuffer>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>

using namespace Moniagent;

namespace {

QTextStream out(stdout);

// A bank export as banks write it: booking date, payee, description (some quoted with commas, some with
// doubled quotes), category, signed amount with thousands separators, and the balance.
QByteArray generate(int rows)
{
    static const char* const payees[]
        = {"REWE Markt GmbH",    "Amazon EU S.a.r.l.", "Deutsche Bahn",   "Stadtwerke", "Netflix International B.V.",
           "Shell Station 0421", "Arbeitgeber GmbH",   "Bäckerei Müller", "Spotify AB", "PayPal Europe"};
    static const char* const categories[] = {"Groceries", "Shopping", "Transport", "Bills",         "Subscriptions",
                                             "Transport", "Salary",   "Groceries", "Subscriptions", "Shopping"};
    QByteArray data;
    data.reserve(qsizetype(rows) * 80 + 64);
    data += "Date,Payee,Description,Category,Amount,Balance\r\n";
    quint32 state = 12345;
    auto next = [&state] {
        state = state * 1664525u + 1013904223u;
        return state >> 8;
    };
    qint64 balance = 250000;
    QDate date(2015, 1, 1);
    char line[256];
    for (int i = 0; i < rows; ++i) {
        if (i % 300 == 299)
            date = date.addDays(1);
        const int p = int(next() % 10);
        qint64 cents = qint64(next() % 25000) + 1;
        if (p != 6)
            cents = -cents;
        else
            cents *= 20;
        balance += cents;
        const qint64 a = cents < 0 ? -cents : cents;
        const char* description = (i % 10 == 0) ? "\"Card payment, terminal 4711\""
            : (i % 25 == 1)                     ? "\"Order \"\"Gift\"\" 302-1234\""
                                                : "SEPA direct debit ref 88231";
        const int n = std::snprintf(line, sizeof line, "%02d/%02d/%04d,%s,%s,%s,%s%lld.%02lld,%lld.%02lld\r\n",
                                    date.day(), date.month(), date.year(), payees[p], description, categories[p],
                                    cents < 0 ? "-" : "", a / 100, a % 100, balance / 100, qAbs(balance % 100));
        data.append(line, n);
    }
    return data;
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

QString rate(double rowsPerSecond)
{
    return QLocale(QLocale::English).toString(qint64(rowsPerSecond)) + QStringLiteral(" rows/s");
}

// Reads everything once; returns the seconds taken, or -1 when the read failed or lost rows.
double readOnce(QIODevice& device, const CsvMapping& mapping, int rows)
{
    qint64 count = 0;
    qint64 errors = 0;
    qint64 sum = 0;
    QElapsedTimer timer;
    timer.start();
    auto info = CsvReader::read(device, mapping, {}, [&](StatementLine&& line) {
        ++count;
        errors += !line.error.isEmpty();
        sum += line.amount.minor();
        return true;
    });
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    if (!info || count != rows || errors != 0) {
        out << "  failed: " << count << " rows, " << errors << " errors"
            << (info ? QString() : QStringLiteral(": ") + info.error().toString()) << Qt::endl;
        return -1;
    }
    Q_UNUSED(sum);
    return seconds;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("CSV statement reader benchmark"));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("rows"), QStringLiteral("Rows to generate (default 1000000)."),
                      QStringLiteral("N"), QStringLiteral("1000000")});
    parser.addOption({QStringLiteral("runs"), QStringLiteral("Runs per measurement (default 3)."), QStringLiteral("N"),
                      QStringLiteral("3")});
    parser.addOption(
        {QStringLiteral("keep"), QStringLiteral("Also write the generated file here."), QStringLiteral("FILE")});
    parser.process(app);
    const int rows = qMax(1, parser.value(QStringLiteral("rows")).toInt());
    const int runs = qMax(1, parser.value(QStringLiteral("runs")).toInt());

    const QByteArray data = generate(rows);
    out << "csv_read: " << rows << " rows, " << QString::number(double(data.size()) / 1e6, 'f', 1) << " MB" << Qt::endl;

    QElapsedTimer timer;
    timer.start();
    auto sniff = CsvDialect::sniff(QByteArrayView(data).first(qMin<qsizetype>(data.size(), CsvDialect::SniffBytes)),
                                   data.size() <= CsvDialect::SniffBytes);
    const double sniffMs = double(timer.nsecsElapsed()) / 1e6;
    if (!sniff || !sniff->complete) {
        out << "  failed: the generated file was not sniffed" << Qt::endl;
        return 1;
    }
    out << "  sniff (first 64 KiB): " << QString::number(sniffMs, 'f', 1) << " ms" << Qt::endl;

    QList<double> memory;
    for (int i = 0; i < runs; ++i) {
        QBuffer buffer;
        buffer.setData(data);
        buffer.open(QIODevice::ReadOnly);
        const double seconds = readOnce(buffer, sniff->mapping, rows);
        if (seconds < 0)
            return 1;
        memory << seconds;
    }
    out << "  parse + map from memory: " << rate(rows / median(memory)) << " (median of " << runs
        << ", target ≥ 1,000,000)" << Qt::endl;

    QTemporaryDir dir;
    const QString path = parser.isSet(QStringLiteral("keep")) ? parser.value(QStringLiteral("keep"))
                                                              : dir.filePath(QStringLiteral("statement.csv"));
    QFile write(path);
    if (!write.open(QIODevice::WriteOnly) || write.write(data) != data.size()) {
        out << "  failed: cannot write " << path << Qt::endl;
        return 1;
    }
    write.close();
    QList<double> file;
    for (int i = 0; i < runs; ++i) {
        QFile read(path);
        if (!read.open(QIODevice::ReadOnly))
            return 1;
        const double seconds = readOnce(read, sniff->mapping, rows);
        if (seconds < 0)
            return 1;
        file << seconds;
    }
    out << "  parse + map from a file: " << rate(rows / median(file)) << " (median of " << runs << ")" << Qt::endl;
    return 0;
}
