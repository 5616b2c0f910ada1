#include "categorizecommand.h"

#include "categorize/categorizer.h"
#include "core/categorizationreason.h"
#include "session/session.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Moniagent {

QString CategorizeCommand::summary() const
{
    return tr("Categorize the transactions you have not confirmed (by default only the uncategorized ones).");
}

void CategorizeCommand::addOptions(QCommandLineParser& parser) const
{
    parser.addOptions({
        {QStringLiteral("uncategorized"), tr("Only transactions without a category (the default).")},
        {QStringLiteral("all"), tr("Every transaction you have not confirmed; confirmed ones are never changed.")},
        {QStringLiteral("dry-run"), tr("Show what would change without saving it.")},
    });
}

ExitCode CategorizeCommand::run(CliContext& context)
{
    const QCommandLineParser& options = *context.options;
    if (options.isSet(QStringLiteral("uncategorized")) && options.isSet(QStringLiteral("all")))
        return badInput(context, tr("Choose either --uncategorized or --all."));
    Session& session = *context.session;
    Categorizer* categorizer = session.categorizer();
    const auto scope
        = options.isSet(QStringLiteral("all")) ? Categorizer::Scope::Unconfirmed : Categorizer::Scope::Uncategorized;
    auto changes = categorizer->plan(scope, false);
    if (!changes)
        return fail(context, changes.error());
    if (!options.isSet(QStringLiteral("dry-run")) && !changes->isEmpty()) {
        QList<Transaction> after;
        after.reserve(changes->size());
        for (const auto& change : std::as_const(*changes))
            after << change.after;
        auto written = session.transactions()->updateMany(session.userId(), after);
        if (!written)
            return fail(context, written.error());
    }
    auto categoryNames = CliCommand::categoryNames(session);
    if (!categoryNames)
        return fail(context, categoryNames.error());
    const QHash<qint64, QString>& names = *categoryNames;

    const double threshold = categorizer->settings().autoApplyThreshold;
    qint64 applied = 0;
    for (const auto& change : std::as_const(*changes)) {
        if (change.after.categoryConfidence.value_or(0) >= threshold)
            ++applied;
    }
    const qint64 review = changes->size() - applied;
    if (context.json) {
        QJsonArray rows;
        for (const auto& change : std::as_const(*changes)) {
            const Transaction& t = change.after;
            rows.append(QJsonObject {
                {QStringLiteral("id"), t.id},
                {QStringLiteral("merchant"), t.merchant.isEmpty() ? t.description : t.merchant},
                {QStringLiteral("category"), names.value(t.categoryId.value_or(0))},
                {QStringLiteral("confidence"), t.categoryConfidence.value_or(0)},
                {QStringLiteral("categorized_by"), TransactionEnums::key(t.categorizedBy)},
                {QStringLiteral("applied"), t.categoryConfidence.value_or(0) >= threshold},
                {QStringLiteral("reason"),
                 CategorizationReason::describe(CategorizationReason::fromMetadata(t.sourceMetadata))},
            });
        }
        const QJsonObject result {{QStringLiteral("changed"), qint64(changes->size())},
                                  {QStringLiteral("applied"), applied},
                                  {QStringLiteral("needs_review"), review},
                                  {QStringLiteral("dry_run"), options.isSet(QStringLiteral("dry-run"))},
                                  {QStringLiteral("transactions"), rows}};
        *context.out << QString::fromUtf8(QJsonDocument(result).toJson(QJsonDocument::Indented));
        context.out->flush();
        return ExitCode::Ok;
    }
    const QLocale locale = session.locale();
    for (const auto& change : std::as_const(*changes)) {
        const Transaction& t = change.after;
        const QString confidence = locale.toString(qRound(t.categoryConfidence.value_or(0) * 100)) + locale.percent();
        *context.out << (t.merchant.isEmpty() ? t.description : t.merchant).leftJustified(40, u' ', true) << "  "
                     << names.value(t.categoryId.value_or(0)).leftJustified(24, u' ', true) << "  "
                     << confidence.rightJustified(5) << "  "
                     << CategorizationReason::describe(CategorizationReason::fromMetadata(t.sourceMetadata)) << '\n';
    }
    *context.out << (options.isSet(QStringLiteral("dry-run"))
                         ? tr("%n transaction(s) would be categorized", nullptr, int(changes->size()))
                         : tr("%n transaction(s) categorized", nullptr, int(changes->size())))
                 << ": " << tr("%n applied", nullptr, int(applied)) << ", "
                 << tr("%n left for review", nullptr, int(review)) << '\n';
    context.out->flush();
    return ExitCode::Ok;
}

} // namespace Moniagent
