// Tunes LearnedClassifier on labelled bank lines by simulating a user: for each row (in file order, or
// shuffled with --seed), predict, then learn the true label. Prints online accuracy, the share of
// predictions confident enough to auto-apply and their precision, and throughput.
//
//   categorize_tune [--categories file|defaults] [--map labels.csv] [--seed N] [--threshold 0.9]
//                   [--weight group=value] [--alpha group=value] [--grams min,max] [--temperature T]
//                   [--prior-weight W] [--no-calibrate] [--misses] [--synthetic] file.csv …
//
// --categories file: the file's labels are the user's own categories, learned from scratch, no lexicon.
// --categories defaults: labels are default category keys (or mapped to them with --map, a CSV of
//   `label,default key`), the lexicon is set as prior and the allowed categories are the default
//   categories of the row's direction, as the app offers them.
// --synthetic: measures predict and learn throughput on generated data (10,000 examples / 100 categories
//   for predict, 100,000 examples for learn).
#include "categorize/categorizationinput.h"
#include "categorize/categorylexicon.h"
#include "categorize/learnedclassifier.h"
#include "core/defaultcategories.h"
#include "labelledcsv.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QTextStream>

#include <algorithm>
#include <cstdio>

using namespace Moniagent;
using namespace Qt::StringLiterals;

