#include "askcommand.h"

#include "ai/offlineassistant.h"
#include "cliparsing.h"
#include "session/session.h"

#include <QEventLoop>
#include <QJsonDocument>

#include <algorithm>

namespace Moniagent {

namespace {

// "Today" for --date: the assistant's relative periods count from it.
class FixedClock final : public Clock
{
public:
    explicit FixedClock(QDate today)
        : m_today(today)
    { }
    QDateTime nowUtc() const override { return QDateTime(m_today, QTime(12, 0), Qt::UTC); }
    QDate today() const override { return m_today; }

private:
    QDate m_today;
};

} // namespace

QString AskCommand::summary() const
{
    return tr("Answer a question about your money with the built-in offline assistant, e.g. "
              "ask \"How much did I spend on groceries last month?\".");
}

void AskCommand::addOptions(QCommandLineParser& parser) const
{
    parser.addOptions({
        {QStringLiteral("date"), tr("Answer as if today were this day (YYYY-MM-DD)."), tr("date")},
    });
}

ExitCode AskCommand::run(CliContext& context)
{
    Session& session = *context.session;
    const QString question = context.arguments.join(u' ').trimmed();
    if (question.isEmpty())
        return badInput(context, tr("Ask a question, e.g. moniagent ask \"How much did I spend last month?\"."));
    QDate today = session.clock().today();
    if (context.options->isSet(QStringLiteral("date"))) {
        auto parsed = CliParsing::date(context.options->value(QStringLiteral("date")), today, session.locale());
        if (!parsed)
            return badInput(context, parsed.error().message);
        today = *parsed;
    }
    const FixedClock clock(today);
    OfflineAssistant assistant(session.database(), session.userId(), clock, session.locale(), session.baseCurrency(),
                               session.budgetEngine());
    // The assistant answers on a worker thread; wait here for its one signal.
    std::optional<AssistantAnswer> answer;
    QString failure;
    QEventLoop loop;
    QObject::connect(&assistant, &Assistant::finished, &loop, [&](const AssistantAnswer& a) {
        answer = a;
        loop.quit();
    });
    QObject::connect(&assistant, &Assistant::failed, &loop, [&](const QString& message) {
        failure = message;
        loop.quit();
    });
    QObject::connect(&assistant, &Assistant::cancelled, &loop, &QEventLoop::quit);
    assistant.ask(question);
    if (assistant.isBusy())
        loop.exec();
    if (!answer) {
        *context.err << (failure.isEmpty() ? tr("The question was not answered.") : failure) << Qt::endl;
        return ExitCode::Failure;
    }
    if (context.json)
        *context.out << QString::fromUtf8(QJsonDocument(answer->toJson()).toJson(QJsonDocument::Indented));
    else
        print(context, *answer);
    context.out->flush();
    return answer->understood ? ExitCode::Ok : ExitCode::BadInput;
}

void AskCommand::print(CliContext& context, const AssistantAnswer& answer)
{
    QTextStream& out = *context.out;
    QString text = answer.text;
    text.remove(QStringLiteral("**"));
    out << text << Qt::endl;
    if (!answer.table.isEmpty()) {
        QList<qsizetype> widths;
        for (const QString& header : answer.table.headers)
            widths << header.size();
        for (const QStringList& row : answer.table.rows) {
            for (qsizetype i = 0; i < row.size(); ++i) {
                if (i >= widths.size())
                    widths << 0;
                widths[i] = std::max(widths.at(i), row.at(i).size());
            }
        }
        const auto line = [&](const QStringList& cells) {
            QStringList padded;
            for (qsizetype i = 0; i < cells.size(); ++i)
                padded << (answer.table.numericColumns.contains(int(i)) ? cells.at(i).rightJustified(widths.at(i))
                                                                        : cells.at(i).leftJustified(widths.at(i)));
            out << padded.join(QStringLiteral("  ")).trimmed() << Qt::endl;
        };
        out << Qt::endl;
        line(answer.table.headers);
        for (const QStringList& row : answer.table.rows)
            line(row);
    }
    for (const ProposedAction& action : answer.proposals)
        out << tr("Proposed (confirm in the app): %1").arg(action.label) << Qt::endl;
}

} // namespace Moniagent
