#include "usermodel.h"

#include "db/userrepository.h"

namespace Moniagent {

UserModel::UserModel(UserRepository* repository, qint64 currentUserId, QObject* parent)
    : QAbstractListModel(parent)
    , m_repository(repository)
    , m_currentUserId(currentUserId)
{
    connect(m_repository, &UserRepository::changed, this, &UserModel::reload);
    reload();
}

void UserModel::reload()
{
    auto users = m_repository->list(m_currentUserId);
    if (!users) {
        Q_EMIT errorOccurred(users.error().message);
        return;
    }
    beginResetModel();
    m_users = *users;
    endResetModel();
}

int UserModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_users.size());
}

QHash<int, QByteArray> UserModel::roleNames() const
{
    auto names = QAbstractListModel::roleNames();
    names.insert(IdRole, "id");
    names.insert(UsernameRole, "username");
    names.insert(RoleNameRole, "roleName");
    names.insert(CurrencyRole, "currency");
    names.insert(LocaleRole, "locale");
    names.insert(ActiveRole, "active");
    names.insert(UserRole, "user");
    return names;
}

QVariant UserModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const User& u = m_users.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return u.displayName();
    case Qt::ToolTipRole:
        return u.isAdmin() ? tr("%1 (administrator)").arg(u.username) : u.username;
    case IdRole:
        return u.id;
    case UsernameRole:
        return u.username;
    case RoleNameRole:
        return u.roleName;
    case CurrencyRole:
        return u.baseCurrency;
    case LocaleRole:
        return u.locale;
    case ActiveRole:
        return u.isActive;
    case UserRole:
        return QVariant::fromValue(u);
    default:
        return {};
    }
}

} // namespace Moniagent
