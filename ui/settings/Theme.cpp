#include "settings/Theme.h"

#include "settings/TiledStyle.h"

#include <QApplication>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>

namespace stemcrate::ui {

namespace {

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2b, 0x2e), base(0x1e, 0x1e, 0x21), text(0xe6, 0xe6, 0xe6);
    const QColor disabled(0x80, 0x80, 0x80), highlight(0x3d, 0x8e, 0xd8);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::red);
    p.setColor(QPalette::Link, highlight);
    p.setColor(QPalette::Highlight, highlight);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::PlaceholderText, disabled);
    for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabled);
    return p;
}

// Fusion paints its long controls through Qt's thread pool; TiledStyle keeps them on the GUI thread with
// the same pixels. Other styles are left as they are.
QStyle* withoutPoolWaits(QStyle* style)
{
    if (style && style->name().compare(QLatin1String("fusion"), Qt::CaseInsensitive) == 0)
        return new TiledStyle(style);
    return style;
}

} // namespace

void Theme::apply(const QString& theme)
{
    static const QString platformStyle = QApplication::style()->name();
    if (theme == QLatin1String("system")) {
        QApplication::setStyle(withoutPoolWaits(QStyleFactory::create(platformStyle)));
        QApplication::setPalette(QApplication::style()->standardPalette());
        return;
    }
    QApplication::setStyle(withoutPoolWaits(QStyleFactory::create(QStringLiteral("Fusion"))));
    QApplication::setPalette(theme == QLatin1String("light") ? QApplication::style()->standardPalette()
                                                             : darkPalette());
}

} // namespace stemcrate::ui
