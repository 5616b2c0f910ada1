#include "jsonschemavalidator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QStringList>

#include <cmath>

namespace Moniagent {

namespace {
bool hasType(const QJsonValue& value, const QString& type)
{
    if (type == QLatin1String("object"))
        return value.isObject();
    if (type == QLatin1String("array"))
        return value.isArray();
    if (type == QLatin1String("string"))
        return value.isString();
    if (type == QLatin1String("number"))
        return value.isDouble();
    if (type == QLatin1String("integer")) {
        if (!value.isDouble())
            return false;
        const double d = value.toDouble();
        return std::isfinite(d) && std::floor(d) == d;
    }
    if (type == QLatin1String("boolean"))
        return value.isBool();
    if (type == QLatin1String("null"))
        return value.isNull();
    return true; // unknown type names do not constrain
}

QString compact(const QJsonValue& value)
{
    if (value.isString())
        return u'"' + value.toString() + u'"';
    QJsonArray wrapper {value};
    auto text = QString::fromUtf8(QJsonDocument(wrapper).toJson(QJsonDocument::Compact));
    return text.mid(1, text.size() - 2);
}
} // namespace

Result<void> JsonSchemaValidator::validate(const QJsonValue& value, const QJsonObject& schema)
{
    return check(value, schema, QStringLiteral("$"));
}

Result<QJsonObject> JsonSchemaValidator::parseAndValidate(const QString& text, const QJsonObject& schema)
{
    QString body = text.trimmed();
    if (body.startsWith(QLatin1String("```"))) {
        const auto firstLine = body.indexOf(u'\n');
        const auto fence = body.lastIndexOf(QLatin1String("```"));
        if (firstLine > 0 && fence > firstLine)
            body = body.mid(firstLine + 1, fence - firstLine - 1).trimmed();
    }
    QJsonParseError error;
    const auto document = QJsonDocument::fromJson(body.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError)
        return Error::invalidInput(
            tr("The reply is not valid JSON: %1 at offset %2.").arg(error.errorString()).arg(error.offset));
    if (!document.isObject())
        return Error::invalidInput(tr("The reply must be a JSON object."));
    auto valid = validate(document.object(), schema);
    if (!valid)
        return valid.error();
    return document.object();
}

Result<void> JsonSchemaValidator::check(const QJsonValue& value, const QJsonObject& schema, const QString& path)
{
    const auto typeValue = schema.value(QStringLiteral("type"));
    QStringList types;
    if (typeValue.isString())
        types.append(typeValue.toString());
    else if (typeValue.isArray())
        for (const auto& t : typeValue.toArray())
            types.append(t.toString());
    if (!types.isEmpty()) {
        bool matches = false;
        for (const auto& type : std::as_const(types))
            matches = matches || hasType(value, type);
        if (!matches)
            return Error::invalidInput(tr("%1: expected %2, got %3.").arg(path, types.join(u'|'), compact(value)));
    }
    if (schema.contains(QStringLiteral("enum"))) {
        const auto options = schema.value(QStringLiteral("enum")).toArray();
        if (!options.contains(value)) {
            QStringList names;
            for (const auto& option : options)
                names.append(compact(option));
            return Error::invalidInput(
                tr("%1: %2 is not one of %3.").arg(path, compact(value), names.join(QStringLiteral(", "))));
        }
    }
    if (value.isDouble()) {
        const double d = value.toDouble();
        if (schema.contains(QStringLiteral("minimum")) && d < schema.value(QStringLiteral("minimum")).toDouble())
            return Error::invalidInput(
                tr("%1: %2 is below the minimum %3.")
                    .arg(path, compact(value), compact(schema.value(QStringLiteral("minimum")))));
        if (schema.contains(QStringLiteral("maximum")) && d > schema.value(QStringLiteral("maximum")).toDouble())
            return Error::invalidInput(
                tr("%1: %2 is above the maximum %3.")
                    .arg(path, compact(value), compact(schema.value(QStringLiteral("maximum")))));
    }
    if (value.isObject()) {
        const auto object = value.toObject();
        const auto properties = schema.value(QStringLiteral("properties")).toObject();
        for (const auto& required : schema.value(QStringLiteral("required")).toArray()) {
            if (!object.contains(required.toString()))
                return Error::invalidInput(tr("%1: the field \"%2\" is missing.").arg(path, required.toString()));
        }
        const bool closed = schema.value(QStringLiteral("additionalProperties")) == QJsonValue(false);
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (properties.contains(it.key())) {
                auto valid = check(it.value(), properties.value(it.key()).toObject(), path + u'.' + it.key());
                if (!valid)
                    return valid;
            } else if (closed) {
                return Error::invalidInput(tr("%1: the field \"%2\" is not allowed.").arg(path, it.key()));
            }
        }
    }
    if (value.isArray() && schema.contains(QStringLiteral("items"))) {
        const auto items = schema.value(QStringLiteral("items")).toObject();
        const auto array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            auto valid = check(array.at(i), items, path + u'[' + QString::number(i) + u']');
            if (!valid)
                return valid;
        }
    }
    return {};
}

} // namespace Moniagent
