#include "notificationsbutton.h"

#include "notificationlistmodel.h"
#include "notificationspopup.h"

#include <QEvent>
#include <QPainter>
#include <QSvgRenderer>

#include <algorithm>

namespace Moniagent {

namespace {

constexpr int BellSize = 20;

QPixmap bell(const QColor& color, int size, qreal dpr)
{
    const int pixels = qRound(size * dpr);
    QPixmap pixmap(pixels, pixels);
    pixmap.fill(Qt::transparent);
    QSvgRenderer renderer(QStringLiteral(":/icons/bell.svg"));
    {
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        if (renderer.isValid()) {
            renderer.render(&painter, QRectF(0, 0, pixels, pixels));
        } else {
            // Without the resource: a plain bell shape.
            painter.setPen(Qt::NoPen);
            painter.setBrush(Qt::black);
            const qreal u = pixels / 24.0;
            painter.drawRoundedRect(QRectF(6 * u, 4 * u, 12 * u, 13 * u), 5 * u, 5 * u);
            painter.drawRect(QRectF(4 * u, 15 * u, 16 * u, 3 * u));
            painter.drawEllipse(QRectF(10 * u, 18 * u, 4 * u, 4 * u));
        }
        painter.setCompositionMode(QPainter::CompositionMode_SourceIn);
        painter.fillRect(pixmap.rect(), color);
    }
    pixmap.setDevicePixelRatio(dpr);
    return pixmap;
}

} // namespace

NotificationsButton::NotificationsButton(Session* session, QWidget* parent)
    : QToolButton(parent)
    , m_model(new NotificationListModel(session, this))
    , m_popup(nullptr)
{
    setObjectName(QStringLiteral("notificationsButton"));
    setAutoRaise(true);
    setFocusPolicy(Qt::TabFocus);
    setIconSize(QSize(BellSize, BellSize));
    m_popup = new NotificationsPopup(m_model, this);
    connect(this, &QToolButton::clicked, this, &NotificationsButton::showPopup);
    connect(m_popup, &NotificationsPopup::alertActivated, this, &NotificationsButton::alertActivated);
    connect(m_model, &NotificationListModel::unseenCountChanged, this, &NotificationsButton::updateCount);
    updateIcon();
    updateCount();
}

qint64 NotificationsButton::unreadCount() const
{
    return m_model->unseenCount();
}

QString NotificationsButton::badgeText() const
{
    const qint64 count = unreadCount();
    if (count <= 0)
        return {};
    return count > 99 ? QStringLiteral("99+") : QString::number(count);
}

QSize NotificationsButton::sizeHint() const
{
    // Room for the badge at the top right.
    const QSize size = QToolButton::sizeHint();
    return {std::max(size.width(), BellSize + 20), std::max(size.height(), BellSize + 10)};
}

void NotificationsButton::showPopup()
{
    m_popup->popup(this);
}

void NotificationsButton::alertActivated(int row)
{
    const QModelIndex index = m_model->index(row);
    if (!index.isValid())
        return;
    const qint64 budgetId = index.data(NotificationListModel::BudgetIdRole).toLongLong();
    const QDate periodStart = index.data(NotificationListModel::PeriodStartRole).toDate();
    m_model->markSeen(row);
    Q_EMIT budgetRequested(budgetId, periodStart);
}

void NotificationsButton::updateIcon()
{
    const QColor color = palette().color(QPalette::ButtonText);
    QIcon icon;
    for (qreal dpr : {1.0, 2.0})
        icon.addPixmap(bell(color, BellSize, dpr));
    setIcon(icon);
}

void NotificationsButton::updateCount()
{
    const qint64 count = std::max<qint64>(0, unreadCount());
    const QString tip = count == 0 ? tr("Notifications: nothing unread")
                                   : tr("Notifications: %n unread budget alert(s)", nullptr, int(count));
    setToolTip(tip);
    setAccessibleName(tip);
    update();
}

void NotificationsButton::paintEvent(QPaintEvent* event)
{
    QToolButton::paintEvent(event);
    const QString text = badgeText();
    if (text.isEmpty())
        return;
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    QFont font = this->font();
    font.setBold(true);
    font.setPixelSize(9);
    painter.setFont(font);
    const QFontMetrics metrics(font);
    const int height = 13;
    const int width = std::max(height, metrics.horizontalAdvance(text) + 6);
    // Over the bell's upper right shoulder, leaving the bell readable.
    const int left = std::min(rect().center().x() + 3, rect().right() - width);
    const QRect badge(left, 1, width, height);
    painter.setPen(QPen(palette().color(QPalette::Window), 1.5));
    painter.setBrush(QColor(0xD3, 0x2F, 0x2F)); // white on red reads in light and dark mode alike
    painter.drawRoundedRect(QRectF(badge).adjusted(0.5, 0.5, -0.5, -0.5), height / 2.0, height / 2.0);
    painter.setPen(Qt::white);
    painter.drawText(badge, Qt::AlignCenter, text);
}

void NotificationsButton::changeEvent(QEvent* event)
{
    QToolButton::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange)
        updateIcon();
}

} // namespace Moniagent
