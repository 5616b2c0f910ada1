#pragma once

#include "core/category.h"
#include "core/transaction.h"

#include <QAbstractTableModel>
#include <QHash>

#include <optional>

namespace Moniagent {

class CategoryRepository;

// The categories of one user, in display order. Names, icons, colors and types are edited through the
// repository; the model reloads whenever the repository reports a change for its user. For pickers it
// can be limited to the categories that apply to expenses or to income, with an "Uncategorized" row first.
class CategoryModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        NameColumn,
        TypeColumn,
        ColumnCount
    };
    enum Role
    {
        IdRole = Qt::UserRole + 1, // qint64, or invalid for the "Uncategorized" row
        IconRole, // icon key
        ColorRole, // QColor
        TypeRole, // int(CategoryType)
        SystemRole, // bool
        SystemKeyRole,
        CategoryRole, // QVariant<Category>
    };

    CategoryModel(CategoryRepository* repository, qint64 userId, QObject* parent = nullptr);

    // Show only categories usable for this direction (Both always applies); nullopt shows all.
    void setTransactionType(std::optional<TransactionType> type);
    void setIncludeUncategorized(bool include);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    QHash<int, QByteArray> roleNames() const override;

    // The row of a category id (or of "Uncategorized" for nullopt), -1 if not shown.
    int rowOf(std::optional<qint64> id) const;
    std::optional<Category> categoryAt(int row) const;
    std::optional<Category> category(qint64 id) const;

    void reload();

Q_SIGNALS:
    void errorOccurred(const QString& message);

private:
    bool applies(const Category& category) const;
    int offset() const { return m_includeUncategorized ? 1 : 0; }

    CategoryRepository* m_repository;
    qint64 m_userId;
    QList<Category> m_categories; // filtered, in display order
    QHash<qint64, Category> m_all;
    std::optional<TransactionType> m_type;
    bool m_includeUncategorized = false;
};

} // namespace Moniagent
