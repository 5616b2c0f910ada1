#pragma once

#include <QByteArray>

namespace Moniagent {

// How the categorizer behaves for one user (table `categorization_settings`).
struct CategorizationSettings
{
    static constexpr double DefaultAutoApplyThreshold = 0.9;
    static constexpr int DefaultLearnRuleAfter = 2;

    // A suggestion at or above this confidence is applied; below it the transaction waits for review.
    double autoApplyThreshold = DefaultAutoApplyThreshold; // 0.5..1
    // Consistent corrections of one store before a learned exact-match rule is made.
    int learnRuleAfter = DefaultLearnRuleAfter; // 1..100
    // Ask the configured language model when rules and the learned model are unsure.
    bool useLlm = false;

    friend bool operator==(const CategorizationSettings&, const CategorizationSettings&) = default;
};

// The stored form of a user's learned categorization model (table `categorization_models`).
struct StoredCategorizationModel
{
    int formatVersion = 0;
    QByteArray data;
    qint64 exampleCount = 0;
    qint64 feedbackId = 0; // newest feedback row the model has learned
    qint64 ledgerRows = 0; // the user's transactions when it was saved
};

} // namespace Moniagent
