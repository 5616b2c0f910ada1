#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QMetaType>
#include <QString>

namespace Moniagent {

enum class RoleName
{
    Admin,
    User
};

struct Role
{
    qint64 id = 0;
    QString name; // "admin" or "user"
    QString description;
};

// A profile (table `users`). Secrets never live here: password_hash is an Argon2id hash or NULL.
struct User
{
    qint64 id = 0;
    QString uuid;
    QString username;
    QString primaryEmail;
    QString firstName;
    QString lastName;
    bool hasPassword = false; // the hash itself is never loaded into memory by list queries
    bool isActive = true;
    qint64 roleId = 0;
    QString roleName;
    QString baseCurrency = QStringLiteral("EUR");
    QString locale; // BCP 47, e.g. "de_DE"; empty = system
    QJsonObject budgetPreferences;
    QJsonObject notificationPreferences;
    QDateTime createdAt;
    QDateTime updatedAt;

    bool isAdmin() const { return roleName == QLatin1String("admin"); }
    QString displayName() const
    {
        const QString full = QString(firstName + u' ' + lastName).trimmed();
        return full.isEmpty() ? username : full;
    }
};

} // namespace Moniagent

Q_DECLARE_METATYPE(Moniagent::User)
