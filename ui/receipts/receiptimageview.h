#pragma once

#include <QColor>
#include <QGraphicsView>
#include <QHash>
#include <QImage>
#include <QList>
#include <QPoint>
#include <QRect>

class QAction;
class QGraphicsRectItem;
class QGraphicsSimpleTextItem;
class QGraphicsItem;

namespace Moniagent {

struct ReceiptDraft;

// The page images of a receipt, stacked top to bottom, with the places of the fields that were read drawn over them
// as tinted boxes with a small label. Zoom with Ctrl+wheel, Ctrl++ / Ctrl+- and Ctrl+0 (fit the width), or the
// actions; pan by dragging or with the scroll bars. highlight() brings one field forward and scrolls it into view.
class ReceiptImageView : public QGraphicsView
{
    Q_OBJECT
public:
    explicit ReceiptImageView(QWidget* parent = nullptr);
    ~ReceiptImageView() override;

    // The pages, top to bottom. `coordinateSizes` are the sizes the boxes refer to (OcrPage::size), when an image was
    // scaled for showing; missing or empty sizes mean the image's own size. Removes the regions.
    void setPages(const QList<QImage>& pages, const QList<QSize>& coordinateSizes = {});
    int pageCount() const { return m_pages.size(); }
    // Where a page is in the scene (scene units are the page's box coordinates, pages separated by a gap).
    QRectF pageRect(int page) const;

    // A region to show: `key` names it for highlight() (a ReceiptDraft field name or itemKey(row)), `label` is
    // written beside it. A null box or a page out of range is ignored. Replaces a region with the same key.
    void addRegion(const QString& key, const QString& label, int page, const QRect& box);
    // The regions of everything in `draft` that has a box: the fields (labelled with ReceiptText::fieldName) and the
    // line items (itemKey(row)).
    void setRegions(const ReceiptDraft& draft);
    void removeRegion(const QString& key);
    void clearRegions();
    QStringList regionKeys() const;
    bool hasRegion(const QString& key) const { return m_regions.contains(key); }
    // The region's rectangle in scene coordinates; null when there is none.
    QRectF regionRect(const QString& key) const;
    static QString itemKey(int row) { return QStringLiteral("item:%1").arg(row); }
    static QColor colorFor(const QString& key);

    // Emphasizes one region (the others fade) and scrolls it into view; an unknown or empty key clears the emphasis.
    void highlight(const QString& key);
    QString highlighted() const { return m_highlighted; }

    // The scale from scene to view (1 = one image pixel per screen pixel).
    qreal zoom() const;
    void setZoom(qreal zoom);
    // Whether the view follows its width (after fitWidth(), until the user zooms).
    bool isFitting() const { return m_fitting; }
    static constexpr qreal MinZoom = 0.05;
    static constexpr qreal MaxZoom = 8.0;

    QAction* zoomInAction() const { return m_zoomIn; }
    QAction* zoomOutAction() const { return m_zoomOut; }
    QAction* fitAction() const { return m_fit; }

public Q_SLOTS:
    void zoomIn();
    void zoomOut();
    // Scales the widest page to the view's width.
    void fitWidth();

Q_SIGNALS:
    void zoomChanged(qreal zoom);
    // A click (not a drag) on a region.
    void regionClicked(const QString& key);

protected:
    void wheelEvent(QWheelEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;

private:
    struct Region
    {
        QGraphicsRectItem* box = nullptr;
        QGraphicsItem* label = nullptr;
        QColor color;
    };
    void applyZoom(qreal zoom);
    void styleRegion(const Region& region, bool emphasized, bool faded);
    void restyleRegions();

    QGraphicsScene* m_scene;
    QList<QRectF> m_pages; // scene rectangles
    QHash<QString, Region> m_regions;
    QString m_highlighted;
    bool m_fitting = true;
    QPoint m_pressPos;
    QAction* m_zoomIn;
    QAction* m_zoomOut;
    QAction* m_fit;
};

} // namespace Moniagent
