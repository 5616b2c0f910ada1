#include "trayicon.h"

#include "desktop/desktoplogging.h"

#include <QAction>
#include <QMenu>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace Moniagent {

namespace {

const QString appIconPath = QStringLiteral(":/icons/moniagent.svg");

QPixmap badged(const QIcon& base, int size)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    base.paint(&painter, QRect(0, 0, size, size));

    // A red disc with a white rim and an exclamation mark in the lower right corner.
    const qreal diameter = size * 0.56;
    const QRectF disc(size - diameter, size - diameter, diameter, diameter);
    const qreal rim = std::max(1.0, size / 16.0);
    painter.setPen(Qt::NoPen);
    painter.setBrush(Qt::white);
    painter.drawEllipse(disc);
    painter.setBrush(QColor(0xD9, 0x30, 0x25));
    painter.drawEllipse(disc.adjusted(rim, rim, -rim, -rim));
    painter.setBrush(Qt::white);
    const qreal barWidth = diameter * 0.16;
    const qreal cx = disc.center().x();
    const QRectF bar(cx - barWidth / 2, disc.top() + diameter * 0.2, barWidth, diameter * 0.38);
    painter.drawRoundedRect(bar, barWidth / 2, barWidth / 2);
    const qreal dot = barWidth * 1.1;
    painter.drawEllipse(QRectF(cx - dot / 2, disc.top() + diameter * 0.66, dot, dot));
    return pixmap;
}

} // namespace

TrayIcon::TrayIcon(QObject* parent)
    : QObject(parent)
    , m_tray(new QSystemTrayIcon(this))
    , m_menu(new QMenu)
{
    setObjectName(QStringLiteral("trayIcon"));
    m_tray->setObjectName(QStringLiteral("systemTrayIcon"));
    m_menu->setObjectName(QStringLiteral("trayMenu"));

    QAction* open = m_menu->addAction(tr("&Open Moniagent"), this, &TrayIcon::openRequested);
    open->setObjectName(QStringLiteral("trayOpenAction"));
    m_menu->setDefaultAction(open);
    QAction* quickAdd = m_menu->addAction(tr("Quick &Add Expense…"), this, &TrayIcon::quickAddRequested);
    quickAdd->setObjectName(QStringLiteral("trayQuickAddAction"));
    QAction* import = m_menu->addAction(tr("&Import…"), this, &TrayIcon::importRequested);
    import->setObjectName(QStringLiteral("trayImportAction"));
    m_menu->addSeparator();
    m_summary = m_menu->addAction(summaryFor({}));
    m_summary->setObjectName(QStringLiteral("trayBudgetSummary"));
    m_summary->setEnabled(false);
    m_menu->addSeparator();
    QAction* quit = m_menu->addAction(tr("&Quit"), this, &TrayIcon::quitRequested);
    quit->setObjectName(QStringLiteral("trayQuitAction"));
    quit->setMenuRole(QAction::QuitRole);

    m_tray->setContextMenu(m_menu);
    m_tray->setIcon(applicationIcon(false));
    updateToolTip();
    connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
            emit openRequested();
    });
    connect(m_tray, &QSystemTrayIcon::messageClicked, this, &TrayIcon::onMessageClicked);
}

TrayIcon::~TrayIcon()
{
    m_tray->setContextMenu(nullptr);
    delete m_menu; // a QMenu cannot be a child of a QObject that is not a widget
}

bool TrayIcon::isAvailable()
{
    return QSystemTrayIcon::isSystemTrayAvailable();
}

void TrayIcon::show()
{
    m_tray->show();
}

void TrayIcon::hide()
{
    m_tray->hide();
}

QString TrayIcon::summaryText() const
{
    return m_summary->text();
}

QIcon TrayIcon::icon() const
{
    return m_tray->icon();
}

QString TrayIcon::summaryFor(const QList<BudgetStatus>& statuses)
{
    if (statuses.isEmpty())
        return tr("No budgets");
    int ok = 0;
    int warning = 0;
    int exceeded = 0;
    for (const BudgetStatus& status : statuses) {
        switch (status.state) {
        case BudgetState::Ok:
            ++ok;
            break;
        case BudgetState::Warning:
            ++warning;
            break;
        case BudgetState::Exceeded:
            ++exceeded;
            break;
        }
    }
    QStringList parts;
    if (ok > 0)
        parts << tr("%n on track", nullptr, ok);
    if (warning > 0)
        parts << tr("%n warning(s)", nullptr, warning);
    if (exceeded > 0)
        parts << tr("%n exceeded", nullptr, exceeded);
    return tr("Budgets: %1").arg(parts.join(tr(", ", "separates the parts of the budget summary")));
}

QIcon TrayIcon::applicationIcon(bool warning)
{
    const QIcon base(appIconPath);
    if (!warning)
        return base;
    QIcon icon;
    for (int size : {16, 22, 24, 32, 48, 64, 128})
        icon.addPixmap(badged(base, size));
    return icon;
}

void TrayIcon::setBudgetStatuses(const QList<BudgetStatus>& statuses)
{
    m_summary->setText(summaryFor(statuses));
    const bool warning = std::any_of(statuses.cbegin(), statuses.cend(),
                                     [](const BudgetStatus& s) { return s.state == BudgetState::Exceeded; });
    if (warning != m_warning) {
        m_warning = warning;
        m_tray->setIcon(applicationIcon(warning));
    }
    updateToolTip();
}

void TrayIcon::notify(const QString& title, const QString& message, qint64 budgetId, QSystemTrayIcon::MessageIcon icon)
{
    m_messageBudgetId = budgetId;
    if (isAvailable())
        showTrayMessage(title, message, icon);
    else
        qCDebug(lcDesktop) << "no system tray; notification left to the window:" << title;
    emit notified(title, message, budgetId);
}

void TrayIcon::showMessage(const QString& title, const QString& message, QSystemTrayIcon::MessageIcon icon)
{
    m_messageBudgetId = 0;
    if (isAvailable())
        showTrayMessage(title, message, icon);
}

void TrayIcon::showTrayMessage(const QString& title, const QString& message, QSystemTrayIcon::MessageIcon icon)
{
    if (!m_tray->isVisible())
        m_tray->show(); // a message needs an icon to come from
    m_tray->showMessage(title, message, icon);
    emit messageShown(title, message);
}

void TrayIcon::onMessageClicked()
{
    if (m_messageBudgetId > 0)
        emit budgetRequested(m_messageBudgetId);
    else
        emit openRequested();
}

void TrayIcon::updateToolTip()
{
    m_tray->setToolTip(tr("Moniagent") + u'\n' + m_summary->text());
}

} // namespace Moniagent
