#pragma once

#include "core/result.h"

#include <QDate>
#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <optional>

namespace Moniagent::Sql {

// Prepares `sql`, binds `params` positionally (?) and executes it, forward-only.
// Constraint violations come back as Error::Code::Conflict, everything else as Database.
Result<QSqlQuery> exec(const QSqlDatabase& db, const QString& sql, const QVariantList& params = {});

// Binds positionally. A null QString (e.g. QString().trimmed()) would be stored as NULL by the driver;
// here it becomes '' and only a QVariant() (see nullable*) becomes NULL.
void bind(QSqlQuery& query, const QVariant& value);

// Runs a query expected to return one value in its first column (count(*), last id …).
Result<QVariant> scalar(const QSqlDatabase& db, const QString& sql, const QVariantList& params = {});

// Maps a driver error to a user-facing Error; `what` says what was attempted ("save the transaction").
Error errorFrom(const QSqlError& error, const QString& what = {});

// Conversions between C++ values and their stored text forms.
QString isoDate(QDate date);
QDate parseIsoDate(const QVariant& value);
QString isoTimestamp(const QDateTime& utc);
QDateTime parseIsoTimestamp(const QVariant& value);
QVariant nullable(const std::optional<qint64>& value);
QVariant nullable(const std::optional<double>& value);
QVariant nullableText(const QString& value); // empty -> NULL
std::optional<qint64> optionalId(const QVariant& value);
std::optional<double> optionalReal(const QVariant& value);
// A version 7 uuid (RFC 9562): the creation time in milliseconds first, so rows inserted one after another
// append to the uuid index instead of landing on random pages of it.
QString newUuid();
QString uuidV7(qint64 unixMilliseconds);
// "?, ?, ?" for an IN list of `count` values.
QString placeholders(qsizetype count);

} // namespace Moniagent::Sql
