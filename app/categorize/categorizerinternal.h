#pragma once

// Shared by the translation units of Categorizer (categorizer.cpp, categorizerrules.cpp, categorizerscan.cpp);
// not part of any public interface.

#include "core/categorizationreason.h"
#include "core/category.h"
#include "learnedclassifier.h"
#include "rulematcher.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <QLoggingCategory>

namespace Moniagent::CategorizerInternal {

Q_DECLARE_LOGGING_CATEGORY(lcCategorizer)

// The stored model's format; LearnedClassifier::load() refuses data it cannot read, which triggers a rebuild.
constexpr int ModelFormatVersion = 1;
// A learned rule starts here; each contradicting correction takes LearnedStep off, and below LearnedFloor it is
// switched off.
constexpr double LearnedConfidence = 0.95;
constexpr double LearnedStep = 0.25;
constexpr double LearnedFloor = 0.5;
// How many recent feedback rows are read (once) to find repeated answers for one store.
constexpr int FeedbackLookback = 2000;
// Answers remembered per store (the newest).
constexpr int AnswersPerStore = 20;
// A model save is delayed this long after a change, so a burst of corrections writes once.
constexpr int SaveDelayMs = 2000;
// Reading the ledger for plan() and preview(): rows per query.
constexpr int ScanChunk = 5000;

inline QString percent(double confidence)
{
    return QLocale().toString(qRound(confidence * 100)) + QLocale().percent();
}

inline QString ruleReason(const RuleMatch& match)
{
    CategorizationRule rule;
    rule.id = match.ruleId;
    rule.type = match.type;
    rule.origin = match.origin;
    rule.pattern = match.pattern;
    return CategorizationReason::rule(rule);
}

inline QString modelReason(const LearnedClassifier::Prediction& prediction)
{
    QStringList features;
    for (const auto& reason : prediction.reasons)
        features << reason.feature;
    return prediction.fromLexicon ? CategorizationReason::lexicon(features)
                                  : CategorizationReason::model(prediction.sameStoreExamples, features);
}

} // namespace Moniagent::CategorizerInternal
