#pragma once

#include "categorizationrule.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace Moniagent {

// Why the categorizer chose a transaction's category, as stored with the transaction
// (Transaction::sourceMetadata[MetadataKey]) and shown, translated, in the ledger's tooltip and "Why this
// category?". The stored form is language-neutral JSON, one object per decision:
//   {"by": "rule", "ruleType": "keyword", "pattern": "TESCO", "origin": "user", "ruleId": 12}
//   {"by": "model", "storeExamples": 5, "features": ["tesco"]}  learned from earlier transactions
//   {"by": "lexicon", "storeExamples": 0, "features": ["pharmacy"]} built-in knowledge of store names
//   {"by": "llm", "model": "llama3.1"}                         a language model's suggestion
// "ruleId" and "model" are optional. Readers ignore keys they do not know, so later versions can add detail.
class CategorizationReason
{
    Q_DECLARE_TR_FUNCTIONS(Moniagent::CategorizationReason)
public:
    static constexpr QLatin1StringView MetadataKey {"categorization"};

    static QJsonObject rule(const CategorizationRule& rule);
    static QJsonObject model(qint64 storeExamples, const QStringList& features = {});
    static QJsonObject lexicon(const QStringList& features);
    static QJsonObject llm(const QString& model = {});

    // The stored reason of a transaction's source metadata (empty when there is none).
    static QJsonObject fromMetadata(const QJsonObject& sourceMetadata);
    // Whether a reason names this rule: by id when it carries one, else by type and pattern.
    static bool isRule(const QJsonObject& reason, const CategorizationRule& rule);

    // The reason in the current language, e.g. "rule: contains “TESCO”", "learned from 5 earlier
    // transactions at this store"; empty for an empty or unknown reason.
    static QString describe(const QJsonObject& reason);
};

} // namespace Moniagent
