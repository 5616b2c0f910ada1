#include "reviewbar.h"

#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QPushButton>

namespace Moniagent {

ReviewBar::ReviewBar(QWidget* parent)
    : QFrame(parent)
    , m_hint(new QLabel(this))
    , m_acceptAll(new QPushButton(tr("Accept All Visible"), this))
{
    setObjectName(QStringLiteral("reviewBar"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    QPalette tinted = palette();
    tinted.setColor(QPalette::Window, tinted.color(QPalette::AlternateBase));
    setPalette(tinted);

    m_hint->setObjectName(QStringLiteral("reviewHint"));
    m_hint->setTextFormat(Qt::RichText);
    m_hint->setWordWrap(true);
    m_acceptAll->setObjectName(QStringLiteral("acceptAllVisible"));
    m_acceptAll->setToolTip(tr("Confirm the suggested category of every transaction in this list"));
    connect(m_acceptAll, &QPushButton::clicked, this, &ReviewBar::acceptAllRequested);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 5, 6, 5);
    layout->addWidget(m_hint, 1);
    layout->addWidget(m_acceptAll);
    updateHint();
}

void ReviewBar::setAcceptAllShortcut(const QKeySequence& shortcut)
{
    m_shortcut = shortcut.toString(QKeySequence::NativeText);
    m_acceptAll->setToolTip(
        m_shortcut.isEmpty()
            ? tr("Confirm the suggested category of every transaction in this list")
            : tr("Confirm the suggested category of every transaction in this list (%1)").arg(m_shortcut));
    updateHint();
}

void ReviewBar::setRowCount(int rows)
{
    m_rows = rows;
    m_acceptAll->setEnabled(rows > 0);
}

void ReviewBar::updateHint()
{
    QString hint = tr("<b>Enter</b> accepts the suggested category and moves on · <b>type</b> to choose another "
                      "category");
    if (!m_shortcut.isEmpty())
        hint += QStringLiteral(" · ") + tr("<b>%1</b> accepts them all").arg(m_shortcut.toHtmlEscaped());
    m_hint->setText(hint);
}

} // namespace Moniagent
