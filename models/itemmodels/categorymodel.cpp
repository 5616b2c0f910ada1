#include "categorymodel.h"

#include "db/categoryrepository.h"

#include <QColor>

namespace Moniagent {

CategoryModel::CategoryModel(CategoryRepository* repository, qint64 userId, QObject* parent)
    : QAbstractTableModel(parent)
    , m_repository(repository)
    , m_userId(userId)
{
    connect(m_repository, &CategoryRepository::changed, this, [this](qint64 user) {
        if (user == m_userId)
            reload();
    });
    reload();
}

void CategoryModel::setTransactionType(std::optional<TransactionType> type)
{
    if (m_type == type)
        return;
    m_type = type;
    reload();
}

void CategoryModel::setIncludeUncategorized(bool include)
{
    if (m_includeUncategorized == include)
        return;
    beginResetModel();
    m_includeUncategorized = include;
    endResetModel();
}

bool CategoryModel::applies(const Category& category) const
{
    if (!m_type)
        return true;
    return category.appliesTo(*m_type);
}

void CategoryModel::reload()
{
    auto list = m_repository->list(m_userId);
    if (!list) {
        Q_EMIT errorOccurred(list.error().message);
        return;
    }
    beginResetModel();
    m_all.clear();
    m_categories.clear();
    for (const Category& c : std::as_const(*list)) {
        m_all.insert(c.id, c);
        if (applies(c))
            m_categories.append(c);
    }
    endResetModel();
}

int CategoryModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_categories.size()) + offset();
}

int CategoryModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QHash<int, QByteArray> CategoryModel::roleNames() const
{
    auto names = QAbstractTableModel::roleNames();
    names.insert(IdRole, "id");
    names.insert(IconRole, "icon");
    names.insert(ColorRole, "color");
    names.insert(TypeRole, "type");
    names.insert(SystemRole, "system");
    names.insert(SystemKeyRole, "systemKey");
    names.insert(CategoryRole, "category");
    return names;
}

std::optional<Category> CategoryModel::categoryAt(int row) const
{
    const int i = row - offset();
    if (i < 0 || i >= m_categories.size())
        return std::nullopt;
    return m_categories.at(i);
}

std::optional<Category> CategoryModel::category(qint64 id) const
{
    const auto it = m_all.constFind(id);
    return it == m_all.constEnd() ? std::nullopt : std::optional<Category>(*it);
}

int CategoryModel::rowOf(std::optional<qint64> id) const
{
    if (!id)
        return m_includeUncategorized ? 0 : -1;
    for (int i = 0; i < m_categories.size(); ++i) {
        if (m_categories.at(i).id == *id)
            return i + offset();
    }
    return -1;
}

QVariant CategoryModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto c = categoryAt(index.row());
    if (!c) { // the "Uncategorized" row
        if (index.column() == NameColumn && (role == Qt::DisplayRole || role == Qt::EditRole))
            return tr("Uncategorized");
        if (role == IconRole)
            return QStringLiteral("dots");
        if (role == ColorRole)
            return QColor(0x94, 0xA3, 0xB8);
        return {};
    }
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        if (index.column() == NameColumn)
            return c->name;
        if (index.column() == TypeColumn)
            return role == Qt::EditRole ? QVariant(int(c->type)) : QVariant(CategoryEnums::displayName(c->type));
        return {};
    case Qt::DecorationRole:
        return index.column() == NameColumn ? QVariant(QColor(c->color)) : QVariant();
    case Qt::ToolTipRole:
        if (c->isSystem && c->name != c->systemKey)
            return tr("Default category “%1”").arg(c->systemKey);
        return c->description.isEmpty() ? QVariant() : QVariant(c->description);
    case IdRole:
        return c->id;
    case IconRole:
        return c->icon;
    case ColorRole:
        return QColor(c->color);
    case TypeRole:
        return int(c->type);
    case SystemRole:
        return c->isSystem;
    case SystemKeyRole:
        return c->systemKey;
    case CategoryRole:
        return QVariant::fromValue(*c);
    default:
        return {};
    }
}

QVariant CategoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    return section == NameColumn ? tr("Name") : (section == TypeColumn ? tr("Type") : QVariant());
}

Qt::ItemFlags CategoryModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemNeverHasChildren;
    if (categoryAt(index.row()))
        flags |= Qt::ItemIsEditable;
    return flags;
}

bool CategoryModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return false;
    auto c = categoryAt(index.row());
    if (!c)
        return false;
    Category changed = *c;
    switch (role) {
    case Qt::EditRole:
        if (index.column() == NameColumn)
            changed.name = value.toString();
        else if (index.column() == TypeColumn)
            changed.type = CategoryType(value.toInt());
        else
            return false;
        break;
    case IconRole:
        changed.icon = value.toString();
        break;
    case ColorRole:
        changed.color = value.value<QColor>().name(QColor::HexRgb).toUpper();
        break;
    default:
        return false;
    }
    auto result = m_repository->update(m_userId, changed);
    if (!result) {
        Q_EMIT errorOccurred(result.error().message);
        return false;
    }
    return true; // the repository's change signal reloads the model
}

} // namespace Moniagent
