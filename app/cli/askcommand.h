#pragma once

#include "clicommand.h"

#include <QCoreApplication>

namespace Moniagent {

struct AssistantAnswer;

// moniagent ask "question" [--json] [--date D]: the offline assistant answers from the profile's data. Exit 0 when
// the question was answered, 2 when it was empty or not understood.
class AskCommand : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(Moniagent::AskCommand)
public:
    QString name() const override { return QStringLiteral("ask"); }
    QString summary() const override;
    void addOptions(QCommandLineParser& parser) const override;
    bool acceptsArguments() const override { return true; }
    ExitCode run(CliContext& context) override;

private:
    static void print(CliContext& context, const AssistantAnswer& answer);
};

} // namespace Moniagent
