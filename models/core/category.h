#pragma once

#include "transaction.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QMetaType>
#include <QString>

#include <optional>

namespace Moniagent {

enum class CategoryType
{
    Expense,
    Income,
    Both
};

// A category of the ledger (table `categories`). Default categories carry their English name as
// `systemKey`, a stable key whatever the user renames them to; they cannot be deleted.
struct Category
{
    qint64 id = 0;
    QString uuid;
    qint64 userId = 0;
    QString name;
    QString systemKey;
    QString description;
    QString icon = QStringLiteral("tag");
    QString color = QStringLiteral("#64748B");
    CategoryType type = CategoryType::Expense;
    bool isSystem = false;
    int displayOrder = 0;
    QDateTime createdAt;
    QDateTime updatedAt;

    bool appliesToExpenses() const { return type != CategoryType::Income; }
    bool appliesToIncome() const { return type != CategoryType::Expense; }
    bool appliesTo(TransactionType direction) const
    {
        return direction == TransactionType::Expense ? appliesToExpenses() : appliesToIncome();
    }
};

class CategoryEnums
{
    Q_DECLARE_TR_FUNCTIONS(CategoryEnums)
public:
    static QString key(CategoryType type);
    static std::optional<CategoryType> typeFromKey(QStringView key);
    static QString displayName(CategoryType type);
};

} // namespace Moniagent

Q_DECLARE_METATYPE(Moniagent::Category)
