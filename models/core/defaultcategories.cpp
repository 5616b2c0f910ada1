#include "defaultcategories.h"

namespace Moniagent {

const QList<DefaultCategories::Entry>& DefaultCategories::entries()
{
    static const QList<Entry> list = {
        {QT_TRANSLATE_NOOP("DefaultCategories", "Groceries"), CategoryType::Expense, "cart", "#16A34A"},
        {QT_TRANSLATE_NOOP("DefaultCategories", "Dining & Drinks"), CategoryType::Expense, "dining", "#EA580C"},
        {QT_TRANSLATE_NOOP("DefaultCategories", "Transport & Car"), CategoryType::Expense, "car", "#2563EB"},
        {QT_TRANSLATE_NOOP("DefaultCategories", "Shopping"), CategoryType::Expense, "bag", "#DB2777"},
        {QT_TRANSLATE_NOOP("DefaultCategories", "Clothing & Personal Care"), CategoryType::Expense, "shirt", "#C026D3"},
        {QT_TRANSLATE_NOOP("DefaultCategories", "Housing"), CategoryType::Expense, "home", "#7C3AED"},
        {QT_TRANSLATE_NOOP("DefaultCategories", "Bills & Utilities"), CategoryType::Expense, "bolt", "#CA8A04"},
        {QT_TRANSLATE_NOOP("DefaultCategories", "Subscriptions"), CategoryType::Expense, "repeat", "#0891B2"},
        {QT_TRANSLATE_NOOP("DefaultCategories", "Health"), CategoryType::Expense, "health", "#DC2626"},
        {QT_TRANSLATE_NOOP("DefaultCategories", "Entertainment & Leisure"), CategoryType::Expense, "ticket", "#9333EA"},
        {QT_TRANSLATE_NOOP("DefaultCategories", "Travel"), CategoryType::Expense, "plane", "#0284C7"},
        {QT_TRANSLATE_NOOP("DefaultCategories", "Insurance"), CategoryType::Expense, "shield", "#475569"},
        {QT_TRANSLATE_NOOP("DefaultCategories", "Home & Garden"), CategoryType::Expense, "plant", "#65A30D"},
        {QT_TRANSLATE_NOOP("DefaultCategories", "Pets"), CategoryType::Expense, "paw", "#B45309"},
        {QT_TRANSLATE_NOOP("DefaultCategories", "Kids & Education"), CategoryType::Expense, "school", "#4F46E5"},
        {QT_TRANSLATE_NOOP("DefaultCategories", "Gifts & Donations"), CategoryType::Expense, "gift", "#E11D48"},
        {QT_TRANSLATE_NOOP("DefaultCategories", "Taxes & Government"), CategoryType::Expense, "bank", "#57534E"},
        {QT_TRANSLATE_NOOP("DefaultCategories", "Fees & Charges"), CategoryType::Expense, "receipt", "#78716C"},
        {QT_TRANSLATE_NOOP("DefaultCategories", "Loans & Credit"), CategoryType::Expense, "credit-card", "#9F1239"},
        {QT_TRANSLATE_NOOP("DefaultCategories", "Business"), CategoryType::Expense, "briefcase", "#1E40AF"},
        {QT_TRANSLATE_NOOP("DefaultCategories", "Gambling"), CategoryType::Expense, "dice", "#A16207"},
        {QT_TRANSLATE_NOOP("DefaultCategories", "Cash"), CategoryType::Expense, "cash", "#15803D"},
        {QT_TRANSLATE_NOOP("DefaultCategories", "Other"), CategoryType::Expense, "dots", "#64748B"},
        {QT_TRANSLATE_NOOP("DefaultCategories", "Transfers"), CategoryType::Both, "transfer", "#0F766E"},
        {QT_TRANSLATE_NOOP("DefaultCategories", "Savings & Investments"), CategoryType::Both, "piggy-bank", "#0D9488"},
        {QT_TRANSLATE_NOOP("DefaultCategories", "Salary"), CategoryType::Income, "wallet", "#059669"},
        {QT_TRANSLATE_NOOP("DefaultCategories", "Benefits"), CategoryType::Income, "hand-heart", "#10B981"},
        {QT_TRANSLATE_NOOP("DefaultCategories", "Interest & Dividends"), CategoryType::Income, "percent", "#14B8A6"},
        {QT_TRANSLATE_NOOP("DefaultCategories", "Refunds"), CategoryType::Income, "undo-arrow", "#22C55E"},
        {QT_TRANSLATE_NOOP("DefaultCategories", "Other Income"), CategoryType::Income, "plus-circle", "#4D7C0F"},
    };
    return list;
}

QString DefaultCategories::displayName(const char* key)
{
    return QCoreApplication::translate("DefaultCategories", key);
}

QString DefaultCategories::displayName(const QString& key)
{
    const QByteArray utf8 = key.toUtf8();
    return QCoreApplication::translate("DefaultCategories", utf8.constData());
}

QList<Category> DefaultCategories::forNewProfile()
{
    QList<Category> categories;
    int order = 0;
    for (const Entry& entry : entries()) {
        Category category;
        category.name = displayName(entry.key);
        category.systemKey = QString::fromUtf8(entry.key);
        category.icon = QString::fromLatin1(entry.icon);
        category.color = QString::fromLatin1(entry.color);
        category.type = entry.type;
        category.isSystem = true;
        category.displayOrder = order;
        order += 10;
        categories.append(category);
    }
    return categories;
}

QStringList DefaultCategories::iconKeys()
{
    return {
        QStringLiteral("tag"),        QStringLiteral("cart"),        QStringLiteral("dining"),
        QStringLiteral("coffee"),     QStringLiteral("car"),         QStringLiteral("fuel"),
        QStringLiteral("train"),      QStringLiteral("plane"),       QStringLiteral("bag"),
        QStringLiteral("shirt"),      QStringLiteral("home"),        QStringLiteral("bolt"),
        QStringLiteral("wifi"),       QStringLiteral("phone"),       QStringLiteral("repeat"),
        QStringLiteral("health"),     QStringLiteral("heart"),       QStringLiteral("ticket"),
        QStringLiteral("film"),       QStringLiteral("music"),       QStringLiteral("book"),
        QStringLiteral("sport"),      QStringLiteral("shield"),      QStringLiteral("plant"),
        QStringLiteral("tools"),      QStringLiteral("paw"),         QStringLiteral("baby"),
        QStringLiteral("school"),     QStringLiteral("gift"),        QStringLiteral("bank"),
        QStringLiteral("receipt"),    QStringLiteral("credit-card"), QStringLiteral("briefcase"),
        QStringLiteral("dice"),       QStringLiteral("cash"),        QStringLiteral("wallet"),
        QStringLiteral("piggy-bank"), QStringLiteral("transfer"),    QStringLiteral("hand-heart"),
        QStringLiteral("percent"),    QStringLiteral("undo-arrow"),  QStringLiteral("plus-circle"),
        QStringLiteral("star"),       QStringLiteral("dots"),
    };
}

} // namespace Moniagent
