#include "receiptimageview.h"

#include "receipts/receiptdraft.h"
#include "receipttext.h"

#include <QAction>
#include <QApplication>
#include <QGraphicsPixmapItem>
#include <QGraphicsRectItem>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace Moniagent {

namespace {
constexpr qreal PageGap = 24; // scene units between pages
constexpr qreal SceneMargin = 24; // room around the pages, for the labels above a box at the top
constexpr qreal ZoomStep = 1.25;
constexpr int FitMargin = 8; // pixels left free beside the page when it fits the width
constexpr qreal PageZ = 0;
constexpr qreal BoxZ = 1;
constexpr qreal LabelZ = 2;
constexpr qreal RaisedZ = 10;
} // namespace

ReceiptImageView::ReceiptImageView(QWidget* parent)
    : QGraphicsView(parent)
    , m_scene(new QGraphicsScene(this))
    , m_zoomIn(new QAction(tr("Zoom &In"), this))
    , m_zoomOut(new QAction(tr("Zoom &Out"), this))
    , m_fit(new QAction(tr("&Fit Width"), this))
{
    setObjectName(QStringLiteral("receiptImageView"));
    setAccessibleName(tr("Receipt image"));
    setScene(m_scene);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setRenderHints(QPainter::Antialiasing | QPainter::SmoothPixmapTransform);
    setTransformationAnchor(QGraphicsView::AnchorViewCenter);
    setResizeAnchor(QGraphicsView::AnchorViewCenter);
    // Always there, so that fitting the width does not make it come and go.
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    setBackgroundBrush(QColor(0x4B, 0x55, 0x63));
    setFocusPolicy(Qt::StrongFocus);

    m_zoomIn->setObjectName(QStringLiteral("zoomInAction"));
    m_zoomIn->setShortcuts({QKeySequence::ZoomIn, QKeySequence(Qt::CTRL | Qt::Key_Equal)});
    m_zoomOut->setObjectName(QStringLiteral("zoomOutAction"));
    m_zoomOut->setShortcuts(QKeySequence::ZoomOut);
    m_fit->setObjectName(QStringLiteral("fitAction"));
    m_fit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    for (QAction* action : {m_zoomIn, m_zoomOut, m_fit}) {
        // Anywhere in the window: the hands stay on the fields while the eyes look for the text.
        action->setShortcutContext(Qt::WindowShortcut);
        action->setToolTip(QStringLiteral("%1 (%2)").arg(action->text().remove(u'&'),
                                                         action->shortcut().toString(QKeySequence::NativeText)));
        addAction(action);
    }
    connect(m_zoomIn, &QAction::triggered, this, &ReceiptImageView::zoomIn);
    connect(m_zoomOut, &QAction::triggered, this, &ReceiptImageView::zoomOut);
    connect(m_fit, &QAction::triggered, this, &ReceiptImageView::fitWidth);
}

ReceiptImageView::~ReceiptImageView() = default;

void ReceiptImageView::setPages(const QList<QImage>& pages, const QList<QSize>& coordinateSizes)
{
    m_regions.clear();
    m_highlighted.clear();
    m_scene->clear();
    m_pages.clear();
    QList<QSizeF> sizes;
    qreal width = 0;
    for (int i = 0; i < pages.size(); ++i) {
        const QSize given = i < coordinateSizes.size() ? coordinateSizes.at(i) : QSize();
        const QSizeF size = given.isValid() && !given.isEmpty() ? QSizeF(given) : QSizeF(pages.at(i).size());
        sizes.append(size);
        width = std::max(width, size.width());
    }
    qreal y = 0;
    for (int i = 0; i < pages.size(); ++i) {
        const QImage& image = pages.at(i);
        const QSizeF size = sizes.at(i);
        const QRectF rect(QPointF((width - size.width()) / 2, y), size);
        m_pages.append(rect);
        y += size.height() + PageGap;
        if (image.isNull() || size.isEmpty())
            continue;
        auto* item = m_scene->addPixmap(QPixmap::fromImage(image));
        item->setTransformationMode(Qt::SmoothTransformation);
        item->setTransform(QTransform::fromScale(size.width() / image.width(), size.height() / image.height()));
        item->setPos(rect.topLeft());
        item->setZValue(PageZ);
    }
    QRectF bounds;
    for (const QRectF& rect : std::as_const(m_pages))
        bounds = bounds.united(rect);
    m_scene->setSceneRect(bounds.adjusted(-SceneMargin, -SceneMargin, SceneMargin, SceneMargin));
    if (m_fitting)
        fitWidth();
}

