#pragma once

#include "money.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QMetaType>
#include <QString>

#include <optional>

namespace Moniagent {

enum class TransactionType
{
    Expense,
    Income
};

// Where a transaction came from; stored as the lower-case key ('manual', 'text', …).
enum class TransactionSource
{
    Manual,
    Text,
    Image,
    Pdf,
    Gmail,
    Outlook,
    Imap,
    Import,
    Api
};

// Who chose the category; None while uncategorized.
enum class CategorizedBy
{
    None,
    User,
    Rule,
    Model,
    Llm
};

// One row of the ledger (table `transactions`). The amount is always positive; `type` gives the direction.
struct Transaction
{
    qint64 id = 0;
    QString uuid;
    qint64 userId = 0;
    std::optional<qint64> categoryId;
    std::optional<qint64> invoiceId;
    std::optional<qint64> emailId;
    TransactionType type = TransactionType::Expense;
    Money amount;
    QDate occurredOn;
    QString merchant;
    QString description;
    QString notes;
    TransactionSource source = TransactionSource::Manual;
    QJsonObject sourceMetadata;
    QString externalId;
    bool confirmedByUser = false;
    std::optional<double> categoryConfidence;
    CategorizedBy categorizedBy = CategorizedBy::None;
    QDateTime createdAt;
    QDateTime updatedAt;

    // Signed minor units: negative for expenses. Display and sorting use this.
    qint64 signedMinor() const { return type == TransactionType::Expense ? -amount.minor() : amount.minor(); }
};

class TransactionEnums
{
    Q_DECLARE_TR_FUNCTIONS(TransactionEnums)
public:
    static QString key(TransactionType type);
    static std::optional<TransactionType> typeFromKey(QStringView key);
    static QString displayName(TransactionType type);

    static QString key(TransactionSource source);
    static std::optional<TransactionSource> sourceFromKey(QStringView key);
    static QString displayName(TransactionSource source);
    static QList<TransactionSource> allSources();

    static QString key(CategorizedBy by); // empty for None
    static CategorizedBy categorizedByFromKey(QStringView key);
};

} // namespace Moniagent

Q_DECLARE_METATYPE(Moniagent::Transaction)
