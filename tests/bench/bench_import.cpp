// Statement import benchmark (DESIGN.md §8 "bulk insert (demo, CSV import) ≥ 300,000 rows/s"): writes a CSV
// of N bank lines, then imports it through the app's own path into a fresh profile with the categorizer hooked
// in — open (checksum, format, column sniffing), preview (read, categorize, match, stage), apply (one
// transaction) — and prints a table of the phases with rows/s and the peak memory.
//   bench_import [--rows 1000000] [--dir DIR]
#include "importers/statementfile.h"
#include "importers/statementimporter.h"
#include "session/session.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <cstdio>
#include <sys/resource.h>

using namespace Moniagent;

namespace {

const char* const Stores[] = {"TESCO STORES 3217",
                              "SAINSBURYS SACAT 0451",
                              "SHELL OIL 5521",
                              "AMAZON MKTPLACE PMTS",
                              "UBER *TRIP",
                              "NETFLIX.COM",
                              "STARBUCKS STORE 1123",
                              "PRET A MANGER",
                              "BOOTS 1142",
                              "TFL TRAVEL CH",
                              "ACME PAYROLL",
                              "COUNCIL TAX DD",
                              "EDF ENERGY",
                              "VODAFONE LTD",
                              "DELIVEROO",
                              "IKEA LTD",
                              "APPLE.COM/BILL",
                              "SPOTIFY",
                              "LIDL GB",
                              "WAITROSE 221"};

bool writeCsv(const QString& path, qint64 rows)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    QRandomGenerator random(42);
    QByteArray chunk;
    chunk.reserve(1 << 20);
    chunk += "Date,Description,Amount\n";
    const QDate start(2010, 1, 1);
    for (qint64 i = 0; i < rows; ++i) {
        const QDate date = start.addDays(i * 5000 / std::max<qint64>(rows, 1));
        const int store = int(random.bounded(int(std::size(Stores))));
        const bool income = store == 10;
        const qint64 minor = income ? 250000 + random.bounded(50000) : 100 + random.bounded(20000);
        chunk += date.toString(Qt::ISODate).toLatin1();
        chunk += ',';
        chunk += Stores[store];
        chunk += ' ';
        chunk += QByteArray::number(i % 9973);
        chunk += ',';
        if (!income)
            chunk += '-';
        chunk += QByteArray::number(minor / 100) + '.' + QByteArray::number(minor % 100).rightJustified(2, '0');
        chunk += '\n';
        if (chunk.size() > (1 << 20) - 256) {
            file.write(chunk);
            chunk.clear();
        }
    }
    file.write(chunk);
    return file.flush();
}

void row(const char* phase, qint64 ms, qint64 rows)
{
    std::printf("| %-44s | %9.2f s | %12.0f |\n", phase, double(ms) / 1000.0,
                ms > 0 ? double(rows) * 1000.0 / double(ms) : 0.0);
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOptions(
        {{QStringLiteral("rows"), QStringLiteral("Lines in the CSV."), QStringLiteral("n"), QStringLiteral("1000000")},
         {QStringLiteral("dir"), QStringLiteral("Folder for the CSV and the database."), QStringLiteral("dir")}});
    parser.process(app);
    const qint64 rows = parser.value(QStringLiteral("rows")).toLongLong();
    QTemporaryDir temporary;
    const QString dir = parser.isSet(QStringLiteral("dir")) ? parser.value(QStringLiteral("dir")) : temporary.path();
    const QString csv = dir + QStringLiteral("/statement.csv");
    const QString dbPath = dir + QStringLiteral("/import-bench.sqlite");
    QFile::remove(dbPath);
    if (rows <= 0 || !writeCsv(csv, rows)) {
        std::fprintf(stderr, "cannot write %s\n", qPrintable(csv));
        return 1;
    }
    auto session = Session::open(dbPath);
    if (!session) {
        std::fprintf(stderr, "%s\n", qPrintable(session.error().toString()));
        return 1;
    }
    auto created = (*session)->createDefaultProfile(QLocale(QLocale::English, QLocale::UnitedKingdom));
    if (!created) {
        std::fprintf(stderr, "%s\n", qPrintable(created.error().toString()));
        return 1;
    }
    Session& s = **session;
    QElapsedTimer timer;
    timer.start();
    auto file = StatementFile::open(csv, nullptr, s.userId(), s.locale());
    const qint64 openMs = timer.restart();
    if (!file || !file->csvReady) {
        std::fprintf(stderr, "open failed: %s\n",
                     file ? "columns not recognised" : qPrintable(file.error().toString()));
        return 1;
    }
    StatementImporter importer(s.transactions(), s.categories(), s.imports(), s.userId());
    StatementReadOptions options;
    options.defaultCurrency = QStringLiteral("GBP");
    auto preview = importer.preview(file->source(), options);
    const qint64 previewMs = timer.restart();
    if (!preview) {
        std::fprintf(stderr, "preview failed: %s\n", qPrintable(preview.error().toString()));
        return 1;
    }
    auto applied = importer.apply(*preview);
    const qint64 applyMs = timer.restart();
    if (!applied) {
        std::fprintf(stderr, "apply failed: %s\n", qPrintable(applied.error().toString()));
        return 1;
    }
    auto again = importer.preview(file->source(), options);
    const qint64 againMs = timer.restart();
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("statement import: %lld CSV lines (%lld bytes), one core\n\n", rows, file->size);
    std::printf("| %-44s | %11s | %12s |\n|---|---:|---:|\n", "phase", "time", "rows/s");
    row("open (checksum, format, column sniffing)", openMs, rows);
    row("preview (read, categorize, match, stage)", previewMs, rows);
    row("apply (one transaction into the ledger)", applyMs, applied->added);
    row("preview + apply", previewMs + applyMs, applied->added);
    row("preview of the same file again (duplicates)", againMs, rows);
    std::printf("\nadded %lld, duplicates found on the second preview %lld, peak memory %ld MB (target: apply "
                "≥ 300,000 rows/s)\n",
                applied->added, again ? again->counts.duplicates : -1, usage.ru_maxrss / 1024);
    return again && again->counts.duplicates == applied->added ? 0 : 1;
}
