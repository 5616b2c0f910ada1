#include "usagecommand.h"

#include "core/llmtransaction.h"
#include "db/llmtransactionrepository.h"
#include "session/session.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Moniagent {

namespace {
QJsonObject usageJson(const LlmUsage& usage, bool byDay)
{
    QJsonObject json;
    if (byDay) {
        json.insert(QStringLiteral("day"), usage.day.toString(Qt::ISODate));
    } else {
        json.insert(QStringLiteral("provider"), usage.provider);
        json.insert(QStringLiteral("model"), usage.modelName);
    }
    json.insert(QStringLiteral("calls"), usage.calls);
    json.insert(QStringLiteral("inputTokens"), usage.inputTokens);
    json.insert(QStringLiteral("outputTokens"), usage.outputTokens);
    json.insert(QStringLiteral("totalTokens"), usage.totalTokens);
    json.insert(QStringLiteral("costMicros"), usage.estimatedCostMicros);
    json.insert(QStringLiteral("currency"), usage.costCurrency);
    json.insert(QStringLiteral("averageLatencyMs"), usage.averageLatencyMs);
    return json;
}
} // namespace

QString UsageCommand::summary() const
{
    return tr("Show the AI assistant's calls, tokens and estimated cost per day and per model for this month.");
}

void UsageCommand::addOptions(QCommandLineParser& parser) const
{
    parser.addOption(
        {QStringLiteral("month"), tr("The month to show instead of the current one (YYYY-MM)."), tr("month")});
}

ExitCode UsageCommand::run(CliContext& context)
{
    Session& session = *context.session;
    QDate first = QDate(session.clock().today().year(), session.clock().today().month(), 1);
    if (context.options->isSet(QStringLiteral("month"))) {
        first = QDate::fromString(context.options->value(QStringLiteral("month")) + QStringLiteral("-01"), Qt::ISODate);
        if (!first.isValid())
            return badInput(context, tr("The month must look like 2026-10."));
    }
    const QDate last = first.addMonths(1).addDays(-1);
    LlmTransactionRepository repository(session.database());
    auto byDay = repository.usageByDay(session.userId(), first, last);
    if (!byDay)
        return fail(context, byDay.error());
    auto byModel = repository.usageByModel(session.userId(), first, last);
    if (!byModel)
        return fail(context, byModel.error());

    if (context.json) {
        QJsonArray days;
        for (const auto& usage : *byDay)
            days.append(usageJson(usage, true));
        QJsonArray models;
        for (const auto& usage : *byModel)
            models.append(usageJson(usage, false));
        QJsonObject root {{QStringLiteral("from"), first.toString(Qt::ISODate)},
                          {QStringLiteral("to"), last.toString(Qt::ISODate)},
                          {QStringLiteral("days"), days},
                          {QStringLiteral("models"), models}};
        *context.out << QString::fromUtf8(QJsonDocument(root).toJson(QJsonDocument::Indented));
        return ExitCode::Ok;
    }

    const QLocale locale = session.locale();
    QTextStream& out = *context.out;
    out << tr("AI usage from %1 to %2")
               .arg(locale.toString(first, QLocale::ShortFormat), locale.toString(last, QLocale::ShortFormat))
        << '\n';
    if (byDay->isEmpty()) {
        out << tr("No calls to a language model in this month.") << '\n';
        return ExitCode::Ok;
    }
    out << '\n' << tr("Per day") << '\n';
    for (const auto& usage : *byDay) {
        out << "  " << locale.toString(usage.day, QLocale::ShortFormat) << "  "
            << tr("%n call(s)", nullptr, int(usage.calls)) << ", "
            << tr("%1 tokens (%2 in, %3 out)")
                   .arg(locale.toString(usage.totalTokens), locale.toString(usage.inputTokens),
                        locale.toString(usage.outputTokens))
            << ", " << LlmTransaction::formatCost(usage.estimatedCostMicros, usage.costCurrency, locale) << '\n';
    }
    out << '\n' << tr("Per model") << '\n';
    for (const auto& usage : *byModel) {
        out << "  " << usage.provider << " / " << usage.modelName << "  " << tr("%n call(s)", nullptr, int(usage.calls))
            << ", "
            << tr("%1 tokens (%2 in, %3 out)")
                   .arg(locale.toString(usage.totalTokens), locale.toString(usage.inputTokens),
                        locale.toString(usage.outputTokens))
            << ", " << LlmTransaction::formatCost(usage.estimatedCostMicros, usage.costCurrency, locale) << ", "
            << tr("%1 ms on average").arg(locale.toString(usage.averageLatencyMs)) << '\n';
    }
    return ExitCode::Ok;
}

} // namespace Moniagent
