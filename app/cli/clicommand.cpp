#include "clicommand.h"

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

} // namespace Moniagent
