// Tunes the clean-up before Tesseract on labelled receipts (SROIE: ../shared/data/receipts-dev/): runs
// DocumentReader with several step combinations and page segmentation modes over the folder's labels.jsonl and
// prints per variant the share of receipts whose OCR text contains the labelled total and date strings, the mean
// similarity of the best-matching line to the company name, and the median and p95 time per receipt on one core
// (thread CPU time, so that other load on the machine does not count; wall time beside it).
//
//   ocr_tune [--limit N] [--jobs N] [--variant NAME]… [--list] [--dump] [DIR]
//
// --dump prints each receipt's text to standard error.
//
// A variant is a built-in name (--list shows them) or a spec
//   "name:steps=scale+normalize+deskew+binarize+border;psm=4;height=28;osd=1;codes=1;var=tessedit_do_invert=0".
#include "benchsupport.h"
#include "ocr/documentreader.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <ctime>
#include <vector>

using namespace Moniagent;

namespace {

struct Receipt
{
    QString image;
    QString total;
    QString date;
    QString company;
};

struct Variant
{
    QString name;
    OcrOptions options;
};

struct Measurement
{
    bool read = false;
    bool total = false;
    bool date = false;
    double company = 0;
    bool rotated = false;
    double cpuMs = 0;
    double wallMs = 0;
};

double threadCpuMs()
{
    timespec now {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

QString normalized(const QString& text)
{
    QString result;
    for (const QChar c : text.toUpper()) {
        if (c.isLetterOrNumber())
            result += c;
    }
    return result;
}

double similarity(const QString& a, const QString& b)
{
    if (a.isEmpty() && b.isEmpty())
        return 1;
    std::vector<int> previous(size_t(b.size()) + 1), current(size_t(b.size()) + 1);
    for (qsizetype j = 0; j <= b.size(); ++j)
        previous[size_t(j)] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        current[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int substitution = previous[size_t(j - 1)] + (a[i - 1] == b[j - 1] ? 0 : 1);
            current[size_t(j)] = std::min({previous[size_t(j)] + 1, current[size_t(j - 1)] + 1, substitution});
        }
        std::swap(previous, current);
    }
    return 1.0 - double(previous[size_t(b.size())]) / double(std::max(a.size(), b.size()));
}

double companySimilarity(const QStringList& lines, const QString& company)
{
    const QString target = normalized(company);
    double best = 0;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        best = std::max(best, similarity(target, normalized(lines[i])));
        if (i + 1 < lines.size()) // names broken over two lines
            best = std::max(best, similarity(target, normalized(lines[i] + lines[i + 1])));
    }
    return best;
}

bool dump = false;

Measurement measure(DocumentReader& reader, const Receipt& receipt)
{
    Measurement m;
    QElapsedTimer wall;
    wall.start();
    const double cpu = threadCpuMs();
    const Result<OcrDocument> document = reader.read(receipt.image);
    m.cpuMs = threadCpuMs() - cpu;
    m.wallMs = double(wall.nsecsElapsed()) / 1e6;
    if (!document) {
        std::fprintf(stderr, "%s: %s\n", qPrintable(receipt.image), qPrintable(document.error().toString()));
        return m;
    }
    m.read = true;
    QStringList lines;
    for (const OcrPage& page : document->pages) {
        m.rotated = m.rotated || page.rotation != 0;
        for (const OcrLine& line : page.lines)
            lines << line.text;
    }
    const QString text = lines.join(u'\n');
    if (dump)
        std::fprintf(stderr, "== %s (total %s, date %s)\n%s\n", qPrintable(receipt.image), qPrintable(receipt.total),
                     qPrintable(receipt.date), qPrintable(text));
    m.total = text.contains(receipt.total);
    m.date = text.contains(receipt.date);
    m.company = companySimilarity(lines, receipt.company);
    return m;
}

double percentile(std::vector<double> values, double share)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const size_t index = std::min(values.size() - 1, size_t(share * double(values.size() - 1) + 0.5));
    return values[index];
}

