#include "summarytiles.h"

#include "chartstyle.h"
#include "dashboardcharts.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

#include <cmath>

namespace Moniagent {

namespace {

const QChar Up(0x25B2);
const QChar Down(0x25BC);

} // namespace

SummaryTiles::SummaryTiles(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("summaryTiles"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(10);
    static const char* const names[] = {"incomeTile", "expensesTile", "netTile", "countTile"};
    for (int i = 0; i < TileCount; ++i) {
        auto* tile = new QFrame(this);
        tile->setObjectName(QLatin1String(names[i]));
        tile->setFrameShape(QFrame::StyledPanel);
        tile->setAutoFillBackground(true);
        tile->setBackgroundRole(QPalette::Base);
        auto* title = new QLabel(tile);
        auto* value = new QLabel(tile);
        auto* change = new QLabel(tile);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        QFont big = value->font();
        big.setPointSizeF(big.pointSizeF() * 1.5);
        big.setBold(true);
        value->setFont(big);
        QFont small = title->font();
        small.setPointSizeF(small.pointSizeF() * 0.92);
        title->setFont(small);
        change->setFont(small);
        auto* box = new QVBoxLayout(tile);
        box->setContentsMargins(12, 8, 12, 8);
        box->setSpacing(2);
        box->addWidget(title);
        box->addWidget(value);
        box->addWidget(change);
        layout->addWidget(tile, 1);
        m_tiles << tile;
        m_titles << title;
        m_values << value;
        m_changes << change;
    }
    clear();
    updateColours();
}

void SummaryTiles::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        updateColours();
}

void SummaryTiles::updateColours()
{
    QPalette muted = palette();
    muted.setColor(QPalette::WindowText, muted.color(QPalette::PlaceholderText));
    for (QLabel* title : std::as_const(m_titles))
        title->setPalette(muted);
}

void SummaryTiles::clear()
{
    static const char* const titles[]
        = {QT_TR_NOOP("Income"), QT_TR_NOOP("Expenses"), QT_TR_NOOP("Net"), QT_TR_NOOP("Transactions")};
    for (int i = 0; i < TileCount; ++i) {
        m_titles.at(i)->setText(tr(titles[i]));
        m_values.at(i)->setText(QStringLiteral("–"));
        m_changes.at(i)->setText(QString());
    }
}

SummaryTiles::Texts SummaryTiles::texts(Tile tile, const PeriodSummary& month, const PeriodSummary& previous,
                                        QDate previousMonth, const ChartStyle& style)
{
    const QLocale& locale = style.locale();
    const QString before = locale.standaloneMonthName(previousMonth.month());
    Texts texts;
    const auto relative = [&](qint64 now, qint64 then, bool upIsGood) {
        if (now == then) {
            texts.change = tr("Same as %1").arg(before);
            return;
        }
        if (then == 0) {
            texts.change = tr("None in %1").arg(before);
            return;
        }
        const double change = (double(now) - double(then)) / double(then) * 100;
        texts.change
            = tr("%1 %2 vs. %3")
                  .arg(change > 0 ? Up : Down)
                  .arg(locale.toString(std::abs(change), 'f', std::abs(change) < 10 ? 1 : 0) + locale.percent(),
                       before);
        texts.direction = (change > 0) == upIsGood ? 1 : -1;
    };
    switch (tile) {
    case Income:
        texts.title = tr("Income");
        texts.value = style.money(month.incomeMinor);
        relative(month.incomeMinor, previous.incomeMinor, true);
        break;
    case Expenses:
        texts.title = tr("Expenses");
        texts.value = style.money(month.expenseMinor);
        relative(month.expenseMinor, previous.expenseMinor, false);
        break;
    case Net: {
        texts.title = tr("Net");
        texts.value = style.money(month.netMinor());
        const qint64 difference = month.netMinor() - previous.netMinor();
        if (difference == 0) {
            texts.change = tr("Same as %1").arg(before);
        } else {
            texts.change
                = tr("%1 %2 vs. %3").arg(difference > 0 ? Up : Down).arg(style.money(std::abs(difference)), before);
            texts.direction = difference > 0 ? 1 : -1;
        }
        break;
    }
    case Count:
    case TileCount: {
        texts.title = tr("Transactions");
        texts.value = locale.toString(month.count);
        const qint64 difference = month.count - previous.count;
        texts.change = difference == 0
            ? tr("Same as %1").arg(before)
            : tr("%1 %2 vs. %3").arg(difference > 0 ? Up : Down).arg(locale.toString(std::abs(difference)), before);
        break;
    }
    }
    return texts;
}

void SummaryTiles::setSummary(const PeriodSummary& month, const PeriodSummary& previous, QDate previousMonth,
                              const ChartStyle& style)
{
    for (int i = 0; i < TileCount; ++i) {
        const Texts t = texts(Tile(i), month, previous, previousMonth, style);
        m_titles.at(i)->setText(t.title);
        m_values.at(i)->setText(t.value);
        m_changes.at(i)->setText(t.change);
        QPalette palette = m_changes.at(i)->palette();
        const QColor colour = t.direction > 0 ? style.ok() : t.direction < 0 ? style.exceeded() : style.mutedText();
        palette.setColor(QPalette::WindowText, colour);
        m_changes.at(i)->setPalette(palette);
    }
}

} // namespace Moniagent
