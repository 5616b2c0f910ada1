#include "learnedclassifier.h"

#include "categorylexicon.h"
#include "featurehash.h"

#include <QDataStream>
#include <QIODevice>
#include <QVarLengthArray>

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

namespace Moniagent {

namespace {

constexpr quint32 kMagic = 0x4d4c4331; // "MLC1"
constexpr quint16 kFormatVersion = 1;
// The confidence of a prediction is the user's track record for predictions made on the same kind of evidence
// (evidence classes), each starting from a cautious prior.
enum EvidenceClass
{
    StoreOnce, // the same store was confirmed once, always with this category
    StoreTwice,
    StoreThrice,
    StoreOften, // four times or more
    StoreMixed, // the store has this category most often, but not always
    StoreDisagrees, // the store was confirmed with another category
    WordOnce, // a new store, but one of its words was confirmed once, only ever with this category
    WordTwice,
    WordThrice,
    WordOften,
    PosteriorFirst, // no store memory: by the posterior's bits of doubt, -log2(1 - p), in steps
    PosteriorLast = PosteriorFirst + 7,
    LexiconMerchant,
    LexiconKeyword,
    ClassCount
};
// Prior accuracy of each class, worth kPriorStrength predictions of the user's own.
constexpr std::array<double, ClassCount> kPriorAccuracy {0.90, 0.95, 0.97, 0.98, 0.60, 0.30, // store
                                                         0.60, 0.75, 0.85, 0.90, // word
                                                         0.20, 0.30, 0.40, 0.50, 0.60, 0.70, 0.75, 0.80, // posterior
                                                         0.85, 0.60}; // lexicon
constexpr double kPriorStrength = 10.0;
constexpr double kPosteriorStep = 1.5; // bits of doubt per posterior class
constexpr int kLogTableSize = 512;
constexpr qsizetype kMaxRowsOnLoad = 50'000'000;

// Where a feature came from, for the reasons shown to the user: a word index, or one of these.
enum Source : quint8
{
    SourceStore = 250,
    SourceAmountBucket,
    SourceAmountExact,
    SourceDirection,
    SourceLexicon,
    SourceNone = 255,
};
constexpr int kMaxWordSource = 249;

struct Feature
{
    quint64 hash;
    quint8 group;
    quint8 source;
    quint8 source2; // a word pair's second word
};
// What one input looks like to the model: its features and the lexicon's hits.
struct Features
{
    QVarLengthArray<Feature, 256> items;
    CategoryLexicon::RawHits hits;
};

struct Posting
{
    qint32 category;
    qint32 count;
};

struct Row
{
    quint64 key = 0;
    quint8 group = 0;
    std::vector<Posting> postings;
};

// Open addressing (linear probing) from a feature hash to its row, with the number of categories the feature
// is in kept in the slot: scoring skips uninformative features without touching their rows. 0 marks an empty
// slot. Rows are never removed, only emptied, so there is no deletion.
struct Slot
{
    quint32 row;
    quint32 categories;
};

class FeatureTable
{
public:
    const Slot* find(quint64 key) const
    {
        if (m_keys.empty())
            return nullptr;
        size_t i = size_t(key) & m_mask;
        for (;;) {
            const quint64 k = m_keys[i];
            if (k == key)
                return &m_slots[i];
            if (k == 0)
                return nullptr;
            i = (i + 1) & m_mask;
        }
    }
    Slot* find(quint64 key) { return const_cast<Slot*>(std::as_const(*this).find(key)); }
    // The slot of `key`, inserted with row `newRow` when missing. Valid until the next insertion.
    Slot* findOrInsert(quint64 key, quint32 newRow)
    {
        if ((m_size + 1) * 4 > m_keys.size() * 3)
            grow();
        size_t i = size_t(key) & m_mask;
        for (;;) {
            const quint64 k = m_keys[i];
            if (k == key)
                return &m_slots[i];
            if (k == 0) {
                m_keys[i] = key;
                m_slots[i] = {newRow, 0};
                ++m_size;
                return &m_slots[i];
            }
            i = (i + 1) & m_mask;
        }
    }
    void reserve(size_t count)
    {
        while (count * 4 > m_keys.size() * 3)
            grow();
    }

private:
    void grow()
    {
        const size_t capacity = m_keys.empty() ? 1024 : m_keys.size() * 2;
        std::vector<quint64> keys(capacity, 0);
        std::vector<Slot> newSlots(capacity, Slot {0, 0});
        const size_t mask = capacity - 1;
        for (size_t j = 0; j < m_keys.size(); ++j) {
            if (m_keys[j] == 0)
                continue;
            size_t i = size_t(m_keys[j]) & mask;
            while (keys[i] != 0)
                i = (i + 1) & mask;
            keys[i] = m_keys[j];
            newSlots[i] = m_slots[j];
        }
        m_keys.swap(keys);
        m_slots.swap(newSlots);
        m_mask = mask;
    }

    std::vector<quint64> m_keys;
    std::vector<Slot> m_slots;
    size_t m_mask = 0;
    size_t m_size = 0;
};

// Feature hashes are seeded by group so that the word "shell" and the store "shell" stay apart.
constexpr quint64 seedOf(int group)
{
    return 0x5eed0000ULL + quint64(group);
}

void fillMask(QVarLengthArray<char, 128>& mask, qsizetype size, char value)
{
    mask.resize(size);
    std::fill(mask.begin(), mask.end(), value);
}

quint64 wordHash(QStringView word)
{
    return FeatureHash::of(word.constData(), word.size(), seedOf(0x77));
}

} // namespace

struct LearnedClassifier::Model
{
    Options options;
    // Vocabulary sizes of the multinomials' smoothing: fixed, so that learning one example changes the
    // denominators of its category only (and forget() restores them exactly).
    std::array<double, GroupCount> vocabulary {5000, 20000, 40000, 100000, 40, 20000, 2, 40};

