#include "rulescommand.h"

#include "categorize/categorizer.h"
#include "cliparsing.h"
#include "session/session.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Moniagent {

QString RulesCommand::summary() const
{
    return tr("List, add or remove categorization rules: “rules list”, “rules add --type keyword --pattern TESCO "
              "--category Groceries”, “rules remove ID”.");
}

void RulesCommand::addOptions(QCommandLineParser& parser) const
{
    parser.addOptions({
        {QStringLiteral("type"), tr("How the rule matches: keyword, regex or exact."), tr("type")},
        {QStringLiteral("pattern"), tr("The store name, keyword or regular expression."), tr("text")},
        {QStringLiteral("category"), tr("The category (name) the rule assigns."), tr("name")},
        {QStringLiteral("priority"), tr("Higher priorities are tried first within a type (default 0)."), tr("n"),
         QStringLiteral("0")},
        {QStringLiteral("confidence"), tr("The confidence the rule's category carries, in percent (default 100)."),
         tr("percent"), QStringLiteral("100")},
    });
}

ExitCode RulesCommand::run(CliContext& context)
{
    const QString action = context.arguments.value(0);
    if (action == QLatin1String("list") && context.arguments.size() == 1)
        return list(context);
    if (action == QLatin1String("add") && context.arguments.size() == 1)
        return add(context);
    if (action == QLatin1String("remove") && context.arguments.size() == 2)
        return remove(context);
    return badInput(context,
                    tr("Use “rules list”, “rules add --type … --pattern … --category …” or “rules remove ID”."));
}

ExitCode RulesCommand::list(CliContext& context)
{
    Session& session = *context.session;
    auto rules = session.categorizer()->listRules();
    if (!rules)
        return fail(context, rules.error());
    auto categoryNames = CliCommand::categoryNames(session);
    if (!categoryNames)
        return fail(context, categoryNames.error());
    const QHash<qint64, QString>& names = *categoryNames;
    if (context.json) {
        QJsonArray array;
        for (const CategorizationRule& rule : std::as_const(*rules)) {
            array.append(QJsonObject {
                {QStringLiteral("id"), rule.id},
                {QStringLiteral("type"), CategorizationRuleEnums::key(rule.type)},
                {QStringLiteral("pattern"), rule.pattern},
                {QStringLiteral("category"), names.value(rule.categoryId)},
                {QStringLiteral("confidence"), rule.confidenceThreshold},
                {QStringLiteral("priority"), rule.priority},
                {QStringLiteral("active"), rule.isActive},
                {QStringLiteral("origin"), CategorizationRuleEnums::key(rule.origin)},
                {QStringLiteral("hits"), rule.hitCount},
            });
        }
        *context.out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
        context.out->flush();
        return ExitCode::Ok;
    }
    for (const CategorizationRule& rule : std::as_const(*rules)) {
        *context.out << QString::number(rule.id).rightJustified(5) << "  "
                     << CategorizationRuleEnums::displayName(rule.type).leftJustified(12, u' ', true) << "  "
                     << rule.pattern.leftJustified(30, u' ', true) << "  "
                     << names.value(rule.categoryId).leftJustified(24, u' ', true) << "  "
                     << CategorizationRuleEnums::displayName(rule.origin).leftJustified(8, u' ', true) << "  "
                     << tr("%n hit(s)", nullptr, int(rule.hitCount))
                     << (rule.isActive ? QString() : QStringLiteral("  ") + tr("(off)")) << '\n';
    }
    if (rules->isEmpty())
        *context.err << tr("No rules yet.") << Qt::endl;
    context.out->flush();
    return ExitCode::Ok;
}

ExitCode RulesCommand::add(CliContext& context)
{
    const QCommandLineParser& options = *context.options;
    Session& session = *context.session;
    const QString typeText = options.value(QStringLiteral("type")).toLower();
    std::optional<RuleType> type = CategorizationRuleEnums::typeFromKey(typeText);
    if (typeText == QLatin1String("exact"))
        type = RuleType::ExactMatch;
    if (!type)
        return badInput(context, tr("--type is “keyword”, “regex” or “exact”."));
    if (!options.isSet(QStringLiteral("pattern")) || !options.isSet(QStringLiteral("category")))
        return badInput(context, tr("Give the rule a --pattern and a --category."));
    auto category = session.categories()->findByName(session.userId(), options.value(QStringLiteral("category")));
    if (!category)
        return badInput(context, category.error().message);
    bool ok = false;
    const int priority = options.value(QStringLiteral("priority")).toInt(&ok);
    if (!ok)
        return badInput(context, tr("--priority is a whole number."));
    const int confidence = options.value(QStringLiteral("confidence")).toInt(&ok);
    if (!ok || confidence < 0 || confidence > 100)
        return badInput(context, tr("--confidence is a percentage from 0 to 100."));
    CategorizationRule rule;
    rule.type = *type;
    rule.pattern = options.value(QStringLiteral("pattern"));
    rule.categoryId = category->id;
    rule.priority = priority;
    rule.confidenceThreshold = confidence / 100.0;
    rule.origin = RuleOrigin::User;
    auto id = session.categorizer()->addRule(rule);
    if (!id)
        return fail(context, id.error());
    if (context.json)
        *context.out << QString::fromUtf8(QJsonDocument(QJsonObject {{QStringLiteral("id"), *id}}).toJson());
    else
        *context.out << tr("Rule %1 added.").arg(*id) << '\n';
    context.out->flush();
    return ExitCode::Ok;
}

ExitCode RulesCommand::remove(CliContext& context)
{
    bool ok = false;
    const qint64 id = context.arguments.at(1).toLongLong(&ok);
    if (!ok || id <= 0)
        return badInput(context, tr("“%1” is not a rule number; see “rules list”.").arg(context.arguments.at(1)));
    auto removed = context.session->categorizer()->removeRule(id);
    if (!removed)
        return fail(context, removed.error());
    if (!context.json)
        *context.out << tr("Rule %1 removed.").arg(id) << '\n';
    context.out->flush();
    return ExitCode::Ok;
}

} // namespace Moniagent
