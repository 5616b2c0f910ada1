#pragma once

#include "clicommand.h"

#include <QCoreApplication>
#include <QDate>

#include <functional>

namespace Moniagent {

// What the report command asks its renderer to do: write the report of one month of the session's profile.
struct ReportRequest
{
    Session* session = nullptr;
    QDate month; // the first day
    QString path; // the PDF file to write (all or nothing)
};

// Draws and writes a report; returns the number of pages. The report draws charts, which needs the UI layer:
// the composition root (app/main) registers the renderer, so the services below it stay free of widgets.
using ReportRenderer = std::function<Result<int>(const ReportRequest& request)>;

// moniagent report --month 2026-10 --pdf FILE: the monthly report (summary, charts, budgets, largest expenses)
// as a PDF.
class ReportCommand : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(Moniagent::ReportCommand)
public:
    QString name() const override { return QStringLiteral("report"); }
    QString summary() const override;
    void addOptions(QCommandLineParser& parser) const override;
    bool needsGui() const override { return true; }
    ExitCode run(CliContext& context) override;

    void setRenderer(ReportRenderer renderer) { m_renderer = std::move(renderer); }

    // "2026-10" → 1 October 2026; anything else is an invalid date.
    static QDate parseMonth(const QString& text);

private:
    ReportRenderer m_renderer;
};

} // namespace Moniagent
