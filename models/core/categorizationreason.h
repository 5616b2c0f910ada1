#pragma once

#include "categorizationrule.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

namespace Moniagent {

// Why the categorizer chose a transaction's category, as stored with the transaction
// (Transaction::sourceMetadata[MetadataKey]) and shown, translated, in the ledger's tooltip and "Why this
// category?". The stored form is language-neutral JSON, one object per decision:
//   {"by": "rule", "rule_id": 12, "rule_type": "keyword", "pattern": "TESCO", "origin": "user"}
//   {"by": "model", "examples": 5}        learned from 5 earlier transactions
//   {"by": "lexicon", "term": "pharmacy"} built-in knowledge of store names
//   {"by": "llm", "model": "llama3.1"}    a language model's suggestion
// Readers ignore keys they do not know, so later versions can add detail.
class CategorizationReason
{
    Q_DECLARE_TR_FUNCTIONS(Moniagent::CategorizationReason)
public:
    static constexpr QLatin1StringView MetadataKey {"categorization"};

    static QJsonObject rule(const CategorizationRule& rule);
    static QJsonObject model(qint64 examples);
    static QJsonObject lexicon(const QString& term);
    static QJsonObject llm(const QString& model);

    // The stored reason of a transaction's source metadata (empty when there is none).
    static QJsonObject fromMetadata(const QJsonObject& sourceMetadata);
    // The rule a reason names, or 0.
    static qint64 ruleId(const QJsonObject& reason);

    // The reason in the current language, e.g. "rule: contains “TESCO”", "learned from 5 earlier
    // transactions"; empty for an empty or unknown reason.
    static QString describe(const QJsonObject& reason);
};

} // namespace Moniagent