    std::vector<qint64> categoryIds;
    QHash<qint64, int> indexById;
    std::vector<std::pair<qint64, int>> sortedIds; // (id, index) by id
    std::vector<qint32> examples; // per category
    std::vector<std::array<qint64, GroupCount>> totals; // per category: features seen in each group
    std::vector<std::array<double, GroupCount>> logDenominator; // log(total + alpha * vocabulary)
    std::vector<std::array<double, GroupCount>> logUnseen; // logAlpha - logDenominator: a feature not seen with it
    std::vector<double> logPrior; // per category: log(examples + priorSmoothing)
    qint64 exampleTotal = 0;
    int activeCategories = 0; // with at least one example
    std::vector<double> spreadFactor; // by how many categories a feature is in, for activeCategories

    FeatureTable table;
    std::vector<Row> rows;

    // The user's track record: per bin of the posterior, how many predictions made before learning were right.
    std::array<qint32, ClassCount> classTotal {};
    std::array<qint32, ClassCount> classCorrect {};
    std::array<double, ClassCount> classConfidence {};

    std::array<std::array<double, kLogTableSize>, GroupCount> logGain {}; // log(n + alpha) - log(alpha)
    std::array<double, GroupCount> logAlpha {};

    std::shared_ptr<const CategoryLexicon> lexicon;
    QHash<QString, qint64> idBySystemKey;
    std::vector<int> categoryOfLexiconKey; // lexicon key index -> category index, -1 when unmapped
    std::vector<char> mapped; // per category: a lexicon key maps to it

    explicit Model(const Options& o)
        : options(o)
    {
        for (int g = 0; g < GroupCount; ++g) {
            logAlpha[g] = std::log(options.alpha[g]);
            for (int n = 0; n < kLogTableSize; ++n)
                logGain[g][n] = std::log(n + options.alpha[g]) - logAlpha[g];
        }
        updateCalibration();
        updateSpread();
    }

    double gain(int group, qint32 n) const
    {
        return n < kLogTableSize ? logGain[group][n] : std::log(n + options.alpha[group]) - logAlpha[group];
    }

    int categoryIndex(qint64 id)
    {
        const auto it = indexById.constFind(id);
        if (it != indexById.cend())
            return it.value();
        const int index = int(categoryIds.size());
        categoryIds.push_back(id);
        indexById.insert(id, index);
        sortedIds.insert(std::lower_bound(sortedIds.begin(), sortedIds.end(), std::pair {id, index}),
                         std::pair {id, index});
        examples.push_back(0);
        totals.push_back({});
        logDenominator.push_back({});
        logUnseen.push_back({});
        logPrior.push_back(0);
        mapped.push_back(0);
        updateDenominators(index);
        return index;
    }

    void updateDenominators(int c)
    {
        for (int g = 0; g < GroupCount; ++g) {
            logDenominator[c][g] = std::log(double(totals[c][g]) + options.alpha[g] * vocabulary[g]);
            logUnseen[c][g] = logAlpha[g] - logDenominator[c][g];
        }
        logPrior[size_t(c)] = std::log(double(examples[size_t(c)]) + options.priorSmoothing);
    }

    void updateSpread()
    {
        int active = 0;
        for (const qint32 n : examples)
            active += n > 0 ? 1 : 0;
        if (active == activeCategories && !spreadFactor.empty())
            return;
        activeCategories = active;
        spreadFactor.assign(size_t(active) + 2, 1.0);
        if (options.spread <= 0)
            return;
        for (int k = 1; k <= active + 1; ++k) {
            const double factor = std::log((active + 1.0) / k) / std::log(active + 1.0);
            spreadFactor[size_t(k)] = std::pow(std::max(0.0, factor), options.spread);
        }
    }
    double spreadOf(size_t categoriesWithFeature) const
    {
        return categoriesWithFeature < spreadFactor.size() ? spreadFactor[categoriesWithFeature] : 0.0;
    }

    // With skipKnownWordGrams (predict() when some candidate has examples), the character n-grams centred on a
    // word the model knows are left out: evaluate() would skip them anyway (charGramsForNewWordsOnly).
    void extract(const CategorizationInput& input, Features& out, bool skipKnownWordGrams = false) const;
    void add(const Features& features, int category, int delta);

