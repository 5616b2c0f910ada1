#include "clicommand.h"

#include "session/session.h"

#include <QCoreApplication>

#include <memory>

namespace Moniagent {

ExitCode CliCommand::fail(CliContext& context, const Error& error)
{
    *context.err << error.message << Qt::endl;
    if (!error.detail.isEmpty())
        *context.err << "  (" << error.detail << ')' << Qt::endl;
    return error.code == Error::Code::InvalidInput ? ExitCode::BadInput : ExitCode::Failure;
}

ExitCode CliCommand::badInput(CliContext& context, const QString& message)
{
    *context.err << message << Qt::endl;
    return ExitCode::BadInput;
}

Result<QHash<qint64, QString>> CliCommand::categoryNames(const Session& session)
{
    auto categories = session.categories()->list(session.userId());
    if (!categories)
        return categories.error();
    QHash<qint64, QString> names;
    for (const Category& c : std::as_const(*categories))
        names.insert(c.id, c.name);
    return names;
}

std::function<bool(qint64, qint64)> CliCommand::percentPrinter(CliContext& context, qint64 minimumTotal)
{
    if (context.json)
        return {};
    QTextStream* err = context.err;
    auto last = std::make_shared<int>(-1);
    return [err, last, minimumTotal](qint64 done, qint64 total) {
        if (total < minimumTotal || total <= 0)
            return true;
        const int percent = int(done * 100 / total);
        if (percent / 10 != *last / 10) {
            *err << QCoreApplication::translate("Moniagent::CliCommand", "%1 % …").arg(percent / 10 * 10) << Qt::endl;
            *last = percent;
        }
        return true;
    };
}

} // namespace Moniagent
