#include "clicommand.h"

#include "session/session.h"

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

} // namespace Moniagent
