// Categorization benchmark (DESIGN.md §8): simulates a user on a labelled CSV file, through the same code path
// the app uses. Each transaction arrives (TransactionRepository::add, categorized by the Categorizer hook), the
// prediction is recorded, then the true category is fed back as a confirmation or correction exactly as a ledger
// edit does (TransactionRepository::update). Prints online accuracy, auto-apply precision and throughput.
//
//   categorize_accuracy FILE.csv [--categories file|defaults [--map labels.csv]] [--seed N] [--train-rows N]
#include "categorize/categorizer.h"
#include "db/categoryrepository.h"
#include "db/database.h"
#include "db/sql.h"
#include "db/transactionrepository.h"
#include "db/userrepository.h"
#include "labelledcsv.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <cstdio>

using namespace Moniagent;

namespace {

QTextStream& out()
{
    static QTextStream stream(stdout);
    return stream;
}

struct Run
{
    QString order;
    int rows = 0;
    int correct = 0;
    int seenBefore = 0; // rows whose label had been seen earlier: the ceiling of an online learner
    QList<int> correctAt; // cumulative correct after each row
    int autoApplied = 0;
    int autoCorrect = 0;
    int suggested = 0;
    qint64 elapsedMs = 0;
    double suggestPerSecond = 0;
};

struct Profile
{
    std::unique_ptr<Database> database;
    std::unique_ptr<TransactionRepository> transactions;
    std::unique_ptr<CategoryRepository> categories;
    std::unique_ptr<Categorizer> categorizer;
    qint64 userId = 0;
    QHash<QString, qint64> categoryByLabel;
};

// A fresh database with one profile whose categories are the file's labels (mode "file") or the defaults.
Result<Profile> makeProfile(const QString& path, const QList<LabelledRow>& rows, bool defaults)
{
    Profile p;
    auto database = Database::open(path);
    if (!database)
        return database.error();
    p.database = std::move(*database);
    p.transactions = std::make_unique<TransactionRepository>(p.database.get());
    p.categories = std::make_unique<CategoryRepository>(p.database.get());
    UserRepository users(p.database.get());
    UserRepository::NewProfile profile;
    profile.username = QStringLiteral("bench");
    profile.baseCurrency = rows.isEmpty() ? QStringLiteral("EUR") : rows.first().amount.currency().code();
    profile.locale = QStringLiteral("en_GB");
    auto id = users.createProfile(profile);
    if (!id)
        return id.error();
    p.userId = *id;
    auto existing = p.categories->list(p.userId);
    if (!existing)
        return existing.error();
    if (defaults) {
        for (const Category& c : std::as_const(*existing)) {
            p.categoryByLabel.insert(c.name.toCaseFolded(), c.id);
            if (!c.systemKey.isEmpty())
                p.categoryByLabel.insert(c.systemKey.toCaseFolded(), c.id);
        }
        for (const LabelledRow& row : rows) {
            if (!p.categoryByLabel.contains(row.category.toCaseFolded()))
                return Error::invalidInput(
                    QStringLiteral("line %1: “%2” is not a default category name; use --categories file")
                        .arg(row.line)
                        .arg(row.category));
        }
    } else {
        // The user's own categories, learned from scratch: the defaults go, the file's labels come in.
        auto db = p.database->connection();
        auto cleared = Sql::exec(db, QStringLiteral("DELETE FROM categories WHERE user_id = ?"), {p.userId});
        if (!cleared)
            return cleared.error();
        QHash<QString, QSet<TransactionType>> directions;
        QStringList order;
        for (const LabelledRow& row : rows) {
            if (!directions.contains(row.category))
                order << row.category;
            directions[row.category].insert(row.type);
        }
        for (const QString& label : std::as_const(order)) {
            Category category;
            category.name = label;
            const auto& types = directions.value(label);
            category.type = types.size() > 1              ? CategoryType::Both
                : types.contains(TransactionType::Income) ? CategoryType::Income
                                                          : CategoryType::Expense;
            category.icon = QStringLiteral("tag");
            category.color = QStringLiteral("#607d8b");
            auto added = p.categories->add(p.userId, category);
            if (!added)
                return added.error();
            p.categoryByLabel.insert(label.toCaseFolded(), *added);
        }
    }
    p.categorizer = std::make_unique<Categorizer>(p.database.get(), p.transactions.get(), p.categories.get(), p.userId);
    auto loaded = p.categorizer->load();
    if (!loaded)
        return loaded.error();
    p.transactions->setCategorizationHook(p.categorizer.get());
    return p;
}

Transaction toTransaction(const LabelledRow& row, int index)
{
    Transaction t;
    t.type = row.type;
    t.amount = row.amount;
    t.occurredOn = row.date.isValid() ? row.date : QDate(2025, 1, 1).addDays(index / 5);
    t.merchant = row.merchant;
    t.description = row.description;
    t.source = TransactionSource::Import;
    return t;
}

Result<Run> simulate(const QList<LabelledRow>& rows, const QString& order, bool defaults, const QString& dbPath,
                     bool misses)
{
    auto made = makeProfile(dbPath, rows, defaults);
    if (!made)
        return made.error();
    Profile& p = *made;
    const double threshold = p.categorizer->settings().autoApplyThreshold;
    Run run;
    run.order = order;
    QSet<qint64> seen;
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < rows.size(); ++i) {
        const LabelledRow& row = rows.at(i);
        const qint64 truth = p.categoryByLabel.value(row.category.toCaseFolded());
        auto id = p.transactions->add(p.userId, toTransaction(row, i));
        if (!id)
            return id.error();
        auto arrived = p.transactions->find(p.userId, *id);
        if (!arrived)
            return arrived.error();
        const bool right = arrived->categoryId == truth;
        ++run.rows;
        run.correct += right ? 1 : 0;
        run.correctAt << run.correct;
        run.seenBefore += seen.contains(truth) ? 1 : 0;
        seen.insert(truth);
        if (arrived->categoryId) {
            ++run.suggested;
            if (arrived->categoryConfidence.value_or(0) >= threshold) {
                ++run.autoApplied;
                run.autoCorrect += right ? 1 : 0;
                if (!right && misses) // what went wrong where it hurts most: applied without asking
                    std::fprintf(
                        stderr, "%s, row %d: %s -> category %lld (truth %lld), %s\n", qPrintable(order), i + 1,
                        qPrintable(row.description), arrived->categoryId.value_or(0), truth,
                        qPrintable(arrived->sourceMetadata.value(QStringLiteral("categorization")).toString()));
            }
        }
        // The user's answer, as the ledger writes it.
        Transaction answer = *arrived;
        if (right) {
            answer.confirmedByUser = true;
        } else {
            answer.categoryId = truth;
            answer.categorizedBy = CategorizedBy::User;
            answer.confirmedByUser = true;
            answer.categoryConfidence = 1.0;
        }
        auto updated = p.transactions->update(p.userId, answer);
        if (!updated)
            return updated.error();
    }
    run.elapsedMs = timer.elapsed();

