// The checking pass of Backup::restore: every record read and checked before anything is written.
#include "backupcontent.h"

namespace Moniagent {

namespace {

template <typename T> Result<void> collect(QList<T>& list, const Result<T>& record)
{
    if (!record)
        return record.error();
    list.append(*record);
    return {};
}

} // namespace

Result<BackupContent> BackupContentReader::read(QIODevice& device, const BackupProgress& progress)
{
    BackupContent content;
    JsonObjectReader reader(device);
    if (auto begun = reader.begin(); !begun)
        return begun.error();
    for (;;) {
        auto key = reader.nextKey();
        if (!key)
            return key.error();
        if (!*key)
            break;
        const QString& name = **key;
        Result<void> read;
        if (name == QLatin1String("format")) {
            auto value = reader.value();
            if (!value)
                return value.error();
            if (value->toString() != BackupFormat::name())
                return damaged(Backup::tr("This is not a Moniagent backup."));
            content.hasFormat = true;
        } else if (name == QLatin1String("version")) {
            auto value = reader.value();
            if (!value)
                return value.error();
            const qint64 version = value->toInteger(0);
            if (version < 1)
                return damaged(Backup::tr("The backup is damaged: its version is not valid."));
            if (version > BackupFormat::Version) {
                return Error {Error::Code::NewerVersion,
                              Backup::tr("This backup was made by a newer Moniagent (backup format %1). Update "
                                         "Moniagent to restore it.")
                                  .arg(version),
                              {}};
            }
            content.version = version;
        } else if (name == QLatin1String("currency") || name == QLatin1String("locale")) {
            auto value = reader.value();
            if (!value)
                return value.error();
            (name == QLatin1String("currency") ? content.currency : content.locale) = value->toString();
        } else if (name == QLatin1String("categories")) {
            read = forEachElement(reader, name, progress, 1, [&](const QJsonValue& v, qint64 n) {
                return collect(content.categories, BackupFormat::readCategory(v, n));
            });
        } else if (name == QLatin1String("invoices")) {
            read = forEachElement(reader, name, progress, 1, [&](const QJsonValue& v, qint64 n) {
                return collect(content.invoices, BackupFormat::readInvoice(v, n));
            });
        } else if (name == QLatin1String("budgets")) {
            read = forEachElement(reader, name, progress, 1, [&](const QJsonValue& v, qint64 n) {
                return collect(content.budgets, BackupFormat::readBudget(v, n));
            });
        } else if (name == QLatin1String("rules")) {
            read = forEachElement(reader, name, progress, 1, [&](const QJsonValue& v, qint64 n) {
                return collect(content.rules, BackupFormat::readRule(v, n));
            });
        } else if (name == QLatin1String("transactions")) {
            read = forEachElement(reader, name, progress, 1, [&](const QJsonValue& v, qint64 n) -> Result<void> {
                auto record = BackupFormat::readTransaction(v, n);
                if (!record)
                    return record.error();
                if (!record->categoryUuid.isEmpty())
                    content.categoryReferences.insert(record->categoryUuid);
                if (!record->invoiceUuid.isEmpty())
                    content.invoiceReferences.insert(record->invoiceUuid);
                ++content.transactions;
                return {};
            });
        } else {
            read = reader.skipValue(); // a member a later version 1 may add
        }
        if (!read)
            return read.error();
    }
    if (!content.hasFormat)
        return damaged(Backup::tr("This is not a Moniagent backup."));
    if (!content.version)
        return damaged(Backup::tr("The backup is damaged: it does not say its version."));
    return content;
}

// The references between the records, and what the database's unique keys would refuse.
Result<void> BackupContentReader::check(const BackupContent& content)
{
    QHash<QString, CategoryType> categories;
    QSet<QString> names;
    QSet<QString> systemKeys;
    for (const Category& c : content.categories) {
        if (categories.contains(c.uuid))
            return damaged(Backup::tr("The backup is damaged: two categories have the same id."));
        if (names.contains(c.name.trimmed().toCaseFolded()))
            return damaged(Backup::tr("The backup is damaged: two categories are named “%1”.").arg(c.name));
        if (!c.systemKey.isEmpty() && systemKeys.contains(c.systemKey))
            return damaged(Backup::tr("The backup is damaged: two categories are the default “%1”.").arg(c.systemKey));
        categories.insert(c.uuid, c.type);
        names.insert(c.name.trimmed().toCaseFolded());
        if (!c.systemKey.isEmpty())
            systemKeys.insert(c.systemKey);
    }
    QSet<QString> invoices;
    QSet<QString> files;
    for (const Invoice& i : content.invoices) {
        if (invoices.contains(i.uuid) || files.contains(i.sha256))
            return damaged(Backup::tr("The backup is damaged: the receipt “%1” is in it twice.").arg(i.filename));
        invoices.insert(i.uuid);
        files.insert(i.sha256);
    }
    QSet<QString> budgeted;
    for (const auto& b : content.budgets) {
        if (!b.categoryUuid.isEmpty() && !categories.contains(b.categoryUuid))
            return damaged(Backup::tr("The backup is damaged: a budget belongs to a category it does not contain."));
        if (categories.value(b.categoryUuid) == CategoryType::Income)
            return damaged(Backup::tr("The backup is damaged: a budget limits an income category."));
        if (budgeted.contains(b.categoryUuid))
            return damaged(Backup::tr("The backup is damaged: a category has two budgets."));
        budgeted.insert(b.categoryUuid);
    }
    QSet<QString> patterns;
    for (const auto& r : content.rules) {
        if (!categories.contains(r.categoryUuid))
            return damaged(Backup::tr("The backup is damaged: a rule belongs to a category it does not contain."));
        const QString pattern = r.rule.type == RuleType::Regex ? r.rule.pattern : r.rule.pattern.trimmed();
        const QString key = CategorizationRuleEnums::key(r.rule.type) + u'\n' + pattern;
        if (patterns.contains(key))
            return damaged(Backup::tr("The backup is damaged: the rule “%1” is in it twice.").arg(pattern));
        patterns.insert(key);
    }
    for (const QString& uuid : content.categoryReferences) {
        if (!categories.contains(uuid))
            return damaged(
                Backup::tr("The backup is damaged: a transaction belongs to a category it does not contain."));
    }
    for (const QString& uuid : content.invoiceReferences) {
        if (!invoices.contains(uuid))
            return damaged(Backup::tr("The backup is damaged: a transaction refers to a receipt it does not contain."));
    }
    if (!content.currency.isEmpty() && !Currency::fromCode(content.currency).isValid())
        return damaged(Backup::tr("The backup is damaged: “%1” is not a currency.").arg(content.currency));
    return {};
}

} // namespace Moniagent