std::optional<Variant> parseVariant(const QString& spec)
{
    const qsizetype colon = spec.indexOf(u':');
    if (colon < 0)
        return std::nullopt;
    Variant variant;
    variant.name = spec.left(colon);
    variant.options.steps = {};
    variant.options.detectOrientation = false;
    variant.options.readCodes = false;
    for (const QString& part : spec.mid(colon + 1).split(u';', Qt::SkipEmptyParts)) {
        const QString key = part.section(u'=', 0, 0);
        const QString value = part.section(u'=', 1);
        if (key == QLatin1String("steps")) {
            for (const QString& step : value.split(u'+', Qt::SkipEmptyParts)) {
                if (step == QLatin1String("scale"))
                    variant.options.steps |= CleanupStep::Scale;
                else if (step == QLatin1String("normalize"))
                    variant.options.steps |= CleanupStep::Normalize;
                else if (step == QLatin1String("deskew"))
                    variant.options.steps |= CleanupStep::Deskew;
                else if (step == QLatin1String("binarize"))
                    variant.options.steps |= CleanupStep::Binarize;
                else if (step == QLatin1String("border"))
                    variant.options.steps |= CleanupStep::RemoveBorder;
                else if (step != QLatin1String("none"))
                    return std::nullopt;
            }
        } else if (key == QLatin1String("psm")) {
            variant.options.pageSegMode = value.toInt();
        } else if (key == QLatin1String("height")) {
            variant.options.textHeight = value.toInt();
        } else if (key == QLatin1String("osd")) {
            variant.options.detectOrientation = value == QLatin1String("1");
        } else if (key == QLatin1String("codes")) {
            variant.options.readCodes = value == QLatin1String("1");
        } else if (key == QLatin1String("var")) {
            variant.options.tesseractVariables.insert(value.section(u'=', 0, 0).toUtf8(),
                                                      value.section(u'=', 1).toUtf8());
        } else {
            return std::nullopt;
        }
    }
    return variant;
}

QStringList builtInVariants()
{
    return {
        QStringLiteral("raw-psm4:steps=none;psm=4"),
        QStringLiteral("raw-psm6:steps=none;psm=6"),
        QStringLiteral("raw-psm6-invert:steps=none;psm=6;var=tessedit_do_invert=1"),
        QStringLiteral("scale24-psm6:steps=scale;height=24;psm=6"),
        QStringLiteral("scale24-deskew-psm6:steps=scale+deskew;height=24;psm=6"),
        QStringLiteral("scale24-norm-psm6:steps=scale+normalize;height=24;psm=6"),
        QStringLiteral("scale24-bin-psm6:steps=scale+binarize;height=24;psm=6"),
        QStringLiteral("scale24-border-psm6:steps=scale+border;height=24;psm=6"),
        QStringLiteral("scale24-deskew-border-psm6:steps=scale+deskew+border;height=24;psm=6"),
        QStringLiteral("defaults-no-osd-codes:default;osd=0;codes=0"),
        QStringLiteral("defaults:default"),
    };
}

} // namespace