    // Categorization throughput with the model the run built: what categorizing an arriving transaction costs
    // (the repository hook: normalization, rules, model, stored reason), over the file until ≥ 1 s.
    QList<Transaction> arrivals;
    for (int i = 0; i < rows.size(); ++i)
        arrivals << toTransaction(rows.at(i), i);
    qint64 calls = 0;
    qint64 sink = 0;
    timer.restart();
    while (timer.elapsed() < 1000) {
        for (const Transaction& arrival : std::as_const(arrivals)) {
            Transaction t = arrival;
            p.categorizer->categorize(p.userId, t);
            sink += t.categoryId.value_or(0);
            ++calls;
        }
    }
    run.suggestPerSecond = double(calls) * 1000.0 / double(std::max<qint64>(timer.elapsed(), 1));
    Q_UNUSED(sink);
    p.transactions->setCategorizationHook(nullptr);
    return run;
}

// Training speed: `count` confirmed transactions (the file's rows repeated with varied amounts and store
// numbers) are written in bulk, then the model is rebuilt from them and timed.
Result<std::pair<qint64, qint64>> trainingSpeed(const QList<LabelledRow>& rows, int count, const QString& dbPath)
{
    auto made = makeProfile(dbPath, rows, false);
    if (!made)
        return made.error();
    Profile& p = *made;
    p.transactions->setCategorizationHook(nullptr);
    QList<Transaction> batch;
    batch.reserve(count);
    for (int i = 0; i < count; ++i) {
        const LabelledRow& row = rows.at(i % rows.size());
        Transaction t = toTransaction(row, i);
        t.description = row.description + QStringLiteral(" %1").arg(i % 97);
        t.amount = Money(row.amount.minor() + (i % 13), row.amount.currency());
        t.categoryId = p.categoryByLabel.value(row.category.toCaseFolded());
        t.categorizedBy = CategorizedBy::User;
        t.confirmedByUser = true;
        batch << t;
    }
    auto added = p.transactions->addMany(p.userId, batch);
    if (!added)
        return added.error();
    QElapsedTimer timer;
    timer.start();
    auto trained = p.categorizer->rebuildModel(count);
    if (!trained)
        return trained.error();
    return std::make_pair(*trained, timer.elapsed());
}

