#include "rawquery.h"

#include "core/logging.h"

#include <QCoreApplication>
#include <QSqlDriver>

#include <sqlite3.h>

namespace Moniagent {

namespace {

Error failure(const QString& detail)
{
    return Error::database(QCoreApplication::translate("Moniagent::Sql", "The database reported an error."), detail);
}

// The connection's sqlite3 handle, if it is a QSQLITE connection.
sqlite3* handleOf(const QSqlDatabase& db)
{
    if (!db.isOpen() || !db.driver())
        return nullptr;
    const QVariant handle = db.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3* const*>(handle.constData());
}

} // namespace

void RawQuery::Finalizer::operator()(sqlite3_stmt* statement) const
{
    sqlite3_finalize(statement);
}

RawQuery::RawQuery(sqlite3_stmt* statement)
    : m_statement(statement)
{ }

RawQuery::RawQuery(RawQuery&&) noexcept = default;
RawQuery& RawQuery::operator=(RawQuery&&) noexcept = default;
RawQuery::~RawQuery() = default;

Result<RawQuery> RawQuery::exec(const QSqlDatabase& db, const QString& sql, const QVariantList& params)
{
    sqlite3* handle = handleOf(db);
    if (!handle)
        return failure(QStringLiteral("not an open SQLite connection"));
    const QByteArray text = sql.toUtf8();
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v2(handle, text.constData(), int(text.size()), &raw, nullptr) != SQLITE_OK) {
        const QString detail = QString::fromUtf8(sqlite3_errmsg(handle));
        sqlite3_finalize(raw);
        qCWarning(lcDb) << "prepare failed:" << detail << sql;
        return failure(detail);
    }
    RawQuery query(raw);
    for (int i = 0; i < params.size(); ++i) {
        const QVariant& value = params.at(i);
        int rc = SQLITE_OK;
        switch (value.metaType().id()) {
        case QMetaType::UnknownType:
            rc = sqlite3_bind_null(raw, i + 1);
            break;
        case QMetaType::Bool:
        case QMetaType::Int:
        case QMetaType::UInt:
        case QMetaType::Long:
        case QMetaType::LongLong:
        case QMetaType::ULongLong:
            rc = sqlite3_bind_int64(raw, i + 1, value.toLongLong());
            break;
        case QMetaType::Double:
            rc = sqlite3_bind_double(raw, i + 1, value.toDouble());
            break;
        default: {
            const QByteArray bytes = value.toString().toUtf8();
            rc = sqlite3_bind_text(raw, i + 1, bytes.constData(), int(bytes.size()), SQLITE_TRANSIENT);
        }
        }
        if (rc != SQLITE_OK)
            return failure(QString::fromUtf8(sqlite3_errmsg(handle)));
    }
    return query;
}

bool RawQuery::next()
{
    if (!m_statement || m_failed)
        return false;
    const int rc = sqlite3_step(m_statement.get());
    if (rc == SQLITE_ROW)
        return true;
    if (rc != SQLITE_DONE) {
        m_failed = true;
        m_errorText = QString::fromUtf8(sqlite3_errmsg(sqlite3_db_handle(m_statement.get())));
        qCWarning(lcDb) << "step failed:" << m_errorText;
    }
    m_statement.reset(); // done: release the read transaction's snapshot
    return false;
}

Error RawQuery::error() const
{
    return failure(m_errorText);
}

QByteArrayView RawQuery::text(int column) const
{
    const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(m_statement.get(), column));
    return {data, sqlite3_column_bytes(m_statement.get(), column)};
}

qint64 RawQuery::integer(int column) const
{
    return sqlite3_column_int64(m_statement.get(), column);
}

} // namespace Moniagent