QRectF ReceiptImageView::pageRect(int page) const
{
    return page >= 0 && page < m_pages.size() ? m_pages.at(page) : QRectF();
}

void ReceiptImageView::addRegion(const QString& key, const QString& label, int page, const QRect& box)
{
    if (box.isNull() || box.isEmpty() || page < 0 || page >= m_pages.size())
        return;
    removeRegion(key);
    Region region;
    region.color = colorFor(key);
    const QRectF rect = QRectF(box).translated(m_pages.at(page).topLeft()).adjusted(-2, -2, 2, 2);
    region.box = m_scene->addRect(rect);
    region.box->setZValue(BoxZ);
    region.box->setToolTip(label);
    region.box->setData(0, key);

    // The label keeps its size on screen whatever the zoom: a tab on the box's top-left corner.
    auto* text = new QGraphicsSimpleTextItem(label);
    QFont font = this->font();
    font.setPointSizeF(std::max(7.0, font.pointSizeF() * 0.8));
    font.setBold(true);
    text->setFont(font);
    text->setBrush(Qt::white);
    const QRectF textRect = text->boundingRect();
    auto* tab = new QGraphicsRectItem(QRectF(0, -textRect.height() - 2, textRect.width() + 8, textRect.height() + 2));
    tab->setPen(Qt::NoPen);
    tab->setFlag(QGraphicsItem::ItemIgnoresTransformations);
    tab->setPos(rect.topLeft());
    tab->setZValue(LabelZ);
    tab->setData(0, key);
    text->setParentItem(tab);
    text->setPos(4, -textRect.height() - 1);
    m_scene->addItem(tab);
    region.label = tab;

    m_regions.insert(key, region);
    restyleRegions();
}

void ReceiptImageView::setRegions(const ReceiptDraft& draft)
{
    clearRegions();
    for (auto it = draft.sources.cbegin(); it != draft.sources.cend(); ++it)
        addRegion(it.key(), ReceiptText::fieldName(it.key()), it->page, it->box);
    for (int row = 0; row < draft.items.size(); ++row) {
        const ReceiptFieldSource& source = draft.items.at(row).source;
        addRegion(itemKey(row), ReceiptText::fieldName(itemKey(row)), source.page, source.box);
    }
}

void ReceiptImageView::removeRegion(const QString& key)
{
    const auto it = m_regions.constFind(key);
    if (it == m_regions.cend())
        return;
    delete it->box;
    delete it->label;
    m_regions.erase(it);
    if (m_highlighted == key)
        m_highlighted.clear();
}

void ReceiptImageView::clearRegions()
{
    const QStringList keys = m_regions.keys();
    for (const QString& key : keys)
        removeRegion(key);
}

QStringList ReceiptImageView::regionKeys() const
{
    QStringList keys = m_regions.keys();
    keys.sort();
    return keys;
}

QRectF ReceiptImageView::regionRect(const QString& key) const
{
    const auto it = m_regions.constFind(key);
    return it == m_regions.cend() ? QRectF() : it->box->rect();
}

QColor ReceiptImageView::colorFor(const QString& key)
{
    if (key == QLatin1String(ReceiptDraft::Merchant))
        return QColor(0x25, 0x63, 0xEB); // blue
    if (key == QLatin1String(ReceiptDraft::Date) || key == QLatin1String(ReceiptDraft::Time))
        return QColor(0x93, 0x33, 0xEA); // purple
    if (key == QLatin1String(ReceiptDraft::Total))
        return QColor(0x16, 0xA3, 0x4A); // green
    if (key == QLatin1String(ReceiptDraft::Tax) || key == QLatin1String(ReceiptDraft::Subtotal))
        return QColor(0xEA, 0x58, 0x0C); // orange
    if (key.startsWith(u"item:"))
        return QColor(0x08, 0x91, 0xB2); // cyan
    return QColor(0x64, 0x74, 0x8B); // slate: payment, currency, anything else
}