QString pct(int part, int whole)
{
    return whole > 0 ? QString::number(100.0 * part / whole, 'f', 1) + QStringLiteral(" %") : QStringLiteral("–");
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("categorize_accuracy"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Online categorization accuracy on a labelled CSV file."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("file"),
                                 QStringLiteral("CSV: description,amount,direction,currency,category"));
    parser.addOptions({
        {QStringLiteral("categories"), QStringLiteral("file (labels are the user's own) or defaults."),
         QStringLiteral("mode"), QStringLiteral("file")},
        {QStringLiteral("seed"), QStringLiteral("Seed of the shuffled order."), QStringLiteral("n"),
         QStringLiteral("1")},
        {QStringLiteral("map"), QStringLiteral("With --categories defaults: CSV of label,default category key."),
         QStringLiteral("file")},
        {QStringLiteral("train-rows"), QStringLiteral("Rows for the training-speed measurement (0: skip)."),
         QStringLiteral("n"), QStringLiteral("100000")},
        {QStringLiteral("misses"), QStringLiteral("Print the auto-applied predictions that were wrong.")},
    });
    parser.process(app);
    if (parser.positionalArguments().size() != 1) {
        std::fprintf(stderr, "usage: categorize_accuracy FILE.csv [--categories file|defaults] [--seed N]\n");
        return 2;
    }
    const QString mode = parser.value(QStringLiteral("categories"));
    if (mode != QLatin1String("file") && mode != QLatin1String("defaults")) {
        std::fprintf(stderr, "--categories is file or defaults\n");
        return 2;
    }
    auto rows = LabelledCsv::read(parser.positionalArguments().first());
    if (!rows) {
        std::fprintf(stderr, "%s\n", qPrintable(rows.error().toString()));
        return 2;
    }
    if (parser.isSet(QStringLiteral("map"))) {
        QFile file(parser.value(QStringLiteral("map")));
        if (!file.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "cannot read %s\n", qPrintable(file.fileName()));
            return 2;
        }
        QHash<QString, QString> map;
        for (const auto& record : LabelledCsv::records(QString::fromUtf8(file.readAll()))) {
            if (record.line > 1 && record.fields.size() >= 2)
                map.insert(record.fields.at(0).trimmed(), record.fields.at(1).trimmed());
        }
        for (LabelledRow& row : *rows)
            row.category = map.value(row.category, row.category);
    }
    // The ledger refuses zero amounts (a bank's informational lines); they cannot arrive as transactions.
    const qsizetype before = rows->size();
    rows->removeIf([](const LabelledRow& row) { return row.amount.minor() <= 0; });
    if (rows->size() != before)
        std::fprintf(stderr, "skipped %lld rows without an amount\n", qint64(before - rows->size()));
    if (rows->isEmpty()) {
        std::fprintf(stderr, "no rows\n");
        return 2;
    }
    QTemporaryDir dir;
    QList<LabelledRow> shuffled = *rows;
    QRandomGenerator random(parser.value(QStringLiteral("seed")).toUInt());
    std::shuffle(shuffled.begin(), shuffled.end(), random);

    QList<Run> runs;
    int index = 0;
    for (const auto& [order, data] :
         {std::pair {QStringLiteral("file order"), *rows},
          std::pair {QStringLiteral("shuffled (seed %1)").arg(parser.value(QStringLiteral("seed"))), shuffled}}) {
        auto run = simulate(data, order, mode == QLatin1String("defaults"),
                            dir.filePath(QStringLiteral("run%1.sqlite").arg(index++)),
                            parser.isSet(QStringLiteral("misses")));
        if (!run) {
            std::fprintf(stderr, "%s\n", qPrintable(run.error().toString()));
            return 1;
        }
        runs << *run;
    }

    out() << "categorization benchmark: " << parser.positionalArguments().first() << "  (" << rows->size()
          << " rows, categories: " << mode << ")\n\n";
    out() << QStringLiteral("%1 | %2 | %3 | %4 | %5 | %6 | %7 | %8 | %9\n")
                 .arg(QStringLiteral("order").leftJustified(18), QStringLiteral("online acc").rightJustified(10),
                      QStringLiteral("first 100").rightJustified(9), QStringLiteral("first 500").rightJustified(9),
                      QStringLiteral("first 1000").rightJustified(10), QStringLiteral("ceiling").rightJustified(8),
                      QStringLiteral("auto-applied").rightJustified(12),
                      QStringLiteral("auto precision").rightJustified(14),
                      QStringLiteral("end-to-end rows/s").rightJustified(17));
    for (const Run& run : std::as_const(runs)) {
        const auto at = [&](int n) {
            return run.rows >= n ? pct(run.correctAt.at(n - 1), n) : QStringLiteral("–");
        };
        out() << QStringLiteral("%1 | %2 | %3 | %4 | %5 | %6 | %7 | %8 | %9\n")
                     .arg(run.order.leftJustified(18), pct(run.correct, run.rows).rightJustified(10),
                          at(100).rightJustified(9), at(500).rightJustified(9), at(1000).rightJustified(10),
                          pct(run.seenBefore, run.rows).rightJustified(8),
                          pct(run.autoApplied, run.rows).rightJustified(12),
                          pct(run.autoCorrect, run.autoApplied).rightJustified(14),
                          QString::number(qint64(run.rows * 1000.0 / std::max<qint64>(run.elapsedMs, 1)))
                              .rightJustified(17));
    }
    out() << "\ncategorizations/s (Categorizer::categorize on arrival, incl. normalization, one core): "
          << qint64(runs.first().suggestPerSecond) << "  (target ≥ 200,000)\n";
    const int trainRows = parser.value(QStringLiteral("train-rows")).toInt();
    if (trainRows > 0) {
        auto speed = trainingSpeed(*rows, trainRows, dir.filePath(QStringLiteral("train.sqlite")));
        if (!speed) {
            std::fprintf(stderr, "%s\n", qPrintable(speed.error().toString()));
            return 1;
        }
        out() << "training on " << speed->first << " confirmed transactions (Categorizer::rebuildModel, read from "
              << "SQLite + learn + save): " << speed->second << " ms  (target ≤ 1000 ms)\n";
    }
    out().flush();
    return 0;
}
