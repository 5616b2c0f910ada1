#include "categoryrepository.h"

#include "core/defaultcategories.h"
#include "database.h"
#include "sql.h"
#include "sqltransaction.h"

#include <QColor>

namespace Moniagent {

namespace {

const QString Columns = QStringLiteral(
    "id, uuid, user_id, name, system_key, description, icon, color, type, is_system, display_order, created_at, "
    "updated_at");

Category read(const QSqlQuery& q)
{
    Category c;
    c.id = q.value(0).toLongLong();
    c.uuid = q.value(1).toString();
    c.userId = q.value(2).toLongLong();
    c.name = q.value(3).toString();
    c.systemKey = q.value(4).toString();
    c.description = q.value(5).toString();
    c.icon = q.value(6).toString();
    c.color = q.value(7).toString();
    c.type = CategoryEnums::typeFromKey(q.value(8).toString()).value_or(CategoryType::Expense);
    c.isSystem = q.value(9).toInt() != 0;
    c.displayOrder = q.value(10).toInt();
    c.createdAt = Sql::parseIsoTimestamp(q.value(11));
    c.updatedAt = Sql::parseIsoTimestamp(q.value(12));
    return c;
}

Error nameConflict(const QString& name)
{
    return Error::conflict(CategoryRepository::tr("A category named “%1” already exists.").arg(name));
}

} // namespace

CategoryRepository::CategoryRepository(Database* database, QObject* parent)
    : QObject(parent)
    , m_database(database)
{ }

Result<void> CategoryRepository::validate(const Category& category)
{
    if (category.name.trimmed().isEmpty())
        return Error::invalidInput(tr("Enter a name for the category."));
    if (category.name.trimmed().size() > 80)
        return Error::invalidInput(tr("The category name is too long (at most 80 characters)."));
    if (!QColor::isValidColorName(category.color) || category.color.size() != 7 || !category.color.startsWith(u'#'))
        return Error::invalidInput(tr("Choose a color for the category."));
    return {};
}

Result<QList<Category>> CategoryRepository::list(qint64 userId) const
{
    auto query = Sql::exec(
        m_database->connection(),
        QStringLiteral("SELECT %1 FROM categories WHERE user_id = ? ORDER BY display_order, name").arg(Columns),
        {userId});
    if (!query)
        return query.error();
    QList<Category> categories;
    while (query->next())
        categories << read(*query);
    return categories;
}

Result<Category> CategoryRepository::find(qint64 userId, qint64 id) const
{
    auto query = Sql::exec(m_database->connection(),
                           QStringLiteral("SELECT %1 FROM categories WHERE user_id = ? AND id = ?").arg(Columns),
                           {userId, id});
    if (!query)
        return query.error();
    if (!query->next())
        return Error::notFound(tr("The category no longer exists."));
    return read(*query);
}

Result<Category> CategoryRepository::findByName(qint64 userId, const QString& name) const
{
    auto query = Sql::exec(m_database->connection(),
                           QStringLiteral("SELECT %1 FROM categories WHERE user_id = ? AND (name = ? OR system_key = ? "
                                          "COLLATE NOCASE) ORDER BY name = ? DESC LIMIT 1")
                               .arg(Columns),
                           {userId, name.trimmed(), name.trimmed(), name.trimmed()});
    if (!query)
        return query.error();
    if (!query->next())
        return Error::notFound(tr("There is no category named “%1”.").arg(name.trimmed()));
    return read(*query);
}

Result<qint64> CategoryRepository::add(qint64 userId, Category category)
{
    auto valid = validate(category);
    if (!valid)
        return valid.error();
    auto result = Sql::exec(
        m_database->connection(),
        QStringLiteral(
            "INSERT INTO categories (uuid, user_id, name, system_key, description, icon, color, type, is_system, "
            "display_order) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
            "coalesce(?, (SELECT coalesce(max(display_order), 0) + 10 FROM categories WHERE user_id = ?)))"),
        {category.uuid.isEmpty() ? Sql::newUuid() : category.uuid, userId, category.name.trimmed(),
         Sql::nullableText(category.systemKey), category.description, category.icon, category.color.toUpper(),
         CategoryEnums::key(category.type), category.isSystem ? 1 : 0,
         category.isSystem ? QVariant(category.displayOrder) : QVariant(), userId});
    if (!result) {
        if (result.error().detail.contains(QLatin1String("categories.name")))
            return nameConflict(category.name.trimmed());
        return result.error();
    }
    const qint64 id = result->lastInsertId().toLongLong();
    Q_EMIT changed(userId);
    return id;
}

Result<void> CategoryRepository::update(qint64 userId, const Category& category)
{
    auto valid = validate(category);
    if (!valid)
        return valid.error();
    auto result
        = Sql::exec(m_database->connection(),
                    QStringLiteral("UPDATE categories SET name = ?, description = ?, icon = ?, color = ?, type = ?, "
                                   "display_order = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') "
                                   "WHERE id = ? AND user_id = ?"),
                    {category.name.trimmed(), category.description, category.icon, category.color.toUpper(),
                     CategoryEnums::key(category.type), category.displayOrder, category.id, userId});
    if (!result) {
        if (result.error().detail.contains(QLatin1String("categories.name")))
            return nameConflict(category.name.trimmed());
        return result.error();
    }
    if (result->numRowsAffected() == 0)
        return Error::notFound(tr("The category no longer exists."));
    Q_EMIT changed(userId);
    return {};
}

Result<void> CategoryRepository::remove(qint64 userId, qint64 id, std::optional<qint64> reassignTo)
{
    auto category = find(userId, id);
    if (!category)
        return category.error();
    if (category->isSystem)
        return Error::invalidInput(
            tr("“%1” is a default category and cannot be deleted. You can rename it instead.").arg(category->name));
    if (reassignTo && *reassignTo == id)
        return Error::invalidInput(tr("Choose a different category for the transactions."));

    QSqlDatabase db = m_database->connection();
    SqlTransaction transaction(db);
    if (!transaction.isActive())
        return transaction.error();
    if (reassignTo) {
        auto target = find(userId, *reassignTo);
        if (!target)
            return target.error();
        auto moved = Sql::exec(
            db,
            QStringLiteral("UPDATE transactions SET category_id = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', "
                           "'now') WHERE user_id = ? AND category_id = ?"),
            {*reassignTo, userId, id});
        if (!moved)
            return moved.error();
    }
    auto removed = Sql::exec(db, QStringLiteral("DELETE FROM categories WHERE id = ? AND user_id = ?"), {id, userId});
    if (!removed)
        return removed.error();
    auto committed = transaction.commit();
    if (!committed)
        return committed.error();
    Q_EMIT changed(userId);
    return {};
}

Result<void> CategoryRepository::reorder(qint64 userId, const QList<qint64>& orderedIds)
{
    QSqlDatabase db = m_database->connection();
    SqlTransaction transaction(db);
    if (!transaction.isActive())
        return transaction.error();
    int order = 0;
    for (qint64 id : orderedIds) {
        order += 10;
        auto result
            = Sql::exec(db, QStringLiteral("UPDATE categories SET display_order = ? WHERE id = ? AND user_id = ?"),
                        {order, id, userId});
        if (!result)
            return result.error();
    }
    auto committed = transaction.commit();
    if (!committed)
        return committed.error();
    Q_EMIT changed(userId);
    return {};
}

Result<void> CategoryRepository::addDefaults(qint64 userId)
{
    QSqlDatabase db = m_database->connection();
    SqlTransaction transaction(db);
    if (!transaction.isActive())
        return transaction.error();
    for (const Category& category : DefaultCategories::forNewProfile()) {
        auto result
            = Sql::exec(db,
                        QStringLiteral("INSERT INTO categories (uuid, user_id, name, system_key, icon, color, type, "
                                       "is_system, display_order) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?)"),
                        {Sql::newUuid(), userId, category.name, category.systemKey, category.icon, category.color,
                         CategoryEnums::key(category.type), category.displayOrder});
        if (!result)
            return result.error();
    }
    auto committed = transaction.commit();
    if (!committed)
        return committed.error();
    Q_EMIT changed(userId);
    return {};
}

Result<qint64> CategoryRepository::usageCount(qint64 userId, qint64 id) const
{
    auto value = Sql::scalar(m_database->connection(),
                             QStringLiteral("SELECT count(*) FROM transactions WHERE user_id = ? AND category_id = ?"),
                             {userId, id});
    if (!value)
        return value.error();
    return value->toLongLong();
}

} // namespace Moniagent