void ReceiptImageView::styleRegion(const Region& region, bool emphasized, bool faded)
{
    QColor fill = region.color;
    fill.setAlpha(emphasized ? 80 : 40);
    QPen pen(region.color, emphasized ? 3 : 1.5);
    pen.setCosmetic(true);
    region.box->setPen(pen);
    region.box->setBrush(fill);
    // Receipt lines are tight: a label sits over the bottom of the line above. The emphasized one is solid; the
    // others let the text show through, and the line items (many, and alike) are only named when emphasized.
    QColor tab = region.color;
    tab.setAlpha(emphasized ? 255 : 170);
    static_cast<QGraphicsRectItem*>(region.label)->setBrush(tab);
    region.label->setVisible(emphasized || !region.box->data(0).toString().startsWith(u"item:"));
    const qreal opacity = faded ? 0.4 : 1.0;
    region.box->setOpacity(opacity);
    region.label->setOpacity(opacity);
    region.box->setZValue(emphasized ? RaisedZ : BoxZ);
    region.label->setZValue(emphasized ? RaisedZ + 1 : LabelZ);
}

void ReceiptImageView::restyleRegions()
{
    const bool any = m_regions.contains(m_highlighted);
    for (auto it = m_regions.cbegin(); it != m_regions.cend(); ++it)
        styleRegion(*it, it.key() == m_highlighted, any && it.key() != m_highlighted);
}

void ReceiptImageView::highlight(const QString& key)
{
    m_highlighted = m_regions.contains(key) ? key : QString();
    restyleRegions();
    if (m_highlighted.isEmpty())
        return;
    const Region& region = m_regions[m_highlighted];
    // The label sits above the box: leave room for it.
    const int labelHeight = int(std::ceil(region.label->boundingRect().height()));
    constexpr int Margin = 40;
    // A box larger than the view shows its start, where its label is.
    QRectF target = region.box->rect();
    const qreal scale = zoom();
    target.setWidth(std::min(target.width(), (viewport()->width() - 2 * Margin) / scale));
    target.setHeight(std::min(target.height(), (viewport()->height() - 2 * Margin - labelHeight) / scale));
    ensureVisible(target, Margin, Margin + labelHeight);
}

qreal ReceiptImageView::zoom() const
{
    return transform().m11();
}

void ReceiptImageView::setZoom(qreal zoom)
{
    m_fitting = false;
    applyZoom(zoom);
}

void ReceiptImageView::applyZoom(qreal zoom)
{
    zoom = std::clamp(zoom, MinZoom, MaxZoom);
    if (qFuzzyCompare(zoom, this->zoom()))
        return;
    setTransform(QTransform::fromScale(zoom, zoom));
    Q_EMIT zoomChanged(zoom);
}

void ReceiptImageView::zoomIn()
{
    setZoom(zoom() * ZoomStep);
}

void ReceiptImageView::zoomOut()
{
    setZoom(zoom() / ZoomStep);
}

void ReceiptImageView::fitWidth()
{
    m_fitting = true;
    qreal width = 0;
    for (const QRectF& rect : std::as_const(m_pages))
        width = std::max(width, rect.width());
    if (width <= 0)
        return;
    applyZoom((viewport()->width() - 2 * FitMargin) / width);
    if (!m_pages.isEmpty())
        centerOn(m_pages.first().center().x(), mapToScene(viewport()->rect().center()).y());
}

void ReceiptImageView::wheelEvent(QWheelEvent* event)
{
    if (!(event->modifiers() & Qt::ControlModifier)) {
        QGraphicsView::wheelEvent(event);
        return;
    }
    const int steps = event->angleDelta().y();
    if (steps == 0)
        return;
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setZoom(zoom() * std::pow(ZoomStep, steps / 120.0));
    setTransformationAnchor(QGraphicsView::AnchorViewCenter);
    event->accept();
}

void ReceiptImageView::resizeEvent(QResizeEvent* event)
{
    QGraphicsView::resizeEvent(event);
    if (m_fitting)
        fitWidth();
}

void ReceiptImageView::mousePressEvent(QMouseEvent* event)
{
    m_pressPos = event->position().toPoint();
    QGraphicsView::mousePressEvent(event);
}

void ReceiptImageView::mouseReleaseEvent(QMouseEvent* event)
{
    QGraphicsView::mouseReleaseEvent(event);
    if (event->button() != Qt::LeftButton
        || (event->position().toPoint() - m_pressPos).manhattanLength() >= QApplication::startDragDistance())
        return;
    const QList<QGraphicsItem*> hits = items(event->position().toPoint());
    for (QGraphicsItem* item : hits) {
        for (QGraphicsItem* i = item; i; i = i->parentItem()) {
            const QString key = i->data(0).toString();
            if (!key.isEmpty()) {
                Q_EMIT regionClicked(key);
                return;
            }
        }
    }
}

} // namespace Moniagent
