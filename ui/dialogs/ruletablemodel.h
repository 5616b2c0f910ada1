#pragma once

#include "core/categorizationrule.h"
#include "core/category.h"

#include <QAbstractTableModel>
#include <QHash>

namespace Moniagent {

class Categorizer;
class CategoryRepository;

// The categorization rules of the profile for the rules dialog, in matching order: whether each is active
// (checkable), how it matches, the pattern, the category with its icon, who made it and how often it was used.
// Reads and writes through the categorizer and reloads whenever its rules or the categories change.
class RuleTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        ActiveColumn,
        TypeColumn,
        PatternColumn,
        CategoryColumn,
        OriginColumn,
        HitsColumn,
        ColumnCount
    };
    enum Role
    {
        IdRole = Qt::UserRole + 1,
        RuleRole, // QVariant<CategorizationRule>
    };

    RuleTableModel(Categorizer* categorizer, CategoryRepository* categories, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

    std::optional<CategorizationRule> ruleAt(int row) const;
    int rowOf(qint64 id) const;

public Q_SLOTS:
    void reload();

Q_SIGNALS:
    void errorOccurred(const QString& message);

private:
    void reloadCategories();

    Categorizer* m_categorizer;
    CategoryRepository* m_categories;
    QList<CategorizationRule> m_rules;
    QHash<qint64, Category> m_categoryById;
};

} // namespace Moniagent
