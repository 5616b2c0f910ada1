#include "monthlyreport.h"

#include "dashboard/chartstyle.h"
#include "dashboard/dashboardcharts.h"
#include "dashboard/dashboardloader.h"
#include "dashboard/summarytiles.h"
#include "reportpainter.h"
#include "session/session.h"

#include <QFileInfo>
#include <QImage>
#include <QPainter>
#include <QPainterPath>
#include <QPdfWriter>
#include <QSaveFile>

#include <algorithm>
#include <functional>

namespace Moniagent {

namespace {

constexpr double FooterHeight = 22;
constexpr double Gap = 12;

void footer(QPainter* painter, const QRectF& page, const QString& text, const QColor& colour)
{
    painter->save();
    QFont font = painter->font();
    font.setPointSizeF(7.5);
    painter->setFont(font);
    painter->setPen(colour);
    painter->drawText(QRectF(page.left(), page.bottom() - FooterHeight + 6, page.width(), FooterHeight - 6),
                      Qt::AlignHCenter | Qt::AlignBottom, text);
    painter->restore();
}

// The four numbers of the month, as boxes across the page.
void summaryTiles(ReportPainter& report, const DashboardData& data, const ChartStyle& style)
{
    constexpr double Height = 76;
    constexpr double TileGap = 10;
    QPainter* painter = report.painter();
    const QRectF page = report.page();
    const double width = (page.width() - 3 * TileGap) / 4;
    painter->save();
    for (int i = 0; i < SummaryTiles::TileCount; ++i) {
        const auto texts = SummaryTiles::texts(SummaryTiles::Tile(i), data.summary, data.previousSummary,
                                               data.month.addMonths(-1), style);
        const QRectF box(page.left() + i * (width + TileGap), report.y(), width, Height);
        QPainterPath path;
        path.addRoundedRect(box, 6, 6);
        painter->fillPath(path, report.palette().color(QPalette::AlternateBase));
        painter->setPen(QPen(report.line(), 0.8));
        painter->drawPath(path);
        const QRectF inner = box.adjusted(10, 8, -10, -8);
        painter->setFont(report.font(8.5));
        painter->setPen(report.muted());
        painter->drawText(inner, Qt::AlignLeft | Qt::AlignTop, texts.title);
        painter->setFont(report.font(14, true));
        painter->setPen(report.text());
        painter->drawText(inner, Qt::AlignLeft | Qt::AlignVCenter, texts.value);
        painter->setFont(report.font(7.5));
        painter->setPen(texts.direction > 0 ? style.ok() : texts.direction < 0 ? style.exceeded() : report.muted());
        painter->drawText(inner, Qt::AlignLeft | Qt::AlignBottom, texts.change);
    }
    painter->restore();
    report.skip(Height);
}

QString leftOutNote(const DashboardData& data, const QLocale& locale)
{
    QStringList parts;
    if (!data.summary.leftOutExpenses.isEmpty())
        parts << MonthlyReport::tr("expenses of %1")
                     .arg(DashboardCharts::leftOutText(data.summary.leftOutExpenses, locale));
    if (!data.summary.leftOutIncome.isEmpty())
        parts
            << MonthlyReport::tr("income of %1").arg(DashboardCharts::leftOutText(data.summary.leftOutIncome, locale));
    if (parts.isEmpty())
        return {};
    return MonthlyReport::tr("Not included, being in other currencies: %1.").arg(parts.join(QStringLiteral("; ")));
}

void budgetTable(ReportPainter& report, const DashboardData& data, const QLocale& locale)
{
    report.paragraph(MonthlyReport::tr("Budgets"), report.font(13, true), report.text());
    report.skip(6);
    if (data.budgets.isEmpty()) {
        report.paragraph(MonthlyReport::tr("No budgets are set."), report.font(9.5), report.muted());
        return;
    }
    QList<QStringList> rows;
    for (const BudgetStatus& status : data.budgets) {
        const QString name = status.budget.isOverall() ? MonthlyReport::tr("All spending")
                                                       : DashboardCharts::categoryName(data, status.budget.categoryId);
        const QString window
            = MonthlyReport::tr("%1 – %2").arg(locale.toString(status.window.start, QLocale::ShortFormat),
                                               locale.toString(status.window.end, QLocale::ShortFormat));
        rows << QStringList {name,
                             BudgetEnums::displayName(status.budget.period),
                             window,
                             status.spent.toString(locale),
                             status.budget.limit.toString(locale),
                             status.remaining().toString(locale),
                             locale.toString(status.used() * 100, 'f', 0) + locale.percent(),
                             BudgetStates::displayName(status.state)};
    }
    const QList<ReportPainter::Column> columns {
        {MonthlyReport::tr("Budget"), 2.3, Qt::AlignLeft}, {MonthlyReport::tr("Period"), 1.1, Qt::AlignLeft},
        {MonthlyReport::tr("Window"), 2.0, Qt::AlignLeft}, {MonthlyReport::tr("Spent"), 1.4, Qt::AlignRight},
        {MonthlyReport::tr("Limit"), 1.4, Qt::AlignRight}, {MonthlyReport::tr("Remaining"), 1.4, Qt::AlignRight},
        {MonthlyReport::tr("Used"), 0.8, Qt::AlignRight},  {MonthlyReport::tr("Status"), 1.2, Qt::AlignLeft},
    };
    const int left = report.table(columns, rows, report.font(8.5));
    if (left > 0)
        report.paragraph(MonthlyReport::tr("… and %n more budget(s).", nullptr, left), report.font(8), report.muted());
}

void expenseTable(ReportPainter& report, const DashboardData& data, const QLocale& locale)
{
    report.paragraph(MonthlyReport::tr("Largest expenses of %1").arg(DashboardCharts::monthName(data.month, locale)),
                     report.font(13, true), report.text());
    report.skip(6);
    if (data.largestExpenses.isEmpty()) {
        report.paragraph(MonthlyReport::tr("No expenses in %1.").arg(data.currency.code()), report.font(9.5),
                         report.muted());
        return;
    }
    QList<QStringList> rows;
    for (const Transaction& t : data.largestExpenses) {
        const QString what = !t.merchant.isEmpty() ? t.merchant : t.description;
        rows << QStringList {locale.toString(t.occurredOn, QLocale::ShortFormat), what,
                             DashboardCharts::categoryName(data, t.categoryId), t.amount.toString(locale)};
    }
    const QList<ReportPainter::Column> columns {
        {MonthlyReport::tr("Date"), 1.2, Qt::AlignLeft},
        {MonthlyReport::tr("Merchant"), 3.2, Qt::AlignLeft},
        {MonthlyReport::tr("Category"), 2.6, Qt::AlignLeft},
        {MonthlyReport::tr("Amount"), 1.6, Qt::AlignRight},
    };
    (void)report.table(columns, rows, report.font(8.5));
}

} // namespace

QPalette MonthlyReport::printPalette()
{
    QPalette palette;
    const QColor white(Qt::white);
    const QColor ink(0x1F, 0x29, 0x37);
    for (QPalette::ColorGroup group : {QPalette::Active, QPalette::Inactive, QPalette::Disabled}) {
        palette.setColor(group, QPalette::Window, white);
        palette.setColor(group, QPalette::Base, white);
        palette.setColor(group, QPalette::AlternateBase, QColor(0xF3, 0xF4, 0xF6));
        palette.setColor(group, QPalette::Text, ink);
        palette.setColor(group, QPalette::WindowText, ink);
        palette.setColor(group, QPalette::PlaceholderText, QColor(0x6B, 0x72, 0x80));
        palette.setColor(group, QPalette::Mid, QColor(0xD1, 0xD5, 0xDB));
    }
    return palette;
}

Result<int> MonthlyReport::write(Session* session, QDate month, const QString& path)
{
    if (!session || session->userId() <= 0 || !session->budgetEngine())
        return Error::invalidInput(tr("No profile is open."));
    if (!month.isValid())
        return Error::invalidInput(tr("The month is not valid."));
    DashboardRequest request;
    request.userId = session->userId();
    request.month = month;
    request.today = session->clock().today();
    request.currency = session->baseCurrency();
    request.largestExpenses = LargestExpenses;
    const DashboardLoader loader(session->database(), session->categories(), session->budgetEngine());
    auto data = loader.load(request);
    if (!data)
        return data.error();
    return write(*data, session->user().username, session->locale(), path);
}

Result<int> MonthlyReport::write(const DashboardData& data, const QString& profileName, const QLocale& locale,
                                 const QString& path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error {Error::Code::Io, tr("“%1” cannot be written.").arg(QFileInfo(path).fileName()),
                      file.errorString()};
    auto pages = write(data, profileName, locale, &file);
    if (!pages) {
        file.cancelWriting();
        return pages;
    }
    if (!file.commit())
        return Error {Error::Code::Io, tr("“%1” cannot be written.").arg(QFileInfo(path).fileName()),
                      file.errorString()};
    return pages;
}

namespace {

// Paints the report's pages, calling `newPage` between them; `page` is the area to fill on each.
void paintReport(QPainter& painter, const QRectF& page, const std::function<void()>& newPage, const DashboardData& data,
                 const QString& profileName, const QLocale& locale)
{
    const QString month = DashboardCharts::monthName(data.month, locale);
    painter.setRenderHint(QPainter::Antialiasing);
    const QPalette palette = MonthlyReport::printPalette();
    const QRectF content = page.adjusted(0, 0, 0, -FooterHeight);
    ChartStyle style(palette, locale, data.currency);
    style.setCompact(true);
    ReportPainter report(&painter, content, palette);
    const auto chart = [&](DashboardCharts::Kind kind, double height) {
        const ChartContent built = DashboardCharts::build(kind, data, style);
        const double footnote
            = built.footnote.isEmpty() ? 0 : report.paragraphHeight(built.footnote, report.font(7.5)) + 3;
        report.chart(built, std::max(160.0, std::min(height, report.remaining() - footnote)));
    };
    const auto pageFooter = [&](int number) {
        footer(&painter, page,
               MonthlyReport::tr("Moniagent · %1 · %2 · page %3 of %4")
                   .arg(profileName, month)
                   .arg(number)
                   .arg(MonthlyReport::Pages),
               report.muted());
    };

    // Page 1: the month in numbers, where the money went, and how spending went through the month.
    report.paragraph(MonthlyReport::tr("Monthly report: %1").arg(month), report.font(20, true), report.text());
    report.skip(2);
    report.paragraph(MonthlyReport::tr("%1 · amounts in %2 (%3)")
                         .arg(profileName, data.currency.displayName(locale), data.currency.code()),
                     report.font(9.5), report.muted());
    report.skip(14);
    summaryTiles(report, data, style);
    const QString note = leftOutNote(data, locale);
    if (!note.isEmpty()) {
        report.skip(6);
        report.paragraph(note, report.font(8), report.muted());
    }
    report.skip(Gap + 4);
    chart(DashboardCharts::Kind::Categories, 360);
    report.skip(Gap);
    chart(DashboardCharts::Kind::Daily, 400);
    pageFooter(1);

    // Page 2: the year, the budgets, the merchants.
    newPage();
    report.restart();
    chart(DashboardCharts::Kind::Trend, 380);
    report.skip(Gap);
    chart(DashboardCharts::Kind::Budgets, std::clamp(110.0 + 30.0 * double(data.budgets.size()), 220.0, 300.0));
    report.skip(Gap);
    chart(DashboardCharts::Kind::Merchants, 340);
    pageFooter(2);

    // Page 3: the tables.
    newPage();
    report.restart();
    budgetTable(report, data, locale);
    report.skip(24);
    expenseTable(report, data, locale);
    pageFooter(3);
}

const QMarginsF PageMargins(15, 15, 15, 12); // millimetres

} // namespace

Result<int> MonthlyReport::write(const DashboardData& data, const QString& profileName, const QLocale& locale,
                                 QIODevice* device)
{
    QPdfWriter writer(device);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(PageMargins, QPageLayout::Millimeter);
    writer.setResolution(96); // one unit is a screen pixel, so charts and fonts keep their proportions
    writer.setTitle(tr("Moniagent report for %1").arg(DashboardCharts::monthName(data.month, locale)));
    writer.setCreator(QStringLiteral("Moniagent"));
    QPainter painter;
    if (!painter.begin(&writer))
        return Error {Error::Code::Io, tr("The report cannot be written."), device->errorString()};
    paintReport(
        painter, QRectF(0, 0, writer.width(), writer.height()), [&]() { writer.newPage(); }, data, profileName, locale);
    if (!painter.end())
        return Error {Error::Code::Io, tr("The report cannot be written."), device->errorString()};
    return Pages;
}

QList<QImage> MonthlyReport::preview(const DashboardData& data, const QString& profileName, const QLocale& locale)
{
    // A4 at 96 dpi, with the PDF's margins.
    constexpr double Dpi = 96;
    const QSizeF a4 = QPageSize(QPageSize::A4).size(QPageSize::Millimeter) / 25.4 * Dpi;
    const QMarginsF margins(PageMargins.left() / 25.4 * Dpi, PageMargins.top() / 25.4 * Dpi,
                            PageMargins.right() / 25.4 * Dpi, PageMargins.bottom() / 25.4 * Dpi);
    QList<QImage> pages;
    QPainter painter;
    const auto start = [&]() {
        if (painter.isActive())
            painter.end();
        QImage image(a4.toSize(), QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        pages << image;
        painter.begin(&pages.last());
        painter.translate(margins.left(), margins.top());
    };
    start();
    const QRectF page(0, 0, a4.width() - margins.left() - margins.right(),
                      a4.height() - margins.top() - margins.bottom());
    paintReport(painter, page, start, data, profileName, locale);
    painter.end();
    return pages;
}

} // namespace Moniagent
