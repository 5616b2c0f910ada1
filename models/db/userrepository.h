#pragma once

#include "core/result.h"
#include "core/user.h"

#include <QObject>

namespace Moniagent {

class Database;

// Profiles. A profile sees only itself; an admin profile also sees and manages the others.
class UserRepository : public QObject
{
    Q_OBJECT
public:
    explicit UserRepository(Database* database, QObject* parent = nullptr);

    struct NewProfile
    {
        QString username;
        QString firstName;
        QString lastName;
        QString primaryEmail;
        QString baseCurrency = QStringLiteral("EUR");
        QString locale;
    };

    static Result<void> validate(const NewProfile& profile);

    // Creates a profile with the localized default categories, in one transaction. The first profile
    // of an installation becomes admin; later ones are users unless `admin` is set by an admin.
    Result<qint64> createProfile(const NewProfile& profile, bool admin = false);

    // The profiles `currentUserId` may see: all for an admin, otherwise only itself.
    Result<QList<User>> list(qint64 currentUserId) const;
    Result<User> find(qint64 currentUserId, qint64 id) const;
    // Whether any profile exists yet (first start).
    Result<bool> hasProfiles() const;
    // The id of the earliest active profile, used when nothing else says which profile to open.
    Result<qint64> firstProfileId() const;
    Result<qint64> findIdByUsername(const QString& username) const;

    // Updates the current user's own settings (names, email, currency, locale, preferences).
    Result<void> updateProfile(qint64 currentUserId, const User& user);
    // Deletes a profile and everything it owns; only an admin may, and never the last admin.
    Result<void> remove(qint64 currentUserId, qint64 id);

Q_SIGNALS:
    void changed(qint64 userId);

private:
    Database* m_database;
};

} // namespace Moniagent
