#include "ruletablemodel.h"

#include "categorize/categorizer.h"
#include "common/categoryicons.h"
#include "db/categoryrepository.h"

#include <QPalette>

namespace Moniagent {

RuleTableModel::RuleTableModel(Categorizer* categorizer, CategoryRepository* categories, QObject* parent)
    : QAbstractTableModel(parent)
    , m_categorizer(categorizer)
    , m_categories(categories)
{
    connect(m_categorizer, &Categorizer::rulesChanged, this, &RuleTableModel::reload);
    connect(m_categories, &CategoryRepository::changed, this, [this](qint64 user) {
        if (user == m_categorizer->userId())
            reload();
    });
    reload();
}

void RuleTableModel::reloadCategories()
{
    m_categoryById.clear();
    auto list = m_categories->list(m_categorizer->userId());
    if (!list) {
        Q_EMIT errorOccurred(list.error().message);
        return;
    }
    for (const Category& c : std::as_const(*list))
        m_categoryById.insert(c.id, c);
}

void RuleTableModel::reload()
{
    auto rules = m_categorizer->listRules();
    if (!rules) {
        Q_EMIT errorOccurred(rules.error().message);
        return;
    }
    beginResetModel();
    reloadCategories();
    m_rules = *rules;
    endResetModel();
}

int RuleTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rules.size());
}

int RuleTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

std::optional<CategorizationRule> RuleTableModel::ruleAt(int row) const
{
    if (row < 0 || row >= m_rules.size())
        return std::nullopt;
    return m_rules.at(row);
}

int RuleTableModel::rowOf(qint64 id) const
{
    for (qsizetype row = 0; row < m_rules.size(); ++row) {
        if (m_rules.at(row).id == id)
            return int(row);
    }
    return -1;
}

QVariant RuleTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case ActiveColumn:
        return tr("Active");
    case TypeColumn:
        return tr("Match");
    case PatternColumn:
        return tr("Store name");
    case CategoryColumn:
        return tr("Category");
    case OriginColumn:
        return tr("Made by");
    case HitsColumn:
        return tr("Used");
    default:
        return {};
    }
}

Qt::ItemFlags RuleTableModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemNeverHasChildren;
    if (index.column() == ActiveColumn)
        flags |= Qt::ItemIsUserCheckable;
    return flags;
}

QVariant RuleTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CategorizationRule& rule = m_rules.at(index.row());
    if (role == IdRole)
        return rule.id;
    if (role == RuleRole)
        return QVariant::fromValue(rule);
    const auto category = m_categoryById.constFind(rule.categoryId);
    const bool known = category != m_categoryById.constEnd();
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TypeColumn:
            return CategorizationRuleEnums::displayName(rule.type);
        case PatternColumn:
            return rule.pattern;
        case CategoryColumn:
            return known ? category->name : QString();
        case OriginColumn:
            return rule.origin == RuleOrigin::User ? tr("You") : tr("Learned");
        case HitsColumn:
            return QLocale().toString(rule.hitCount);
        default:
            return {};
        }
    case Qt::CheckStateRole:
        if (index.column() == ActiveColumn)
            return rule.isActive ? Qt::Checked : Qt::Unchecked;
        return {};
    case Qt::DecorationRole:
        if (index.column() == CategoryColumn && known)
            return CategoryIcons::icon(category->icon, QColor(category->color));
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == HitsColumn)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return {};
    case Qt::ToolTipRole:
        if (index.column() == OriginColumn && rule.origin == RuleOrigin::Learned)
            return tr("Made from your repeated corrections. Turn it off if it is wrong, or edit it.");
        if (index.column() == ActiveColumn)
            return rule.isActive ? tr("Used for new transactions") : tr("Turned off: not used");
        return {};
    case Qt::ForegroundRole:
        if (!rule.isActive && index.column() != ActiveColumn)
            return QPalette().color(QPalette::PlaceholderText);
        return {};
    default:
        return {};
    }
}

bool RuleTableModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (role != Qt::CheckStateRole || index.column() != ActiveColumn
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    const qint64 id = m_rules.at(index.row()).id;
    const bool active = Qt::CheckState(value.toInt()) == Qt::Checked;
    auto changed = m_categorizer->setRuleActive(id, active);
    if (!changed) {
        Q_EMIT errorOccurred(changed.error().message);
        return false;
    }
    // The categorizer's rulesChanged reloads; until then show the new state.
    const int row = rowOf(id);
    if (row >= 0 && m_rules.at(row).isActive != active) {
        m_rules[row].isActive = active;
        Q_EMIT dataChanged(index.siblingAtColumn(0), index.siblingAtColumn(ColumnCount - 1));
    }
    return true;
}

} // namespace Moniagent
