#pragma once

#include "core/category.h"
#include "core/result.h"

#include <QObject>

#include <optional>

namespace Moniagent {

class Database;

// The categories of one user. Default (system) categories can be renamed and recolored but not deleted.
class CategoryRepository : public QObject
{
    Q_OBJECT
public:
    explicit CategoryRepository(Database* database, QObject* parent = nullptr);

    static Result<void> validate(const Category& category);

    // In display order, then by name.
    Result<QList<Category>> list(qint64 userId) const;
    Result<Category> find(qint64 userId, qint64 id) const;
    // Case-insensitive match on the name, then on the system key (so "Groceries" finds "Lebensmittel").
    Result<Category> findByName(qint64 userId, const QString& name) const;

    Result<qint64> add(qint64 userId, Category category);
    Result<void> update(qint64 userId, const Category& category);
    // Deletes a user category. Its transactions move to `reassignTo` (same user) or become uncategorized.
    Result<void> remove(qint64 userId, qint64 id, std::optional<qint64> reassignTo = std::nullopt);
    // Renumbers display_order to follow `orderedIds`.
    Result<void> reorder(qint64 userId, const QList<qint64>& orderedIds);
    // Adds the localized default set to a new profile (inside the caller's transaction, if any).
    Result<void> addDefaults(qint64 userId);
    // How many of the user's transactions use the category.
    Result<qint64> usageCount(qint64 userId, qint64 id) const;

Q_SIGNALS:
    void changed(qint64 userId);

private:
    Database* m_database;
};

} // namespace Moniagent
