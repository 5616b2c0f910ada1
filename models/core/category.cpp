#include "category.h"

namespace Moniagent {

QString CategoryEnums::key(CategoryType type)
{
    switch (type) {
    case CategoryType::Expense:
        return QStringLiteral("expense");
    case CategoryType::Income:
        return QStringLiteral("income");
    case CategoryType::Both:
        return QStringLiteral("both");
    }
    return QStringLiteral("expense");
}

std::optional<CategoryType> CategoryEnums::typeFromKey(QStringView key)
{
    if (key == u"expense")
        return CategoryType::Expense;
    if (key == u"income")
        return CategoryType::Income;
    if (key == u"both")
        return CategoryType::Both;
    return std::nullopt;
}

QString CategoryEnums::displayName(CategoryType type)
{
    switch (type) {
    case CategoryType::Expense:
        return tr("Expense");
    case CategoryType::Income:
        return tr("Income");
    case CategoryType::Both:
        return tr("Income and expense");
    }
    return {};
}

} // namespace Moniagent
