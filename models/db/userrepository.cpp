#include "userrepository.h"

#include "categoryrepository.h"
#include "core/currency.h"
#include "database.h"
#include "rolerepository.h"
#include "sql.h"
#include "sqltransaction.h"

#include <QJsonDocument>

namespace Moniagent {

namespace {

const QString Columns = QStringLiteral(
    "u.id, u.uuid, u.username, u.primary_email, u.first_name, u.last_name, u.password_hash IS NOT NULL, u.is_active, "
    "u.role_id, r.name, u.base_currency, u.locale, u.budget_preferences, u.notification_preferences, u.created_at, "
    "u.updated_at");

User read(const QSqlQuery& q)
{
    User u;
    u.id = q.value(0).toLongLong();
    u.uuid = q.value(1).toString();
    u.username = q.value(2).toString();
    u.primaryEmail = q.value(3).toString();
    u.firstName = q.value(4).toString();
    u.lastName = q.value(5).toString();
    u.hasPassword = q.value(6).toInt() != 0;
    u.isActive = q.value(7).toInt() != 0;
    u.roleId = q.value(8).toLongLong();
    u.roleName = q.value(9).toString();
    u.baseCurrency = q.value(10).toString();
    u.locale = q.value(11).toString();
    u.budgetPreferences = QJsonDocument::fromJson(q.value(12).toString().toUtf8()).object();
    u.notificationPreferences = QJsonDocument::fromJson(q.value(13).toString().toUtf8()).object();
    u.createdAt = Sql::parseIsoTimestamp(q.value(14));
    u.updatedAt = Sql::parseIsoTimestamp(q.value(15));
    return u;
}

QString json(const QJsonObject& object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

} // namespace

UserRepository::UserRepository(Database* database, QObject* parent)
    : QObject(parent)
    , m_database(database)
{ }

Result<void> UserRepository::validate(const NewProfile& profile)
{
    const QString name = profile.username.trimmed();
    if (name.isEmpty())
        return Error::invalidInput(tr("Enter a name for the profile."));
    if (name.size() > 64)
        return Error::invalidInput(tr("The profile name is too long (at most 64 characters)."));
    if (!Currency::fromCode(profile.baseCurrency).isValid())
        return Error::invalidInput(tr("“%1” is not a currency code.").arg(profile.baseCurrency));
    if (!profile.primaryEmail.isEmpty() && !profile.primaryEmail.contains(u'@'))
        return Error::invalidInput(tr("“%1” is not an email address.").arg(profile.primaryEmail));
    return {};
}

Result<qint64> UserRepository::createProfile(const NewProfile& profile, bool admin)
{
    auto valid = validate(profile);
    if (!valid)
        return valid.error();
    QSqlDatabase db = m_database->connection();
    SqlTransaction transaction(db);
    if (!transaction.isActive())
        return transaction.error();

    auto existing = Sql::scalar(db, QStringLiteral("SELECT count(*) FROM users"));
    if (!existing)
        return existing.error();
    const bool first = existing->toLongLong() == 0;
    auto role
        = RoleRepository(m_database).findByName(first || admin ? QStringLiteral("admin") : QStringLiteral("user"));
    if (!role)
        return role.error();

    auto inserted
        = Sql::exec(db,
                    QStringLiteral("INSERT INTO users (uuid, username, primary_email, first_name, last_name, role_id, "
                                   "base_currency, locale) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                    {Sql::newUuid(), profile.username.trimmed(), Sql::nullableText(profile.primaryEmail.trimmed()),
                     profile.firstName.trimmed(), profile.lastName.trimmed(), role->id,
                     Currency::fromCode(profile.baseCurrency).code(), profile.locale});
    if (!inserted) {
        if (inserted.error().detail.contains(QLatin1String("users.username")))
            return Error::conflict(tr("A profile named “%1” already exists.").arg(profile.username.trimmed()),
                                   inserted.error().detail);
        return inserted.error();
    }
    const qint64 userId = inserted->lastInsertId().toLongLong();

    CategoryRepository categories(m_database);
    auto defaults = categories.addDefaults(userId);
    if (!defaults)
        return defaults.error();
    auto committed = transaction.commit();
    if (!committed)
        return committed.error();
    Q_EMIT changed(userId);
    return userId;
}

Result<QList<User>> UserRepository::list(qint64 currentUserId) const
{
    auto query = Sql::exec(
        m_database->connection(),
        QStringLiteral("SELECT %1 FROM users u JOIN roles r ON r.id = u.role_id "
                       "WHERE u.id = ? OR EXISTS (SELECT 1 FROM users me JOIN roles mr ON mr.id = me.role_id "
                       "WHERE me.id = ? AND mr.name = 'admin' AND me.is_active = 1) "
                       "ORDER BY u.username COLLATE NOCASE")
            .arg(Columns),
        {currentUserId, currentUserId});
    if (!query)
        return query.error();
    QList<User> users;
    while (query->next())
        users << read(*query);
    return users;
}

Result<User> UserRepository::find(qint64 currentUserId, qint64 id) const
{
    auto users = list(currentUserId);
    if (!users)
        return users.error();
    for (const User& user : std::as_const(*users)) {
        if (user.id == id)
            return user;
    }
    return Error::notFound(tr("The profile does not exist."));
}

Result<bool> UserRepository::hasProfiles() const
{
    auto value = Sql::scalar(m_database->connection(), QStringLiteral("SELECT EXISTS (SELECT 1 FROM users)"));
    if (!value)
        return value.error();
    return value->toInt() != 0;
}

Result<qint64> UserRepository::firstProfileId() const
{
    auto value = Sql::scalar(m_database->connection(),
                             QStringLiteral("SELECT id FROM users WHERE is_active = 1 ORDER BY id LIMIT 1"));
    if (!value)
        return value.error();
    if (value->isNull())
        return Error::notFound(tr("There is no profile yet."));
    return value->toLongLong();
}

Result<qint64> UserRepository::findIdByUsername(const QString& username) const
{
    auto value = Sql::scalar(m_database->connection(), QStringLiteral("SELECT id FROM users WHERE username = ?"),
                             {username.trimmed()});
    if (!value)
        return value.error();
    if (value->isNull())
        return Error::notFound(tr("There is no profile named “%1”.").arg(username.trimmed()));
    return value->toLongLong();
}

Result<void> UserRepository::updateProfile(qint64 currentUserId, const User& user)
{
    if (user.id != currentUserId) {
        auto me = find(currentUserId, currentUserId);
        if (!me)
            return me.error();
        if (!me->isAdmin())
            return Error::invalidInput(tr("Only an administrator can change another profile."));
    }
    NewProfile check {user.username, user.firstName, user.lastName, user.primaryEmail, user.baseCurrency, user.locale};
    auto valid = validate(check);
    if (!valid)
        return valid.error();
    auto result = Sql::exec(
        m_database->connection(),
        QStringLiteral("UPDATE users SET username = ?, primary_email = ?, first_name = ?, last_name = ?, "
                       "base_currency = ?, locale = ?, budget_preferences = ?, notification_preferences = ?, "
                       "updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?"),
        {user.username.trimmed(), Sql::nullableText(user.primaryEmail.trimmed()), user.firstName.trimmed(),
         user.lastName.trimmed(), Currency::fromCode(user.baseCurrency).code(), user.locale,
         json(user.budgetPreferences), json(user.notificationPreferences), user.id});
    if (!result) {
        if (result.error().detail.contains(QLatin1String("users.username")))
            return Error::conflict(tr("A profile named “%1” already exists.").arg(user.username.trimmed()),
                                   result.error().detail);
        return result.error();
    }
    if (result->numRowsAffected() == 0)
        return Error::notFound(tr("The profile does not exist."));
    Q_EMIT changed(user.id);
    return {};
}

Result<void> UserRepository::remove(qint64 currentUserId, qint64 id)
{
    auto me = find(currentUserId, currentUserId);
    if (!me)
        return me.error();
    if (!me->isAdmin())
        return Error::invalidInput(tr("Only an administrator can delete profiles."));
    if (id == currentUserId)
        return Error::invalidInput(tr("You cannot delete the profile you are using."));
    auto result = Sql::exec(m_database->connection(), QStringLiteral("DELETE FROM users WHERE id = ?"), {id});
    if (!result)
        return result.error();
    if (result->numRowsAffected() == 0)
        return Error::notFound(tr("The profile does not exist."));
    Q_EMIT changed(id);
    return {};
}

} // namespace Moniagent
