#include "commandline.h"

#include "addcommand.h"
#include "askcommand.h"
#include "budgetscommand.h"
#include "categorizecommand.h"
#include "democommand.h"
#include "exportcommand.h"
#include "importcommand.h"
#include "jobscommand.h"
#include "listcommand.h"
#include "mailcommand.h"
#include "reportcommand.h"
#include "restorecommand.h"
#include "rulescommand.h"
#include "scancommand.h"
#include "session/session.h"
#include "usagecommand.h"

namespace Moniagent {

namespace {

// Global options that take a value: their value is never the command name.
bool takesValue(const QString& option)
{
    return option == QLatin1String("--db") || option == QLatin1String("--user");
}

// Index of the command name in `arguments`, or -1.
qsizetype commandIndex(const QStringList& arguments)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString& arg = arguments.at(i);
        if (takesValue(arg)) {
            ++i;
            continue;
        }
        if (arg.startsWith(u'-'))
            continue;
        return i;
    }
    return -1;
}

} // namespace

CommandLine::CommandLine()
{
    m_commands.push_back(std::make_unique<ListCommand>());
    m_commands.push_back(std::make_unique<AddCommand>());
    m_commands.push_back(std::make_unique<CategorizeCommand>());
    m_commands.push_back(std::make_unique<RulesCommand>());
    m_commands.push_back(std::make_unique<BudgetsCommand>());
    m_commands.push_back(std::make_unique<DemoCommand>());
    m_commands.push_back(std::make_unique<ScanCommand>());
    m_commands.push_back(std::make_unique<ImportCommand>());
    m_commands.push_back(std::make_unique<ExportCommand>());
    m_commands.push_back(std::make_unique<UsageCommand>());
    m_commands.push_back(std::make_unique<RestoreCommand>());
    m_commands.push_back(std::make_unique<ReportCommand>());
    m_commands.push_back(std::make_unique<AskCommand>());
    m_commands.push_back(std::make_unique<JobsCommand>());
    m_commands.push_back(std::make_unique<MailCommand>());
}

CommandLine::~CommandLine() = default;

bool CommandLine::wantsCommandLine(const QStringList& arguments)
{
    for (const QString& arg : arguments.mid(1)) {
        if (arg == QLatin1String("--help") || arg == QLatin1String("-h") || arg == QLatin1String("--version")
            || arg == QLatin1String("-v"))
            return true;
    }
    const qsizetype index = commandIndex(arguments);
    // The registered commands decide, so a new command cannot be forgotten here.
    return index > 0 && CommandLine().command(arguments.at(index)) != nullptr;
}

bool CommandLine::needsGui(const QStringList& arguments)
{
    const qsizetype index = commandIndex(arguments);
    if (index <= 0)
        return false;
    const CommandLine commandLine;
    const CliCommand* cmd = commandLine.command(arguments.at(index));
    return cmd && cmd->needsGui();
}

void CommandLine::setReportRenderer(ReportRenderer renderer)
{
    for (const auto& c : m_commands) {
        if (auto* report = dynamic_cast<ReportCommand*>(c.get()))
            report->setRenderer(renderer);
    }
}

CliCommand* CommandLine::command(const QString& name) const
{
    for (const auto& c : m_commands) {
        if (c->name() == name)
            return c.get();
    }
    return nullptr;
}

QString CommandLine::overview() const
{
    QString text = tr("Usage: moniagent [--db PATH] [--user NAME] <command> [options]\n"
                      "Without a command, Moniagent opens its window.\n\nCommands:\n");
    for (const auto& c : m_commands)
        text += QStringLiteral("  %1  %2\n").arg(c->name().leftJustified(10), c->summary());
    text += tr("\nRun “moniagent <command> --help” for the options of a command.\n");
    return text;
}

int CommandLine::run(const QStringList& arguments, QTextStream& out, QTextStream& err)
{
    const qsizetype index = commandIndex(arguments);
    if (index < 0) {
        if (arguments.contains(QStringLiteral("--version")) || arguments.contains(QStringLiteral("-v"))) {
            out << QCoreApplication::applicationName() << ' ' << QStringLiteral(MONIAGENT_VERSION) << Qt::endl;
            return int(ExitCode::Ok);
        }
        out << overview();
        out.flush();
        return int(arguments.contains(QStringLiteral("--help")) || arguments.contains(QStringLiteral("-h"))
                       ? ExitCode::Ok
                       : ExitCode::BadInput);
    }
    CliCommand* cmd = command(arguments.at(index));
    if (!cmd) {
        err << tr("“%1” is not a command.").arg(arguments.at(index)) << Qt::endl << overview();
        return int(ExitCode::BadInput);
    }

    QCommandLineParser parser;
    parser.setApplicationDescription(cmd->summary());
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, tr("Show this help."));
    parser.addOption(help);
    parser.addOptions({
        {QStringLiteral("db"), tr("The database file (default: the profile database in the data folder)."), tr("path")},
        {QStringLiteral("user"), tr("The profile to act for (default: the first profile)."), tr("name")},
        {QStringLiteral("json"), tr("Print machine-readable JSON.")},
    });
    cmd->addOptions(parser);
    QStringList rest = arguments;
    rest.removeAt(index);
    if (!parser.parse(rest)) {
        err << parser.errorText() << Qt::endl;
        return int(ExitCode::BadInput);
    }
    if (parser.isSet(help)) {
        out << parser.helpText().replace(QStringLiteral("[options]"), cmd->name() + QStringLiteral(" [options]"));
        out.flush();
        return int(ExitCode::Ok);
    }
    if (!cmd->acceptsArguments() && !parser.positionalArguments().isEmpty()) {
        err << tr("Unexpected argument “%1”.").arg(parser.positionalArguments().first()) << Qt::endl;
        return int(ExitCode::BadInput);
    }

    CliContext context;
    context.options = &parser;
    context.out = &out;
    context.err = &err;
    context.json = parser.isSet(QStringLiteral("json"));
    context.arguments = parser.positionalArguments();
    if (!cmd->needsDatabaseFor(context.arguments))
        return int(cmd->run(context));

    const QString path
        = parser.isSet(QStringLiteral("db")) ? parser.value(QStringLiteral("db")) : Database::defaultPath();
    auto session = Session::open(path);
    if (!session) {
        err << session.error().message << Qt::endl;
        return int(ExitCode::Failure);
    }
    auto hasProfiles = (*session)->hasProfiles();
    if (!hasProfiles) {
        err << hasProfiles.error().message << Qt::endl;
        return int(ExitCode::Failure);
    }
    if (!*hasProfiles && !cmd->needsExistingProfile()) {
        auto created = (*session)->createDefaultProfile();
        if (!created) {
            err << created.error().message << Qt::endl;
            return int(ExitCode::Failure);
        }
    } else if (!*hasProfiles) {
        err << tr("This database has no profile yet. Open Moniagent once, or run “moniagent demo”.") << Qt::endl;
        return int(ExitCode::Failure);
    } else {
        auto selected = (*session)->selectUser(parser.value(QStringLiteral("user")));
        if (!selected) {
            err << selected.error().message << Qt::endl;
            return int(ExitCode::BadInput);
        }
    }

    context.session = session->get();
    return int(cmd->run(context));
}

} // namespace Moniagent