namespace {

QTextStream& out()
{
    static QTextStream stream(stdout);
    return stream;
}

struct Settings
{
    bool defaults = false;
    QHash<QString, QString> map;
    quint32 seed = 0;
    double threshold = 0.9;
    bool misses = false;
    bool lexiconFeatures = false; // file mode: the lexicon's classes as features, no mapping to the labels
    int seeds = 1; // shuffled runs; more than one are averaged into one row
    LearnedClassifier::Options options;
};

struct Outcome
{
    QString name;
    int rows = 0;
    int seenBefore = 0; // ceiling: the label had been learned before the row
    int correct = 0;
    int correctFirst[3] = {0, 0, 0}; // first 100 / 500 / 1000
    int auto_ = 0;
    int autoCorrect = 0;
    int lexiconDecided = 0;
    int lexiconCorrect = 0;
    int none = 0; // no prediction
    int runs = 1; // summed runs (rows and counts are sums)
    std::array<int, 8> binTotal {};
    std::array<int, 8> binCorrect {};
    qint64 predictNs = 0;
    qint64 learnNs = 0;
    QList<LearnedClassifier::TrackRecord> track; // summed over runs
};

const int kFirst[3] = {100, 500, 1000};
const double kBinEdges[8] = {0, 0.5, 0.7, 0.8, 0.9, 0.95, 0.98, 0.995};

int binOf(double confidence)
{
    int bin = 0;
    while (bin + 1 < 8 && confidence >= kBinEdges[bin + 1])
        ++bin;
    return bin;
}

std::optional<int> groupOf(const QString& name)
{
    static const QStringList names
        = {u"store"_s, u"word"_s, u"pair"_s, u"char"_s, u"bucket"_s, u"exact"_s, u"direction"_s, u"lexicon"_s};
    const auto index = names.indexOf(name);
    return index < 0 ? std::nullopt : std::optional<int>(int(index));
}

Outcome simulate(const QString& name, QList<LabelledRow> rows, const Settings& settings,
                 const std::shared_ptr<const CategoryLexicon>& lexicon)
{
    Outcome o;
    o.name = name;
    if (settings.seed != 0) {
        QRandomGenerator random(settings.seed);
        std::shuffle(rows.begin(), rows.end(), random);
    }
    LearnedClassifier model(settings.options);
    QHash<QString, qint64> idOf;
    QHash<qint64, QString> labelOf;
    QHash<qint64, CategoryType> typeOf;
    if (settings.defaults) {
        QHash<QString, qint64> bySystemKey;
        qint64 id = 1;
        for (const auto& entry : DefaultCategories::entries()) {
            const QString key = QString::fromUtf8(entry.key);
            bySystemKey.insert(key, id);
            idOf.insert(key, id);
            labelOf.insert(id, key);
            typeOf.insert(id, entry.type);
            ++id;
        }
        model.setPrior(lexicon, bySystemKey);
    } else if (settings.lexiconFeatures) {
        model.setPrior(lexicon, {});
    }
    QSet<qint64> seen[2]; // by direction
    QElapsedTimer timer;
    for (int i = 0; i < rows.size(); ++i) {
        const LabelledRow& row = rows.at(i);
        QString label = row.category;
        if (settings.defaults) {
            label = settings.map.value(label, label);
            if (!idOf.contains(label)) {
                out() << "unknown default category \"" << label << "\" (use --map)\n";
                out().flush();
                std::exit(2);
            }
        } else if (!idOf.contains(label)) {
            const qint64 id = idOf.size() + 1;
            idOf.insert(label, id);
            labelOf.insert(id, label);
        }
        const qint64 truth = idOf.value(label);
        const int direction = row.type == TransactionType::Income ? 1 : 0;
        QList<qint64> allowed;
        if (settings.defaults) {
            for (auto it = typeOf.cbegin(); it != typeOf.cend(); ++it) {
                const bool fits = it.value() == CategoryType::Both
                    || (it.value() == CategoryType::Income) == (row.type == TransactionType::Income);
                if (fits)
                    allowed.append(it.key());
            }
        } else {
            const QSet<qint64>& pool = seen[direction].isEmpty() ? seen[1 - direction] : seen[direction];
            allowed = pool.values();
        }
        const auto input = CategorizationInput::from(row.merchant, row.description, row.type, row.amount);
        const bool knownBefore = settings.defaults ? (seen[0].contains(truth) || seen[1].contains(truth))
                                                   : (seen[0].contains(truth) || seen[1].contains(truth));
        o.seenBefore += knownBefore ? 1 : 0;
        timer.start();
        const auto prediction = model.predict(input, allowed);
        o.predictNs += timer.nsecsElapsed();
        const bool right = prediction && prediction->categoryId == truth;
        ++o.rows;
        o.correct += right ? 1 : 0;
        for (int k = 0; k < 3; ++k) {
            if (i < kFirst[k])
                o.correctFirst[k] += right ? 1 : 0;
        }
        if (!prediction) {
            ++o.none;
        } else {
            ++o.binTotal[size_t(binOf(prediction->confidence))];
            o.binCorrect[size_t(binOf(prediction->confidence))] += right ? 1 : 0;
            if (prediction->confidence >= settings.threshold) {
                ++o.auto_;
                o.autoCorrect += right ? 1 : 0;
            }
            if (prediction->fromLexicon) {
                ++o.lexiconDecided;
                o.lexiconCorrect += right ? 1 : 0;
            }
        }
        if (settings.misses && (!right || (prediction && prediction->confidence >= settings.threshold))) {
            QStringList reasons;
            if (prediction) {
                for (const auto& reason : prediction->reasons)
                    reasons.append(QStringLiteral("%1 %2").arg(reason.feature).arg(reason.weight, 0, 'f', 1));
            }
            out() << (right ? "ok   " : "MISS ") << QString::number(i).rightJustified(4) << " "
                  << (prediction ? QString::number(prediction->confidence, 'f', 2) : u"-"_s) << " "
                  << (knownBefore ? " " : "*") << " [" << input.text << "] " << row.amount.toDecimalString()
                  << " truth=" << label << " got=" << (prediction ? labelOf.value(prediction->categoryId) : u"none"_s)
                  << (prediction && prediction->fromLexicon ? " (lexicon)" : "") << "  " << reasons.join(u"; ") << "\n";
        }
        timer.start();
        model.learn(input, truth);
        o.learnNs += timer.nsecsElapsed();
        seen[direction].insert(truth);
    }
    o.track = model.trackRecord();
    return o;
}

QString percent(int part, int whole)
{
    return whole == 0 ? u"—"_s : QString::number(100.0 * part / whole, 'f', 1);
}

void printTable(const QList<Outcome>& outcomes, double threshold)
{
    out() << QStringLiteral("| run | rows | ceiling % | online acc % | first 100 | first 500 | first 1000 | auto "
                            "share % @%1 | auto precision % | lexicon-decided (right) | predict/s | learn/s |\n")
                 .arg(threshold);
    out() << "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n";
    for (const Outcome& o : outcomes) {
        QStringList first;
        for (int k = 0; k < 3; ++k)
            first.append(o.rows / o.runs >= kFirst[k] ? percent(o.correctFirst[k], kFirst[k] * o.runs) : u"—"_s);
        out() << "| " << o.name << " | " << o.rows / o.runs << " | " << percent(o.seenBefore, o.rows) << " | "
              << percent(o.correct, o.rows) << " | " << first.join(u" | ") << " | " << percent(o.auto_, o.rows) << " | "
              << percent(o.autoCorrect, o.auto_) << " | " << o.lexiconDecided << " (" << o.lexiconCorrect << ") | "
              << QString::number(o.rows * 1e9 / std::max<qint64>(1, o.predictNs), 'f', 0) << " | "
              << QString::number(o.rows * 1e9 / std::max<qint64>(1, o.learnNs), 'f', 0) << " |\n";
    }
    out() << "\nreliability (predictions per confidence range: right/total)\n| run |";
    for (int b = 0; b < 8; ++b)
        out() << " ≥" << kBinEdges[b] << " |";
    out() << "\n|---|" << QString(u"---:|"_s).repeated(8) << "\n";
    for (const Outcome& o : outcomes) {
        out() << "| " << o.name << " |";
        for (size_t b = 0; b < 8; ++b)
            out() << " " << o.binCorrect[b] << "/" << o.binTotal[b] << " |";
        out() << "\n";
    }
    out() << "\ntrack record at the end (right/predictions per evidence class; confidence of the last run)\n";
    for (const Outcome& o : outcomes) {
        out() << o.name << ":";
        for (const auto& t : o.track) {
            if (t.predictions > 0)
                out() << "  " << t.evidence << " " << t.right << "/" << t.predictions << " ("
                      << QString::number(t.confidence, 'f', 2) << ")";
        }
        out() << "\n";
    }
    out().flush();
}

// Generated bank-like lines: each category has its own stores and words drawn from a shared vocabulary.
void synthetic(const LearnedClassifier::Options& options)
{
    QRandomGenerator random(7);
    QStringList vocabulary;
    for (int i = 0; i < 20000; ++i) {
        QString word;
        const int length = 3 + int(random.bounded(7));
        for (int k = 0; k < length; ++k)
            word.append(QChar(u'a' + int(random.bounded(26))));
        vocabulary.append(word);
    }
    auto make = [&](int category) {
        // 60 % of a category's lines come from its 20 regular stores.
        QStringList words;
        if (random.bounded(10) < 6) {
            const int store = int(random.bounded(20));
            words << vocabulary.at((category * 53 + store * 7) % 20000)
                  << vocabulary.at((category * 97 + store * 13 + 1) % 20000);
        } else {
            words << vocabulary.at(int(random.bounded(20000)));
        }
        words << vocabulary.at((category * 11 + int(random.bounded(5))) % 20000)
              << vocabulary.at(int(random.bounded(200))) << vocabulary.at(int(random.bounded(20000)));
        const Money amount(1 + random.bounded(200000), Currency::fromCode(u"EUR"));
        const auto type = category < 90 ? TransactionType::Expense : TransactionType::Income;
        return CategorizationInput::from({}, words.join(u' '), type, amount);
    };
    {
        QList<CategorizationInput> inputs;
        QList<int> labels;
        for (int i = 0; i < 10000; ++i) {
            labels.append(int(random.bounded(100)));
            inputs.append(make(labels.last()));
        }
        LearnedClassifier model(options);
        for (int i = 0; i < inputs.size(); ++i)
            model.learn(inputs.at(i), labels.at(i) + 1);
        QList<CategorizationInput> queries;
        for (int i = 0; i < 20000; ++i)
            queries.append(make(int(random.bounded(100))));
        QElapsedTimer timer;
        timer.start();
        int found = 0;
        for (int round = 0; round < 5; ++round) {
            for (const auto& query : queries)
                found += model.predict(query).has_value() ? 1 : 0;
        }
        const qint64 ns = timer.nsecsElapsed();
        out() << "synthetic predict (10,000 examples, 100 categories): "
              << QString::number(5.0 * queries.size() * 1e9 / ns, 'f', 0) << " calls/s (" << found << " answers)\n";
        const QByteArray saved = model.save();
        out() << "saved model: " << saved.size() << " bytes\n";
    }
    {
        QList<CategorizationInput> inputs;
        QList<int> labels;
        for (int i = 0; i < 100000; ++i) {
            labels.append(int(random.bounded(100)));
            inputs.append(make(labels.last()));
        }
        LearnedClassifier model(options);
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < inputs.size(); ++i)
            model.learn(inputs.at(i), labels.at(i) + 1);
        out() << "synthetic learn 100,000 examples: " << timer.elapsed() << " ms\n";
    }
    out().flush();
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    Settings settings;
    QStringList files;
    bool runSynthetic = false;
    const QStringList args = app.arguments().mid(1);
    for (int i = 0; i < args.size(); ++i) {
        const QString& arg = args.at(i);
        auto next = [&]() -> QString {
            if (i + 1 >= args.size()) {
                out() << arg << " needs a value\n";
                out().flush();
                std::exit(2);
            }
            return args.at(++i);
        };
        auto groupValue = [&](std::array<double, LearnedClassifier::GroupCount>& target) {
            const QStringList parts = next().split(u'=');
            const auto group = parts.size() == 2 ? groupOf(parts.at(0)) : std::nullopt;
            if (!group) {
                out() << "expected group=value with group store|word|pair|char|bucket|exact|direction|lexicon\n";
                out().flush();
                std::exit(2);
            }
            target[size_t(*group)] = parts.at(1).toDouble();
        };
        if (arg == u"--categories") {
            settings.defaults = next() == u"defaults";
        } else if (arg == u"--map") {
            QFile file(next());
            if (!file.open(QIODevice::ReadOnly)) {
                out() << "cannot read " << file.fileName() << "\n";
                return 2;
            }
            for (const auto& record : LabelledCsv::records(QString::fromUtf8(file.readAll()))) {
                if (record.fields.size() == 2)
                    settings.map.insert(record.fields.at(0).trimmed(), record.fields.at(1).trimmed());
            }
        } else if (arg == u"--seed") {
            settings.seed = next().toUInt();
        } else if (arg == u"--seeds") {
            settings.seeds = std::max(1, next().toInt());
        } else if (arg == u"--threshold") {
            settings.threshold = next().toDouble();
        } else if (arg == u"--weight") {
            groupValue(settings.options.weight);
        } else if (arg == u"--alpha") {
            groupValue(settings.options.alpha);
        } else if (arg == u"--grams") {
            const QStringList parts = next().split(u',');
            settings.options.charGramMin = parts.value(0).toInt();
            settings.options.charGramMax = parts.value(1, parts.value(0)).toInt();
        } else if (arg == u"--temperature") {
            settings.options.temperature = next().toDouble();
        } else if (arg == u"--prior-weight") {
            settings.options.priorWeight = next().toDouble();
        } else if (arg == u"--prior-smoothing") {
            settings.options.priorSmoothing = next().toDouble();
        } else if (arg == u"--auto-accuracy") {
            settings.options.autoAccuracy = next().toDouble();
        } else if (arg == u"--caution") {
            settings.options.caution = next().toDouble();
        } else if (arg == u"--lexicon-features") {
            settings.lexiconFeatures = true;
        } else if (arg == u"--all-grams") {
            settings.options.charGramsForNewWordsOnly = false;
        } else if (arg == u"--min-factor") {
            settings.options.minFactor = next().toDouble();
        } else if (arg == u"--spread") {
            settings.options.spread = next().toDouble();
        } else if (arg == u"--merchant-bonus") {
            settings.options.lexiconMerchantBonus = next().toDouble();
        } else if (arg == u"--keyword-bonus") {
            settings.options.lexiconKeywordBonus = next().toDouble();
        } else if (arg == u"--amount-base") {
            settings.options.amountBase = next().toDouble();
        } else if (arg == u"--no-calibrate") {
            settings.options.calibrate = false;
        } else if (arg == u"--misses") {
            settings.misses = true;
        } else if (arg == u"--synthetic") {
            runSynthetic = true;
        } else if (arg.startsWith(u"--")) {
            out() << "unknown option " << arg << "\n";
            out().flush();
            return 2;
        } else {
            files.append(arg);
        }
    }
    std::shared_ptr<const CategoryLexicon> lexicon;
    if (settings.defaults || settings.lexiconFeatures) {
        auto loaded = CategoryLexicon::load();
        if (!loaded) {
            out() << loaded.error().toString() << "\n";
            return 1;
        }
        lexicon = *loaded;
    }
    QList<Outcome> outcomes;
    for (const QString& path : files) {
        auto rows = LabelledCsv::read(path);
        if (!rows) {
            out() << rows.error().toString() << "\n";
            out().flush();
            return 1;
        }
        const QString base = path.section(u'/', -1);
        outcomes.append(simulate(base + u" (file order)", *rows, settings, lexicon));
        Settings shuffled = settings;
        shuffled.seed = settings.seed == 0 ? 1 : settings.seed;
        if (settings.seeds == 1) {
            outcomes.append(simulate(base + QStringLiteral(" (seed %1)").arg(shuffled.seed), *rows, shuffled, lexicon));
            continue;
        }
        // Sums over the seeds: the table's percentages are then means, throughput the overall rate.
        Outcome sum;
        sum.name = base + QStringLiteral(" (seeds %1–%2)").arg(shuffled.seed).arg(shuffled.seed + settings.seeds - 1);
        for (int k = 0; k < settings.seeds; ++k) {
            const Outcome o = simulate(sum.name, *rows, shuffled, lexicon);
            ++shuffled.seed;
            sum.rows += o.rows;
            sum.seenBefore += o.seenBefore;
            sum.correct += o.correct;
            for (int j = 0; j < 3; ++j)
                sum.correctFirst[j] += o.correctFirst[j];
            sum.auto_ += o.auto_;
            sum.autoCorrect += o.autoCorrect;
            sum.lexiconDecided += o.lexiconDecided;
            sum.lexiconCorrect += o.lexiconCorrect;
            sum.none += o.none;
            sum.predictNs += o.predictNs;
            sum.learnNs += o.learnNs;
            if (sum.track.isEmpty()) {
                sum.track = o.track;
            } else {
                for (qsizetype t = 0; t < o.track.size(); ++t) {
                    sum.track[t].predictions += o.track.at(t).predictions;
                    sum.track[t].right += o.track.at(t).right;
                }
            }
            for (size_t b = 0; b < 8; ++b) {
                sum.binTotal[b] += o.binTotal[b];
                sum.binCorrect[b] += o.binCorrect[b];
            }
        }
        sum.runs = settings.seeds;
        outcomes.append(sum);
    }
    if (!outcomes.isEmpty())
        printTable(outcomes, settings.threshold);
    if (runSynthetic)
        synthetic(settings.options);
    return 0;
}
