#include "settings/TiledStyle.h"

#include "views/PaintBands.h"

#include <QPainter>
#include <QStyleOption>

namespace stemcrate::ui {

TiledStyle::TiledStyle(QStyle* base)
    : QProxyStyle(base)
{
}

void TiledStyle::drawComplexControl(ComplexControl control, const QStyleOptionComplex* option,
                                     QPainter* painter, const QWidget* widget) const
{
    const auto paint = [&](QPainter& band) { QProxyStyle::drawComplexControl(control, option, &band, widget); };
    if (control == CC_ScrollBar && option && painter && paintInDeviceTiles(*painter, option->rect, paint))
        return;
    QProxyStyle::drawComplexControl(control, option, painter, widget);
}

void TiledStyle::drawControl(ControlElement element, const QStyleOption* option, QPainter* painter,
                              const QWidget* widget) const
{
    const auto paint = [&](QPainter& band) { QProxyStyle::drawControl(element, option, &band, widget); };
    if (element == CE_ToolBar && option && painter && paintInDeviceTiles(*painter, option->rect, paint))
        return;
    QProxyStyle::drawControl(element, option, painter, widget);
}

void TiledStyle::drawPrimitive(PrimitiveElement element, const QStyleOption* option, QPainter* painter,
                                const QWidget* widget) const
{
    const auto paint = [&](QPainter& band) { QProxyStyle::drawPrimitive(element, option, &band, widget); };
    if (element == PE_FrameTabWidget && option && painter && paintInDeviceTiles(*painter, option->rect, paint))
        return;
    QProxyStyle::drawPrimitive(element, option, painter, widget);
}

} // namespace stemcrate::ui
