#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QMetaType>
#include <QString>

#include <optional>

namespace Moniagent {

// What a model was asked to do; stored as 'invoice_processing', 'categorization', 'advice',
// 'email_extraction', 'chat'.
enum class AiInteractionType
{
    InvoiceProcessing,
    Categorization,
    Advice,
    EmailExtraction,
    Chat
};

// One call to a model, with what went in and what came out (table `ai_interactions`). `userId` is empty
// for calls not made on behalf of a profile (e.g. a connection test in the settings).
struct AiInteraction
{
    qint64 id = 0;
    std::optional<qint64> userId;
    std::optional<qint64> sessionId;
    AiInteractionType type = AiInteractionType::Chat;
    QString inputData;
    QString outputData;
    QString modelUsed;
    QDateTime createdAt; // UTC; the database's current time when not given
};

class AiInteractionEnums
{
    Q_DECLARE_TR_FUNCTIONS(AiInteractionEnums)
public:
    static QString key(AiInteractionType type);
    static std::optional<AiInteractionType> typeFromKey(QStringView key);
    static QString displayName(AiInteractionType type);
    static QList<AiInteractionType> allTypes();
};

} // namespace Moniagent

Q_DECLARE_METATYPE(Moniagent::AiInteraction)
