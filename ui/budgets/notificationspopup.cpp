#include "notificationspopup.h"

#include "notificationlistmodel.h"
#include "twolinedelegate.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QScreen>
#include <QScrollBar>
#include <QStackedLayout>
#include <QVBoxLayout>

#include <algorithm>

namespace Moniagent {

namespace {
constexpr int MinimumWidth = 360;
constexpr int MaximumWidth = 620;
constexpr int VisibleRows = 6;
} // namespace

NotificationsPopup::NotificationsPopup(NotificationListModel* model, QWidget* parent)
    : QFrame(parent, Qt::Popup)
    , m_model(model)
    , m_list(new QListView(this))
    , m_empty(new QLabel(tr("No notifications yet.\nBudget alerts appear here."), this))
    , m_markAll(new QPushButton(tr("Mark All &Read"), this))
    , m_stack(new QStackedLayout)
{
    setObjectName(QStringLiteral("notificationsPopup"));
    setFrameShape(QFrame::StyledPanel);
    setAccessibleName(tr("Notifications"));

    auto* title = new QLabel(tr("Notifications"), this);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    m_markAll->setObjectName(QStringLiteral("markAllReadButton"));
    m_markAll->setFlat(true);
    m_markAll->setAutoDefault(false);
    connect(m_markAll, &QPushButton::clicked, m_model, &NotificationListModel::markAllSeen);

    m_list->setObjectName(QStringLiteral("notificationsList"));
    m_list->setAccessibleName(tr("Budget alerts"));
    m_list->setModel(model);
    m_list->setUniformItemSizes(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setFrameShape(QFrame::NoFrame);
    m_list->setIconSize(QSize(24, 24));
    m_list->setWordWrap(false);
    m_list->setTextElideMode(Qt::ElideRight);
    m_list->setItemDelegate(new TwoLineDelegate(m_list));
    m_list->setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    connect(m_list, &QListView::clicked, this, &NotificationsPopup::activate);

    m_empty->setObjectName(QStringLiteral("notificationsEmpty"));
    m_empty->setAlignment(Qt::AlignCenter);
    QPalette muted = m_empty->palette();
    muted.setColor(QPalette::WindowText, muted.color(QPalette::PlaceholderText));
    m_empty->setPalette(muted);

    auto* header = new QHBoxLayout;
    header->setContentsMargins(10, 6, 4, 2);
    header->addWidget(title, 1);
    header->addWidget(m_markAll);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(1, 1, 1, 1);
    layout->setSpacing(0);
    layout->addLayout(header);
    m_stack->addWidget(m_list);
    m_stack->addWidget(m_empty);
    layout->addLayout(m_stack, 1);

    connect(model, &QAbstractItemModel::modelReset, this, &NotificationsPopup::update);
    connect(model, &NotificationListModel::unseenCountChanged, this, &NotificationsPopup::update);
    update();
}

void NotificationsPopup::update()
{
    const bool empty = m_model->rowCount() == 0;
    m_stack->setCurrentWidget(empty ? static_cast<QWidget*>(m_empty) : m_list);
    m_markAll->setEnabled(m_model->unseenCount() > 0);
}

void NotificationsPopup::popup(QWidget* anchor)
{
    update();
    const int rowHeight = m_model->rowCount() > 0 ? std::max(m_list->sizeHintForRow(0), 20) : 48;
    const int rows = std::clamp(m_model->rowCount(), 2, VisibleRows);
    const int header = m_markAll->sizeHint().height() + 8;
    // As wide as the longest alert needs (within reason), so sentences are not cut.
    const int scrollBar = m_model->rowCount() > VisibleRows ? m_list->verticalScrollBar()->sizeHint().width() : 0;
    const int content = m_model->rowCount() > 0 ? m_list->sizeHintForColumn(0) + scrollBar + 4 : 0;
    resize(std::clamp(content, MinimumWidth, MaximumWidth), header + rows * rowHeight + 6);
    QPoint at = anchor->mapToGlobal(QPoint(anchor->width() - width(), anchor->height()));
    if (const QScreen* screen = anchor->screen()) {
        const QRect available = screen->availableGeometry();
        at.setX(std::clamp(at.x(), available.left(), std::max(available.left(), available.right() - width())));
        if (at.y() + height() > available.bottom())
            at.setY(anchor->mapToGlobal(QPoint(0, 0)).y() - height());
    }
    move(at);
    show();
    m_list->setFocus(Qt::PopupFocusReason);
    if (m_model->rowCount() > 0 && !m_list->currentIndex().isValid())
        m_list->setCurrentIndex(m_model->index(0));
}

void NotificationsPopup::activate(const QModelIndex& index)
{
    // A style that activates on single click sends both clicked and activated: act once.
    if (!index.isValid() || !isVisible())
        return;
    hide();
    Q_EMIT alertActivated(index.row());
}

void NotificationsPopup::keyPressEvent(QKeyEvent* event)
{
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && m_list->currentIndex().isValid()) {
        activate(m_list->currentIndex());
        return;
    }
    QFrame::keyPressEvent(event);
}

} // namespace Moniagent
