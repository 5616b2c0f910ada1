#pragma once

#include "categorizationinput.h"
#include "core/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>

#include <array>
#include <memory>
#include <optional>
#include <vector>

namespace Moniagent {

class CategoryLexicon;

// The per-user categorization model (DESIGN.md §4): learns online from the transactions the user confirmed
// and suggests a category with a calibrated confidence.
//
// It is a naive Bayes model over hashed features (the store, words, word pairs, character n-grams, the
// amount's order of magnitude and the exact amount, the direction), each feature group its own multinomial
// with its own weight. The confidence is the model's posterior mapped through a calibration table that the
// model keeps for its user: before each example is learned, the model predicts it and records whether it was
// right, so "0.9" comes to mean "right nine times out of ten for this user" (with a cautious starting curve
// while there is little history). An optional lexicon of well-known stores and words gives suggestions before
// the user has taught anything; the user's own confirmations outweigh it.
//
// Not thread-safe for writing; const member functions may run concurrently with each other.
class LearnedClassifier
{
    Q_DECLARE_TR_FUNCTIONS(Moniagent::LearnedClassifier)

public:
    struct Reason
    {
        // Language-neutral code, e.g. "word:tesco", "sameStore:5" (CategorizationReason::describeFeature()
        // translates it).
        QString feature;
        double weight = 0; // evidence in nats for the chosen category over the runner-up
    };
    struct Prediction
    {
        qint64 categoryId = 0;
        double confidence = 0; // calibrated probability that the category is right, 0..1
        int sameStoreExamples = 0; // confirmed examples with the same merchantKey and this category
        bool fromLexicon = false; // decided by built-in knowledge, not the user's data
        QList<Reason> reasons; // the strongest features that decided, strongest first (at most 3)
    };

    // Feature groups; each is a separate multinomial with its own smoothing and weight.
    enum Group
    {
        Store, // the whole merchantKey
        Word,
        WordPair, // two neighbouring words
        CharGram, // character n-grams of the text, across word boundaries
        AmountBucket, // order of magnitude of the amount in major units, with the direction
        AmountExact, // the exact amount and currency, with the direction: recurring payments
        Direction,
        LexiconClass, // the default category the lexicon names for a store or word: generalizes across stores
        GroupCount
    };
    // Tuning knobs (the defaults are what tests/bench/categorize_tune measured best).
    struct Options
    {
        std::array<double, GroupCount> weight {2.0, 1.0, 1.0, 0.0, 0.5, 0.5, 1.0, 3.0};
        std::array<double, GroupCount> alpha {0.1, 0.1, 0.1, 0.1, 0.5, 0.5, 1.0, 0.1};
        bool charGramsForNewWordsOnly = true; // score n-grams only of words the model has not seen
        int charGramMin = 3;
        int charGramMax = 5;
        double amountBase = 2.0; // bucket width as a factor
        double priorWeight = 1.0; // weight of the category frequencies
        double priorSmoothing = 1.0; // pseudo-count per category in the prior
        double temperature = 1.0; // the posterior is softmax(score / temperature)
        // Features seen in many categories say little: each counts log((K+1)/k)/log(K+1) to this power
        // (k categories have it out of K). 0 is plain naive Bayes.
        double spread = 1.0;
        double minFactor = 0.1; // features counting less than this are skipped (they are also the slowest)
        double lexiconMerchantBonus = 5.0; // nats for a category the lexicon names by store
        double lexiconKeywordBonus = 3.0; // nats for a category the lexicon names by a word
        double lexiconLengthBonus = 0.5; // nats per further word of a longer, more specific term
        double lexiconMerchantCap = 0.85; // confidence ceilings of a decision the lexicon made
        double lexiconKeywordCap = 0.7;
        bool calibrate = true; // confidence from the user's own track record (else the raw posterior)
        double caution = 0.0; // standard deviations taken off a track record's estimated accuracy
        double autoAccuracy = 0.97; // the accuracy that confidence 0.9 (the default auto threshold) stands for
    };

    LearnedClassifier();
    explicit LearnedClassifier(const Options& options);
    ~LearnedClassifier();
    LearnedClassifier(const LearnedClassifier&);
    LearnedClassifier& operator=(const LearnedClassifier&);
    LearnedClassifier(LearnedClassifier&&) noexcept;
    LearnedClassifier& operator=(LearnedClassifier&&) noexcept;

    const Options& options() const;

    // Learn one confirmed example / take one back (when the user changes a category they had confirmed, or
    // deletes it). forget() right after learn() of the same example restores the model exactly.
    void learn(const CategorizationInput& input, qint64 categoryId);
    void forget(const CategorizationInput& input, qint64 categoryId);
    // The best category among `allowed` (all known categories when empty), or nullopt when there is nothing
    // to go on (no example and no lexicon hit).
    std::optional<Prediction> predict(const CategorizationInput& input, const QList<qint64>& allowed = {}) const;
    // Built-in prior knowledge: the lexicon plus which of the user's category ids each default category key
    // maps to. Not saved: the owner sets it again after load().
    void setPrior(std::shared_ptr<const CategoryLexicon> lexicon, QHash<QString, qint64> categoryIdBySystemKey);

    // How often predictions were right, per kind of evidence (diagnostics, tuning).
    struct TrackRecord
    {
        QString evidence; // untranslated name: "store once", "posterior 3", …
        int predictions = 0;
        int right = 0;
        double confidence = 0; // what a prediction on this evidence now gets
    };
    QList<TrackRecord> trackRecord() const;

    int exampleCount() const;
    void clear();
    // Versioned binary (QDataStream), compact.
    QByteArray save() const;
    // Refuses garbage and other versions with an Error, leaving the model unchanged.
    Result<void> load(const QByteArray& data);

private:
    struct Model;
    std::unique_ptr<Model> d;
};

} // namespace Moniagent
