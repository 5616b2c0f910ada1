#pragma once

#include "categorizationrule.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace Moniagent {

// Why the categorizer chose a transaction's category, as stored with the transaction
// (Transaction::sourceMetadata[MetadataKey]) and shown, translated, in the ledger's tooltip and "Why this
// category?".
//
// Stored form: one language-neutral string in form encoding (cheap to write for every arriving transaction,
// which matters at 200,000 categorizations per second), e.g.
//   "by=rule&ruleType=keyword&pattern=TESCO&origin=user&ruleId=12"
//   "by=model&storeExamples=5&features=word:tesco&features=sameAmount"   learned from earlier transactions
//   "by=lexicon&storeExamples=0&features=knownStore:pharmacy"              built-in knowledge of store names
//   "by=llm&model=llama3.1"                                                a language model's suggestion
// '%', '&' and '=' inside values are percent-encoded. Older versions stored the same keys as a JSON object;
// both are read. Read back, a reason is a JSON object with those keys ("features" an array, "storeExamples"
// and "ruleId" numbers). Readers ignore keys they do not know, so later versions can add detail.
//
// Features are codes, translated only when shown: "word:<w>", "knownStore:<term>", "keyword:<term>",
// "sameStore:<n>", "similarAmount", "sameAmount", "moneyIn", "moneyOut". Anything else is shown as it is.
class CategorizationReason
{
    Q_DECLARE_TR_FUNCTIONS(Moniagent::CategorizationReason)
public:
    static constexpr QLatin1StringView MetadataKey {"categorization"};

    static QString rule(const CategorizationRule& rule);
    static QString model(qint64 storeExamples, const QStringList& features = {});
    static QString lexicon(const QStringList& features);
    static QString llm(const QString& model = {});

    // The stored reason of a transaction's source metadata (empty when there is none), in either stored form.
    static QJsonObject fromMetadata(const QJsonObject& sourceMetadata);
    // A stored string read back; empty when it is not one.
    static QJsonObject parse(QStringView stored);
    // Whether a reason names this rule: by id when it carries one, else by type and pattern.
    static bool isRule(const QJsonObject& reason, const CategorizationRule& rule);

    // The reason in the current language, e.g. "rule: contains “TESCO”", "learned from 5 earlier
    // transactions at this store"; empty for an empty or unknown reason.
    static QString describe(const QJsonObject& reason);
    // One feature code in the current language: "word:tesco" -> "word “tesco”".
    static QString describeFeature(const QString& feature);
};

} // namespace Moniagent
