#pragma once

#include "core/result.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace Moniagent {

// One read-only tool the assistant may call: its name, what it does (for a language model) and its arguments
// as a JSON schema (type "object" with "properties" and "required"), as OpenAI and Anthropic expect them.
struct ToolDefinition
{
    QString name;
    QString description;
    QJsonObject parameters;
};

// The tools over one profile's data that both assistants use: the offline assistant maps a question to calls,
// a language model calls them by name with JSON arguments. Results are exact numbers from SQL (amounts as
// integer minor units with their currency, plus a formatted text); the model never does the arithmetic itself.
// Implementations never write. call() may run on any thread that has its own database connection.
class ToolSet
{
public:
    virtual ~ToolSet() = default;

    virtual QList<ToolDefinition> definitions() const = 0;
    // Runs a tool. Unknown names and invalid arguments are an Error (ErrorCode::InvalidInput) whose message
    // can be shown to a model so it can correct itself.
    virtual Result<QJsonObject> call(const QString& name, const QJsonObject& arguments) const = 0;
};

} // namespace Moniagent
