#include "testdatabase.h"

#include "db/categoryrepository.h"
#include "db/sql.h"
#include "db/userrepository.h"

#include <QDebug>

namespace Moniagent::Test {

TestDatabase::TestDatabase()
{
    reopen();
}

bool TestDatabase::reopen()
{
    m_database.reset();
    auto opened = Database::open(path());
    if (!opened) {
        qWarning() << "TestDatabase: cannot open" << path() << opened.error().toString();
        return false;
    }
    m_database = std::move(opened.value());
    return true;
}

qint64 TestDatabase::createUser(const QString& username, const QString& currency)
{
    UserRepository users(m_database.get());
    UserRepository::NewProfile profile;
    profile.username = username;
    profile.baseCurrency = currency;
    auto id = users.createProfile(profile);
    if (!id) {
        qWarning() << "TestDatabase: cannot create user" << id.error().toString();
        return 0;
    }
    return *id;
}

qint64 TestDatabase::categoryId(qint64 userId, const QString& name)
{
    CategoryRepository categories(m_database.get());
    auto category = categories.findByName(userId, name);
    return category ? category->id : 0;
}

qint64 TestDatabase::scalar(const QString& sql, const QVariantList& params) const
{
    auto value = Sql::scalar(m_database->connection(), sql, params);
    return value ? value->toLongLong() : -1;
}

Transaction TestDatabase::expense(qint64 minor, const QString& merchant, QDate date, const QString& currency)
{
    Transaction t;
    t.type = TransactionType::Expense;
    t.amount = Money::fromMinor(minor, currency);
    t.merchant = merchant;
    t.occurredOn = date;
    return t;
}

Transaction TestDatabase::income(qint64 minor, const QString& merchant, QDate date, const QString& currency)
{
    Transaction t = expense(minor, merchant, date, currency);
    t.type = TransactionType::Income;
    return t;
}

} // namespace Moniagent::Test
