#include "settings/TiledStyle.h"

#include "views/PaintBands.h"

#include <QPainter>
#include <QStyleOption>

#include <algorithm>

namespace stemcrate::ui {

namespace {

// Set while a control paints tile by tile: the elements it draws through this style (a progress bar its
// groove and contents, a group box its frame) are then painted into the tile directly.
thread_local bool t_inTile = false;

// Paints `paint` tile by tile when the element is one Fusion draws with long blends; false where it paints
// directly instead (the caller then does).
bool paintTiled(bool longBlends, const QStyleOption* option, QPainter* painter,
                const std::function<void(QPainter&)>& paint)
{
    if (!longBlends || t_inTile || !option || !painter)
        return false;
    t_inTile = true;
    const bool tiled = paintInDeviceTiles(*painter, option->rect, paint);
    t_inTile = false;
    return tiled;
}

// Fusion draws a header section into a pixmap of the section's size with a painter of its own (cached in
// QPixmapCache, drawn there the first time a size is painted), out of reach of the caller's painter and its
// tiles: its lines along the section's width go to Qt's pool once 96 pixels long. That pixmap is the same in
// every column (a gradient from top to bottom, lines along the top and bottom) but the last two (the
// separator lines), so a section is painted as narrow sections of kDeviceTileSide columns, each drawn by
// Fusion (and cached: one size per header height) and clipped to the columns that match the wide one's; the
// last narrow section ends where the section ends and brings its right edge. False where that cannot be done
// (a painter scaled or on a device pixel ratio other than 1, sections too tall for one blend, not a header
// option): the caller paints otherwise.
constexpr int kSectionEdgeColumns = 2;

bool paintHeaderSectionInNarrowSections(const QStyle* base, const QStyleOption* option, QPainter* painter,
                                        const QWidget* widget)
{
    const auto* header = qstyleoption_cast<const QStyleOptionHeader*>(option);
    if (!header || !painter || !painter->device())
        return false;
    const QRect rect = option->rect;
    if (rect.width() <= kDeviceTileSide || rect.height() > kMaxBandRows ||
        painter->deviceTransform().type() > QTransform::TxTranslate ||
        painter->device()->devicePixelRatio() != 1.0)
        return false;
    const auto paintPieces = [&](auto narrow) {
        const int lastLeft = rect.right() - kDeviceTileSide + 1;
        const int bodyColumns = kDeviceTileSide - kSectionEdgeColumns;
        for (int left = rect.left(); left < lastLeft; left += bodyColumns) {
            narrow.rect = QRect(left, rect.top(), kDeviceTileSide, rect.height());
            painter->save();
            painter->setClipRect(
                QRect(left, rect.top(), std::min(bodyColumns, lastLeft - left), rect.height()),
                painter->hasClipping() ? Qt::IntersectClip : Qt::ReplaceClip);
            base->drawControl(QStyle::CE_HeaderSection, &narrow, painter, widget);
            painter->restore();
        }
        narrow.rect = QRect(lastLeft, rect.top(), kDeviceTileSide, rect.height());
        base->drawControl(QStyle::CE_HeaderSection, &narrow, painter, widget);
    };
    if (const auto* headerV2 = qstyleoption_cast<const QStyleOptionHeaderV2*>(option))
        paintPieces(QStyleOptionHeaderV2(*headerV2));
    else
        paintPieces(QStyleOptionHeader(*header));
    return true;
}

} // namespace

TiledStyle::TiledStyle(QStyle* base) : QProxyStyle(base) {}

void TiledStyle::drawComplexControl(ComplexControl control, const QStyleOptionComplex* option,
                                    QPainter* painter, const QWidget* widget) const
{
    const auto paint = [&](QPainter& band) {
        QProxyStyle::drawComplexControl(control, option, &band, widget);
    };
    if (paintTiled(control == CC_ScrollBar, option, painter, paint))
        return;
    QProxyStyle::drawComplexControl(control, option, painter, widget);
}

void TiledStyle::drawControl(ControlElement element, const QStyleOption* option, QPainter* painter,
                             const QWidget* widget) const
{
    const auto paint = [&](QPainter& band) { QProxyStyle::drawControl(element, option, &band, widget); };
    if (element == CE_HeaderSection &&
        paintHeaderSectionInNarrowSections(baseStyle(), option, painter, widget))
        return;
    const bool longBlends = element == CE_ToolBar || element == CE_ProgressBar || element == CE_HeaderSection;
    if (paintTiled(longBlends, option, painter, paint))
        return;
    QProxyStyle::drawControl(element, option, painter, widget);
}

void TiledStyle::drawPrimitive(PrimitiveElement element, const QStyleOption* option, QPainter* painter,
                               const QWidget* widget) const
{
    const auto paint = [&](QPainter& band) { QProxyStyle::drawPrimitive(element, option, &band, widget); };
    const bool longBlends =
        element == PE_FrameTabWidget || element == PE_FrameGroupBox || element == PE_PanelButtonCommand;
    if (paintTiled(longBlends, option, painter, paint))
        return;
    QProxyStyle::drawPrimitive(element, option, painter, widget);
}

} // namespace stemcrate::ui
