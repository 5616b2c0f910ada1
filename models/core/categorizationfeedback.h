#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QMetaType>
#include <QString>

#include <optional>

namespace Moniagent {

// What the user did with a suggested category; stored as the lower-case key.
enum class FeedbackType
{
    Confirmation, // kept the suggestion
    Correction, // chose another category
};

// One confirmation or correction of a transaction's category (table `categorization_feedback`), the
// material the categorizer learns from.
struct CategorizationFeedback
{
    qint64 id = 0;
    qint64 userId = 0;
    qint64 transactionId = 0;
    std::optional<qint64> suggestedCategoryId;
    std::optional<qint64> confirmedCategoryId;
    std::optional<double> confidenceScore; // of the suggestion, 0..1
    FeedbackType type = FeedbackType::Confirmation;
    QDateTime createdAt; // when adding: stored as given when valid (imports), otherwise the current time
};

class CategorizationFeedbackEnums
{
    Q_DECLARE_TR_FUNCTIONS(CategorizationFeedbackEnums)
public:
    static QString key(FeedbackType type); // empty for a value outside the enum
    static std::optional<FeedbackType> typeFromKey(QStringView key);
    static QString displayName(FeedbackType type);
};

} // namespace Moniagent

Q_DECLARE_METATYPE(Moniagent::CategorizationFeedback)
