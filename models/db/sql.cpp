#include "sql.h"

#include "core/logging.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QUuid>

#include <atomic>

namespace Moniagent::Sql {

namespace {

bool isConstraint(const QSqlError& error)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    if (ok && (code & 0xff) == 19) // SQLITE_CONSTRAINT and its extended codes
        return true;
    return error.databaseText().contains(QLatin1String("constraint failed"), Qt::CaseInsensitive)
        || error.databaseText().contains(QLatin1String("another user"), Qt::CaseInsensitive);
}

bool isDiskFull(const QSqlError& error)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    return (ok && (code & 0xff) == 13) // SQLITE_FULL
        || error.databaseText().contains(QLatin1String("disk is full"), Qt::CaseInsensitive);
}
} // namespace

Error errorFrom(const QSqlError& error, const QString& what)
{
    const QString detail = error.text();
    if (isConstraint(error)) {
        QString message = what.isEmpty()
            ? QCoreApplication::translate("Moniagent::Sql", "The change conflicts with data that is already stored.")
            : QCoreApplication::translate("Moniagent::Sql",
                                          "Could not %1: it conflicts with data that is already stored.")
                  .arg(what);
        return Error::conflict(message, detail);
    }
    if (isDiskFull(error)) {
        return {Error::Code::Io,
                QCoreApplication::translate("Moniagent::Sql",
                                            "The disk is full. Nothing was changed; free some space and try again."),
                detail};
    }
    QString message = what.isEmpty()
        ? QCoreApplication::translate("Moniagent::Sql", "The database reported an error.")
        : QCoreApplication::translate("Moniagent::Sql", "Could not %1: the database reported an error.").arg(what);
    return Error::database(message, detail);
}

Result<QSqlQuery> exec(const QSqlDatabase& db, const QString& sql, const QVariantList& params)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.prepare(sql)) {
        qCWarning(lcDb) << "prepare failed:" << query.lastError().text() << sql;
        return errorFrom(query.lastError());
    }
    for (const QVariant& param : params)
        bind(query, param);
    if (!query.exec()) {
        qCDebug(lcDb) << "exec failed:" << query.lastError().text() << sql;
        return errorFrom(query.lastError());
    }
    return query;
}

void bind(QSqlQuery& query, const QVariant& value)
{
    if (value.metaType() == QMetaType::fromType<QString>() && !value.isNull() && value.toString().isNull())
        query.addBindValue(QStringLiteral(""));
    else
        query.addBindValue(value);
}

Result<QVariant> scalar(const QSqlDatabase& db, const QString& sql, const QVariantList& params)
{
    auto query = exec(db, sql, params);
    if (!query)
        return query.error();
    if (!query->next())
        return QVariant();
    return query->value(0);
}

QString isoDate(QDate date)
{
    return date.isValid() ? date.toString(Qt::ISODate) : QString();
}

QDate parseIsoDate(const QVariant& value)
{
    return value.isNull() ? QDate() : QDate::fromString(value.toString(), Qt::ISODate);
}

QString isoTimestamp(const QDateTime& utc)
{
    return utc.isValid() ? utc.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QDateTime parseIsoTimestamp(const QVariant& value)
{
    if (value.isNull())
        return {};
    QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    if (!time.isValid())
        time = QDateTime::fromString(value.toString(), Qt::ISODate);
    return time.toUTC();
}

QVariant nullable(const std::optional<qint64>& value)
{
    return value ? QVariant(*value) : QVariant();
}

QVariant nullable(const std::optional<double>& value)
{
    return value ? QVariant(*value) : QVariant();
}

QVariant nullableText(const QString& value)
{
    return value.isEmpty() ? QVariant() : QVariant(value);
}

std::optional<qint64> optionalId(const QVariant& value)
{
    if (value.isNull())
        return std::nullopt;
    return value.toLongLong();
}

std::optional<double> optionalReal(const QVariant& value)
{
    if (value.isNull())
        return std::nullopt;
    return value.toDouble();
}

QString uuidV7(qint64 unixMilliseconds)
{
    // 48 bits of time, version 7, 12 bits of a counter that keeps uuids of the same millisecond in creation
    // order, the RFC variant, then 62 random bits.
    static std::atomic<quint32> counter {0};
    const quint64 random = QRandomGenerator::system()->generate64();
    const quint32 sequence = counter.fetch_add(1, std::memory_order_relaxed) & 0x0FFF;
    const quint64 high = (quint64(unixMilliseconds) << 16) | 0x7000 | sequence;
    const quint64 low = (random & 0x3FFFFFFFFFFFFFFFULL) | 0x8000000000000000ULL;
    const QString hex = QStringLiteral("%1%2").arg(high, 16, 16, QLatin1Char('0')).arg(low, 16, 16, QLatin1Char('0'));
    return hex.left(8) + u'-' + hex.mid(8, 4) + u'-' + hex.mid(12, 4) + u'-' + hex.mid(16, 4) + u'-' + hex.mid(20);
}

QString newUuid()
{
    return uuidV7(QDateTime::currentMSecsSinceEpoch());
}

QString placeholders(qsizetype count)
{
    QString text;
    text.reserve(count * 3);
    for (qsizetype i = 0; i < count; ++i)
        text += i == 0 ? QStringLiteral("?") : QStringLiteral(", ?");
    return text;
}

} // namespace Moniagent::Sql
