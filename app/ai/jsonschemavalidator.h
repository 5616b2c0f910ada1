#pragma once

#include "core/result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QJsonValue>

namespace Moniagent {

// Checks a JSON value against the small subset of JSON Schema that Moniagent's structured outputs use:
// "type" (a name or a list of names: object, array, string, number, integer, boolean, null), "properties",
// "required", "additionalProperties": false, "enum", "items", "minimum", "maximum". Other keywords are ignored.
// The error names the first offending path ("$.category: not one of …") so it can be shown to a model for repair.
class JsonSchemaValidator
{
    Q_DECLARE_TR_FUNCTIONS(Moniagent::JsonSchemaValidator)
public:
    static Result<void> validate(const QJsonValue& value, const QJsonObject& schema);
    // Parses `text` (tolerating a ```json fence around it) and validates the result, which must be an object.
    static Result<QJsonObject> parseAndValidate(const QString& text, const QJsonObject& schema);

private:
    static Result<void> check(const QJsonValue& value, const QJsonObject& schema, const QString& path);
};

} // namespace Moniagent