    struct Evaluation
    {
        int top = -1;
        int second = -1;
        double posterior = 0; // of top, before calibration
        bool fromLexicon = false;
        int lexiconTerm = -1; // the term that gave top its bonus
        CategoryLexicon::MatchKind lexiconKind = CategoryLexicon::MatchKind::Keyword;
        double lexiconBonus = 0;
        qint32 storeCount = 0; // examples of the store with top
        qint32 storeTotal = 0; // examples of the store
        bool storeAgrees = false; // top is the store's most frequent category
        qint32 pureWord = 0; // examples of the most frequent word of the input that only top has
    };
    // Scores the candidates (mask per category); `rowsOut` receives each feature's row or -1 when given.
    Evaluation evaluate(const CategorizationInput& input, const Features& features, QVarLengthArray<char, 128>& mask,
                        QVarLengthArray<qint32, 256>* rowsOut) const;
    void directionMask(const Features& features, QVarLengthArray<char, 128>& mask) const;
    void record(const CategorizationInput& input, const Features& features, int category, int delta);
    static int classOf(const Evaluation& e);
    void updateCalibration();
    double confidence(const Evaluation& e) const;
    void mapPrior();
    qint32 countOf(qint32 row, int category) const
    {
        for (const Posting& p : rows[size_t(row)].postings) {
            if (p.category == category)
                return p.count;
        }
        return 0;
    }
};

void LearnedClassifier::Model::extract(const CategorizationInput& input, Features& out, bool skipKnownWordGrams) const
{
    std::array<bool, kMaxWordSource + 1> knownWord {};
    skipKnownWordGrams = skipKnownWordGrams && options.charGramsForNewWordsOnly;
    if (!input.merchantKey.isEmpty())
        out.items.append({FeatureHash::of(input.merchantKey.constData(), input.merchantKey.size(), seedOf(Store)),
                          Store, SourceStore, SourceNone});
    quint64 previous = 0;
    qsizetype wordIndex = 0;
    for (const QStringView text : input.words()) {
        const quint8 source = quint8(std::min<qsizetype>(wordIndex, kMaxWordSource));
        const quint64 h = wordHash(text);
        const quint64 wordKey = FeatureHash::finish(h ^ seedOf(Word));
        out.items.append({wordKey, Word, source, SourceNone});
        if (skipKnownWordGrams) {
            const Slot* slot = table.find(wordKey);
            knownWord[source] = knownWord[source] || (slot && slot->categories > 0);
        }
        if (wordIndex > 0 && options.weight[WordPair] > 0)
            out.items.append({FeatureHash::finish(previous * 31 + h + seedOf(WordPair)), WordPair,
                              quint8(std::min<qsizetype>(wordIndex - 1, kMaxWordSource)), source});
        previous = h;
        ++wordIndex;
    }
    if (options.weight[CharGram] > 0 && options.charGramMax >= options.charGramMin && options.charGramMin > 0) {
        // " text " so that grams at word starts and ends differ from those inside words.
        const QString& text = input.text;
        const QChar* data = text.constData();
        const qsizetype size = text.size() + 2;
        auto at = [&](qsizetype i) {
            return i == 0 || i == size - 1 ? QChar(u' ') : data[i - 1];
        };
        QVarLengthArray<quint8, 256> wordAt(size); // buffer position -> index of its word, for reasons
        int word = -1;
        for (qsizetype i = 0; i < size; ++i) {
            if (at(i) != u' ' && (i == 0 || at(i - 1) == u' '))
                word = std::min(word + 1, kMaxWordSource);
            wordAt[i] = quint8(std::max(word, 0));
        }
        for (qsizetype i = 0; i < size; ++i) {
            quint64 h = FeatureHash::start(seedOf(CharGram));
            for (int n = 1; n <= options.charGramMax && i + n <= size; ++n) {
                h = FeatureHash::add(h, at(i + n - 1).unicode());
                if (n >= options.charGramMin && !knownWord[wordAt[i + n / 2]])
                    out.items.append({FeatureHash::finish(h + quint64(n)), CharGram, wordAt[i + n / 2], SourceNone});
            }
        }
    }
    const qint64 minor = input.amount.minor();
    const int direction = input.type == TransactionType::Income ? 1 : 0;
    if (input.amount.isValid() && minor != 0) {
        const double major = double(std::abs(minor)) / double(input.amount.currency().minorPerMajor());
        const int bucket = int(std::floor(std::log(major) / std::log(options.amountBase)));
        quint64 h = FeatureHash::addInt(FeatureHash::start(seedOf(AmountBucket)), quint64(qint64(bucket)));
        out.items.append({FeatureHash::finish(FeatureHash::addInt(h, quint64(direction))), AmountBucket,
                          SourceAmountBucket, SourceNone});
        const QString& code = input.amount.currency().code();
        h = FeatureHash::addInt(FeatureHash::start(seedOf(AmountExact)), quint64(std::abs(minor)));
        h = FeatureHash::add(h, code.constData(), code.size());
        out.items.append({FeatureHash::finish(FeatureHash::addInt(h, quint64(direction))), AmountExact,
                          SourceAmountExact, SourceNone});
    }
    out.items.append(
        {FeatureHash::finish(FeatureHash::addInt(FeatureHash::start(seedOf(Direction)), quint64(direction))), Direction,
         SourceDirection, SourceNone});
    if (lexicon) {
        lexicon->lookup(input, out.hits);
        for (qsizetype i = 0; i < out.hits.size(); ++i) {
            const auto& hit = out.hits.at(i);
            // By key name, not index, so that a saved model survives an edited lexicon.
            const QString& key = lexicon->systemKeys().at(hit.categoryIndex);
            quint64 h = FeatureHash::add(FeatureHash::start(seedOf(LexiconClass)), key.constData(), key.size());
            h = FeatureHash::addInt(h, hit.kind == CategoryLexicon::MatchKind::Merchant ? 1 : 0);
            out.items.append(
                {FeatureHash::finish(h), LexiconClass, SourceLexicon, quint8(std::min<qsizetype>(i, 254))});
        }
    }
}

void LearnedClassifier::Model::add(const Features& features, int category, int delta)
{
    for (const Feature& f : features.items) {
        Slot* slot = delta > 0 ? table.findOrInsert(f.hash, quint32(rows.size())) : table.find(f.hash);
        if (!slot)
            continue;
        if (slot->row == rows.size())
            rows.push_back({f.hash, f.group, {}});
        auto& postings = rows[slot->row].postings;
        auto it
            = std::find_if(postings.begin(), postings.end(), [&](const Posting& p) { return p.category == category; });
        if (delta > 0) {
            if (it == postings.end())
                postings.push_back({category, delta});
            else
                it->count += delta;
        } else {
            if (it == postings.end())
                continue;
            it->count += delta;
            if (it->count <= 0)
                postings.erase(it); // keeps the order, so learn() then forget() leaves the row as it was
        }
        slot->categories = quint32(postings.size());
        totals[category][f.group] = std::max<qint64>(0, totals[category][f.group] + delta);
    }
    examples[category] = std::max(0, examples[category] + delta);
    exampleTotal = std::max<qint64>(0, exampleTotal + delta);
    updateDenominators(category);
    updateSpread();
}

void LearnedClassifier::Model::directionMask(const Features& features, QVarLengthArray<char, 128>& mask) const
{
    // Like the owner does with category types: only categories already used in this direction, when any.
    fillMask(mask, qsizetype(categoryIds.size()), 0);
    bool any = false;
    for (const Feature& f : features.items) {
        if (f.group != Direction)
            continue;
        if (const Slot* slot = table.find(f.hash)) {
            for (const Posting& p : rows[slot->row].postings) {
                mask[p.category] = 1;
                any = true;
            }
        }
    }
    if (!any)
        fillMask(mask, qsizetype(categoryIds.size()), 1);
}

LearnedClassifier::Model::Evaluation LearnedClassifier::Model::evaluate(const CategorizationInput& input,
                                                                        const Features& features,
                                                                        QVarLengthArray<char, 128>& mask,
                                                                        QVarLengthArray<qint32, 256>* rowsOut) const
{
    Evaluation e;
    const qsizetype categories = qsizetype(categoryIds.size());
    QVarLengthArray<double, 128> bonus(categories);
    std::fill(bonus.begin(), bonus.end(), 0.0);
    QVarLengthArray<qint32, 128> bonusTerm(categories);
    QVarLengthArray<quint8, 128> bonusKind(categories);
    if (lexicon) {
        for (const auto& hit : features.hits) {
            const int c = hit.categoryIndex < int(categoryOfLexiconKey.size())
                ? categoryOfLexiconKey[size_t(hit.categoryIndex)]
                : -1;
            if (c < 0 || !mask[c])
                continue;
            const bool merchant = hit.kind == CategoryLexicon::MatchKind::Merchant;
            const double value = (merchant ? options.lexiconMerchantBonus : options.lexiconKeywordBonus)
                    * lexicon->weight(hit.categoryIndex)
                + options.lexiconLengthBonus * (hit.words - 1);
            if (value > bonus[c]) {
                bonus[c] = value;
                bonusTerm[c] = hit.termIndex;
                bonusKind[c] = merchant ? 0 : 1;
            }
        }
    }
    // Candidates: categories with examples, and those the lexicon speaks for.
    QVarLengthArray<int, 128> candidates;
    bool anyExamples = false;
    for (int c = 0; c < categories; ++c) {
        if (!mask[c])
            continue;
        if (examples[size_t(c)] > 0) {
            anyExamples = true;
            candidates.append(c);
        } else if (bonus[c] > 0) {
            candidates.append(c);
        } else {
            mask[c] = 0;
        }
    }
    if (candidates.isEmpty())
        return e;

    // Each feature's row and how much it counts.
    QVarLengthArray<qint32, 256> rowOf(features.items.size());
    QVarLengthArray<double, 256> factor(features.items.size());
    std::array<double, GroupCount> mass {};
    // Character n-grams stand in for words the model has not seen (typos, cut-off names, other spellings); a
    // known word speaks for itself, and skipping its n-grams keeps predict fast.
    std::array<bool, kMaxWordSource + 1> knownWord {};
    for (qsizetype i = 0; i < features.items.size(); ++i) {
        const Feature& f = features.items[i];
        if (f.group == CharGram && options.charGramsForNewWordsOnly && knownWord[f.source]) {
            rowOf[i] = -1;
            factor[i] = 0;
            continue;
        }
        const Slot* slot = anyExamples ? table.find(f.hash) : nullptr;
        rowOf[i] = slot && slot->categories > 0 ? qint32(slot->row) : -1;
        factor[i] = rowOf[i] >= 0 ? spreadOf(slot->categories) : 1.0;
        if (f.group == Word && rowOf[i] >= 0)
            knownWord[f.source] = true;
        if (factor[i] < options.minFactor) {
            rowOf[i] = -1; // in (nearly) every category: says nothing, and costs the most to score
            factor[i] = 0;
        }
        mass[f.group] += factor[i];
    }
    if (rowsOut)
        *rowsOut = rowOf;
    QVarLengthArray<double, 128> score(categories);
    const double priorWeight = options.priorWeight;
    // The groups present, each with weight * mass (the same products, in the same order, as per category).
    std::array<int, GroupCount> presentGroups {};
    std::array<double, GroupCount> weightedMass {};
    int present = 0;
    for (int g = 0; g < GroupCount; ++g) {
        if (mass[g] > 0) {
            presentGroups[size_t(present)] = g;
            weightedMass[size_t(present)] = options.weight[g] * mass[g];
            ++present;
        }
    }
    for (const int c : candidates) {
        double s = priorWeight * logPrior[size_t(c)];
        const auto& unseen = logUnseen[size_t(c)];
        for (int k = 0; k < present; ++k)
            s += weightedMass[size_t(k)] * unseen[size_t(presentGroups[size_t(k)])];
        score[c] = s;
    }
    for (qsizetype i = 0; i < features.items.size(); ++i) {
        if (rowOf[i] < 0 || factor[i] <= 0)
            continue;
        const int group = features.items[i].group;
        const double weight = options.weight[group] * factor[i];
        for (const Posting& p : rows[size_t(rowOf[i])].postings) {
            if (mask[p.category])
                score[p.category] += weight * gain(group, p.count);
        }
    }
    // Who wins on the user's data alone, to tell whether the lexicon decided.
    int dataTop = -1;
    for (const int c : candidates) {
        if (examples[size_t(c)] > 0 && (dataTop < 0 || score[c] > score[dataTop]))
            dataTop = c;
    }
    for (const int c : candidates)
        score[c] += bonus[c];
    for (const int c : candidates) {
        if (e.top < 0 || score[c] > score[e.top]) {
            e.second = e.top;
            e.top = c;
        } else if (e.second < 0 || score[c] > score[e.second]) {
            e.second = c;
        }
    }
    double sum = 0;
    const double inverseTemperature = 1.0 / options.temperature;
    for (const int c : candidates) {
        const double difference = (score[c] - score[e.top]) * inverseTemperature;
        if (difference > -40) // e^-40 does not move a sum of at least 1
            sum += std::exp(difference);
    }
    e.posterior = 1.0 / sum;
    // What the store's own history says.
    for (qsizetype i = 0; i < features.items.size(); ++i) {
        if (features.items[i].group != Store || rowOf[i] < 0)
            continue;
        qint32 best = 0;
        for (const Posting& p : rows[size_t(rowOf[i])].postings) {
            e.storeTotal += p.count;
            best = std::max(best, p.count);
            if (p.category == e.top)
                e.storeCount = p.count;
        }
        e.storeAgrees = e.storeCount > 0 && e.storeCount == best;
    }
    for (qsizetype i = 0; i < features.items.size(); ++i) {
        if (features.items[i].group != Word || rowOf[i] < 0)
            continue;
        const auto& postings = rows[size_t(rowOf[i])].postings;
        if (postings.size() == 1 && postings.front().category == e.top)
            e.pureWord = std::max(e.pureWord, postings.front().count);
    }
    if (bonus[e.top] > 0) {
        e.lexiconTerm = bonusTerm[e.top];
        e.lexiconKind
            = bonusKind[e.top] == 0 ? CategoryLexicon::MatchKind::Merchant : CategoryLexicon::MatchKind::Keyword;
        e.lexiconBonus = bonus[e.top];
        e.fromLexicon = dataTop != e.top;
    }
    return e;
}

int LearnedClassifier::Model::classOf(const Evaluation& e)
{
    if (e.fromLexicon)
        return e.lexiconKind == CategoryLexicon::MatchKind::Merchant ? LexiconMerchant : LexiconKeyword;
    if (e.storeTotal > 0) {
        if (!e.storeAgrees)
            return StoreDisagrees;
        if (e.storeCount < e.storeTotal)
            return StoreMixed;
        return StoreOnce + std::min(e.storeCount, 4) - 1;
    }
    if (e.pureWord > 0)
        return WordOnce + std::min(e.pureWord, 4) - 1;
    const double doubt = -std::log2(std::max(1e-12, 1.0 - e.posterior));
    return PosteriorFirst + std::clamp(int(doubt / kPosteriorStep), 0, PosteriorLast - PosteriorFirst);
}

// The owner applies a suggestion without asking from confidence 0.9 on (the default threshold), and an applied
// category should then be right at least 97 times in 100: so accuracies from 0.8 to 0.97 are spread over
// confidences 0.8 to 0.9, and 0.97 to 1 over 0.9 to 1. Below 0.8 the confidence is the accuracy.
double toConfidenceScale(double accuracy, double kAutoAccuracy)
{
    if (accuracy <= 0.8)
        return accuracy;
    if (accuracy <= kAutoAccuracy)
        return 0.8 + (accuracy - 0.8) * (0.9 - 0.8) / (kAutoAccuracy - 0.8);
    return 0.9 + (accuracy - kAutoAccuracy) * (1.0 - 0.9) / (1.0 - kAutoAccuracy);
}

void LearnedClassifier::Model::updateCalibration()
{
    // Each class's accuracy is estimated from the user's track record and the class's prior (a Beta
    // distribution); the confidence is that estimate less `caution` standard deviations, so that a class has to
    // prove itself before its predictions are applied without asking. Stronger evidence never gets a lower
    // confidence than weaker evidence of the same kind.
    for (int k = 0; k < ClassCount; ++k) {
        const double n = classTotal[size_t(k)] + kPriorStrength;
        const double mean = (classCorrect[size_t(k)] + kPriorStrength * kPriorAccuracy[size_t(k)]) / n;
        const double deviation = std::sqrt(mean * (1.0 - mean) / (n + 1.0));
        classConfidence[size_t(k)]
            = toConfidenceScale(std::clamp(mean - options.caution * deviation, 0.0, 1.0), options.autoAccuracy);
    }
    for (int k = StoreTwice; k <= StoreOften; ++k)
        classConfidence[size_t(k)] = std::max(classConfidence[size_t(k)], classConfidence[size_t(k - 1)]);
    for (int k = WordTwice; k <= WordOften; ++k)
        classConfidence[size_t(k)] = std::max(classConfidence[size_t(k)], classConfidence[size_t(k - 1)]);
    for (int k = PosteriorFirst + 1; k <= PosteriorLast; ++k)
        classConfidence[size_t(k)] = std::max(classConfidence[size_t(k)], classConfidence[size_t(k - 1)]);
}

double LearnedClassifier::Model::confidence(const Evaluation& e) const
{
    if (!options.calibrate)
        return e.posterior;
    const int k = classOf(e);
    if (k == LexiconMerchant || k == LexiconKeyword) {
        const double cap = k == LexiconMerchant ? options.lexiconMerchantCap : options.lexiconKeywordCap;
        return std::min({cap, classConfidence[size_t(k)], e.posterior});
    }
    return classConfidence[size_t(k)];
}

void LearnedClassifier::Model::record(const CategorizationInput& input, const Features& features, int category,
                                      int delta)
{
    QVarLengthArray<char, 128> mask;
    directionMask(features, mask);
    if (category < qsizetype(mask.size()))
        mask[category] = 1; // the owner offers every category of the right type, even one not used yet
    const Evaluation e = evaluate(input, features, mask, nullptr);
    if (e.top < 0)
        return;
    const int k = classOf(e);
    classTotal[size_t(k)] = std::max(0, classTotal[size_t(k)] + delta);
    if (e.top == category)
        classCorrect[size_t(k)] = std::max(0, classCorrect[size_t(k)] + delta);
    updateCalibration();
}

void LearnedClassifier::Model::mapPrior()
{
    std::fill(mapped.begin(), mapped.end(), 0);
    categoryOfLexiconKey.clear();
    if (!lexicon)
        return;
    for (const QString& key : lexicon->systemKeys()) {
        const auto it = idBySystemKey.constFind(key);
        if (it == idBySystemKey.cend()) {
            categoryOfLexiconKey.push_back(-1);
            continue;
        }
        const int c = categoryIndex(it.value());
        mapped[size_t(c)] = 1;
        categoryOfLexiconKey.push_back(c);
    }
}

// ---------------------------------------------------------------------------------------------------------------

LearnedClassifier::LearnedClassifier()
    : LearnedClassifier(Options())
{ }

LearnedClassifier::LearnedClassifier(const Options& options)
    : d(std::make_unique<Model>(options))
{ }

LearnedClassifier::~LearnedClassifier() = default;
LearnedClassifier::LearnedClassifier(const LearnedClassifier& other)
    : d(std::make_unique<Model>(*other.d))
{ }
LearnedClassifier& LearnedClassifier::operator=(const LearnedClassifier& other)
{
    if (this != &other)
        d = std::make_unique<Model>(*other.d);
    return *this;
}
LearnedClassifier::LearnedClassifier(LearnedClassifier&&) noexcept = default;
LearnedClassifier& LearnedClassifier::operator=(LearnedClassifier&&) noexcept = default;

const LearnedClassifier::Options& LearnedClassifier::options() const
{
    return d->options;
}

void LearnedClassifier::learn(const CategorizationInput& input, qint64 categoryId)
{
    Features features;
    d->extract(input, features);
    const int category = d->categoryIndex(categoryId);
    if (d->options.calibrate)
        d->record(input, features, category, +1);
    d->add(features, category, +1);
}

void LearnedClassifier::forget(const CategorizationInput& input, qint64 categoryId)
{
    const auto it = d->indexById.constFind(categoryId);
    if (it == d->indexById.cend() || d->examples[size_t(it.value())] == 0)
        return;
    Features features;
    d->extract(input, features);
    // Only what was learned can be forgotten: each of its features must have been seen with the category.
    for (const Feature& f : features.items) {
        const Slot* slot = d->table.find(f.hash);
        if (!slot || slot->row >= d->rows.size() || d->countOf(qint32(slot->row), it.value()) <= 0)
            return;
    }
    d->add(features, it.value(), -1);
    // Take back the track record learn() wrote, judged on the model as it was then.
    if (d->options.calibrate)
        d->record(input, features, it.value(), -1);
}

std::optional<LearnedClassifier::Prediction> LearnedClassifier::predict(const CategorizationInput& input,
                                                                        const QList<qint64>& allowed) const
{
    const qsizetype categories = qsizetype(d->categoryIds.size());
    if (categories == 0)
        return std::nullopt;
    QVarLengthArray<char, 128> mask(categories);
    if (allowed.isEmpty()) {
        fillMask(mask, categories, 1);
    } else {
        fillMask(mask, categories, 0);
        if (std::is_sorted(allowed.cbegin(), allowed.cend())) {
            // The owner's lists are sorted: one merge with the ids in order instead of a hash lookup each.
            auto known = d->sortedIds.cbegin();
            for (const qint64 id : allowed) {
                while (known != d->sortedIds.cend() && known->first < id)
                    ++known;
                if (known == d->sortedIds.cend())
                    break;
                if (known->first == id)
                    mask[known->second] = 1;
            }
        } else {
            for (const qint64 id : allowed) {
                const auto it = d->indexById.constFind(id);
                if (it != d->indexById.cend())
                    mask[it.value()] = 1;
            }
        }
    }
    // As evaluate() decides whether n-grams of known words count: only when a candidate has examples.
    bool anyExamples = false;
    for (qsizetype c = 0; c < categories && !anyExamples; ++c)
        anyExamples = mask[c] && d->examples[size_t(c)] > 0;
    Features features;
    d->extract(input, features, anyExamples);
    QVarLengthArray<qint32, 256> rowOf;
    const Model::Evaluation e = d->evaluate(input, features, mask, &rowOf);
    if (e.top < 0)
        return std::nullopt;

    Prediction prediction;
    prediction.reasons.reserve(3);
    prediction.categoryId = d->categoryIds[size_t(e.top)];
    prediction.confidence = d->confidence(e);
    prediction.fromLexicon = e.fromLexicon;

    // Reasons: each feature's evidence for the winner over the runner-up, summed per word / store / amount.
    struct Evidence
    {
        quint8 source;
        double weight;
    };
    QVarLengthArray<Evidence, 32> evidence;
    auto credit = [&](quint8 source, double weight) {
        if (source == SourceNone)
            return;
        for (Evidence& item : evidence) {
            if (item.source == source) {
                item.weight += weight;
                return;
            }
        }
        evidence.append({source, weight});
    };
    const int top = e.top;
    const int second = e.second;
    // The lexicon term to name: the one that gave the bonus, else the one whose learned class helped most.
    int lexiconTerm = e.lexiconTerm;
    CategoryLexicon::MatchKind lexiconKind = e.lexiconKind;
    double lexiconHitWeight = e.lexiconTerm >= 0 ? std::numeric_limits<double>::infinity() : 0.0;
    for (qsizetype i = 0; i < rowOf.size(); ++i) {
        if (rowOf[i] < 0)
            continue;
        const Feature& f = features.items[i];
        const qint32 nTop = d->countOf(rowOf[i], top);
        if (f.group == Store)
            prediction.sameStoreExamples = nTop;
        const double forTop = d->gain(f.group, nTop) + d->logAlpha[f.group] - d->logDenominator[size_t(top)][f.group];
        double forSecond = d->logAlpha[f.group]
            - (second >= 0 ? d->logDenominator[size_t(second)][f.group]
                           : std::log(d->options.alpha[f.group] * d->vocabulary[f.group]));
        if (second >= 0)
            forSecond += d->gain(f.group, d->countOf(rowOf[i], second));
        const double weight = d->options.weight[f.group] * d->spreadOf(d->rows[size_t(rowOf[i])].postings.size())
            * (forTop - forSecond);
        if (f.group == LexiconClass && weight > lexiconHitWeight) {
            lexiconHitWeight = weight;
            lexiconTerm = features.hits.at(f.source2).termIndex;
            lexiconKind = features.hits.at(f.source2).kind;
        }
        if (f.group == WordPair) {
            credit(f.source, weight / 2);
            credit(f.source2, weight / 2);
        } else {
            credit(f.source, weight);
        }
    }
    if (e.lexiconTerm >= 0)
        credit(SourceLexicon, e.lexiconBonus);
    std::sort(evidence.begin(), evidence.end(),
              [](const Evidence& a, const Evidence& b) { return a.weight > b.weight; });
    const CategorizationInput::Words words = input.words();
    for (const Evidence& item : evidence) {
        if (item.weight <= 0.05 || prediction.reasons.size() >= 3)
            break;
        QString feature;
        if (item.source == SourceLexicon) {
            if (lexiconTerm < 0 || !d->lexicon)
                continue;
            feature = (lexiconKind == CategoryLexicon::MatchKind::Merchant ? QStringLiteral("knownStore:")
                                                                           : QStringLiteral("keyword:"))
                + d->lexicon->term(lexiconTerm);
        } else if (item.source == SourceStore) {
            if (prediction.sameStoreExamples <= 0)
                continue;
            feature = QStringLiteral("sameStore:") + QString::number(prediction.sameStoreExamples);
        } else if (item.source == SourceAmountBucket) {
            feature = QStringLiteral("similarAmount");
        } else if (item.source == SourceAmountExact) {
            feature = QStringLiteral("sameAmount");
        } else if (item.source == SourceDirection) {
            feature = input.type == TransactionType::Income ? QStringLiteral("moneyIn") : QStringLiteral("moneyOut");
        } else if (item.source < words.size()) {
            feature = QStringLiteral("word:") + words.at(item.source);
        } else {
            continue;
        }
        prediction.reasons.append({feature, item.weight});
    }
    return prediction;
}

void LearnedClassifier::setPrior(std::shared_ptr<const CategoryLexicon> lexicon,
                                 QHash<QString, qint64> categoryIdBySystemKey)
{
    d->lexicon = std::move(lexicon);
    d->idBySystemKey = std::move(categoryIdBySystemKey);
    d->mapPrior();
}

QList<LearnedClassifier::TrackRecord> LearnedClassifier::trackRecord() const
{
    static const char* const names[] = {"store once",      "store twice", "store thrice", "store often", "store mixed",
                                        "store disagrees", "word once",   "word twice",   "word thrice", "word often"};
    QList<TrackRecord> out;
    for (int k = 0; k < ClassCount; ++k) {
        QString name;
        if (k < PosteriorFirst)
            name = QString::fromLatin1(names[k]);
        else if (k <= PosteriorLast)
            name = QStringLiteral("posterior %1").arg(k - PosteriorFirst);
        else
            name = k == LexiconMerchant ? QStringLiteral("lexicon store") : QStringLiteral("lexicon keyword");
        out.append({name, d->classTotal[size_t(k)], d->classCorrect[size_t(k)], d->classConfidence[size_t(k)]});
    }
    return out;
}

int LearnedClassifier::exampleCount() const
{
    return int(d->exampleTotal);
}

void LearnedClassifier::clear()
{
    auto fresh = std::make_unique<Model>(d->options);
    fresh->lexicon = d->lexicon;
    fresh->idBySystemKey = d->idBySystemKey;
    fresh->mapPrior();
    d = std::move(fresh);
}

QByteArray LearnedClassifier::save() const
{
    QByteArray payload;
    {
        QDataStream out(&payload, QIODevice::WriteOnly);
        out.setVersion(QDataStream::Qt_6_4);
        out << qint32(d->options.charGramMin) << qint32(d->options.charGramMax) << d->options.amountBase;
        out << qint64(d->exampleTotal) << quint32(d->categoryIds.size());
        for (size_t c = 0; c < d->categoryIds.size(); ++c) {
            out << d->categoryIds[c] << d->examples[c];
            for (int g = 0; g < GroupCount; ++g)
                out << d->totals[c][g];
        }
        quint32 rowCount = 0;
        for (const Row& row : d->rows)
            rowCount += row.postings.empty() ? 0 : 1;
        out << rowCount;
        for (const Row& row : d->rows) {
            if (row.postings.empty())
                continue;
            out << row.key << row.group << quint32(row.postings.size());
            for (const Posting& p : row.postings)
                out << p.category << p.count;
        }
        out << quint32(ClassCount);
        for (int k = 0; k < ClassCount; ++k)
            out << d->classTotal[size_t(k)] << d->classCorrect[size_t(k)];
    }
    QByteArray data;
    QDataStream out(&data, QIODevice::WriteOnly);
    out.setVersion(QDataStream::Qt_6_4);
    out << kMagic << kFormatVersion << qCompress(payload, 6);
    return data;
}

Result<void> LearnedClassifier::load(const QByteArray& data)
{
    auto refuse = [](const QString& detail) {
        return Error {Error::Code::Corrupt, tr("The saved categorization model is damaged and was not loaded."),
                      detail};
    };
    QDataStream in(data);
    in.setVersion(QDataStream::Qt_6_4);
    quint32 magic = 0;
    quint16 version = 0;
    in >> magic >> version;
    if (in.status() != QDataStream::Ok || magic != kMagic)
        return refuse(QStringLiteral("not a categorization model"));
    if (version != kFormatVersion)
        return Error {Error::Code::NewerVersion,
                      tr("The saved categorization model is of another version and was not loaded."),
                      QStringLiteral("format %1, expected %2").arg(version).arg(kFormatVersion)};
    QByteArray compressed;
    in >> compressed;
    if (in.status() != QDataStream::Ok || !in.atEnd())
        return refuse(QStringLiteral("truncated envelope"));
    const QByteArray payload = qUncompress(compressed);
    if (payload.isEmpty())
        return refuse(QStringLiteral("payload does not decompress"));

    auto model = std::make_unique<Model>(d->options);
    QDataStream s(payload);
    s.setVersion(QDataStream::Qt_6_4);
    qint32 gramMin = 0;
    qint32 gramMax = 0;
    double amountBase = 0;
    qint64 exampleTotal = 0;
    quint32 categoryCount = 0;
    s >> gramMin >> gramMax >> amountBase >> exampleTotal >> categoryCount;
    if (s.status() != QDataStream::Ok)
        return refuse(QStringLiteral("truncated header"));
    if (gramMin != d->options.charGramMin || gramMax != d->options.charGramMax || amountBase != d->options.amountBase)
        return Error {Error::Code::InvalidInput,
                      tr("The saved categorization model was built with other settings and was not loaded."),
                      QStringLiteral("n-grams %1..%2, amount base %3").arg(gramMin).arg(gramMax).arg(amountBase)};
    if (categoryCount > 1'000'000 || exampleTotal < 0)
        return refuse(QStringLiteral("implausible header"));
    qint64 exampleSum = 0;
    for (quint32 c = 0; c < categoryCount; ++c) {
        qint64 id = 0;
        qint32 examples = 0;
        s >> id >> examples;
        if (s.status() != QDataStream::Ok || examples < 0 || model->indexById.contains(id))
            return refuse(QStringLiteral("bad category %1").arg(c));
        const int index = model->categoryIndex(id);
        model->examples[size_t(index)] = examples;
        exampleSum += examples;
        for (int g = 0; g < GroupCount; ++g) {
            s >> model->totals[size_t(index)][g];
            if (model->totals[size_t(index)][g] < 0)
                return refuse(QStringLiteral("bad totals"));
        }
        model->updateDenominators(index);
    }
    if (exampleSum != exampleTotal)
        return refuse(QStringLiteral("example counts disagree"));
    model->exampleTotal = exampleTotal;
    quint32 rowCount = 0;
    s >> rowCount;
    if (s.status() != QDataStream::Ok || rowCount > kMaxRowsOnLoad)
        return refuse(QStringLiteral("bad row count"));
    model->rows.reserve(rowCount);
    model->table.reserve(rowCount);
    for (quint32 r = 0; r < rowCount; ++r) {
        Row row;
        quint32 postings = 0;
        s >> row.key >> row.group >> postings;
        if (s.status() != QDataStream::Ok || row.key == 0 || row.group >= GroupCount || postings == 0
            || postings > categoryCount)
            return refuse(QStringLiteral("bad row %1").arg(r));
        row.postings.resize(postings);
        for (Posting& p : row.postings) {
            s >> p.category >> p.count;
            if (p.category < 0 || quint32(p.category) >= categoryCount || p.count <= 0)
                return refuse(QStringLiteral("bad posting in row %1").arg(r));
        }
        Slot* slot = model->table.findOrInsert(row.key, quint32(model->rows.size()));
        if (slot->row != model->rows.size())
            return refuse(QStringLiteral("repeated row %1").arg(r));
        slot->categories = postings;
        model->rows.push_back(std::move(row));
    }
    quint32 classes = 0;
    s >> classes;
    if (classes != ClassCount)
        return refuse(QStringLiteral("bad calibration"));
    for (size_t k = 0; k < ClassCount; ++k) {
        s >> model->classTotal[k] >> model->classCorrect[k];
        if (model->classTotal[k] < 0 || model->classCorrect[k] < 0 || model->classCorrect[k] > model->classTotal[k])
            return refuse(QStringLiteral("bad calibration"));
    }
    if (s.status() != QDataStream::Ok || !s.atEnd())
        return refuse(QStringLiteral("truncated or trailing data"));
    model->updateCalibration();
    model->updateSpread();
    model->lexicon = d->lexicon;
    model->idBySystemKey = d->idBySystemKey;
    model->mapPrior();
    d = std::move(model);
    return {};
}

} // namespace Moniagent
