#include "settings/TiledStyle.h"

#include "views/PaintBands.h"

#include <QPainter>
#include <QStyleOption>

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
