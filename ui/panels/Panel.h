#pragma once
// Panel: one part of the window as MainWindow composes it: an optional widget (docked, or the central
// area), the actions it offers (each with the menu it belongs in), its toolbar entries and status-bar
// widgets. MainWindow docks the widget and merges the actions into its menus; it never looks an action up
// by name or decides for a panel what a key does. A key that means different things in different panels
// (Delete) is an action per panel with Qt::WidgetWithChildrenShortcut on that panel's widget.
//
// Adding a panel (Find Samples, pad grid, sample browser, tempo/key editor) is: implement this interface
// on its widget (or a QObject for an action-only part), then MainWindow::addPanel(panel).
//
// Ownership: the panel owns its widget and actions (children). Threads: GUI thread.

#include <QList>
#include <QString>
#include <Qt>

class QAction;
class QToolBar;
class QWidget;

namespace stemcrate::ui {

enum class MenuId
{
    File,
    Playback,
    Selection,
    View,
    Help
};

struct PanelAction
{
    MenuId menu = MenuId::File;
    QAction* action = nullptr; // null: a separator in that menu
};

class Panel
{
public:
    virtual ~Panel() = default;

    // The widget to show, or null for a panel of actions only.
    virtual QWidget* panelWidget() { return nullptr; }
    // The dock's title; empty: the widget is the window's central area.
    virtual QString panelTitle() const { return {}; }
    virtual Qt::DockWidgetArea panelArea() const { return Qt::LeftDockWidgetArea; }
    // In menu order.
    virtual QList<PanelAction> panelActions() const { return {}; }
    // Adds its toolbar entries (actions, widgets, separators) to the window's toolbar.
    virtual void fillToolBar(QToolBar& bar) { (void)bar; }
    // Widgets for the window's status bar (permanent, right side).
    virtual QList<QWidget*> statusWidgets() { return {}; }
};

} // namespace stemcrate::ui
