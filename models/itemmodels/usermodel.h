#pragma once

#include "core/user.h"

#include <QAbstractListModel>

namespace Moniagent {

class UserRepository;

// The profiles the current user may see: all of them for an admin, otherwise only their own.
// Password and reset-code hashes are never loaded.
class UserModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role
    {
        IdRole = Qt::UserRole + 1,
        UsernameRole,
        RoleNameRole,
        CurrencyRole,
        LocaleRole,
        ActiveRole,
        UserRole, // QVariant<User>
    };

    UserModel(UserRepository* repository, qint64 currentUserId, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    void reload();

Q_SIGNALS:
    void errorOccurred(const QString& message);

private:
    UserRepository* m_repository;
    qint64 m_currentUserId;
    QList<User> m_users;
};

} // namespace Moniagent
