#pragma once

#include "core/result.h"

#include <QCommandLineParser>
#include <QHash>
#include <QTextStream>

#include <functional>

namespace Moniagent {

class Session;

// Exit codes of the command line (DESIGN.md §7).
enum class ExitCode
{
    Ok = 0,
    Failure = 1,
    BadInput = 2
};

// What a command gets to work with: the open session, parsed options and the output streams.
struct CliContext
{
    Session* session = nullptr;
    const QCommandLineParser* options = nullptr;
    QTextStream* out = nullptr;
    QTextStream* err = nullptr;
    bool json = false;
    QStringList arguments; // positional arguments after the command name (when the command takes them)
};

// One subcommand of `moniagent` ("list", "add", "demo" …). Runs headless, without widgets.
class CliCommand
{
public:
    virtual ~CliCommand() = default;

    virtual QString name() const = 0;
    virtual QString summary() const = 0;
    virtual void addOptions(QCommandLineParser& parser) const = 0;
    // Whether the command needs an existing profile (otherwise the default one is created when missing).
    virtual bool needsExistingProfile() const { return true; }
    // Whether the command works on a database; without one `session` in the context is null (`scan`).
    virtual bool needsDatabase() const { return true; }
    // The same for the command's positional arguments, for commands with subcommands of both kinds (`mail extract`
    // reads files, `mail sync` works on the database).
    virtual bool needsDatabaseFor(const QStringList& arguments) const { return needsDatabase(); }
    // Whether the command takes positional arguments (e.g. `rules add`); otherwise they are refused.
    virtual bool acceptsArguments() const { return false; }
    // Whether the command draws (charts, reports): the program then starts a GUI application, offscreen when
    // there is no display, instead of a plain core application.
    virtual bool needsGui() const { return false; }
    virtual ExitCode run(CliContext& context) = 0;

protected:
    // Prints the error and maps it to an exit code: invalid input is 2, anything else 1.
    static ExitCode fail(CliContext& context, const Error& error);
    static ExitCode badInput(CliContext& context, const QString& message);
    // The names of the profile's categories by id, for printing.
    static Result<QHash<qint64, QString>> categoryNames(const Session& session);
    // A progress callback that prints "40 % …" lines to the error stream for long runs (not with --json).
    static std::function<bool(qint64 done, qint64 total)> percentPrinter(CliContext& context, qint64 minimumTotal);
};

} // namespace Moniagent
