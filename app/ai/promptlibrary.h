#pragma once

#include "core/result.h"

#include <QCoreApplication>
#include <QHash>
#include <QString>

namespace Moniagent {

// One versioned prompt template (resources/prompts/<name>.v<N>.md, compiled in as :/prompts/…). Every model
// call records `version` and `sha256` in llm_transactions, so a change in wording shows in the usage log.
struct PromptTemplate
{
    QString name; // "assistant-system"
    QString version; // "1" (from the front matter, else the file name)
    QString text; // the body after the front matter, with {{placeholders}}
    QString sha256; // lower-case hex of the UTF-8 body

    // The text with {{key}} replaced by `values[key]`; unknown placeholders stay as they are.
    QString render(const QHash<QString, QString>& values = {}) const;
    // "assistant-system.v1"
    QString id() const { return name + QStringLiteral(".v") + version; }
};

class PromptLibrary
{
    Q_DECLARE_TR_FUNCTIONS(Moniagent::PromptLibrary)
public:
    static constexpr auto AssistantSystem = "assistant-system";
    static constexpr auto CategorizeTransaction = "categorize-transaction";

    // The newest version of the prompt `name`; NotFound when there is none.
    static Result<PromptTemplate> load(const QString& name);
    static Result<PromptTemplate> load(const QString& name, int version);
    // Parses a template file's content ("---\nname: …\nversion: …\n---\nbody").
    static PromptTemplate parse(const QString& fileName, const QByteArray& content);

    static QString directory() { return QStringLiteral(":/prompts"); }
};

} // namespace Moniagent
