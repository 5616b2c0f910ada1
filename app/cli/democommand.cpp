#include "democommand.h"

#include "categorize/categorizer.h"
#include "cliparsing.h"
#include "demo/demogenerator.h"
#include "session/session.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>

namespace Moniagent {

QString DemoCommand::summary() const
{
    return tr("Add realistic made-up transactions (several years, hundreds of merchants).");
}

void DemoCommand::addOptions(QCommandLineParser& parser) const
{
    parser.addOptions({
        {QStringLiteral("transactions"), tr("How many transactions to add (default 7500)."), tr("n"),
         QStringLiteral("7500")},
        {QStringLiteral("seed"), tr("Random seed; the same seed gives the same ledger (default 1)."), tr("n"),
         QStringLiteral("1")},
        {QStringLiteral("years"), tr("How many years back the ledger reaches (default: from the size)."), tr("n"),
         QStringLiteral("0")},
    });
}

ExitCode DemoCommand::run(CliContext& context)
{
    const QCommandLineParser& options = *context.options;
    Session& session = *context.session;
    auto count = CliParsing::positiveInt(options.value(QStringLiteral("transactions")), QStringLiteral("transactions"));
    if (!count)
        return fail(context, count.error());
    auto seed = CliParsing::positiveInt(options.value(QStringLiteral("seed")), QStringLiteral("seed"));
    if (!seed)
        return fail(context, seed.error());
    auto years = CliParsing::positiveInt(options.value(QStringLiteral("years")), QStringLiteral("years"));
    if (!years)
        return fail(context, years.error());

    DemoGenerator::Options demo;
    demo.transactions = *count;
    demo.seed = quint64(*seed);
    demo.years = *years;
    demo.endDate = session.clock().today();
    demo.currency = session.baseCurrency().code();
    auto valid = DemoGenerator::validate(demo);
    if (!valid)
        return fail(context, valid.error());

    QElapsedTimer timer;
    timer.start();
    int lastPercent = -1;
    const bool interactive = !context.json;
    auto added = DemoGenerator::populate(session.database(), session.userId(), demo, [&](qint64 done, qint64 total) {
        const int percent = total > 0 ? int(done * 100 / total) : 100;
        if (interactive && percent != lastPercent && percent % 10 == 0) {
            *context.err << tr("%1 % …").arg(percent) << Qt::endl;
            lastPercent = percent;
        }
        return true;
    });
    if (!added)
        return fail(context, added.error());
    const double seconds = std::max<qint64>(timer.elapsed(), 1) / 1000.0;
    // The rows were written in bulk, behind the categorizer: let it learn them (measured separately).
    auto learned = session.categorizer()->rebuildModel();
    if (!learned)
        return fail(context, learned.error());
    const qint64 rate = qint64(double(*added) / seconds);
    if (context.json) {
        *context.out << QString::fromUtf8(QJsonDocument(QJsonObject {{QStringLiteral("added"), *added},
                                                                     {QStringLiteral("milliseconds"), timer.elapsed()},
                                                                     {QStringLiteral("rows_per_second"), rate}})
                                              .toJson(QJsonDocument::Compact))
                     << Qt::endl;
    } else {
        *context.out << tr("Added %1 demo transactions in %2 s (%3 rows/s).")
                            .arg(session.locale().toString(*added), session.locale().toString(seconds, 'f', 2),
                                 session.locale().toString(rate))
                     << Qt::endl;
    }
    return ExitCode::Ok;
}

} // namespace Moniagent