int main(int argc, char* argv[])
{
    DocumentReader::configureProcess();
    QCoreApplication app(argc, argv);
    QStringList arguments = app.arguments().mid(1);
    int limit = 0;
    int jobs = 1;
    QStringList specs;
    QString folder = QStringLiteral(MONIAGENT_SHARED_DATA_DIR "/receipts-dev");
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString& argument = arguments[i];
        if (argument == QLatin1String("--limit") && i + 1 < arguments.size()) {
            limit = arguments[++i].toInt();
        } else if (argument == QLatin1String("--jobs") && i + 1 < arguments.size()) {
            jobs = std::max(1, arguments[++i].toInt());
        } else if (argument == QLatin1String("--variant") && i + 1 < arguments.size()) {
            specs << arguments[++i];
        } else if (argument == QLatin1String("--dump")) {
            dump = true;
        } else if (argument == QLatin1String("--list")) {
            for (const QString& spec : builtInVariants())
                Bench::out() << spec << Qt::endl;
            return 0;
        } else if (argument.startsWith(u'-')) {
            std::fprintf(stderr, "usage: ocr_tune [--limit N] [--jobs N] [--variant SPEC]… [--list] [DIR]\n");
            return 2;
        } else {
            folder = argument;
        }
    }

    QFile labels(folder + QStringLiteral("/labels.jsonl"));
    if (!labels.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "ocr_tune: %s is absent: nothing to measure.\n", qPrintable(labels.fileName()));
        return 0;
    }
    QList<Receipt> receipts;
    for (const QByteArray& line : labels.readAll().split('\n')) {
        const QJsonObject object = QJsonDocument::fromJson(line).object();
        if (object.isEmpty())
            continue;
        receipts.append({folder + u'/' + object.value(QStringLiteral("image")).toString(),
                         object.value(QStringLiteral("total")).toString(),
                         object.value(QStringLiteral("date")).toString(),
                         object.value(QStringLiteral("company")).toString()});
        if (limit > 0 && receipts.size() >= limit)
            break;
    }

    QList<Variant> variants;
    const QStringList chosen = specs.isEmpty() ? builtInVariants() : specs;
    for (const QString& spec : chosen) {
        QString text = spec;
        if (!text.contains(u':')) {
            for (const QString& builtIn : builtInVariants()) {
                if (builtIn.section(u':', 0, 0) == spec)
                    text = builtIn;
            }
        }
        std::optional<Variant> variant;
        if (text.section(u':', 1).startsWith(QLatin1String("default"))) {
            // The reader's defaults, with the changes after "default;".
            const QString rest = text.section(u':', 1).mid(int(qstrlen("default")));
            variant = Variant {text.section(u':', 0, 0), OcrOptions {}};
            for (const QString& part : rest.split(u';', Qt::SkipEmptyParts)) {
                std::optional<Variant> single = parseVariant(QStringLiteral("x:") + part);
                if (!single)
                    break;
                if (part.startsWith(QLatin1String("osd=")))
                    variant->options.detectOrientation = single->options.detectOrientation;
                else if (part.startsWith(QLatin1String("codes=")))
                    variant->options.readCodes = single->options.readCodes;
                else if (part.startsWith(QLatin1String("psm=")))
                    variant->options.pageSegMode = single->options.pageSegMode;
                else if (part.startsWith(QLatin1String("height=")))
                    variant->options.textHeight = single->options.textHeight;
                else if (part.startsWith(QLatin1String("steps=")))
                    variant->options.steps = single->options.steps;
                else if (part.startsWith(QLatin1String("var=")))
                    variant->options.tesseractVariables.insert(single->options.tesseractVariables);
            }
        } else {
            variant = parseVariant(text);
        }
        if (!variant) {
            std::fprintf(stderr, "ocr_tune: cannot read the variant \"%s\"\n", qPrintable(spec));
            return 2;
        }
        variants.append(*variant);
    }

    Bench::printMachine(QStringLiteral("OCR clean-up tuning"));
    Bench::out() << receipts.size() << " receipts from " << folder << ", " << jobs << " job(s)" << Qt::endl;
    for (const Variant& variant : std::as_const(variants)) {
        std::vector<Measurement> results(size_t(receipts.size()));
        std::atomic_int next = 0;
        std::vector<std::unique_ptr<QThread>> threads;
        for (int j = 0; j < jobs; ++j) {
            threads.emplace_back(QThread::create([&] {
                DocumentReader reader(variant.options);
                for (int i = next++; i < receipts.size(); i = next++)
                    results[size_t(i)] = measure(reader, receipts[i]);
            }));
            threads.back()->start();
        }
        for (auto& thread : threads)
            thread->wait();

        int read = 0, totals = 0, dates = 0, rotated = 0;
        double company = 0;
        std::vector<double> cpu, wall;
        for (const Measurement& m : results) {
            read += m.read ? 1 : 0;
            totals += m.total ? 1 : 0;
            dates += m.date ? 1 : 0;
            rotated += m.rotated ? 1 : 0;
            company += m.company;
            cpu.push_back(m.cpuMs);
            wall.push_back(m.wallMs);
        }
        const double n = std::max<double>(1, double(results.size()));
        const QString result = QStringLiteral("total %1 % · date %2 % · company %3 · median %4 · p95 %5 (wall %6) · "
                                              "turned %7 · failed %8")
                                   .arg(100.0 * totals / n, 0, 'f', 0)
                                   .arg(100.0 * dates / n, 0, 'f', 0)
                                   .arg(company / n, 0, 'f', 3)
                                   .arg(Bench::ms(percentile(cpu, 0.5)), Bench::ms(percentile(cpu, 0.95)),
                                        Bench::ms(percentile(wall, 0.5)))
                                   .arg(rotated)
                                   .arg(int(results.size()) - read);
        Bench::report(variant.name, result, QStringLiteral("median ≤ 800 ms"));
    }
    Bench::printTable();
    return 0;
}
