#include "reportcommand.h"

#include "session/session.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace Moniagent {

QString ReportCommand::summary() const
{
    return tr("Write a month's report (summary, charts, budgets, largest expenses) as a PDF.");
}

void ReportCommand::addOptions(QCommandLineParser& parser) const
{
    parser.addOptions({
        {QStringLiteral("month"), tr("The month, as YYYY-MM (default: this month)."), tr("month")},
        {QStringLiteral("pdf"), tr("The PDF file to write."), tr("file")},
    });
}

QDate ReportCommand::parseMonth(const QString& text)
{
    static const QRegularExpression pattern(QStringLiteral(R"(^\s*(\d{4})-(\d{1,2})\s*$)"));
    const auto match = pattern.match(text);
    if (!match.hasMatch())
        return {};
    return QDate(match.captured(1).toInt(), match.captured(2).toInt(), 1);
}

ExitCode ReportCommand::run(CliContext& context)
{
    const QCommandLineParser& options = *context.options;
    Session& session = *context.session;
    QDate month;
    if (options.isSet(QStringLiteral("month"))) {
        month = parseMonth(options.value(QStringLiteral("month")));
        if (!month.isValid())
            return badInput(context,
                            tr("“%1” is not a month: write it as YYYY-MM, e.g. 2026-10.")
                                .arg(options.value(QStringLiteral("month"))));
    } else {
        const QDate today = session.clock().today();
        month = QDate(today.year(), today.month(), 1);
    }
    const QString path = options.value(QStringLiteral("pdf")).trimmed();
    if (path.isEmpty())
        return badInput(context,
                        tr("Name the file to write with --pdf, e.g. “moniagent report --month %1 --pdf "
                           "report.pdf”.")
                            .arg(month.toString(QStringLiteral("yyyy-MM"))));
    if (!m_renderer)
        return fail(context, Error::database(tr("This Moniagent cannot draw reports.")));

    auto pages = m_renderer({&session, month, path});
    if (!pages)
        return fail(context, pages.error());
    const QString file = QFileInfo(path).absoluteFilePath();
    if (context.json) {
        QJsonObject object {{QStringLiteral("file"), file},
                            {QStringLiteral("month"), month.toString(QStringLiteral("yyyy-MM"))},
                            {QStringLiteral("pages"), *pages}};
        *context.out << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)) << Qt::endl;
    } else {
        *context.out << tr("The report for %1 (%n page(s)) is in %2.", nullptr, *pages)
                            .arg(session.locale().standaloneMonthName(month.month()) + u' '
                                     + QString::number(month.year()),
                                 file)
                     << Qt::endl;
    }
    return ExitCode::Ok;
}

} // namespace Moniagent
