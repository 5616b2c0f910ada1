#pragma once

#include "clicommand.h"

#include <QCoreApplication>

namespace Moniagent {

struct BudgetStatus;

// moniagent budgets [--json] [--date D]
// moniagent budgets set CATEGORY|all AMOUNT [--period weekly|monthly|yearly] [--threshold 0.8] [--currency C]
// moniagent budgets remove CATEGORY|all
class BudgetsCommand : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(Moniagent::BudgetsCommand)
public:
    QString name() const override { return QStringLiteral("budgets"); }
    QString summary() const override;
    void addOptions(QCommandLineParser& parser) const override;
    bool acceptsArguments() const override { return true; }
    // Setting the first budget of a fresh database creates the default profile, as adding a transaction does.
    bool needsExistingProfile() const override { return false; }
    ExitCode run(CliContext& context) override;

private:
    ExitCode list(CliContext& context);
    ExitCode set(CliContext& context);
    ExitCode remove(CliContext& context);
    // The category a budget argument names: empty for "all" (all spending).
    static Result<std::optional<qint64>> categoryFor(CliContext& context, const QString& name);
    static void printTable(CliContext& context, const QList<BudgetStatus>& statuses,
                           const QHash<qint64, QString>& names);
};

} // namespace Moniagent
